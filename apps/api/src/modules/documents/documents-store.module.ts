import { Module } from '@nestjs/common';
import { SourceDocumentsRepository } from './source-documents.repository.js';

/** The stored bytes, shared by ingestion and review without a module cycle. */
@Module({ providers: [SourceDocumentsRepository], exports: [SourceDocumentsRepository] })
export class DocumentsStoreModule {}

import { Module } from '@nestjs/common';
import { ExtractionModule } from '../../extraction/extraction.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { UnitsModule } from '../units/units.module.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { DocumentsStoreModule } from './documents-store.module.js';
import { IngestionService } from './ingestion.service.js';
import { DiskUploadInterceptor } from './disk-upload.interceptor.js';
import { UPLOAD_LIMITS, uploadLimitsFromEnv } from './upload-limits.js';

@Module({
  imports: [DocumentsStoreModule, ExtractionModule, ReportsModule, UnitsModule, RegionsModule, SettingsModule],
  controllers: [DocumentsController],
  providers: [IngestionService, DocumentsService, DiskUploadInterceptor, { provide: UPLOAD_LIMITS, useFactory: () => uploadLimitsFromEnv() }],
  exports: [IngestionService],
})
export class DocumentsModule {}

import { Module } from '@nestjs/common';
import { ExtractionPoolService } from './extraction-pool.service.js';

@Module({ providers: [ExtractionPoolService], exports: [ExtractionPoolService] })
export class ExtractionModule {}

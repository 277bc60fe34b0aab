import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor.js';
import { RectificationController } from './rectification.controller.js';
import { RectificationRepository } from './rectification.repository.js';
import { RectificationService } from './rectification.service.js';

@Module({
  imports: [AnalyticsModule, RegionsModule],
  controllers: [RectificationController],
  providers: [RectificationRepository, RectificationService, EvidenceUploadInterceptor],
})
export class RectificationModule {}

import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

@Module({ imports: [AnalyticsModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}

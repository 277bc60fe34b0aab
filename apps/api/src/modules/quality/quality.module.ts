import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { QualityController } from './quality.controller.js';
import { QualityService } from './quality.service.js';

@Module({
  imports: [ReportsModule, SettingsModule],
  controllers: [QualityController],
  providers: [QualityService],
})
export class QualityModule {}

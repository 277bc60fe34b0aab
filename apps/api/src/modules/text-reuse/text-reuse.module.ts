import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { TextReuseController } from './text-reuse.controller.js';
import { TextReuseRepository } from './text-reuse.repository.js';
import { TextReuseService } from './text-reuse.service.js';

@Module({
  imports: [AnalyticsModule, RegionsModule, SettingsModule],
  controllers: [TextReuseController],
  providers: [TextReuseRepository, TextReuseService],
})
export class TextReuseModule {}

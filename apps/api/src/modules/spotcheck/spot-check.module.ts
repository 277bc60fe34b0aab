import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { SpotCheckDrawService } from './spot-check-draw.service.js';
import { SpotCheckItemService } from './spot-check-item.service.js';
import { SpotCheckReviewService } from './spot-check-review.service.js';
import { SpotCheckController } from './spot-check.controller.js';
import { SpotCheckService } from './spot-check.service.js';

@Module({
  imports: [RegionsModule, SettingsModule],
  controllers: [SpotCheckController],
  providers: [SpotCheckService, SpotCheckDrawService, SpotCheckReviewService, SpotCheckItemService],
})
export class SpotCheckModule {}

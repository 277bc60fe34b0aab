import { Module } from '@nestjs/common';
import { PlausibilityController } from './plausibility.controller.js';
import { PlausibilityService } from './plausibility.service.js';
import { SettingsController } from './settings.controller.js';
import { SettingsRepository } from './settings.repository.js';
import { SettingsService } from './settings.service.js';

@Module({
  controllers: [SettingsController, PlausibilityController],
  providers: [SettingsRepository, SettingsService, PlausibilityService],
  exports: [SettingsService, SettingsRepository, PlausibilityService],
})
export class SettingsModule {}

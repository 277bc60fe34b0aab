import { Module } from '@nestjs/common';
import { RegionsModule } from '../regions/regions.module.js';
import { UnitResolverService } from './unit-resolver.service.js';
import { UnitsController } from './units.controller.js';
import { UnitsRepository } from './units.repository.js';
import { UnitsService } from './units.service.js';

@Module({
  imports: [RegionsModule],
  controllers: [UnitsController],
  providers: [UnitsRepository, UnitsService, UnitResolverService],
  exports: [UnitsRepository, UnitsService, UnitResolverService],
})
export class UnitsModule {}

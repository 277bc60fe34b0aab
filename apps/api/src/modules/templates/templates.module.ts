import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module.js';
import { TemplatesController } from './templates.controller.js';

@Module({ imports: [ReportsModule], controllers: [TemplatesController] })
export class TemplatesModule {}

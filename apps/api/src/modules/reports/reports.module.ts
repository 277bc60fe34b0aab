import { Module } from '@nestjs/common';
import { DocumentsStoreModule } from '../documents/documents-store.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { UnitsModule } from '../units/units.module.js';
import { ReportAccessService } from './report-access.service.js';
import { ReportHistoryRepository } from './report-history.repository.js';
import { ReportListRepository } from './report-list.repository.js';
import { ReportReviewService } from './report-review.service.js';
import { ReportRowsRepository } from './report-rows.repository.js';
import { ReportTransitionsService } from './report-transitions.service.js';
import { ReportWorkflowService } from './report-workflow.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [RegionsModule, UnitsModule, DocumentsStoreModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportRowsRepository, ReportListRepository, ReportAccessService, ReportWorkflowService, ReportTransitionsService, ReportHistoryRepository, ReportsService, ReportReviewService],
  exports: [ReportsRepository, ReportRowsRepository, ReportAccessService, ReportWorkflowService, ReportsService],
})
export class ReportsModule {}

import { Injectable } from '@nestjs/common';
import { forbidden } from '../../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { ReportDetailDto } from './dto/report-detail.dto.js';
import type { EditReportDto, ResolveUnitDto } from './dto/report.dto.js';
import type { RowEditDto } from './dto/row-edit.dto.js';
import { ReportAccessService } from './report-access.service.js';
import { ReportWorkflowService } from './report-workflow.service.js';
import { ReportsService } from './reports.service.js';

/** The write side as the API exposes it: access checks first, then the workflow, then the detail view. */
@Injectable()
export class ReportReviewService {
  constructor(
    private readonly access: ReportAccessService,
    private readonly workflow: ReportWorkflowService,
    private readonly reports: ReportsService,
  ) {}

  async edit(id: string, body: EditReportDto, user: AuthUser, requestId: string): Promise<ReportDetailDto> {
    const report = await this.access.get(id, user);
    if (user.role === 'submitter' && !['draft', 'unresolved'].includes(report.status)) {
      throw forbidden('提交人只能更正尚未确认的草稿');
    }
    return this.reports.toDetail(await this.workflow.edit(id, body.edits, body.reason, user, requestId), user);
  }

  async editRow(id: string, body: RowEditDto, user: AuthUser, requestId: string): Promise<ReportDetailDto> {
    const report = await this.access.get(id, user);
    if (user.role === 'submitter' && !['draft', 'unresolved'].includes(report.status)) {
      throw forbidden('提交人只能更正尚未确认的草稿');
    }
    const { reason, ...edit } = body;
    return this.reports.toDetail(await this.workflow.editRow(id, edit, reason, user, requestId), user);
  }

  async confirm(id: string, user: AuthUser, requestId: string): Promise<ReportDetailDto> {
    await this.access.get(id, user);
    return this.reports.toDetail(await this.workflow.confirm(id, user, requestId), user);
  }

  async resolveUnit(id: string, body: ResolveUnitDto, user: AuthUser, requestId: string): Promise<ReportDetailDto> {
    await this.access.get(id, user);
    return this.reports.toDetail(await this.workflow.resolveUnit(id, body, user, requestId), user);
  }
}

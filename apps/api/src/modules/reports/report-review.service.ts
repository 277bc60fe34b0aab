import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import type { ReportDetailDto } from './dto/report-detail.dto.js';
import type { EditReportDto, ResolveUnitDto } from './dto/report.dto.js';
import type { ReturnReportDto, SubmitReportDto, WithdrawReportDto } from './dto/report-transition.dto.js';
import type { RowEditDto } from './dto/row-edit.dto.js';
import { ReportAccessService } from './report-access.service.js';
import { ReportTransitionsService } from './report-transitions.service.js';
import { assertMayEdit, ReportWorkflowService } from './report-workflow.service.js';
import { ReportsService } from './reports.service.js';

/**
 * The write side as the API exposes it: access checks first (a report outside the caller's region
 * is 404), then the workflow, then the detail view.
 */
@Injectable()
export class ReportReviewService {
  constructor(
    private readonly access: ReportAccessService,
    private readonly workflow: ReportWorkflowService,
    private readonly transitions: ReportTransitionsService,
    private readonly reports: ReportsService,
  ) {}

  async edit(id: string, body: EditReportDto, user: AuthUser, requestId: string): Promise<ReportDetailDto> {
    assertMayEdit(await this.access.get(id, user), user);
    return this.reports.toDetail(await this.workflow.edit(id, body.edits, body.reason, user, requestId), user);
  }

  async editRow(id: string, body: RowEditDto, user: AuthUser, requestId: string): Promise<ReportDetailDto> {
    assertMayEdit(await this.access.get(id, user), user);
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

  async submit(id: string, body: SubmitReportDto, user: AuthUser, requestId: string): Promise<ReportDetailDto> {
    await this.access.get(id, user);
    return this.reports.toDetail(await this.transitions.submit(id, body.comment ?? null, user, requestId), user);
  }

  async return(id: string, body: ReturnReportDto, user: AuthUser, requestId: string): Promise<ReportDetailDto> {
    await this.access.get(id, user);
    return this.reports.toDetail(await this.transitions.return(id, body.comment, user, requestId), user);
  }

  async withdraw(id: string, body: WithdrawReportDto, user: AuthUser, requestId: string): Promise<ReportDetailDto> {
    await this.access.get(id, user);
    return this.reports.toDetail(await this.transitions.withdraw(id, body.reason ?? null, user, requestId), user);
  }
}

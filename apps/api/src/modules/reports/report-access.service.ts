import { Injectable } from '@nestjs/common';
import { AppError, notFound } from '../../common/app-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import type { ReportRecord } from './reports.repository.js';
import { ReportsRepository } from './reports.repository.js';

/**
 * Who may see a report: unlimited accounts all; an account limited to a region (every submitter) only that
 * subtree's; a viewer only confirmed versions.
 */
@Injectable()
export class ReportAccessService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly regions: RegionsRepository,
  ) {}

  /** A viewer sees confirmed versions only: drafts and unresolved reports are machine reads no one has reviewed yet. */
  statusVisible(status: ReportRecord['status'], user: AuthUser): boolean {
    return user.role !== 'viewer' || status === 'confirmed';
  }

  async canSee(report: Pick<ReportRecord, 'regionCode' | 'status'>, user: AuthUser): Promise<boolean> {
    if (!this.statusVisible(report.status, user)) return false;
    if (!user.regionCode) return user.role !== 'submitter';
    if (!report.regionCode) return false;
    return this.regions.isWithin(report.regionCode, user.regionCode);
  }

  /** The report, or 404 — also when it exists outside the caller's region, so nothing leaks. */
  async get(id: string, user: AuthUser): Promise<ReportRecord> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError(400, 'INVALID_ID', `报告编号 ${id.slice(0, 60)} 格式不正确`);
    const report = await this.reports.find(id);
    if (!report || !(await this.canSee(report, user))) throw notFound('REPORT_NOT_FOUND', '报告不存在或无权查看');
    return report;
  }
}

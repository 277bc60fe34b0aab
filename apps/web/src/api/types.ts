/** Names for the generated OpenAPI schema types (src/api/schema.d.ts, `npm run gen:api`). */
import type { components, operations } from './schema';

type S = components['schemas'];
export type RegionNode = S['RegionNodeDto'];
export type Unit = S['UnitDto'];
export type ReportListItem = S['ReportListItemDto'];
export type ReportList = S['ReportListDto'];
export type ReportDetail = S['ReportDetailDto'];
export type ReportVersion = S['ReportVersionDto'];
export type Correction = S['CorrectionDto'];
export type UnitCandidate = S['UnitCandidateDto'];
export type EditReport = S['EditReportDto'];
export type FieldEdit = S['FieldEditDto'];
export type RowEdit = S['RowEditDto'];
export type ResolveUnit = S['ResolveUnitDto'];
export type IngestResult = S['IngestResultDto'];
export type ReportStatus = ReportListItem['status'];
/** The list filters; the generated document types limit/offset loosely, so they are narrowed here. */
export type ReportListQuery = Omit<NonNullable<operations['ReportsController_list']['parameters']['query']>, 'limit' | 'offset'> & {
  limit?: number;
  offset?: number;
};

/** The session answers of POST /api/auth/login and GET /api/auth/me. */
export type SessionUser = S['SessionUserDto'];
export type Role = SessionUser['role'];
export type Session = S['MeDto'];
export type Account = S['UserDto'];
export type NewAccount = S['CreateUserDto'];
export type PasswordChange = S['ChangePasswordDto'];
export type AccountUpdate = S['UpdateUserDto'];
export type AccountSession = S['UserSessionDto'];
export type AuditEvent = S['AuditEventDto'];
export type AuditPage = S['AuditPageDto'];
export type AuditAction = S['AuditActionDto'];
/** The audit trail's filters (GET /api/audit-events). */
export type AuditQuery = Omit<NonNullable<operations['AuditController_list']['parameters']['query']>, 'limit' | 'offset'> & {
  limit?: number;
  offset?: number;
};
export type TextReuseList = S['TextReuseListDto'];
export type ReusePair = S['ReusePairDto'];
export type ReusePairDetail = S['ReusePairDetailDto'];
export type TextReuseSettings = S['TextReuseSettingsDto'];
/** The generated document types page/pageSize loosely, so they are narrowed here. */
export type TextReuseQuery = Omit<NonNullable<operations['TextReuseController_list']['parameters']['query']>, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

/** 整改跟踪 (GET /api/rectification…): written against the contract until the generated types carry the routes. */
export type RectificationStatus = 'pending' | 'in_progress' | 'done';
export interface RectificationEvidence { fileName: string; size: number; contentType: string; uploadedAt: string }
export interface RectificationItem {
  id: string; unitId: string; unitName: string; regionCode: string; regionName: string; level: 'city' | 'county'; fiscalYear: number; reportId: string;
  position: number; problemText: string; sourceLine: number | null; measureText: string | null; measureSourceLine: number | null; dueDate: string;
  status: RectificationStatus; note: string | null; evidence: RectificationEvidence | null; ageDays: number; overdue: boolean;
  followUpReportId: string | null; followUpYear: number | null; recurring: boolean; recurringSimilarity: number | null; recurringText: string | null;
  recurringSourceLine: number | null; updatedAt: string;
}
export interface RectificationList { total: number; page: number; pageSize: number; items: RectificationItem[] }
export interface RectificationSummaryRow {
  regionCode: string; regionName: string; total: number; pending: number; inProgress: number; done: number; open: number; overdue: number; recurring: number;
  age0to90: number; age91to180: number; age181to365: number; ageOver365: number;
}
export interface RectificationSummary { rows: RectificationSummaryRow[] }
export interface RectificationQuery {
  year?: number; regionCode?: string; level?: 'city' | 'county'; status?: RectificationStatus; recurring?: boolean; overdue?: boolean; page?: number; pageSize?: number;
}
export interface RectificationUpdate { status?: RectificationStatus; note?: string | null; dueDate?: string }

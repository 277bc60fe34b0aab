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
export type SpotCheckSample = S['SpotCheckSampleDto'];
export type SpotCheckItem = S['SpotCheckItemDto'];
export type SpotCheckGaps = S['SpotCheckGapsDto'];
export type SpotCheckDraw = S['DrawSpotCheckDto'];
export type SpotCheckDrawResult = S['DrawResultDto'];
export type SpotCheckItemDetail = S['SpotCheckItemDetailDto'];
export type SpotCheckRow = S['SpotCheckRowDto'];
export type SpotCheckReview = S['ReviewSpotCheckDto'];
export type SpotCheckReviewer = S['SpotCheckReviewerDto'];
export type SpotCheckSettings = S['SpotCheckSettingsDto'];

export type RectificationItem = S['RectificationItemDto'];
export type RectificationStatus = RectificationItem['status'];
export type RectificationList = S['RectificationListDto'];
export type RectificationSummaryRow = S['RectificationSummaryRowDto'];
export type RectificationSummary = S['RectificationSummaryDto'];
export type RectificationUpdate = S['UpdateRectificationDto'];
/** The list filters (GET /api/rectification); the generated document types page/pageSize loosely, so they are narrowed here. */
export type RectificationQuery = Omit<NonNullable<operations['RectificationController_list']['parameters']['query']>, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

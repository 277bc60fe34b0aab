/** Typed wrappers over apiFetch: one function per API route the web app uses. */
import type {
  AnalyticsFilters, AnalyticsYears, Compare, Indicators, Overview, Problems, QualitySettings, QualitySummary, QualityThresholds, Rankings, Recheck, ReportQuality, ResultsApplication, Trends,
} from './analytics-types';
import { apiFetch } from './http';
import { toQuery } from './query';
import type {
  Account, AccountSession, AccountUpdate, AuditAction, AuditPage, AuditQuery, EditReport, IngestResult, NewAccount, PasswordChange, RegionNode, ReportDetail, ReportList, ReportListQuery, ReportVersion,
  RectificationItem, RectificationList, RectificationQuery, RectificationSummary, RectificationUpdate,
  ResolveUnit, ReusePairDetail, RowEdit, Session, SpotCheckDraw, SpotCheckDrawResult, SpotCheckGaps, SpotCheckItemDetail, SpotCheckReview, SpotCheckReviewer,
  SpotCheckSample, SpotCheckSettings, TextReuseList, TextReuseQuery, TextReuseSettings, Unit,
} from './types';

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

export const authApi = {
  login: (username: string, password: string) => apiFetch<Session>('/auth/login', json('POST', { username, password })),
  logout: () => apiFetch<void>('/auth/logout', { method: 'POST' }),
  me: () => apiFetch<Session>('/auth/me'),
  changePassword: (body: PasswordChange) => apiFetch<void>('/auth/password', json('POST', body)),
};

export const accountsApi = {
  list: () => apiFetch<Account[]>('/users'),
  create: (body: NewAccount) => apiFetch<Account>('/users', json('POST', body)),
  update: (id: string, body: AccountUpdate) => apiFetch<Account>(`/users/${encodeURIComponent(id)}`, json('PATCH', body)),
  disable: (id: string) => apiFetch<Account>(`/users/${encodeURIComponent(id)}/disable`, { method: 'POST' }),
  enable: (id: string) => apiFetch<Account>(`/users/${encodeURIComponent(id)}/enable`, { method: 'POST' }),
  unlock: (id: string) => apiFetch<Account>(`/users/${encodeURIComponent(id)}/unlock`, { method: 'POST' }),
  resetPassword: (id: string) => apiFetch<{ temporaryPassword: string }>(`/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST' }),
  sessions: (id: string) => apiFetch<AccountSession[]>(`/users/${encodeURIComponent(id)}/sessions`),
  revokeSession: (id: string, sessionId: string) =>
    apiFetch<{ revoked: number }>(`/users/${encodeURIComponent(id)}/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' }),
  revokeAllSessions: (id: string) => apiFetch<{ revoked: number }>(`/users/${encodeURIComponent(id)}/sessions`, { method: 'DELETE' }),
};

export const auditApi = {
  list: (query: AuditQuery) => apiFetch<AuditPage>(`/audit-events${toQuery(query)}`),
  actions: () => apiFetch<AuditAction[]>('/audit-events/actions'),
  /** The export is a download the browser fetches itself (cookie-authenticated GET). */
  exportUrl: (query: AuditQuery, format: 'csv' | 'xlsx') => `/api/audit-events/export${toQuery({ ...query, limit: undefined, offset: undefined, format })}`,
};

export const catalogApi = {
  regions: () => apiFetch<RegionNode[]>('/regions'),
  units: (regionCode?: string) => apiFetch<Unit[]>(`/units${toQuery({ regionCode })}`),
};

export const reportsApi = {
  list: (query: ReportListQuery) => apiFetch<ReportList>(`/reports${toQuery(query)}`),
  get: (id: string) => apiFetch<ReportDetail>(`/reports/${encodeURIComponent(id)}`),
  versions: (id: string) => apiFetch<ReportVersion[]>(`/reports/${encodeURIComponent(id)}/versions`),
  qualityFlags: (id: string) => apiFetch<ReportQuality>(`/reports/${encodeURIComponent(id)}/quality-flags`),
  edit: (id: string, body: EditReport) => apiFetch<ReportDetail>(`/reports/${encodeURIComponent(id)}`, json('PATCH', body)),
  editRow: (id: string, body: RowEdit) => apiFetch<ReportDetail>(`/reports/${encodeURIComponent(id)}/rows`, json('PATCH', body)),
  confirm: (id: string) => apiFetch<ReportDetail>(`/reports/${encodeURIComponent(id)}/confirm`, { method: 'POST' }),
  /** submit, return (comment required) or withdraw: one route each, the comment in the body. */
  transition: (id: string, action: 'submit' | 'return' | 'withdraw', comment?: string) =>
    apiFetch<ReportDetail>(`/reports/${encodeURIComponent(id)}/${action}`, json('POST', comment ? { comment } : {})),
  resolveUnit: (id: string, body: ResolveUnit) =>
    apiFetch<ReportDetail>(`/reports/${encodeURIComponent(id)}/resolve-unit`, json('POST', body)),
};

export type UploadAnswer = IngestResult[];

type Q = AnalyticsFilters;
/** The overview's path at `f` (the router asks for 总览's early: api/early.ts). */
export const overviewPath = (f: Q) => `/analytics/overview${toQuery(f)}`;
export const analyticsApi = {
  /** The years with confirmed reports in scope, newest first (what a year chooser lists). */
  years: (f: Q) => apiFetch<AnalyticsYears>(`/analytics/years${toQuery(f)}`).then((a) => a.years),
  overview: (f: Q) => apiFetch<Overview>(overviewPath(f)),
  compare: (f: Q) => apiFetch<Compare>(`/analytics/compare${toQuery(f)}`),
  trends: (f: Q) => apiFetch<Trends>(`/analytics/trends${toQuery(f)}`),
  indicators: (f: Q) => apiFetch<Indicators>(`/analytics/indicators${toQuery(f)}`),
  rankings: (f: Q) => apiFetch<Rankings>(`/analytics/rankings${toQuery(f)}`),
  recheck: (f: Q) => apiFetch<Recheck>(`/analytics/recheck${toQuery(f)}`),
  problems: (f: Q) => apiFetch<Problems>(`/analytics/problems${toQuery(f)}`),
  qualityFlags: (f: Q) => apiFetch<QualitySummary>(`/analytics/quality-flags${toQuery(f)}`),
  resultsApplication: (f: Q) => apiFetch<ResultsApplication>(`/analytics/results-application${toQuery(f)}`),
};

/** The download address of an analytics table or export (CSV with a BOM, or XLSX). */
export function analyticsDownloadUrl(endpoint: string, filters: Q, format: 'csv' | 'xlsx'): string {
  return `/api/analytics/${endpoint}${toQuery({ ...filters, format })}`;
}
export function exportUrl(table: 'reports' | 'budget' | 'indicators' | 'warnings', filters: Q, format: 'csv' | 'xlsx'): string {
  return `/api/exports/${table}.${format}${toQuery(filters)}`;
}
export const templateUrl = (format: 'xlsx' | 'csv') => `/api/templates/report.${format}`;

/** 自评质量提示 thresholds: everyone may read them, an admin replaces them (every report is re-flagged). */
export const qualityApi = {
  settings: () => apiFetch<QualitySettings>('/settings/quality-flags'),
  updateSettings: (body: QualityThresholds) => apiFetch<QualitySettings>('/settings/quality-flags', json('PUT', body)),
};

export const textReuseApi = {
  list: (q: TextReuseQuery) => apiFetch<TextReuseList>(`/text-reuse${toQuery(q)}`),
  pair: (a: string, b: string) => apiFetch<ReusePairDetail>(`/text-reuse/pairs/${encodeURIComponent(a)}/${encodeURIComponent(b)}`),
  settings: () => apiFetch<TextReuseSettings>('/settings/text-reuse'),
  updateSettings: (body: TextReuseSettings) => apiFetch<TextReuseSettings>('/settings/text-reuse', json('PUT', body)),
  downloadUrl: (q: TextReuseQuery, format: 'csv' | 'xlsx') => `/api/text-reuse${toQuery({ ...q, page: undefined, pageSize: undefined, format })}`,
};

const item = (id: string, action = '') => `/spot-checks/items/${encodeURIComponent(id)}${action}`;
/** 抽查复核: the sample of a year, its gaps, the review of one sampled report, and the 差距阈值. */
export const spotCheckApi = {
  sample: (year: number) => apiFetch<SpotCheckSample>(`/spot-checks/${year}`),
  gaps: (year: number) => apiFetch<SpotCheckGaps>(`/spot-checks/${year}/gaps`),
  draw: (year: number, body: SpotCheckDraw) => apiFetch<SpotCheckDrawResult>(`/spot-checks/${year}/draw`, json('POST', body)),
  reviewers: () => apiFetch<SpotCheckReviewer[]>('/spot-checks/reviewers'),
  item: (id: string) => apiFetch<SpotCheckItemDetail>(item(id)),
  assign: (id: string, reviewerId: string) => apiFetch<void>(item(id, '/reviewer'), json('PUT', { reviewerId })),
  review: (id: string, body: SpotCheckReview) => apiFetch<void>(item(id, '/review'), json('PUT', body)),
  submit: (id: string) => apiFetch<void>(item(id, '/submit'), { method: 'POST' }),
  reopen: (id: string, reason: string) => apiFetch<void>(item(id, '/reopen'), json('POST', { reason })),
  settings: () => apiFetch<SpotCheckSettings>('/settings/spot-check'),
  updateSettings: (body: SpotCheckSettings) => apiFetch<SpotCheckSettings>('/settings/spot-check', json('PUT', body)),
  /** The exports are downloads the browser fetches itself (cookie-authenticated GET). */
  sampleUrl: (year: number, format: 'csv' | 'xlsx') => `/api/spot-checks/${year}?format=${format}`,
  gapsUrl: (year: number, format: 'csv' | 'xlsx') => `/api/spot-checks/${year}/gaps?format=${format}`,
};

/** 整改跟踪: the items of confirmed reports' 存在的问题, their progress and evidence. */
export const rectificationApi = {
  list: (q: RectificationQuery) => apiFetch<RectificationList>(`/rectification${toQuery(q)}`),
  summary: (q: RectificationQuery) => apiFetch<RectificationSummary>(`/rectification/summary${toQuery({ year: q.year, regionCode: q.regionCode, level: q.level })}`),
  update: (id: string, body: RectificationUpdate) => apiFetch<RectificationItem>(`/rectification/${encodeURIComponent(id)}`, json('PATCH', body)),
  /** Multipart, field `file`; the browser sets the boundary. */
  uploadEvidence: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiFetch<RectificationItem>(`/rectification/${encodeURIComponent(id)}/evidence`, { method: 'POST', body: form });
  },
  evidenceUrl: (id: string) => `/api/rectification/${encodeURIComponent(id)}/evidence`,
  downloadUrl: (q: RectificationQuery, format: 'csv' | 'xlsx') => `/api/rectification/export${toQuery({ ...q, page: undefined, pageSize: undefined, format })}`,
};

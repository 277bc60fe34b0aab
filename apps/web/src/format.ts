import { reportStatusLabel } from '@hunan-perf/contracts/report-workflow';
import { toFixedHalfAway } from '@hunan-perf/metrics';
/** 3725 → "1 小时 2 分". */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  if (h > 0) return `${h} 小时 ${m} 分`;
  if (m > 0) return `${m} 分 ${s} 秒`;
  return `${s} 秒`;
}

// Made once: toLocaleString with options builds a new formatter per call (a 总览 of 5,920 units
// spent 0.4 s of its first chart in it); Intl.NumberFormat#format gives the same text.
const TWO_DECIMALS = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const UP_TO_TWO_DECIMALS = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** 1943.63 → "1,943.63 万元"; null → "—". */
export function formatAmount(value: number | null | undefined): string {
  if (value == null) return '—';
  return `${TWO_DECIMALS.format(value)} 万元`;
}

/** 93.561 → "93.56%"; null → "—". */
export function formatRate(value: number | null | undefined): string {
  if (value == null) return '—';
  return `${TWO_DECIMALS.format(value)}%`;
}

/** 96 → "96 分", 92.5 → "92.5 分"; null → "—". */
export function formatScore(value: number | null | undefined): string {
  if (value == null) return '—';
  return `${UP_TO_TWO_DECIMALS.format(value)} 分`;
}

/** A metric value with the unit its catalog entry gives ('分' or '%'). */
export function formatMetric(unit: '分' | '%', value: number | null | undefined): string {
  return unit === '%' ? formatRate(value) : formatScore(value);
}

/** "+3.20" / "−1.05" / "—": a year-on-year change, signed. */
export function formatChange(value: number | null | undefined): string {
  if (value == null) return '—';
  // The contract's rounding (half away from zero, decimal): toFixed would give 1.00 for 1.005.
  const abs = toFixedHalfAway(Math.abs(value), 2);
  return value > 0 ? `+${abs}` : value < 0 ? `−${abs}` : '0.00';
}

/** Every time the app shows is Beijing time, whatever the browser's own time zone. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const DATE_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** "2026-11-22T08:05:00Z" → "2026-11-22 16:05" (Asia/Shanghai); the one formatter of times in the app. */
export function formatDateTime(iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  const d = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const p = Object.fromEntries(DATE_TIME.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "2026-11-22T20:05:00Z" → "2026-11-23" (the Asia/Shanghai date). */
export function formatDate(iso: string | Date | null | undefined): string {
  const full = formatDateTime(iso);
  return full === '—' ? full : full.slice(0, 10);
}

/** A report status in Chinese: the review workflow's names (libs/contracts report-workflow). */
export const statusLabel = (status: string): string => reportStatusLabel(status);

const ROLE_LABELS: Record<string, string> = { admin: '管理员', analyst: '分析员', viewer: '领导查看', submitter: '报送单位' };
export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role;

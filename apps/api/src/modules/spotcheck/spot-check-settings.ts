import { DEFAULT_GAP_MARGIN } from './spot-check-gaps.js';

export const SPOT_CHECK_SETTINGS_KEY = 'spot_check';
export const GAP_MARGIN_MIN = 0;
export const GAP_MARGIN_MAX = 100;

export interface SpotCheckSettings {
  gapMargin: number;
}

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The admin's 差距阈值, or DEFAULT_GAP_MARGIN until one is set. */
export async function spotCheckSettings(m: Queryable): Promise<SpotCheckSettings> {
  const rows = (await m.query(`SELECT value FROM setting WHERE key = $1`, [SPOT_CHECK_SETTINGS_KEY])) as { value: Partial<SpotCheckSettings> }[];
  return { gapMargin: rows[0]?.value.gapMargin ?? DEFAULT_GAP_MARGIN };
}

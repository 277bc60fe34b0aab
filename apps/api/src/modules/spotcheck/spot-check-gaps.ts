/** Self-score vs 复核 score per sampled unit, and the gaps' distribution by region. */
export const DEFAULT_GAP_MARGIN = 5;

export interface GapInput {
  unitId: string;
  regionCode: string;
  selfTotal: number | null;
  reviewTotal: number | null;
}

export interface GapRow extends GapInput {
  /** self − 复核, two decimals; null while either is missing (never 0). */
  gap: number | null;
  /** The self-score exceeds the 复核 by more than the margin. */
  flagged: boolean;
}

export interface RegionGaps {
  regionCode: string;
  reviewed: number;
  flagged: number;
  meanGap: number | null;
  maxGap: number | null;
}

export function gapRows(items: readonly GapInput[], margin: number): GapRow[] {
  return items.map((i) => {
    const gap = i.selfTotal === null || i.reviewTotal === null ? null : Math.round((i.selfTotal - i.reviewTotal) * 100) / 100;
    return { ...i, gap, flagged: gap !== null && gap > margin };
  });
}

export function gapsByRegion(rows: readonly GapRow[]): RegionGaps[] {
  const by = new Map<string, GapRow[]>();
  for (const r of rows) by.set(r.regionCode, [...(by.get(r.regionCode) ?? []), r]);
  return [...by.keys()].sort().map((regionCode) => {
    const gaps = by.get(regionCode)!.flatMap((r) => (r.gap === null ? [] : [r.gap]));
    return {
      regionCode,
      reviewed: gaps.length,
      flagged: by.get(regionCode)!.filter((r) => r.flagged).length,
      meanGap: gaps.length === 0 ? null : Math.round((gaps.reduce((s, g) => s + g, 0) / gaps.length) * 100) / 100,
      maxGap: gaps.length === 0 ? null : Math.max(...gaps),
    };
  });
}

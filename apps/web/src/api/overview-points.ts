import type { OverviewPoints, PointRow } from './analytics-types';

/** The overview's column arrays as one object per point, in their order (best score first). */
export function pointRows(points: OverviewPoints): PointRow[] {
  const fields = Object.keys(points) as (keyof OverviewPoints)[];
  return points.reportId.map((_, i) => Object.fromEntries(fields.map((f) => [f, points[f][i]])) as unknown as PointRow);
}

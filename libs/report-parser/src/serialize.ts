import type { ReportDocument } from '@hunan-perf/contracts';

/** Deterministic JSON: the document's key order is fixed by construction, provenance keys are sorted. */
export function toJson(value: ReportDocument | ReportDocument[], pretty = false): string {
  return JSON.stringify(value, null, pretty ? 2 : undefined);
}

import { makeValues, SYNTHETIC_LAYOUTS, type SyntheticLayout, type SyntheticValues } from './model.js';
import { keyValue, narrative, tabTables } from './layouts.js';
import { cellPerLine, multiTable } from './layouts-cells.js';

export { SYNTHETIC_LAYOUTS, type SyntheticLayout, type SyntheticValues };

export interface SyntheticReport {
  seed: number;
  layout: SyntheticLayout;
  fileName: string;
  /** The report text; it says in its own words that it is synthetic. */
  text: string;
  /** The values the text was written from. */
  expected: SyntheticValues;
}

/** A synthetic report in one of the seed layouts, fully determined by `seed` (and `layout`, if given). */
export function generateSyntheticReport(seed: number, layout?: SyntheticLayout): SyntheticReport {
  const chosen = layout ?? (SYNTHETIC_LAYOUTS[Math.abs(seed) % SYNTHETIC_LAYOUTS.length] as SyntheticLayout);
  const expected = makeValues(seed, chosen);
  const lines =
    chosen === 'tab-tables' ? tabTables(expected)
    : chosen === 'narrative' ? narrative(expected)
    : chosen === 'key-value' ? keyValue(expected, seed % 2 === 1)
    : chosen === 'cell-per-line' ? cellPerLine(expected)
    : multiTable(expected);
  return { seed, layout: chosen, fileName: `synthetic-${chosen}-${seed}.txt`, text: `${lines.join('\n')}\n`, expected };
}

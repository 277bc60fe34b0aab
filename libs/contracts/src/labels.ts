/**
 * The Chinese words for codes and field paths, importable alone (`@hunan-perf/contracts/labels` in
 * the web): the package index also compiles the JSON Schema validator, which the browser's CSP refuses.
 */
export {
  BREAKDOWN_COLUMN_LABELS, BUDGET_AMOUNT_LABELS, FIELD_LABELS, INDICATOR_COLUMN_LABELS, fieldLabel, hasFieldLabel,
} from './field-labels.js';
export { WARNING_TITLES, warningTitle } from './warning-titles.js';

/**
 * Page furniture that exports leave between the cells of a table: page banners and page numbers.
 * Matched against a whole compact cell; each pattern is anchored and linear.
 */
export const PAGE_BANNERS: readonly RegExp[] = [
  /^第\d{1,4}页(?:[,，/]?共\d{1,4}页)?$/,
  /^-\d{1,4}-$/,
  /^\d{1,4}\/\d{1,4}$/,
  /^共\d{1,4}页第\d{1,4}页$/,
  /^page\d{1,4}(?:of\d{1,4})?$/i,
];

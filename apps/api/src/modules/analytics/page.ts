/** One page of a unit list: `page` from 1, `pageSize` rows (at most PAGE_SIZE_MAX). */
export interface Page {
  page: number;
  pageSize: number;
}

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 500;

/** LIMIT and OFFSET of a page; null (an export: every row) → no limit. */
export function limitOffset(page: Page | null): [number | null, number] {
  return page ? [page.pageSize, (page.page - 1) * page.pageSize] : [null, 0];
}

/** The page an answer reports: the one asked for, or for every row one page holding them all. */
export function pageOf(page: Page | null, total: number): Page {
  return page ?? { page: 1, pageSize: total };
}

/** The rows of a page of a list held whole. */
export function slicePage<T>(rows: T[], page: Page | null): T[] {
  const [limit, offset] = limitOffset(page);
  return limit === null ? rows : rows.slice(offset, offset + limit);
}

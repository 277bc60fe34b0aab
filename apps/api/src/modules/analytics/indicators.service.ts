import { Injectable } from '@nestjs/common';
import type { Scope } from './analytics-scope.js';
import type { IndicatorsDto } from './dto/indicators.dto.js';
import { indicatorCompletion } from './indicator-completion.js';
import { IndicatorRowsRepository } from './indicator-rows.repository.js';
import { MetricRowsRepository } from './metric-rows.repository.js';
import { type Page, pageOf } from './page.js';

const STATUS_FILTERS: Record<string, (r: IndicatorsDto['rows'][number]) => boolean> = {
  met: (r) => r.status === 'met',
  unmet: (r) => r.status === 'unmet',
  unknown: (r) => r.status === 'unknown',
  qualitative: (r) => !r.quantitative,
};

/** Indicator completion per unit, per heatmap cell and per 一级/二级, and the rows behind it — one computation per page of units. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly indicatorRows: IndicatorRowsRepository,
    private readonly metricRows: MetricRowsRepository,
  ) {}

  /**
   * One page of the units in scope by name (every unit for an export): their completion, heatmap
   * cells, categories and rows; `total` counts the units in scope. Only that page's rows are read.
   */
  async indicators(scope: Scope, year: number | undefined, status: string | undefined, page: Page | null): Promise<IndicatorsDto> {
    const chosen = year ?? (await this.metricRows.years(scope))[0] ?? null;
    if (chosen === null) return { year: null, ...pageOf(page, 0), total: 0, units: [], cells: [], categories: [], rows: [] };
    const { reports, total } = await this.indicatorRows.reports(scope, chosen, page);
    // Past the last page no row says how many there are: count them.
    const counted = total ?? (page && page.page > 1 ? (await this.indicatorRows.reports(scope, chosen, { page: 1, pageSize: 1 })).total ?? 0 : 0);
    const stored = reports.length ? await this.indicatorRows.rows(reports.map((r) => r.reportId)) : [];
    const { units, cells, categories, rows } = indicatorCompletion(reports, stored);
    const keep = status ? STATUS_FILTERS[status] : undefined;
    return { year: chosen, ...pageOf(page, counted), total: counted, units, cells, categories, rows: keep ? rows.filter(keep) : rows };
  }
}

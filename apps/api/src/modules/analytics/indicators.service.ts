import { Injectable } from '@nestjs/common';
import type { Scope } from './analytics-scope.js';
import type { IndicatorsDto } from './dto/indicators.dto.js';
import { indicatorCompletion } from './indicator-completion.js';
import { IndicatorRowsRepository } from './indicator-rows.repository.js';
import { MetricRowsRepository } from './metric-rows.repository.js';

const STATUS_FILTERS: Record<string, (r: IndicatorsDto['rows'][number]) => boolean> = {
  met: (r) => r.status === 'met',
  unmet: (r) => r.status === 'unmet',
  unknown: (r) => r.status === 'unknown',
  qualitative: (r) => !r.quantitative,
};

/** Indicator completion per unit, per heatmap cell and per 一级/二级, and the rows behind it — one computation. */
@Injectable()
export class IndicatorsService {
  constructor(
    private readonly indicatorRows: IndicatorRowsRepository,
    private readonly metricRows: MetricRowsRepository,
  ) {}

  async indicators(scope: Scope, year: number | undefined, status: string | undefined): Promise<IndicatorsDto> {
    const chosen = year ?? (await this.metricRows.years(scope))[0] ?? null;
    if (chosen === null) return { year: null, units: [], cells: [], categories: [], rows: [] };
    const [reports, stored] = await Promise.all([this.indicatorRows.reports(scope, chosen), this.indicatorRows.rows(scope, chosen)]);
    const { units, cells, categories, rows } = indicatorCompletion(reports, stored);
    const keep = status ? STATUS_FILTERS[status] : undefined;
    return { year: chosen, units, cells, categories, rows: keep ? rows.filter(keep) : rows };
  }
}

import { Injectable } from '@nestjs/common';
import { GRADES, type Grade } from '@hunan-perf/contracts';
import { changeDirection, percent, shownGrade } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import type { ResultsApplicationDto, ResultsApplicationRowDto, ResultsGradeSummaryDto } from './dto/quality-results.dto.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';
import { type Page, pageOf, slicePage } from './page.js';

type Stored = Omit<ResultsApplicationRowDto, 'grade' | 'gradeDerived' | 'direction'> & { grade: Grade | null };

/**
 * 结果应用: each unit's grade and score of a year next to the change of its 年初预算数 in the
 * following year (v_budget_change, the SQL mirror of libs/metrics budgetChange), and per grade
 * the share of units whose budget grew, shrank or stayed.
 */
@Injectable()
export class ResultsApplicationService {
  constructor(
    @InjectReadDatabase() private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
  ) {}

  /** Every unit's row goes into the per-grade shares; one page of them (by region, then name) is answered. */
  async results(scope: Scope, year: number | undefined, page: Page | null): Promise<ResultsApplicationDto> {
    const chosen = year ?? (await this.defaultYear(scope));
    if (chosen === null) return { year: null, nextYear: null, ...pageOf(page, 0), total: 0, rows: [], grades: [] };
    const stored: Stored[] = await this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED})
       SELECT rows."reportId", rows."unitId", rows."unitName", rows."regionCode", rows."regionName", rows."regionLevel", rows."fiscalYear",
              rows.grade, rows."scoreTotal", rows."budgetInitial", c.next_report_id IS NOT NULL AS "hasNextYear",
              c.next_budget_initial::float8 AS "nextBudgetInitial", c.change_amount::float8 AS "changeAmount", c.change_percent::float8 AS "changePercent"
         FROM rows JOIN v_budget_change c ON c.report_id = rows."reportId"
        ORDER BY rows."regionCode", rows."unitName"`,
      metricRowParams(scope, [chosen]),
    );
    const rows = stored.map((r): ResultsApplicationRowDto => ({ ...r, ...shownGrade(r.grade, r.scoreTotal), direction: changeDirection(r.changeAmount) }));
    return {
      year: chosen, nextYear: chosen + 1, ...pageOf(page, rows.length), total: rows.length,
      rows: slicePage(rows, page), grades: GRADES.map((g) => gradeSummary(g, rows)),
    };
  }

  /** The newest year whose following year also has reports in scope; else the newest year. */
  private async defaultYear(scope: Scope): Promise<number | null> {
    const years = await this.metricRows.years(scope);
    return years.find((y) => years.includes(y + 1)) ?? years[0] ?? null;
  }
}

function gradeSummary(grade: Grade, rows: ResultsApplicationRowDto[]): ResultsGradeSummaryDto {
  const judged = rows.filter((r) => r.grade === grade && r.direction !== null);
  const count = (d: ResultsApplicationRowDto['direction']) => judged.filter((r) => r.direction === d).length;
  const [grew, shrank, unchanged] = [count('grew'), count('shrank'), count('unchanged')];
  return {
    grade, units: judged.length, grew, shrank, unchanged,
    shareGrew: percent(grew, judged.length), shareShrank: percent(shrank, judged.length), shareUnchanged: percent(unchanged, judged.length),
  };
}

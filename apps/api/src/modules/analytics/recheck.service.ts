import { Injectable } from '@nestjs/common';
import {
  anomaliesOf, controlRate, DEFAULT_RECHECK_RULES, percent, recheck, type RecheckRuleSet, round, warningColour,
} from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import { PlausibilityService } from '../settings/plausibility.service.js';
import { SettingsRepository } from '../settings/settings.repository.js';
import type { Scope } from './analytics-scope.js';
import type { OverExecutionDto, RecheckDto } from './dto/recheck.dto.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';
import { limitOffset, type Page, pageOf, slicePage } from './page.js';

export const RECHECK_RULES_KEY = 'recheck.rules';

interface RecheckSource {
  reportId: string; unitId: string; unitName: string; regionName: string; selfScore: number | null;
  executionRate: number | null; adjustmentRatio: number | null; threePublicControlRate: number | null;
  basic: { initial: number | null; adjusted: number | null; actual: number | null };
  project: { initial: number | null; adjusted: number | null; actual: number | null };
  budgetInitial: number | null; budgetAdjusted: number | null; budgetActual: number | null;
  budgetBase: number | null; weightSum: number | null; scoreSum: number | null;
  rows: { labels: (string | null)[]; weight: number | null; score: number | null }[];
  total: number;
}

/** Which rows the list keeps: only 自评偏高 ones, only 需关注 ones, or (both false) every row. */
export interface RecheckFilter {
  flagged: boolean;
  attention: boolean;
}

/** 自评复核: self-reported points against points recomputed from the unit's own amounts. */
@Injectable()
export class RecheckService {
  constructor(
    @InjectReadDatabase() private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
    private readonly settings: SettingsRepository,
    private readonly plausibility: PlausibilityService,
  ) {}

  async rules(): Promise<RecheckRuleSet> {
    return (await this.settings.get<RecheckRuleSet>(RECHECK_RULES_KEY)) ?? DEFAULT_RECHECK_RULES;
  }

  /**
   * One page of the units in scope by name ($7 rows from $8; every row for an export). Unfiltered,
   * SQL reads the indicator rows of that page's reports only; a filter (flagged, attention) needs
   * every row judged first, so then the page is cut from the judged list.
   */
  async recheck(scope: Scope, year: number | undefined, page: Page | null, filter: RecheckFilter = { flagged: false, attention: false }): Promise<RecheckDto> {
    const [ruleSet, bands] = await Promise.all([this.rules(), this.plausibility.bands()]);
    const chosen = year ?? (await this.metricRows.years(scope))[0] ?? null;
    if (chosen === null) return { year: null, rulesVersion: ruleSet.version, bandsVersion: bands.version, ...pageOf(page, 0), total: 0, rows: [] };
    const filtered = filter.flagged || filter.attention;
    const sources: RecheckSource[] = await this.db.query(
      `WITH scoped AS (${CURRENT_METRIC_ROWS_UNRANKED}),
       rows AS (SELECT scoped.*, count(*) OVER ()::int AS total FROM scoped ORDER BY "unitName" LIMIT $7 OFFSET $8)
       SELECT rows.total, rows."reportId", rows."unitId", rows."unitName", rows."regionName", rows."scoreTotal" AS "selfScore",
              rows."executionRate", rows."adjustmentRatio", rows."threePublicControlRate",
              json_build_object('initial', bb.initial_amount::float8, 'adjusted', bb.adjusted_amount::float8, 'actual', bb.actual_amount::float8) AS basic,
              json_build_object('initial', bp.initial_amount::float8, 'adjusted', bp.adjusted_amount::float8, 'actual', bp.actual_amount::float8) AS project,
              rows."budgetInitial", rows."budgetAdjusted", rows."budgetActual",
              COALESCE(rows."budgetAdjusted", rows."budgetInitial") AS "budgetBase",
              m.indicator_weight_sum::float8 AS "weightSum", m.indicator_score_sum::float8 AS "scoreSum",
              (SELECT COALESCE(json_agg(json_build_object('labels', json_build_array(x.name, x.level2, x.level1), 'weight', x.weight, 'score', x.score) ORDER BY x.ord), '[]')
                 FROM (SELECT i.name, i.level2, i.level1, i.weight::float8 AS weight, i.score::float8 AS score, i.position AS ord
                         FROM report_indicator i WHERE i.report_id = rows."reportId"
                       UNION ALL
                       SELECT NULL, b.level2, b.level1, b.weight::float8, b.score::float8, 100000 + b.position
                         FROM report_score_breakdown b WHERE b.report_id = rows."reportId") x) AS rows
         FROM rows
         JOIN report_metric m ON m.report_id = rows."reportId"
         LEFT JOIN report_budget bb ON bb.report_id = rows."reportId" AND bb.line = 'basic'
         LEFT JOIN report_budget bp ON bp.report_id = rows."reportId" AND bp.line = 'project'
        ORDER BY rows."unitName"`,
      [...metricRowParams(scope, [chosen]), ...limitOffset(filtered ? null : page)],
    );
    const judged = sources.map((s) => {
        const items = recheck(ruleSet, {
          bases: {
            executionRate: s.executionRate, adjustmentRatio: s.adjustmentRatio, threePublicControlRate: s.threePublicControlRate,
            basicControlRate: controlRate(s.basic), projectControlRate: controlRate(s.project),
          },
          rows: s.rows,
        });
        const ratio = percent(s.scoreSum, s.weightSum);
        const flagged = items.some((i) => i.difference !== null && i.difference >= 1);
        const warning = warningColour(ratio, s.executionRate, s.budgetBase !== null && Number(s.budgetBase) === 0);
        const overExecution = [
          overExecutionOf('total', { initial: s.budgetInitial, adjusted: s.budgetAdjusted, actual: s.budgetActual }),
          overExecutionOf('basic', s.basic),
          overExecutionOf('project', s.project),
        ].filter((o): o is OverExecutionDto => o !== null);
        const anomalies = anomaliesOf(
          { executionRate: s.executionRate, adjustmentRatio: s.adjustmentRatio, threePublicControlRate: s.threePublicControlRate, scoreTotal: s.selfScore },
          bands,
        );
        return {
          reportId: s.reportId, unitId: s.unitId, unitName: s.unitName, regionName: s.regionName, selfScore: s.selfScore, items,
          flagged, indicatorScoreRatio: ratio, executionRate: s.executionRate, warning, overExecution, anomalies,
          attention: flagged || warning !== null || overExecution.length > 0 || anomalies.length > 0,
        };
      });
    const kept = filtered ? judged.filter((r) => (!filter.flagged || r.flagged) && (!filter.attention || r.attention)) : judged;
    // Past the last page no row says how many there are: count them.
    const total = filtered ? kept.length : (sources[0]?.total ?? (page && page.page > 1 ? (await this.recheck(scope, chosen, { page: 1, pageSize: 1 })).total : 0));
    return {
      year: chosen,
      rulesVersion: ruleSet.version,
      bandsVersion: bands.version,
      ...pageOf(page, total),
      total,
      rows: filtered ? slicePage(kept, page) : kept,
    };
  }
}

const LINE_LABELS = { total: '部门整体支出', basic: '基本支出', project: '项目支出' } as const;

/** 超预算执行: the line's actual above its 全年预算数 (else 年初预算数), as the contract's OVER_EXECUTION. */
function overExecutionOf(
  line: OverExecutionDto['line'], amounts: { initial: number | null; adjusted: number | null; actual: number | null },
): OverExecutionDto | null {
  const against = amounts.adjusted !== null ? 'adjusted' : 'initial';
  const budget = amounts.adjusted ?? amounts.initial;
  if (budget === null || amounts.actual === null || !(amounts.actual > budget)) return null;
  return { line, label: LINE_LABELS[line], against, budget, actual: amounts.actual, excess: round(amounts.actual - budget) };
}

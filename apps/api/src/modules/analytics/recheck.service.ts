import { Injectable } from '@nestjs/common';
import { controlRate, DEFAULT_RECHECK_RULES, percent, recheck, type RecheckRuleSet, warningColour } from '@hunan-perf/metrics';
import { DataSource } from 'typeorm';
import { SettingsRepository } from '../settings/settings.repository.js';
import type { Scope } from './analytics-scope.js';
import type { RecheckDto } from './dto/recheck-problems.dto.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';

export const RECHECK_RULES_KEY = 'recheck.rules';

interface RecheckSource {
  reportId: string; unitId: string; unitName: string; regionName: string; selfScore: number | null;
  executionRate: number | null; adjustmentRatio: number | null; threePublicControlRate: number | null;
  basic: { initial: number | null; adjusted: number | null; actual: number | null };
  project: { initial: number | null; adjusted: number | null; actual: number | null };
  budgetBase: number | null; weightSum: number | null; scoreSum: number | null;
  rows: { labels: (string | null)[]; weight: number | null; score: number | null }[];
}

/** 自评复核: self-reported points against points recomputed from the unit's own amounts. */
@Injectable()
export class RecheckService {
  constructor(
    private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
    private readonly settings: SettingsRepository,
  ) {}

  async rules(): Promise<RecheckRuleSet> {
    return (await this.settings.get<RecheckRuleSet>(RECHECK_RULES_KEY)) ?? DEFAULT_RECHECK_RULES;
  }

  async recheck(scope: Scope, year: number | undefined): Promise<RecheckDto> {
    const ruleSet = await this.rules();
    const chosen = year ?? (await this.metricRows.years(scope))[0] ?? null;
    if (chosen === null) return { year: null, rulesVersion: ruleSet.version, rows: [] };
    const sources: RecheckSource[] = await this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED})
       SELECT rows."reportId", rows."unitId", rows."unitName", rows."regionName", rows."scoreTotal" AS "selfScore",
              rows."executionRate", rows."adjustmentRatio", rows."threePublicControlRate",
              json_build_object('initial', bb.initial_amount::float8, 'adjusted', bb.adjusted_amount::float8, 'actual', bb.actual_amount::float8) AS basic,
              json_build_object('initial', bp.initial_amount::float8, 'adjusted', bp.adjusted_amount::float8, 'actual', bp.actual_amount::float8) AS project,
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
      metricRowParams(scope, [chosen]),
    );
    return {
      year: chosen,
      rulesVersion: ruleSet.version,
      rows: sources.map((s) => {
        const items = recheck(ruleSet, {
          bases: {
            executionRate: s.executionRate, adjustmentRatio: s.adjustmentRatio, threePublicControlRate: s.threePublicControlRate,
            basicControlRate: controlRate(s.basic), projectControlRate: controlRate(s.project),
          },
          rows: s.rows,
        });
        const ratio = percent(s.scoreSum, s.weightSum);
        return {
          reportId: s.reportId, unitId: s.unitId, unitName: s.unitName, regionName: s.regionName, selfScore: s.selfScore, items,
          flagged: items.some((i) => i.difference !== null && i.difference >= 1),
          indicatorScoreRatio: ratio, executionRate: s.executionRate,
          warning: warningColour(ratio, s.executionRate, s.budgetBase !== null && Number(s.budgetBase) === 0),
        };
      }),
    };
  }
}

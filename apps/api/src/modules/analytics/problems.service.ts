import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { InjectReadDatabase } from '../../database/read-database.js';
import type { Scope } from './analytics-scope.js';
import type { ProblemsDto } from './dto/recheck-problems.dto.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';
import { segment, themesOf } from './problem-themes.js';

/**
 * 存在的问题 across units, segmented (stop words dropped) and grouped into recurring themes. A
 * theme's or word's 单位数 counts units, each once however many of its statements match; 条数
 * counts statements.
 */
@Injectable()
export class ProblemsService {
  constructor(
    @InjectReadDatabase() private readonly db: DataSource,
    private readonly metricRows: MetricRowsRepository,
  ) {}

  async problems(scope: Scope, year: number | undefined): Promise<ProblemsDto> {
    const chosen = year ?? (await this.metricRows.years(scope))[0] ?? null;
    if (chosen === null) return { year: null, themes: [], keywords: [] };
    const rows: { unitId: string; unitName: string; text: string }[] = await this.db.query(
      `WITH rows AS (${CURRENT_METRIC_ROWS_UNRANKED})
       SELECT rows."unitId", rows."unitName", f.text FROM rows JOIN report_finding f ON f.report_id = rows."reportId"
        WHERE f.kind = 'problem' ORDER BY rows."unitName", f.position`,
      metricRowParams(scope, [chosen]),
    );
    const themes = new Map<string, { statements: number; units: Map<string, string>; examples: string[] }>();
    const keywords = new Map<string, { statements: number; units: Set<string> }>();
    for (const row of rows) {
      const words = segment(row.text);
      for (const word of new Set(words)) {
        const k = keywords.get(word) ?? { statements: 0, units: new Set<string>() };
        k.statements += 1;
        k.units.add(row.unitId);
        keywords.set(word, k);
      }
      for (const theme of themesOf(row.text, words)) {
        const entry = themes.get(theme) ?? { statements: 0, units: new Map<string, string>(), examples: [] as string[] };
        entry.statements += 1;
        entry.units.set(row.unitId, row.unitName);
        if (entry.examples.length < 5) entry.examples.push(row.text.length > 120 ? `${row.text.slice(0, 120)}…` : row.text);
        themes.set(theme, entry);
      }
    }
    return {
      year: chosen,
      themes: [...themes.entries()]
        .map(([theme, t]) => ({
          theme, unitCount: t.units.size, statementCount: t.statements,
          units: [...t.units].map(([unitId, unitName]) => ({ unitId, unitName })), examples: t.examples,
        }))
        .sort((a, b) => b.unitCount - a.unitCount || b.statementCount - a.statementCount || a.theme.localeCompare(b.theme, 'zh-CN')),
      keywords: [...keywords.entries()]
        .map(([word, k]) => ({ word, unitCount: k.units.size, statementCount: k.statements }))
        .sort((a, b) => b.unitCount - a.unitCount || b.statementCount - a.statementCount || a.word.localeCompare(b.word, 'zh-CN'))
        .slice(0, 50),
    };
  }
}

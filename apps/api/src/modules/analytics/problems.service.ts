import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Scope } from './analytics-scope.js';
import type { ProblemsDto } from './dto/recheck-problems.dto.js';
import { CURRENT_METRIC_ROWS_UNRANKED, metricRowParams, MetricRowsRepository } from './metric-rows.repository.js';
import { segment, themesOf } from './problem-themes.js';

/** 存在的问题 across units, segmented and grouped into recurring themes. */
@Injectable()
export class ProblemsService {
  constructor(
    private readonly db: DataSource,
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
    const themes = new Map<string, { count: number; units: Map<string, string>; examples: string[] }>();
    const keywords = new Map<string, number>();
    for (const row of rows) {
      const words = segment(row.text);
      for (const word of new Set(words)) keywords.set(word, (keywords.get(word) ?? 0) + 1);
      for (const theme of themesOf(row.text, words)) {
        const entry = themes.get(theme) ?? { count: 0, units: new Map<string, string>(), examples: [] as string[] };
        entry.count += 1;
        entry.units.set(row.unitId, row.unitName);
        if (entry.examples.length < 5) entry.examples.push(row.text.length > 120 ? `${row.text.slice(0, 120)}…` : row.text);
        themes.set(theme, entry);
      }
    }
    return {
      year: chosen,
      themes: [...themes.entries()]
        .map(([theme, t]) => ({ theme, count: t.count, units: [...t.units].map(([unitId, unitName]) => ({ unitId, unitName })), examples: t.examples }))
        .sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme)),
      keywords: [...keywords.entries()].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)).slice(0, 50),
    };
  }
}

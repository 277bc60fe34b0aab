import type { ReportKind } from '@hunan-perf/contracts';
import { inOrder, type SourceLine } from '../segment/lines.js';
import { stripMarkers } from '../segment/sections.js';

export interface ReportPart {
  kind: ReportKind;
  lines: SourceLine[];
}

const PROJECT_TITLE = /^(?:[(（]?(?:19|20)\d{2}\s*年度?[)）]?)?\s*[\u4e00-\u9fa5]{0,20}项目支出绩效自评表/;
const ANNEX = /^附\s*件\s*\d+/;

/** A document may hold the department report and, in its annexes, 项目支出 self-evaluations. */
export function splitReports(lines: SourceLine[]): ReportPart[] {
  const projectRanges: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    // A project title ends in 自评表: lines without 表 are passed by before they are rewritten.
    if (!lines[i]!.text.includes('表')) continue;
    const t = stripMarkers(lines[i]!.text).replace(/\s+/g, '');
    if (!PROJECT_TITLE.test(t) || t.length > 40 || /[。，]/.test(t)) continue;
    let start = i;
    if (i > 0) {
      let k = i - 1;
      while (k > 0 && !lines[k]!.text.trim()) k--;
      if (ANNEX.test(stripMarkers(lines[k]!.text))) start = k;
    }
    let end = i + 1;
    for (; end < lines.length; end++) {
      const text = lines[end]!.text;
      if (!text.includes('附') && !text.includes('表')) continue;
      const u = stripMarkers(text).replace(/\s+/g, '');
      if (ANNEX.test(u) || (PROJECT_TITLE.test(u) && u.length <= 40 && !/[。，]/.test(u))) break;
    }
    projectRanges.push([start, end]);
    i = end - 1;
  }
  if (!projectRanges.length) return [{ kind: 'department_overall', lines }];
  const inProject = new Set<number>();
  const parts: ReportPart[] = [];
  for (const [from, to] of projectRanges) {
    for (let i = from; i < to; i++) inProject.add(i);
    parts.push({ kind: 'project', lines: lines.slice(from, to) });
  }
  const rest = lines.filter((_, i) => !inProject.has(i));
  const hasDepartment = rest.some((l) => /部门整体|整体支出/.test(l.text) || inOrder(l.text, '部门', '自评') || inOrder(l.text, '单位', '自评'));
  return hasDepartment ? [{ kind: 'department_overall', lines: rest }, ...parts] : parts;
}

import type { Row } from '../segment/tables.js';
import { headerRole } from './header-words.js';

export type Role = 'level1' | 'level2' | 'weight1' | 'weight2' | 'name' | 'target' | 'actual' | 'weight' | 'score' | 'note' | 'nature' | 'unit' | 'adjustedTarget';
export type ColumnMap = Partial<Record<Role, number>>;

const squash = (s: string): string => s.replace(/[\s\u3000]/g, '');

/** Recognises the header row of an indicator table and maps its columns to roles. */
export function indicatorHeader(row: Row): ColumnMap | null {
  if (!row.cells.some((c) => /三级|指标名称|二级/.test(c.text))) return null;
  const texts = row.cells.map((c) => squash(c.text));
  const has = (re: RegExp): boolean => texts.some((t) => re.test(t));
  const named = has(/三级|指标名称/) || (has(/^一级/) && has(/^二级/));
  if (!named || !has(/指标值|目标值|完成值|完成情况|得分|^得$|分值/)) return null;
  const map: ColumnMap = {};
  texts.forEach((t, i) => {
    if (!t) return;
    if (/^一级/.test(t) && map.level1 === undefined) map.level1 = i;
    else if (/^二级/.test(t) && map.level2 === undefined) map.level2 = i;
    else if (/三级|指标名称/.test(t) && map.name === undefined) map.name = i;
    else if (/得分|^得$/.test(t)) map.score = i;
    else if (/分值|权重|标准分|^分$/.test(t)) {
      const nameAt = map.name;
      if (nameAt === undefined && map.level2 !== undefined && i > map.level2) map.weight2 = i;
      else if (nameAt === undefined && map.level1 !== undefined && map.level2 === undefined) map.weight1 = i;
      else if (nameAt === undefined && map.level1 !== undefined && i === map.level1 + 1) map.weight1 = i;
      else map.weight = i;
    } else if (/完成值|实际完成|完成情况|实际值/.test(t)) map.actual = i;
    else if (/指标值|目标值|年度目标|预期目标|计划值/.test(t)) map.target = i;
    else if (/偏差|原因|备注|说明|评价标准/.test(t)) map.note = i;
    else {
      // Targets split over cells (指标性质 "≥" | 指标值 "100" | 度量单位 "%"), Chongqing's 调整指标值.
      const role = headerRole(t);
      if ((role === 'nature' || role === 'unit' || role === 'adjustedTarget') && map[role] === undefined) map[role] = i;
    }
  });
  if (map.name === undefined && map.level2 === undefined) return null;
  return map;
}

/** The header of a one-level score table: 一级指标 | 指标分值 | 自评得分 (| 得分率). */
export function breakdownHeader(row: Row): { label: number; weight: number; score: number } | null {
  if (!row.cells.some((c) => /得分/.test(c.text)) || !row.cells.some((c) => /分值|权重/.test(c.text))) return null;
  const texts = row.cells.map((c) => squash(c.text));
  const label = texts.findIndex((t) => /^一级指标$|^指标$|^评价内容$/.test(t));
  const weight = texts.findIndex((t) => /分值|权重/.test(t));
  const score = texts.findIndex((t) => /得分$/.test(t));
  if (label < 0 || weight < 0 || score < 0) return null;
  if (texts.some((t) => /二级|三级/.test(t))) return null;
  return { label, weight, score };
}

/** Chinese names of the fields (one table, in libs/contracts) and of the places a value is read from, for warning messages. */
export { fieldLabel } from '@hunan-perf/contracts';

const PLACES: Record<string, string> = {
  table: '表格',
  text: '正文',
  title: '标题',
  signature: '落款',
  'basic-data table': '基础数据表',
  'self-evaluation table': '自评表',
  'score table': '评分表',
};

export function placeLabel(where: string): string {
  return PLACES[where] ?? where;
}

import type { Column } from '../exports/table.js';
import type { ReusePairDto } from './dto/text-reuse.dto.js';
import { MIN_WORDING_LENGTH, SECTION_LIST } from './text-reuse-rules.js';

/** The export of the copied-text list: one row per pair, the listed paragraph first, then the other report's. */
export const reuseColumns: Column<ReusePairDto>[] = [
  { header: '年度', type: 'int', value: (r) => r.paragraph.fiscalYear },
  { header: '单位', type: 'text', value: (r) => r.paragraph.unitName },
  { header: '地区', type: 'text', value: (r) => r.paragraph.regionName },
  { header: '部分', type: 'text', value: (r) => r.paragraph.sectionLabel },
  { header: '序号', type: 'int', value: (r) => r.paragraph.position + 1 },
  { header: '段落', type: 'text', value: (r) => r.paragraph.text, width: 60 },
  { header: '原文行号', type: 'int', value: (r) => r.paragraph.sourceLine },
  { header: '相似度（%）', type: 'rate', value: (r) => r.similarity },
  { header: '雷同对象', type: 'text', value: (r) => r.relationLabel },
  { header: '对方单位', type: 'text', value: (r) => r.other.unitName },
  { header: '对方地区', type: 'text', value: (r) => r.other.regionName },
  { header: '对方年度', type: 'int', value: (r) => r.other.fiscalYear },
  { header: '对方序号', type: 'int', value: (r) => r.other.position + 1 },
  { header: '对方段落', type: 'text', value: (r) => r.other.text, width: 60 },
  { header: '对方原文行号', type: 'int', value: (r) => r.other.sourceLine },
];

/** The 说明 sheet's definitions for the export. */
export const REUSE_DEFINITIONS = (thresholdPercent: number): [string, string][] => [
  ['相似度（%）', '两段文字去掉标点、空格和开头序号后，每相邻 3 个字为一个片段；相同片段数 ÷ 两段片段的并集数 × 100（Jaccard 相似度），四舍五入到两位小数'],
  ['雷同', `相似度不低于 ${thresholdPercent}%（管理员设定的阈值）：与其他单位任一年度的报告，或与本单位上一年度的报告，同一部分（${SECTION_LIST}）相比`],
  ['绩效目标', '取自报告原文中“绩效目标”标题（如“（二）单位年度整体支出绩效目标”，不含“绩效目标完成情况”等）下的各段，至同级或上级下一标题为止；以结构化数据导入的报告没有原文，没有这一部分'],
  ['不参与比对', `少于 ${MIN_WORDING_LENGTH} 个字（只计汉字、字母和数字）的段落，如只写一个小标题，不参与比对`],
];

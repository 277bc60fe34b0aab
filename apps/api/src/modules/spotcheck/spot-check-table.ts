import type { Column } from '../exports/table.js';
import type { RegionGapDto, SpotCheckItemDto } from './dto/spot-check.dto.js';

/** The export of a 抽查 sample: one row per sampled report. */
export const sampleColumns: Column<SpotCheckItemDto>[] = [
  { header: '单位', type: 'text', value: (r) => r.unitName },
  { header: '地区', type: 'text', value: (r) => r.regionName },
  { header: '层级', type: 'text', value: (r) => r.levelLabel },
  { header: '必抽', type: 'bool', value: (r) => r.mustInclude },
  { header: '复核人', type: 'text', value: (r) => r.reviewerName },
  { header: '状态', type: 'text', value: (r) => r.statusLabel },
  { header: '自评总分', type: 'score', value: (r) => r.selfTotal },
  { header: '复核总分', type: 'score', value: (r) => r.reviewTotal },
  { header: '差距（自评−复核）', type: 'score', value: (r) => r.gap },
  { header: '标记', type: 'bool', value: (r) => r.flagged },
  { header: '总分理由', type: 'text', value: (r) => r.totalReason, width: 40 },
];

/** The export of the gaps by region. */
export const regionGapColumns: Column<RegionGapDto>[] = [
  { header: '地区代码', type: 'text', value: (r) => r.regionCode },
  { header: '地区', type: 'text', value: (r) => r.regionName },
  { header: '已复核单位数', type: 'int', value: (r) => r.reviewed },
  { header: '标记单位数', type: 'int', value: (r) => r.flagged },
  { header: '平均差距', type: 'score', value: (r) => r.meanGap },
  { header: '最大差距', type: 'score', value: (r) => r.maxGap },
];

export const SPOT_CHECK_DEFINITIONS = (margin: number): [string, string][] => [
  ['差距', '自评总分 − 复核总分，两位小数；任一缺失时为空（不是 0）'],
  ['标记', `自评总分高于复核总分超过 ${margin} 分（管理员设定的差距阈值）`],
  ['抽样', '按地区 × 层级分层，按各层报告数比例分配、每层至少 1 份（样本量允许时）；同一随机种子、同一批已确认报告抽出的样本相同'],
];

export const STATUS_LABELS: Record<string, string> = { unassigned: '未指派', assigned: '待复核', submitted: '已提交' };

/** The stratum level is the unit's region level. */
export const LEVEL_LABELS: Record<string, string> = { province: '省级', city: '市级', county: '县级' };

/** Deterministic randomness for synthetic reports: the same seed number always gives the same report. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = (seed >>> 0) ^ 0x9e3779b9;
  }

  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** An amount with 2 decimals in [min, max]. */
  money(min: number, max: number): number {
    return Math.round((min + this.next() * (max - min)) * 100) / 100;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** n distinct items, in a random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0] as T);
    return out;
  }
}

// Invented place-name syllables: synthetic units never name a real county by design.
const SYLLABLES = ['青', '溪', '云', '岚', '枫', '桐', '泉', '石', '松', '禾', '川', '宁', '安', '平', '兴', '和', '龙', '凤', '梅', '竹', '湾', '塘', '岭', '阳', '澄', '霞', '柏', '沙', '源', '峰'];
export const DEPARTMENTS = ['工业和信息化局', '财政局', '教育局', '农业农村局', '交通运输局', '卫生健康局', '科学技术局', '自然资源局', '水利局', '商务局', '民政局', '文化旅游广电局', '市场监督管理局', '林业局', '住房和城乡建设局'];

export function placeName(rnd: Random): string {
  return rnd.pick(SYLLABLES) + rnd.pick(SYLLABLES);
}

export const PROBLEMS = [
  '预算编制的精准度有待提高', '绩效目标设置不够细化量化', '预算执行进度不均衡', '项目资金支出进度偏慢',
  '绩效自评工作基础薄弱', '资产管理制度执行不够到位', '政府采购计划性不强', '部分项目绩效指标可衡量性不足',
];
export const MEASURES = [
  '提高预算编制质量', '细化量化绩效目标', '加快预算执行进度', '强化绩效结果运用',
  '加强资产管理', '规范政府采购流程', '加强财务人员业务培训', '完善内部控制制度',
];

export interface IndicatorSpec {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
}

/** Indicator pool: 一级 → 二级 → rows (target and actual as people write them). */
export const INDICATOR_POOL: IndicatorSpec[] = [
  { level1: '产出指标', level2: '数量指标', name: '新增规模工业企业家数', target: '≥20家', actual: '26家' },
  { level1: '产出指标', level2: '数量指标', name: '完成重点项目数', target: '15个', actual: '17个' },
  { level1: '产出指标', level2: '数量指标', name: '培训人次', target: '≥500人次', actual: '612人次' },
  { level1: '产出指标', level2: '质量指标', name: '资金使用合规性', target: '合规', actual: '合规' },
  { level1: '产出指标', level2: '质量指标', name: '项目验收合格率', target: '100%', actual: '100%' },
  { level1: '产出指标', level2: '时效指标', name: '重点工作按时完成率', target: '≥95%', actual: '98%' },
  { level1: '产出指标', level2: '时效指标', name: '资金拨付及时率', target: '100%', actual: '100%' },
  { level1: '产出指标', level2: '成本指标', name: '三公经费支出', target: '≤30万元', actual: '27.5万元' },
  { level1: '效益指标', level2: '经济效益指标', name: '规模工业增加值增速', target: '≥7%', actual: '7.8%' },
  { level1: '效益指标', level2: '社会效益指标', name: '带动就业人数', target: '≥300人', actual: '356人' },
  { level1: '效益指标', level2: '生态效益指标', name: '单位能耗下降率', target: '≥3%', actual: '3.4%' },
  { level1: '效益指标', level2: '可持续影响指标', name: '长效机制建设', target: '持续推进', actual: '持续推进' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', target: '≥90%', actual: '95%' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '社会公众满意度', target: '≥90%', actual: '93%' },
];

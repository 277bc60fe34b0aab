/**
 * The field lexicon: for every contract field read from labels, the words reports use for it, the
 * words that disqualify a match, and the kind of value that follows. Data, not code: a new layout
 * or a new synonym is a new word here, read by the table, cell-stream and sentence readers alike.
 *
 * Labels are matched on the compact form of a cell or clause (whitespace removed, traditional
 * characters already simplified). `exclude` words anywhere in the label text veto the match.
 */
export type ValueKind = 'count' | 'score' | 'grade' | 'unitName' | 'date' | 'amount';

export interface FieldEntry {
  path: string;
  kind: ValueKind;
  labels: readonly string[];
  exclude?: readonly string[];
  /** Words written right after the value instead of a label before it: "共有 17 个编制". */
  after?: readonly string[];
}

export const FIELD_LEXICON: readonly FieldEntry[] = [
  {
    path: 'staff.quota',
    kind: 'count',
    labels: ['人员编制数', '人员编制', '编制人数', '编制数', '核定编制', '总编制', '编制总数', '行政事业总编制', '核定人员编制', '编制'],
    exclude: ['实有', '在职', '在编', '控制率', '工勤编制', '行政编制', '事业编制', '编制部门', '编制口径', '编制数:', '编制办', '编制委员会', '预算编制', '编制的'],
    after: ['个编制', '名编制', '人编制'],
  },
  {
    path: 'staff.actual',
    kind: 'count',
    labels: ['实有人数', '实有在职人数', '实有在职人员', '实际在职人数', '在职人数', '在职人员', '在编人数', '在编人员', '在编教师数', '在编职工数', '现有在职人员', '在职职工'],
    exclude: ['控制率', '编制数', '退休', '离休', '公务员', '工勤', '协管', '临聘', '机关行政编制', '在职人员数与', '在职人员数/'],
  },
  {
    path: 'unit.name',
    kind: 'unitName',
    labels: ['部门(单位)名称', '部门(单位)', '单位名称', '填报单位(盖章)', '填报单位', '预算部门名称', '预算单位名称', '部门名称', '项目单位', '评价单位', '单位(盖章)'],
    exclude: ['实施单位', '主管部门'],
  },
  {
    // 上年结转结余 counted in the year's funds: not an adjustment (湖南 scoring rule).
    path: 'budget.total.carryover',
    kind: 'amount',
    labels: ['年初调整后结转结余', '年初结转结余', '年初结转和结余', '上年结转结余', '上年结转和结余', '上年结余结转', '上年结转资金', '上年结转'],
    exclude: ['年末', '年底', '基本支出', '项目支出'],
  },
  {
    // The 追加/追减 the report states: the adjustment itself.
    path: 'budget.total.adjustmentStated',
    kind: 'amount',
    labels: ['追加预算', '预算追加', '追加资金', '追加经费', '追加追减', '预算调整数', '调整数'],
    exclude: ['项目支出', '基本支出', '三公', '调整率'],
  },
  {
    path: 'reportDate',
    kind: 'date',
    labels: ['报告日期', '填报日期', '评价日期', '自评日期'],
  },
];

/** Labels that name the publishing body of a web page: a unit name of last resort (weak). */
export const PUBLISHER_LABELS: readonly string[] = ['发布机构', '信息来源', '发文机关'];

/** Score sentences: "自评总分97.6", "评价得分83.33分", "综合得分为 98.36". */
export const SCORE_LABELS: readonly string[] = [
  '综合得分', '综合评分', '自评得分', '自评总分', '评价得分', '绩效得分', '总得分', '最终得分', '整体得分', '部门得分', '自评分数', '评价总分', '综合评价得分', '自评综合得分',
];

/** Grade sentences: "评价等级“良”", "整体绩效自评为优秀". */
export const GRADE_LABELS: readonly string[] = [
  '评价等次', '评价等级', '评价结果等次', '评价结果', '自评结果', '自评等级', '自评等次', '等次', '等级', '评级', '评定为', '自评为', '评价为', '绩效评价结果为',
];
export const GRADE_WORDS: readonly string[] = ['优秀', '优', '良好', '良', '中等', '中', '合格', '较差', '差', '不合格'];

/** Report title words: what follows the unit name (and year) in a title. */
export const TITLE_SUBJECTS: readonly string[] = [
  '部门整体支出', '整体支出', '部门整体和项目支出', '整体和项目支出', '部门整体', '部门', '项目支出', '专项资金', '项目资金', '整体', '单位整体支出',
];
export const TITLE_ENDINGS: readonly string[] = [
  '绩效自评报告', '绩效评价报告', '自评总结报告', '自评报告', '评价报告', '自评价报告', '自评的报告', '评价的报告', '自评表', '评价表', '评分表', '计分表',
];
/** Words in a title that make the report a 项目支出 self-evaluation (when 整体 is absent). */
export const PROJECT_TITLE_WORDS: readonly string[] = ['项目支出', '专项资金', '项目资金', '项目绩效'];
export const DEPARTMENT_TITLE_WORDS: readonly string[] = ['部门整体', '整体支出', '单位整体', '整体绩效'];

/** Organisation-name endings, longest first, and words that end a name early in run-on text. */
export const ORG_SUFFIXES: readonly string[] = [
  '委员会办公室', '办公室', '委员会', '管理局', '中学校', '中学', '小学', '幼儿园', '学校', '学院', '大学', '医院', '卫生院',
  '中心', '政府', '研究院', '研究所', '局', '委', '办', '厅', '院', '所', '站', '馆', '部', '处', '会', '队', '社', '台', '公司', '集团', '馆',
];
export const NAME_STOP_WORDS: readonly string[] = ['一级指标', '二级指标', '三级指标', '指标', '部门整体', '整体支出', '绩效', '预算', '年度'];

/** What may follow a unit's full name in a sentence ("…办公室部门使用专项资金"): its end, not more name. */
export const NAME_FOLLOWERS: readonly string[] = ['部门', '单位', '的', '在', '使用', '对', '按', '严格', '本', '是', '为', '共', '于', '根据', '全年', '年度'];


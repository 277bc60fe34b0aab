import { extractReports } from '../src/index.js';

/** A county report in a layout none of the seeds has: Markdown headings, a pipe table, budget in prose. */
const REPORT = `# 邵阳市隆回县农业农村局2022年度部门整体支出绩效自评报告

## 一、部门基本情况
隆回县农业农村局为县政府工作部门，编制人数45人，实有在职人员52人。

## 二、预算执行情况
2022年年初预算数为3,215.40万元，全年预算数为4,102.88万元，全年执行数为3,988.12万元，预算执行率为97.20%。其中基本支出年初预算1,200.00万元，全年执行1,350.50万元；项目支出年初预算2,015.40万元，全年执行2,637.62万元。
"三公"经费预算12.5万元，实际支出10.2万元，其中公务接待费3.1万元，公务用车运行维护费7.1万元。

## 三、绩效指标完成情况

| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
|---|---|---|---|---|---|---|
| 产出指标 | 数量指标 | 高标准农田建设面积 | ≥2万亩 | 2.3万亩 | 10 | 10 |
| 产出指标 | 质量指标 | 项目验收合格率 | 100% | 98% | 10 | 8 |
| 满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90% | 93% | 10 | 10 |

## 四、自评结论
经综合评价，我局2022年度部门整体支出绩效自评得分为93.5分，评价等级为"优"。

## 五、存在的问题
1. 部分项目前期准备不足，资金支出进度偏慢。
2. 绩效目标设置不够细化。

## 六、改进措施
1. 加快项目前期工作，提高资金使用效率。
`;

describe('a layout the seeds do not show', () => {
  it('reads unit, year, score, budget sentences without a subject, 三公, staff, the pipe table and the findings', async () => {
    const [doc] = (await extractReports(new TextEncoder().encode(REPORT), 'longhui-2022.md')).reports;
    expect(doc!.unit).toEqual({ name: '邵阳市隆回县农业农村局', regionName: '隆回县', level: 'county' });
    expect(doc!.fiscalYear).toBe(2022);
    expect(doc!.score).toEqual({ total: 93.5, grade: '优', gradeText: '优' });
    expect(doc!.budget).toEqual({
      total: { initial: 3215.4, adjusted: 4102.88, actual: 3988.12, executionRateStated: 97.2, carryover: null, adjustmentStated: null },
      basic: { initial: 1200, adjusted: null, actual: 1350.5 },
      project: { initial: 2015.4, adjusted: null, actual: 2637.62 },
    });
    expect(doc!.threePublic).toMatchObject({ budget: 12.5, actual: 10.2, reception: 3.1, vehicleOperation: 7.1 });
    expect(doc!.staff).toEqual({ quota: 45, actual: 52 });
    expect(doc!.indicators).toHaveLength(3);
    expect(doc!.indicators[1]).toEqual({
      level1: '产出指标', category: '产出', level2: '质量指标', name: '项目验收合格率', target: '100%', actual: '98%', weight: 10, score: 8, note: null,
    });
    expect(doc!.findings).toEqual({
      problems: ['部分项目前期准备不足，资金支出进度偏慢', '绩效目标设置不够细化'],
      measures: ['加快项目前期工作，提高资金使用效率'],
    });
    expect(doc!.provenance['budget.total.actual']).toEqual({ line: 7, excerpt: expect.stringContaining('3,988.12') });
    expect(doc!.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['OVER_EXECUTION', 'SCORE_SUM_MISMATCH']));
  });
});

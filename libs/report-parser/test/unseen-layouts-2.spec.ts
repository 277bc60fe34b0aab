import { extractReports } from '../src/index.js';

const extract = async (text: string, name = 'report.txt') => (await extractReports(new TextEncoder().encode(text), name)).reports;

describe('layouts none of the seeds has', () => {
  it('narrative totals in sentences, a bare 支出 heading, score and grade sentences', async () => {
    const [d] = await extract(`某某县民政局2022年度部门整体支出绩效自评报告
一、部门基本情况
(二)收支情况
1、收入:812.30万元。
2、支出:799.12万元。其中:人员经费支出434.89万元,公用经费支出77.40万元,项目支出286.83万元。
四、自评结论
经评价,我局自评总分97.6,评价等级"优"。
`);
    expect(d!.unit.name).toBe('某某县民政局');
    expect(d!.budget.total.actual).toBe(799.12);
    expect(d!.budget.project.actual).toBe(286.83);
    expect(d!.budget.basic.actual).toBeNull(); // 人员经费 is not 基本支出
    expect(d!.score).toEqual({ total: 97.6, grade: '优', gradeText: '优' });
  });

  it('a budget of unnamed kind and its 其中 parts are not spending; spaces inside PDF words', async () => {
    const [d] = await extract('某市河湖水系水源调度中心 2022 年整体和项目支出绩效自评总结报告 一 绩效管理工作开展情况。部门预算总金额 803.74 万元其中:基本支出 757.49 万元,项目支出 46.25 万元。整体绩效自评为优 秀;');
    expect(d!.unit.name).toBe('某市河湖水系水源调度中心');
    expect(d!.fiscalYear).toBe(2022);
    expect(d!.budget.basic.actual).toBeNull();
    expect(d!.budget.project.actual).toBeNull();
    expect(d!.budget.total.initial).toBeNull();
    expect(d!.score.grade).toBe('优');
  });

  it('a cover form printed one cell per line, with blank lines, and traditional characters with pinyin', async () => {
    const [d] = await extract(`某县2021年度部门整体支出绩效评价自评报告

  部門(單位)名稱:某县農(nóng)業(yè)農(nóng)村局

  报告日期:2021年12月31日

人员编制

128

实有人数

185
`);
    expect(d!.unit.name).toBe('某县農(nóng)業(yè)農(nóng)村局'); // as written
    expect(d!.staff).toEqual({ quota: 128, actual: 185 });
    expect(d!.reportDate).toBe('2021-12-31'); // 报告日期 is a label of the cover form
    expect(d!.provenance['staff.actual']?.line).toBe(13); // the value's line
  });

  it('a 项目支出 table with 年度资金总额 and targets split over 指标性质 / 指标值 / 度量单位', async () => {
    const [d] = await extract(`项目支出绩效自评表
（2023年度）
主管部门	某县交通运输局	实施单位	某县交通运输局
项目资金（万元）		年初预算数	全年预算数	全年执行数	分值	执行率	得分
	年度资金总额	120.00	150.00	148.50	10	99.00%	9.9
一级指标	二级指标	三级指标	指标性质	指标值	度量单位	实际完成值	分值	得分
产出指标(50分)	数量指标	养护里程	≥	100	公里	105	20	20
	质量指标	路况优良率	≥	85	%	88	20	20
效益指标(30分)	社会效益指标	群众出行便利度	定性	提升		提升	30	30
`);
    expect(d!.reportKind).toBe('project');
    expect(d!.budget.total).toMatchObject({ initial: 120, adjusted: 150, actual: 148.5, executionRateStated: 99 });
    expect(d!.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.score, i.category])).toEqual([
      ['养护里程', '≥100公里', '105公里', 20, 20, '产出'],
      ['路况优良率', '≥85%', '88%', 20, 20, '产出'],
      ['群众出行便利度', '提升', '提升', 30, 30, '效益'],
    ]);
  });

  it('a scoring sheet flattened into run-on text, the score glued to the next row', async () => {
    const [d] = await extract(
      '1、2017年度部门整体支出绩效评价指标评分表填报单位(盖章):某县图书馆一级指标二级指标三级指标指标解释指标说明自评分投入(20分)目标设定(5分)绩效目标合理性(2分)部门所设立的整体绩效目标依据是否充分。符合国家法律法规计1分;符合职责计1分。2绩效指标明确性(3分)部门依据整体绩效目标所设定的绩效指标是否清晰。将绩效目标细化计1分;与预算资金相匹配计1分。3预算配置(15分)在职人员控制率(5分)部门本年度实际在职人员数与编制数的比率,用以反映和考核部门对人员成本的控制程度。编制数:机构编制部门核定批复的部门的人员编制数。4',
    );
    expect(d!.unit.name).toBe('某县图书馆');
    expect(d!.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score, i.category])).toEqual([
      ['投入', '目标设定', '绩效目标合理性', 2, 2, '投入'],
      ['投入', '目标设定', '绩效指标明确性', 3, 3, '投入'],
      ['投入', '预算配置', '在职人员控制率', 5, 4, '投入'],
    ]);
    expect(d!.scoreBreakdown).toEqual(expect.arrayContaining([{ level1: '投入', level2: null, weight: 20, score: 9 }]));
  });

  it('a pipe table without outer pipes, a page banner inside a one-cell-per-line sheet', async () => {
    const [d] = await extract(`某县财政局2023年度部门整体支出绩效自评报告
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分
产出指标 | 数量指标 | 培训人次 | ≥500人次 | 620人次 | 10 | 10
产出指标 | 质量指标 | 验收合格率 | 100% | 96% | 10 | 8
`);
    expect(d!.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.score])).toEqual([
      ['培训人次', '≥500人次', '620人次', 10, 10],
      ['验收合格率', '100%', '96%', 10, 8],
    ]);
    const [s] = await extract(`2018年度部门整体支出绩效自评指标计分表
一级指标

二级指标

三级指标

自评分

指标解释

投入(20分)

目标设定(5分)

绩效目标合理性(2分)

2

部门所设立的整体绩效目标依据是否充分,用以反映和考核部门整体绩效目标与部门履职的相符性情况。

第 2 页 共 9 页

绩效指标明确性(3分)

3

部门依据整体绩效目标所设定的绩效指标是否清晰、细化、可衡量。
`);
    expect(s!.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score])).toEqual([
      ['投入', '目标设定', '绩效目标合理性', 2, 2],
      ['投入', '目标设定', '绩效指标明确性', 3, 3],
    ]);
  });

  it('a 部门决策/部门管理 scoring sheet in tab rows, merged level cells repeated on every row', async () => {
    const rows = [
      '一级指标\t二级指标\t三级指标\t分值\t指标解释\t评分标准\t自评得分',
      '部门决策(20分)\t目标设定(8分)\t绩效目标合理性\t4\t部门所设立的整体绩效目标依据是否充分。\t符合计4分。\t4',
      '部门决策(20分)\t目标设定(8分)\t绩效指标明确性\t4\t绩效指标是否清晰。\t清晰计4分。\t3',
      '部门决策(20分)\t预算配置(12分)\t在职人员控制率\t12\t在职人员数与编制数的比率。\t小于等于100%计12分。\t12',
    ];
    const [d] = await extract(`某县水利局2022年度部门整体支出绩效自评表\n${rows.join('\n')}\n`);
    expect(d!.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score, i.category])).toEqual([
      ['部门决策', '目标设定', '绩效目标合理性', 4, 4, '决策'],
      ['部门决策', '目标设定', '绩效指标明确性', 4, 3, '决策'],
      ['部门决策', '预算配置', '在职人员控制率', 12, 12, '决策'],
    ]);
    expect(d!.scoreBreakdown).toEqual([
      { level1: '部门决策', level2: null, weight: 20, score: 19 },
      { level1: '部门决策', level2: '目标设定', weight: 8, score: 7 },
      { level1: '部门决策', level2: '预算配置', weight: 12, score: 12 },
    ]);
    // The groups add up (4 + 4 + 12 = 20); only the excerpt's total of 20 is short of 100.
    expect(d!.warnings.filter((w) => w.code === 'WEIGHT_SUM_MISMATCH').map((w) => w.message)).toEqual([expect.stringMatching(/合计 20，不是 100/)]);
  });
});

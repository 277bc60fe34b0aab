import { readFileSync, readdirSync } from 'node:fs';
import { reportGoalParagraphs } from '../src/index.js';
import { SEEDS, extractSeed } from './helpers.js';

const REALDOCS = '/work/shared/realdocs/raw/';
const goalsOf = (lines: string[]) => reportGoalParagraphs(lines.join('\n'), 'department_overall');

describe('绩效目标 sections of a report’s source text', () => {
  it('reads 湘西 2021’s （二）单位年度整体支出绩效目标 up to 二、一般公共预算支出情况, each paragraph with its line', async () => {
    const { text, lines } = await extractSeed(SEEDS.xiangxi);
    expect(lines[456]).toContain('（二）单位年度整体支出绩效目标');
    const goals = reportGoalParagraphs(text, 'department_overall');
    expect(goals.map((g) => g.line)).toEqual([458, 459, 460, 461, 462, 463, 464, 465]);
    expect(goals[0]!.text.startsWith('2021年在州委、州政府的坚强领导下')).toBe(true);
    expect(goals[1]!.text).toBe('1. 全州规模工业增加值增长8%以上；');
    expect(goals[7]!.text).toBe('7. 主动承接产业转移，引进投资3000万元以上的制造业项目30个。');
    // Each paragraph is its source line as written.
    for (const g of goals) expect(lines[g.line - 1]!.trim()).toBe(g.text);
    // （三）部门整体支出绩效目标完成情况 and the 绩效目标 table cell further on are not goal sections.
    expect(goals.every((g) => g.line < 466)).toBe(true);
  });

  it('finds none in the other seeds, whose 绩效目标 words are a 完成情况 heading, table cells or sentences', async () => {
    for (const file of [SEEDS.liuyang, SEEDS.wangcheng, SEEDS.xiangtan, SEEDS.yiyang]) {
      const { text } = await extractSeed(file);
      expect([file, reportGoalParagraphs(text, 'department_overall')]).toEqual([file, []]);
    }
  });

  it('finds none in the real excerpts, where 绩效目标 appears only in scoring criteria, table rows and running text', () => {
    const files = readdirSync(REALDOCS).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect([f, reportGoalParagraphs(readFileSync(REALDOCS + f, 'utf8'), 'department_overall')]).toEqual([f, []]);
  });

  it('takes 二、绩效目标 and stops at the next heading of its rank, not at its own numbered items', () => {
    const goals = goalsOf([
      '一、部门基本情况', '本局内设机构5个。',
      '二、绩效目标', '全年完成各项工作任务。', '1. 新增入规企业35家；', '（1）其中制造业20家。', '',
      '三、绩效目标完成情况', '各项目标均已完成。',
    ]);
    expect(goals).toEqual([
      { text: '全年完成各项工作任务。', line: 4 }, { text: '1. 新增入规企业35家；', line: 5 }, { text: '（1）其中制造业20家。', line: 6 },
    ]);
  });

  it('does not take a 绩效目标完成情况 or 绩效目标实现情况 heading, nor a table cell', () => {
    expect(goalsOf(['（三）部门整体支出绩效目标完成情况', '全年目标均已完成。', '2.绩效目标实现情况', '基本实现。'])).toEqual([]);
    expect(goalsOf(['\t绩效目标\t完成情况', '年度绩效目标 | 全年完成', '全年目标均已完成。'])).toEqual([]);
    expect(goalsOf(['绩效目标合理性(2分)', '部门所设立的整体绩效目标依据是否充分。'])).toEqual([]);
  });

  it('ranks （二）, 2. and 第二部分 headings by their numbering', () => {
    // （二）: ends at the next （三）, not at its 1. items.
    expect(goalsOf(['（二）年度绩效目标', '1. 完成园区投资100亿元以上；', '（三）预算执行情况', '执行率98%。']).map((g) => g.line)).toEqual([2]);
    // 2.: ends at 3., and its （1） items are its own.
    expect(goalsOf(['2.部门整体支出绩效目标', '（1）新建标准厂房100万平方米。', '3.预算管理', '严格执行预算。']).map((g) => g.line)).toEqual([2]);
    // 第二部分: ranks above 一、, so its 一、 sub-sections are inside it; it ends at 第三部分.
    expect(goalsOf(['第二部分 绩效目标', '一、总体目标', '推动工业经济高质量发展。', '第三部分 绩效自评情况', '自评得分96分。']).map((g) => g.line)).toEqual([2, 3]);
    // An unnumbered title on a line of its own ranks as （一）.
    expect(goalsOf(['部门整体支出绩效目标', '实施智能制造示范项目10个。', '（二）存在的问题', '预算编制不够精准。']).map((g) => g.line)).toEqual([2]);
  });

  it('ends a section at an 附件 heading and reads no goals for a 项目支出 report', () => {
    const lines = ['部门整体支出绩效自评报告', '二、年度绩效目标', '完成全年工作任务。', '附件1', '项目支出绩效自评表', '年度绩效目标 完成项目建设'];
    expect(goalsOf(lines).map((g) => g.line)).toEqual([3]);
    expect(reportGoalParagraphs(lines.join('\n'), 'project')).toEqual([]);
  });

  it('reads pathological lines whole (every pattern is linear): long runs of numbering, blanks and colons', () => {
    const long = ['第' + '一'.repeat(100_000) + '部分', '第一部分' + ' '.repeat(100_000) + '：'.repeat(100_000), '二、' + ' '.repeat(100_000) + '绩效目标'];
    const goals = goalsOf([...long, '完成全年任务。']);
    expect(goals).toEqual([{ text: '完成全年任务。', line: 4 }]);
  });
});

import { SEEDS, codes, department, expectValid, extractSeed } from './helpers.js';

// 湘潭县科技和工业信息化局 2023: key–value table flattened into lines, indicator table garbled by OCR.
test('湘潭县 2023: key–value figures and the OCR table total', async () => {
  const d = department(await extractSeed(SEEDS.xiangtan));
  expectValid(d);
  expect(d.unit).toEqual({ name: '湘潭县科技和工业信息化局', regionName: '湘潭县', level: 'county' });
  expect(d.fiscalYear).toBe(2023);
  expect(d.score.total).toBe(98); // 合计 | 100 | … | 100 | 98
  expect(d.score.grade).toBeNull(); // no grade is written
  // "2023年预算金额支出 5045.65 万元, 其中: 基本支出 922.86 万元 … 项目支出 4122.79 万元"
  expect(d.budget.total.actual).toBe(5045.65);
  expect(d.budget.basic.actual).toBe(922.86);
  expect(d.budget.project).toEqual({ initial: 95.16, adjusted: null, actual: 4122.79 });
  expect(d.budget.total.initial).toBeNull();
  expect(d.threePublic).toEqual({ budget: null, actual: 3.63, priorYearActual: null, reception: 0.91, vehiclePurchase: 0, vehicleOperation: 2.72, overseas: 0 });
  expect(d.staff).toEqual({ quota: null, actual: null });
  // Three table blocks: 6 + 10 + 8 rows.
  expect(d.indicators).toHaveLength(24);
  expect(d.indicators.map((i) => i.name)).toEqual(expect.arrayContaining(['资金结余', '高新技术产值', '选派科技特派员', '服务对象满意度']));
  expect(d.indicators.find((i) => i.name === '资金结余')).toMatchObject({ weight: 5, score: 5 });
  // The OCR-damaged scores do not add up to 98: said, not hidden.
  expect(codes(d)).toContain('SCORE_SUM_MISMATCH');
  expect(codes(d)).not.toContain('MISSING_BUDGET');
});

test('湘潭县 2023: 存在的问题 / 改进措施 flattened by OCR into one line still give 2 + 2 items', async () => {
  const d = department(await extractSeed(SEEDS.xiangtan));
  expect(d.findings.problems).toEqual(['预算编制需要更加科学合理, 预算绩效管理理念、业务水平有待提高', '我单位属全额财政预算拨款行政单位,无其他经费来源']);
  expect(d.findings.measures).toEqual(['加强业务学习培训,树立现代绩效管理理念,设立科学合理的绩效目标和指标,增强目标约束力', '结合工作实际精细预算编制,统筹安排经费支出,确保各项工作正常开展和稳妥推进']);
  expect(d.provenance['findings.problems.0']?.line).toBe(49);
});

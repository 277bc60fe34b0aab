import { emptyReportDocument, type IndicatorRow, type ReportDocument } from '@hunan-perf/contracts';
import type { Session } from './test-app.js';
import { upload } from './uploads.js';

/** Registered units of the seed regions, as their reports name them. */
export const UNITS = {
  liuyang: { name: '浏阳市工业和信息化局', regionName: '浏阳市', level: 'county' },
  wangcheng: { name: '长沙市望城区工业和信息化局', regionName: '长沙市望城区', level: 'county' },
  xiangxi: { name: '湘西土家族苗族自治州工业和信息化局', regionName: '湘西土家族苗族自治州', level: 'city' },
} as const;

const row = (level1: string, level2: string, name: string, target: string, actual: string, weight: number, score: number): IndicatorRow => ({
  level1, level2, name, target, actual, weight, score, note: null,
});

/**
 * A clean self-evaluation: 92 分 with 执行率 90.91 %, weights adding to 100, some points lost,
 * targets met without being dwarfed, a cost row written as 不超过, and a real 存在的问题.
 */
export function cleanReport(unit: keyof typeof UNITS, fiscalYear: number): ReportDocument {
  const doc = emptyReportDocument({ fileName: `${unit}-${fiscalYear}.json`, sha256: '', format: 'json' });
  doc.unit = { ...UNITS[unit] };
  doc.fiscalYear = fiscalYear;
  doc.reportKind = 'department_overall';
  doc.score = { total: 92, grade: '优', gradeText: '优' };
  doc.budget.total = { initial: 1000, adjusted: 1100, actual: 1000, executionRateStated: null };
  doc.indicators = [
    row('产出指标', '数量指标', '新增规模工业企业', '≥40家', '45家', 30, 30),
    row('产出指标', '质量指标', '资金使用合规性', '合规', '合规', 20, 18),
    row('产出指标', '成本指标', '三公经费支出', '≤30万元', '27.5万元', 20, 20),
    row('效益指标', '社会效益指标', '服务企业覆盖率', '≥90%', '96%', 20, 16),
    row('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', '95%', 10, 8),
  ];
  doc.findings = { problems: ['绩效目标设置不够细化，部分指标难以量化'], measures: ['细化绩效目标'] };
  doc.warnings = [];
  return doc;
}

/** Uploads a document as .json through the real upload path; returns the report id. */
export async function uploadDoc(s: Session, doc: ReportDocument, name = doc.source.fileName): Promise<string> {
  const res = await upload(s, [{ name, bytes: Buffer.from(JSON.stringify(doc)) }]).expect(201);
  return res.body[0].reportId as string;
}

export async function confirm(s: Session, id: string): Promise<void> {
  await s.agent.post(`/api/reports/${id}/confirm`).set('x-csrf-token', s.csrf).expect(200);
}

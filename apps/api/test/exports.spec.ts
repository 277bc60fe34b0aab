import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseCsv } from '@hunan-perf/contracts';
import { startSeededApp } from './support/seeded-app.js';
import { binary } from './support/uploads.js';
import { sessionAs, type Session, type TestApp } from './support/test-app.js';


describe('raw exports and the recheck rule set', () => {
  let t: TestApp;
  let viewer: Session;
  beforeAll(async () => {
    ({ t } = await startSeededApp());
    viewer = await sessionAs(t, 'viewer');
  });
  afterAll(() => t.close());

  const csv = async (path: string) => parseCsv((await viewer.agent.get(path).buffer(true).parse(binary).expect(200)).body.toString('utf8'));

  it('reports.csv: one row per current confirmed department report, amounts as numbers', async () => {
    const rows = await csv('/api/exports/reports.csv');
    expect(rows[0]!.slice(0, 5)).toEqual(['年度', '单位', '地区', '上级地区', '层级']);
    expect(rows.slice(1)).toHaveLength(5);
    const xiangxi = rows.find((r) => r[1] === '湘西土家族苗族自治州工业和信息化局')!;
    const header = rows[0]!;
    expect(xiangxi[header.indexOf('全年预算数（万元）')]).toBe('7020.73');
    expect(xiangxi[header.indexOf('预算调整率（%）')]).toBe('226.81');
  });

  it('indicators, budget and warnings; filters apply', async () => {
    const indicators = await csv('/api/exports/indicators.csv?year=2024');
    expect(indicators.slice(1)).toHaveLength(19);
    expect(indicators.slice(1).every((r) => r[1] === '益阳市工业和信息化局')).toBe(true);
    const budget = await csv('/api/exports/budget.csv?year=2021');
    expect(budget.slice(1)).toHaveLength(9);
    const warnings = await csv('/api/exports/warnings.csv');
    expect(warnings[0]).toEqual(['年度', '单位', '地区', '警告代码', '说明', '字段']);
    expect(warnings.slice(1).some((r) => r[3] === 'MISSING_SCORE' && r[1] === '长沙市望城区工业和信息化局')).toBe(true);
    const projects = await csv('/api/exports/reports.csv?kind=project');
    expect(projects.slice(1).map((r) => r[1])).toEqual(['浏阳市工业和信息化局']);
  });

  it('reports.xlsx has Chinese headers, numbers with two decimals and a 说明 sheet', async () => {
    const res = await viewer.agent.get('/api/exports/reports.xlsx?year=2021').buffer(true).parse(binary).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.getWorksheet('数据')!;
    expect(sheet.getCell('J1').value).toBe('全年预算数（万元）');
    const values = sheet.getColumn(10).values.slice(2);
    expect(values).toContain(7020.73);
    expect(sheet.getColumn(10).numFmt).toBe('#,##0.00');
    const about = book.getWorksheet('说明')!;
    const lines = about.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 3).join('='));
    expect(lines).toContain('行数=3');
    expect(lines.some((l) => l.startsWith('指标定义版本='))).toBe(true);
  });

  it('budget.csv with a manifest: the manifest counts the rows the CSV holds, all from confirmed reports', async () => {
    const res = await viewer.agent.get('/api/exports/budget.csv?year=2021&manifest=1').buffer(true).parse(binary).expect(200);
    const zip = await JSZip.loadAsync(res.body as Buffer);
    const rows = parseCsv(await zip.file('预算.csv')!.async('string'));
    expect(rows.slice(1)).toHaveLength(9);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toMatchObject({ title: '预算（当前确认版本）', rows: 9, confirmedRows: 9, filters: { 年度: '2021' } });
  });

  it('an unknown export is a 400 naming the choices', async () => {
    const res = await viewer.agent.get('/api/exports/secrets.csv').expect(400);
    expect(res.body).toMatchObject({ error: 'UNKNOWN_EXPORT', message: expect.stringContaining('reports.csv') });
  });

  it('the rule set is readable by all, editable by an admin with field-level errors, and changes the recheck', async () => {
    const rules = (await viewer.agent.get('/api/settings/recheck-rules').expect(200)).body;
    expect(rules.version).toBe('default-2026.1');
    await viewer.agent.put('/api/settings/recheck-rules').set('x-csrf-token', viewer.csrf).send(rules).expect(403);
    const admin = await sessionAs(t, 'admin');
    const bad = await admin.agent.put('/api/settings/recheck-rules').set('x-csrf-token', admin.csrf)
      .send({ version: 'x', rules: [{ ...rules.rules[1], bands: [{ max: 'ten', points: -1 }] }] }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['rules[0].bands[0].max', 'rules[0].bands[0].points']);
    const strict = { version: 'strict-test', rules: [{ ...rules.rules[0], key: 'executionRate', type: 'bands', bands: [{ max: 100, points: 0 }], otherwise: 0 }] };
    await admin.agent.put('/api/settings/recheck-rules').set('x-csrf-token', admin.csrf).send(strict).expect(200);
    const res = await viewer.agent.get('/api/analytics/recheck?year=2021').expect(200);
    expect(res.body.rulesVersion).toBe('strict-test');
    const xiangxi = res.body.rows.find((r: { unitName: string }) => r.unitName.startsWith('湘西'));
    expect(xiangxi.items).toEqual([expect.objectContaining({ selfPoints: 9.36, recomputedPoints: 0, difference: 9.36 })]);
    expect(xiangxi.flagged).toBe(true);
  });
});

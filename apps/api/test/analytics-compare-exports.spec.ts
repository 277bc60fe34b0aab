import ExcelJS from 'exceljs';
import { segment, STOP_WORDS } from '../src/modules/analytics/problem-themes.js';
import { startSeededApp } from './support/seeded-app.js';
import { binary } from './support/uploads.js';
import { sessionAs, type Session, type TestApp } from './support/test-app.js';

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('comparisons across frameworks, ranks among a level, exports from one table, problems by unit', () => {
  let t: TestApp;
  let viewer: Session;
  let units: Record<string, string>;
  const extra: Record<string, string> = {};

  beforeAll(async () => {
    ({ t, units } = await startSeededApp());
    viewer = await sessionAs(t, 'viewer');
    // Three more county-level units in 2021 (in 湘西's counties), scored 99, 90 and 80: 浏阳's 96 is second of four scored counties.
    for (const [code, name, score] of [['433101', '吉首市工业和信息化局', 99], ['433122', '泸溪县工业和信息化局', 90], ['433123', '凤凰县工业和信息化局', 80]] as const) {
      const [{ id: unitId }] = await t.dataSource.query(`INSERT INTO unit (name, region_code) VALUES ($1, $2) RETURNING id`, [name, code]);
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO report (unit_id, region_code, fiscal_year, kind, version, status, document, is_synthetic, score_total, confirmed_at)
         VALUES ($1, $2, 2021, 'department_overall', 1, 'confirmed', '{"schemaVersion": 1}', false, $3, now()) RETURNING id`,
        [unitId, code, score],
      );
      // Rows stored without a category: the API derives it from the written names.
      await t.dataSource.query(
        `INSERT INTO report_indicator (report_id, position, level1, level2, name, weight, score, category)
         VALUES ($1, 0, '产出指标', '数量指标', '企业培育', 20, 18, NULL), ($1, 1, '部门绩效', '满意度指标', '企业满意度', 10, 9, NULL)`,
        [id],
      );
      await t.dataSource.query(`INSERT INTO report_metric SELECT * FROM v_report_metric WHERE report_id = $1`, [id]);
      await t.dataSource.query(`UPDATE data_version SET version = version + 1`);
      extra[name] = unitId;
    }
  });
  afterAll(() => t.close());

  it('同级排名 is the rank among every scored unit of that level and year, whatever units are compared', async () => {
    const res = await viewer.agent.get(`/api/analytics/compare?year=2021&unitIds=${units['000']},${units['004']}`).expect(200);
    const liuyang = res.body.rows.find((r: { unitId: string }) => r.unitId === units['000']);
    const xiangxi = res.body.rows.find((r: { unitId: string }) => r.unitId === units['004']);
    expect(liuyang).toMatchObject({ scoreTotal: 96, regionLevel: 'county', rankInLevel: 2, levelSize: 4 });
    expect(xiangxi).toMatchObject({ regionLevel: 'city', rankInLevel: 1, levelSize: 1 });
    const ranks = await viewer.agent.get(`/api/analytics/rankings?year=2021&metric=scoreTotal&unitIds=${units['000']},${extra['凤凰县工业和信息化局']}`).expect(200);
    expect(ranks.body.rows.map((r: { unitName: string; rank: number; levelRank: number; levelSize: number }) => [r.unitName, r.rank, r.levelRank, r.levelSize]))
      .toEqual([['浏阳市工业和信息化局', 1, 2, 4], ['凤凰县工业和信息化局', 2, 4, 4]]);
  });

  it('the radar reads canonical categories, backfilled at read time for rows stored without one, and leaves out what a unit lacks', async () => {
    const jishou = extra['吉首市工业和信息化局']!;
    const res = await viewer.agent.get(`/api/analytics/compare?year=2021&unitIds=${jishou},${units['004']}`).expect(200);
    const rates = (unit: string) => res.body.categoryRates.filter((r: { unitId: string }) => r.unitId === unit);
    expect(rates(jishou)).toEqual([
      expect.objectContaining({ category: '产出', writtenLevel1: ['产出指标'], weight: 20, score: 18, scoreRate: 90 }),
      expect.objectContaining({ category: '满意度', writtenLevel1: ['部门绩效'], weight: 10, score: 9, scoreRate: 90 }),
    ]);
    const categories = ['产出', '效益', '满意度', '投入', '过程', '决策', '管理', '其他'];
    const xiangxi = rates(units['004']!);
    expect(xiangxi.length).toBeGreaterThan(1);
    for (const r of xiangxi) expect(categories).toContain(r.category);
    // One entry per category, in the canonical order, only for categories with weights.
    expect(xiangxi.map((r: { category: string }) => r.category)).toEqual(categories.filter((c) => xiangxi.some((r: { category: string }) => r.category === c)));
    // 湘西 writes 预算执行率 as a 一级 of its own: a 过程 measure.
    expect(xiangxi.find((r: { writtenLevel1: string[] }) => r.writtenLevel1.includes('预算执行率'))).toMatchObject({ category: '过程', weight: 10, score: 9.36 });
    expect(xiangxi.find((r: { writtenLevel1: string[] }) => r.writtenLevel1.includes('产出指标'))).toMatchObject({ category: '产出' });
  });

  it('各单位最新年度 is computed by the server: each unit its own latest report', async () => {
    const res = await viewer.agent.get(`/api/analytics/compare?unitIds=${units['000']},${units['002']},${units['003']}`).expect(200);
    expect(res.body).toMatchObject({ year: null, mode: 'latest' });
    expect(res.body.rows.map((r: { unitName: string; fiscalYear: number }) => [r.unitName, r.fiscalYear]).sort()).toEqual([
      ['浏阳市工业和信息化局', 2021], ['湘潭县科技和工业信息化局', 2023], ['益阳市工业和信息化局', 2024],
    ].sort());
  });

  it('CSV and XLSX of every analytics page hold the rows of its JSON answer; BOM, Chinese headers and a Chinese 说明', async () => {
    type Answer = { rows: { items: unknown[] }[]; points: { reportId: unknown[] }; series: { points: unknown[] }[]; themes: unknown[] };
    const views = [
      [`compare?unitIds=${units['000']},${units['003']},${units['004']}`, (b: Answer) => b.rows.length],
      ['compare?year=2021', (b: Answer) => b.rows.length],
      ['overview?year=2021', (b: Answer) => b.points.reportId.length],
      ['trends?metric=executionRate&regionCodes=433100,430000', (b: Answer) => b.series.reduce((n: number, s) => n + s.points.length, 0)],
      ['indicators?year=2021', (b: Answer) => b.rows.length],
      ['recheck?year=2021', (b: Answer) => b.rows.reduce((n: number, r) => n + r.items.length, 0)],
      ['problems?year=2021', (b: Answer) => b.themes.length],
    ] as const;
    for (const [view, count] of views) {
      const json = await viewer.agent.get(`/api/analytics/${view}`).expect(200);
      const n = count(json.body);
      expect(n).toBeGreaterThan(0);
      const csv = await viewer.agent.get(`/api/analytics/${view}&format=csv`).buffer(true).parse(binary).expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(decodeURIComponent(csv.headers['content-disposition'])).toMatch(/attachment; filename\*=UTF-8''.+\.csv$/);
      const text = (csv.body as Buffer).toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = parseCsv(text.slice(1));
      expect(lines.length - 1).toBe(n);
      for (const h of lines[0]!) expect(h).toMatch(/[\u4e00-\u9fa5]/);
      const xlsx = await viewer.agent.get(`/api/analytics/${view}&format=xlsx`).buffer(true).parse(binary).expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body as Parameters<typeof book.xlsx.load>[0]);
      const data = book.getWorksheet('数据')!;
      expect(data.actualRowCount - 1).toBe(n);
      expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(lines[0]);
      const about = new Map<string, string>();
      book.getWorksheet('说明')!.eachRow((r) => about.set(String(r.getCell(1).value), String(r.getCell(2).value)));
      expect(about.get('行数')).toBe(String(n));
      expect(about.get('生成时间（北京时间）')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(about.get('数据截至（最近一次确认，北京时间）')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      // No metric key, region code, or ISO timestamp reaches the reader.
      for (const v of about.values()) expect(v).not.toMatch(/scoreTotal|executionRate|adjustmentRatio|indicatorCompletion|\d{4}-\d{2}-\d{2}T|\b\d{6}\b/);
    }
  });

  it('the compare export: the page rows, units in words, the 各单位最新年度 mode, columns wide enough for unit names', async () => {
    const q = `unitIds=${units['000']},${units['003']},${units['004']}&metrics=scoreTotal,executionRate`;
    const json = await viewer.agent.get(`/api/analytics/compare?${q}`).expect(200);
    const csv = await viewer.agent.get(`/api/analytics/compare?${q}&format=csv`).buffer(true).parse(binary).expect(200);
    expect(decodeURIComponent(csv.headers['content-disposition'])).toContain('单位对比-各单位最新年度.csv');
    const lines = parseCsv((csv.body as Buffer).toString('utf8').slice(1));
    const head = lines[0]!;
    expect(head.slice(0, 7)).toEqual(['年度', '单位', '地区', '上级地区', '等级', '自评得分（分）', '预算执行率（%）']);
    expect(head).toContain('同层级排名');
    expect(head).toContain('同层级有得分单位数');
    expect(head).toContain('产出类得分率（%）');
    const unitCol = head.indexOf('单位');
    expect(lines.slice(1).map((l) => l[unitCol])).toEqual(json.body.rows.map((r: { unitName: string }) => r.unitName));
    const yearCol = head.indexOf('年度');
    expect(lines.slice(1).map((l) => Number(l[yearCol]))).toEqual(json.body.rows.map((r: { fiscalYear: number }) => r.fiscalYear));
    const xlsx = await viewer.agent.get(`/api/analytics/compare?${q}&format=xlsx`).buffer(true).parse(binary).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('数据')!;
    // 湘西土家族苗族自治州工业和信息化局: 16 characters, 32 wide.
    expect(sheet.getColumn(unitCol + 1).width).toBeGreaterThanOrEqual(32);
    const about = new Map<string, string>();
    book.getWorksheet('说明')!.eachRow((r) => about.set(String(r.getCell(1).value), String(r.getCell(2).value)));
    expect(about.get('筛选：年度')).toBe('各单位最新年度');
    expect(about.get('筛选：单位')).toContain('湘西土家族苗族自治州工业和信息化局');
    expect(about.get('筛选：指标')).toBe('自评得分（分）、预算执行率（%）');
    expect(about.get('指标：预算执行率（%）')).toContain('全年执行数');
  });

  it('问题分析 counts units (once each) where it says 单位数, and drops stop words', async () => {
    const res = await viewer.agent.get('/api/analytics/problems?year=2021').expect(200);
    const themes: { theme: string; unitCount: number; statementCount: number; units: unknown[] }[] = res.body.themes;
    const units2021 = (await viewer.agent.get('/api/analytics/overview?year=2021').expect(200)).body.points.reportId.length;
    for (const th of themes) {
      expect(th.unitCount).toBe(th.units.length);
      expect(th.unitCount).toBeLessThanOrEqual(units2021);
      expect(th.unitCount).toBeLessThanOrEqual(th.statementCount);
    }
    // Some theme gathers several statements of one unit: counting statements would overstate it.
    expect(themes.some((th) => th.statementCount > th.unitCount)).toBe(true);
    const byUnits = themes.map((th) => th.unitCount);
    expect(byUnits).toEqual([...byUnits].sort((a, b) => b - a));
    for (const k of res.body.keywords as { word: string; unitCount: number }[]) {
      expect(STOP_WORDS.has(k.word)).toBe(false);
      expect(k.unitCount).toBeLessThanOrEqual(units2021);
    }
    const words = segment('虽然资金已经到位，但是还是有 100万元 结余，绩效目标设置不够细化');
    for (const stop of ['虽然', '但是', '还是', '万元', '100万元', '不够']) expect(words).not.toContain(stop);
    expect(words).toEqual(expect.arrayContaining(['资金', '结余', '绩效', '目标']));
  });
});

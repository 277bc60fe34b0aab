import type { ReportDocument } from '@hunan-perf/contracts';
import { jaccardPercent, SHINGLING_VERSION, textShingles, wordingLength } from '@hunan-perf/metrics';
import { backfillParagraphs } from '../src/modules/text-reuse/report-paragraphs.js';
import { MIN_WORDING_LENGTH } from '../src/modules/text-reuse/text-reuse-rules.js';
import { cleanReport, confirm, uploadDoc } from './support/crafted-reports.js';
import { startSeededApp } from './support/seeded-app.js';
import { sessionAs, type Session, type TestApp } from './support/test-app.js';
import { binary, seed, upload } from './support/uploads.js';

interface Paragraph { paragraphId: string; reportId: string; unitName: string; regionName: string; fiscalYear: number; section: string; sectionLabel: string; position: number; text: string; sourceLine: number | null }
interface Pair { similarity: number; relation: string; relationLabel: string; paragraph: Paragraph; other: Paragraph }
interface Stored { id: string; reportId: string; unitId: string; fiscalYear: number; kind: string; section: string; text: string; length: number; shingles: number[]; regionCode: string }

const LIUYANG = '浏阳市工业和信息化局';
const WANGCHENG = '长沙市望城区工业和信息化局';
const XIANGXI = '湘西土家族苗族自治州工业和信息化局';
/** 浏阳 2021's second 存在的问题 and third 改进措施, as its report writes them. */
const COPIED_PROBLEM = '规范账务处理，提高财务信息质量';
const LIUYANG_MEASURE = '加强工作人员绩效评价意识，强调项目开展落实到资料审核与现场勘查两项重要环节，采取不定期检查和定期考核的方式对项目实施质量进行过程把控，确保项目绩效目标的完成';
/** The same measure with a few words changed: the same unit's next year. */
const EDITED_MEASURE = '加强工作人员绩效评价意识，强调项目开展落实到资料审核与现场勘查两个重要环节，采取不定期检查和定期考核的方式对项目实施质量进行全过程把控，确保年度绩效目标的完成';
/** Shares about half its wording with 浏阳's 加强财务管理，严格财务审核. */
const HALF_SHARED = '加强财务管理，严格财务审核，做好资金支付工作';

describe('文字雷同: near-duplicate 存在的问题 and 改进措施 across units and against the same unit’s previous year', () => {
  let t: TestApp;
  let analyst: Session;
  let admin: Session;
  const reports: Record<string, string> = {};

  async function crafted(unit: 'liuyang' | 'wangcheng' | 'xiangxi', year: number, problems: string[], measures: string[]): Promise<string> {
    const doc: ReportDocument = cleanReport(unit, year);
    doc.findings = { problems, measures };
    const id = await uploadDoc(analyst, doc, `${unit}-${year}-${Math.random().toString(36).slice(2, 8)}.json`);
    await confirm(analyst, id);
    return id;
  }

  const list = async (query: string, s = analyst): Promise<{ total: number; thresholdPercent: number; sections: { value: string; label: string }[]; rows: Pair[] }> =>
    (await s.agent.get(`/api/text-reuse?${query}`).expect(200)).body;

  /** Every stored paragraph of the current confirmed reports, for the brute-force check. */
  const stored = async (): Promise<Stored[]> => t.dataSource.query(
    `SELECT p.id::text AS id, p.report_id AS "reportId", p.unit_id AS "unitId", p.fiscal_year AS "fiscalYear", p.kind, p.section, p.text,
            p.wording_length AS length, p.shingles, k.region_code AS "regionCode"
       FROM report_paragraph p JOIN report_rollup k ON k.report_id = p.report_id`,
  );

  /** The pairs the rules call near-duplicates, worked out here pair by pair in TypeScript: `a` in the year, each pair once. */
  function expectedPairs(all: Stored[], year: number | null, threshold: number, section: string | null = null): string[] {
    const inScope = (p: Stored) => p.kind === 'department_overall' && (year === null || p.fiscalYear === year) && p.length >= MIN_WORDING_LENGTH
      && (section === null || p.section === section);
    const out: string[] = [];
    for (const a of all.filter(inScope)) {
      for (const b of all) {
        if (b.kind !== a.kind || b.section !== a.section || b.reportId === a.reportId || b.length < MIN_WORDING_LENGTH) continue;
        if (b.unitId === a.unitId && b.fiscalYear !== a.fiscalYear - 1) continue;
        const similarity = jaccardPercent(a.shingles, b.shingles);
        if (similarity === null || similarity < threshold) continue;
        const bFirst = b.fiscalYear > a.fiscalYear || (b.fiscalYear === a.fiscalYear && Number(b.id) < Number(a.id));
        if (inScope(b) && bFirst) continue;
        out.push(`${a.id}-${b.id}-${similarity}`);
      }
    }
    return out.sort();
  }
  const key = (p: Pair) => `${p.paragraph.paragraphId}-${p.other.paragraphId}-${p.similarity}`;

  beforeAll(async () => {
    let seeded: Record<string, string>;
    ({ t, reports: seeded } = await startSeededApp());
    analyst = await sessionAs(t, 'analyst');
    admin = await sessionAs(t, 'admin');
    reports.liuyang2021 = seeded['000']!;
    reports.wangcheng2022 = await crafted('wangcheng', 2022, [COPIED_PROBLEM, '项目申报流程不够科学，可操作性不强，需要进一步完善'], ['完善项目申报工作机制，细化申报指南']);
    reports.xiangxi2022 = await crafted('xiangxi', 2022, [`一是${COPIED_PROBLEM}。`], [HALF_SHARED]);
    reports.liuyang2022 = await crafted('liuyang', 2022, ['绩效管理意识有待加强'], [EDITED_MEASURE]);
  }, 180_000);
  afterAll(() => t.close());

  it('keeps each confirmed report’s statements with their source line and the shingles of their wording', async () => {
    const rows: { section: string; position: number; text: string; sourceLine: number | null; shingles: number[]; length: number }[] = await t.dataSource.query(
      `SELECT section, position, text, source_line AS "sourceLine", shingles, wording_length AS length FROM report_paragraph WHERE report_id = $1 ORDER BY section DESC, position`,
      [reports.liuyang2021],
    );
    expect(rows.map((r) => [r.section, r.position, r.text.slice(0, 10), r.sourceLine])).toEqual([
      ['problem', 0, '预算编制需更加科学合', 140], ['problem', 1, '规范账务处理，提高财', 144], ['problem', 2, '绩效管理意识有待加强', 148],
      ['measure', 0, '合理编制年度预算', 156], ['measure', 1, '加强财务管理，严格财', 158], ['measure', 2, '加强工作人员绩效评价', 160],
    ]);
    for (const r of rows) {
      expect(r.shingles).toEqual(textShingles(r.text));
      expect(r.length).toBe(wordingLength(r.text));
    }
  });

  it('finds a problem copied by another unit (any year) and a measure repeated from the same unit’s previous year', async () => {
    const body = await list('year=2022');
    expect(body.thresholdPercent).toBe(60);
    const seen = body.rows.map((p) => [p.paragraph.unitName, p.paragraph.sectionLabel, p.other.unitName, p.other.fiscalYear, p.relation, p.similarity]);
    expect(seen).toEqual(expect.arrayContaining([
      [WANGCHENG, '存在的问题', LIUYANG, 2021, 'other_unit', 100],
      [XIANGXI, '存在的问题', LIUYANG, 2021, 'other_unit', 100],
      [LIUYANG, '改进措施', LIUYANG, 2021, 'previous_year', jaccardPercent(textShingles(EDITED_MEASURE), textShingles(LIUYANG_MEASURE))],
    ]));
    // 望城 and 湘西 2022 copied the same sentence: listed once, the lower paragraph first.
    const between = body.rows.filter((p) => [p.paragraph.unitName, p.other.unitName].sort().join() === [WANGCHENG, XIANGXI].sort().join());
    expect(between).toHaveLength(1);
    expect(between[0]!.relationLabel).toBe('与其他单位雷同');
    const previous = body.rows.find((p) => p.relation === 'previous_year')!;
    expect(previous.relationLabel).toBe('与本单位上年雷同');
    expect(previous.other).toMatchObject({ sourceLine: 160, position: 2, fiscalYear: 2021 });
    expect(previous.similarity).toBeGreaterThan(60);
    expect(previous.similarity).toBeLessThan(100);
    // Highest similarity first.
    expect(body.rows.map((p) => p.similarity)).toEqual([...body.rows.map((p) => p.similarity)].sort((a, b) => b - a));
  });

  it('lists exactly the pairs the rules give, worked out pair by pair', async () => {
    const all = await stored();
    for (const [query, year] of [['year=2022', 2022], ['year=2021', 2021], ['', null]] as const) {
      const body = await list(`${query}&pageSize=500`);
      expect(body.rows.map(key).sort()).toEqual(expectedPairs(all, year, 60));
      expect(body.total).toBe(body.rows.length);
    }
    // The same unit in the same year, or two years apart, is no pair; a short heading never is.
    const everything = (await list('pageSize=500')).rows;
    expect(everything.some((p) => p.relation === 'previous_year' && p.other.fiscalYear !== p.paragraph.fiscalYear - 1)).toBe(false);
    expect(everything.some((p) => p.paragraph.text === '绩效管理意识有待加强')).toBe(false);
  });

  it('computes the similarity in SQL exactly as the shingle module does', async () => {
    const all = await stored();
    const rows: { a: string; b: string; s: number | null }[] = await t.dataSource.query(
      `SELECT a.id::text AS a, b.id::text AS b, shingle_similarity(a.shingles, b.shingles)::float8 AS s
         FROM report_paragraph a JOIN report_paragraph b ON a.section = b.section AND a.id < b.id`,
    );
    expect(rows.length).toBeGreaterThan(100);
    const byId = new Map(all.map((p) => [p.id, p.shingles]));
    for (const r of rows) expect(r.s).toBe(jaccardPercent(byId.get(r.a)!, byId.get(r.b)!));
    expect((await t.dataSource.query(`SELECT shingle_similarity('{}', '{1}') AS s`))[0].s).toBeNull();
  });

  it('respects the admin’s threshold: a half-shared measure appears at 40 % and not at 60 %', async () => {
    const half = jaccardPercent(textShingles(HALF_SHARED), textShingles('加强财务管理，严格财务审核'))!;
    expect(half).toBeGreaterThanOrEqual(40);
    expect(half).toBeLessThan(60);
    const isHalf = (p: Pair) => p.paragraph.text === HALF_SHARED;
    expect((await list('year=2022&section=measure')).rows.some(isHalf)).toBe(false);
    await admin.agent.put('/api/settings/text-reuse').set('x-csrf-token', admin.csrf).send({ thresholdPercent: 40 }).expect(200);
    const lowered = await list('year=2022&section=measure&pageSize=500');
    expect(lowered.thresholdPercent).toBe(40);
    expect(lowered.rows.find(isHalf)).toMatchObject({ similarity: half, other: { unitName: LIUYANG, text: '加强财务管理，严格财务审核' } });
    expect(lowered.rows.map(key).sort()).toEqual(expectedPairs(await stored(), 2022, 40, 'measure'));
    expect(lowered.rows.every((p) => p.similarity >= 40 && p.paragraph.section === 'measure')).toBe(true);
    await admin.agent.put('/api/settings/text-reuse').set('x-csrf-token', admin.csrf).send({ thresholdPercent: 60 }).expect(200);
    expect((await list('year=2022&section=measure')).rows.some(isHalf)).toBe(false);
  });

  it('lets only an admin change the threshold, checks it in Chinese and audits every change', async () => {
    await analyst.agent.put('/api/settings/text-reuse').set('x-csrf-token', analyst.csrf).send({ thresholdPercent: 70 }).expect(403);
    for (const bad of [29, 101, 60.5, 'abc']) {
      const res = await admin.agent.put('/api/settings/text-reuse').set('x-csrf-token', admin.csrf).send({ thresholdPercent: bad }).expect(400);
      expect(res.body.message).toContain('相似度阈值');
      expect(res.body.details[0].field).toBe('thresholdPercent');
    }
    await admin.agent.put('/api/settings/text-reuse').set('x-csrf-token', admin.csrf).send({ thresholdPercent: 75 }).expect(200);
    expect((await analyst.agent.get('/api/settings/text-reuse').expect(200)).body).toEqual({ thresholdPercent: 75 });
    const events: { actor: string; old: unknown; new: unknown }[] = await t.dataSource.query(
      `SELECT actor_id AS actor, old_value AS old, new_value AS new FROM audit_event WHERE action = 'setting.update' AND entity_id = 'text_reuse' ORDER BY id`,
    );
    expect(events.map((e) => [e.old, e.new])).toEqual([
      [{ thresholdPercent: 60 }, { thresholdPercent: 40 }], [{ thresholdPercent: 40 }, { thresholdPercent: 60 }], [{ thresholdPercent: 60 }, { thresholdPercent: 75 }],
    ]);
    expect(events.every((e) => e.actor === admin.userId)).toBe(true);
    await admin.agent.put('/api/settings/text-reuse').set('x-csrf-token', admin.csrf).send({ thresholdPercent: 60 }).expect(200);
  });

  it('shows two paragraphs side by side with the other report’s unit and year and the text they share', async () => {
    const pair = (await list('year=2022')).rows.find((p) => p.paragraph.unitName === XIANGXI && p.other.unitName === LIUYANG)!;
    const detail = (await analyst.agent.get(`/api/text-reuse/pairs/${pair.paragraph.paragraphId}/${pair.other.paragraphId}`).expect(200)).body;
    expect(detail).toMatchObject({
      similarity: 100, relation: 'other_unit', thresholdPercent: 60,
      paragraph: { unitName: XIANGXI, fiscalYear: 2022, text: `一是${COPIED_PROBLEM}。`, sourceLine: null },
      other: { unitName: LIUYANG, regionName: '浏阳市', fiscalYear: 2021, text: COPIED_PROBLEM, sourceLine: 144 },
    });
    const cut = (text: string, ranges: { start: number; end: number }[]) => ranges.map((r) => text.slice(r.start, r.end));
    expect(cut(detail.paragraph.text, detail.paragraphShared)).toEqual([COPIED_PROBLEM]);
    expect(cut(detail.other.text, detail.otherShared)).toEqual([COPIED_PROBLEM]);

    // 望城 2022 also lengthened its 2021 problem: 项目申报流程不够科学，可操作性不强.
    const previous = (await list('year=2022&relation=previous_year')).rows;
    expect(previous.map((p) => [p.paragraph.unitName, p.other.unitName, p.other.fiscalYear])).toEqual([[LIUYANG, LIUYANG, 2021], [WANGCHENG, WANGCHENG, 2021]]);
    const edited = (await analyst.agent.get(`/api/text-reuse/pairs/${previous[0]!.paragraph.paragraphId}/${previous[0]!.other.paragraphId}`).expect(200)).body;
    const shared = cut(EDITED_MEASURE, edited.paragraphShared);
    expect(shared.length).toBeGreaterThan(1);
    expect(shared.join('')).not.toContain('全过程');
  });

  it('refuses a pair that cannot be compared, and ids that are not paragraph ids', async () => {
    const [a, b]: { id: string }[] = await t.dataSource.query(
      `SELECT id::text AS id FROM report_paragraph WHERE report_id = $1 AND section = 'problem' ORDER BY position LIMIT 2`, [reports.liuyang2021],
    );
    await analyst.agent.get(`/api/text-reuse/pairs/${a!.id}/${b!.id}`).expect(404);
    const [measure]: { id: string }[] = await t.dataSource.query(`SELECT id::text AS id FROM report_paragraph WHERE report_id = $1 AND section = 'measure' LIMIT 1`, [reports.wangcheng2022]);
    await analyst.agent.get(`/api/text-reuse/pairs/${a!.id}/${measure!.id}`).expect(404);
    const res = await analyst.agent.get('/api/text-reuse/pairs/abc/1').expect(400);
    expect(res.body.message).toContain('段落编号');
  });

  it('is limited like other analytics: regions filter the listed side, submitters may not use it, a limited viewer sees its subtree', async () => {
    const changsha = await list('year=2022&regionCode=430100&pageSize=500');
    expect(new Set(changsha.rows.map((p) => p.paragraph.unitName))).toEqual(new Set([WANGCHENG, LIUYANG]));
    expect(changsha.rows.some((p) => p.other.unitName === XIANGXI)).toBe(true);
    expect((await list('year=2022&level=city')).rows.every((p) => p.paragraph.unitName === XIANGXI)).toBe(true);
    const submitter = await sessionAs(t, 'submitter', '430181');
    await submitter.agent.get('/api/text-reuse').expect(403);
    const limited = await sessionAs(t, 'viewer', '433100');
    expect((await list('year=2022', limited)).rows.every((p) => p.paragraph.unitName === XIANGXI)).toBe(true);
    await limited.agent.get('/api/text-reuse?regionCode=430100').expect(403);
    const foreign = changsha.rows.find((p) => p.paragraph.unitName === WANGCHENG && p.other.unitName === LIUYANG)!;
    await limited.agent.get(`/api/text-reuse/pairs/${foreign.paragraph.paragraphId}/${foreign.other.paragraphId}`).expect(404);
  });

  it('pages the list', async () => {
    const all = await list('pageSize=500');
    const first = await list('pageSize=2&page=1');
    const second = await list('pageSize=2&page=2');
    expect(first.total).toBe(all.total);
    expect([...first.rows, ...second.rows].map(key)).toEqual(all.rows.slice(0, 4).map(key));
    expect((await list(`pageSize=2&page=${all.total + 1}`)).rows).toEqual([]);
  });

  it('exports every pair as CSV and XLSX with the existing helpers', async () => {
    const body = await list('year=2022&pageSize=500');
    const csv = (await analyst.agent.get('/api/text-reuse?year=2022&format=csv').buffer(true).parse(binary).expect(200)).body as Buffer;
    const text = csv.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe('年度,单位,地区,部分,序号,段落,原文行号,相似度（%）,雷同对象,对方单位,对方地区,对方年度,对方序号,对方段落,对方原文行号');
    expect(lines).toHaveLength(body.total + 1);
    expect(lines).toContain(`2022,${WANGCHENG},望城区,存在的问题,1,${COPIED_PROBLEM},,100.00,与其他单位雷同,${LIUYANG},浏阳市,2021,2,${COPIED_PROBLEM},144`);
    const xlsx = await analyst.agent.get('/api/text-reuse?year=2022&format=xlsx').buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(xlsx.headers['content-disposition'] as string)).toContain('文字雷同-2022.xlsx');
  });

  it('finds a 绩效目标 paragraph one unit’s text report copies from another’s, with both source lines, and lists it under 绩效目标', async () => {
    // 望城 2021 again, as text, with a 绩效目标 section before 二、: its first two paragraphs are 湘西 2021’s (lines 458 and 462).
    const xiangxi = seed('004').bytes.toString('utf8').split('\n');
    const [copied, copiedItem] = [xiangxi[457]!.trim(), xiangxi[461]!.trim()];
    expect(copiedItem).toBe('4. 新增入规企业35家，做好企业减费降税工作；');
    const lines = seed('001').bytes.toString('utf8').split('\n');
    expect(lines[30]).toContain('二、部门整体预算支出情况');
    lines.splice(30, 0, '（三）部门整体支出绩效目标', '', copied, copiedItem, '5. 完成陶瓷产业园区标准厂房建设，引进陶瓷企业10家。', '');
    const res = await upload(analyst, [{ name: 'wangcheng-2021-goals.txt', bytes: Buffer.from(lines.join('\n')) }]).expect(201);
    const wangcheng = res.body[0].reportId as string;
    await confirm(analyst, wangcheng);
    const goals: { position: number; text: string; sourceLine: number }[] = await t.dataSource.query(
      `SELECT position, text, source_line AS "sourceLine" FROM report_paragraph WHERE report_id = $1 AND section = 'goal' ORDER BY position`, [wangcheng],
    );
    expect(goals.map((g) => [g.position, g.sourceLine, g.text])).toEqual([
      [0, 33, copied], [1, 34, copiedItem], [2, 35, '5. 完成陶瓷产业园区标准厂房建设，引进陶瓷企业10家。'],
    ]);
    const body = await list('year=2021&section=goal&pageSize=500');
    expect(body.rows.every((p) => p.paragraph.section === 'goal' && p.other.section === 'goal' && p.paragraph.sectionLabel === '绩效目标')).toBe(true);
    const mine = body.rows.filter((p) => p.paragraph.reportId === wangcheng || p.other.reportId === wangcheng);
    const sides = mine.map((p) => (p.paragraph.reportId === wangcheng ? [p.paragraph, p.other] : [p.other, p.paragraph]) as [Paragraph, Paragraph]);
    expect(sides.map(([w, x]) => [w.sourceLine, x.unitName, x.fiscalYear, x.sourceLine, x.text]).sort()).toEqual([
      [33, XIANGXI, 2021, 458, copied], [34, XIANGXI, 2021, 462, copiedItem],
    ]);
    expect(mine.map((p) => [p.similarity, p.relation])).toEqual([[100, 'other_unit'], [100, 'other_unit']]);
    expect(body.sections).toEqual([
      { value: 'problem', label: '存在的问题' }, { value: 'measure', label: '改进措施' }, { value: 'goal', label: '绩效目标' },
    ]);
    // Side by side: the whole wording is shared (up to the closing 。 or ；).
    const detail = (await analyst.agent.get(`/api/text-reuse/pairs/${mine[0]!.paragraph.paragraphId}/${mine[0]!.other.paragraphId}`).expect(200)).body;
    expect(detail.paragraph.sectionLabel).toBe('绩效目标');
    expect(detail.paragraphShared).toEqual([{ start: 0, end: detail.paragraph.text.replace(/[。；]$/, '').length }]);
    // The export names the section and both source lines.
    const csv = (await analyst.agent.get('/api/text-reuse?year=2021&section=goal&format=csv').buffer(true).parse(binary).expect(200)).body as Buffer;
    const rows = csv.toString('utf8').slice(1).trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
    expect(rows.every((r) => r[3] === '绩效目标')).toBe(true);
    expect(rows.filter((r) => r[5] === copiedItem).map((r) => [r[6], r[14]].sort())).toEqual([['34', '462']]);
    // The other sections do not list it, and a 绩效目标 never becomes a 整改 item.
    expect((await list('year=2021&section=problem&pageSize=500')).rows.some((p) => p.paragraph.section !== 'problem')).toBe(false);
    const [{ items }] = await t.dataSource.query(`SELECT count(*)::int AS items FROM rectification_item WHERE report_id = $1 AND problem_text = $2`, [wangcheng, copied]);
    expect(items).toBe(0);
    // The same version’s paragraphs before it was superseded are gone; a JSON-uploaded report has no 绩效目标.
    const [{ jsonGoals }] = await t.dataSource.query(
      `SELECT count(*)::int AS "jsonGoals" FROM report_paragraph p JOIN report r ON r.id = p.report_id JOIN source_document d ON d.id = r.source_document_id
        WHERE p.section = 'goal' AND d.format = 'json'`,
    );
    expect(jsonGoals).toBe(0);
  });

  it('replaces a report’s paragraphs when a new version is confirmed', async () => {
    const before = await list('year=2022&pageSize=500');
    expect(before.rows.some((p) => p.paragraph.reportId === reports.xiangxi2022 || p.other.reportId === reports.xiangxi2022)).toBe(true);
    const newer = await crafted('xiangxi', 2022, ['产业项目储备不足，招商引资成效有待提升'], ['建立重点项目储备库']);
    const ids: { id: string }[] = await t.dataSource.query(`SELECT DISTINCT report_id AS id FROM report_paragraph WHERE report_id = ANY($1::uuid[])`, [[reports.xiangxi2022, newer]]);
    expect(ids.map((r) => r.id)).toEqual([newer]);
    // The confirmation's audit event names the version it superseded.
    const [event]: { old: { superseded: string } }[] = await t.dataSource.query(
      `SELECT old_value AS old FROM audit_event WHERE action = 'report.confirm' AND entity_id = $1`, [newer],
    );
    expect(event!.old.superseded).toBe(reports.xiangxi2022);
    const after = await list('year=2022&pageSize=500');
    expect(after.rows.some((p) => p.paragraph.unitName === XIANGXI || p.other.unitName === XIANGXI)).toBe(false);
    expect(after.rows.map(key).sort()).toEqual(expectedPairs(await stored(), 2022, 60));
  });

  it('backfills confirmed reports stored without paragraphs, and makes every row again when the shingling changes', async () => {
    const snapshot = async () => (await t.dataSource.query(`SELECT report_id, section, position, text, source_line, shingles FROM report_paragraph ORDER BY report_id, section, position`)) as unknown[];
    const before = await snapshot();
    await t.dataSource.query(`DELETE FROM report_paragraph WHERE report_id = $1`, [reports.liuyang2021]);
    expect(await backfillParagraphs(t.dataSource)).toBe(1);
    expect(await snapshot()).toEqual(before);
    expect(await backfillParagraphs(t.dataSource)).toBe(0);
    await t.dataSource.query(`UPDATE paragraph_shingling SET version = 'older'`);
    const withParagraphs: { n: number }[] = await t.dataSource.query(`SELECT count(DISTINCT report_id)::int AS n FROM report_paragraph`);
    expect(await backfillParagraphs(t.dataSource)).toBe(withParagraphs[0]!.n);
    expect(await snapshot()).toEqual(before);
    // A database whose rows were made before 绩效目标 was compared (version: the shingling alone) gets its goal rows.
    expect(before.some((r) => (r as { section: string }).section === 'goal')).toBe(true);
    await t.dataSource.query(`DELETE FROM report_paragraph WHERE section = 'goal'`);
    await t.dataSource.query(`UPDATE paragraph_shingling SET version = $1`, [SHINGLING_VERSION]);
    expect(await backfillParagraphs(t.dataSource)).toBe(withParagraphs[0]!.n);
    expect(await snapshot()).toEqual(before);
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { parseCsv, type ReportDocument } from '@hunan-perf/contracts';
import { jaccardPercent, textShingles } from '@hunan-perf/metrics';
import ExcelJS from 'exceljs';
import { backfillRectificationItems } from '../src/modules/rectification/rectification-items.js';
import { cleanReport, confirm, uploadDoc } from './support/crafted-reports.js';
import { startSeededApp } from './support/seeded-app.js';
import { sessionAs, type Session, type TestApp } from './support/test-app.js';
import { binary } from './support/uploads.js';

interface Item {
  id: string; unitId: string; unitName: string; regionCode: string; regionName: string; level: string; fiscalYear: number; reportId: string; position: number;
  problemText: string; sourceLine: number | null; measureText: string | null; measureSourceLine: number | null; dueDate: string;
  status: 'pending' | 'in_progress' | 'done'; note: string | null; evidence: { fileName: string; size: number; contentType: string; uploadedAt: string } | null;
  ageDays: number; overdue: boolean; followUpReportId: string | null; followUpYear: number | null; recurring: boolean;
  recurringSimilarity: number | null; recurringText: string | null; recurringSourceLine: number | null; updatedAt: string;
}
interface SummaryRow {
  regionCode: string; regionName: string; total: number; pending: number; inProgress: number; done: number; open: number; overdue: number; recurring: number;
  age0to90: number; age91to180: number; age181to365: number; ageOver365: number;
}

const LIUYANG_REGION = '430181';
const XIANGXI_REGION = '433100';
/** 浏阳 2022 repeats 2021's second problem word for word (with a list number), rewrites the first a little, and has a new one. */
const REPEATED = '一是规范账务处理，提高财务信息质量。';
const REWORDED = '预算编制仍需更加科学合理';
const NEW_PROBLEM = '信息公开不够及时，公开内容不完整';
const ONLY_MEASURE = '及时公开绩效信息，完善公开内容';
/** 湘西 2020 (confirmed first) repeats 湘西 2019's first problem. */
const XIANGXI_REPEATED = '项目资金拨付进度较慢，影响项目实施';
const XIANGXI_OTHER = '固定资产档案管理不够规范';

const similarity = (a: string, b: string) => jaccardPercent(textShingles(a), textShingles(b));

describe('整改 tracking: each confirmed 存在的问题 becomes an item, flagged 重复出现 when next year’s report repeats it', () => {
  let t: TestApp;
  let analyst: Session;
  let admin: Session;
  let viewer: Session;
  let liuyangSubmitter: Session;
  let xiangxiSubmitter: Session;
  let liuyang2021: string;
  let liuyang2022: string;

  async function crafted(unit: 'liuyang' | 'wangcheng' | 'xiangxi', year: number, problems: string[], measures: string[]): Promise<string> {
    const doc: ReportDocument = cleanReport(unit, year);
    doc.findings = { problems, measures };
    const id = await uploadDoc(analyst, doc, `${unit}-${year}-${Math.random().toString(36).slice(2, 8)}.json`);
    await confirm(analyst, id);
    return id;
  }

  const list = async (query: string, s = analyst): Promise<{ total: number; page: number; pageSize: number; items: Item[] }> =>
    (await s.agent.get(`/api/rectification?${query}`).expect(200)).body;
  const itemsOf = async (region: string, year: number): Promise<Item[]> =>
    (await list(`regionCode=${region}&year=${year}&pageSize=500`)).items.sort((a, b) => a.position - b.position);
  const patch = (s: Session, id: string, body: object) => s.agent.patch(`/api/rectification/${id}`).set('x-csrf-token', s.csrf).send(body);
  const attach = (s: Session, id: string, name: string, bytes: Buffer, field = 'file') =>
    s.agent.post(`/api/rectification/${id}/evidence`).set('x-csrf-token', s.csrf).attach(field, bytes, { filename: name, contentType: 'application/pdf' });

  beforeAll(async () => {
    let seeded: Record<string, string>;
    ({ t, reports: seeded } = await startSeededApp());
    [analyst, admin, viewer] = [await sessionAs(t, 'analyst'), await sessionAs(t, 'admin'), await sessionAs(t, 'viewer')];
    liuyangSubmitter = await sessionAs(t, 'submitter', LIUYANG_REGION);
    xiangxiSubmitter = await sessionAs(t, 'submitter', XIANGXI_REGION);
    liuyang2021 = seeded['000']!;
  }, 180_000);
  afterAll(() => t.close());

  it('makes each 存在的问题 of 浏阳 2021 an item with its source line and the 改进措施 promised for it', async () => {
    const items = await itemsOf(LIUYANG_REGION, 2021);
    const paragraphs: { section: string; position: number; text: string; line: number }[] = await t.dataSource.query(
      `SELECT section, position, text, source_line AS line FROM report_paragraph WHERE report_id = $1 ORDER BY section DESC, position`, [liuyang2021],
    );
    const problems = paragraphs.filter((p) => p.section === 'problem');
    const measures = paragraphs.filter((p) => p.section === 'measure');
    expect(problems).toHaveLength(3);
    expect(measures).toHaveLength(3);
    // As many measures as problems: each problem's measure is the one at its place.
    expect(items.map((i) => [i.position, i.problemText, i.sourceLine, i.measureText, i.measureSourceLine])).toEqual(
      problems.map((p, n) => [n, p.text, p.line, measures[n]!.text, measures[n]!.line]),
    );
    expect(items.map((i) => i.sourceLine)).toEqual([140, 144, 148]);
    expect(items.map((i) => i.measureSourceLine)).toEqual([156, 158, 160]);
    expect(items[1]!.problemText).toBe('规范账务处理，提高财务信息质量');
    for (const i of items) {
      expect(i).toMatchObject({
        unitName: '浏阳市工业和信息化局', regionCode: LIUYANG_REGION, regionName: '浏阳市', level: 'county', fiscalYear: 2021, reportId: liuyang2021,
        dueDate: '2022-12-31', status: 'pending', note: null, evidence: null, ageDays: 0, followUpReportId: null, followUpYear: null,
        recurring: false, recurringSimilarity: null, recurringText: null, recurringSourceLine: null,
      });
      // Due 31 Dec 2022, still open now: overdue.
      expect(i.overdue).toBe(new Date().toISOString().slice(0, 10) > '2022-12-31');
    }
    // Synthetic and project reports have none; every seed department report with problems has its items.
    const [{ missing }] = await t.dataSource.query(
      `SELECT count(*)::int AS missing FROM report_paragraph p JOIN report r ON r.id = p.report_id
        WHERE p.section = 'problem' AND r.kind = 'department_overall'
          AND NOT EXISTS (SELECT 1 FROM rectification_item i WHERE i.report_id = p.report_id AND i.position = p.position)`,
    );
    expect(missing).toBe(0);
  });

  it('flags the problem 浏阳 2022 repeats as 重复出现, with the similarity and the follow-up report; the others not', async () => {
    // Preconditions of the wording chosen: 58.33 % is under the default 60 % threshold, the new problem shares nothing.
    expect(similarity('预算编制需更加科学合理', REWORDED)).toBe(58.33);
    liuyang2022 = await crafted('liuyang', 2022, [REPEATED, REWORDED, NEW_PROBLEM], [ONLY_MEASURE]);
    const items = await itemsOf(LIUYANG_REGION, 2021);
    for (const i of items) expect(i).toMatchObject({ followUpReportId: liuyang2022, followUpYear: 2022 });
    expect(items[1]).toMatchObject({ recurring: true, recurringSimilarity: 100, recurringText: REPEATED, recurringSourceLine: null });
    expect(items[0]).toMatchObject({ recurring: false, recurringSimilarity: null, recurringText: null });
    expect(items[2]).toMatchObject({ recurring: false, recurringSimilarity: null });
    expect((await list('recurring=true&pageSize=500')).items.map((i) => i.id)).toEqual([items[1]!.id]);
    expect((await list(`recurring=false&regionCode=${LIUYANG_REGION}&year=2021`)).items.map((i) => i.position).sort()).toEqual([0, 2]);

    // 2022's own items: one measure for three problems, so each gets the most similar measure, or none.
    const next = await itemsOf(LIUYANG_REGION, 2022);
    expect(next.map((i) => i.problemText)).toEqual([REPEATED, REWORDED, NEW_PROBLEM]);
    expect([similarity(REPEATED, ONLY_MEASURE), similarity(REWORDED, ONLY_MEASURE)]).toEqual([0, 0]);
    expect(next.map((i) => i.measureText)).toEqual([null, null, ONLY_MEASURE]);
    expect(next.map((i) => [i.dueDate, i.followUpReportId, i.recurring])).toEqual([['2023-12-31', null, false], ['2023-12-31', null, false], ['2023-12-31', null, false]]);
  });

  it('links the earlier year when it is confirmed after the next one', async () => {
    const later = await crafted('xiangxi', 2020, [`（一）${XIANGXI_REPEATED}`, '绩效自评工作开展不够深入'], ['加快资金拨付进度']);
    const earlier = await crafted('xiangxi', 2019, [XIANGXI_REPEATED, XIANGXI_OTHER], ['加快资金拨付进度', '规范资产档案管理']);
    const items = await itemsOf(XIANGXI_REGION, 2019);
    expect(items.map((i) => [i.problemText, i.reportId, i.followUpReportId, i.followUpYear, i.recurring, i.recurringSimilarity, i.recurringText])).toEqual([
      [XIANGXI_REPEATED, earlier, later, 2020, true, 100, `（一）${XIANGXI_REPEATED}`],
      [XIANGXI_OTHER, earlier, later, 2020, false, null, null],
    ]);
    expect(items.map((i) => i.measureText)).toEqual(['加快资金拨付进度', '规范资产档案管理']);
    // 湘西 2020 is followed by the seed 2021 report, confirmed before either.
    const [seed2021] = await t.dataSource.query(`SELECT id FROM report WHERE status = 'confirmed' AND fiscal_year = 2021 AND region_code = $1`, [XIANGXI_REGION]);
    expect((await itemsOf(XIANGXI_REGION, 2020)).map((i) => [i.followUpReportId, i.followUpYear])).toEqual([[seed2021.id, 2021], [seed2021.id, 2021]]);
  });

  it('refuses bad progress in plain Chinese naming the field, and audits a change with its old and new values', async () => {
    const [item] = await itemsOf(LIUYANG_REGION, 2022);
    const refused = async (body: object, words: string) => {
      const res = await patch(analyst, item!.id, body).expect(400);
      expect(res.body.message).toContain(words);
    };
    await refused({ status: 'finished' }, '状态必须是 pending（待整改）、in_progress（整改中）或 done（已整改）之一');
    await refused({ dueDate: '2023-02-30' }, '整改期限（dueDate）2023-02-30 不是');
    await refused({ dueDate: '明年底' }, '整改期限必须是 YYYY-MM-DD 格式的日期');
    await refused({ note: 'x'.repeat(2001) }, '备注最多 2000 个字');
    await refused({ note: 42 }, '备注必须是文本');
    await refused({}, '请至少填写整改状态（status）、整改说明（note）或整改期限（dueDate）其中之一');
    await refused({ status: 'done', owner: 'me' }, '不允许的字段 owner');
    await patch(analyst, 'not-an-id', { status: 'done' }).expect(400);
    await patch(analyst, '00000000-0000-4000-8000-000000000000', { status: 'done' }).expect(404);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [item!.id]))[0].n).toBe(0);

    const res = await patch(analyst, item!.id, { status: 'in_progress', note: '  已制定账务处理规范，正在落实  ', dueDate: '2027-06-30' }).expect(200);
    expect(res.body).toMatchObject({ id: item!.id, status: 'in_progress', note: '已制定账务处理规范，正在落实', dueDate: '2027-06-30', overdue: false });
    const events: { actor: string; old: object; new: object }[] = await t.dataSource.query(
      `SELECT actor_id AS actor, old_value AS old, new_value AS new FROM audit_event WHERE action = 'rectification.update' AND entity_type = 'rectification_item' AND entity_id = $1`,
      [item!.id],
    );
    expect(events).toEqual([{
      actor: analyst.userId,
      old: { status: 'pending', note: null, dueDate: '2023-12-31' },
      new: { status: 'in_progress', note: '已制定账务处理规范，正在落实', dueDate: '2027-06-30' },
    }]);
    // The same values again change nothing and write no event.
    await patch(analyst, item!.id, { status: 'in_progress' }).expect(200);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [item!.id]))[0].n).toBe(1);
  });

  it('keeps the evidence file’s bytes, name, type and sha256, and gives them back', async () => {
    const [item] = await itemsOf(LIUYANG_REGION, 2022);
    const bytes = randomBytes(70_000);
    const name = '整改报告（2023）.pdf';
    const res = await attach(analyst, item!.id, name, bytes).expect(200);
    expect(res.body.evidence).toMatchObject({ fileName: name, size: bytes.length, contentType: 'application/pdf' });
    const [stored] = await t.dataSource.query(`SELECT evidence_sha256 AS sha, octet_length(evidence_bytes)::int AS n FROM rectification_item WHERE id = $1`, [item!.id]);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(stored).toEqual({ sha, n: bytes.length });
    const download = await viewer.agent.get(`/api/rectification/${item!.id}/evidence`).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    const [event] = await t.dataSource.query(`SELECT old_value AS old, new_value AS new FROM audit_event WHERE action = 'rectification.evidence' AND entity_id = $1`, [item!.id]);
    expect(event).toEqual({ old: null, new: { fileName: name, contentType: 'application/pdf', sha256: sha, size: bytes.length } });

    // Refused: an empty file, the wrong field, no file, a file over 20 MB — nothing stored.
    expect((await attach(analyst, item!.id, 'empty.pdf', Buffer.alloc(0)).expect(400)).body.message).toContain('是空文件');
    expect((await attach(analyst, item!.id, 'a.pdf', bytes, 'files').expect(400)).body.message).toContain('multipart 的 file 字段');
    expect((await analyst.agent.post(`/api/rectification/${item!.id}/evidence`).set('x-csrf-token', analyst.csrf).field('x', 'y').expect(400)).body.message).toContain('没有收到证明材料');
    expect((await attach(analyst, item!.id, 'big.pdf', Buffer.alloc(20 * 1024 * 1024 + 1, 1)).expect(413)).body.message).toContain('超过 20 MB');
    const [after] = await t.dataSource.query(`SELECT evidence_sha256 AS sha FROM rectification_item WHERE id = $1`, [item!.id]);
    expect(after.sha).toBe(sha);
    // No evidence yet on another item.
    const other = (await itemsOf(LIUYANG_REGION, 2022))[2]!;
    expect((await analyst.agent.get(`/api/rectification/${other.id}/evidence`).expect(404)).body.message).toBe('该整改事项尚未上传证明材料');
  });

  it('keeps status, note and evidence when a corrected report is confirmed again; the previous year is re-linked to it', async () => {
    const before = await itemsOf(LIUYANG_REGION, 2022);
    const edited = await analyst.agent.patch(`/api/reports/${liuyang2022}`).set('x-csrf-token', analyst.csrf)
      .send({ reason: '更正存在的问题', edits: [{ path: 'findings.problems', value: [REWORDED, NEW_PROBLEM] }] }).expect(200);
    const revision = edited.body.id as string;
    expect(revision).not.toBe(liuyang2022);
    // Until the correction is confirmed, nothing changes.
    expect((await itemsOf(LIUYANG_REGION, 2022)).map((i) => i.reportId)).toEqual([liuyang2022, liuyang2022, liuyang2022]);
    await confirm(analyst, revision);
    const after = await itemsOf(LIUYANG_REGION, 2022);
    expect(after.map((i) => [i.id, i.reportId, i.problemText])).toEqual([[before[0]!.id, revision, REWORDED], [before[1]!.id, revision, NEW_PROBLEM]]);
    expect(after[0]).toMatchObject({ status: 'in_progress', note: '已制定账务处理规范，正在落实', dueDate: '2027-06-30', evidence: before[0]!.evidence });
    // The repeated problem is gone from 2022: 2021's item follows the new version and no longer recurs.
    const previous = await itemsOf(LIUYANG_REGION, 2021);
    expect(previous.map((i) => [i.followUpReportId, i.recurring])).toEqual([[revision, false], [revision, false], [revision, false]]);
    liuyang2022 = revision;
  });

  it('uses the admin’s text-reuse threshold, and re-links every item when it changes', async () => {
    const put = (thresholdPercent: number) => admin.agent.put('/api/settings/text-reuse').set('x-csrf-token', admin.csrf).send({ thresholdPercent }).expect(200);
    await put(50);
    const [first] = await itemsOf(LIUYANG_REGION, 2021);
    expect(first).toMatchObject({ recurring: true, recurringSimilarity: 58.33, recurringText: REWORDED, followUpYear: 2022 });
    await put(60);
    expect((await itemsOf(LIUYANG_REGION, 2021))[0]).toMatchObject({ recurring: false, recurringSimilarity: null });
  });

  it('shows a submitter only its own region’s items and lets it report progress on them only; a viewer only reads', async () => {
    const own = await list('pageSize=500', liuyangSubmitter);
    expect(own.items.length).toBe(5);
    expect(new Set(own.items.map((i) => i.regionCode))).toEqual(new Set([LIUYANG_REGION]));
    const xiangxi = (await itemsOf(XIANGXI_REGION, 2019))[0]!;
    await liuyangSubmitter.agent.get(`/api/rectification?regionCode=${XIANGXI_REGION}`).expect(403);
    await liuyangSubmitter.agent.get(`/api/rectification/summary?regionCode=${XIANGXI_REGION}`).expect(403);
    expect((await patch(liuyangSubmitter, xiangxi.id, { status: 'done' }).expect(404)).body.message).toBe('整改事项不存在或无权查看');
    await attach(liuyangSubmitter, xiangxi.id, 'x.pdf', Buffer.from('x')).expect(404);
    const mine = own.items.find((i) => i.fiscalYear === 2021 && i.position === 2)!;
    await attach(xiangxiSubmitter, mine.id, 'x.pdf', Buffer.from('x')).expect(404);
    await xiangxiSubmitter.agent.get(`/api/rectification/${mine.id}/evidence`).expect(404);
    expect((await patch(liuyangSubmitter, mine.id, { status: 'done', note: '已完成整改' }).expect(200)).body).toMatchObject({ status: 'done', overdue: false });
    const [event] = await t.dataSource.query(`SELECT actor_id AS actor FROM audit_event WHERE action = 'rectification.update' AND entity_id = $1`, [mine.id]);
    expect(event.actor).toBe(liuyangSubmitter.userId);

    expect((await list('pageSize=500', viewer)).total).toBeGreaterThan(own.total);
    const refused = await patch(viewer, mine.id, { status: 'pending' }).expect(403);
    expect(refused.body.message).toBe('当前账号的角色无权执行此操作');
    await attach(viewer, mine.id, 'x.pdf', Buffer.from('x')).expect(403);
    expect((await itemsOf(LIUYANG_REGION, 2021))[2]!.status).toBe('done');
  });

  it('lists overdue first then the oldest, and counts each region’s items by status and open items by age', async () => {
    const ids = (await itemsOf(LIUYANG_REGION, 2021)).map((i) => i.id);
    const ageBy = async (id: string, days: number) => t.dataSource.query(`UPDATE rectification_item SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [id, days]);
    await ageBy(ids[0]!, 100);
    await ageBy(ids[1]!, 200);
    await ageBy(ids[2]!, 400);
    const all = (await list('pageSize=500')).items;
    expect(all.find((i) => i.id === ids[1])!.ageDays).toBe(200);
    // Overdue first; within each part the oldest first.
    const key = (i: Item) => [i.overdue ? 0 : 1, -i.ageDays];
    const sorted = [...all].sort((a, b) => key(a)[0]! - key(b)[0]! || key(a)[1]! - key(b)[1]!);
    expect(all.map(key)).toEqual(sorted.map(key));
    expect(all[0]!.id).toBe(ids[1]);

    const summary: SummaryRow[] = (await analyst.agent.get('/api/rectification/summary').expect(200)).body.rows;
    // Worked out item by item from the list.
    const regions = [...new Set(all.map((i) => i.regionCode))].sort();
    const open = (i: Item) => i.status !== 'done';
    expect(summary).toEqual(regions.map((code) => {
      const of = all.filter((i) => i.regionCode === code);
      const count = (f: (i: Item) => boolean) => of.filter(f).length;
      return {
        regionCode: code, regionName: of[0]!.regionName, total: of.length, pending: count((i) => i.status === 'pending'), inProgress: count((i) => i.status === 'in_progress'),
        done: count((i) => i.status === 'done'), open: count(open), overdue: count((i) => i.overdue), recurring: count((i) => i.recurring),
        age0to90: count((i) => open(i) && i.ageDays <= 90), age91to180: count((i) => open(i) && i.ageDays >= 91 && i.ageDays <= 180),
        age181to365: count((i) => open(i) && i.ageDays >= 181 && i.ageDays <= 365), ageOver365: count((i) => open(i) && i.ageDays > 365),
      };
    }));
    const liuyang = summary.find((r) => r.regionCode === LIUYANG_REGION)!;
    // 2021: 100 and 200 days open, 400 days done; 2022: two new, one of them in progress.
    expect(liuyang).toMatchObject({ total: 5, pending: 3, inProgress: 1, done: 1, open: 4, age0to90: 2, age91to180: 1, age181to365: 1, ageOver365: 0 });
    expect((await liuyangSubmitter.agent.get('/api/rectification/summary').expect(200)).body.rows).toEqual([liuyang]);
    expect((await analyst.agent.get('/api/rectification/summary?year=2019').expect(200)).body.rows.map((r: SummaryRow) => [r.regionCode, r.total])).toEqual([[XIANGXI_REGION, 2]]);

    // Filters and paging.
    const overdue = await list('overdue=true&pageSize=500');
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    expect(overdue.total).toBe(all.filter((i) => i.overdue).length);
    expect((await list('status=in_progress')).items.map((i) => i.status)).toEqual(['in_progress']);
    const cities = (await list('level=city&pageSize=500')).items;
    expect(cities.map((i) => i.id).sort()).toEqual(all.filter((i) => i.level === 'city').map((i) => i.id).sort());
    expect(cities.some((i) => i.regionCode === XIANGXI_REGION) && !cities.some((i) => i.regionCode === LIUYANG_REGION)).toBe(true);
    const page2 = await list('page=2&pageSize=2');
    expect(page2).toMatchObject({ total: all.length, page: 2, pageSize: 2 });
    expect(page2.items.map((i) => i.id)).toEqual(all.slice(2, 4).map((i) => i.id));
    expect((await list('page=99&pageSize=2')).total).toBe(all.length);
    expect((await analyst.agent.get('/api/rectification?pageSize=501').expect(400)).body.message).toContain('每页条数');
    expect((await analyst.agent.get('/api/rectification?recurring=maybe').expect(400)).body.message).toContain('是否重复出现');
  });

  it('exports the items as CSV and XLSX with Chinese headers, defusing formula-looking text', async () => {
    const [first] = await itemsOf(LIUYANG_REGION, 2021);
    await patch(analyst, first!.id, { note: '=HYPERLINK("http://x")' }).expect(200);
    await admin.agent.put('/api/settings/text-reuse').set('x-csrf-token', admin.csrf).send({ thresholdPercent: 50 }).expect(200);
    const listed = (await list(`regionCode=${LIUYANG_REGION}&year=2021`)).items;
    const csv = await analyst.agent.get(`/api/rectification/export?format=csv&regionCode=${LIUYANG_REGION}&year=2021`).buffer(true).parse(binary).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(decodeURIComponent(csv.headers['content-disposition'] as string)).toContain('整改事项-2021.csv');
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([
      '年度', '单位', '地区', '层级', '问题序号', '存在的问题', '问题原文行号', '改进措施', '措施原文行号', '整改期限', '整改状态', '整改说明', '证明材料',
      '已过天数', '是否逾期', '次年报告年度', '重复出现', '相似度（%）', '次年重复的问题', '次年原文行号',
    ]);
    expect(rows.slice(1).filter((r) => r.length > 1)).toHaveLength(listed.length);
    const line = rows.find((r) => r[4] === '1')!;
    expect(line).toEqual([
      '2021', '浏阳市工业和信息化局', '浏阳市', '县级', '1', first!.problemText, '140', first!.measureText, '156', '2022-12-31', '待整改', `'=HYPERLINK("http://x")`, '',
      '100', '是', '2022', '是', '58.33', REWORDED, '',
    ]);
    expect(rows.find((r) => r[4] === '3')!.slice(10, 12)).toEqual(['已整改', '已完成整改']);

    const xlsx = await analyst.agent.get(`/api/rectification/export?format=xlsx&regionCode=${LIUYANG_REGION}&year=2021`).buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('数据')!;
    expect(sheet.getRow(1).getCell(6).value).toBe('存在的问题');
    expect(sheet.rowCount).toBe(listed.length + 1);
    const about = book.getWorksheet('说明')!.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1, 3) : []));
    expect(about).toContainEqual(['筛选：相似度阈值', '50%']);
    expect(about).toContainEqual(['筛选：地区', '浏阳市（含下级地区）']);
    await analyst.agent.get('/api/rectification/export?format=pdf').expect(400);
    await admin.agent.put('/api/settings/text-reuse').set('x-csrf-token', admin.csrf).send({ thresholdPercent: 60 }).expect(200);
  });

  it('gives reports confirmed before the table existed their items at start-up, once', async () => {
    const before = await itemsOf(XIANGXI_REGION, 2019);
    await t.dataSource.query(`DELETE FROM rectification_item WHERE fiscal_year = 2019`);
    expect(await backfillRectificationItems(t.dataSource)).toBe(1);
    expect(await backfillRectificationItems(t.dataSource)).toBe(0);
    const after = await itemsOf(XIANGXI_REGION, 2019);
    const same = (i: Item) => [i.position, i.problemText, i.measureText, i.dueDate, i.followUpReportId, i.recurring, i.recurringSimilarity];
    expect(after.map(same)).toEqual(before.map(same));
  });
});

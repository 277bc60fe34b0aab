// Browser test of 整改跟踪 (issue 14 item 5): the 存在的问题 of 浏阳 2021 are items; a 2022 report of
// 浏阳 whose 存在的问题 repeats one of them (two words added) is uploaded as ReportDocument JSON and
// confirmed through the API, so that item is 重复出现 with its similarity, side by side with the
// original; the admin sets it 整改中 with a note and an evidence file, which stay after a reload;
// the CSV export keeps the filters; a 湘西 submitter sees only 湘西's items, a viewer cannot write.
// Runs last: it adds a 2022 report of 浏阳 (replacing the one quality-and-results.mjs adds) and accounts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiJson, assert, call, choose, newSession, settled } from './support.mjs';

const LIUYANG = '浏阳市工业和信息化局';
const LIUYANG_REGION = '430181';
const XIANGXI_REGION = '433100';
/** 浏阳 2021's second 存在的问题, and 2022's wording of it: 80 % alike by the shingle rules (see text-reuse.mjs). */
const ORIGINAL = '规范账务处理，提高财务信息质量';
const REPEATED = `一是进一步${ORIGINAL}。`;
const NEW_PROBLEM = '二是政府采购意向公开不够及时，个别项目未按时公开。';
const NOTE = '已修订财务报销审核制度，完成 2021 年凭证自查。';
const EVIDENCE_NAME = '整改佐证-浏阳财务制度.txt';

/** 浏阳's 2021 部门整体 document as 2022 with two 存在的问题 (one repeating 2021's), uploaded and confirmed by the signed-in admin. */
async function followUpReport(page) {
  return page.evaluate(async ({ unitName, problems }) => {
    const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('hp_csrf=')).slice('hp_csrf='.length));
    const list = await (await fetch(`/api/reports?year=2021&status=confirmed&q=${encodeURIComponent(unitName)}`)).json();
    const overall = list.items.find((r) => r.kind === 'department_overall');
    const doc = (await (await fetch(`/api/reports/${overall.id}`)).json()).document;
    doc.fiscalYear = 2022;
    doc.findings = { ...doc.findings, problems };
    const form = new FormData();
    form.append('files', new Blob([JSON.stringify(doc)], { type: 'application/json' }), `${unitName}-2022-整改.json`);
    const uploaded = await (await fetch('/api/documents', { method: 'POST', body: form, headers: { 'x-csrf-token': csrf } })).json();
    const res = await fetch(`/api/reports/${uploaded[0].reportId}/confirm`, { method: 'POST', headers: { 'x-csrf-token': csrf } });
    const confirmed = await res.json();
    return { outcome: `${res.status} ${confirmed.status} ${confirmed.document?.fiscalYear}`, reportId: uploaded[0].reportId, answer: JSON.stringify(uploaded).slice(0, 300) };
  }, { unitName: LIUYANG, problems: [REPEATED, NEW_PROBLEM] });
}

const rows = (page) => page.locator('[data-test="rectification-table"] .el-table__body-wrapper .el-table__row');
const itemRow = (page, text) => rows(page).filter({ has: page.locator('[data-test="problem-text"]', { hasText: text }) });

export const rectificationTests = [
  {
    name: '整改跟踪: 浏阳 2021 problems are items; a 2022 report repeating one marks it 重复出现 with the similarity; 整改中 with a note and evidence persists; CSV keeps the filters',
    async run({ page, shot, artifacts }) {
      const before = await apiJson(page, `/api/rectification?year=2021&regionCode=${LIUYANG_REGION}`);
      const texts = before.items.map((i) => i.problemText);
      assert(before.total >= 3 && texts.includes(ORIGINAL), `浏阳 2021's items are: ${texts.join(' / ')}`);
      assert(before.items.every((i) => i.unitName === LIUYANG && i.dueDate === '2022-12-31'), 'an item is not 浏阳 2021 due 2022-12-31');

      const { outcome, reportId, answer } = await followUpReport(page);
      assert(outcome === '200 confirmed 2022', `the 浏阳 2022 report was not confirmed: ${outcome} ${answer}`);
      const after = await apiJson(page, `/api/rectification?year=2021&regionCode=${LIUYANG_REGION}`);
      const repeated = after.items.find((i) => i.problemText === ORIGINAL);
      assert(repeated.recurring && repeated.recurringSimilarity === 80 && repeated.recurringText === REPEATED && repeated.followUpReportId === reportId,
        `the API's repeated item: ${JSON.stringify(repeated).slice(0, 400)}`);
      const others = after.items.filter((i) => i.problemText !== ORIGINAL);
      assert(others.every((i) => !i.recurring && i.followUpYear === 2022), 'a 2021 problem not repeated in 2022 is marked recurring, or not linked to 2022');

      await page.goto('/overview');
      await page.click('[data-test="nav-rectification"]');
      await page.waitForURL(/\/rectification/);
      await page.waitForSelector('.page-title:has-text("整改跟踪")');
      await settled(page);
      await choose(page, 'year-select', '2021 年');
      await page.waitForURL(/year=2021/);
      await settled(page);
      const summary = page.locator('[data-test="rectification-summary"]');
      await summary.locator(`[data-test="summary-region-${LIUYANG_REGION}"]`).waitFor();
      const summaryRow = summary.locator('.el-table__body-wrapper .el-table__row').filter({ has: page.locator(`[data-test="summary-region-${LIUYANG_REGION}"]`) });
      // The summary reloads for the chosen year after the URL changes: read it once it shows 2021's items.
      const readCounts = async () => (await summaryRow.locator('td').allInnerTexts()).map((t) => t.trim());
      let counts = await readCounts();
      for (let i = 0; i < 40 && counts[1] !== String(after.total); i++) {
        await page.waitForTimeout(250);
        counts = await readCounts();
      }
      // 地区, 总数, 待整改, 整改中, 已整改, 逾期, 重复出现, then the four age buckets.
      assert(counts[0] === '浏阳市' && counts[1] === String(after.total) && counts[2] === String(after.total) && counts[6] === '1', `浏阳's summary row reads: ${counts.join(' | ')} (the API lists ${after.total} items of 2021)`);
      const headers = await summary.locator('thead').innerText();
      for (const h of ['待整改', '整改中', '已整改', '逾期', '重复出现', '0–90天', '91–180天', '181–365天', '一年以上']) assert(headers.includes(h), `the summary lacks the column ${h}`);
      await summary.locator(`[data-test="summary-region-${LIUYANG_REGION}"]`).click();
      await page.waitForURL(new RegExp(`region=${LIUYANG_REGION}`));
      await settled(page);
      await itemRow(page, ORIGINAL).waitFor();
      const listed = await page.locator('[data-test="rectification-table"] .el-table__body-wrapper').innerText();
      assert(!listed.includes('湘西') && !listed.includes('益阳'), 'the region filter still lists other units');
      assert((await rows(page).count()) === after.total, `the list shows ${await rows(page).count()} items, the API ${after.total}`);

      const row = itemRow(page, ORIGINAL);
      const rowText = (await row.innerText()).replace(/\s+/g, ' ');
      assert(rowText.includes('重复出现 80.00%') && rowText.includes('2022 年报告') && rowText.includes('待整改') && rowText.includes('逾期'), `the repeated item's row reads: ${rowText}`);
      assert(rowText.includes(`来源第 ${repeated.sourceLine} 行`), `the row does not link to source line ${repeated.sourceLine}: ${rowText}`);
      for (const other of others) {
        const t = (await itemRow(page, other.problemText).first().innerText());
        assert(!t.includes('重复出现'), `an item not repeated shows the tag: ${t}`);
      }
      await shot('50-rectification-list');

      await row.locator('[data-test="recurring-tag"]').click();
      const detail = page.locator('[data-test="recurring-detail"]');
      await detail.waitFor();
      const shown = (await detail.innerText()).replace(/\s+/g, ' ');
      assert(shown.includes('相似度 80.00%') && shown.includes('2021 年') && shown.includes('2022 年'), `the side-by-side view reads: ${shown.slice(0, 300)}`);
      assert((await detail.locator('[data-test="recurring-original"] .para').innerText()).trim() === ORIGINAL, 'the original is not shown on the left');
      assert((await detail.locator('[data-test="recurring-next"] .para').innerText()).trim() === REPEATED, 'the 2022 wording is not shown on the right');
      await shot('51-rectification-recurring');
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });

      // 整改中 with a note and an evidence file.
      const evidencePath = join(artifacts, EVIDENCE_NAME);
      writeFileSync(evidencePath, '浏阳市工业和信息化局 财务报销审核制度（修订稿）\n');
      await row.locator('[data-test="edit-item"]').click();
      await page.waitForSelector('[data-test="rectification-form"]');
      await choose(page, 'edit-status', '整改中');
      await page.fill('textarea[data-test="edit-note"], [data-test="edit-note"] textarea', NOTE);
      await page.setInputFiles('[data-test="evidence-input"]', evidencePath);
      await shot('52-rectification-edit');
      await page.click('[data-test="edit-save"]');
      await page.waitForSelector('[data-test="rectification-form"]', { state: 'hidden' });
      await page.reload();
      await settled(page);
      const saved = itemRow(page, ORIGINAL);
      await saved.locator('[data-test="evidence-link"]').waitFor();
      assert((await saved.locator('[data-test="status-tag"]').innerText()).trim() === '整改中', 'the status 整改中 did not persist');
      assert((await saved.locator('[data-test="status-note"]').innerText()).trim() === NOTE, 'the note did not persist');
      assert((await saved.locator('[data-test="evidence-link"]').innerText()).includes(EVIDENCE_NAME), 'the evidence file name is not shown');
      const [file] = await Promise.all([page.waitForEvent('download'), saved.locator('[data-test="evidence-link"]').click()]);
      assert(file.suggestedFilename() === EVIDENCE_NAME, `the evidence downloads as ${file.suggestedFilename()}`);
      const back = join(artifacts, 'rectification-evidence-download.txt');
      await file.saveAs(back);
      assert(readFileSync(back).equals(readFileSync(evidencePath)), 'the downloaded evidence differs from the uploaded file');
      const stored = (await apiJson(page, `/api/rectification?year=2021&regionCode=${LIUYANG_REGION}`)).items.find((i) => i.id === repeated.id);
      assert(stored.status === 'in_progress' && stored.note === NOTE && stored.evidence?.fileName === EVIDENCE_NAME, `the API's item: ${JSON.stringify(stored).slice(0, 300)}`);
      await shot('53-rectification-saved');

      // The CSV keeps the year and region filters.
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="export-csv"]')]);
      const csvPath = join(artifacts, 'rectification.csv');
      await csv.saveAs(csvPath);
      const bytes = readFileSync(csvPath);
      assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'the CSV has no UTF-8 BOM');
      const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
      assert(lines[0].includes('存在的问题') && lines[0].includes('整改状态') && lines[0].includes('重复出现'), `the CSV header reads: ${lines[0]}`);
      assert(lines.length === 1 + after.total, `the CSV has ${lines.length - 1} items, the page ${after.total}`);
      assert(lines.slice(1).every((l) => l.startsWith('2021,') && l.includes(LIUYANG)), 'the CSV does not keep the year and region filters');
      assert(lines.some((l) => l.includes(ORIGINAL) && l.includes('整改中') && l.includes(NOTE) && l.includes(EVIDENCE_NAME) && l.includes('80')), `the CSV lacks the item: ${lines.join(' / ').slice(0, 500)}`);

      // 来源第N行 opens the report with that line highlighted.
      await saved.locator('[data-test="problem-source"]').click();
      await page.waitForURL(new RegExp(`/reports/[0-9a-f-]{36}\\?line=${repeated.sourceLine}`));
      const hl = page.locator('[data-test="source"] li.hl');
      await hl.waitFor();
      assert(Number(await hl.getAttribute('data-line')) === repeated.sourceLine, 'the report does not highlight the source line');
      assert((await hl.innerText()).includes(ORIGINAL), `the highlighted line reads: ${await hl.innerText()}`);
      await shot('54-rectification-source-line');
    },
  },
  {
    name: '整改跟踪 by role: a 湘西 submitter sees only 湘西 items and reports one 已整改 on the page; a viewer reads without 更新 and is refused a write in Chinese',
    async run({ page, browser, base, artifacts }) {
      for (const body of [
        { username: 'xiangxi-rect-clerk', password: 'xiangxi-rect-password', role: 'submitter', regionCode: XIANGXI_REGION },
        { username: 'rect-viewer', password: 'rect-viewer-password', role: 'viewer' },
      ]) {
        const res = await call(page, 'POST', '/api/users', body);
        assert(res.status === 201, `could not create ${body.username}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      const clerk = await newSession(browser, base, 'xiangxi-rect-clerk', 'xiangxi-rect-password');
      const nav = await clerk.locator('.app-nav a').allInnerTexts();
      assert(nav.includes('整改跟踪') && !nav.includes('总览'), `a submitter's navigation: ${nav.join(', ')}`);
      await clerk.click('[data-test="nav-rectification"]');
      await clerk.waitForURL(/\/rectification/);
      await settled(clerk);
      const mine = await apiJson(clerk, '/api/rectification?pageSize=500');
      assert(mine.total > 0 && mine.items.every((i) => i.regionCode.startsWith('4331')), `the 湘西 submitter's items: ${mine.items.map((i) => i.regionName).join(', ')}`);
      await rows(clerk).first().waitFor();
      const listed = await clerk.locator('[data-test="rectification-table"] .el-table__body-wrapper').innerText();
      assert(!listed.includes(LIUYANG), 'the 湘西 submitter sees 浏阳 items');
      assert((await clerk.locator('[data-test="edit-item"]').count()) === (await rows(clerk).count()), 'the submitter cannot update its own items');
      const summary = await clerk.locator('[data-test="rectification-summary"]').innerText();
      assert(!summary.includes('浏阳市'), 'the submitter\'s summary counts 浏阳');
      // The submitter reports one of its items done on the page.
      const own = mine.items[0];
      await itemRow(clerk, own.problemText).first().locator('[data-test="edit-item"]').click();
      await clerk.waitForSelector('[data-test="rectification-form"]');
      await choose(clerk, 'edit-status', '已整改');
      await clerk.click('[data-test="edit-save"]');
      await clerk.waitForSelector('[data-test="rectification-form"]', { state: 'hidden' });
      await clerk.waitForFunction((text) => [...document.querySelectorAll('[data-test="rectification-table"] .el-table__body-wrapper .el-table__row')]
        .some((r) => r.querySelector('[data-test="problem-text"]')?.textContent?.trim() === text && r.querySelector('[data-test="status-tag"]')?.textContent?.trim() === '已整改'), own.problemText);
      const done = (await apiJson(clerk, '/api/rectification?pageSize=500')).items.find((i) => i.id === own.id);
      assert(done.status === 'done' && !done.overdue, `the submitter's update: ${JSON.stringify(done).slice(0, 200)}`);
      await clerk.screenshot({ path: join(artifacts, '55-rectification-submitter.png'), fullPage: true });
      const liuyangItem = (await apiJson(page, `/api/rectification?regionCode=${LIUYANG_REGION}`)).items[0];
      const refused = await call(clerk, 'PATCH', `/api/rectification/${liuyangItem.id}`, { status: 'done' });
      assert(refused.status === 403 || refused.status === 404, `the 湘西 submitter updated a 浏阳 item: ${refused.status}`);
      await clerk.context().close();

      const viewer = await newSession(browser, base, 'rect-viewer', 'rect-viewer-password');
      await viewer.goto('/rectification');
      await settled(viewer);
      await rows(viewer).first().waitFor();
      assert((await viewer.locator('[data-test="edit-item"]').count()) === 0, 'a viewer sees 更新');
      const denied = await call(viewer, 'PATCH', `/api/rectification/${liuyangItem.id}`, { status: 'done' });
      assert(denied.status === 403 && /[\u4e00-\u9fa5]/.test(denied.body?.message ?? ''), `a viewer's write: ${denied.status} ${JSON.stringify(denied.body)}`);
      await viewer.screenshot({ path: join(artifacts, '56-rectification-viewer.png'), fullPage: true });
      await viewer.context().close();
    },
  },
];

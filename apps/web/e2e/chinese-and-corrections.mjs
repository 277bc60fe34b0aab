// Browser tests of issue 11 items 8 and 9: a reviewer corrects 湘潭县's OCR-garbled indicator table
// on the page; every page, as every role, speaks Chinese (no codes, no field paths, no English sentences).
import { assert, newSession, settled } from './support.mjs';
const XIANGTAN = '湘潭县科技和工业信息化局';



/** What a person reads on the page, without the report's own source text (the unit's words, not ours). */
async function visibleText(page) {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true);
    clone.querySelectorAll('[data-test="source"], script, style').forEach((n) => n.remove());
    document.body.appendChild(clone);
    clone.style.position = 'absolute';
    const text = clone.innerText;
    clone.remove();
    return text;
  });
}

const CODE = /\b[A-Z][A-Z_]{4,}\b/;
const FIELD_PATH = /\b(?:unit|score|budget|threePublic|staff|indicators|scoreBreakdown|findings|provenance|coverage|warnings|source)\.[A-Za-z0-9]/;
const ENGLISH_SENTENCE = /\b[A-Za-z]{2,}(?:[ ,']+[A-Za-z]{2,}){3,}\b/;

/** Fails with the offending excerpt when the page shows a code, a dotted field path or an English sentence. */
export function assertChinese(text, where) {
  for (const [pattern, what] of [[CODE, 'a raw code'], [FIELD_PATH, 'a dotted field path'], [ENGLISH_SENTENCE, 'an English sentence']]) {
    const m = pattern.exec(text);
    if (m) throw new Error(`${where} shows ${what}: “${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\s+/g, ' ')}”`);
  }
}

async function openXiangtan(page) {
  await page.goto('/reports');
  await settled(page);
  await page.click(`[data-test="report-table"] a:has-text("${XIANGTAN}")`);
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}/);
  await settled(page);
  await page.waitForSelector('[data-test="indicators"] .el-table__row');
}

async function fillRow(page, cells, reason) {
  const dialog = page.locator('[data-test="row-dialog"]');
  await dialog.waitFor();
  for (const [key, value] of Object.entries(cells)) await dialog.locator(`[data-test="row-${key}"]`).fill(value);
  await dialog.locator('[data-test="row-reason"]').fill(reason);
  await dialog.locator('[data-test="row-save"]').click();
  await dialog.waitFor({ state: 'hidden' });
}

export const reviewTests = [
  {
    name: '湘潭县: a reviewer corrects a garbled indicator row and adds a missing one on the page; the ledger reads in Chinese, the score-sum warning is re-checked',
    async run({ page, shot }) {
      await openXiangtan(page);
      const warnings = await page.locator('[data-test="warnings"]').innerText();
      assert(warnings.includes('得分合计不符') && !warnings.includes('SCORE_SUM_MISMATCH'), `the warnings are not titled in Chinese: ${warnings}`);
      const firstRows = await page.locator('[data-test="indicators"] .el-table__body-wrapper .el-table__row').count();

      await page.click('[data-test="edit-indicator-1"]');
      await fillRow(page, { level1: '过程', level2: '预算执行', name: '基本支出预算控制率' }, '按原表更正 OCR 错字');
      await page.waitForFunction(() => document.querySelector('[data-test="corrections"]')?.textContent?.includes('绩效指标第 2 行'));
      const row2 = await page.locator('[data-test="indicators"] .el-table__body-wrapper .el-table__row').nth(1).innerText();
      assert(row2.includes('基本支出预算控制率') && row2.includes('预算执行'), `row 2 does not show the correction: ${row2}`);

      await page.click('[data-test="add-indicator"]');
      await fillRow(page, { level1: '效益', level2: '社会效益', name: '服务企业满意度', target: '≥90%', actual: '95%', weight: '10', score: '10' }, '补录原表漏识别的一行');
      await page.waitForFunction(() => document.querySelector('[data-test="corrections"]')?.textContent?.includes('新增绩效指标'));
      const rows = await page.locator('[data-test="indicators"] .el-table__body-wrapper .el-table__row').count();
      assert(rows === firstRows + 1, `the table has ${rows} rows, not ${firstRows + 1}`);

      const ledger = await page.locator('[data-test="corrections"]').innerText();
      assert(ledger.includes('绩效指标第 2 行：一级指标 — → 过程；二级指标 预算有第一支予 → 预算执行；三级指标 预算有第一支予 → 基本支出预算控制率'), `the ledger does not read the row: ${ledger}`);
      assertChinese(ledger, 'the corrections ledger');
      const after = await page.locator('[data-test="warnings"]').innerText();
      assert(!after.includes('得分合计不符'), `the score-sum warning was not re-checked: ${after}`);

      const id = page.url().split('/').pop();
      const detail = await page.evaluate(async (p) => (await fetch(p)).json(), `/api/reports/${id}`);
      assert(detail.document.indicators[1].name === '基本支出预算控制率' && detail.document.indicators[1].category === '过程', 'the API does not hold the corrected row');
      assert(detail.corrections.map((c) => c.change).join() === 'row_updated,row_added', `the ledger holds ${detail.corrections.map((c) => c.change).join()}`);
      // Times read in Beijing time whatever the browser's zone.
      const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(new Date(detail.corrections[0].editedAt)).map((x) => [x.type, x.value]));
      const beijing = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
      assert(ledger.includes(beijing), `the ledger does not show ${beijing} (Asia/Shanghai): ${ledger}`);
      await page.locator('[data-test="corrections"]').scrollIntoViewIfNeeded();
      await shot('16-xiangtan-row-corrected');
    },
  },
  {
    name: 'every page as admin, analyst, viewer and submitter shows no codes, no field paths and no English sentences',
    async run({ page, browser, base, artifacts }) {
      const password = 'e2e-role-password';
      const accounts = [['e2e-analyst', 'analyst', null], ['e2e-viewer', 'viewer', null], ['e2e-submitter', 'submitter', '430300']];
      for (const [username, role, regionCode] of accounts) {
        const status = await page.evaluate(async (body) => {
          const token = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('hp_csrf='))?.slice(8) ?? '');
          const r = await fetch('/api/users', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify(body) });
          return r.status;
        }, { username, password, role, ...(regionCode ? { regionCode } : {}) });
        assert(status === 201, `creating ${role} answered ${status}`);
      }
      const sessions = [['admin', page], ...(await Promise.all(accounts.map(async ([u, role]) => [role, await newSession(browser, base, u, password, { timezoneId: 'America/New_York' })])))];
      for (const [role, p] of sessions) {
        await p.goto('/status');
        await settled(p);
        const navs = await p.locator('.app-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        const reports = navs.includes('/reports')
          ? (await p.evaluate(async () => (await (await fetch('/api/reports?limit=20&sort=updated')).json()).items.map((r) => `/reports/${r.id}`)))
          : [];
        assert(navs.length >= 3, `${role} sees only ${navs.join(', ')}`);
        assert(role === 'viewer' || reports.length >= 1, `${role} sees no report to check`);
        for (const url of [...navs, ...reports]) {
          await p.goto(url);
          await p.waitForSelector('.page-title');
          await settled(p);
          // Charts and tables fill in after the page settles; wait for the network to be quiet.
          await p.waitForLoadState('networkidle');
          assertChinese(await visibleText(p), `${url} as ${role}`);
        }
        await p.screenshot({ path: `${artifacts}/17-chinese-${role}.png`, fullPage: true });
      }
    },
  },
];

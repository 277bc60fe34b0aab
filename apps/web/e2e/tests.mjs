// The browser tests, run in order on one signed-in page by run.mjs.
import { apiJson, assert, settled } from './support.mjs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { accountAdminTests } from './account-admin.mjs';
import { analyticsViewTests } from './analytics-views.mjs';
import { plausibilityTests } from './plausibility-and-completion.mjs';
import { reviewTests } from './chinese-and-corrections.mjs';
import { qualityResultsTests } from './quality-and-results.mjs';
import { rectificationTests } from './rectification.mjs';
import { returnResubmitTests } from './return-resubmit.mjs';
import { spotCheckTests } from './spot-check.mjs';
import { textReuseTests } from './text-reuse.mjs';

const UNITS = {
  liuyang: '浏阳市工业和信息化局',
  wangcheng: '长沙市望城区工业和信息化局',
  xiangtan: '湘潭县科技和工业信息化局',
  yiyang: '益阳市工业和信息化局',
  xiangxi: '湘西土家族苗族自治州工业和信息化局',
};




export const tests = [
  {
    name: 'login: a wrong password is refused in Chinese, the right one opens 总览 with the admin navigation',
    async run({ page, adminPassword, shot }) {
      await page.goto('/');
      await page.waitForURL(/\/login/);
      await page.fill('[data-test="username"]', 'admin');
      await page.fill('[data-test="password"]', 'not-the-password');
      await page.click('[data-test="login"]');
      const alert = await page.waitForSelector('[role="alert"]');
      assert(/[\u4e00-\u9fa5]/.test(await alert.innerText()), 'the login error is not in Chinese');
      await shot('01-login-error');
      await page.fill('[data-test="password"]', adminPassword);
      await page.click('[data-test="login"]');
      await page.waitForURL(/\/overview/);
      for (const nav of ['overview', 'compare', 'trends', 'indicators', 'reports', 'import']) {
        await page.waitForSelector(`[data-test="nav-${nav}"]`);
      }
    },
  },
  {
    name: '总览 shows the five sample units, KPI cards and charts',
    async run({ page, shot }) {
      await page.goto('/overview');
      await settled(page);
      const list = await page.waitForSelector('[data-test="unit-list"]');
      const text = await list.innerText();
      for (const name of Object.values(UNITS)) assert(text.includes(name), `总览 lacks ${name}`);
      assert((await page.locator('[data-test="kpi-value"]').count()) >= 4, 'fewer than four KPI cards');
      assert((await page.locator('[data-test="scatter"] canvas').count()) === 1, 'no scatter chart');
      const overview = await apiJson(page, '/api/analytics/overview');
      const aria = await page.locator('[data-test="scatter"] [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).join(' '));
      const { unitName, executionRate, adjustmentRatio } = overview.points;
      for (const [i, name] of unitName.entries()) {
        if (executionRate[i] == null || adjustmentRatio[i] == null) continue;
        assert(aria.includes(name), `the scatter chart's aria description does not name ${name}`);
      }
      await shot('02-overview-1366');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await shot('02-overview-1920');
      await page.setViewportSize({ width: 1366, height: 768 });
    },
  },
  {
    name: '单位对比: 湘西 and 益阳 from the region tree, bars, radar and table; the link reproduces the view',
    async run({ page, shot }) {
      await page.goto('/compare');
      await page.click('[data-test="unit-picker"]');
      for (const name of [UNITS.xiangxi, UNITS.yiyang]) {
        await page.fill('[data-test="unit-picker"] input', name.slice(0, 4));
        const node = page.locator('.el-tree-node__content', { hasText: name }).first();
        await node.locator('.el-checkbox').click();
      }
      await page.keyboard.press('Escape');
      await page.waitForURL(/units=/);
      await page.waitForSelector('[data-test="compare-table"] .el-table__row');
      await settled(page);
      const table = await page.locator('[data-test="compare-table"]').innerText();
      assert(table.includes(UNITS.xiangxi) && table.includes(UNITS.yiyang), 'the table lacks 湘西 or 益阳');
      assert((await page.locator('[data-test="compare-bars"] canvas').count()) === 1, 'no bar chart');
      await shot('03-compare');
      const url = page.url();
      await page.goto('/overview');
      await page.goto(url);
      await page.waitForSelector('[data-test="compare-table"] .el-table__row');
      assert((await page.locator('[data-test="compare-table"] .el-table__body-wrapper .el-table__row').count()) === 2, 'the copied link does not show the two units');
    },
  },
  {
    name: '单位对比 exports a CSV with a BOM and both rows, and saves the chart as PNG',
    async run({ page, artifacts }) {
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="export-csv"]')]);
      const csvPath = join(artifacts, 'compare.csv');
      await csv.saveAs(csvPath);
      const bytes = readFileSync(csvPath);
      assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'the CSV has no UTF-8 BOM');
      const text = bytes.toString('utf8');
      assert(text.includes(UNITS.xiangxi) && text.includes(UNITS.yiyang), 'the CSV lacks a row');
      const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="save-png"]')]);
      const pngPath = join(artifacts, 'compare-chart.png');
      await png.saveAs(pngPath);
      const head = readFileSync(pngPath).subarray(0, 4);
      assert(head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47, 'the chart download is not a PNG');
    },
  },
  {
    name: "报告: open 湘西's report, click its score → the source line is highlighted and scrolled into view",
    async run({ page, shot }) {
      await page.goto('/reports');
      await settled(page);
      await page.click(`[data-test="report-table"] a:has-text("${UNITS.xiangxi}")`);
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}/);
      const id = page.url().split('/').pop();
      const detail = await apiJson(page, `/api/reports/${id}`);
      const line = detail.document.provenance['score.total'].line;
      await page.click('[data-path="score.total"]');
      const hl = page.locator('[data-test="source"] li.hl');
      await hl.waitFor();
      assert(Number(await hl.getAttribute('data-line')) === line, `highlighted line is not ${line}`);
      assert((await hl.innerText()).includes(String(detail.document.score.total)), 'the highlighted line does not hold the score');
      const [box, item] = await Promise.all([page.locator('[data-test="source"]').boundingBox(), hl.boundingBox()]);
      assert(item.y >= box.y && item.y + item.height <= box.y + box.height, 'the highlighted line is not scrolled into view');
      await page.waitForSelector('[data-test="warnings"] li');
      await page.waitForSelector('[data-test="versions"]');
      await shot('04-report-detail');
    },
  },
  {
    name: '账号: the admin creates a 长沙市 submitter on the page; the submitter sees only 抽查复核, 整改跟踪, 报告, 导入 and 状态, and only 长沙 reports',
    async run({ browser, base, artifacts, adminPassword }) {
      const admin = await (await browser.newContext({ baseURL: base, viewport: { width: 1366, height: 768 }, locale: 'zh-CN', reducedMotion: 'reduce' })).newPage();
      await admin.goto('/login');
      await admin.fill('[data-test="username"]', 'admin');
      await admin.fill('[data-test="password"]', adminPassword);
      await admin.click('[data-test="login"]');
      await admin.waitForURL(/\/overview/);
      await admin.goto('/accounts');
      await admin.waitForSelector('[data-test="accounts"]');
      const form = admin.locator('[data-test="new-account"]');
      await form.locator('input').nth(0).fill('changsha-clerk');
      await form.locator('input').nth(2).fill('changsha-clerk-password');
      await form.locator('.el-select').first().click();
      await admin.locator('.el-select-dropdown__item', { hasText: '报送单位' }).click();
      await form.locator('.el-select').nth(1).click();
      await admin.keyboard.type('长沙市');
      await admin.locator('.el-select-dropdown__item', { hasText: '长沙市（430100）' }).click();
      await form.locator('button[type="submit"]').click();
      await admin.waitForSelector('[data-test="accounts"] >> text=changsha-clerk');
      await admin.screenshot({ path: join(artifacts, '14-accounts-created.png'), fullPage: true });

      const clerk = await (await browser.newContext({ baseURL: base, viewport: { width: 1366, height: 768 }, locale: 'zh-CN', reducedMotion: 'reduce' })).newPage();
      await clerk.goto('/login');
      await clerk.fill('[data-test="username"]', 'changsha-clerk');
      await clerk.fill('[data-test="password"]', 'changsha-clerk-password');
      await clerk.click('[data-test="login"]');
      await clerk.waitForURL(/\/reports/);
      const nav = await clerk.locator('.app-nav a').allInnerTexts();
      assert(JSON.stringify(nav) === JSON.stringify(['抽查复核', '整改跟踪', '报告', '导入', '系统状态']), `a submitter sees ${nav.join(', ')}`);
      await settled(clerk);
      const list = await clerk.evaluate(async () => (await fetch('/api/reports?limit=100')).json());
      const regions = [...new Set(list.items.map((r) => r.regionName))].sort();
      assert(JSON.stringify(regions) === JSON.stringify(['望城区', '浏阳市']), `a 长沙市 submitter sees reports of ${regions.join(', ')}`);
      await clerk.screenshot({ path: join(artifacts, '15-submitter-reports.png'), fullPage: true });
    },
  },
  {
    name: '导入: uploading a sample report again is shown as a duplicate',
    async run({ page, root, shot }) {
      await page.goto('/import');
      const dir = join(root, 'data/reports');
      const file = readdirSync(dir).find((f) => f.endsWith('.txt'));
      await page.setInputFiles('[data-test="file-input"]', join(dir, file));
      await page.waitForSelector('[data-test="outcome-duplicate"]');
      await shot('05-import-duplicate');
    },
  },
  {
    name: '地图: Hunan by city coloured by the metric; choosing 长沙市 drills into its counties',
    async run({ page, shot }) {
      await page.goto('/map?metric=scoreTotal&year=2021');
      await settled(page);
      await page.waitForSelector('[data-test="map"] canvas');
      const aria = await page.locator('[data-test="map"] [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).join(' '));
      assert(aria.includes('长沙市 96 分') && aria.includes('湘西土家族苗族自治州 98.36 分'), `the map's description lacks the 2021 city means: ${aria.slice(0, 200)}`);
      await shot('11-map-province');
      await page.click('[data-test="drill-430100"]');
      await page.waitForURL(/city=430100/);
      await page.waitForFunction(() => document.querySelector('.chart-card h2')?.textContent?.startsWith('长沙市'));
      await settled(page);
      const county = await page.locator('[data-test="map"] [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).join(' '));
      assert(county.includes('浏阳市 96 分'), `the county map lacks 浏阳市: ${county.slice(0, 200)}`);
      await shot('11-map-changsha');
    },
  },
  {
    name: 'every other page opens without an error (趋势, 领导视图, 指标完成, 自评复核, 问题分析, 状态, 账号)',
    async run({ page, shot }) {
      const units = await apiJson(page, '/api/units');
      const liuyang = units.find((u) => u.name === UNITS.liuyang);
      const pages = [
        ['06-trends', `/trends?metric=scoreTotal&pick=${liuyang.id},region:433100`],
        ['07-trends-leadership', `/trends?metric=scoreTotal&pick=${liuyang.id},region:433100&lead=1`],
        ['08-indicators', '/indicators'],
        ['09-recheck', '/recheck'],
        ['10-problems', '/problems'],
        ['12-status', '/status'],
        ['13-reports', '/reports'],
        ['14-accounts', '/accounts'],
      ];
      for (const [name, url] of pages) {
        await page.goto(url);
        await page.waitForSelector('.page-title');
        await settled(page);
        await shot(name);
      }
      await page.goto(pages[1][1]);
      await settled(page);
      // The unit names come from the region/unit catalog, which loads beside the chart.
      await page.waitForFunction((name) => document.querySelector('[data-test="described"]')?.textContent?.includes(name), UNITS.liuyang);
      const described = await page.locator('[data-test="described"]').innerText();
      assert(described.includes('自评得分') && described.includes('湘西土家族苗族自治州'), 'the leadership view does not write its filters on the page');
      const table = await page.locator('[data-test="trend-table"]').innerText();
      assert(table.includes(UNITS.liuyang) && table.includes('湘西土家族苗族自治州'), 'the trend table lacks the unit or the region');
      await shot('07-trends-leadership');
    },
  },
  ...plausibilityTests,
  ...analyticsViewTests,
  ...reviewTests,
  ...accountAdminTests,
  ...qualityResultsTests,
  ...textReuseTests,
  ...returnResubmitTests,
  ...spotCheckTests,
  ...rectificationTests,
];

// Browser tests of issue 14 items 3 and 6: 质量提示 per report, in 报告 and per region; 结果应用 with a
// second year of 浏阳 and 湘西 uploaded as ReportDocument JSON and confirmed through the API.
// Runs last: it adds 2022 reports.
import { apiJson, assert, settled } from './support.mjs';
const LIUYANG = '浏阳市工业和信息化局';
const XIANGXI = '湘西土家族苗族自治州工业和信息化局';
const YIYANG = '益阳市工业和信息化局';

/** The unit's 2021 部门整体 document for 2022 with another 年初预算数, uploaded and confirmed by the signed-in admin. */
async function secondYear(page, unitName, initial) {
  return page.evaluate(async ({ unitName, initial }) => {
    const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('hp_csrf=')).slice('hp_csrf='.length));
    const list = await (await fetch(`/api/reports?year=2021&status=confirmed&q=${encodeURIComponent(unitName)}`)).json();
    // 浏阳 also has a 2021 项目支出 report; the list's order between the two is not fixed.
    const overall = list.items.find((r) => r.kind === 'department_overall');
    const doc = (await (await fetch(`/api/reports/${overall.id}`)).json()).document;
    doc.fiscalYear = 2022;
    doc.budget.total.initial = initial;
    const form = new FormData();
    form.append('files', new Blob([JSON.stringify(doc)], { type: 'application/json' }), `${unitName}-2022.json`);
    const uploaded = await (await fetch('/api/documents', { method: 'POST', body: form, headers: { 'x-csrf-token': csrf } })).json();
    const res = await fetch(`/api/reports/${uploaded[0].reportId}/confirm`, { method: 'POST', headers: { 'x-csrf-token': csrf } });
    const confirmed = await res.json();
    return `${res.status} ${confirmed.status} ${confirmed.document?.fiscalYear} ${JSON.stringify(uploaded).slice(0, 300)}`;
  }, { unitName, initial });
}

export const qualityResultsTests = [
  {
    name: '质量提示: 益阳 2024 (every indicator at full marks) shows the card on its report, the badge and filter in 报告, and the region table',
    async run({ page, shot }) {
      await page.goto('/reports?flag=ALL_FULL_MARKS');
      await settled(page);
      await page.waitForSelector('[data-test="report-table"] .el-table__row');
      const listed = await page.locator('[data-test="report-table"] .el-table__body-wrapper').innerText();
      assert(listed.includes(YIYANG) && !listed.includes(LIUYANG), `the 指标全部满分 filter lists: ${listed.slice(0, 200)}`);
      assert((await page.locator('[data-test="quality-badge"]').count()) >= 1, 'no flag badge in the list');
      await shot('40-reports-quality-filter');
      await page.click(`[data-test="report-table"] a:has-text("${YIYANG}")`);
      await page.waitForURL(/\/reports\/[0-9a-f-]{36}/);
      const card = page.locator('[data-test="quality-flag-ALL_FULL_MARKS"]');
      await card.waitFor();
      const text = await card.innerText();
      assert(text.includes('指标全部满分') && text.includes('19 项指标均为满分'), `the card reads: ${text}`);
      await page.locator('[data-test="quality-card"]').scrollIntoViewIfNeeded();
      await shot('41-report-quality-card');

      await page.goto('/quality?year=2024');
      await settled(page);
      await page.waitForSelector('[data-test="quality-table"] .el-table__row');
      const table = await page.locator('[data-test="quality-table"]').innerText();
      assert(table.includes('益阳市') && table.includes('合计') && table.includes('1（100.00%）'), `the region table reads: ${table.slice(0, 300)}`);
      const definitions = await page.locator('[data-test="flag-definitions"]').innerText();
      assert(definitions.includes('高分低执行') && definitions.includes('80%'), 'the flag definitions are not shown with their thresholds');
      await shot('42-quality-regions');
      await page.click('[data-test="quality-count-ALL_FULL_MARKS"] >> nth=0');
      await page.waitForURL(/\/reports\?.*flag=ALL_FULL_MARKS/);
    },
  },
  {
    name: '质量提示阈值: the admin raises 高分线 to 85 and the definitions follow; an out-of-range 执行率下限 is refused naming the field; 90 is restored',
    async run({ page, shot }) {
      await page.goto('/quality?year=2024');
      await settled(page);
      const form = page.locator('[data-test="thresholds-form"]');
      await form.waitFor();
      const high = page.locator('[data-test="threshold-highScore"] input');
      assert((await high.inputValue()) === '90', `高分线 starts at ${await high.inputValue()}`);
      await high.fill('85');
      await page.click('[data-test="thresholds-save"]');
      await page.waitForFunction(() => document.querySelector('[data-test="flag-definitions"]')?.textContent?.includes('不低于 85 分'));
      const version = await form.innerText();
      assert(version.includes('管理员设定'), `the saved version is not shown: ${version.slice(0, 200)}`);
      await shot('45-quality-thresholds');

      const rate = page.locator('[data-test="threshold-lowExecutionRate"] input');
      await rate.fill('150');
      await page.click('[data-test="thresholds-save"]');
      const error = page.locator('[data-test="thresholds-error"]');
      await error.waitFor();
      const said = await error.innerText();
      assert(said.includes('执行率下限（%）必须是 0–100 之间的数字'), `the refusal reads: ${said}`);
      const stored = await apiJson(page, '/api/settings/quality-flags');
      assert(stored.thresholds.highScore === 85 && stored.thresholds.lowExecutionRate === 80, `a refused save changed the thresholds: ${JSON.stringify(stored.thresholds)}`);

      await rate.fill('80');
      await high.fill('90');
      await page.click('[data-test="thresholds-save"]');
      await page.waitForFunction(() => document.querySelector('[data-test="flag-definitions"]')?.textContent?.includes('不低于 90 分'));
      assert(!(await error.isVisible()), 'the old error stays after a good save');
    },
  },
  {
    name: '结果应用: with 2022 reports of 浏阳 (budget up) and 湘西 (down), 2021 lists both with their change and the grade shares',
    async run({ page, shot }) {
      for (const [unit, initial] of [[LIUYANG, 1200], [XIANGXI, 1500.5]]) {
        const outcome = await secondYear(page, unit, initial);
        assert(outcome.startsWith('200 confirmed 2022'), `the ${unit} 2022 report was not confirmed: ${outcome}`);
      }
      const answer = await apiJson(page, '/api/analytics/results-application?year=2021');
      const row = answer.rows.find((r) => r.unitName === LIUYANG);
      assert(row && row.changeAmount === 147.41 && row.changePercent === 14 && row.direction === 'grew', `the API's 浏阳 row: ${JSON.stringify(row)}`);
      await page.goto('/results?year=2021');
      await settled(page);
      await page.waitForSelector(`[data-test="results-table"] .el-table__row >> text=${LIUYANG}`);
      const table = (await page.locator('[data-test="results-table"] .el-table__body-wrapper').innerText()).replace(/\s+/g, ' ');
      assert(table.includes(LIUYANG) && table.includes('+147.41') && table.includes('14.00%') && table.includes('增加'), `浏阳's row: ${table.slice(0, 400)}`);
      assert(table.includes(XIANGXI) && table.includes('−92.33') && table.includes('减少'), `湘西's row: ${table.slice(0, 400)}`);
      const summary = await page.locator('[data-test="grade-summary"]').innerText();
      assert(summary.includes('1（50.00%）'), `the grade summary reads: ${summary}`);
      const aria = await page.locator('.chart-card [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).join(' '));
      assert(aria.includes('优（2 个单位）：增加 50%、持平 0%、减少 50%'), `the chart is described as: ${aria.slice(0, 300)}`);
      const api = await apiJson(page, '/api/analytics/results-application?year=2021&level=city');
      assert(api.rows.length === 1 && api.rows[0].unitName === XIANGXI, 'the level filter does not keep 湘西 alone');
      await shot('43-results-application');
      await page.goto('/results?year=2021&level=county');
      await settled(page);
      await page.waitForSelector('[data-test="results-table"] .el-table__row');
      const county = await page.locator('[data-test="results-table"] .el-table__body-wrapper').innerText();
      assert(county.includes(LIUYANG) && !county.includes(XIANGXI), 'the 县市区 filter still lists 湘西');
      await shot('44-results-county');
    },
  },
];

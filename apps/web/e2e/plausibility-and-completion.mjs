// Browser tests of issue 11 items 3–5: 总览's median and excluded 异常 values with their list, derived
// grades, empty charts that say why, 自评复核's flags and 指标完成 that agrees with its rows.
import { apiJson, assert, settled } from './support.mjs';
const LIUYANG = '浏阳市工业和信息化局';
const XIANGXI = '湘西土家族苗族自治州工业和信息化局';
const XIANGTAN = '湘潭县科技和工业信息化局';




export const plausibilityTests = [
  {
    name: '总览 2021: means and medians without 异常 values, how many were left out, the list, and the toggle that counts them',
    async run({ page, shot }) {
      await page.goto('/overview?year=2021');
      await settled(page);
      const exec = await page.locator('[data-test="kpi-execution"]').innerText();
      assert(exec.includes('93.56%') && exec.includes('中位数 93.56%') && exec.includes('已排除 1 个异常值'), `执行率 KPI reads: ${exec}`);
      const adj = await page.locator('[data-test="kpi-adjustment"]').innerText();
      assert(adj.includes('已排除 1 个异常值'), `调整率 KPI reads: ${adj}`);
      const note = await page.locator('[data-test="anomaly-note"]').innerText();
      assert(note.includes('统计已排除 2 个超出合理范围的异常值'), `note reads: ${note}`);
      // Both units with both rates are 异常: the scatter says so instead of drawing bare axes.
      const scatter = await page.locator('[data-test="scatter"]').innerText();
      assert(scatter.includes('已排除') && scatter.includes('含异常值'), `scatter says: ${scatter}`);
      await page.click('[data-test="show-anomalies"]');
      const list = await page.waitForSelector('[data-test="anomaly-list"]');
      const text = await list.innerText();
      assert(text.includes(LIUYANG) && text.includes('184.65%') && text.includes('60%–110%'), `the list lacks 浏阳 184.65 %: ${text}`);
      assert(text.includes(XIANGXI) && text.includes('预算调整率'), `the list lacks 湘西's 调整率: ${text}`);
      await shot('21-overview-anomaly-list');
      await page.keyboard.press('Escape');
      await page.waitForSelector('[data-test="anomaly-list"]', { state: 'hidden' });
      await page.click('[data-test="include-implausible"]');
      await page.waitForURL(/implausible=1/);
      await page.waitForFunction(() => document.querySelector('[data-test="kpi-execution"]')?.textContent?.includes('139.11%'));
      const included = await page.locator('[data-test="kpi-execution"]').innerText();
      assert(included.includes('中位数 139.11%') && included.includes('含 1 个异常值'), `with 异常 values 执行率 reads: ${included}`);
      assert((await page.locator('[data-test="scatter"] canvas').count()) === 1, 'with 异常 values the scatter draws its point');
      await shot('20-overview-2021-with-implausible');
    },
  },
  {
    name: '总览 2023: 湘潭县 scores 98 and writes no grade → 优（按得分推定）; the empty scatter says why',
    async run({ page, shot }) {
      await page.goto('/overview?year=2023');
      await settled(page);
      const derived = await page.locator('[data-test="derived-grades"]').innerText();
      assert(derived.includes(`${XIANGTAN} 98 分 → 优（按得分推定）`), `derived grades read: ${derived}`);
      const grades = await page.locator('[data-test="grades"] [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).join(' '));
      assert(grades.includes('优 1 个（其中 1 个按得分推定）') && grades.includes('未评级 0 个'), `grade chart reads: ${grades}`);
      const scatter = await page.locator('[data-test="scatter"]').innerText();
      assert(scatter.includes('2023 年没有同时具备预算执行率和预算调整率的单位'), `scatter says: ${scatter}`);
      assert((await page.locator('[data-test="scatter"] canvas').count()) === 0, 'the empty scatter still draws axes');
      await shot('22-overview-2023-derived-grade');
    },
  },
  {
    name: '自评复核 2021: 浏阳 flagged for over-execution and its 执行率, 湘西 for its 调整率',
    async run({ page, shot }) {
      await page.goto('/recheck?year=2021');
      await settled(page);
      const table = page.locator('[data-test="recheck-table"]');
      await table.waitFor();
      const rowOf = (name) => table.locator('.el-table__row', { hasText: name }).first();
      const liuyang = await rowOf(LIUYANG).innerText();
      assert(liuyang.includes('超预算执行') && liuyang.includes('预算执行率异常'), `浏阳's row reads: ${liuyang}`);
      const xiangxi = await rowOf(XIANGXI).innerText();
      assert(xiangxi.includes('预算调整率异常'), `湘西's row reads: ${xiangxi}`);
      await rowOf(LIUYANG).locator('.el-table__expand-icon').click();
      const findings = await page.waitForSelector('[data-test="recheck-findings"]');
      const text = await findings.innerText();
      assert(text.includes('部门整体支出执行数 1,943.63 万元，高于年初预算数 1,052.59 万元，超出 891.04 万元'), `findings read: ${text}`);
      // The server filters (and pages) the list: wait for its answer and the table drawn from it.
      const answered = page.waitForResponse((r) => r.url().includes('/api/analytics/recheck') && r.url().includes('attention=true'));
      await page.click('[data-test="attention-only"]');
      await page.waitForURL(/attention=1/);
      await answered;
      await page.waitForFunction(() => ![...document.querySelectorAll('[data-test="recheck-table"] .el-table__row')].some((r) => r.textContent.includes('望城')), null, { timeout: 5000 }).catch(() => {});
      const names = await table.locator('.el-table__row').allInnerTexts();
      assert(!names.some((n) => n.includes('望城')), '望城 needs no attention but is listed');
      await shot('23-recheck-flags');
    },
  },
  {
    name: '指标完成 2021: 浏阳’s rate, its heatmap cells and its rows tell one story',
    async run({ page, shot }) {
      const api = await apiJson(page, '/api/analytics/indicators?year=2021');
      const unit = api.units.find((u) => u.unitName === LIUYANG);
      await page.goto(`/indicators?year=2021&units=${unit.unitId}`);
      await settled(page);
      const summary = await page.locator('[data-test="unit-completion"]').innerText();
      assert(summary.includes(`${LIUYANG}：100.00%（定量 11 项：达标 11、未达标 0；定性 8 项（按得分，不计入）：达标 6、未达标 2）`), `summary reads: ${summary}`);
      const heatmap = await page.locator('[data-test="heatmap"] [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).join(' '));
      assert(heatmap.includes(`${LIUYANG} 投入管理指标 无定量指标（定性 8 项：按得分达标 6、未达标 2）`), `heatmap reads: ${heatmap}`);
      assert(heatmap.includes(`${LIUYANG} 产出指标 100.00%`), `heatmap lacks 产出指标 100 %: ${heatmap}`);
      await page.click('[data-test="unmet-only"]');
      await page.waitForURL(/unmet=1/);
      const rows = await page.locator('[data-test="indicator-rows"] .el-table__body .el-table__row').allInnerTexts();
      assert(rows.length === 2, `expected 浏阳's two 未达标 rows, got ${rows.length}`);
      for (const r of rows) assert(r.includes('未达标') && r.includes('定性：按得分与分值（不计入完成率）'), `an unmet row reads: ${r}`);
      await shot('24-indicators-liuyang');
    },
  },
];

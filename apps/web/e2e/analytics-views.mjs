// Browser tests of 单位对比 (five units), 趋势 (a gap year, the A4 print), 地图 (drill into 湘西) and a server export.
import { assert, settled } from './support.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';


const XIANGXI = '湘西土家族苗族自治州工业和信息化局';
const YIYANG = '益阳市工业和信息化局';

async function unitIds(page) {
  const units = await page.evaluate(async () => (await fetch('/api/units')).json());
  return Object.fromEntries(units.map((u) => [u.name, u.id]));
}


const ariaOf = (page, sel) => page.locator(`${sel} [aria-label]`).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).join(' '));

export const analyticsViewTests = [
  {
    name: '单位对比: five units (各单位最新年度) all in the radar legend and the table with 同级排名 n / N; Excel and CSV come from the server',
    async run({ page, shot, artifacts }) {
      const ids = await unitIds(page);
      const five = Object.values(ids).slice(0, 5);
      assert(five.length === 5, `expected five sample units, got ${five.length}`);
      await page.goto(`/compare?units=${five.join(',')}`);
      await page.waitForSelector('[data-test="compare-table"] .el-table__row');
      await settled(page);
      assert((await page.locator('[data-test="compare-table"] .el-table__body-wrapper .el-table__row').count()) === 5, 'the table does not list five units');
      const radar = await ariaOf(page, '[data-test="compare-radar"]');
      for (const name of Object.keys(ids)) assert(radar.includes(`${name}：`), `the radar leaves out ${name}: ${radar.slice(0, 300)}`);
      assert(!/[：，]\S+ 0\.00%/.test(radar), `the radar draws a missing category as 0: ${radar.slice(0, 300)}`);
      const table = await page.locator('[data-test="compare-table"]').innerText();
      assert(/\d+ \/ \d+/.test(table), '同级排名 does not say of how many');
      await shot('20-compare-five-units');
      const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="compare-radar"]').locator('xpath=ancestor::section').locator('button').click()]);
      await png.saveAs(join(artifacts, '20-compare-radar.png'));
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="export-xlsx"]')]);
      const xlsxPath = join(artifacts, 'compare-latest.xlsx');
      await xlsx.saveAs(xlsxPath);
      assert(xlsx.suggestedFilename() === '单位对比-各单位最新年度.xlsx', `unexpected file name ${xlsx.suggestedFilename()}`);
      const head = readFileSync(xlsxPath).subarray(0, 2).toString('latin1');
      assert(head === 'PK', 'the Excel download is not an .xlsx');
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="export-csv"]')]);
      const csvPath = join(artifacts, 'compare-latest.csv');
      await csv.saveAs(csvPath);
      const bytes = readFileSync(csvPath);
      assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'the CSV has no UTF-8 BOM');
      const lines = bytes.toString('utf8').trim().split('\n');
      assert(lines.length === 6, `the CSV has ${lines.length - 1} rows, not 5`);
    },
  },
  {
    name: '趋势: 湘西 2021 and 益阳 2024 on a numeric year axis, 2022–2023 a gap; the leadership print is A4 landscape with a footer and no controls',
    async run({ page, shot }) {
      const ids = await unitIds(page);
      await page.goto(`/trends?metric=scoreTotal&pick=${ids[XIANGXI]},${ids[YIYANG]}`);
      await page.waitForSelector('[data-test="trend-chart"] canvas');
      await settled(page);
      const table = await page.locator('[data-test="trend-table"]').innerText();
      for (const y of [2021, 2022, 2023, 2024]) assert(table.includes(`${y} 年`), `the table lacks ${y}`);
      const aria = await ariaOf(page, '[data-test="trend-chart"]');
      assert(aria.includes('2022 年 —'), `2022 is not shown as a gap: ${aria.slice(0, 200)}`);
      await shot('21-trends-gap');
      await page.goto(`/trends?metric=scoreTotal&pick=${ids[XIANGXI]},${ids[YIYANG]}&lead=1`);
      await page.waitForSelector('[data-test="trend-chart"] canvas');
      await page.emulateMedia({ media: 'print' });
      const footer = await page.locator('[data-test="lead-footer"]').innerText();
      assert(footer.includes('数据截至') && footer.includes('数据来源') && footer.includes('指标：自评得分'), `the print footer lacks filters, date or source: ${footer}`);
      const buttons = await page.locator('button:visible, .el-button:visible, a.el-button:visible').count();
      assert(buttons === 0, `the print view shows ${buttons} controls`);
      const pageRules = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules]).map((r) => r.cssText).filter((t) => /@page/i.test(t)));
      const pageRule = pageRules.some((t) => /a4\s+landscape|landscape\s+a4/i.test(t));
      assert(pageRule, `no @page { size: A4 landscape } rule: ${pageRules.join(' | ') || 'no @page rule at all'}`);
      await page.setViewportSize({ width: 1123, height: 794 });
      await shot('22-trends-print-a4');
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1366, height: 768 });
    },
  },
  {
    name: '地图: drilling into 湘西 lists 湘西州工信局 (a city-level unit) in the sortable table under the map',
    async run({ page, shot }) {
      await page.goto('/map?metric=scoreTotal&year=2021&city=433100');
      await page.waitForSelector('[data-test="map"] canvas');
      await settled(page);
      const own = await page.locator('[data-test="map-own-units"]').innerText();
      assert(own.includes(XIANGXI), `the drill does not name 湘西's own unit: ${own}`);
      const table = await page.locator('[data-test="map-table"]').innerText();
      assert(table.includes(XIANGXI) && table.includes('州/市本级'), `the table lacks 湘西州工信局: ${table.slice(0, 200)}`);
      await page.locator('[data-test="map-table"] th', { hasText: '自评得分' }).click();
      await shot('23-map-xiangxi');
    },
  },
];

// Browser test of 文字雷同: a 2025 report of 益阳 whose 存在的问题 copies, with two words added, a
// paragraph of 浏阳 2021 is uploaded as ReportDocument JSON and confirmed through the API; the page
// lists the pair, shows it side by side with the shared wording marked, and an admin's threshold of
// 100 % hides it. Runs last: it adds a 2025 report and changes the threshold (then restores it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiJson, assert, choose, settled } from './support.mjs';

const LIUYANG = '浏阳市工业和信息化局';
const YIYANG = '益阳市工业和信息化局';
/** 浏阳 2021's second 存在的问题, and 益阳's copy of it: 80 % alike by the shingle rules, so gone at 100 %. */
const ORIGINAL = '规范账务处理，提高财务信息质量';
const COPIED = `一是进一步${ORIGINAL}。`;

/** 益阳's 2024 部门整体 document as 2025 with the copied problem, uploaded and confirmed by the signed-in admin. */
async function copiedReport(page) {
  return page.evaluate(async ({ unitName, copied }) => {
    const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('hp_csrf=')).slice('hp_csrf='.length));
    const list = await (await fetch(`/api/reports?year=2024&status=confirmed&q=${encodeURIComponent(unitName)}`)).json();
    const overall = list.items.find((r) => r.kind === 'department_overall');
    const doc = (await (await fetch(`/api/reports/${overall.id}`)).json()).document;
    doc.fiscalYear = 2025;
    doc.findings = { ...doc.findings, problems: [...(doc.findings?.problems ?? []), copied] };
    const form = new FormData();
    form.append('files', new Blob([JSON.stringify(doc)], { type: 'application/json' }), `${unitName}-2025-copied.json`);
    const uploaded = await (await fetch('/api/documents', { method: 'POST', body: form, headers: { 'x-csrf-token': csrf } })).json();
    const res = await fetch(`/api/reports/${uploaded[0].reportId}/confirm`, { method: 'POST', headers: { 'x-csrf-token': csrf } });
    const confirmed = await res.json();
    return `${res.status} ${confirmed.status} ${confirmed.document?.fiscalYear} ${JSON.stringify(uploaded).slice(0, 300)}`;
  }, { unitName: YIYANG, copied: COPIED });
}

/** Types a threshold into the admin's field and saves it; waits for the list to show it. */
async function saveThreshold(page, percent) {
  const input = page.locator('[data-test="threshold-input"] input');
  await input.fill(String(percent));
  await page.click('[data-test="threshold-save"]');
  await page.waitForSelector(`text=当前阈值 ${percent}%`);
  await settled(page);
}

const pairRow = (page) => page.locator('[data-test="reuse-table"] .el-table__body-wrapper .el-table__row')
  .filter({ hasText: `${YIYANG}（2025）` }).filter({ hasText: `${LIUYANG}（2021）` });

export const textReuseTests = [
  {
    name: '文字雷同: 益阳 2025 copies a 浏阳 2021 problem; the pair is listed, shown side by side with the shared wording, and hidden by a 100 % threshold',
    async run({ page, shot, artifacts }) {
      const outcome = await copiedReport(page);
      assert(outcome.startsWith('200 confirmed 2025'), `the 益阳 2025 report was not confirmed: ${outcome}`);
      const before = await apiJson(page, '/api/settings/text-reuse');
      assert(Number.isInteger(before.thresholdPercent) && before.thresholdPercent < 80, `the threshold is already ${JSON.stringify(before)}`);

      await page.goto('/overview');
      await page.click('[data-test="nav-text-reuse"]');
      await page.waitForURL(/\/text-reuse/);
      await page.waitForSelector('.page-title:has-text("文字雷同")');
      await settled(page);
      await choose(page, 'year-select', '2025 年');
      await page.waitForURL(/year=2025/);
      // The 部分 filter offers the sections the API compares, 绩效目标 among them.
      await page.click('[data-test="section-select"]');
      // The dropdown is drawn after the click, its options from the list's answer: wait for the last one.
      await page.locator('.el-select-dropdown__item:visible', { hasText: '绩效目标' }).waitFor();
      const offered = (await page.locator('.el-select-dropdown__item:visible').allInnerTexts()).map((o) => o.trim());
      assert(offered.join('|') === '存在的问题|改进措施|绩效目标', `the 部分 filter offers: ${offered.join(' / ')}`);
      await page.locator('.el-select-dropdown__item:visible', { hasText: '存在的问题' }).click();
      await page.waitForURL(/section=problem/);
      await settled(page);
      const row = pairRow(page);
      await row.waitFor();
      const text = (await row.innerText()).replace(/\s+/g, ' ');
      assert(text.includes('80.00%') && text.includes('与其他单位雷同') && text.includes('存在的问题'), `the pair's row reads: ${text}`);
      assert(await page.locator('[data-test="threshold-input"] input').inputValue() === String(before.thresholdPercent), 'the threshold field does not start from the saved setting');
      await shot('45-text-reuse-list');
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-test="export-csv"]')]);
      const csvPath = join(artifacts, 'text-reuse.csv');
      await csv.saveAs(csvPath);
      const bytes = readFileSync(csvPath);
      assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'the CSV has no UTF-8 BOM');
      const lines = bytes.toString('utf8').trim().split(/\r?\n/);
      assert(lines.length === 1 + (await page.locator('[data-test="reuse-table"] .el-table__body-wrapper .el-table__row').count()), `the CSV has ${lines.length - 1} pairs, not the page's`);
      assert(lines.some((l) => l.includes(COPIED) && l.includes(ORIGINAL) && l.includes(LIUYANG) && l.includes('80')), `the CSV lacks the pair: ${lines.join(' / ').slice(0, 400)}`);
      assert(lines.slice(1).every((l) => l.startsWith('2025,')), 'the CSV does not keep the year filter');

      await row.locator('[data-test="open-pair"]').click();
      const detail = page.locator('[data-test="pair-detail"]');
      await detail.waitFor();
      const shown = (await detail.innerText()).replace(/\s+/g, ' ');
      assert(shown.includes(YIYANG) && shown.includes(LIUYANG) && shown.includes('2025 年') && shown.includes('2021 年'), `the side-by-side view reads: ${shown.slice(0, 300)}`);
      assert(shown.includes('相似度 80.00%'), `the side-by-side view gives: ${shown.slice(0, 120)}`);
      const sections = detail.locator('section');
      assert((await sections.count()) === 2, 'the side-by-side view does not have two paragraphs');
      for (const i of [0, 1]) {
        const marked = (await sections.nth(i).locator('[data-test="shared"]').allInnerTexts()).join('');
        assert(marked.includes('规范账务处理') && marked.includes('提高财务信息质量'), `paragraph ${i + 1} marks as shared: ${marked}`);
        assert(!marked.includes('进一步'), `paragraph ${i + 1} marks the added words as shared: ${marked}`);
      }
      const copiedText = await sections.nth(0).locator('.para').innerText();
      assert(copiedText.trim() === COPIED, `the copied paragraph reads: ${copiedText}`);
      await shot('46-text-reuse-pair');
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });

      await saveThreshold(page, 100);
      assert((await apiJson(page, '/api/settings/text-reuse')).thresholdPercent === 100, 'the threshold of 100 was not saved');
      assert((await pairRow(page).count()) === 0, 'the 80 % pair is still listed at a 100 % threshold');
      const left = await page.locator('[data-test="reuse-table"] .el-table__body-wrapper .el-table__row').allInnerTexts();
      assert(left.every((r) => r.includes('100.00%')), `at 100 % the list still holds: ${left.join(' / ').slice(0, 300)}`);
      await shot('47-text-reuse-threshold-100');

      await saveThreshold(page, before.thresholdPercent);
      assert((await apiJson(page, '/api/settings/text-reuse')).thresholdPercent === before.thresholdPercent, 'the threshold was not restored');
      await pairRow(page).waitFor();

      // A link to a later page, then a filter: the list starts again at page 1.
      await page.goto('/text-reuse?page=9');
      await settled(page);
      await choose(page, 'year-select', '2025 年');
      await page.waitForURL((url) => url.searchParams.get('year') === '2025' && (url.searchParams.get('page') ?? '1') === '1');
      await settled(page);
      await pairRow(page).waitFor();
    },
  },
];

// Browser test of 抽查复核 (issue 14 item 2): the admin draws a 2021 sample from a fixed seed with 湘西 as
// 必查单位, draws it again from the same seed (same units), assigns himself as reviewer, records 复核
// scores (a difference needs a reason), submits, sets the 差距阈值 so the 超出容差 flag goes and comes,
// exports CSV, reopens; a 湘西 submitter sees only 湘西's item, read-only. Runs last: it adds a
// submitter and restores the margin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiJson, assert, call, context, settled } from './support.mjs';

const XIANGXI = '湘西土家族苗族自治州工业和信息化局';
const SEED = 'e2e-2021-固定种子';

const rows = (page) => page.locator('[data-test="sample-table"] .el-table__body-wrapper .el-table__row');
const xiangxiRow = (page) => rows(page).filter({ hasText: XIANGXI });
const unitsShown = async (page) => (await page.locator('[data-test="sample-table"] [data-test="open-item"]').allInnerTexts()).map((t) => t.trim()).sort();

/** Confirms the open Element Plus message box. */
async function confirmBox(page) {
  const box = page.locator('.el-message-box');
  await box.waitFor();
  await box.locator('.el-button--primary').click();
  await box.waitFor({ state: 'hidden' });
}

/** Types the 差距阈值 and saves it; waits for the flag column to name it. */
async function saveMargin(page, margin) {
  await page.locator('[data-test="margin-input"] input').fill(String(margin));
  await page.click('[data-test="margin-save"]');
  await page.waitForSelector(`[data-test="sample-table"] th:has-text("超出容差（>${margin} 分）")`);
  await settled(page);
}

async function downloadText(page, test, path) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-test="${test}"]`)]);
  await file.saveAs(path);
  const bytes = readFileSync(path);
  assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, `${path} has no UTF-8 BOM`);
  return bytes.toString('utf8');
}

export const spotCheckTests = [
  {
    name: '抽查复核 (spot-check): draw 2021 from a fixed seed with 湘西 必查, assign, record 复核 with reasons, submit, margin flag, CSV export, submitter scope',
    async run({ page, shot, artifacts, browser, base }) {
      await page.goto('/overview');
      await page.click('[data-test="nav-spot-checks"]');
      await page.waitForURL(/\/spot-checks/);
      await page.waitForSelector('.page-title:has-text("抽查复核")');
      await page.click('[data-test="year-select"]');
      await page.locator('.el-select-dropdown__item:visible', { hasText: '2021 年' }).click();
      await page.waitForURL(/year=2021/);
      await page.waitForSelector('[data-test="empty"]:has-text("2021 年度尚未抽样")');

      // The draw: 2 units, a fixed seed, 湘西 must be in.
      const form = page.locator('[data-test="draw-form"]');
      await form.locator('[data-test="draw-seed"]').fill(' ');
      await page.click('[data-test="draw-submit"]');
      assert((await page.locator('[data-test="draw-error"]').innerText()).includes('随机种子：不能为空'), 'a draw without a seed is not refused in Chinese');
      await form.locator('[data-test="draw-value"] input').fill('2');
      await form.locator('[data-test="draw-seed"]').fill(SEED);
      await page.click('[data-test="unit-picker"]');
      await page.fill('[data-test="unit-picker"] input', '湘西');
      await page.locator('.el-tree-node__content', { hasText: XIANGXI }).first().locator('.el-checkbox').click();
      await page.keyboard.press('Escape');
      await page.click('.page-title');
      await page.click('[data-test="draw-submit"]');
      await page.waitForSelector('[data-test="draw-error"]', { state: 'detached' });
      await xiangxiRow(page).waitFor();
      await settled(page);
      const first = await unitsShown(page);
      assert(first.length === 2 && first.includes(XIANGXI), `the sample holds ${first.join('、')}`);
      assert((await xiangxiRow(page).innerText()).includes('必查'), '湘西 is not marked 必查');
      const summary = await page.locator('[data-test="sample-summary"]').innerText();
      assert(summary.includes('按数量 2 份') && summary.includes(SEED) && summary.includes(XIANGXI), `the summary reads: ${summary}`);
      assert((await page.locator('[data-test="sample-seed"]').innerText()) === SEED, 'the seed is not shown');

      // Drawn again from the same seed (asked first): the same units, version 2.
      await page.locator('[data-test="draw-seed"]').fill('另一个种子');
      await page.click('[data-test="reuse-seed"]');
      assert(await page.locator('[data-test="draw-seed"]').inputValue() === SEED, 'reusing the sample does not bring its seed back');
      await page.click('[data-test="draw-submit"]');
      await confirmBox(page);
      await page.waitForSelector('.chart-card h2:has-text("第 2 版")');
      await settled(page);
      assert(JSON.stringify(await unitsShown(page)) === JSON.stringify(first), 'the same seed drew other units');
      await shot('48-spot-check-sample');

      // The admin assigns himself as 湘西's reviewer.
      await xiangxiRow(page).locator('[data-test="assign-select"]').click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: '系统管理员（管理员）' }).click();
      await xiangxiRow(page).locator('[data-test="status"]:has-text("待复核")').waitFor();

      // The review screen: a lower 复核 score needs a reason, so does a lower total.
      await xiangxiRow(page).locator('[data-test="open-item"]').click();
      await page.waitForURL(/\/spot-checks\/items\/[0-9a-f-]{36}/);
      const id = page.url().split('/').pop();
      await settled(page);
      const detail = await apiJson(page, `/api/spot-checks/items/${id}`);
      const target = detail.rows.find((r) => r.kind === 'indicator' && r.selfScore !== null && r.selfScore >= 1);
      assert(target, '湘西 2021 has no scored indicator row');
      const selfTotal = detail.item.selfTotal;
      assert(selfTotal === 98.36, `湘西's self total is ${selfTotal}`);
      const key = `indicator-${target.position}`;
      await page.click('[data-test="accept-self"]');
      await page.locator(`[data-test="review-score-${key}"] input`).fill(String(target.selfScore - 1));
      await page.locator('[data-test="review-total"] input').fill('88.36');
      await page.locator('[data-test="review-total"] input').blur();
      await page.click('[data-test="save"]');
      const problems = await page.locator('[data-test="review-problems"]').innerText();
      assert(problems.includes(`绩效指标第 ${target.position + 1} 行`) && problems.includes('须填写理由') && problems.includes('复核总分：与自评总分不同，须填写理由'), `the form says: ${problems}`);
      await shot('49-spot-check-review-reasons');
      await page.locator(`[data-test="reason-${key}"]`).fill('佐证材料不足');
      await page.locator('[data-test="total-reason"]').fill('一项指标无佐证，总分下调');
      await page.click('[data-test="save"]');
      await page.waitForSelector('.el-message:has-text("复核分已保存")');
      await page.waitForSelector('[data-test="item-gap"]:has-text("+10.00")');
      await page.waitForSelector('[data-test="item-flag"]');
      const saved = await apiJson(page, `/api/spot-checks/items/${id}`);
      const row = saved.rows.find((r) => r.kind === 'indicator' && r.position === target.position);
      assert(row.reviewScore === target.selfScore - 1 && row.reason === '佐证材料不足', `the row was saved as ${JSON.stringify(row)}`);
      assert(saved.rows.filter((r) => r.kind === 'indicator' && r.selfScore !== null).every((r) => r.reviewScore !== null), 'the self-scores were not taken for the other rows');
      assert(saved.item.reviewTotal === 88.36 && saved.item.gap === 10, `the totals were saved as ${JSON.stringify(saved.item)}`);

      // 提交: locked; the admin may reopen.
      await page.click('[data-test="submit"]');
      await confirmBox(page);
      await page.waitForSelector('[data-test="item-status"]:has-text("已提交")');
      await page.waitForSelector('[data-test="read-only"]');
      assert(await page.locator(`[data-test="review-score-${key}"] input`).isDisabled(), 'a submitted review can still be edited');
      assert((await page.locator('[data-test="save"]').count()) === 0, 'a submitted review still offers 保存');
      await page.waitForSelector('[data-test="reopen"]');
      await shot('50-spot-check-submitted');

      // The gap on the page: no flag at a margin of 15, the flag at 8.
      await page.click('[data-test="back"]');
      await page.waitForURL(/\/spot-checks\?year=2021/);
      await xiangxiRow(page).waitFor();
      await settled(page);
      const before = await apiJson(page, '/api/settings/spot-check');
      await saveMargin(page, 15);
      assert((await xiangxiRow(page).locator('[data-test="flag"]').count()) === 0, '湘西 is flagged at a margin of 15');
      assert((await xiangxiRow(page).locator('[data-test="gap"]').innerText()) === '+10.00', '湘西 shows no gap of 10');
      await page.waitForSelector('[data-test="flagged-table"] >> text=没有超出容差的单位');
      await saveMargin(page, 8);
      await xiangxiRow(page).locator('[data-test="flag"]:has-text("超出容差")').waitFor();
      const flagged = await page.locator('[data-test="flagged-table"] .el-table__body-wrapper').innerText();
      assert(flagged.includes(XIANGXI) && flagged.includes('+10.00') && flagged.includes('一项指标无佐证'), `the flagged table reads: ${flagged}`);
      assert((await page.locator('[data-test="self-vs-review"] canvas').count()) === 1 && (await page.locator('[data-test="gaps-by-region"] canvas').count()) === 1, 'a gap chart is missing');
      const aria = await page.locator('[data-test="self-vs-review"] [aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).join(' '));
      assert(aria.includes(`${XIANGXI}：自评 98.36 分，复核 88.36 分，超出容差`), `the chart's description reads: ${aria.slice(0, 300)}`);
      await shot('51-spot-check-gaps');

      // Exports.
      const csv = await downloadText(page, 'export-sample-csv', join(artifacts, 'spot-check-sample.csv'));
      const lines = csv.trim().split(/\r?\n/);
      const line = lines.find((l) => l.startsWith(`${XIANGXI},`));
      assert(line && line.includes(',98.36,88.36,10.00,') && line.includes('系统管理员') && line.includes('已提交'), `the sample CSV has: ${line}`);
      assert(lines.length === 3, `the sample CSV has ${lines.length - 1} rows`);
      const gaps = await downloadText(page, 'export-gaps-csv', join(artifacts, 'spot-check-gaps.csv'));
      assert(gaps.includes('湘西土家族苗族自治州,1,1,10.00,10.00'), `the gaps CSV reads: ${gaps.slice(0, 300)}`);

      // A 湘西 submitter sees 湘西's item only, without the draw form or the reviewer select, and the review read-only.
      const created = await call(page, 'POST', '/api/users', { username: 'spot-xiangxi-clerk', password: 'spot-xiangxi-password', role: 'submitter', regionCode: '433100' });
      assert(created.status === 201, `the submitter was not created: ${JSON.stringify(created.body)}`);
      const clerk = await (await context(browser, base)).newPage();
      await clerk.goto('/login');
      await clerk.fill('[data-test="username"]', 'spot-xiangxi-clerk');
      await clerk.fill('[data-test="password"]', 'spot-xiangxi-password');
      await clerk.click('[data-test="login"]');
      await clerk.waitForURL(/\/reports/);
      await clerk.click('[data-test="nav-spot-checks"]');
      await clerk.goto('/spot-checks?year=2021');
      await xiangxiRow(clerk).waitFor();
      await settled(clerk);
      assert(JSON.stringify(await unitsShown(clerk)) === JSON.stringify([XIANGXI]), `the submitter sees ${(await unitsShown(clerk)).join('、')}`);
      assert((await clerk.locator('[data-test="draw-form"]').count()) === 0 && (await clerk.locator('[data-test="assign-select"]').count()) === 0, 'the submitter may draw or assign');
      assert((await clerk.locator('[data-test="margin-form"]').count()) === 0, 'the submitter may set the margin');
      await clerk.screenshot({ path: join(artifacts, '52-spot-check-submitter.png'), fullPage: true });
      await xiangxiRow(clerk).locator('[data-test="open-item"]').click();
      await clerk.waitForSelector('[data-test="read-only"]');
      assert(await clerk.locator(`[data-test="review-score-${key}"] input`).isDisabled(), 'the submitter can edit the review');
      await clerk.context().close();

      // The admin reopens the review with a reason: 待复核 again.
      await page.goto(`/spot-checks/items/${id}`);
      await page.click('[data-test="reopen"]');
      await page.locator('[data-test="reopen-reason"]').fill('总分理由需补充佐证');
      await page.click('[data-test="reopen-confirm"]');
      await page.waitForSelector('[data-test="item-status"]:has-text("待复核")');
      await page.waitForSelector('[data-test="save"]');

      const restored = await call(page, 'PUT', '/api/settings/spot-check', { gapMargin: before.gapMargin });
      assert(restored.status === 200, 'the margin was not restored');
    },
  },
];

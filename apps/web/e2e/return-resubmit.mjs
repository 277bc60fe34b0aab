// 退回与重新提交 in the browser (issue 14 item 1): a 湘西 submitter submits, the admin returns it with a
// comment, the submitter corrects a field and resubmits, the admin confirms; a wrong upload is withdrawn.
// Runs last (it confirms a 2023 湘西 report); it signs in on its own pages and leaves the shared page alone.
import { assert, call, context, settled, signIn } from './support.mjs';
import { join } from 'node:path';

const XIANGXI = '湘西土家族苗族自治州工业和信息化局';
const COMMENT = '年初预算数与批复不一致，请核对后重新提交';

/** 湘西's confirmed 2021 document as a `year` upload with another 年初预算数, by the signed-in page; the new report's id. */
async function uploadCopy(page, year, initial) {
  return page.evaluate(async ({ unitName, year, initial }) => {
    const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('hp_csrf=')).slice(8));
    const list = await (await fetch(`/api/reports?year=2021&status=confirmed&q=${encodeURIComponent(unitName)}`)).json();
    const overall = list.items.find((r) => r.kind === 'department_overall');
    const doc = (await (await fetch(`/api/reports/${overall.id}`)).json()).document;
    doc.fiscalYear = year;
    doc.budget.total.initial = initial;
    const form = new FormData();
    form.append('files', new Blob([JSON.stringify(doc)], { type: 'application/json' }), `${unitName}-${year}.json`);
    const uploaded = await (await fetch('/api/documents', { method: 'POST', body: form, headers: { 'x-csrf-token': csrf } })).json();
    return uploaded[0]?.reportId ?? JSON.stringify(uploaded).slice(0, 300);
  }, { unitName: XIANGXI, year, initial });
}

const statusText = async (page) => (await page.locator('[data-test="status"]').innerText()).trim();
async function waitStatus(page, label) {
  await page.waitForFunction((l) => document.querySelector('[data-test="status"]')?.textContent?.trim() === l, label);
}

export const returnResubmitTests = [
  {
    name: '退回与重新提交: a 湘西 submitter submits, the admin returns it with a comment, the submitter corrects and resubmits, the admin confirms; a wrong upload is withdrawn',
    async run({ browser, base, artifacts, adminPassword }) {
      const snap = (page, name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
      const admin = await (await context(browser, base)).newPage();
      await signIn(admin, 'admin', adminPassword);
      await admin.waitForURL(/\/overview/);
      const created = await call(admin, 'POST', '/api/users', { username: 'xiangxi-clerk', password: 'xiangxi-clerk-password', role: 'submitter', regionCode: '433100' });
      assert(created.status === 201, `could not create xiangxi-clerk: ${created.status} ${JSON.stringify(created.body)}`);

      const clerk = await (await context(browser, base)).newPage();
      await signIn(clerk, 'xiangxi-clerk', 'xiangxi-clerk-password');
      await clerk.waitForURL(/\/reports/);
      const id = await uploadCopy(clerk, 2023, 1000);
      assert(/^[0-9a-f-]{36}$/.test(id), `the submitter's upload failed: ${id}`);

      // 1. The submitter submits its draft.
      await clerk.goto(`/reports/${id}`);
      await settled(clerk);
      assert((await statusText(clerk)) === '草稿', `a new upload shows ${await statusText(clerk)}`);
      assert((await clerk.locator('[data-test="action-confirm"]').count()) === 0, 'a submitter is offered 确认');
      await clerk.click('[data-test="action-submit"]');
      await waitStatus(clerk, '待审核');
      assert((await clerk.locator('[data-test="edit-budget.total.initial"]').count()) === 0, 'a submitted report can still be corrected by its submitter');
      await snap(clerk, '50-submitter-submitted');

      // 2. The admin finds it among the reports waiting for a reviewer and returns it with a comment.
      await admin.goto('/reports?waiting=reviewer&year=2023');
      await settled(admin);
      await admin.waitForSelector(`[data-test="report-table"] a:has-text("${XIANGXI}")`);
      const row = await admin.locator('[data-test="report-table"] .el-table__body-wrapper').innerText();
      assert(row.includes('待审核') && row.includes('等待审核人员'), `the waiting list shows: ${row.slice(0, 300)}`);
      await snap(admin, '51-reports-waiting-for-reviewer');
      await admin.click(`[data-test="report-table"] a:has-text("${XIANGXI}")`);
      await admin.waitForURL(new RegExp(`/reports/${id}`));
      await settled(admin);
      await admin.click('[data-test="action-return"]');
      const send = admin.locator('[data-test="return-send"]');
      assert(await send.isDisabled(), 'a return can be sent without a comment');
      await admin.locator('[data-test="return-comment"]').fill(COMMENT);
      await send.click();
      await waitStatus(admin, '已退回');
      await admin.waitForSelector(`[data-test="review-comment"] >> text=${COMMENT}`);
      await snap(admin, '52-admin-returned');
      // A refusal is shown in Chinese from the API: confirming a returned report.
      const refused = await call(admin, 'POST', `/api/reports/${id}/confirm`);
      assert(refused.status >= 400 && /须由提交单位修改后重新提交/.test(JSON.stringify(refused.body)), `confirming a returned report answers ${refused.status} ${JSON.stringify(refused.body)}`);

      // 3. The submitter sees the comment, corrects 年初预算数 and resubmits.
      await clerk.reload();
      await settled(clerk);
      await waitStatus(clerk, '已退回');
      const history = await clerk.locator('[data-test="review-history"]').innerText();
      assert(history.includes(COMMENT) && history.includes('退回修改'), `the submitter's history shows: ${history}`);
      await snap(clerk, '53-submitter-sees-comment');
      await clerk.click('[data-test="edit-budget.total.initial"]');
      await clerk.fill('[data-test="edit-value"]', '1200');
      await clerk.fill('[data-test="edit-reason"]', '按批复更正年初预算数');
      await clerk.click('[data-test="edit-save"]');
      await clerk.waitForSelector('[data-test="corrections"] li');
      await clerk.click('[data-test="action-submit"]');
      await waitStatus(clerk, '待审核');
      await clerk.waitForSelector('[data-test="review-history"] >> text=重新提交');
      await snap(clerk, '54-submitter-resubmitted');

      // 4. The admin confirms the corrected report.
      await admin.reload();
      await settled(admin);
      await waitStatus(admin, '待审核');
      await admin.click('[data-test="action-confirm"]');
      await waitStatus(admin, '已确认');
      const detail = (await call(admin, 'GET', `/api/reports/${id}`)).body;
      assert(detail.document.budget.total.initial === 1200, `the confirmed 年初预算数 is ${detail.document.budget.total.initial}`);
      assert(JSON.stringify(detail.history.map((e) => e.event)) === JSON.stringify(['submit', 'return', 'resubmit', 'confirm']), `the history is ${detail.history.map((e) => e.event)}`);
      await snap(admin, '55-admin-confirmed');

      // 5. A wrong upload is withdrawn by its submitter.
      const wrong = await uploadCopy(clerk, 2019, 999);
      assert(/^[0-9a-f-]{36}$/.test(wrong), `the wrong upload failed: ${wrong}`);
      await clerk.goto(`/reports/${wrong}`);
      await settled(clerk);
      await clerk.click('[data-test="action-withdraw"]');
      await clerk.locator('.el-message-box__btns button', { hasText: '确定撤回' }).click();
      await waitStatus(clerk, '已撤回');
      assert((await clerk.locator('[data-test^="action-"]').count()) === 0, 'a withdrawn report still offers actions');
      await snap(clerk, '56-submitter-withdrew');
      await admin.goto('/reports?status=withdrawn');
      await settled(admin);
      await admin.waitForSelector(`[data-test="report-table"] a:has-text("${XIANGXI}")`);
      await snap(admin, '57-reports-withdrawn');
      await admin.context().close();
      await clerk.context().close();
    },
  },
];

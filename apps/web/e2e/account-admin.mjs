// 账号 administration and 审计日志 in the browser (issue 12 items 4–6).
import { assert, context, signIn } from './support.mjs';
import { join } from 'node:path';


/** Creates an account through the API as the signed-in admin (cookie + CSRF header, like the app). */
async function createAccount(page, body) {
  return page.evaluate(async (b) => {
    const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('hp_csrf=')).slice(8));
    const res = await fetch('/api/users', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify(b) });
    return res.status;
  }, body);
}

export const accountAdminTests = [
  {
    name: '账号: the admin disables an account (its sign-in is refused in Chinese), resets another to a one-time password that must be changed first; 审计日志 lists and filters it all',
    async run({ browser, base, artifacts, adminPassword }) {
      const admin = await (await context(browser, base)).newPage();
      await signIn(admin, 'admin', adminPassword);
      await admin.waitForURL(/\/overview/);
      assert((await createAccount(admin, { username: 'yiyang-viewer', password: 'yiyang-viewer-password', role: 'viewer', regionCode: '430900' })) === 201, 'could not create yiyang-viewer');
      assert((await createAccount(admin, { username: 'reset-me', password: 'reset-me-password-1', role: 'analyst' })) === 201, 'could not create reset-me');

      await admin.goto('/accounts');
      await admin.waitForSelector('[data-test="accounts"] >> text=yiyang-viewer');
      await admin.locator('[data-test="account-actions-yiyang-viewer"] [data-test="account-toggle"]').click();
      await admin.locator('.el-message-box__btns button', { hasText: '确定' }).click();
      await admin.waitForFunction(() => document.querySelector('[data-test="account-state-yiyang-viewer"]')?.textContent?.includes('已停用'));
      await admin.screenshot({ path: join(artifacts, 'security-account-disabled.png'), fullPage: true });

      const viewer = await (await context(browser, base)).newPage();
      await signIn(viewer, 'yiyang-viewer', 'yiyang-viewer-password');
      const alert = await viewer.waitForSelector('[role="alert"]');
      assert((await alert.innerText()).includes('该账号已停用，请联系管理员'), `a disabled account's sign-in says: ${await alert.innerText()}`);

      await admin.locator('[data-test="account-actions-reset-me"] [data-test="account-reset"]').click();
      await admin.locator('.el-message-box__btns button', { hasText: '确定' }).click();
      const temporary = (await (await admin.waitForSelector('[data-test="temporary-password"]')).innerText()).trim();
      assert(/^[A-Za-z0-9_-]{16}$/.test(temporary), `the one-time password looks like ${temporary}`);
      await admin.keyboard.press('Escape');

      const analyst = await (await context(browser, base)).newPage();
      await signIn(analyst, 'reset-me', temporary);
      await analyst.waitForSelector('[data-test="change-password-dialog"] >> text=请先修改密码');
      await analyst.screenshot({ path: join(artifacts, 'security-must-change-password.png'), fullPage: true });
      const dialog = analyst.locator('[data-test="change-password-dialog"]');
      await dialog.locator('input').nth(0).fill(temporary);
      await dialog.locator('input').nth(1).fill('reset-me-new-password');
      await dialog.locator('input').nth(2).fill('reset-me-new-password');
      // A forced change reloads the page once the API has accepted it.
      await Promise.all([analyst.waitForEvent('load'), dialog.locator('button[type="submit"]').click()]);
      await analyst.waitForSelector('[data-test="change-password-dialog"]', { state: 'hidden' });
      const me = await analyst.evaluate(async () => (await fetch('/api/auth/me')).json());
      assert(me.user.mustChangePassword === false, 'the password change did not clear mustChangePassword');

      await admin.goto('/audit');
      await admin.waitForSelector('[data-test="audit-table"]');
      await admin.fill('[data-test="audit-actor"]', 'yiyang-viewer');
      await admin.click('[data-test="audit-search"]');
      await admin.waitForFunction(() => {
        const text = document.querySelector('[data-test="audit-table"]')?.textContent ?? '';
        // The refused sign-in is yiyang-viewer's own event; the admin's actions on it are the admin's.
        return text.includes('登录失败') && !text.includes('重置密码') && !text.includes('停用账号');
      });
      await admin.fill('[data-test="audit-actor"]', '');
      await admin.click('[data-test="audit-search"]');
      await admin.waitForFunction(() => {
        const text = document.querySelector('[data-test="audit-table"]')?.textContent ?? '';
        return text.includes('重置密码') && text.includes('停用账号') && text.includes('修改密码');
      });
      const href = await admin.getAttribute('[data-test="audit-export-csv"]', 'href');
      // Bytes, not text(): the fetch API's UTF-8 decoding drops a BOM.
      const csv = await admin.evaluate(async (h) => {
        const bytes = new Uint8Array(await (await fetch(h)).arrayBuffer());
        return { bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, text: new TextDecoder().decode(bytes) };
      }, href);
      assert(csv.bom && csv.text.includes('停用账号') && csv.text.includes('时间（北京时间）'), 'the audit CSV lacks the BOM, the header or the disable');
      await admin.screenshot({ path: join(artifacts, 'security-audit-log.png'), fullPage: true });
    },
  },
];

// What every browser test file shares: assertions, waiting for a page to settle, reading the API.

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** No error alert on the page, the loading skeleton gone and every chart drawn. */
export async function settled(page) {
  await page.waitForSelector('[data-test="loading"]', { state: 'detached' });
  // Charts draw one per frame (src/charts/draw-turns.ts): a chart waiting for its turn is aria-busy.
  await page.waitForFunction(() => !document.querySelector('.base-chart[aria-busy="true"]'));
  const errors = await page.locator('[data-test="error"]').allInnerTexts();
  assert(errors.length === 0, `page shows an error: ${errors.join(' / ')}`);
}

/** A JSON answer of the API, fetched by the page (its session cookie goes along). */
export async function apiJson(page, path) {
  return page.evaluate(async (p) => (await fetch(p)).json(), path);
}

/** A browser context as the tests use it: the server's address, a laptop screen, Chinese, no motion, downloads kept. */
export function context(browser, base, extra = {}) {
  return browser.newContext({ baseURL: base, viewport: { width: 1366, height: 768 }, locale: 'zh-CN', reducedMotion: 'reduce', acceptDownloads: true, ...extra });
}

/** Fills and sends the sign-in form (what follows is the caller's to wait for: a refusal, or the app). */
export async function signIn(page, username, password) {
  await page.goto('/login');
  await page.fill('[data-test="username"]', username);
  await page.fill('[data-test="password"]', password);
  await page.click('[data-test="login"]');
}

/** A new context signed in as this account, on the page the app opens after sign-in. */
export async function newSession(browser, base, username, password, extra = {}) {
  const page = await (await context(browser, base, extra)).newPage();
  page.setDefaultTimeout(20_000);
  await signIn(page, username, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

/** A request through the page's session with the CSRF header like the app; answers status and JSON body. */
export async function call(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('hp_csrf='))?.slice('hp_csrf='.length) ?? '');
    const res = await fetch(path, { method, headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, body: await res.json().catch(() => null) };
  }, { method, path, body });
}

/** Picks an option of the Element Plus select with this data-test. */
export async function choose(page, test, label) {
  await page.click(`[data-test="${test}"]`);
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).click();
}

// What every browser test file shares: assertions, waiting for a page to settle, reading the API.

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** No error alert on the page, and the loading skeleton gone. */
export async function settled(page) {
  await page.waitForSelector('[data-test="loading"]', { state: 'detached' });
  const errors = await page.locator('[data-test="error"]').allInnerTexts();
  assert(errors.length === 0, `page shows an error: ${errors.join(' / ')}`);
}

/** A JSON answer of the API, fetched by the page (its session cookie goes along). */
export async function apiJson(page, path) {
  return page.evaluate(async (p) => (await fetch(p)).json(), path);
}

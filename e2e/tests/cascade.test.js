/*
 * Cascades (#21): the example history holds an upstream partial write of checkout-orders-ingest
 * and the failure it caused in orders-daily-load (examples/events/generic-cascade-*.json). The
 * upstream pipeline's tab shows the chain; the screenshot is the README's.
 */
const { test, before, after } = require('node:test');
const path = require('node:path');
const {
  BASE_URL,
  SCREENSHOTS,
  api,
  guestToken,
  launchBrowser,
  openAsGuest,
} = require('../support');

let browser;

/** The example failures load in the background: wait until the cascade is in the API. */
async function waitForCascade(timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A fresh sign-in each time: a token issued before the catalog has loaded the guest's
    // groups carries no ownership, and the permission policy then shows it nothing.
    const token = await guestToken();
    const { json } = await api(
      '/v1/incidents?entityRef=component:default/orders-daily-load&status=open',
      { token },
    );
    if ((json?.items ?? []).some(i => i.causedBy)) return;
    if (Date.now() > deadline)
      throw new Error('the example cascade never appeared in the API');
    await new Promise(r => setTimeout(r, 1000));
  }
}

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the upstream pipeline tab shows the cascade it caused', async () => {
  await waitForCascade();
  const page = await openAsGuest(
    browser,
    `${BASE_URL}/catalog/default/component/checkout-orders-ingest/pipeline-triage`,
  );
  const downstream = page.getByRole('list', { name: 'Downstream incidents' });
  await downstream.first().waitFor({ timeout: 90_000 });
  // The cascade names the downstream pipeline by its catalog title.
  await page.getByText('Orders daily load (Airflow)').first().waitFor();
  const card = page.locator('[aria-label^="Cascade of"]').first();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: path.join(SCREENSHOTS, 'cascade-entity-tab.png'),
    fullPage: false,
  });
});

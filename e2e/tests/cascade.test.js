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
  launchBrowser,
  openAsGuest,
  waitForEntity,
} = require('../support');

let browser;
before(async () => {
  await waitForEntity('component', 'checkout-orders-ingest');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the upstream pipeline tab shows the cascade it caused', async () => {
  const page = await openAsGuest(
    browser,
    `${BASE_URL}/catalog/default/component/checkout-orders-ingest/pipeline-triage`,
  );
  const downstream = page.getByRole('list', { name: 'Downstream incidents' });
  await downstream.first().waitFor({ timeout: 90_000 });
  await page.getByText('orders-daily-load').first().waitFor();
  const card = page.locator('[aria-label^="Cascade of"]').first();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: path.join(SCREENSHOTS, 'cascade-entity-tab.png'),
    fullPage: false,
  });
});

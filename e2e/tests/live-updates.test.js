/*
 * Live updates: a pipeline's tab stays open while a new failure is posted through the API; the
 * backend's signal makes the page fetch again and show the new incident without a reload.
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const {
  BASE_URL,
  SENDER_TOKEN,
  api,
  launchBrowser,
  openAsGuest,
  waitForEntity,
} = require('../support');

let browser;
before(async () => {
  await waitForEntity('component', 'customer-ltv-spark');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('an open pipeline page shows a newly posted incident without a reload', async () => {
  // customer-ltv-spark belongs to the guest's team (growth-analytics) in the example platform.
  const page = await openAsGuest(
    browser,
    `${BASE_URL}/catalog/default/component/customer-ltv-spark/pipeline-triage`,
  );
  await page.getByText('Triage history').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('entity-status-line').waitFor({ timeout: 60_000 });
  // Let the signals connection open before the event is posted.
  await page.waitForTimeout(2000);
  // A marker that a reload would wipe.
  await page.evaluate(() => {
    window.__ptStillOpen = true;
  });

  const marker = crypto
    .randomBytes(3)
    .toString('hex')
    .replace(/\d/g, d => 'ghijklmnop'[d]);
  const res = await api('/v1/events', {
    token: SENDER_TOKEN,
    method: 'POST',
    body: {
      source: 'generic',
      job: { namespace: 'spark-prod', name: 'customer_ltv_features' },
      runId: crypto.randomUUID(),
      eventTime: new Date().toISOString(),
      errorMessage: `org.apache.spark.sql.AnalysisException: Table or view not found: growth.ltv_${marker}_snapshot`,
    },
  });
  assert.equal(res.status, 202, res.text);
  const { incidentId, status } = res.json.results[0];
  assert.equal(status, 'accepted');

  await page.getByText(incidentId).first().waitFor({ timeout: 30_000 });
  assert.equal(
    await page.evaluate(() => window.__ptStillOpen),
    true,
    'the page was not reloaded',
  );
  await page.close();
});

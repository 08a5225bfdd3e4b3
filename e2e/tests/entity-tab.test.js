/*
 * The thin slice end to end: an OpenLineage FAIL event posted with the sender token is stored,
 * triaged and linked, and the pipeline's entity tab shows it to the guest user.
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');
const fs = require('node:fs');
const {
  BASE_URL,
  SENDER_TOKEN,
  SCREENSHOTS,
  api,
  guestToken,
  launchBrowser,
  openAsGuest,
  waitForEntity,
} = require('../support');

let browser;
before(async () => {
  await waitForEntity('component', 'orders-daily-load');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function openLineageFail(runId, message) {
  return {
    eventType: 'FAIL',
    eventTime: new Date().toISOString(),
    producer:
      'https://github.com/OpenLineage/OpenLineage/tree/1.24.2/integration/airflow',
    schemaURL:
      'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: {
      runId,
      facets: {
        errorMessage: {
          _producer:
            'https://github.com/OpenLineage/OpenLineage/tree/1.24.2/integration/airflow',
          _schemaURL:
            'https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet',
          message,
          programmingLanguage: 'python',
          stackTrace: `Traceback (most recent call last):\n  File "/opt/airflow/dags/orders/load.py", line 41, in load\n    cursor.execute(sql)\n${message}`,
        },
      },
    },
    job: { namespace: 'airflow-prod', name: 'orders_daily.load_orders' },
    inputs: [],
    outputs: [],
  };
}

test('a posted OpenLineage failure appears on its pipeline tab', async () => {
  const marker = crypto.randomBytes(4).toString('hex');
  const message = `psycopg2.errors.InsufficientPrivilege: permission denied for table orders_${marker}`;
  const res = await api('/v1/events', {
    token: SENDER_TOKEN,
    method: 'POST',
    body: openLineageFail(crypto.randomUUID(), message),
  });
  assert.equal(res.status, 202, res.text);
  const [result] = res.json.results;
  assert.equal(result.status, 'accepted');
  assert.ok(result.incidentId, 'the response carries the incident id');

  const page = await openAsGuest(
    browser,
    `${BASE_URL}/catalog/default/component/orders-daily-load/pipeline-triage`,
  );
  // The row shows the incident id under its title.
  await page
    .getByText(result.incidentId, { exact: false })
    .first()
    .waitFor({ timeout: 60_000 });
  // The README screenshot shows the tab with the example history loaded, as a user first sees it.
  const token = await guestToken();
  for (let i = 0; i < 60; i++) {
    const listed = await api(
      '/v1/incidents?entityRef=component:default/orders-daily-load&limit=5',
      { token },
    );
    if (listed.json.items.length >= 5) break;
    await new Promise(r => setTimeout(r, 1000));
  }
  await page.reload();
  await page
    .getByText(result.incidentId, { exact: false })
    .first()
    .waitFor({ timeout: 60_000 });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 1500 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'entity-tab.png') });
  await page.close();
});

test('health answers without credentials; other routes need them', async () => {
  const health = await api('/health');
  assert.equal(health.status, 200);
  assert.deepEqual(health.json, { status: 'ok' });
  assert.equal((await api('/v1/incidents')).status, 401);
  assert.equal(
    (await api('/v1/events', { method: 'POST', body: { x: 1 } })).status,
    401,
  );
});

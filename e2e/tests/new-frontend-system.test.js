/*
 * The plugin on the new frontend system (packages/app-next: createApp with the plugins' alpha
 * exports), beside the legacy app: a posted failure shows on the pipeline's tab, the team page has
 * its tab, and a plain Component gets neither tab nor card in either app.
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const {
  BASE_URL,
  SENDER_TOKEN,
  api,
  guestToken,
  launchBrowser,
  openAsGuest,
  waitForEntity,
} = require('../support');

const NEXT_URL = process.env.E2E_NEXT_URL;
const SHOTS = path.resolve(__dirname, '../output');

/** "Pipeline Triage" outside the sidebar, which links the org-wide page in every app. */
const TAB_TEXT = `xpath=//*[not(ancestor::nav[@aria-label='sidebar nav'])][normalize-space(text())='Pipeline Triage']`;

let browser;
let incidentId;
before(async () => {
  assert.ok(
    NEXT_URL,
    'run through e2e/run.js, which serves app-next and sets E2E_NEXT_URL',
  );
  await waitForEntity('component', 'orders-daily-load');
  await waitForEntity('component', 'storefront-web');
  browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
});

function openLineageFail(message) {
  const producer =
    'https://github.com/OpenLineage/OpenLineage/tree/1.24.2/integration/airflow';
  return {
    eventType: 'FAIL',
    eventTime: new Date().toISOString(),
    producer,
    schemaURL:
      'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: {
      runId: crypto.randomUUID(),
      facets: {
        errorMessage: {
          _producer: producer,
          _schemaURL:
            'https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet',
          message,
          programmingLanguage: 'python',
        },
      },
    },
    job: { namespace: 'airflow-prod', name: 'orders_daily.load_orders' },
    inputs: [],
    outputs: [],
  };
}

test('new frontend system: a posted failure shows on the pipeline tab, with one page header', async () => {
  const marker = crypto.randomBytes(4).toString('hex');
  const res = await api('/v1/events', {
    token: SENDER_TOKEN,
    method: 'POST',
    body: openLineageFail(
      `psycopg2.errors.InsufficientPrivilege: permission denied for table orders_${marker}`,
    ),
  });
  assert.equal(res.status, 202, res.text);
  incidentId = res.json.results[0].incidentId;
  assert.ok(incidentId);

  // Right after start-up the event may queue behind the example backfill: open the tab once the
  // incident is listed, as a user would after the notification.
  const token = await guestToken();
  for (let i = 0; i < 180; i++) {
    const listed = await api(
      `/v1/incidents?entityRef=component:default/orders-daily-load&limit=50`,
      { token },
    );
    if ((listed.json?.items ?? []).some(item => item.id === incidentId)) break;
    await new Promise(r => setTimeout(r, 1000));
  }
  const page = await openAsGuest(
    browser,
    `${NEXT_URL}/catalog/default/component/orders-daily-load/pipeline-triage`,
  );
  await page
    .getByText(incidentId, { exact: false })
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(async e => {
      await page.screenshot({
        path: path.join(SHOTS, 'nfs-pipeline-tab-failed.png'),
      });
      throw e;
    });
  await page.screenshot({ path: path.join(SHOTS, 'nfs-pipeline-tab.png') });

  // The org-wide page draws its own header; the app's page header is off (no double header).
  await page.goto(`${NEXT_URL}/pipeline-triage`);
  await page.getByText('Across the organization').waitFor({ timeout: 60_000 });
  assert.equal(
    await page
      .getByRole('heading', { name: 'Pipeline Triage', exact: true })
      .count(),
    1,
  );
  await page.screenshot({ path: path.join(SHOTS, 'nfs-page.png') });
  await page.close();
});

test("new frontend system: the owning team's tab lists the pipeline's incident", async () => {
  assert.ok(incidentId, 'the pipeline test posted an incident');
  const page = await openAsGuest(
    browser,
    `${NEXT_URL}/catalog/default/group/data-platform/pipeline-triage`,
  );
  await page
    .getByText('Routed to this team')
    .first()
    .waitFor({ timeout: 60_000 });
  await page
    .getByText('Incidents of entities this team owns')
    .first()
    .waitFor();
  await page
    .getByText(incidentId, { exact: false })
    .first()
    .waitFor({ timeout: 60_000 });
  await page.screenshot({ path: path.join(SHOTS, 'nfs-team-tab.png') });
  await page.close();
});

for (const [app, base] of [
  ['new frontend system', () => NEXT_URL],
  ['legacy', () => BASE_URL],
]) {
  test(`${app}: a plain Component has no Pipeline Triage tab or card`, async () => {
    const page = await openAsGuest(
      browser,
      `${base()}/catalog/default/component/storefront-web`,
    );
    await page
      .getByText('Storefront web (e2e)')
      .first()
      .waitFor({ timeout: 60_000 });
    // The overview's cards have loaded once another card of it has.
    await page
      .getByText('Depends on resources', { exact: true })
      .first()
      .waitFor({ timeout: 60_000 });
    // A pipeline in the same app does show tab and card, so their absence here is the filter's doing.
    assert.equal(await page.locator(TAB_TEXT).count(), 0, 'no triage tab');
    assert.equal(
      await page.getByText('Pipeline triage', { exact: true }).count(),
      0,
      'no triage card',
    );
    await page.screenshot({
      path: path.join(SHOTS, `plain-component-${app.replace(/ /g, '-')}.png`),
    });
    await page.goto(`${base()}/catalog/default/component/orders-daily-load`);
    await page
      .getByText('Pipeline triage', { exact: true })
      .first()
      .waitFor({ timeout: 60_000 });
    await page.locator(TAB_TEXT).first().waitFor();
    await page.close();
  });
}

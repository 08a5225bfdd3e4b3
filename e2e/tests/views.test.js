/*
 * Every view a user meets, against the running example instance: a table, a contract, a team
 * and the trends page show what the API holds; an incident opens with its evidence and retry
 * verdict; an acknowledgement survives a reload. Screenshots go to docs/screenshots/.
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
let token;
before(async () => {
  await waitForEntity('component', 'orders-daily-load');
  await waitForEntity('resource', 'raw-orders');
  token = await guestToken();
  browser = await launchBrowser();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
});

async function shot(page, name) {
  await page.setViewportSize({ width: 1440, height: 1800 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

async function postFailure(job, message, extra = {}) {
  const res = await api('/v1/events', {
    token: SENDER_TOKEN,
    method: 'POST',
    body: {
      source: 'generic',
      job,
      runId: crypto.randomUUID(),
      eventTime: new Date().toISOString(),
      errorMessage: message,
      ...extra,
    },
  });
  assert.equal(res.status, 202, res.text);
  return res.json.results[0];
}

test('a table lists the incidents of the pipelines that read and write it', async () => {
  const { incidentId } = await postFailure(
    { namespace: 'airflow-prod', name: 'orders_daily.load_orders' },
    "000904 (42000): SQL compilation error: error line 3 at position 8\ninvalid identifier 'SRC.CURRENCY_CODE'",
    {
      inputs: [
        {
          namespace: 's3://acme-datalake-raw',
          name: 'checkout/orders',
          schema: [{ name: 'order_id', type: 'string' }],
        },
      ],
    },
  );
  const listed = await api(
    `/v1/incidents?entityRef=resource:default/raw-orders&limit=50`,
    { token },
  );
  assert.ok(
    listed.json.items.some(i => i.id === incidentId),
    'the API files the incident under the table',
  );
  const page = await openAsGuest(
    browser,
    `${BASE_URL}/catalog/default/resource/raw-orders/pipeline-triage`,
  );
  await page.getByText(incidentId).first().waitFor({ timeout: 60_000 });
  await shot(page, 'table-tab');
  await page.close();
});

test('a contract shows its definition, its violations by clause and the incidents of its table', async () => {
  const contract = await api(
    `/v1/incidents?entityRef=api:default/checkout-orders&limit=1`,
    { token },
  );
  assert.ok(contract.json.items.length > 0, 'the contract has incidents');
  const violations = await api(
    `/v1/contract-violations?entityRef=api:default/checkout-orders`,
    { token },
  );
  assert.equal(violations.status, 200, violations.text);
  const known = violations.json.items.find(v => v.path && v.line);
  assert.ok(
    known,
    'the example failures break a clause of the checkout-orders contract',
  );

  const page = await openAsGuest(
    browser,
    `${BASE_URL}/catalog/default/api/checkout-orders/pipeline-triage`,
  );
  await page
    .getByText(contract.json.items[0].id)
    .first()
    .waitFor({ timeout: 60_000 });
  await page.getByTestId('contract-state').waitFor({ timeout: 60_000 });
  const clauses = await page.getByTestId('violation-clause').allTextContents();
  assert.ok(
    clauses.includes(`${known.path} · line ${known.line}`),
    `the page shows the clause ${known.path} at line ${
      known.line
    }; it shows ${clauses.join(', ')}`,
  );
  await shot(page, 'contract-tab');

  // The clause link lands on the clause's line of the definition.
  await page
    .getByTestId('violation-clause')
    .filter({ hasText: `${known.path} · line ${known.line}` })
    .first()
    .click();
  await page.waitForFunction(() =>
    /#contract-L\d+$/.test(window.location.hash),
  );
  const line = page.locator(`#contract-L${known.line}`);
  await line.waitFor({ timeout: 30_000 });
  assert.ok(await line.isVisible(), 'the clause line is shown');
  await page.close();
});

test('an invalid contract shows its problems with their paths on its page', async () => {
  await waitForEntity('api', 'broken-orders-contract');
  const state = await api(
    '/v1/contracts?entityRef=api:default/broken-orders-contract',
    { token },
  );
  assert.equal(state.status, 200, state.text);
  assert.equal(state.json.valid, false);
  const page = await openAsGuest(
    browser,
    `${BASE_URL}/catalog/default/api/broken-orders-contract/pipeline-triage`,
  );
  const problems = page.getByTestId('contract-problems');
  await problems.waitFor({ timeout: 60_000 });
  const text = await problems.textContent();
  for (const p of state.json.problems)
    assert.ok(text.includes(p.path), `the page names ${p.path}`);
  await shot(page, 'contract-invalid');
  await page.close();
});

test('a team shows the incidents routed to it', async () => {
  const routed = await api(
    `/v1/incidents?routedTo=group:default/checkout-producers&status=open,acknowledged&limit=1`,
    { token },
  );
  assert.ok(
    routed.json.items.length > 0,
    'incidents are routed to the producers',
  );
  const page = await openAsGuest(
    browser,
    `${BASE_URL}/catalog/default/group/checkout-producers/pipeline-triage`,
  );
  await page
    .getByText('Routed to this team')
    .first()
    .waitFor({ timeout: 60_000 });
  await page
    .getByText(routed.json.items[0].id)
    .first()
    .waitFor({ timeout: 60_000 });
  await shot(page, 'team-tab');
  await page.close();
});

test('the trends page shows the organisation’s weekly totals and the category counts of a week', async () => {
  const trends = await api('/v1/trends?weeks=12&groupBy=category', { token });
  const latest = trends.json.weeks[trends.json.weeks.length - 1];
  // The busiest week of the generated history: a known week with several categories.
  const known = [...trends.json.weeks].sort((a, b) => b.total - a.total)[0];
  assert.ok(known.total > 0, 'the example history has failures');
  const page = await openAsGuest(browser, `${BASE_URL}/pipeline-triage`);
  await page
    .getByText(`Latest week (${latest.week})`)
    .first()
    .waitFor({ timeout: 60_000 });
  const headline = await page
    .getByText(`Latest week (${latest.week})`)
    .first()
    .textContent();
  assert.match(headline, new RegExp(`${latest.total} failures?`));
  for (const [category, count] of Object.entries(known.counts)) {
    if (!count) continue;
    const cell = page
      .getByTestId(`trends-row-${category}`)
      .first()
      .locator(`[data-week="${known.week}"]`);
    assert.equal(
      (await cell.textContent()).trim(),
      String(count),
      `${category} in ${known.week}`,
    );
  }
  await shot(page, 'trends-page');
  await page.close();
});

test('an incident opens with evidence and its retry verdict, and an acknowledgement persists', async () => {
  const { incidentId } = await postFailure(
    { namespace: 'spark-prod', name: 'customer_ltv_features' },
    `java.lang.OutOfMemoryError: Java heap space (e2e ${crypto
      .randomBytes(3)
      .toString('hex')})`,
    {
      stackTrace:
        'org.apache.spark.SparkException: Job aborted due to stage failure\nCaused by: java.lang.OutOfMemoryError: Java heap space',
    },
  );
  const url = `${BASE_URL}/catalog/default/component/customer-ltv-spark/pipeline-triage`;
  let page = await openAsGuest(browser, url);
  await page.getByText(incidentId).first().click({ timeout: 60_000 });
  await page.getByTestId('incident-drawer-id').waitFor();
  assert.match(
    await page.getByTestId('incident-drawer-id').textContent(),
    new RegExp(incidentId),
  );
  assert.match(
    await page.getByTestId('evidence-lines').textContent(),
    /OutOfMemoryError/,
  );
  assert.match(
    await page.getByTestId('retry-verdict').textContent(),
    /No|Not safe/,
  );
  await shot(page, 'incident-drawer');
  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await page.waitForFunction(
    () =>
      /acknowledged/i.test(
        document.querySelector('[data-testid="incident-drawer-status"]')
          ?.textContent ?? '',
      ),
    null,
    { timeout: 30_000 },
  );
  await page.close();

  const stored = await api(`/v1/incidents/${incidentId}`, { token });
  assert.equal(stored.json.status, 'acknowledged');
  page = await openAsGuest(browser, url);
  await page.getByText(incidentId).first().click({ timeout: 60_000 });
  await page.waitForFunction(
    () =>
      /acknowledged/i.test(
        document.querySelector('[data-testid="incident-drawer-status"]')
          ?.textContent ?? '',
      ),
    null,
    { timeout: 30_000 },
  );
  await page.close();
});

test('Investigate runs a rule-based investigation (no model key) and shows what the API stored', async () => {
  const { incidentId } = await postFailure(
    { namespace: 'spark-prod', name: 'customer_ltv_features' },
    `psycopg2.OperationalError: could not connect to server: Connection refused (e2e ${crypto
      .randomBytes(3)
      .toString('hex')})`,
    {
      stackTrace:
        'Traceback (most recent call last):\n  File "features/load_orders.py", line 41, in read_orders\n    conn = psycopg2.connect(dsn)\npsycopg2.OperationalError: could not connect to server: Connection refused\n\tIs the server running on host "orders-db.internal" and accepting TCP/IP connections on port 5432?',
    },
  );
  const page = await openAsGuest(
    browser,
    `${BASE_URL}/catalog/default/component/customer-ltv-spark/pipeline-triage`,
  );
  await page.getByText(incidentId).first().click({ timeout: 60_000 });
  await page.getByTestId('incident-drawer-id').waitFor();
  await page.getByRole('button', { name: 'Investigate' }).click();
  await page.getByText('Rule-based').first().waitFor({ timeout: 60_000 });
  await page
    .getByRole('group', { name: 'Root cause' })
    .waitFor({ timeout: 60_000 });

  const stored = await api(`/v1/incidents/${incidentId}/investigations`, {
    token,
  });
  const [investigation] = stored.json.items;
  assert.equal(investigation.source, 'rule-based');
  assert.ok(investigation.result, 'the stored investigation has a result');
  const rootCause = await page
    .getByRole('group', { name: 'Root cause' })
    .textContent();
  assert.ok(
    rootCause.includes(investigation.result.rootCause.summary.slice(0, 40)),
    rootCause,
  );
  for (const h of investigation.result.hypotheses) {
    await page
      .getByRole('group', { name: `Hypothesis: ${h.title}` })
      .first()
      .waitFor();
  }
  const again = await api(`/v1/incidents/${incidentId}/investigate`, {
    token,
    method: 'POST',
  });
  assert.ok(
    [202, 409].includes(again.status),
    `second Investigate answered ${again.status}`,
  );
  await page
    .getByRole('group', { name: 'Root cause' })
    .scrollIntoViewIfNeeded();
  await shot(page, 'investigation');
  await page.close();
});

test('the overview card shows the open incidents of a pipeline', async () => {
  const status = await api(
    '/v1/status?entityRef=component:default/customer-ltv-spark',
    { token },
  );
  const page = await openAsGuest(
    browser,
    `${BASE_URL}/catalog/default/component/customer-ltv-spark`,
  );
  await page.getByText('Pipeline triage').first().waitFor({ timeout: 60_000 });
  await page.getByText('Open incidents').first().waitFor();
  assert.ok(status.json.openIncidents >= 1);
  await shot(page, 'overview-card');
  await page.close();
});

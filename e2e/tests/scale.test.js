/*
 * 10,000 incidents on one pipeline: posted as failure events the way senders post them
 * (batches of 500, staging so they page no one, dated months back so the trend charts of the
 * other views stay readable), then the pipeline's tab is opened and its first render timed.
 * The figures are printed, not asserted: tests do not time things, benchmarks do. The events
 * are months old, so the weekly trends of the other views (last 12 weeks) do not change.
 */
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const http = require('node:http');
const path = require('node:path');
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

const ENTITY = 'component:default/bulk-events-load';
const TOTAL = Number(process.env.E2E_SCALE_INCIDENTS || 10_000);
const BATCH = 500;

let browser;
before(async () => {
  await waitForEntity('component', 'bulk-events-load');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Digits as letters: the engine groups failures by their text with numbers masked out. */
const letters = n => String(n).replace(/\d/g, d => 'abcdefghij'[d]);

function failure(i, runTag) {
  // Spread over weeks 14 to 60 before now, newest last.
  const weeksAgo = 14 + ((TOTAL - i) / TOTAL) * 46;
  return {
    source: 'generic',
    environment: 'staging',
    job: { namespace: 'e2e-staging', name: 'bulk_events.load' },
    runId: `bulk-${runTag}-${i}`,
    eventTime: new Date(
      Date.now() - weeksAgo * 7 * 24 * 3600_000,
    ).toISOString(),
    errorMessage: `ValueError: unexpected record layout in source feed ${letters(
      i,
    )}${runTag}`,
  };
}

/**
 * POSTs one batch on a fresh connection: a reused keep-alive socket that the server closes just
 * then fails the request, and a blind retry could not tell whether the batch was taken.
 */
function postBatch(events) {
  const body = JSON.stringify({ events });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${BASE_URL}/api/pipeline-triage/v1/events`,
      {
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${SENDER_TOKEN}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      res => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', chunk => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            text,
            json: JSON.parse(text || 'null'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function loadIncidents() {
  const runTag = letters(crypto.randomInt(1e6));
  const ids = new Set();
  const started = Date.now();
  const batches = [];
  for (let i = 0; i < TOTAL; i += BATCH) batches.push(i);
  // Two requests at a time, as two senders would.
  const worker = async () => {
    for (
      let start = batches.shift();
      start !== undefined;
      start = batches.shift()
    ) {
      const events = Array.from(
        { length: Math.min(BATCH, TOTAL - start) },
        (_, k) => failure(start + k, runTag),
      );
      const res = await postBatch(events);
      assert.equal(res.status, 202, res.text.slice(0, 500));
      for (const r of res.json.results) {
        assert.equal(r.status, 'accepted', JSON.stringify(r));
        if (r.incidentId) ids.add(r.incidentId);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `# scale: posted ${TOTAL} failure events in ${seconds.toFixed(
      1,
    )} s (${Math.round(TOTAL / seconds)} events/s)`,
  );
  return ids;
}

test(`the tab of a pipeline with ${TOTAL} incidents renders its first page quickly`, async () => {
  const ids = await loadIncidents();
  assert.equal(ids.size, TOTAL, 'each failure is its own incident');
  const token = await guestToken();
  const newest = await api(`/v1/incidents?entityRef=${ENTITY}&limit=1`, {
    token,
  });
  assert.equal(newest.status, 200, newest.text);
  const newestId = newest.json.items[0].id;

  const url = `${BASE_URL}/catalog/default/component/bulk-events-load/pipeline-triage`;
  // Sign in and warm the browser's cache of the app bundle once, as a user who has the app open.
  const page = await openAsGuest(
    browser,
    `${BASE_URL}/catalog/default/component/bulk-events-load`,
  );
  await page
    .getByText('Bulk events load (e2e)')
    .first()
    .waitFor({ timeout: 60_000 });

  const requests = [];
  page.on('requestfinished', r => {
    if (r.url().includes('/api/pipeline-triage/'))
      requests.push({ url: r.url(), ms: Math.round(r.timing().responseEnd) });
  });
  const rendered = async () => {
    await page.getByText(newestId).first().waitFor({ timeout: 60_000 });
    await page.getByTestId('entity-status-line').waitFor({ timeout: 60_000 });
  };

  // The tab's first render as a user opens it: a click on the tab of the open entity page,
  // until the newest incident row and the status line show.
  let t0 = Date.now();
  await page
    .getByRole('tab', { name: /pipeline triage/i })
    .first()
    .click();
  await rendered();
  const tabRender = Date.now() - t0;

  // And a cold load of the tab's URL: the app boots, signs in and renders the tab.
  t0 = Date.now();
  await page.goto(url);
  await rendered();
  const coldLoad = Date.now() - t0;

  console.log(
    `# scale: ${TOTAL} incidents on one pipeline: first render of the Pipeline Triage tab ${tabRender} ms (from the tab click), ${coldLoad} ms (cold page load)`,
  );
  for (const r of requests)
    console.log(
      `# scale:   ${r.ms} ms  ${decodeURIComponent(
        new URL(r.url).pathname + new URL(r.url).search,
      )}`,
    );

  // Server-side paging: the tab asked for pages of incidents, never for all of them.
  const listed = requests.filter(r => r.url.includes('/v1/incidents?'));
  assert.ok(listed.length > 0, 'the tab lists incidents');
  for (const r of listed) {
    const limit = Number(new URL(r.url).searchParams.get('limit'));
    assert.ok(
      limit > 0 && limit <= 50,
      `the tab asks for one page at a time (${r.url})`,
    );
  }
  await page.screenshot({ path: path.join(SCREENSHOTS, 'scale-tab.png') });
  await page.close();
});

/*
 * Load for the crash test: the example events of every format (examples/events), each copy
 * given fresh run ids so it is a new event, not a duplicate of the last copy.
 */
const { randomUUID, randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(__dirname, '../examples/events');

/** JSON examples with the run ids to rewrite in each copy and a fresh value for each. */
const JSON_TEMPLATES = [
  [
    'airflow-callback-fail-oom-killed.json',
    /scheduled__2026-11-18T02:00:00\+00:00/g,
    n => `manual__crash-${n}`,
  ],
  [
    'airflow-callback-fail-permission.json',
    /scheduled__2026-11-19T05:00:00\+00:00/g,
    n => `manual__crash-${n}`,
  ],
  [
    'airflow-callback-success-orders-daily.json',
    /scheduled__2026-11-17T02:00:00\+00:00/g,
    n => `manual__crash-${n}`,
  ],
  [
    'dagster-run-failure-churn-features.json',
    /8f2c41d7-3b9e-4a6f-b1c5-0e7d92a4f318/g,
    () => randomUUID(),
  ],
  [
    'dbt-run_results-commerce-fail.json',
    /5d0e8b7a-2c41-4f93-9a6e-1b3c7d8e2f05/g,
    () => randomUUID(),
  ],
  [
    'generic-fail-ltv-skew.json',
    /application_1763683200000_0187/g,
    n => `application_1763683200000_${n}`,
  ],
  [
    'glue-enriched-failed.json',
    /jr_16bd6b75ed1f602bfd8354a649b3dea5b68eb108a45b2d89aef0d3cfa41b8633/g,
    () => `jr_${randomBytes(32).toString('hex')}`,
  ],
  [
    'glue-state-change-timeout.json',
    /jr_44dede9c84112bd5f3fdeef6ceee8d69e833bab5b19a375d7e40d91ae269bcce/g,
    () => `jr_${randomBytes(32).toString('hex')}`,
  ],
  [
    'glue-state-change-success-checkout-orders.json',
    /jr_9730aa21b432ea264e587c295dc902c7f9fc1a838e585648c34ded2baa5aaee5/g,
    () => `jr_${randomBytes(32).toString('hex')}`,
  ],
  [
    'openlineage-fail-spark-oom.json',
    /019a8f3c-52d1-7c4e-9b0a-6e2f41d8a713/g,
    () => randomUUID(),
  ],
  [
    'openlineage-fail-schema-drift.json',
    /019a9516-4e2b-7f81-a3c9-0d6b2e5f7a48/g,
    () => randomUUID(),
  ],
  [
    'openlineage-fail-dbt-test.json',
    /019a9021-6d3a-7b9e-8f14-c2a7e05b9d61/g,
    () => randomUUID(),
  ],
  [
    'openlineage-success-customer-ltv.json',
    /019a9002-17ab-7e63-b4d0-2c5a9e71f806/g,
    () => randomUUID(),
  ],
].map(([file, runId, fresh]) => ({
  file,
  text: fs.readFileSync(path.join(dir, file), 'utf8'),
  runId,
  fresh,
}));

const TEXT_LOG = fs.readFileSync(
  path.join(dir, 'text-spark-driver-slowdown.log'),
  'utf8',
);

let counter = 0;

/** One new event of a JSON format, as a parsed object. */
function jsonEvent() {
  const t = JSON_TEMPLATES[counter % JSON_TEMPLATES.length];
  const n = ++counter;
  const value = t.fresh(n);
  const text = t.text.replace(t.runId, value);
  if (text === t.text)
    throw new Error(
      `${t.file}: run id not found, the crash-test template is stale`,
    );
  return { file: t.file, body: JSON.parse(text) };
}

/** The next request of the load: a single JSON event, a batch of 2-6, or a plain-text log. */
function nextRequest() {
  const n = ++counter;
  if (n % 7 === 0) {
    return {
      query: `?job=${encodeURIComponent(
        'spark-prod/customer_ltv_features',
      )}&runId=crash-text-${n}`,
      contentType: 'text/plain',
      body: TEXT_LOG,
      files: ['text-spark-driver-slowdown.log'],
    };
  }
  if (n % 3 === 0) {
    const events = Array.from({ length: 2 + (n % 5) }, () => jsonEvent());
    return {
      query: '',
      contentType: 'application/json',
      body: JSON.stringify({ events: events.map(e => e.body) }),
      files: events.map(e => e.file),
    };
  }
  const e = jsonEvent();
  return {
    query: '',
    contentType: 'application/json',
    body: JSON.stringify(e.body),
    files: [e.file],
  };
}

module.exports = { nextRequest };

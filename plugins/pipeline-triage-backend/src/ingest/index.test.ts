import fc from 'fast-check';
import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IngestAdapter } from '@pipeline-triage/plugin-pipeline-triage-node';
import {
  MAX_BATCH_EVENTS,
  NO_FORMAT_PROBLEM,
  builtInAdapters,
  detectAdapter,
  eventKey,
  isNotRunOutcome,
  normalizeEvents,
} from './index';
import { fixture } from './__testUtils__';

describe('detection order', () => {
  it('is the documented one', () => {
    expect(builtInAdapters.map(a => a.id)).toEqual([
      'openlineage',
      'glue',
      'airflow',
      'dagster',
      'dbt-cloud',
      'dbt',
      'generic',
      'text',
    ]);
  });

  it.each([
    ['openlineage-spark-fail.json', 'openlineage'],
    ['openlineage-airflow-task-fail.json', 'openlineage'],
    ['openlineage-dbt-test-fail.json', 'openlineage'],
    ['glue-failed.json', 'glue'],
    ['glue-timeout.json', 'glue'],
    ['airflow-up-for-retry.json', 'airflow'],
    ['dagster-failure.json', 'dagster'],
    ['dbt-run-results.json', 'dbt'],
    ['dbt-sources.json', 'dbt'],
    ['dbt-cloud-run-errored.json', 'dbt-cloud'],
    ['generic-event.json', 'generic'],
    ['spark-driver.log', 'text'],
  ])('%s → %s', (name, id) => {
    expect(detectAdapter(fixture(name))?.id).toBe(id);
  });

  it('does not take an OpenLineage event, which also has job and eventTime, for the generic shape', () => {
    const event = fixture('openlineage-spark-fail.json');
    expect(
      builtInAdapters
        .find(a => a.id === 'generic')!
        .detect(event, { query: {}, defaultEnvironment: 'dev' }),
    ).toBe(true);
    expect(detectAdapter(event)?.id).toBe('openlineage');
  });

  it('routes a malformed payload of a known format to its adapter, so the problems are specific', () => {
    const { items } = normalizeEvents({
      source: 'airflow',
      dag_id: 'orders_daily',
    });
    expect(items[0].format).toBe('airflow');
    expect(items[0].problems).toContainEqual({
      field: 'task_id',
      reason: 'required',
    });
  });

  it('keeps a malformed OpenLineage run with OpenLineage, not the generic shape', () => {
    const event = { ...fixture('openlineage-spark-fail.json'), run: 'oops' };
    const { items } = normalizeEvents(event);
    expect(items[0].format).toBe('openlineage');
    expect(items[0].problems).toContainEqual({
      field: 'run',
      reason: 'expected an object',
    });
  });

  it('replays a stored canonical event of any source through the generic adapter', () => {
    const stored = { ...fixture('generic-event.json'), source: 'airflow' };
    expect(detectAdapter(stored)?.id).toBe('generic');
  });

  it('treats a detect() that throws as a no', () => {
    const broken: IngestAdapter = {
      id: 'broken',
      detect: () => {
        throw new Error('boom');
      },
      normalize: () => [],
    };
    expect(
      detectAdapter(fixture('glue-failed.json'), {}, [
        broken,
        ...builtInAdapters,
      ])?.id,
    ).toBe('glue');
  });
});

describe('normalizeEvents', () => {
  it('normalizes one payload into one item', () => {
    const { items } = normalizeEvents(fixture('glue-failed.json'));
    expect(items).toEqual([
      {
        index: 0,
        format: 'glue',
        events: [expect.objectContaining({ source: 'glue' })],
      },
    ]);
  });

  it('handles a batch mixing good and bad elements, each on its own', () => {
    const badAirflow = {
      ...fixture('airflow-up-for-retry.json'),
      try_number: 'one',
    };
    const { items } = normalizeEvents(
      {
        events: [
          fixture('openlineage-spark-fail.json'),
          { hello: 'world' },
          badAirflow,
          fixture('dbt-run-results.json'),
          'ERROR plain text without a job',
          fixture('generic-event.json'),
          null,
        ],
      },
      { defaultEnvironment: 'staging' },
    );
    expect(
      items.map(i => [
        i.index,
        i.format,
        i.events.length,
        i.problems?.[0]?.field,
      ]),
    ).toEqual([
      [0, 'openlineage', 1, undefined],
      [1, undefined, 0, '(root)'],
      [2, 'airflow', 0, 'try_number'],
      [3, 'dbt', 6, undefined],
      [4, 'text', 0, 'job'],
      [5, 'generic', 1, undefined],
      [6, undefined, 0, '(root)'],
    ]);
    expect(items[1].problems).toEqual([NO_FORMAT_PROBLEM]);
    expect(NO_FORMAT_PROBLEM.reason).toMatch(
      /^matches no known format: expected an OpenLineage RunEvent/,
    );
  });

  it('tells events that are no run outcome (OpenLineage START) from broken ones', () => {
    const start = {
      ...fixture('openlineage-spark-fail.json'),
      eventType: 'START',
    };
    const running = {
      ...fixture('glue-failed.json'),
      detail: { ...fixture('glue-failed.json').detail, state: 'RUNNING' },
    };
    const broken = {
      ...fixture('openlineage-spark-fail.json'),
      eventTime: 'soon',
    };
    const { items } = normalizeEvents({ events: [start, running, broken] });
    expect(items.map(i => isNotRunOutcome(i.problems))).toEqual([
      true,
      true,
      false,
    ]);
    expect(isNotRunOutcome(undefined)).toBe(false);
  });

  it('accepts a bare JSON array as a batch too', () => {
    const { items } = normalizeEvents([
      fixture('glue-failed.json'),
      fixture('dagster-failure.json'),
    ]);
    expect(items.map(i => i.format)).toEqual(['glue', 'dagster']);
  });

  it(`refuses batches over ${MAX_BATCH_EVENTS} events`, () => {
    const { items } = normalizeEvents({
      events: Array(MAX_BATCH_EVENTS + 1).fill(fixture('glue-failed.json')),
    });
    expect(items).toEqual([
      {
        index: 0,
        events: [],
        problems: [
          {
            field: 'events',
            reason: 'a batch holds at most 500 events; this one has 501',
          },
        ],
      },
    ]);
  });

  it('passes the query to plain-text logs', () => {
    const { items } = normalizeEvents(fixture('spark-driver.log'), {
      contentType: 'text/plain',
      query: { job: 'enrich_orders', namespace: 'spark' },
      defaultEnvironment: 'staging',
    });
    expect(items[0].events[0]).toMatchObject({
      source: 'text',
      environment: 'staging',
      job: { namespace: 'spark', name: 'enrich_orders' },
    });
  });

  it('redacts secrets and trims long logs before events leave ingest', () => {
    const payload = fixture('airflow-up-for-retry.json');
    const key = 'AKIAQ3EGUJ5TXL7VH2ND';
    payload.exception = `403 Forbidden for postgresql://etl:S3cret@db.acme.internal/analytics (key ${key})`;
    payload.log_tail = `${'INFO heartbeat ok\n'.repeat(
      20000,
    )}ERROR Task failed with exception\nAuthorization: Bearer abcdefghijklmnop`;
    const { items } = normalizeEvents(payload);
    const [event] = items[0].events;
    expect(items[0].logTrimmed).toBe(true);
    expect(JSON.stringify(event)).not.toContain('S3cret');
    expect(JSON.stringify(event)).not.toContain(key);
    expect(event.logExcerpt).toContain('ERROR Task failed with exception');
    expect(event.logExcerpt).toContain(
      'Authorization: [REDACTED:authorization]',
    );
    expect(Buffer.byteLength(event.logExcerpt!)).toBeLessThanOrEqual(64 * 1024);
  });

  it('reports an adapter that crashes, and checks what custom adapters return', () => {
    const crashing: IngestAdapter = {
      id: 'crashing',
      detect: () => true,
      normalize: () => {
        throw new TypeError(
          "Cannot read properties of undefined (reading 'x')",
        );
      },
    };
    expect(normalizeEvents({}, {}, [crashing]).items[0].problems).toEqual([
      {
        field: '(root)',
        reason:
          "the crashing adapter failed: Cannot read properties of undefined (reading 'x')",
      },
    ]);
    const sloppy: IngestAdapter = {
      id: 'sloppy',
      detect: () => true,
      normalize: () => [{ job: { name: '' } } as unknown as FailureEvent],
    };
    const problems = normalizeEvents({}, {}, [sloppy]).items[0].problems!;
    expect(problems.map(p => p.field).sort()).toEqual([
      'eventTime',
      'job.name',
    ]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), payload => {
        const { items } = normalizeEvents(payload);
        for (const item of items)
          expect(
            item.events.length > 0 ||
              item.problems !== undefined ||
              item.format,
          ).toBeTruthy();
      }),
      { numRuns: 500 },
    );
    const shapes = [
      { eventType: 'FAIL', run: { facets: 'x' }, job: { facets: [] } },
      { source: 'aws.glue', detail: [] },
      { source: 'dagster', step_failures: [{ error: { cause: 'x' } }] },
      { run_results: { results: [null, 1, { status: 'error' }] } },
      {
        metadata: {
          dbt_schema_version: 'https://schemas.getdbt.com/dbt/sources/v3.json',
        },
        results: 'x',
      },
      { job: null, eventTime: 5 },
    ];
    for (const shape of shapes)
      expect(normalizeEvents(shape).items[0].problems?.length).toBeGreaterThan(
        0,
      );
  });
});

describe('eventKey', () => {
  const all = (): FailureEvent[] =>
    [
      'openlineage-spark-fail.json',
      'openlineage-airflow-task-fail.json',
      'openlineage-dbt-test-fail.json',
      'glue-failed.json',
      'glue-timeout.json',
      'airflow-up-for-retry.json',
      'dagster-failure.json',
      'dbt-run-results.json',
      'dbt-sources.json',
      'generic-event.json',
    ].flatMap(name => normalizeEvents(fixture(name)).items[0].events);

  it('is stable across normalizations and retransmissions', () => {
    expect(all().map(eventKey)).toEqual(all().map(eventKey));
    const [first] = normalizeEvents(fixture('glue-failed.json')).items[0]
      .events;
    const resent = {
      ...first,
      eventTime: '2026-11-20T04:35:00Z',
      logExcerpt: 'more text',
    };
    expect(eventKey(resent)).toBe(eventKey(first));
  });

  it('differs between events, attempts, outcomes and dbt nodes', () => {
    const keys = all().map(eventKey);
    expect(new Set(keys).size).toBe(keys.length);
    const [event] = normalizeEvents(fixture('airflow-up-for-retry.json'))
      .items[0].events;
    expect(eventKey({ ...event, attempt: 2 })).not.toBe(eventKey(event));
    expect(eventKey({ ...event, outcome: 'success' })).not.toBe(
      eventKey(event),
    );
    expect(
      eventKey({ ...event, job: { ...event.job, name: 'orders_daily.other' } }),
    ).not.toBe(eventKey(event));
  });

  it('uses the event time as an instant when there is no run id', () => {
    const [event] = normalizeEvents(fixture('generic-event.json')).items[0]
      .events;
    const { runId, ...noRun } = event;
    expect(eventKey({ ...noRun, eventTime: '2026-11-20T05:00:13Z' })).toBe(
      eventKey({ ...noRun, eventTime: '2026-11-20T05:00:13.000+00:00' }),
    );
    expect(eventKey({ ...noRun, eventTime: '2026-11-20T05:00:14Z' })).not.toBe(
      eventKey(noRun),
    );
    expect(eventKey(event)).toMatch(/^generic:[0-9a-f]{40}$/);
  });
});

import { randomUUID } from 'node:crypto';
import { normalizeEvents } from './index';

/** The one event a payload normalises to (its problems fail the test). */
function one(payload: unknown) {
  const { items } = normalizeEvents(payload);
  expect(items[0].problems ?? []).toEqual([]);
  return items[0].events;
}

describe('the versions each format carries', () => {
  it('reads OpenLineage sourceCodeLocation and processing_engine', () => {
    const [event] = one({
      eventType: 'FAIL',
      eventTime: '2026-12-07T09:00:00Z',
      producer:
        'https://github.com/OpenLineage/OpenLineage/tree/1.23.0/integration/spark',
      schemaURL:
        'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: {
        runId: randomUUID(),
        facets: { processing_engine: { name: 'spark', version: '3.5.1' } },
      },
      job: {
        namespace: 'spark-prod',
        name: 'ltv',
        facets: {
          sourceCodeLocation: {
            type: 'git',
            url: 'https://git.example.com/ltv/features.py',
            version: '9be77d0',
          },
        },
      },
    });
    expect(event.versions).toEqual({
      code: '9be77d0',
      codeLocation: 'https://git.example.com/ltv/features.py',
      engine: 'spark 3.5.1',
    });
  });

  it('fingerprints inline code and warns about a malformed facet without refusing the run', () => {
    const base = {
      eventType: 'FAIL',
      eventTime: '2026-12-07T09:00:00Z',
      run: { runId: randomUUID() },
    };
    const withSql = (query: string) =>
      one({
        ...base,
        job: { namespace: 'n', name: 'j', facets: { sql: { query } } },
      })[0].versions?.code;
    expect(withSql('select 1')).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(withSql('select 1')).toBe(withSql('select 1'));
    expect(withSql('select 2')).not.toBe(withSql('select 1'));
    const [bad] = one({
      ...base,
      job: {
        namespace: 'n',
        name: 'j',
        facets: { sourceCodeLocation: { version: 42 } },
      },
    });
    expect(bad.versions).toBeUndefined();
    expect(bad.warnings?.join(' ')).toMatch(
      /job\.facets\.sourceCodeLocation\.version/,
    );
  });

  it('reads the Glue runtime and capacity', () => {
    const [event] = one({
      source: 'aws.glue',
      'detail-type': 'Glue Job State Change',
      time: '2026-12-07T09:00:00Z',
      region: 'eu-west-1',
      detail: {
        jobName: 'orders',
        state: 'FAILED',
        jobRunId: 'jr_1',
        message: 'boom',
      },
      jobRun: { GlueVersion: '4.0', WorkerType: 'G.1X', NumberOfWorkers: 10 },
    });
    expect(event.versions).toEqual({ engine: 'glue 4.0', config: 'G.1X x 10' });
  });
});

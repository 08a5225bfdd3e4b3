import { freshnessClauseOf, missedRuns, type WatchedTable } from './missedRuns';

const DAY = 86_400;
const sla = (property: string, seconds: number) => ({
  property,
  value: seconds / 3600,
  unit: 'h',
  seconds,
  path: `slaProperties[${property}]`,
});

const table = (
  tableRef: string,
  seconds: number,
  producer = 'component:default/ingest',
): WatchedTable => ({
  tableRef,
  tableName: tableRef.split('/').pop()!,
  contract: { name: 'orders', entityRef: 'api:default/orders' },
  sla: sla('frequency', seconds),
  producers: [{ entityRef: producer, name: 'ingest', jobKeys: ['ns/ingest'] }],
});

const now = new Date('2026-12-07T12:00:00Z');

describe('missedRuns', () => {
  it('finds a producer whose last run is older than the SLA plus the grace', () => {
    const [miss, ...more] = missedRuns(
      [table('resource:default/raw', DAY)],
      [{ jobKey: 'ns/ingest', at: '2026-12-06T10:00:00.000Z' }],
      now,
      1800,
    );
    expect(more).toEqual([]);
    expect(miss).toMatchObject({
      jobKey: 'ns/ingest',
      jobEntityRef: 'component:default/ingest',
      lastRunAt: '2026-12-06T10:00:00.000Z',
      dueAt: '2026-12-07T10:00:00.000Z',
      tableRefs: ['resource:default/raw'],
    });
  });

  it('leaves a producer within the SLA, within the grace, or never seen running', () => {
    const tables = [table('resource:default/raw', DAY)];
    expect(
      missedRuns(
        tables,
        [{ jobKey: 'ns/ingest', at: '2026-12-06T13:00:00.000Z' }],
        now,
        0,
      ),
    ).toEqual([]);
    expect(
      missedRuns(
        tables,
        [{ jobKey: 'ns/ingest', at: '2026-12-06T11:45:00.000Z' }],
        now,
        1800,
      ),
    ).toEqual([]);
    expect(missedRuns(tables, [], now, 0)).toEqual([]);
  });

  it('finds a producer by its entity when no annotation names its job, using its latest run', () => {
    const t = table('resource:default/raw', DAY);
    t.producers[0].jobKeys = [];
    const [miss] = missedRuns(
      [t],
      [
        {
          jobKey: 'other/ingest',
          jobEntityRef: 'component:default/ingest',
          at: '2026-12-05T00:00:00.000Z',
        },
        {
          jobKey: 'other/ingest-v2',
          jobEntityRef: 'Component:default/ingest',
          at: '2026-12-06T00:00:00.000Z',
        },
      ],
      now,
      0,
    );
    expect(miss.jobKey).toBe('other/ingest-v2');
    expect(miss.dueAt).toBe('2026-12-07T00:00:00.000Z');
  });

  it('gives a job writing several watched tables one miss, due by its strictest SLA', () => {
    const missed = missedRuns(
      [
        table('resource:default/weekly', 7 * DAY),
        table('resource:default/daily', DAY),
      ],
      [{ jobKey: 'ns/ingest', at: '2026-11-20T00:00:00.000Z' }],
      now,
      0,
    );
    expect(missed).toHaveLength(1);
    expect(missed[0].dueAt).toBe('2026-11-21T00:00:00.000Z');
    expect(missed[0].tableRefs.sort()).toEqual([
      'resource:default/daily',
      'resource:default/weekly',
    ]);
  });
});

describe('freshnessClauseOf', () => {
  it('prefers freshness, then frequency, never latency', () => {
    expect(
      freshnessClauseOf({
        latency: sla('latency', 3600),
        frequency: sla('frequency', DAY),
        freshness: sla('freshness', 2 * DAY),
        clauses: [],
      })?.property,
    ).toBe('freshness');
    expect(
      freshnessClauseOf({
        latency: sla('latency', 3600),
        frequency: sla('frequency', DAY),
        clauses: [],
      })?.property,
    ).toBe('frequency');
    expect(
      freshnessClauseOf({ latency: sla('latency', 3600), clauses: [] }),
    ).toBe(undefined);
  });
});

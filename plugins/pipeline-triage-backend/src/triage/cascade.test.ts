import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { LinkResult } from '../linking';
import type { UpstreamIncident } from '../store';
import { causeOf } from './cascade';

const RAW = 'resource:default/raw-orders';
const event = {
  source: 'generic',
  outcome: 'fail',
  job: { namespace: 'airflow-prod', name: 'load' },
  eventTime: '2026-12-07T04:00:00.000Z',
} as FailureEvent;
const links = {
  linked: true,
  job: { entityRef: 'component:default/load' },
  inputs: [{ name: 'raw', table: { entityRef: RAW } }],
  outputs: [],
  downstream: [],
  unknownDatasets: [],
} as unknown as LinkResult;
const upstream = (over: Partial<UpstreamIncident>): UpstreamIncident => ({
  incidentId: 'up-1',
  jobKey: 'glue-prod/ingest',
  jobEntityRef: 'component:default/ingest',
  jobName: 'ingest',
  tableRef: RAW,
  partialWrite: 'true',
  category: 'resource_exhaustion',
  firstSeen: '2026-11-20T02:00:00.000Z',
  lastSeen: '2026-12-07T02:00:00.000Z',
  ...over,
});

describe('causeOf', () => {
  it("names the upstream's latest failure before this run, not its first", () => {
    const cause = causeOf(event, links, 'data_quality', [upstream({})], 24);
    expect(cause?.reason).toBe(
      `ingest failed at 2026-12-07T02:00:00.000Z and left ${RAW} partial: the failed run wrote part of it; this run reads it`,
    );
  });

  it('falls back to the first failure when the latest came after this run', () => {
    const cause = causeOf(
      event,
      links,
      'data_quality',
      [
        upstream({
          firstSeen: '2026-12-07T01:00:00.000Z',
          lastSeen: '2026-12-07T09:00:00.000Z',
        }),
      ],
      24,
    );
    expect(cause?.reason).toContain('failed at 2026-12-07T01:00:00.000Z');
  });

  it("is no cascade for a failure that is the reader's own, or an upstream outside the window", () => {
    expect(
      causeOf(event, links, 'permission', [upstream({})], 24),
    ).toBeUndefined();
    expect(
      causeOf(
        event,
        links,
        'data_quality',
        [upstream({ lastSeen: '2026-12-05T00:00:00.000Z' })],
        24,
      ),
    ).toBeUndefined();
  });
});

/* eslint-disable @backstage/no-undeclared-imports, no-restricted-imports -- a dev-only script (npm run bench), never imported by the plugin: it drives a test backend */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { JsonObject } from '@backstage/types';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';
import { httpCall } from './httpCall';
import { emit, msSince } from './report';

const SENDER = mockCredentials.service.header();
const PRODUCER =
  'https://github.com/OpenLineage/OpenLineage/tree/1.23.0/integration/spark';

export interface OlStreamBenchOptions {
  db: 'sqlite' | 'postgres';
  database: JsonObject;
  /** Runs in the stream; each is a START, 2 to 6 RUNNING and a COMPLETE (or a FAIL). */
  runs: number;
  jobs: number;
  /** Share of runs that fail. */
  failShare: number;
  /** Requests in flight at once, as many clients post. */
  concurrency: number;
}

/** The events one Spark run sends, in order, as the OpenLineage Spark integration does. */
function runEvents(job: string, at: number, fails: boolean): object[] {
  const runId = randomUUID();
  const running = 2 + Math.floor(Math.random() * 5);
  const event = (eventType: string, offsetS: number, facets = {}) => ({
    eventType,
    eventTime: new Date(at + offsetS * 1000).toISOString(),
    producer: PRODUCER,
    schemaURL:
      'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId, facets },
    job: { namespace: 'spark-stream', name: job, facets: {} },
    inputs: [{ namespace: 's3://lake', name: `raw/${job}`, facets: {} }],
    outputs: [{ namespace: 's3://lake', name: `curated/${job}`, facets: {} }],
  });
  return [
    event('START', 0),
    ...Array.from({ length: running }, (_, i) => event('RUNNING', 10 + i * 10)),
    fails
      ? event('FAIL', 120, {
          errorMessage: {
            _producer: PRODUCER,
            _schemaURL:
              'https://openlineage.io/spec/facets/1-0-0/ErrorMessageRunFacet.json',
            message:
              'org.apache.spark.SparkException: Job aborted due to stage failure: java.lang.OutOfMemoryError: Java heap space',
            programmingLanguage: 'java',
          },
        })
      : event('COMPLETE', 120),
  ];
}

/**
 * A realistic OpenLineage stream into a real backend, one event per request as the clients'
 * HTTP transport posts: per run START, several RUNNING, COMPLETE, and a few percent FAIL.
 * Reports the stream's throughput and what it cost in stored event rows (`npm run bench`
 * reports the raw insert rate of the same database in the same run).
 */
export async function olStreamBench(o: OlStreamBenchOptions): Promise<void> {
  const backend = await startTriageBackend(
    o.db === 'sqlite' ? 'SQLITE_3' : 'POSTGRES_15',
    { linking: { cacheTtlSeconds: 60 } },
    { database: o.database },
  );
  const url = `http://127.0.0.1:${
    (backend.server.address() as AddressInfo).port
  }/api/pipeline-triage/api/v1/lineage`;
  const post = (body: string) => httpCall('POST', url, SENDER, body);

  // Runs interleave as they would on a platform: each job's runs in order, jobs side by side.
  const start = Date.now() - o.runs * 60_000;
  const queues = Array.from({ length: o.jobs }, () => [] as object[][]);
  for (let r = 0; r < o.runs; r++)
    queues[r % o.jobs].push(
      runEvents(
        `job_${r % o.jobs}`,
        start + r * 60_000,
        Math.random() < o.failShare,
      ),
    );
  const tally: Record<string, number> = {};
  let events = 0;
  try {
    await post(JSON.stringify(runEvents('warm_up', Date.now(), false)[0]));
    process.stderr.write(
      `olstream ${o.db}: ${o.runs} runs of ${o.jobs} jobs, ${o.concurrency} clients\n`,
    );
    const started = process.hrtime.bigint();
    // Each client owns some jobs and posts their runs' events in order, one request each.
    const client = async (c: number) => {
      for (let j = c; j < o.jobs; j += o.concurrency)
        for (const run of queues[j])
          for (const event of run) {
            const res = await post(JSON.stringify(event));
            if (res.status !== 200 && res.status !== 202)
              throw new Error(`POST: ${res.status} ${res.text.slice(0, 300)}`);
            const status = JSON.parse(res.text).results[0].status as string;
            tally[status] = (tally[status] ?? 0) + 1;
            events++;
          }
    };
    await Promise.all(
      Array.from({ length: o.concurrency }, (_, c) => client(c)),
    );
    const seconds = msSince(started) / 1000;
    emit('olstream', o.db, 'events_posted', events, 'events');
    emit('olstream', o.db, 'throughput', events / seconds, 'events/s');
    emit('olstream', o.db, 'runs_per_s', o.runs / seconds, 'runs/s');
    for (const status of ['accepted', 'counted', 'ignored', 'duplicate'])
      emit(
        'olstream',
        o.db,
        `answered_${status}`,
        tally[status] ?? 0,
        'events',
      );
    // The row cost: only accepted events are stored; START/RUNNING are ignored, healthy COMPLETEs counted.
    emit(
      'olstream',
      o.db,
      'stored_share',
      (100 * (tally.accepted ?? 0)) / Math.max(1, events),
      '%',
    );
  } finally {
    await backend.stop();
  }
}

/* eslint-disable @backstage/no-undeclared-imports, no-restricted-imports -- a dev-only script (npm run bench), never imported by the plugin: it drives a test backend */
import type { AddressInfo } from 'node:net';
import type { JsonObject } from '@backstage/types';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  EXAMPLES_DIR,
  startTriageBackend,
} from '../__testUtils__/startTriageBackend';
import { eventMix } from './eventMix';
import { httpCall } from './httpCall';
import { emit, msSince, quantile } from './report';

const SENDER = mockCredentials.service.header();
const USER = mockCredentials.user.header('user:default/guest');

export interface IngestBenchOptions {
  db: 'sqlite' | 'postgres';
  database: JsonObject;
  events: number;
  batchSize: number;
  /** Batches in flight at once, as several senders would post. */
  concurrency: number;
  latencySamples: number;
}

/**
 * Posts the event mix through `POST /v1/events` of a real backend (catalog, notifications,
 * signals, pipeline-triage) and measures accept and drain rates, queue lag and memory; then
 * one event at a time for the latency from post to incident stored and routed.
 */
export async function ingestBench(o: IngestBenchOptions): Promise<void> {
  const backend = await startTriageBackend(
    o.db === 'sqlite' ? 'SQLITE_3' : 'POSTGRES_15',
    {
      linking: { cacheTtlSeconds: 60 },
      processing: { sweepIntervalSeconds: 2 },
    },
    { database: o.database },
  );
  const base = `http://127.0.0.1:${
    (backend.server.address() as AddressInfo).port
  }/api/pipeline-triage`;
  const mix = eventMix(EXAMPLES_DIR);
  const call = httpCall;
  const post = async (body: unknown) => {
    const res = await call(
      'POST',
      `${base}/v1/events`,
      SENDER,
      JSON.stringify(body),
    );
    if (res.status !== 200 && res.status !== 202)
      throw new Error(
        `POST /v1/events: ${res.status} ${res.text.slice(0, 500)}`,
      );
    return JSON.parse(res.text) as {
      results: Array<{
        status: string;
        processing?: string;
        incidentId?: string;
      }>;
    };
  };
  const queue = async () => {
    const res = await call('GET', `${base}/v1/stats`, USER);
    return (
      JSON.parse(res.text) as {
        queue: { pending: number; lagSeconds: number | null };
      }
    ).queue;
  };

  try {
    // Warm-up: the catalog snapshot, the engine, the database connections.
    await post(Array.from({ length: 20 }, (_, i) => mix.event(10_000_000 + i)));

    const lag: Array<{
      t: number;
      pending: number;
      lagSeconds: number;
      rss: number;
    }> = [];
    const rssStart = process.memoryUsage().rss;
    let rssPeak = rssStart;
    const started = process.hrtime.bigint();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const q = await queue();
        const rss = process.memoryUsage().rss;
        lag.push({
          t: msSince(started) / 1000,
          pending: q.pending,
          lagSeconds: q.lagSeconds ?? 0,
          rss,
        });
        rssPeak = Math.max(rssPeak, rss);
        await new Promise(r => setTimeout(r, 500));
      }
    })();

    process.stderr.write(
      `ingest ${o.db}: backend up, posting ${o.events} events\n`,
    );
    const batches = Math.ceil(o.events / o.batchSize);
    let next = 0;
    let accepted = 0;
    let pendingAfterResponse = 0;
    const sender = async () => {
      while (next < batches) {
        const b = next++;
        const body = Array.from(
          { length: Math.min(o.batchSize, o.events - b * o.batchSize) },
          (_, i) => mix.event(b * o.batchSize + i),
        );
        const tb = process.hrtime.bigint();
        const { results } = await post(body);
        if (process.env.BENCH_DEBUG)
          process.stderr.write(`batch ${b}: ${Math.round(msSince(tb))} ms\n`);
        for (const r of results) {
          // A healthy success is counted in its job's history instead of stored: answered all the same.
          if (r.status === 'accepted' || r.status === 'counted') accepted++;
          if (r.status === 'accepted' && r.processing === 'pending')
            pendingAfterResponse++;
        }
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, sender));
    const acceptMs = msSince(started);
    // Drained when nothing is pending any more: every failure is an occurrence, every success done.
    // The test backend's scheduler does not run the sweeper by itself: whatever a request left
    // pending stays so, and is reported after a minute instead of waiting for ever.
    let leftPending = 0;
    for (;;) {
      const q = await queue();
      if (q.pending === 0) break;
      if (msSince(started) - acceptMs > 60_000) {
        leftPending = q.pending;
        break;
      }
      process.stderr.write(
        `draining: ${q.pending} pending, lag ${q.lagSeconds}s\n`,
      );
      await new Promise(r => setTimeout(r, 200));
    }
    const drainMs = msSince(started);
    sampling = false;
    await sampler;

    emit('ingest', o.db, 'events_posted', accepted, 'events');
    emit(
      'ingest',
      o.db,
      'accept_rate',
      accepted / (acceptMs / 1000),
      'events/s',
    );
    emit('ingest', o.db, 'drain_rate', accepted / (drainMs / 1000), 'events/s');
    emit(
      'ingest',
      o.db,
      'left_pending_by_request',
      pendingAfterResponse,
      'events',
    );
    emit('ingest', o.db, 'still_pending_at_end', leftPending, 'events');
    emit(
      'ingest',
      o.db,
      'queue_lag_max',
      Math.max(0, ...lag.map(l => l.lagSeconds)),
      's',
    );
    emit(
      'ingest',
      o.db,
      'queue_pending_max',
      Math.max(0, ...lag.map(l => l.pending)),
      'events',
    );
    // Lag and memory over time, a few points: bounded means these do not climb through the run.
    const step = Math.max(1, Math.floor(lag.length / 6));
    for (let i = 0; i < lag.length; i += step) {
      emit(
        'ingest',
        o.db,
        `queue_lag_at_${Math.round(lag[i].t)}s`,
        lag[i].lagSeconds,
        's',
      );
      emit(
        'ingest',
        o.db,
        `rss_at_${Math.round(lag[i].t)}s`,
        lag[i].rss / 1048576,
        'MB',
      );
    }
    emit('ingest', o.db, 'rss_start', rssStart / 1048576, 'MB');
    emit('ingest', o.db, 'rss_peak', rssPeak / 1048576, 'MB');

    // Single events, one after the other: response = stored, triaged, routed, notified.
    const times: number[] = [];
    for (let i = 0; i < o.latencySamples; i++) {
      const event = mix.event(20_000_000 + i);
      const t = process.hrtime.bigint();
      const { results } = await post(event);
      times.push(msSince(t));
      if (results[0]?.status !== 'accepted')
        throw new Error(
          `latency event not accepted: ${JSON.stringify(results[0])}`,
        );
    }
    emit('ingest_latency', o.db, 'p50', quantile(times, 0.5), 'ms');
    emit('ingest_latency', o.db, 'p99', quantile(times, 0.99), 'ms');
  } finally {
    await backend.stop();
  }
}

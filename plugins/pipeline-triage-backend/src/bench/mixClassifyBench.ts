/* eslint-disable @backstage/no-undeclared-imports, no-restricted-imports -- a dev-only script (npm run bench), never imported by the plugin */
import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { EXAMPLES_DIR } from '../__testUtils__/startTriageBackend';
import { createTriageEngine } from '../engine';
import { normalizeEvents } from '../ingest';
import { eventMix } from './eventMix';
import { emit, msSince } from './report';

/**
 * The engine alone over the ingest bench's own failures, on one thread: the CPU time a failure
 * of that mix costs to classify, whatever else ingest does. It bounds what a core can drain.
 */
export function mixClassifyBench(events: number): void {
  const mix = eventMix(EXAMPLES_DIR);
  const failures: FailureEvent[] = [];
  for (let i = 0; failures.length < events; i++) {
    for (const item of normalizeEvents(mix.event(i)).items) {
      failures.push(
        ...(item.events ?? []).filter(e => e.outcome !== 'success'),
      );
    }
  }
  const engine = createTriageEngine();
  for (const e of failures.slice(0, 200)) engine.triage(e, {});
  const started = process.hrtime.bigint();
  for (const e of failures) engine.triage(e, {});
  const ms = msSince(started);
  emit('classify_mix', 'none', 'mean_per_failure', ms / failures.length, 'ms');
  emit(
    'classify_mix',
    'none',
    'failures_per_core_second',
    failures.length / (ms / 1000),
    'events/s',
  );
}

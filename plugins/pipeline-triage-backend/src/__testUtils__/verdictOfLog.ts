import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { createTriageEngine } from '../engine';
import type { TriageContext, TriageEngine } from '../engine';

const defaultEngine = createTriageEngine();

/**
 * The verdict for a log alone, posted as a generic sender would: first of three attempts, the
 * job declared idempotent (so only the cause and the write evidence decide the retry verdict)
 * unless `context` says otherwise.
 */
export function verdictOfLog(
  logExcerpt: string,
  opts: {
    signals?: FailureEvent['signals'];
    engine?: TriageEngine;
    jobType?: string;
    context?: TriageContext;
  } = {},
) {
  return (opts.engine ?? defaultEngine).triage(
    {
      source: 'generic',
      outcome: 'fail',
      job: { namespace: 'x', name: 'j', type: opts.jobType ?? 'batch' },
      runId: 'r',
      eventTime: '2026-01-01T00:00:00Z',
      logExcerpt,
      signals: { attempt: 1, maxAttempts: 3, ...opts.signals },
    } as FailureEvent,
    opts.context ?? { idempotent: true },
  ).verdict;
}

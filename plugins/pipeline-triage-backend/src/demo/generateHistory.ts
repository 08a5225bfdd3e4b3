import type { FailureEventInput } from '@pipeline-triage/plugin-pipeline-triage-common';
import { HISTORY_TEMPLATES } from './historyTemplates';

export interface HistoryJob {
  namespace: string;
  name: string;
}

/** Small seeded PRNG: the same seed gives the same history, so demos and tests are stable. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Plausible failure history: each job fails a few times a week with a job-specific mix of
 * causes, and succeeds in between, over the last `weeks` weeks up to `now`.
 */
export function generateHistory(
  jobs: HistoryJob[],
  options: { weeks: number; now: Date; seed?: number },
): FailureEventInput[] {
  const random = mulberry32(options.seed ?? 7);
  const totalWeight = HISTORY_TEMPLATES.reduce((n, t) => n + t.weight, 0);
  const pick = () => {
    let r = random() * totalWeight;
    for (const t of HISTORY_TEMPLATES) {
      r -= t.weight;
      if (r <= 0) return t;
    }
    return HISTORY_TEMPLATES[0];
  };
  const events: FailureEventInput[] = [];
  const end = options.now.getTime() - 6 * 3600_000;
  const start = end - options.weeks * 7 * 24 * 3600_000;
  for (const [j, job] of jobs.entries()) {
    // Each job has its own two or three usual suspects.
    const usual = [pick(), pick(), pick()];
    const failures = 6 + Math.floor(random() * 14);
    for (let i = 0; i < failures; i++) {
      const at = new Date(start + random() * (end - start));
      const template =
        random() < 0.8 ? usual[Math.floor(random() * usual.length)] : pick();
      const runId = `hist-${j}-${i}`;
      events.push({
        source: 'generic',
        outcome: 'fail',
        environment: random() < 0.9 ? 'prod' : 'staging',
        job: { namespace: job.namespace, name: job.name },
        runId,
        attempt: 1,
        maxAttempts: 3,
        eventTime: at.toISOString(),
        errorMessage: template.message,
        logExcerpt: template.log,
        signals: template.signals,
      });
      // Most failures are followed by a successful run a few hours later.
      if (random() < 0.85) {
        events.push({
          source: 'generic',
          outcome: 'success',
          job: { namespace: job.namespace, name: job.name },
          runId: `${runId}-ok`,
          eventTime: new Date(
            Math.min(at.getTime() + (1 + random() * 8) * 3600_000, end),
          ).toISOString(),
        });
      }
    }
  }
  return events.sort((a, b) => a.eventTime.localeCompare(b.eventTime));
}

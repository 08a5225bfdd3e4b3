import fs from 'node:fs';
import path from 'node:path';

/**
 * A fixed, realistic mix of events as senders post them: every built-in format, a quarter of
 * them from pipelines the example catalog knows, log sizes around a 4 KB median with one event
 * in a hundred at 64 KB. Seeded, so every run posts the same events.
 */
const TEMPLATES: Array<{ file: string; weight: number }> = [
  { file: 'openlineage-fail-spark-oom.json', weight: 14 },
  { file: 'openlineage-fail-dbt-test.json', weight: 8 },
  { file: 'openlineage-fail-schema-drift.json', weight: 6 },
  { file: 'airflow-callback-fail-oom-killed.json', weight: 12 },
  { file: 'airflow-callback-fail-permission.json', weight: 10 },
  { file: 'generic-fail-ltv-skew.json', weight: 10 },
  { file: 'generic-fail-minimal.json', weight: 6 },
  { file: 'glue-enriched-failed.json', weight: 8 },
  { file: 'glue-state-change-timeout.json', weight: 6 },
  { file: 'dagster-run-failure-churn-features.json', weight: 8 },
  { file: 'openlineage-success-customer-ltv.json', weight: 6 },
  { file: 'airflow-callback-success-orders-daily.json', weight: 6 },
];

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Median 4 KB (log-normal spread), one in a hundred 64 KB. */
export function logSize(random: () => number): number {
  if (random() < 0.01) return 64 * 1024;
  const gaussian =
    Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.round(
    Math.min(32 * 1024, Math.max(512, 4096 * Math.exp(0.6 * gaussian))),
  );
}

const FILLER = [
  (i: number) =>
    `[2026-11-19, 02:${String(i % 60).padStart(
      2,
      '0',
    )}:12 UTC] {taskinstance.py:2614} INFO - Processed batch ${i} of the partition (${
      i * 1000
    } rows)`,
  (i: number) =>
    `26/11/19 02:03:${String(i % 60).padStart(
      2,
      '0',
    )} INFO TaskSetManager: Finished task ${i}.0 in stage 3.0 (TID ${
      1000 + i
    }) in 1834 ms on 10.0.3.${i % 250} (executor ${i % 20})`,
  (i: number) =>
    `02:04:${String(i % 60).padStart(2, '0')}  ${
      i + 1
    } of 380 OK created sql table model analytics.model_${i} .... [SELECT 1200 in 0.9s]`,
];

/** A log of about `bytes` characters: progress lines, then the template's own tail. */
function logOf(bytes: number, tail: string, random: () => number): string {
  const filler = FILLER[Math.floor(random() * FILLER.length)];
  const lines: string[] = [];
  let size = tail.length;
  for (let i = 0; size < bytes; i++) {
    const line = filler(i);
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n${tail}`;
}

type Json = any;

function retarget(
  t: Json,
  n: number,
  job: number | undefined,
  logBytes: number,
  random: () => number,
): Json {
  const e = structuredClone(t);
  const suffix = job === undefined ? '' : `_b${job}`;
  const when = new Date(Date.UTC(2026, 10, 20) - n * 7_000).toISOString();
  if (e.eventType) {
    // OpenLineage
    e.run.runId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    e.job.name += suffix;
    e.eventTime = when;
    const facet = e.run.facets?.errorMessage;
    if (facet)
      facet.stackTrace = logOf(
        logBytes,
        facet.stackTrace ?? facet.message ?? '',
        random,
      );
  } else if (e.dag_id) {
    e.dag_id += suffix;
    e.run_id = `bench__${n}`;
    e.end_date = when;
    if (e.state === 'failed')
      e.log_tail = logOf(logBytes, e.log_tail ?? '', random);
  } else if (e['detail-type']) {
    e.detail.jobName += suffix;
    e.detail.jobRunId = `jr_bench_${n}`;
    e.time = when;
    if (e.logTail !== undefined)
      e.logTail = logOf(logBytes, e.logTail ?? '', random);
  } else if (e.job_name) {
    e.job_name += suffix;
    e.run_id = `bench-${n}`;
    e.end_time = when;
    if (e.step_failures?.[0]?.error?.stack)
      e.step_failures[0].error.stack.unshift(logOf(logBytes, '', random));
  } else {
    e.job.name += suffix;
    e.runId = `bench-${n}`;
    e.eventTime = when;
    e.logExcerpt = logOf(
      logBytes,
      e.logExcerpt ?? e.errorMessage ?? '',
      random,
    );
  }
  return e;
}

export interface EventMix {
  /** The n-th event of the mix (n unique: each gets its own run id, so its own event key). */
  event(n: number): Json;
}

export function eventMix(
  examplesDir: string,
  options: { seed?: number; jobs?: number } = {},
): EventMix {
  const templates = TEMPLATES.map(t => ({
    ...t,
    body: JSON.parse(
      fs.readFileSync(path.join(examplesDir, 'events', t.file), 'utf8'),
    ),
  }));
  const total = templates.reduce((s, t) => s + t.weight, 0);
  const jobs = options.jobs ?? 200;
  const seed = options.seed ?? 42;
  return {
    event(n: number) {
      const random = seededRandom(seed + n * 7919);
      let pick = random() * total;
      const template =
        templates.find(t => (pick -= t.weight) < 0) ?? templates[0];
      // A quarter from the catalog's own pipelines (linked); the rest from many unknown jobs.
      const job = random() < 0.25 ? undefined : Math.floor(random() * jobs);
      return retarget(template.body, n, job, logSize(random), random);
    },
  };
}

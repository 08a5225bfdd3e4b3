/*
 * Benchmark of the triage engine (not a test). Run from plugins/pipeline-triage-backend:
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs src/engine/classify.bench.ts [--mb 100] [--iterations 3000]
 *
 * Prints one JSON line per figure, then a readable table:
 *  - median and p99 time to triage one typical event (a few KB), engine already built (wall
 *    time; the load average is printed because a busy machine stretches the tail);
 *  - streaming extractor throughput over a generated log, in MB per wall-clock second and per
 *    CPU-second of this process (steadier on a shared machine), and peak RSS while reading it.
 */
import {
  failureEventSchema,
  FailureEvent,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { loadavg } from 'node:os';
import { extractEvidenceFromStream } from '../evidence';
import { createTriageEngine } from './createTriageEngine';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const INFO = (i: number) =>
  `24/05/13 19:02:${String(i % 60).padStart(
    2,
    '0',
  )} INFO TaskSetManager: Finished task ${i}.0 in stage 3.0 (TID ${
    1000 + i
  }) in 1834 ms on 10.0.3.${i % 250} (executor ${i % 20}) (${i}/400)`;

/** Typical events of a few KB, as the main platforms send them. */
function typicalEvents(): FailureEvent[] {
  const spark = [
    ...Array.from({ length: 25 }, (_, i) => INFO(i)),
    '24/05/13 19:03:10 WARN TaskSetManager: Lost task 12.0 in stage 3.0 (TID 1012) (10.0.3.7 executor 4): java.lang.OutOfMemoryError: Java heap space',
    '\tat java.util.Arrays.copyOf(Arrays.java:3236)',
    '\tat org.apache.spark.sql.execution.UnsafeRowSerializerInstance.serializeStream(UnsafeRowSerializer.scala:50)',
    'org.apache.spark.SparkException: Job aborted due to stage failure: Task 12 in stage 3.0 failed 4 times, most recent failure: Lost task 12.3 in stage 3.0 (TID 1099) (10.0.3.9 executor 6): java.lang.OutOfMemoryError: Java heap space',
    ...Array.from(
      { length: 12 },
      (_, i) =>
        `\tat org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:${
          2300 + i
        })`,
    ),
  ].join('\n');
  const airflow = [
    ...Array.from(
      { length: 15 },
      (_, i) =>
        `[2024-02-20, 06:${String(i).padStart(
          2,
          '0',
        )}:03 UTC] {s3.py:117} INFO - Poking for key : s3://acme-partner-drop/feeds/2024-02-19/manifest.json`,
    ),
    '[2024-02-20, 07:00:06 UTC] {taskinstance.py:1937} ERROR - Task failed with exception',
    'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.11/site-packages/airflow/sensors/base.py", line 274, in execute',
    '    raise AirflowSensorTimeout(message)',
    'airflow.exceptions.AirflowSensorTimeout: Sensor has timed out; run duration of 3602.817354 seconds exceeds the specified timeout of 3600.0.',
    '[2024-02-20, 07:00:06 UTC] {taskinstance.py:1138} INFO - Marking task as FAILED. dag_id=partner_feed_ingest, task_id=wait_for_manifest',
  ].join('\n');
  const dbt = [
    ...Array.from(
      { length: 20 },
      (_, i) =>
        `14:02:${String(i).padStart(2, '0')}  ${
          i + 1
        } of 38 PASS not_null_orders_col_${i} ........ [PASS in 0.9s]`,
    ),
    '14:02:55  Completed with 1 error and 0 warnings:',
    '14:02:55  ',
    '14:02:55  Database Error in model fct_orders (models/marts/fct_orders.sql)',
    '14:02:55    002003 (42S02): SQL compilation error:',
    "14:02:55    Object 'RAW.SHOP.ORDERS' does not exist or not authorized.",
    '14:02:55    compiled SQL at target/run/shop/models/marts/fct_orders.sql',
    '14:02:55  Done. PASS=37 WARN=0 ERROR=1 SKIP=0 TOTAL=38',
  ].join('\n');
  const time = '2024-05-13T19:03:10Z';
  return [
    failureEventSchema.parse({
      job: { name: 'features_daily' },
      eventTime: time,
      logExcerpt: spark,
    }),
    failureEventSchema.parse({
      source: 'airflow',
      job: { name: 'feed', airflowDagId: 'feed' },
      eventTime: time,
      logExcerpt: airflow,
    }),
    failureEventSchema.parse({
      source: 'dbt',
      job: { name: 'nightly' },
      eventTime: time,
      logExcerpt: dbt,
    }),
  ];
}

/**
 * A large log, streamed as UTF-8 buffers like a file read stream. A pool of distinct chunks
 * is generated first and cycled, so the figure measures the extractor (decoding included),
 * not the string building of the generator; the pool is a few MB.
 */
function chunkPool(): Buffer[] {
  const pool: Buffer[] = [];
  let i = 0;
  for (let c = 0; c < 64; c += 1) {
    const lines: string[] = [];
    for (let k = 0; k < 500; k += 1, i += 1) {
      if (i % 5000 === 4999)
        lines.push(
          `24/05/13 19:03:10 WARN TaskSetManager: Lost task ${i}.0 in stage 9.0: java.io.IOException: Connection reset by peer`,
        );
      else if (i % 20000 === 19999)
        lines.push(
          '\tat org.apache.spark.network.client.TransportResponseHandler.channelInactive(TransportResponseHandler.java:117)',
        );
      else lines.push(INFO(i));
    }
    pool.push(Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
  }
  return pool;
}

async function* generatedLog(
  totalBytes: number,
  pool: Buffer[],
): AsyncGenerator<Buffer> {
  let produced = 0;
  for (let c = 0; produced < totalBytes; c += 1) {
    const chunk = pool[c % pool.length];
    produced += chunk.length;
    yield chunk;
  }
  yield Buffer.from(
    'org.apache.spark.SparkException: Job aborted due to stage failure: Lost task 7.3: java.lang.OutOfMemoryError: Java heap space\n',
  );
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * A team's pack as users write them (classify/README.md): literal patterns the keyword prefilter
 * narrows to a few lines, and two without a usable literal that run on every line in scope.
 */
const BENCH_USER_PACK = {
  name: 'bench-team',
  rules: [
    {
      id: 'team.vault-sealed',
      category: 'dependency_unavailable',
      weight: 0.9,
      patterns: [
        'Vault is sealed',
        { source: 'vault .{0,40} unavailable', flags: 'i' },
      ],
    },
    {
      id: 'team.ledger',
      category: 'code_error',
      weight: 0.8,
      patterns: ['LedgerClosedError: period \\d{4}-\\d{2}'],
    },
    {
      id: 'team.heap',
      category: 'resource_exhaustion',
      weight: 0.7,
      patterns: ['Java heap space'],
      unless: ['during maintenance'],
    },
    {
      id: 'team.ticket',
      category: 'config_error',
      weight: 0.5,
      patterns: ['[A-Z]{3,}-\\d{4,}'],
      where: 'any' as const,
    },
    {
      id: 'team.status',
      category: 'dependency_unavailable',
      weight: 0.6,
      patterns: ['\\b5\\d\\d\\b.{0,20}(?:gateway|unavailable)'],
      where: 'any' as const,
    },
  ],
};

async function main() {
  const iterations = arg('iterations', 3000);
  const megabytes = arg('mb', 100);
  const figures: Array<{ figure: string; value: number; unit: string }> = [];
  const emit = (figure: string, value: number, unit: string) => {
    const rounded = Math.round(value * 1000) / 1000;
    figures.push({ figure, value: rounded, unit });
    process.stdout.write(
      `${JSON.stringify({ figure, value: rounded, unit })}\n`,
    );
  };

  const buildStart = process.hrtime.bigint();
  const engine = createTriageEngine();
  emit(
    'engine_build_ms',
    Number(process.hrtime.bigint() - buildStart) / 1e6,
    'ms',
  );

  const events = typicalEvents();
  emit(
    'typical_event_bytes',
    events.reduce((n, e) => n + (e.logExcerpt?.length ?? 0), 0) / events.length,
    'bytes',
  );
  for (let i = 0; i < 200; i += 1) engine.triage(events[i % events.length]);
  // Wall time: on a machine busier than its cores, the tail includes waiting for a CPU.
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = process.hrtime.bigint();
    engine.triage(events[i % events.length]);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  emit('triage_median_ms', quantile(times, 0.5), 'ms');
  emit('triage_p99_ms', quantile(times, 0.99), 'ms');

  // The same events with a user rule pack loaded: its patterns run under the user engine.
  const withUserPack = createTriageEngine({ userRulePacks: [BENCH_USER_PACK] });
  for (let i = 0; i < 200; i += 1)
    withUserPack.triage(events[i % events.length]);
  const userTimes: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = process.hrtime.bigint();
    withUserPack.triage(events[i % events.length]);
    userTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  userTimes.sort((a, b) => a - b);
  emit('triage_user_pack_median_ms', quantile(userTimes, 0.5), 'ms');
  emit('triage_user_pack_p99_ms', quantile(userTimes, 0.99), 'ms');
  emit('load_average_1m', loadavg()[0], '');

  const pool = chunkPool();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const bytes = megabytes * 1024 * 1024;
  async function* sampled() {
    for await (const chunk of generatedLog(bytes, pool)) {
      const rss = process.memoryUsage.rss();
      if (rss > peakRss) peakRss = rss;
      yield chunk;
    }
  }
  const streamStart = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const evidence = await extractEvidenceFromStream(sampled());
  const seconds = Number(process.hrtime.bigint() - streamStart) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  emit('stream_log_mb', megabytes, 'MB');
  emit('stream_throughput_mb_s', megabytes / seconds, 'MB/s');
  // Per CPU-second of this process: steadier than wall time when other work shares the cores.
  emit(
    'stream_cpu_throughput_mb_s',
    megabytes / ((cpu.user + cpu.system) / 1e6),
    'MB/cpu-s',
  );
  emit('stream_peak_rss_mb', peakRss / 1024 / 1024, 'MB');
  emit('stream_rss_growth_mb', (peakRss - rssBefore) / 1024 / 1024, 'MB');
  emit('stream_lines_read', evidence.counts.lines, 'lines');
  emit('stream_lines_kept', evidence.lines.length, 'lines');
  const result = engine.triageEvidence(events[0], evidence);
  process.stdout.write(
    `\n${'figure'.padEnd(26)}${'value'.padStart(14)}  unit\n`,
  );
  for (const f of figures)
    process.stdout.write(
      `${f.figure.padEnd(26)}${String(f.value).padStart(14)}  ${f.unit}\n`,
    );
  process.stdout.write(
    `\nlarge log classified as ${result.verdict.classification.category} (${result.verdict.summary})\n`,
  );
}

main().catch(e => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 1;
});

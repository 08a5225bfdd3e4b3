/*
 * `npm run bench:linker` (a script, not a test): the linker against a catalog of
 * BENCH_USERS (20000) users and BENCH_PIPELINES (10000) pipelines, as many tables and 100 data
 * contracts. Half the pipelines carry a job annotation, half are linked by name only.
 * Reports the linker's heap (its snapshot) and the time to link one event, next to the old way
 * of reading (every user and every entity whole, in one unpaged read).
 * Run with --expose-gc (the npm script does) so heap figures are after a full collection.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { CatalogIndex, CatalogLinker } from '../linking';
import { inMemoryCatalog } from './inMemoryCatalog';
import { emit, msSince, printTable, quantile } from './report';

const num = (name: string, fallback: number) =>
  Number(process.env[name] ?? fallback);
const USERS = num('BENCH_USERS', 20_000);
const PIPELINES = num('BENCH_PIPELINES', 10_000);
const SAMPLES = num('BENCH_LINK_SAMPLES', 2_000);
// A dev-only script, run from source: __dirname is the source folder.
const CONTRACT = fs.readFileSync(
  path.resolve(
    // eslint-disable-next-line no-restricted-syntax
    __dirname,
    '../../../../examples/contracts/checkout-orders.odcs.yaml',
  ),
  'utf8',
);

const gc = (globalThis as { gc?: () => void }).gc;
function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function platform(): Entity[] {
  const entities: Entity[] = [];
  const base = (
    kind: string,
    name: string,
    spec: JsonObject,
    annotations: Record<string, string> = {},
    relations: Array<[string, string]> = [],
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      uid: `${kind}-${name}`,
      etag: `e-${name}`,
      description: `The ${name} ${kind}, with a description as long as real ones tend to be.`,
      annotations: {
        'backstage.io/managed-by-location': `url:https://git.example/${name}/catalog-info.yaml`,
        ...annotations,
      },
    },
    spec,
    relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
  });
  for (let i = 0; i < USERS; i++) {
    entities.push(
      base(
        'User',
        `user-${i}`,
        {
          profile: {
            email: `user-${i}@example.com`,
            displayName: `User Number ${i}`,
            picture: `https://avatars.example/${i}.png`,
          },
          memberOf: [`team-${i % 200}`],
        },
        {},
        [['memberOf', `group:default/team-${i % 200}`]],
      ),
    );
  }
  for (let i = 0; i < PIPELINES; i++) {
    const team = `group:default/team-${i % 200}`;
    const annotations: Record<string, string> =
      i % 2 === 0
        ? { 'pipeline-triage.io/openlineage-job': `airflow-prod/dag_${i}.load` }
        : {};
    entities.push(
      base(
        'Component',
        `pipeline-${i}`,
        { type: 'data-pipeline', owner: team, lifecycle: 'production' },
        annotations,
        [
          ['ownedBy', team],
          ['dependsOn', `resource:default/table-${i}`],
          ['dependencyOf', `resource:default/table-${(i + 1) % PIPELINES}`],
        ],
      ),
    );
    entities.push(
      base(
        'Resource',
        `table-${i}`,
        { type: 'table', owner: team },
        {
          'pipeline-triage.io/openlineage-dataset': `snowflake://acme/ANALYTICS.S${
            i % 50
          }.T_${i}`,
        },
        [
          ['ownedBy', team],
          ['dependencyOf', `component:default/pipeline-${i}`],
          [
            'dependsOn',
            `component:default/pipeline-${(i + PIPELINES - 1) % PIPELINES}`,
          ],
        ],
      ),
    );
  }
  for (let i = 0; i < 100; i++)
    entities.push(
      base('API', `contract-${i}`, {
        type: 'datacontract',
        owner: 'group:default/team-0',
        definition: CONTRACT,
      }),
    );
  return entities;
}

const event = (name: string, i: number): FailureEvent => ({
  source: 'openlineage',
  outcome: 'fail',
  job: { namespace: 'airflow-prod', name },
  eventTime: '2026-12-07T06:00:00Z',
  errorMessage:
    'psycopg2.errors.UndefinedColumn: column "discount" does not exist',
  inputs: [
    { namespace: 'snowflake://acme', name: `ANALYTICS.S${i % 50}.T_${i}` },
  ],
});

async function main() {
  process.stderr.write(
    `machine: ${os.cpus().length} cores, node ${process.version}, load ${os
      .loadavg()[0]
      .toFixed(2)}, gc ${
      gc ? 'exposed' : 'NOT exposed (heap figures are rough)'
    }\n`,
  );
  const entities = platform();
  const catalog = inMemoryCatalog(entities);
  const silent = {
    debug() {},
    info() {},
    warn() {},
    error() {},
    child() {
      return silent;
    },
  };
  const linker = new CatalogLinker({
    catalog,
    auth: { getOwnServiceCredentials: async () => ({}) } as any,
    logger: silent as any,
    ttlMs: 3_600_000,
    downstreamDepth: 3,
  });

  const before = heapMb();
  let start = process.hrtime.bigint();
  const index = await linker.index();
  emit('linker', 'none', 'snapshot_load', msSince(start), 'ms');
  emit('linker', 'none', 'snapshot_heap', heapMb() - before, 'MB');
  emit('linker', 'none', 'catalog_reads', catalog.reads, 'pages');
  emit('linker', 'none', 'entities_read', catalog.returned, 'entities');
  emit('linker', 'none', 'entities_indexed', index.size, 'entities');

  const kinds: Array<[string, (i: number) => FailureEvent]> = [
    [
      'annotated_job',
      i => event(`dag_${2 * (i % (PIPELINES / 2))}.load`, i % PIPELINES),
    ],
    [
      'named_job',
      i => event(`pipeline_${2 * (i % (PIPELINES / 2)) + 1}`, i % PIPELINES),
    ],
    ['unknown_job', i => event(`nothing_${i}`, i % PIPELINES)],
  ];
  for (const [kind, make] of kinds) {
    const times: number[] = [];
    let linked = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const e = make(i * 7919);
      start = process.hrtime.bigint();
      const result = await linker.link(e);
      times.push(msSince(start));
      if (result.linked) linked++;
    }
    emit(
      'linker',
      'none',
      `link_${kind}_p50`,
      quantile(times, 0.5) * 1000,
      'µs',
    );
    emit(
      'linker',
      'none',
      `link_${kind}_p99`,
      quantile(times, 0.99) * 1000,
      'µs',
    );
    emit('linker', 'none', `link_${kind}_linked`, linked / SAMPLES, 'share');
  }

  // The old read: one unpaged getEntities of every user and every pipeline, table and contract, whole.
  const oldBefore = heapMb();
  start = process.hrtime.bigint();
  const all = entities.map(e => structuredClone(e));
  const oldIndex = new CatalogIndex(all);
  emit('linker_old_read', 'none', 'snapshot_build', msSince(start), 'ms');
  emit('linker_old_read', 'none', 'snapshot_heap', heapMb() - oldBefore, 'MB');
  emit('linker_old_read', 'none', 'entities_read', all.length, 'entities');
  if (oldIndex.size < 0) throw new Error('unreachable');
  printTable();
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});

import type { Entity } from '@backstage/catalog-model';
import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { CatalogIndex } from './CatalogIndex';
import { linkWithIndex } from './CatalogLinker';

function entity(
  kind: string,
  name: string,
  annotations: Record<string, string>,
  relations: Array<[string, string]> = [],
  owner = 'group:default/team-a',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec: { owner },
    relations: [
      { type: 'ownedBy', targetRef: owner },
      ...relations.map(([type, targetRef]) => ({ type, targetRef })),
    ],
  };
}

// raw (written by ingest) → load reads raw, writes stg → marts reads stg, writes fct → report reads fct
const entities = [
  entity(
    'Component',
    'ingest',
    { 'pipeline-triage.io/glue-job-name': 'raw-ingest' },
    [['dependencyOf', 'resource:default/raw']],
    'group:default/producers',
  ),
  entity(
    'Component',
    'load',
    {
      'pipeline-triage.io/openlineage-job': 'airflow-prod/orders.load',
      'pipeline-triage.io/idempotent': 'true',
      'pipeline-triage.io/runbook-url': 'https://runbooks/load',
    },
    [
      ['dependsOn', 'resource:default/raw'],
      ['dependencyOf', 'resource:default/stg'],
    ],
  ),
  entity(
    'Component',
    'marts',
    { 'pipeline-triage.io/dbt-unique-id': 'model.shop.*' },
    [
      ['dependsOn', 'resource:default/stg'],
      ['dependencyOf', 'resource:default/fct'],
    ],
    'group:default/team-b',
  ),
  entity(
    'Component',
    'marts-special',
    { 'pipeline-triage.io/dbt-unique-id': 'model.shop.special' },
    [],
    'group:default/team-c',
  ),
  entity(
    'Component',
    'report',
    { 'pipeline-triage.io/airflow-dag-id': 'report' },
    [['dependsOn', 'resource:default/fct']],
    'group:default/team-d',
  ),
  entity(
    'Resource',
    'raw',
    {
      'pipeline-triage.io/openlineage-dataset': 's3://lake/raw/orders',
      'pipeline-triage.io/data-contract': 'api:default/orders-contract',
    },
    [
      ['dependsOn', 'component:default/ingest'],
      ['dependencyOf', 'component:default/load'],
    ],
    'group:default/producers',
  ),
  entity(
    'Resource',
    'stg',
    { 'pipeline-triage.io/openlineage-dataset': 'snowflake://acme/STG.ORDERS' },
    [
      ['dependsOn', 'component:default/load'],
      ['dependencyOf', 'component:default/marts'],
    ],
  ),
  entity(
    'Resource',
    'fct',
    {},
    [
      ['dependsOn', 'component:default/marts'],
      ['dependencyOf', 'component:default/report'],
    ],
    'group:default/team-b',
  ),
  entity('API', 'orders-contract', {}, [], 'group:default/producers'),
];
const index = new CatalogIndex(entities);

const event = (
  job: FailureEvent['job'],
  extra: Partial<FailureEvent> = {},
): FailureEvent => ({
  source: 'generic',
  outcome: 'fail',
  job,
  eventTime: '2026-11-20T10:00:00Z',
  ...extra,
});

describe('linkWithIndex', () => {
  it('links a job by OpenLineage name and takes datasets from catalog relations when the event has none', () => {
    const links = linkWithIndex(
      index,
      event({ namespace: 'airflow-prod', name: 'orders.load' }),
      3,
    );
    expect(links.linked).toBe(true);
    expect(links.job).toMatchObject({
      entityRef: 'component:default/load',
      ownerRef: 'group:default/team-a',
      idempotent: true,
      runbookUrl: 'https://runbooks/load',
    });
    expect(links.inputs.map(d => d.table?.entityRef)).toEqual([
      'resource:default/raw',
    ]);
    expect(links.inputs[0].contract).toMatchObject({
      entityRef: 'api:default/orders-contract',
      ownerRef: 'group:default/producers',
    });
    expect(links.inputs[0].producers.map(p => p.entityRef)).toEqual([
      'component:default/ingest',
    ]);
    expect(links.outputs.map(d => d.table?.entityRef)).toEqual([
      'resource:default/stg',
    ]);
  });

  it('follows downstream consumers transitively up to the configured depth', () => {
    const e = event({ namespace: 'airflow-prod', name: 'orders.load' });
    expect(
      linkWithIndex(index, e, 3).downstream.map(d => [d.entityRef, d.depth]),
    ).toEqual([
      ['component:default/marts', 1],
      ['component:default/report', 2],
    ]);
    expect(linkWithIndex(index, e, 1).downstream.map(d => d.entityRef)).toEqual(
      ['component:default/marts'],
    );
  });

  it('prefers an exact dbt id over a pattern and matches native ids', () => {
    expect(
      linkWithIndex(
        index,
        event({
          namespace: 'dbt',
          name: 'x',
          dbtUniqueId: 'model.shop.special',
        }),
        1,
      ).job?.entityRef,
    ).toBe('component:default/marts-special');
    expect(
      linkWithIndex(
        index,
        event({
          namespace: 'dbt',
          name: 'x',
          dbtUniqueId: 'model.shop.fct_orders',
        }),
        1,
      ).job?.entityRef,
    ).toBe('component:default/marts');
    expect(
      linkWithIndex(
        index,
        event({
          namespace: 'glue',
          name: 'raw-ingest',
          glueJobName: 'raw-ingest',
        }),
        1,
      ).job?.entityRef,
    ).toBe('component:default/ingest');
    expect(
      linkWithIndex(
        index,
        event({
          namespace: 'airflow',
          name: 'report.build',
          airflowDagId: 'report',
          airflowTaskId: 'build',
        }),
        1,
      ).job?.entityRef,
    ).toBe('component:default/report');
  });

  it('links datasets the event names, and reports what the catalog does not know', () => {
    const links = linkWithIndex(
      index,
      event(
        { namespace: 'spark', name: 'unknown_job' },
        {
          inputs: [{ namespace: 's3://lake', name: 'raw/orders' }],
          outputs: [{ namespace: 'hive', name: 'db.mystery' }],
        },
      ),
      2,
    );
    expect(links.linked).toBe(false);
    expect(links.unknownJob).toBe('spark/unknown_job');
    expect(links.inputs[0].table?.entityRef).toBe('resource:default/raw');
    expect(links.unknownDatasets).toEqual(['hive/db.mystery']);
  });
});

import type { Entity } from '@backstage/catalog-model';
import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { CatalogIndex } from './CatalogIndex';
import { linkWithIndex } from './CatalogLinker';

const entity = (
  kind: string,
  type: string,
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
  title?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', title, annotations },
  spec: { type, owner },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

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

describe('links by naming convention (no pipeline-triage.io annotation)', () => {
  const index = new CatalogIndex([
    entity(
      'Component',
      'data-pipeline',
      'orders-daily',
      'group:default/orders',
    ),
    entity(
      'Component',
      'data-pipeline',
      'billing-export',
      'group:default/billing',
      {},
      'Invoices nightly',
    ),
    entity('Component', 'service', 'checkout', 'group:default/web'),
    entity('Resource', 'table', 'customers', 'group:default/crm'),
    entity('Component', 'data-pipeline', 'twin', 'group:default/a'),
    entity(
      'Component',
      'data-pipeline',
      'other',
      'group:default/b',
      {},
      'Twin',
    ),
  ]);

  it('links an OpenLineage job whose last name part equals a pipeline name, and routes to its owner', () => {
    const links = linkWithIndex(
      index,
      event({ namespace: 'airflow-prod', name: 'shop.orders_daily' }),
      2,
    );
    expect(links.job).toMatchObject({
      entityRef: 'component:default/orders-daily',
      ownerRef: 'group:default/orders',
      matchedBy: 'convention:name=orders-daily',
    });
  });

  it('links an Airflow dag id and a title, and a dataset by its table name', () => {
    expect(
      linkWithIndex(
        index,
        event({ namespace: 'af', name: 'x.y', airflowDagId: 'orders_daily' }),
        2,
      ).job?.entityRef,
    ).toBe('component:default/orders-daily');
    expect(
      linkWithIndex(
        index,
        event({ namespace: 'af', name: 'invoices nightly' }),
        2,
      ).job?.entityRef,
    ).toBe('component:default/billing-export');
    const links = linkWithIndex(
      index,
      event(
        { namespace: 'af', name: 'orders_daily' },
        { inputs: [{ namespace: '', name: 'RAW.CRM.CUSTOMERS' }] },
      ),
      2,
    );
    expect(links.inputs[0].table?.entityRef).toBe('resource:default/customers');
  });

  it('does not link services, ambiguous names, or unknown names', () => {
    expect(
      linkWithIndex(index, event({ namespace: 'af', name: 'checkout' }), 2)
        .linked,
    ).toBe(false);
    expect(
      linkWithIndex(index, event({ namespace: 'af', name: 'twin' }), 2).linked,
    ).toBe(false);
    expect(
      linkWithIndex(
        index,
        event({ namespace: 'af', name: 'nothing_like_it' }),
        2,
      ).unknownJob,
    ).toBe('af/nothing_like_it');
  });

  it('lets a hand annotation win over the convention', () => {
    const withHand = new CatalogIndex([
      entity(
        'Component',
        'data-pipeline',
        'orders-daily',
        'group:default/orders',
      ),
      entity(
        'Component',
        'data-pipeline',
        'orders-v2',
        'group:default/platform',
        { 'pipeline-triage.io/openlineage-job': 'shop.orders_daily' },
      ),
    ]);
    const links = linkWithIndex(
      withHand,
      event({ namespace: 'airflow-prod', name: 'shop.orders_daily' }),
      2,
    );
    expect(links.job).toMatchObject({
      entityRef: 'component:default/orders-v2',
      matchedBy: 'pipeline-triage.io/openlineage-job=shop.orders_daily',
    });
  });

  it('offers candidates for an unknown name', () => {
    expect(
      index.candidatesFor('job', 'af/orders').map(e => e.metadata.name),
    ).toEqual(['orders-daily']);
  });
});

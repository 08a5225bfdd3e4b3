import { mockServices } from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogChannelLookup } from './entityChannels';

/** A catalog that answers getEntitiesByRefs from a list and counts the reads. */
function catalogOf(entities: Record<string, any>, failFirst = false) {
  const reads: Array<{ entityRefs: string[]; fields?: string[] }> = [];
  let failures = failFirst ? 1 : 0;
  const catalog = {
    async getEntitiesByRefs(req: { entityRefs: string[]; fields?: string[] }) {
      reads.push(req);
      if (failures-- > 0) throw new Error('catalog unavailable');
      return { items: req.entityRefs.map(ref => entities[ref]) };
    },
  } as unknown as CatalogService;
  return { catalog, reads };
}

describe('catalogChannelLookup', () => {
  const job = {
    metadata: {
      namespace: 'finance',
      annotations: { 'pipeline-triage.io/idempotent': 'true' },
    },
    spec: { owner: 'finance-data' },
  };

  it('reads only the fields the sinks need, resolves a short owner in the entity namespace, and caches briefly', async () => {
    const { catalog, reads } = catalogOf({ 'component:finance/revenue': job });
    let now = 0;
    const lookup = catalogChannelLookup({
      catalog,
      auth: mockServices.auth(),
      ttlMs: 1000,
      now: () => now,
    });

    expect(await lookup.get('component:finance/revenue')).toEqual({
      annotations: { 'pipeline-triage.io/idempotent': 'true' },
      owner: 'group:finance/finance-data',
    });
    await lookup.get('Component:finance/Revenue');
    expect(reads).toHaveLength(1);
    expect(reads[0].fields).toEqual([
      'metadata.namespace',
      'metadata.annotations',
      'spec.owner',
    ]);
    now = 1000;
    await lookup.get('component:finance/revenue');
    expect(reads).toHaveLength(2);
  });

  it('does not keep a failed read, and answers undefined for an unknown entity', async () => {
    const { catalog, reads } = catalogOf({}, true);
    const lookup = catalogChannelLookup({
      catalog,
      auth: mockServices.auth(),
      now: () => 0,
    });
    await expect(lookup.get('group:default/nobody')).rejects.toThrow(
      'catalog unavailable',
    );
    expect(await lookup.get('group:default/nobody')).toBeUndefined();
    expect(reads).toHaveLength(2);
  });
});

import { CatalogIndex } from './CatalogIndex';

const DEFINITION =
  'apiVersion: v3.1.0\nkind: DataContract\nid: x\nname: orders\nversion: 1.0.0\nstatus: active\n';
const contract = (etag: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'orders', namespace: 'default', etag },
  spec: {
    type: 'datacontract',
    owner: 'group:default/team',
    definition: DEFINITION,
  },
});
const stored = {
  entityRef: 'api:default/orders',
  message: 'stored copy',
  problems: [{ path: 'x', message: 'from the store' }],
};

describe('CatalogIndex with persisted contract copies', () => {
  it('uses the stored copy while the entity is unchanged, and parses the definition once it changed', () => {
    const copies = new Map([
      ['api:default/orders', { etag: 'e1', parsed: stored }],
    ]);
    expect(
      new CatalogIndex([contract('e1')], copies).contract('api:default/orders'),
    ).toBe(stored);
    const fresh = new CatalogIndex([contract('e2')], copies).contract(
      'api:default/orders',
    );
    expect(fresh).toMatchObject({ format: 'odcs-3.1', name: 'orders' });
  });
});

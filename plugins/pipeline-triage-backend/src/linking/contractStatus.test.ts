import { CatalogIndex } from './CatalogIndex';
import { contractStatus } from './contractStatus';

const contract = (name: string, definition?: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'datacontract',
    owner: 'group:default/team',
    ...(definition === undefined ? {} : { definition }),
  },
});

describe('contractStatus', () => {
  const index = new CatalogIndex([
    contract(
      'broken',
      'apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\nschema:\n  - name: orders\n    properties:\n      - name: id\n        logicalType: banana\n',
    ),
    contract('empty'),
  ]);

  it('reports an invalid contract with the path of each problem, without throwing', () => {
    const status = contractStatus(index, 'api:default/broken');
    expect(status.valid).toBe(false);
    expect(status.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: expect.stringContaining('schema[0].properties[0].logicalType'),
        }),
      ]),
    );
  });

  it('says when a contract entity has no definition, and 404s for an unknown entity', () => {
    expect(contractStatus(index, 'api:default/empty')).toMatchObject({
      valid: false,
      problems: [{ path: 'spec.definition' }],
    });
    expect(() => contractStatus(index, 'api:default/missing')).toThrow(
      /No data contract entity/,
    );
  });
});

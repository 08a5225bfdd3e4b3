import { findingsFromTestRun } from './findingsFromTestRun';
import type { ContractTestRun, TestCheck } from './types';

const run = (checks: TestCheck[]): ContractTestRun => ({
  format: 'json',
  runId: 'run-1',
  dataContractId: 'orders',
  at: '2026-12-07T06:00:00.000Z',
  checks,
});

describe('findingsFromTestRun', () => {
  it('makes two failed checks of one clause on one column one finding, and says both', () => {
    const result = findingsFromTestRun(
      run([
        {
          type: 'field_minimum',
          name: 'Check that field total has a minimum of 0',
          model: 'orders',
          field: 'total',
          result: 'failed',
          reason: 'Invalid values: 2',
        },
        {
          type: 'field_maximum',
          name: 'Check that field total has a maximum of 100000',
          model: 'orders',
          field: 'total',
          result: 'failed',
          reason: 'Invalid values: 1',
        },
      ]),
      'api:default/orders',
      undefined,
      [{ entityRef: 'resource:default/orders', contractTable: 'orders' }],
    );
    expect(result.findings).toEqual([
      expect.objectContaining({
        clause: 'invalid_values',
        tableRef: 'resource:default/orders',
        column: 'total',
        observed: 'Invalid values: 2; Invalid values: 1',
        expected:
          'Check that field total has a minimum of 0; Check that field total has a maximum of 100000',
      }),
    ]);
  });

  it('puts a check on the table that is its schema, and on none when two tables could be', () => {
    const tables = [
      { entityRef: 'resource:default/orders', contractTable: 'orders' },
      { entityRef: 'resource:default/items', contractTable: 'items' },
    ];
    const check = (model: string): TestCheck => ({
      type: 'row_count',
      model,
      result: 'failed',
      reason: 'Row count 0',
    });
    const { findings } = findingsFromTestRun(
      run([check('items'), check('unknown_table')]),
      'api:default/orders',
      undefined,
      tables,
    );
    expect(findings.map(f => [f.tableRef, f.dataset])).toEqual([
      ['resource:default/items', 'resource:default/items'],
      [undefined, 'unknown_table'],
    ]);
  });
});

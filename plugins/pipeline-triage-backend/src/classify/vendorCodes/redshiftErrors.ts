import type { VendorCodeTable } from './types';

const SERIAL =
  'https://docs.aws.amazon.com/redshift/latest/dg/c_serial_isolation.html';
const DISK = 'https://repost.aws/knowledge-center/redshift-high-disk-usage';

/**
 * Redshift's own error numbers, which it prints where PostgreSQL would print a message
 * (`Invalid operation: 1023`, `ERROR: 1023`, `'M': '1023'`, `code: 1016`), usually under the
 * catch-all SQLSTATE XX000. The number names the cause; the XX000 around it is a symptom.
 * (The 12xx load-error numbers of STL_LOAD_ERRORS are in redshiftLoadErrors.ts.)
 */
export const redshiftErrorTable: VendorCodeTable = {
  name: 'redshift',
  system: 'redshift',
  entries: [
    {
      key: '1023',
      code: '1023',
      category: 'infrastructure',
      weight: 0.85,
      transient: true,
      description:
        'Redshift 1023 (serializable isolation violation: a concurrent transaction formed a cycle, this one was aborted and rolled back)',
      source: `${SERIAL} (an aborted transaction is retried, or serialised with LOCK)`,
      explains: ['code_error', 'dependency_unavailable'],
    },
    {
      key: '1016',
      code: '1016',
      category: 'resource_exhaustion',
      weight: 0.85,
      description: 'Redshift 1016 (Disk Full on a compute node)',
      source: DISK,
      explains: ['code_error'],
    },
  ],
};

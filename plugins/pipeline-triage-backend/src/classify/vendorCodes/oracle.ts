import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { VendorCodeEntry, VendorCodeTable } from './types';

const ERRORS =
  'Oracle Database "Error Messages" (https://docs.oracle.com/en/database/oracle/oracle-database/19/errmg/), one page per code at https://docs.oracle.com/error-help/db/ora-NNNNN/';
const RECOVERABLE =
  'Oracle JDBC "Application Continuity" and SQLRecoverableException (https://docs.oracle.com/en/database/oracle/oracle-database/19/jjdbc/application-continuity.html): a lost connection is recoverable, the request is replayed on a new one';

function group(
  key: string,
  codes: string[],
  category: Exclude<Category, 'unknown'>,
  weight: number,
  description: string,
  extra: Partial<VendorCodeEntry> = {},
): VendorCodeEntry {
  return {
    key,
    codes: codes.map(c => `ORA-${c}`),
    category,
    weight,
    description,
    source: ERRORS,
    ...extra,
  };
}

/**
 * Oracle `ORA-nnnnn` codes (as every Oracle client prints them). Stack pointers such as
 * ORA-06512 ("at line") and ORA-02063 ("preceding line from") name no cause and are left out.
 */
export const oracleTable: VendorCodeTable = {
  name: 'oracle',
  system: 'oracle',
  entries: [
    group(
      'concurrency',
      ['00060', '08177', '00054'],
      'dependency_unavailable',
      0.8,
      'ORA-00060 (deadlock detected while waiting for resource), ORA-08177 (cannot serialize access), ORA-00054 (resource busy, NOWAIT)',
      { transient: true, explains: ['code_error'] },
    ),
    group(
      'connection-lost',
      [
        '03113',
        '03114',
        '03135',
        '12541',
        '12170',
        '12537',
        '12528',
        '01033',
        '01089',
      ],
      'dependency_unavailable',
      0.7,
      'ORA-03113/03114/03135 (connection lost), ORA-12541 (no listener), ORA-12170 (connect timeout), ORA-12537 (connection closed), ORA-12528 (instance blocking new connections), ORA-01033/01089 (startup or shutdown in progress)',
      { transient: true, source: `${ERRORS}; ${RECOVERABLE}` },
    ),
    group(
      'unavailable',
      ['01034', '00018', '00020'],
      'dependency_unavailable',
      0.65,
      'ORA-01034 (ORACLE not available), ORA-00018/00020 (maximum sessions or processes exceeded)',
    ),
    group(
      'service-name',
      ['12514', '12505'],
      'config_error',
      0.6,
      'ORA-12514/12505 (the listener does not know the service or SID in the connect descriptor)',
    ),
    group(
      'login',
      ['01017', '28000', '28001', '01045'],
      'permission',
      0.85,
      'ORA-01017 (invalid username/password), ORA-28000 (account locked), ORA-28001 (password expired), ORA-01045 (lacks CREATE SESSION)',
    ),
    group(
      'privilege',
      ['01031'],
      'permission',
      0.75,
      'ORA-01031 (insufficient privileges)',
    ),
    group(
      'no-object',
      ['00942'],
      'config_error',
      0.7,
      'ORA-00942 (table or view does not exist, or is not granted)',
    ),
    group(
      'column',
      ['00904', '00913', '00947'],
      'schema_drift',
      0.6,
      'ORA-00904 (invalid identifier), ORA-00913/00947 (too many or not enough values)',
    ),
    group(
      'unique',
      ['00001'],
      'data_quality',
      0.8,
      'ORA-00001 (unique constraint violated)',
    ),
    group(
      'bad-value',
      [
        '01400',
        '02290',
        '02291',
        '02292',
        '12899',
        '01401',
        '01722',
        '01843',
        '01861',
        '01841',
        '01858',
        '01830',
        '01438',
        '01427',
      ],
      'data_quality',
      0.75,
      'ORA-01400 (cannot insert NULL), ORA-02290/02291/02292 (check or foreign key constraint), ORA-12899/01401 (value too large for column), ORA-01722 (invalid number), ORA-01843/01861/01841/01858/01830 (invalid date value), ORA-01438 (value larger than precision), ORA-01427 (single-row subquery returns more than one row)',
    ),
    group(
      'syntax',
      ['00900', '00933', '00936', '00907', '00923', '00979', '00918', '06550'],
      'code_error',
      0.8,
      'ORA-00900/00933/00936/00907/00923 (SQL syntax), ORA-00979 (not a GROUP BY expression), ORA-00918 (column ambiguously defined), ORA-06550 (PL/SQL compilation error)',
    ),
    group(
      'snapshot-too-old',
      ['01555'],
      'resource_exhaustion',
      0.8,
      'ORA-01555 (snapshot too old: the read outlived the undo retention; it recurs until undo grows or the read is shortened)',
      { explains: ['dependency_unavailable'] },
    ),
    group(
      'space',
      ['01652', '01653', '01654', '01688', '30036', '00257', '01691', '01536'],
      'resource_exhaustion',
      0.8,
      'ORA-01652/01653/01654/01688/01691 (unable to extend temp, table, index, partition or LOB segment), ORA-30036 (unable to extend undo), ORA-00257 (archiver error, archive destination full), ORA-01536 (space quota exceeded for tablespace)',
    ),
    // pw7: Data Pump and multitenant codes. ORA-65096: a local user or role created in the CDB
    // root (the session is connected to the root, not to the PDB it meant); ORA-39143/39000:
    // the dump file is not a Data Pump file (written by the original exp utility) or is
    // misnamed; ORA-01918: the schema user the object belongs to does not exist on the target.
    group(
      'datapump-cdb-target',
      ['65096', '39143', '39000', '01918'],
      'config_error',
      0.8,
      'ORA-65096 (invalid common user or role name: a local user created in the CDB root), ORA-39143 (dump file may be an original export dump file), ORA-39000 (bad dump file specification), ORA-01918 (user does not exist)',
    ),
    group(
      'memory',
      ['04030', '04031'],
      'resource_exhaustion',
      0.8,
      'ORA-04030 (out of process memory), ORA-04031 (unable to allocate shared memory)',
    ),
  ],
};

import type { VendorCodeTable } from './types';

const SOURCE =
  'https://docs.aws.amazon.com/redshift/latest/dg/r_Load_Error_Reference.html';

/**
 * Redshift COPY load errors: the `err_code` of STL_LOAD_ERRORS. A COPY that fails only says
 * "Check 'stl_load_errors' system table for details"; when the log carries the rows, their codes
 * name the real reason.
 */
export const redshiftLoadErrorTable: VendorCodeTable = {
  name: 'redshift-load',
  system: 'redshift',
  entries: [
    {
      key: '1200',
      code: '1200',
      category: 'data_quality',
      weight: 0.6,
      description: 'Redshift load error 1200 (unknown parse error)',
      source: SOURCE,
    },
    {
      key: '1201',
      code: '1201',
      category: 'data_quality',
      weight: 0.7,
      description:
        'Redshift load error 1201 (field delimiter was not found in the input file)',
      source: SOURCE,
    },
    {
      key: '1201-config_error',
      code: '1201',
      category: 'config_error',
      weight: 0.4,
      description:
        'Redshift load error 1201 (field delimiter was not found in the input file): also read as config error',
      source: SOURCE,
    },
    {
      key: '1202',
      code: '1202',
      category: 'schema_drift',
      weight: 0.7,
      description:
        'Redshift load error 1202 (input data had more columns than were defined in the DDL)',
      source: SOURCE,
    },
    {
      key: '1203',
      code: '1203',
      category: 'schema_drift',
      weight: 0.7,
      description:
        'Redshift load error 1203 (input data had fewer columns than were defined in the DDL)',
      source: SOURCE,
    },
    {
      key: '1204',
      code: '1204',
      category: 'data_quality',
      weight: 0.75,
      description:
        'Redshift load error 1204 (input data exceeded the acceptable range for the data type)',
      source: SOURCE,
    },
    {
      key: '1204-schema_drift',
      code: '1204',
      category: 'schema_drift',
      weight: 0.4,
      description:
        'Redshift load error 1204 (input data exceeded the acceptable range for the data type): also read as schema drift',
      source: SOURCE,
    },
    {
      key: '1205',
      code: '1205',
      category: 'data_quality',
      weight: 0.8,
      description: 'Redshift load error 1205 (date format is invalid)',
      source: SOURCE,
    },
    {
      key: '1206',
      code: '1206',
      category: 'data_quality',
      weight: 0.8,
      description: 'Redshift load error 1206 (timestamp format is invalid)',
      source: SOURCE,
    },
    {
      key: '1207',
      code: '1207',
      category: 'data_quality',
      weight: 0.8,
      description:
        'Redshift load error 1207 (data contained a value outside of the expected range of 0-9)',
      source: SOURCE,
    },
    {
      key: '1208',
      code: '1208',
      category: 'data_quality',
      weight: 0.8,
      description: 'Redshift load error 1208 (FLOAT data type format error)',
      source: SOURCE,
    },
    {
      key: '1209',
      code: '1209',
      category: 'data_quality',
      weight: 0.8,
      description: 'Redshift load error 1209 (DECIMAL data type format error)',
      source: SOURCE,
    },
    {
      key: '1210',
      code: '1210',
      category: 'data_quality',
      weight: 0.8,
      description: 'Redshift load error 1210 (BOOLEAN data type format error)',
      source: SOURCE,
    },
    {
      key: '1211',
      code: '1211',
      category: 'data_quality',
      weight: 0.6,
      description: 'Redshift load error 1211 (input line contained no data)',
      source: SOURCE,
    },
    {
      key: '1212',
      code: '1212',
      category: 'config_error',
      weight: 0.5,
      description: 'Redshift load error 1212 (load file was not found)',
      source: SOURCE,
    },
    {
      key: '1212-source_delay',
      code: '1212',
      category: 'source_delay',
      weight: 0.35,
      description:
        'Redshift load error 1212 (load file was not found): also read as source delay',
      source: SOURCE,
    },
    {
      key: '1213',
      code: '1213',
      category: 'data_quality',
      weight: 0.85,
      description:
        'Redshift load error 1213 (a field specified as NOT NULL contained no data)',
      source: SOURCE,
    },
    {
      key: '1214',
      code: '1214',
      category: 'data_quality',
      weight: 0.7,
      description: 'Redshift load error 1214 (delimiter not found)',
      source: SOURCE,
    },
    {
      key: '1214-config_error',
      code: '1214',
      category: 'config_error',
      weight: 0.4,
      description:
        'Redshift load error 1214 (delimiter not found): also read as config error',
      source: SOURCE,
    },
    {
      key: '1215',
      code: '1215',
      category: 'data_quality',
      weight: 0.7,
      description: 'Redshift load error 1215 (CHAR field error)',
      source: SOURCE,
    },
    {
      key: '1216',
      code: '1216',
      category: 'data_quality',
      weight: 0.75,
      description: 'Redshift load error 1216 (invalid input line)',
      source: SOURCE,
    },
    {
      key: '1217',
      code: '1217',
      category: 'data_quality',
      weight: 0.7,
      description: 'Redshift load error 1217 (invalid identity column value)',
      source: SOURCE,
    },
    {
      key: '1218',
      code: '1218',
      category: 'data_quality',
      weight: 0.7,
      description:
        'Redshift load error 1218 (a NUL-terminated field held more than one byte)',
      source: SOURCE,
    },
    {
      key: '1219',
      code: '1219',
      category: 'data_quality',
      weight: 0.7,
      description:
        'Redshift load error 1219 (UTF-8 hexadecimal contains an invalid digit)',
      source: SOURCE,
    },
    {
      key: '1220',
      code: '1220',
      category: 'data_quality',
      weight: 0.8,
      description:
        'Redshift load error 1220 (string contains invalid or unsupported UTF-8 codepoints)',
      source: SOURCE,
    },
    {
      key: '1221',
      code: '1221',
      category: 'config_error',
      weight: 0.6,
      description:
        'Redshift load error 1221 (the file encoding is not the one the COPY command names)',
      source: SOURCE,
    },
    {
      key: '1221-data_quality',
      code: '1221',
      category: 'data_quality',
      weight: 0.4,
      description:
        'Redshift load error 1221 (the file encoding is not the one the COPY command names): also read as data quality',
      source: SOURCE,
    },
  ],
};

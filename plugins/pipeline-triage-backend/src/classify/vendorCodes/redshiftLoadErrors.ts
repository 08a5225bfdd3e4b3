import type { VendorCodeTable } from './types';

/**
 * Redshift COPY load errors: the `err_code` of STL_LOAD_ERRORS. A COPY that fails only says
 * "Check 'stl_load_errors' system table for details"; when the log carries the rows, their codes
 * name the real reason.
 */
export const redshiftLoadErrors: VendorCodeTable = {
  system: 'redshift',
  vendor: 'Redshift load error',
  source: 'https://docs.aws.amazon.com/redshift/latest/dg/r_Load_Error_Reference.html',
  codes: [
    { code: '1200', category: 'data_quality', weight: 0.6, meaning: 'unknown parse error' },
    { code: '1201', category: 'data_quality', weight: 0.7, meaning: 'field delimiter was not found in the input file', also: { category: 'config_error', weight: 0.4 } },
    { code: '1202', category: 'schema_drift', weight: 0.7, meaning: 'input data had more columns than were defined in the DDL' },
    { code: '1203', category: 'schema_drift', weight: 0.7, meaning: 'input data had fewer columns than were defined in the DDL' },
    { code: '1204', category: 'data_quality', weight: 0.75, meaning: 'input data exceeded the acceptable range for the data type', also: { category: 'schema_drift', weight: 0.4 } },
    { code: '1205', category: 'data_quality', weight: 0.8, meaning: 'date format is invalid' },
    { code: '1206', category: 'data_quality', weight: 0.8, meaning: 'timestamp format is invalid' },
    { code: '1207', category: 'data_quality', weight: 0.8, meaning: 'data contained a value outside of the expected range of 0-9' },
    { code: '1208', category: 'data_quality', weight: 0.8, meaning: 'FLOAT data type format error' },
    { code: '1209', category: 'data_quality', weight: 0.8, meaning: 'DECIMAL data type format error' },
    { code: '1210', category: 'data_quality', weight: 0.8, meaning: 'BOOLEAN data type format error' },
    { code: '1211', category: 'data_quality', weight: 0.6, meaning: 'input line contained no data' },
    { code: '1212', category: 'config_error', weight: 0.5, meaning: 'load file was not found', also: { category: 'source_delay', weight: 0.35 } },
    { code: '1213', category: 'data_quality', weight: 0.85, meaning: 'a field specified as NOT NULL contained no data' },
    { code: '1214', category: 'data_quality', weight: 0.7, meaning: 'delimiter not found', also: { category: 'config_error', weight: 0.4 } },
    { code: '1215', category: 'data_quality', weight: 0.7, meaning: 'CHAR field error' },
    { code: '1216', category: 'data_quality', weight: 0.75, meaning: 'invalid input line' },
    { code: '1217', category: 'data_quality', weight: 0.7, meaning: 'invalid identity column value' },
    { code: '1218', category: 'data_quality', weight: 0.7, meaning: 'a NUL-terminated field held more than one byte' },
    { code: '1219', category: 'data_quality', weight: 0.7, meaning: 'UTF-8 hexadecimal contains an invalid digit' },
    { code: '1220', category: 'data_quality', weight: 0.8, meaning: 'string contains invalid or unsupported UTF-8 codepoints' },
    { code: '1221', category: 'config_error', weight: 0.6, meaning: 'the file encoding is not the one the COPY command names', also: { category: 'data_quality', weight: 0.4 } },
  ],
};

import type { VendorCodeEntry, VendorCodeTable } from './types';

const STORAGE_COMMON =
  'Azure Storage "Common REST API error codes" (https://learn.microsoft.com/en-us/rest/api/storageservices/common-rest-api-error-codes)';
const BLOB =
  'Azure Storage "Blob service error codes" (https://learn.microsoft.com/en-us/rest/api/storageservices/blob-service-error-codes)';
const DATALAKE =
  'ADLS Gen2 "Path" and "Filesystem" REST operations, error responses (https://learn.microsoft.com/en-us/rest/api/storageservices/data-lake-storage-gen2)';
const RETRY =
  'Azure Storage "Performance checklist: timeout and server busy errors" (https://learn.microsoft.com/en-us/azure/storage/blobs/storage-performance-checklist#timeout-and-server-busy-errors): ServerBusy and OperationTimedOut are retried with exponential back-off';
const ADF =
  'Azure Data Factory "Troubleshoot connectors" (https://learn.microsoft.com/en-us/azure/data-factory/connector-troubleshoot-guide)';
const ENTRA =
  'Microsoft Entra "Authentication and authorization error codes" (https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes)';

/** Azure Storage (Blob, ADLS Gen2) service error codes, as `x-ms-error-code` carries them. */
const storage: VendorCodeEntry[] = [
  {
    key: 'AuthorizationPermissionMismatch',
    code: 'AuthorizationPermissionMismatch',
    category: 'permission',
    weight: 0.85,
    description:
      'Azure Storage AuthorizationPermissionMismatch (the identity lacks the data-plane role or ACL for the operation)',
    source: STORAGE_COMMON,
  },
  {
    key: 'AuthorizationFailure',
    code: 'AuthorizationFailure',
    category: 'permission',
    weight: 0.8,
    description:
      'Azure Storage AuthorizationFailure (the request is not authorized, e.g. by the account firewall or network rules)',
    source: STORAGE_COMMON,
  },
  {
    key: 'AuthorizationSourceIPMismatch',
    code: 'AuthorizationSourceIPMismatch',
    category: 'permission',
    weight: 0.8,
    description:
      'Azure Storage AuthorizationSourceIPMismatch (the client IP is outside the SAS or firewall range)',
    source: STORAGE_COMMON,
  },
  {
    key: 'AuthenticationFailed',
    codes: ['AuthenticationFailed', 'InvalidAuthenticationInfo'],
    category: 'permission',
    weight: 0.8,
    description:
      'Azure Storage AuthenticationFailed / InvalidAuthenticationInfo (the key, SAS or token was refused)',
    source: STORAGE_COMMON,
  },
  {
    key: 'InsufficientAccountPermissions',
    code: 'InsufficientAccountPermissions',
    category: 'permission',
    weight: 0.8,
    description:
      'Azure Storage InsufficientAccountPermissions (the account does not allow this operation)',
    source: STORAGE_COMMON,
  },
  {
    key: 'AccountIsDisabled',
    code: 'AccountIsDisabled',
    category: 'config_error',
    weight: 0.8,
    description:
      'Azure Storage AccountIsDisabled (the storage account is disabled)',
    source: STORAGE_COMMON,
  },
  {
    key: 'ServerBusy',
    code: 'ServerBusy',
    category: 'dependency_unavailable',
    weight: 0.85,
    transient: true,
    description:
      'Azure Storage ServerBusy (503: ingress, egress or operations per second over the account limit; throttled)',
    source: RETRY,
  },
  {
    key: 'OperationTimedOut',
    code: 'OperationTimedOut',
    category: 'dependency_unavailable',
    weight: 0.8,
    transient: true,
    description:
      'Azure Storage OperationTimedOut (500: the operation could not be completed within the permitted time)',
    source: RETRY,
  },
  {
    key: 'InternalError',
    code: 'InternalError',
    category: 'dependency_unavailable',
    weight: 0.6,
    transient: true,
    description:
      'Azure Storage InternalError (500: the server encountered an internal error)',
    source: STORAGE_COMMON,
  },
  {
    key: 'ContainerNotFound',
    codes: ['ContainerNotFound', 'FilesystemNotFound'],
    category: 'config_error',
    weight: 0.8,
    description:
      'Azure Storage ContainerNotFound / FilesystemNotFound (the configured container or file system does not exist)',
    source: BLOB,
  },
  {
    // A missing path is a wrong setting or input that has not landed: the wording around it decides.
    key: 'PathNotFound',
    code: 'PathNotFound',
    category: 'config_error',
    weight: 0.5,
    description: 'ADLS Gen2 PathNotFound (the specified path does not exist)',
    source: DATALAKE,
  },
  {
    key: 'PathNotFound-source_delay',
    code: 'PathNotFound',
    category: 'source_delay',
    weight: 0.3,
    description:
      'ADLS Gen2 PathNotFound (the specified path does not exist): also read as source delay',
    source: DATALAKE,
  },
  {
    // Another client holds a lease: the writer must pass or break it; retrying unchanged meets the same lease.
    key: 'Lease',
    codes: [
      'LeaseIdMissing',
      'LeaseAlreadyPresent',
      'LeaseIdMismatchWithBlobOperation',
      'LeaseIdMismatchWithLeaseOperation',
      'LeaseIdMismatchWithContainerOperation',
      'LeaseNotPresentWithBlobOperation',
    ],
    category: 'code_error',
    weight: 0.6,
    description:
      'Azure Storage lease conflict (a lease is held on the blob or container and the request does not carry its ID)',
    source: BLOB,
  },
];

/** Azure Data Factory copy-activity error codes (`ErrorCode=...` in the activity message). */
const dataFactory: VendorCodeEntry[] = [
  {
    // A wrapper: the SQL error number inside it (azuresql table) names the cause.
    key: 'SqlFailedToConnect',
    code: 'SqlFailedToConnect',
    category: 'config_error',
    weight: 0.5,
    description:
      'Azure Data Factory SqlFailedToConnect (cannot connect to the SQL database: linked service, firewall or login)',
    source: ADF,
  },
  {
    key: 'SqlUnauthorizedAccess',
    code: 'SqlUnauthorizedAccess',
    category: 'permission',
    weight: 0.8,
    description:
      'Azure Data Factory SqlUnauthorizedAccess (the linked service identity is not authorized on the database)',
    source: ADF,
  },
  {
    key: 'SqlColumnNameMismatchByCaseSensitive',
    code: 'SqlColumnNameMismatchByCaseSensitive',
    category: 'schema_drift',
    weight: 0.75,
    description:
      'Azure Data Factory SqlColumnNameMismatchByCaseSensitive (a source column is missing from the sink table)',
    source: ADF,
  },
  {
    key: 'DelimitedTextMoreColumnsThanDefined',
    code: 'DelimitedTextMoreColumnsThanDefined',
    category: 'data_quality',
    weight: 0.7,
    description:
      'Azure Data Factory DelimitedTextMoreColumnsThanDefined (a row has more columns than the schema defines)',
    source: ADF,
  },
  {
    key: 'UserErrorSqlBulkCopyInvalidColumnLength',
    code: 'UserErrorSqlBulkCopyInvalidColumnLength',
    category: 'data_quality',
    weight: 0.75,
    description:
      'Azure Data Factory UserErrorSqlBulkCopyInvalidColumnLength (a value is longer than the sink column)',
    source: ADF,
  },
];

const ARM_QUOTA =
  'Azure Resource Manager "Resolve errors for resource quotas" (https://learn.microsoft.com/en-us/azure/azure-resource-manager/troubleshooting/error-resource-quota)';

/** Azure Resource Manager codes that cluster launches relay (`azure_error_code: X`). */
const resourceManager: VendorCodeEntry[] = [
  {
    key: 'QuotaExceeded',
    code: 'QuotaExceeded',
    category: 'resource_exhaustion',
    weight: 0.8,
    description:
      'Azure QuotaExceeded (the subscription quota for the resource, e.g. regional vCPUs, is used up)',
    source: ARM_QUOTA,
  },
  {
    // ARM's general refusal; it is a quota only when its message says so.
    key: 'OperationNotAllowed-quota',
    code: 'OperationNotAllowed',
    category: 'resource_exhaustion',
    weight: 0.8,
    requires: [
      {
        source: 'exceeding (?:approved )?(?:\\w+ )*quota|quota limits? of',
        flags: 'i',
      },
    ],
    description:
      'Azure OperationNotAllowed for a quota (the operation results in exceeding the approved cores quota)',
    source: ARM_QUOTA,
  },
];

/** Microsoft Entra ID (Azure AD) sign-in errors, `AADSTS<n>`. */
const entra: VendorCodeEntry[] = [
  {
    key: 'AADSTS7000222',
    code: 'AADSTS7000222',
    category: 'permission',
    weight: 0.9,
    description:
      'Entra AADSTS7000222 (the client secret keys of the app are expired)',
    source: ENTRA,
  },
  {
    key: 'AADSTS7000215',
    code: 'AADSTS7000215',
    category: 'permission',
    weight: 0.9,
    description: 'Entra AADSTS7000215 (an invalid client secret was provided)',
    source: ENTRA,
  },
  {
    key: 'AADSTS-token-expired',
    codes: ['AADSTS700082', 'AADSTS50173', 'AADSTS70008', 'AADSTS50133'],
    category: 'permission',
    weight: 0.85,
    description:
      'Entra expired or revoked grant (refresh token or authorization code expired, or revoked after a password change)',
    source: ENTRA,
  },
  {
    key: 'AADSTS-denied',
    codes: [
      'AADSTS50126',
      'AADSTS50076',
      'AADSTS53003',
      'AADSTS50105',
      'AADSTS65001',
    ],
    category: 'permission',
    weight: 0.85,
    description:
      'Entra sign-in refused (invalid credentials, MFA or Conditional Access required, user not assigned, consent missing)',
    source: ENTRA,
  },
  {
    key: 'AADSTS-config',
    codes: ['AADSTS700016', 'AADSTS90002', 'AADSTS70011', 'AADSTS500011'],
    category: 'config_error',
    weight: 0.8,
    description:
      'Entra configuration error (application or tenant not found, invalid scope, resource principal not found)',
    source: ENTRA,
  },
  {
    key: 'AADSTS90033',
    code: 'AADSTS90033',
    category: 'dependency_unavailable',
    weight: 0.75,
    transient: true,
    description:
      'Entra AADSTS90033 MsodsServiceUnavailable (the directory service is temporarily unavailable)',
    source: ENTRA,
  },
  {
    key: 'AADSTS',
    prefix: 'AADSTS',
    category: 'permission',
    weight: 0.6,
    description: 'Entra sign-in error (an AADSTS code: authentication refused)',
    source: ENTRA,
  },
];

/**
 * Azure data services' own error codes: Storage (Blob, ADLS Gen2), Data Factory and Entra ID
 * sign-in. Codes the evidence reads from `x-ms-error-code`, `<Code>`, `ErrorCode:` and `AADSTS`.
 */
export const azureTable: VendorCodeTable = {
  name: 'azure',
  system: 'azure',
  entries: [...storage, ...dataFactory, ...resourceManager, ...entra],
};

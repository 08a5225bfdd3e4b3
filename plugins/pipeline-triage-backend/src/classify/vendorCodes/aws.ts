import type { VendorCodeTable } from './types';

const S3 = 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html';
const GLUE = 'https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-exceptions.html';

/** AWS error codes, as SDKs print them (`An error occurred (X)`, `Error Code: X`). */
export const awsErrorCodes: VendorCodeTable = {
  system: 'aws',
  vendor: 'AWS',
  source: 'https://docs.aws.amazon.com/general/latest/gr/api-retries.html',
  codes: [
    // Credentials and authorization
    { code: 'AccessDenied', category: 'permission', weight: 0.85, meaning: 'access denied', source: S3 },
    { code: 'AccessDeniedException', category: 'permission', weight: 0.85, meaning: 'access denied', source: GLUE },
    { code: 'AllAccessDisabled', category: 'permission', weight: 0.85, meaning: 'all access to the object is disabled', source: S3 },
    { code: 'InvalidAccessKeyId', category: 'permission', weight: 0.85, meaning: 'the access key does not exist', source: S3 },
    { code: 'SignatureDoesNotMatch', category: 'permission', weight: 0.8, meaning: 'the request signature does not match', source: S3 },
    { code: 'ExpiredToken', category: 'permission', weight: 0.75, meaning: 'the security token has expired', source: S3 },
    { code: 'ExpiredTokenException', category: 'permission', weight: 0.75, meaning: 'the security token has expired' },
    { code: 'InvalidClientTokenId', category: 'permission', weight: 0.85, meaning: 'the security token is invalid' },
    { code: 'UnrecognizedClientException', category: 'permission', weight: 0.85, meaning: 'the security token is invalid' },
    // Throttling and transient service errors (the SDKs' retryable set)
    { code: 'Throttling', category: 'dependency_unavailable', weight: 0.85, meaning: 'request throttled' },
    { code: 'ThrottlingException', category: 'dependency_unavailable', weight: 0.85, meaning: 'request throttled' },
    { code: 'RequestLimitExceeded', category: 'dependency_unavailable', weight: 0.85, meaning: 'request rate limit exceeded' },
    { code: 'TooManyRequestsException', category: 'dependency_unavailable', weight: 0.85, meaning: 'too many requests' },
    { code: 'ProvisionedThroughputExceededException', category: 'dependency_unavailable', weight: 0.85, meaning: 'provisioned throughput exceeded' },
    { code: 'RequestThrottled', category: 'dependency_unavailable', weight: 0.85, meaning: 'request throttled' },
    // The product reads S3 SlowDown as pressure from many small requests (see the small-file rules).
    { code: 'SlowDown', category: 'small_file_pressure', weight: 0.55, meaning: 'reduce your request rate', also: { category: 'dependency_unavailable', weight: 0.5 }, source: S3 },
    { code: 'InternalError', category: 'dependency_unavailable', weight: 0.75, meaning: 'internal error; retry', source: S3 },
    { code: 'InternalFailure', category: 'dependency_unavailable', weight: 0.75, meaning: 'internal failure' },
    { code: 'InternalServiceException', category: 'dependency_unavailable', weight: 0.75, meaning: 'internal service error', source: GLUE },
    { code: 'InternalServerError', category: 'dependency_unavailable', weight: 0.75, meaning: 'internal server error' },
    { code: 'InternalServerException', category: 'dependency_unavailable', weight: 0.75, meaning: 'internal server error' },
    { code: 'ServiceUnavailable', category: 'dependency_unavailable', weight: 0.75, meaning: 'service unavailable', source: S3 },
    { code: 'ServiceUnavailableException', category: 'dependency_unavailable', weight: 0.75, meaning: 'service unavailable' },
    { code: 'ServiceException', category: 'dependency_unavailable', weight: 0.6, meaning: 'service error' },
    { code: 'OperationTimeoutException', category: 'dependency_unavailable', weight: 0.55, meaning: 'the operation timed out', source: GLUE },
    // Limits and quotas
    { code: 'ResourceNumberLimitExceededException', category: 'resource_exhaustion', weight: 0.75, meaning: 'a resource count limit was exceeded', source: GLUE },
    { code: 'ConcurrentRunsExceededException', category: 'resource_exhaustion', weight: 0.6, meaning: 'too many concurrent runs of the job', source: GLUE },
    { code: 'ServiceQuotaExceededException', category: 'resource_exhaustion', weight: 0.75, meaning: 'a service quota was exceeded' },
    { code: 'ActiveStatementsExceededException', category: 'resource_exhaustion', weight: 0.6, meaning: 'too many active statements (Redshift Data API)', source: 'https://docs.aws.amazon.com/redshift-data/latest/APIReference/CommonErrors.html' },
    { code: 'ConcurrentModificationException', category: 'dependency_unavailable', weight: 0.55, meaning: 'a concurrent update changed the resource', source: GLUE },
    // Names and inputs that do not exist or are invalid
    { code: 'NoSuchBucket', category: 'config_error', weight: 0.75, meaning: 'the bucket does not exist', source: S3 },
    { code: 'NoSuchKey', category: 'config_error', weight: 0.35, meaning: 'the key does not exist', also: { category: 'source_delay', weight: 0.3 }, source: S3 },
    { code: 'InvalidObjectState', category: 'config_error', weight: 0.6, meaning: 'the object is archived (not readable in its storage class)', source: S3 },
    { code: 'EntityNotFoundException', category: 'config_error', weight: 0.55, meaning: 'the catalog entity does not exist', also: { category: 'source_delay', weight: 0.25 }, source: GLUE },
    { code: 'ResourceNotFoundException', category: 'config_error', weight: 0.45, meaning: 'the resource does not exist' },
    { code: 'InvalidInputException', category: 'config_error', weight: 0.5, meaning: 'the input is invalid', source: GLUE },
    { code: 'ValidationException', category: 'config_error', weight: 0.45, meaning: 'the request failed validation' },
  ],
};

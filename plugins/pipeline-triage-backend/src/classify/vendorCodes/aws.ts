import type { VendorCodeTable } from './types';

const S3 =
  'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html';
const GLUE =
  'https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-exceptions.html';
const SOURCE = 'https://docs.aws.amazon.com/general/latest/gr/api-retries.html';
const KMS_QUOTA =
  'AWS KMS "Request quotas" and "Throttling" (https://docs.aws.amazon.com/kms/latest/developerguide/requests-per-second.html): requests over the quota are throttled and should be retried with back-off';
const KMS_ERRORS =
  'AWS KMS API "Common errors" and per-operation errors, e.g. Decrypt (https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html)';
const STS_ERRORS =
  'AWS STS API, AssumeRoleWithWebIdentity errors (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html)';

/** AWS error codes, as SDKs print them (`An error occurred (X)`, `Error Code: X`). */
export const awsTable: VendorCodeTable = {
  name: 'aws',
  system: 'aws',
  entries: [
    // Credentials and authorization
    {
      key: 'AccessDenied',
      code: 'AccessDenied',
      category: 'permission',
      weight: 0.85,
      description: 'AWS AccessDenied (access denied)',
      source: S3,
    },
    {
      key: 'AccessDeniedException',
      code: 'AccessDeniedException',
      category: 'permission',
      weight: 0.85,
      description: 'AWS AccessDeniedException (access denied)',
      source: GLUE,
    },
    {
      key: 'AllAccessDisabled',
      code: 'AllAccessDisabled',
      category: 'permission',
      weight: 0.85,
      description:
        'AWS AllAccessDisabled (all access to the object is disabled)',
      source: S3,
    },
    {
      key: 'InvalidAccessKeyId',
      code: 'InvalidAccessKeyId',
      category: 'permission',
      weight: 0.85,
      description: 'AWS InvalidAccessKeyId (the access key does not exist)',
      source: S3,
    },
    {
      key: 'SignatureDoesNotMatch',
      code: 'SignatureDoesNotMatch',
      category: 'permission',
      weight: 0.8,
      description:
        'AWS SignatureDoesNotMatch (the request signature does not match)',
      source: S3,
    },
    {
      key: 'ExpiredToken',
      code: 'ExpiredToken',
      category: 'permission',
      weight: 0.75,
      description: 'AWS ExpiredToken (the security token has expired)',
      source: S3,
    },
    {
      key: 'ExpiredTokenException',
      code: 'ExpiredTokenException',
      category: 'permission',
      weight: 0.75,
      description: 'AWS ExpiredTokenException (the security token has expired)',
      source: SOURCE,
    },
    {
      key: 'InvalidClientTokenId',
      code: 'InvalidClientTokenId',
      category: 'permission',
      weight: 0.85,
      description: 'AWS InvalidClientTokenId (the security token is invalid)',
      source: SOURCE,
    },
    {
      key: 'UnrecognizedClientException',
      code: 'UnrecognizedClientException',
      category: 'permission',
      weight: 0.85,
      description:
        'AWS UnrecognizedClientException (the security token is invalid)',
      source: SOURCE,
    },
    // Throttling and transient service errors (the SDKs' retryable set)
    {
      key: 'Throttling',
      code: 'Throttling',
      category: 'dependency_unavailable',
      weight: 0.85,
      transient: true,
      description: 'AWS Throttling (request throttled)',
      source: SOURCE,
    },
    {
      key: 'ThrottlingException',
      code: 'ThrottlingException',
      category: 'dependency_unavailable',
      weight: 0.85,
      transient: true,
      description: 'AWS ThrottlingException (request throttled)',
      source: SOURCE,
    },
    {
      key: 'RequestLimitExceeded',
      code: 'RequestLimitExceeded',
      category: 'dependency_unavailable',
      weight: 0.85,
      transient: true,
      description: 'AWS RequestLimitExceeded (request rate limit exceeded)',
      source: SOURCE,
    },
    {
      key: 'TooManyRequestsException',
      code: 'TooManyRequestsException',
      category: 'dependency_unavailable',
      weight: 0.85,
      transient: true,
      description: 'AWS TooManyRequestsException (too many requests)',
      source: SOURCE,
    },
    {
      key: 'ProvisionedThroughputExceededException',
      code: 'ProvisionedThroughputExceededException',
      category: 'dependency_unavailable',
      weight: 0.85,
      transient: true,
      description:
        'AWS ProvisionedThroughputExceededException (provisioned throughput exceeded)',
      source: SOURCE,
    },
    {
      key: 'RequestThrottled',
      code: 'RequestThrottled',
      category: 'dependency_unavailable',
      weight: 0.85,
      transient: true,
      description: 'AWS RequestThrottled (request throttled)',
      source: SOURCE,
    },
    // The product reads S3 SlowDown as pressure from many small requests (see the small-file rules).
    {
      key: 'SlowDown',
      code: 'SlowDown',
      category: 'small_file_pressure',
      weight: 0.55,
      transient: true,
      unless: [{ source: 'operations involving AWS KMS', flags: 'i' }],
      description: 'AWS SlowDown (reduce your request rate)',
      source: S3,
    },
    {
      key: 'SlowDown-dependency_unavailable',
      code: 'SlowDown',
      category: 'dependency_unavailable',
      weight: 0.5,
      description:
        'AWS SlowDown (reduce your request rate): also read as dependency unavailable',
      source: S3,
    },
    {
      // SSE-KMS reads and writes count against KMS request quotas; S3 then answers SlowDown.
      key: 'SlowDown-kms',
      code: 'SlowDown',
      category: 'dependency_unavailable',
      weight: 0.85,
      transient: true,
      requires: [{ source: 'operations involving AWS KMS', flags: 'i' }],
      description:
        'AWS SlowDown for KMS (S3 requests that use SSE-KMS exceeded the KMS request quota)',
      source: KMS_QUOTA,
    },
    {
      key: 'InternalError',
      code: 'InternalError',
      category: 'dependency_unavailable',
      weight: 0.75,
      transient: true,
      description: 'AWS InternalError (internal error; retry)',
      source: S3,
    },
    {
      key: 'InternalFailure',
      code: 'InternalFailure',
      category: 'dependency_unavailable',
      weight: 0.75,
      transient: true,
      description: 'AWS InternalFailure (internal failure)',
      source: SOURCE,
    },
    {
      key: 'InternalServiceException',
      code: 'InternalServiceException',
      category: 'dependency_unavailable',
      weight: 0.75,
      transient: true,
      description: 'AWS InternalServiceException (internal service error)',
      source: GLUE,
    },
    {
      key: 'InternalServerError',
      code: 'InternalServerError',
      category: 'dependency_unavailable',
      weight: 0.75,
      transient: true,
      description: 'AWS InternalServerError (internal server error)',
      source: SOURCE,
    },
    {
      key: 'InternalServerException',
      code: 'InternalServerException',
      category: 'dependency_unavailable',
      weight: 0.75,
      transient: true,
      description: 'AWS InternalServerException (internal server error)',
      source: SOURCE,
    },
    {
      key: 'ServiceUnavailable',
      code: 'ServiceUnavailable',
      category: 'dependency_unavailable',
      weight: 0.75,
      transient: true,
      description: 'AWS ServiceUnavailable (service unavailable)',
      source: S3,
    },
    {
      key: 'ServiceUnavailableException',
      code: 'ServiceUnavailableException',
      category: 'dependency_unavailable',
      weight: 0.75,
      transient: true,
      description: 'AWS ServiceUnavailableException (service unavailable)',
      source: SOURCE,
    },
    {
      key: 'ServiceException',
      code: 'ServiceException',
      category: 'dependency_unavailable',
      weight: 0.6,
      description: 'AWS ServiceException (service error)',
      source: SOURCE,
    },
    {
      key: 'OperationTimeoutException',
      code: 'OperationTimeoutException',
      category: 'dependency_unavailable',
      weight: 0.55,
      description: 'AWS OperationTimeoutException (the operation timed out)',
      source: GLUE,
    },
    // Limits and quotas
    {
      key: 'ResourceNumberLimitExceededException',
      code: 'ResourceNumberLimitExceededException',
      category: 'resource_exhaustion',
      weight: 0.75,
      description:
        'AWS ResourceNumberLimitExceededException (a resource count limit was exceeded)',
      source: GLUE,
    },
    {
      key: 'ConcurrentRunsExceededException',
      code: 'ConcurrentRunsExceededException',
      category: 'resource_exhaustion',
      weight: 0.6,
      description:
        'AWS ConcurrentRunsExceededException (too many concurrent runs of the job)',
      source: GLUE,
    },
    {
      key: 'ServiceQuotaExceededException',
      code: 'ServiceQuotaExceededException',
      category: 'resource_exhaustion',
      weight: 0.75,
      description:
        'AWS ServiceQuotaExceededException (a service quota was exceeded)',
      source: SOURCE,
    },
    {
      key: 'ActiveStatementsExceededException',
      code: 'ActiveStatementsExceededException',
      category: 'resource_exhaustion',
      weight: 0.6,
      description:
        'AWS ActiveStatementsExceededException (too many active statements (Redshift Data API))',
      source:
        'https://docs.aws.amazon.com/redshift-data/latest/APIReference/CommonErrors.html',
    },
    {
      key: 'ConcurrentModificationException',
      code: 'ConcurrentModificationException',
      category: 'dependency_unavailable',
      weight: 0.55,
      transient: true,
      description:
        'AWS ConcurrentModificationException (a concurrent update changed the resource)',
      source: GLUE,
    },
    // Names and inputs that do not exist or are invalid
    // The request went to the wrong region or names an invalid bucket: configuration.
    {
      key: 'PermanentRedirect',
      code: 'PermanentRedirect',
      category: 'config_error',
      weight: 0.88,
      description:
        'AWS S3 PermanentRedirect (the bucket is in another region than the endpoint used)',
      source: S3,
    },
    {
      key: 'AuthorizationHeaderMalformed',
      code: 'AuthorizationHeaderMalformed',
      category: 'config_error',
      weight: 0.7,
      description:
        'AWS S3 AuthorizationHeaderMalformed (the request was signed for the wrong region)',
      source: S3,
    },
    {
      key: 'IllegalLocationConstraintException',
      code: 'IllegalLocationConstraintException',
      category: 'config_error',
      weight: 0.85,
      description:
        'AWS S3 IllegalLocationConstraintException (bucket region and request region disagree)',
      source: S3,
    },
    {
      key: 'InvalidBucketName',
      code: 'InvalidBucketName',
      category: 'config_error',
      weight: 0.88,
      description:
        'AWS S3 InvalidBucketName (the specified bucket is not valid)',
      source: S3,
    },
    {
      key: 'NoSuchBucket',
      code: 'NoSuchBucket',
      category: 'config_error',
      weight: 0.75,
      description: 'AWS NoSuchBucket (the bucket does not exist)',
      source: S3,
    },
    {
      key: 'NoSuchKey',
      code: 'NoSuchKey',
      category: 'config_error',
      weight: 0.35,
      description: 'AWS NoSuchKey (the key does not exist)',
      source: S3,
    },
    {
      key: 'NoSuchKey-source_delay',
      code: 'NoSuchKey',
      category: 'source_delay',
      weight: 0.3,
      description:
        'AWS NoSuchKey (the key does not exist): also read as source delay',
      source: S3,
    },
    {
      key: 'InvalidObjectState',
      code: 'InvalidObjectState',
      category: 'config_error',
      weight: 0.6,
      description:
        'AWS InvalidObjectState (the object is archived (not readable in its storage class))',
      source: S3,
    },
    {
      key: 'EntityNotFoundException',
      code: 'EntityNotFoundException',
      category: 'config_error',
      weight: 0.55,
      description:
        'AWS EntityNotFoundException (the catalog entity does not exist)',
      source: GLUE,
    },
    {
      key: 'EntityNotFoundException-source_delay',
      code: 'EntityNotFoundException',
      category: 'source_delay',
      weight: 0.25,
      description:
        'AWS EntityNotFoundException (the catalog entity does not exist): also read as source delay',
      source: GLUE,
    },
    {
      key: 'ResourceNotFoundException',
      code: 'ResourceNotFoundException',
      category: 'config_error',
      weight: 0.45,
      description:
        'AWS ResourceNotFoundException (the resource does not exist)',
      source: SOURCE,
    },
    {
      key: 'InvalidInputException',
      code: 'InvalidInputException',
      category: 'config_error',
      weight: 0.5,
      description: 'AWS InvalidInputException (the input is invalid)',
      source: GLUE,
    },
    {
      key: 'ValidationException',
      code: 'ValidationException',
      category: 'config_error',
      weight: 0.45,
      description: 'AWS ValidationException (the request failed validation)',
      source: SOURCE,
    },
    // KMS keys in a state that refuses every request until someone changes the key
    {
      key: 'KMS-key-state',
      codes: [
        'KMS.DisabledException',
        'DisabledException',
        'KMS.KMSInvalidStateException',
        'KMSInvalidStateException',
        'KMS.NotFoundException',
      ],
      // The taxonomy files KMS refusals under permission: the key's administrators must act.
      category: 'permission',
      weight: 0.8,
      description:
        'AWS KMS DisabledException / KMSInvalidStateException / NotFoundException (the key is disabled, pending deletion or does not exist)',
      source: KMS_ERRORS,
    },
    {
      key: 'KMS-access',
      codes: ['KMS.AccessDeniedException', 'KMS.InvalidGrantTokenException'],
      category: 'permission',
      weight: 0.85,
      description:
        'AWS KMS AccessDeniedException (the key policy or a grant does not allow the caller)',
      source: KMS_ERRORS,
    },
    {
      key: 'KMS.ThrottlingException',
      code: 'KMS.ThrottlingException',
      category: 'dependency_unavailable',
      weight: 0.85,
      transient: true,
      description:
        'AWS KMS ThrottlingException (the KMS request quota was exceeded)',
      source: KMS_QUOTA,
    },
    // STS federation
    {
      key: 'IDPCommunicationError',
      code: 'IDPCommunicationError',
      category: 'dependency_unavailable',
      weight: 0.8,
      transient: true,
      description:
        'AWS STS IDPCommunicationError (the identity provider could not be reached; retry)',
      source: STS_ERRORS,
    },
    {
      key: 'InvalidIdentityToken',
      codes: ['InvalidIdentityToken', 'IDPRejectedClaim'],
      category: 'permission',
      weight: 0.85,
      description:
        'AWS STS InvalidIdentityToken / IDPRejectedClaim (the web identity token was refused)',
      source: STS_ERRORS,
    },
    {
      key: 'RegionDisabledException',
      code: 'RegionDisabledException',
      category: 'config_error',
      weight: 0.8,
      description:
        'AWS STS RegionDisabledException (STS is not activated in the requested region)',
      source: STS_ERRORS,
    },
  ],
};

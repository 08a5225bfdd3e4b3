import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

/** How S3, GCS, ADLS, IAM, STS, KMS, Lake Formation, Glue and HTTP clients report failures. */
export const cloudStorageIamPack: RulePack = {
  name: 'cloud-storage-iam',
  origin: 'built-in',
  rules: [
    // The bucket, region or endpoint the configuration names is wrong: S3 redirects to the
    // bucket's own region or rejects the name. A retry goes to the same place.
    {
      id: 'storage-endpoint-region-mismatch',
      category: 'config_error',
      description: 'bucket, region or endpoint in the configuration is wrong',
      patterns: [
        "must be addressed using the specified endpoint|PermanentRedirect|AWSRedirectException|the region '[\\w-]+' is wrong; expecting|IllegalLocationConstraintException|The specified bucket is not valid|InvalidBucketName|Bucket name must match the regex|Invalid bucket name|is not a valid (?:AWS )?region|Provided region_name '[^']*' doesn't match a supported format|InvalidRegion|Unknown region",
      ],
      where: 'chain',
      weight: 0.9,
      explains: ['permission', 'dependency_unavailable'],
    },
    // --- permission
    {
      id: 'aws-access-denied',
      category: 'permission',
      description: 'access denied by IAM / bucket policy / Lake Formation',
      patterns: [
        'AccessDenied(?:Exception)?|Access Denied|is not authorized to perform|UnauthorizedOperation|AuthorizationException|Insufficient Lake Formation permission|lakeformation:|explicit deny|no identity-based policy allows|(?:not authorized|denied) .{0,40}lakeformation',
      ],
      weight: 0.9,
    },
    {
      id: 'http-forbidden',
      category: 'permission',
      description: 'HTTP 403 Forbidden',
      patterns: [
        '403 Forbidden|Status Code: 403|Forbidden \\(Service|HTTP(?:/[\\d.]+)? 403|status(?:_code)?[=:] ?403|Error 403|AmazonS3Exception: Forbidden',
      ],
      weight: 0.85,
      unless: [ci('rateLimitExceeded|rate limit|quota')],
    },
    {
      id: 'gcp-permission-denied',
      category: 'permission',
      description: 'GCP / Azure permission denied',
      patterns: [
        'PERMISSION_DENIED|Permission [\'"][^\'"]+[\'"] denied|does not have [\\w.]+ access|Caller does not have permission|The caller does not have permission|Request had insufficient authentication scopes|iam\\.serviceAccounts\\.actAs|AuthorizationPermissionMismatch|AuthorizationFailure|This request is not authorized to perform this operation',
      ],
      weight: 0.9,
    },
    {
      id: 'azure-authentication',
      category: 'permission',
      description: 'Azure authentication failed',
      patterns: [
        'AuthenticationFailed|Server failed to authenticate the request|InvalidAuthenticationInfo|AADSTS\\d+|ClientAuthenticationError',
      ],
      weight: 0.85,
    },
    {
      id: 'kms-denied',
      category: 'permission',
      description: 'KMS key not usable by this identity',
      patterns: [
        'KMS\\.\\w*Exception|kms:(?:Decrypt|GenerateDataKey|Encrypt)|KMSInvalidStateException|The ciphertext refers to a customer master key that does not exist|AWSKMSException|not authorized to perform: kms:',
      ],
      weight: 0.85,
    },
    {
      id: 'credentials-expired',
      category: 'permission',
      description: 'credentials or token expired',
      patterns: [
        ci(
          'ExpiredToken(?:Exception)?|security token included in the request is expired|token (?:has )?expired|credentials have expired|RequestExpired|provided token has expired|refresh token (?:is )?(?:invalid|expired)|invalid_grant|Authentication token has expired',
        ),
      ],
      weight: 0.85,
    },
    {
      id: 'credentials-invalid',
      category: 'permission',
      description: 'credentials rejected',
      patterns: [
        'InvalidAccessKeyId|SignatureDoesNotMatch|InvalidClientTokenId|UnrecognizedClientException|security token included in the request is invalid|[Ii]nvalid credentials|AuthFailure|InvalidSignatureException|401 Unauthorized|\\bUnauthorized\\b|status(?:_code)?[=:] ?401|HTTP(?:/[\\d.]+)? 401',
      ],
      weight: 0.8,
    },
    {
      id: 'sts-assume-role',
      category: 'permission',
      description: 'role cannot be assumed',
      patterns: [
        'sts:AssumeRole|should be given assume role permissions|is not authorized to assume role|AssumeRole.{0,80}(?:AccessDenied|not authorized)',
      ],
      weight: 0.9,
    },
    {
      id: 'os-permission-denied',
      category: 'permission',
      description: 'permission denied',
      patterns: [
        ci(
          'permission denied|PermissionError: \\[Errno 13\\]|EACCES|Operation not permitted',
        ),
      ],
      weight: 0.75,
    },
    {
      id: 'generic-not-authorized',
      category: 'permission',
      description: 'not authorized / forbidden wording',
      patterns: [
        ci(
          '\\bnot authori[sz]ed\\b|\\bforbidden\\b|\\bunauthori[sz]ed\\b|\\binsufficient (?:permissions?|privileges?)\\b|\\baccess (?:is )?denied\\b',
        ),
      ],
      weight: 0.6,
      unless: [ci('rateLimitExceeded|rate limit')],
    },

    // --- credentials missing: a configuration problem first
    {
      id: 'credentials-missing',
      category: 'config_error',
      description: 'no credentials configured',
      patterns: [
        ci(
          'NoCredentialsError|Unable to locate credentials|Unable to load (?:AWS )?credentials|No AWSCredentials provided|Could not load credentials from any providers|DefaultCredentialsError|Could not automatically determine credentials|No valid credential sources found|credentials? (?:file )?not found',
        ),
      ],
      weight: 0.7,
    },
    {
      id: 'aws-region-missing',
      category: 'config_error',
      description: 'no AWS region configured',
      patterns: ['NoRegionError|You must specify a region'],
      weight: 0.9,
    },
    {
      id: 'credentials-missing-permission',
      category: 'permission',
      description: 'missing credentials deny access',
      patterns: [
        ci(
          'NoCredentialsError|Unable to locate credentials|Could not load credentials from any providers',
        ),
      ],
      weight: 0.4,
    },

    // --- small files / request rate
    {
      id: 's3-slow-down',
      category: 'small_file_pressure',
      description: 'object store throttles the request rate (too many objects)',
      patterns: [
        ci(
          '\\bSlowDown\\b|\\bSlow Down\\b|Please reduce your request rate|503 Slow Down',
        ),
      ],
      weight: 0.85,
      explains: ['dependency_unavailable'],
      // S3 also answers SlowDown when SSE-KMS requests exceed the KMS quota: a KMS rate, not file layout.
      unless: [ci('operations involving AWS KMS')],
    },
    {
      id: 'small-files-words',
      category: 'small_file_pressure',
      description: 'too many small files',
      patterns: [
        ci(
          'too many (?:small )?files|small files? (?:problem|issue|pressure)|number of files .{0,60}exceeds|(?:millions|\\b\\d{6,}) (?:of )?(?:small )?files|needs? compaction|run compaction',
        ),
      ],
      weight: 0.75,
    },
    {
      id: 'hdfs-namespace-quota',
      category: 'small_file_pressure',
      description: 'namespace or directory item limit reached',
      patterns: [
        'NSQuotaExceededException|The NameSpace quota .{0,80} is exceeded|directory item limit .{0,80} is exceeded|MaxDirectoryItemsExceededException',
      ],
      weight: 0.85,
    },

    // --- missing objects
    {
      id: 's3-no-such-bucket',
      category: 'config_error',
      description: 'bucket or container does not exist',
      patterns: [
        ci(
          'NoSuchBucket|The specified bucket does not exist|bucket .{0,80} does not exist|Bucket not found|The specified container does not exist|ContainerNotFound',
        ),
      ],
      weight: 0.85,
    },
    {
      id: 'object-not-found',
      category: 'source_delay',
      description: 'input object not found',
      patterns: [
        "NoSuchKey|The specified key does not exist|No such object|BlobNotFound|The specified blob does not exist|FileNotFoundException: No such file or directory: (?:s3a?|gs|abfss?|wasbs?)://|does not exist: (?:s3a?|gs|abfss?)://|matches 0 files|No files? (?:found|matched)|Found 0 files|No objects? found|No such file or directory: '?(?:s3a?|gs)://",
      ],
      weight: 0.6,
    },
    {
      id: 'object-not-found-config',
      category: 'config_error',
      description: 'a missing object can be a wrong path',
      patterns: [
        'NoSuchKey|The specified key does not exist|No such object|BlobNotFound',
      ],
      weight: 0.3,
    },

    // --- dependencies
    {
      id: 'connection-refused',
      category: 'dependency_unavailable',
      description: 'connection refused',
      patterns: [
        'Connection refused|ECONNREFUSED|ConnectionRefusedError|ConnectException: Connection refused',
      ],
      weight: 0.85,
    },
    {
      id: 'connection-reset',
      category: 'dependency_unavailable',
      description: 'connection reset or dropped',
      patterns: [
        ci(
          'Connection reset(?: by peer)?|ECONNRESET|Broken pipe|\\bEPIPE\\b|Connection closed by (?:remote|peer)|connection was forcibly closed|EOF occurred in violation of protocol|Connection aborted|SocketException: Connection',
        ),
      ],
      weight: 0.65,
      unless: [
        'FetchFailedException|MetadataFetchFailedException|ShuffleBlockFetcher|OneForOneBlockFetcher',
      ],
    },
    {
      id: 'connection-timeout',
      category: 'dependency_unavailable',
      description: 'connection timed out',
      patterns: [
        ci(
          'Connection timed out|connect timed out|ETIMEDOUT|ConnectTimeout(?:Exception|Error)?|timed out connecting|Connection timeout|SocketTimeoutException|Read timed out|Timeout waiting for connection from pool|RequestTimeout|socket connection to the server was not read from or written to within the timeout period',
        ),
      ],
      weight: 0.7,
    },
    {
      id: 'aws-sdk-connection',
      category: 'dependency_unavailable',
      description: 'the AWS SDK lost or could not open its connection',
      patterns: [
        'ConnectionClosedError|Connection was closed before we received a valid response|ReadTimeoutError: Read timeout on endpoint URL|ConnectTimeoutError: Connect timeout on endpoint URL',
      ],
      weight: 0.75,
    },
    {
      id: 'endpoint-unreachable',
      category: 'dependency_unavailable',
      description: 'service endpoint unreachable',
      patterns: [
        'NoNodesLeftException|all nodes failed|Unable to execute HTTP request|EndpointConnectionError|Could not connect to the endpoint URL|Connect to [\\w.-]+:\\d+ .{0,120}failed|No route to host|Network is unreachable|EHOSTUNREACH',
      ],
      weight: 0.7,
    },
    {
      id: 'dns-failure',
      category: 'dependency_unavailable',
      description: 'host name did not resolve',
      patterns: [
        'UnknownHostException|Name or service not known|Temporary failure in name resolution|nodename nor servname provided|getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|Could not resolve host|No address associated with hostname|Failed to resolve [\'"]?[\\w.-]+',
      ],
      weight: 0.65,
    },
    {
      id: 'dns-failure-config',
      category: 'config_error',
      description: 'an unresolvable host can be a wrong host name',
      patterns: [
        'UnknownHostException|Name or service not known|nodename nor servname provided|Could not resolve host',
      ],
      weight: 0.4,
    },
    {
      id: 'http-rate-limited',
      category: 'dependency_unavailable',
      description: 'API rate limit (HTTP 429 / throttling)',
      patterns: [
        ci(
          '429 Too Many Requests|Too Many Requests|TooManyRequestsException|rate limit(?:ed| exceeded| reached)?\\b|Rate exceeded|ThrottlingException|Throttling: Rate exceeded|RequestLimitExceeded|requests? per (?:second|minute|hour|day) (?:exceeded|limit)|requests? per (?:second|minute|hour) exceeded|API rate limit|quota exceeded for quota metric|RESOURCE_EXHAUSTED|retry after \\d+|Throttled|RequestThrottled|userRateLimitExceeded',
        ),
      ],
      weight: 0.85,
      unless: [
        ci(
          'message larger than max|exceeds maximum size|message exceeds maximum',
        ),
      ],
    },
    {
      id: 'http-server-error',
      category: 'dependency_unavailable',
      description: 'remote service error (HTTP 5xx)',
      patterns: [
        ci(
          'Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out|5\\d\\d Server Error|upstream connect error|no healthy upstream|We encountered an internal error\\. Please try again|ServiceUnavailable(?:Exception)?|InternalServerError|InternalFailure|ServiceFailure|\\b50[0234] (?:GET|POST|PUT|PATCH|DELETE|HEAD) https?://',
        ),
      ],
      weight: 0.75,
      // Flink's REST client prints a server-side exception as "[Internal server error., <Exception
      // on server side: ...>]": the cause is that exception, not a failing service.
      unless: [
        ci('\\bSlowDown\\b|\\bSlow Down\\b|reduce your request rate'),
        '<Exception on server side:',
      ],
    },
    {
      id: 'tls-certificate',
      category: 'config_error',
      description: 'TLS certificate not trusted',
      patterns: [
        ci(
          'CERTIFICATE_VERIFY_FAILED|certificate verify failed|unable to find valid certification path|PKIX path building failed|certificate has expired|self[- ]signed certificate',
        ),
      ],
      weight: 0.7,
    },

    // The peer ended the TLS handshake with a fatal alert that names a mismatch of versions,
    // ciphers or certificates (RFC 8446 section 6.2, AlertDescription): a setting, not a blip.
    {
      id: 'tls-handshake-rejected',
      category: 'config_error',
      description:
        'TLS handshake rejected for a protocol, cipher or certificate mismatch',
      patterns: [
        ci(
          'Received fatal alert: (?:handshake_failure|protocol_version|insufficient_security|bad_certificate|unsupported_certificate|certificate_revoked|certificate_expired|certificate_unknown|unknown_ca|illegal_parameter|decrypt_error|no_application_protocol|certificate_required)|SslAuthenticationException|No appropriate protocol \\(protocol is disabled or cipher suites are inappropriate\\)',
        ),
      ],
      weight: 0.8,
      where: 'chain',
      explains: ['dependency_unavailable', 'permission'],
    },

    // One end speaks TLS, the other plaintext (JSSE, Go net/http, nginx; a Kafka broker reads a
    // TLS ClientHello as a ~369 MB frame, KAFKA-4493): a wrong port, scheme or protocol setting.
    {
      id: 'tls-against-plaintext',
      category: 'config_error',
      description: 'TLS spoken to a plaintext endpoint, or the reverse',
      patterns: [
        ci(
          'Unrecognized SSL message, plaintext connection|server gave HTTP response to HTTPS client|plain HTTP request was sent to HTTPS port|Invalid receive \\(size = 3692(?:95|96)\\d{3} larger than',
        ),
      ],
      weight: 0.8,
      where: 'chain',
      explains: ['dependency_unavailable'],
    },
    // AWS RequestTimeTooSkewed (S3 error responses; MinIO, OSS and OBS reuse it) and Kerberos
    // KRB_AP_ERR_SKEW (RFC 4120): the host's clock, not the credentials.
    {
      id: 'request-clock-skew',
      category: 'infrastructure',
      description: "requests refused because the host's clock is skewed",
      patterns: [
        ci(
          "RequestTimeTooSkewed|difference between the request time and the (?:current|server's) time is too large|Clock skew too great|KRB_AP_ERR_SKEW",
        ),
      ],
      weight: 0.8,
      where: 'chain',
      explains: ['permission', 'dependency_unavailable'],
    },
    // MySQL ER_NET_PACKET_TOO_LARGE (max_allowed_packet, MySQL manual B.3.2.8), librdkafka's
    // receive.message.max.bytes: a size setting, often seen only as a dropped connection.
    {
      id: 'payload-over-size-setting',
      category: 'config_error',
      description: 'a statement or message larger than a size setting allows',
      patterns: [
        ci(
          "Packet for query is too large|PacketTooBigException|packet bigger than '?max_allowed_packet|Packets larger than max_allowed_packet|increase receive\\.message\\.max\\.bytes",
        ),
      ],
      weight: 0.8,
      where: 'chain',
      explains: ['dependency_unavailable', 'resource_exhaustion'],
    },

    // A 429 or RESOURCE_EXHAUSTED whose limit is the day's or the plan's allowance (Google's
    // "limit '... per day'", OpenAI and Gemini insufficient_quota): spent quota, not a rate.
    {
      id: 'api-quota-for-period',
      category: 'resource_exhaustion',
      description: "an API's daily, monthly or plan quota is used up",
      patterns: [
        ci(
          "limit '[^']{0,80}\\bper (?:day|month)'|insufficient_quota|You exceeded your current quota, please check your plan",
        ),
      ],
      weight: 0.85,
      where: 'chain',
      explains: ['dependency_unavailable'],
    },

    // --- Glue
    {
      id: 'glue-category-permission',
      category: 'permission',
      description: 'Glue classified the error as a permission error',
      patterns: ['Error Category: PERMISSION_ERROR'],
      weight: 0.7,
    },
    {
      id: 'glue-category-memory',
      category: 'resource_exhaustion',
      description: 'Glue classified the error as out of memory',
      patterns: [
        'Error Category: (?:OUT_OF_MEMORY_ERROR|NO_SPACE_LEFT_ERROR|DISK_NO_SPACE_ERROR)',
      ],
      weight: 0.8,
    },
    {
      id: 'glue-category-syntax',
      category: 'code_error',
      description: 'Glue classified the error as a syntax / query error',
      patterns: [
        'Error Category: (?:SYNTAX_ERROR|QUERY_ERROR|UNSUPPORTED_OPERATION_ERROR)',
      ],
      weight: 0.55,
    },
    {
      id: 'glue-category-connection',
      category: 'dependency_unavailable',
      description: 'Glue classified the error as connection / throttling',
      patterns: ['Error Category: (?:CONNECTION_ERROR|THROTTLING_ERROR)'],
      weight: 0.65,
    },
    {
      id: 'glue-category-invalid-argument',
      category: 'config_error',
      description: 'Glue classified the error as an invalid argument',
      patterns: [
        'Error Category: (?:INVALID_ARGUMENT_ERROR|RESOURCE_NOT_FOUND_ERROR)',
      ],
      weight: 0.5,
    },
    {
      id: 'glue-capacity',
      category: 'resource_exhaustion',
      description: 'concurrency or capacity limit reached',
      patterns: [
        ci(
          'ConcurrentRunsExceededException|Max concurrent runs exceeded|ResourceNumberLimitExceededException|Exceeded maximum concurrent compute capacity|Unable to acquire worker nodes|capacity is not available|Insufficient capacity',
        ),
      ],
      weight: 0.6,
      unless: [
        ci(
          'InsufficientInstanceCapacity|INSUFFICIENT_INSTANCE_CAPACITY|CLOUD_PROVIDER_LAUNCH_FAILURE|ZONE_RESOURCE_POOL_EXHAUSTED',
        ),
      ],
    },
    // The cloud had no machines of that type in the zone: the platform, not the job's size.
    {
      id: 'cloud-capacity-launch',
      category: 'infrastructure',
      description:
        'the cloud could not provide the machines to launch the cluster',
      patterns: [
        ci(
          'InsufficientInstanceCapacity|INSUFFICIENT_INSTANCE_CAPACITY|CLOUD_PROVIDER_LAUNCH_FAILURE|ZONE_RESOURCE_POOL_EXHAUSTED|We currently do not have sufficient \\S+ capacity|does not have enough resources available to fulfill the request|AllocationFailed|SkuNotAvailable|InsufficientFreeAddressesInSubnet',
        ),
      ],
      // Dataproc and Dataflow print the stockout inside a JSON error body or a "Workflow
      // failed" line, not always on the exception line.
      where: 'any',
      weight: 0.85,
    },
    {
      id: 'glue-entity-not-found',
      category: 'config_error',
      description: 'catalog entity not found',
      patterns: [
        'EntityNotFoundException|Entity Not Found|Table [\\w.]+ not found in database',
      ],
      weight: 0.55,
    },
    {
      id: 'glue-vpc-endpoint',
      category: 'config_error',
      description: 'network setup of the job is wrong',
      patterns: [
        'Could not find S3 endpoint or NAT gateway for subnetId|VPC S3 endpoint validation failed|Failed to connect to the ENI',
      ],
      weight: 0.8,
    },
    // Issue 17, partial-write corpus: errors that stop a write part-way, in the vendor's wording.
    // Apache HttpCore: the object store closed a response before its declared length.
    {
      id: 'http-premature-end-of-content-length',
      category: 'dependency_unavailable',
      description: 'the storage endpoint closed responses early',
      patterns: ['Premature end of Content-Length delimited message body'],
      where: 'any',
      weight: 0.75,
    },
    // Issue 17, exception-name words: azure-identity says "unavailable" when a credential of the
    // DefaultAzureCredential chain is not set up here, not when a service is down (Azure SDK for
    // Python, azure-identity TROUBLESHOOTING.md: CredentialUnavailableError).
    {
      id: 'azure-identity-credential-not-configured',
      category: 'config_error',
      description: 'no Azure credential is configured in this environment',
      patterns: [
        'Environment variables are not fully configured|WorkloadIdentityCredential:? (?:authentication )?(?:is )?unavailable\\. tenantId, clientId,? and federatedTokenFilePath are required',
      ],
      weight: 0.85,
      explains: ['dependency_unavailable'],
    },
  ],
};

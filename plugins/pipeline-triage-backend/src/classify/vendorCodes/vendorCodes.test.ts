import { CATEGORIES } from '@pipeline-triage/plugin-pipeline-triage-common';
import { extractEvidence } from '../../evidence';
import { classify } from '../classify';
import { lookupVendorCode, VENDOR_CODE_TABLES, vendorCodeEntry } from '.';
import { jvmExceptionTable } from './jvmExceptions';
import { pythonExceptionTable } from './pythonExceptions';

function categoryOf(log: string, signals?: Record<string, unknown>) {
  return classify(extractEvidence({ logExcerpt: log, signals } as never))
    .category;
}

describe('vendor code tables', () => {
  it('name a source, a category and one way to match for every entry', () => {
    for (const table of VENDOR_CODE_TABLES) {
      const keys = new Set<string>();
      for (const e of table.entries) {
        expect(keys.has(e.key)).toBe(false);
        keys.add(e.key);
        expect(e.source.length).toBeGreaterThan(5);
        expect(CATEGORIES).toContain(e.category);
        expect(e.weight).toBeGreaterThan(0);
        expect(e.weight).toBeLessThanOrEqual(1);
        const exact =
          (e.code !== undefined ? 1 : 0) + (e.codes !== undefined ? 1 : 0);
        const family = e.prefix !== undefined || e.suffix !== undefined;
        expect(exact + (family ? 1 : 0)).toBe(1);
      }
    }
  });

  it('place an exact class before its family, and an unknown subclass in its family', () => {
    expect(
      lookupVendorCode(jvmExceptionTable, 'java.net.MalformedURLException')
        ?.category,
    ).toBe('config_error');
    expect(
      lookupVendorCode(jvmExceptionTable, 'java.net.HttpRetryException')?.key,
    ).toBe('java-net');
    expect(
      lookupVendorCode(jvmExceptionTable, 'com.acme.pool.ArenaOutOfMemoryError')
        ?.key,
    ).toBe('out-of-memory');
    // A table format's exception family: an Iceberg NoSuch* class the table does not list.
    expect(
      lookupVendorCode(
        jvmExceptionTable,
        'org.apache.iceberg.exceptions.NoSuchViewException',
      )?.key,
    ).toBe('iceberg-no-such');
    expect(
      categoryOf(
        'Caused by: org.apache.iceberg.exceptions.NoSuchIndexException: Index idx_a does not exist',
      ),
    ).toBe('config_error');
    expect(
      lookupVendorCode(
        jvmExceptionTable,
        'org.apache.iceberg.exceptions.CommitFailedException',
      )?.transient,
    ).toBe(true);
    // Kafka Connect's catch-all class is not a connection failure.
    expect(
      lookupVendorCode(
        jvmExceptionTable,
        'org.apache.kafka.connect.errors.ConnectException',
      ),
    ).toBeUndefined();
    expect(
      lookupVendorCode(
        jvmExceptionTable,
        'org.apache.http.conn.HttpHostConnectException',
      )?.key,
    ).toBe('connect');
    expect(
      lookupVendorCode(pythonExceptionTable, 'pymssql.OperationalError')?.key,
    ).toBe('dbapi-operational');
    expect(
      lookupVendorCode(pythonExceptionTable, 'PermissionError')?.category,
    ).toBe('permission');
  });

  it('say which codes the vendor declares transient, with the source', () => {
    expect(vendorCodeEntry('grpc', 'UNAVAILABLE')).toMatchObject({
      transient: true,
      source: expect.stringContaining('grpc.io'),
    });
    expect(vendorCodeEntry('http', '503')?.transient).toBe(true);
    expect(vendorCodeEntry('http', '404')?.transient).toBeUndefined();
    expect(
      vendorCodeEntry('exception', 'javax.net.ssl.SSLHandshakeException')
        ?.transient,
    ).toBeUndefined();
    expect(vendorCodeEntry('exception', 'psycopg2.OperationalError')?.key).toBe(
      'dbapi-operational',
    );
    expect(vendorCodeEntry('exitCode', '-102')?.transient).toBe(true);
  });
});

/** Messages no rule was written for: only the code or the exception family is known. */
describe('unseen messages classify by their code or family', () => {
  it.each([
    // JVM families: subclasses the tables do not list
    [
      'Caused by: com.acme.warehouse.QueryArenaOutOfMemoryError: arena "etl" has no pages left',
      'resource_exhaustion',
    ],
    [
      'Caused by: java.net.SomeFutureProtocolException: peer went quiet',
      'dependency_unavailable',
    ],
    [
      'java.net.MalformedURLException: no protocol: partner-api/v2/orders',
      'config_error',
    ],
    [
      'org.apache.spark.shuffle.RemoteBlockFetchFailedException: block manager of exec 7 gone',
      'infrastructure',
    ],
    [
      'com.vendor.jdbc.VendorTransientConnectionException: pool drained at 10.0.0.4',
      'dependency_unavailable',
    ],
    [
      'software.amazon.awssdk.services.quantumledger.model.ThrottlingException: try again later',
      'dependency_unavailable',
    ],
    [
      'com.example.shaded.com.google.api.gax.rpc.UnavailableException: io exception',
      'dependency_unavailable',
    ],
    // Python families
    [
      'acme_client.exceptions.UpstreamConnectionError: cannot talk to the feature store',
      'dependency_unavailable',
    ],
    [
      'mydriver.errors.OperationalError: node 3 is rebooting',
      'dependency_unavailable',
    ],
    ['pyodbcx.ProgrammingError: the statement refers to q.amt2', 'code_error'],
    ['PermissionError: /mnt/exports/ledger.csv', 'permission'],
    // gRPC codes in each client's format
    [
      'grpc._channel._InactiveRpcError: status = StatusCode.UNAVAILABLE details = "peer rejected"',
      'dependency_unavailable',
    ],
    [
      'rpc error: code = PermissionDenied desc = caller lacks role',
      'permission',
    ],
    ['Error: 16 UNAUTHENTICATED: token missing', 'permission'],
    // errno names and numbers
    ['OSError: [Errno 122] quota reached on /scratch', 'resource_exhaustion'],
    [
      'Error: getaddrinfo EAI_AGAIN api.partner.example',
      'dependency_unavailable',
    ],
    ['stream ended: ECONNRESET', 'dependency_unavailable'],
    // HTTP status families
    ['upload rejected: HTTP 507 from webdav.internal', 'resource_exhaustion'],
    ['gateway answered with status code: 599', 'dependency_unavailable'],
    ['request failed, status_code=418', 'config_error'],
    // A TLS failure explains the transport error wrapped around it: not an outage.
    [
      'io.grpc.StatusRuntimeException: UNAVAILABLE: io exception\nCaused by: javax.net.ssl.SSLHandshakeException: Received fatal alert: protocol_version',
      'config_error',
    ],
  ])('%s', (log, category) => {
    expect(categoryOf(log)).toBe(category);
  });

  it.each([
    [-104, 'resource_exhaustion'],
    [-102, 'infrastructure'],
    [127, 'config_error'],
    [139, 'code_error'],
    [-9, 'resource_exhaustion'],
  ])('exit code %s alone', (exitCode, category) => {
    expect(categoryOf('the step ended', { exitCode })).toBe(category);
  });

  it('reads a signal named in the text as the exit code it stands for', () => {
    expect(categoryOf('worker pid 4711 was terminated by signal SIGKILL')).toBe(
      'resource_exhaustion',
    );
  });

  it('reads a YARN exit status from the container report', () => {
    expect(
      categoryOf(
        'got container status for containerID=container_01_000004, state=COMPLETE, exitStatus=-102',
      ),
    ).toBe('infrastructure');
  });
});

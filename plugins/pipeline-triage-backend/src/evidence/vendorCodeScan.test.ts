import type { ErrorCode } from './types';
import { extractVendorCodes } from './vendorCodeScan';

function codes(line: string): string[] {
  const out: ErrorCode[] = [];
  extractVendorCodes(line, line.toLowerCase(), 'L1', out);
  return out.map(c => `${c.system}:${c.code}`);
}

describe('vendor code scan', () => {
  it.each([
    [
      'io.grpc.StatusRuntimeException: UNAVAILABLE: io exception',
      'grpc:UNAVAILABLE',
    ],
    ['\tstatus = StatusCode.RESOURCE_EXHAUSTED', 'grpc:RESOURCE_EXHAUSTED'],
    [
      'rpc error: code = PermissionDenied desc = caller lacks role',
      'grpc:PERMISSION_DENIED',
    ],
    [
      'Grpc.Core.RpcException: Status(StatusCode="DeadlineExceeded", Detail="")',
      'grpc:DEADLINE_EXCEEDED',
    ],
    ['{grpc_message:"boom", grpc_status:14}', 'grpc:UNAVAILABLE'],
    ['Error: 16 UNAUTHENTICATED: token missing', 'grpc:UNAUTHENTICATED'],
    [
      'gRPC error: RpcFailure: 8-RESOURCE_EXHAUSTED Received message larger than max',
      'grpc:RESOURCE_EXHAUSTED',
    ],
  ])('reads the gRPC status in %s', (line, code) => {
    expect(codes(line)).toContain(code);
  });

  it('ignores a number and a name that disagree, and words that only look like codes', () => {
    expect(
      codes('Stage 3 INTERNAL: shuffle done').filter(c => c.startsWith('grpc')),
    ).toEqual([]);
    expect(
      codes('ERROR EXECUTOR: EOF while reading').filter(c =>
        c.startsWith('errno'),
      ),
    ).toEqual([]);
  });

  it.each([
    ['Error: connect ECONNREFUSED 127.0.0.1:5432', 'errno:ECONNREFUSED'],
    ['  errno: -111,', 'errno:ECONNREFUSED'],
    ['OSError: [Errno 28] No space left on device', 'errno:ENOSPC'],
    ['Error: getaddrinfo EAI_AGAIN api.partner.example', 'errno:EAI_AGAIN'],
  ])('reads the errno name in %s', (line, code) => {
    expect(codes(line)).toContain(code);
  });

  it('records every exception class named on a line, deepest last', () => {
    expect(
      codes(
        'org.apache.kafka.connect.errors.ConnectException: java.sql.SQLException: I/O Error: DB server closed connection.',
      ).filter(c => c.startsWith('exception')),
    ).toEqual([
      'exception:org.apache.kafka.connect.errors.ConnectException',
      'exception:java.sql.SQLException',
    ]);
  });
});

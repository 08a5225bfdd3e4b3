import { findExceptionSegments } from './exceptions';
import type { ErrorCode } from './types';

/**
 * Codes that vendors print in their own formats and that the code tables in
 * classify/vendorCodes map to categories: gRPC status codes, errno names and exception classes.
 * This module only recognises them; what they mean is the tables' business.
 */

/** gRPC status codes by number (https://grpc.io/docs/guides/status-codes/). */
const GRPC_BY_NUMBER = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];
const GRPC_NAMES = new Set(GRPC_BY_NUMBER);

/** Linux errno numbers (errno(3), asm-generic/errno*.h) of the names worth recognising. */
const ERRNO_BY_NUMBER: Record<number, string> = {
  1: 'EPERM',
  2: 'ENOENT',
  5: 'EIO',
  11: 'EAGAIN',
  12: 'ENOMEM',
  13: 'EACCES',
  16: 'EBUSY',
  23: 'ENFILE',
  24: 'EMFILE',
  27: 'EFBIG',
  28: 'ENOSPC',
  30: 'EROFS',
  32: 'EPIPE',
  98: 'EADDRINUSE',
  99: 'EADDRNOTAVAIL',
  100: 'ENETDOWN',
  101: 'ENETUNREACH',
  103: 'ECONNABORTED',
  104: 'ECONNRESET',
  110: 'ETIMEDOUT',
  111: 'ECONNREFUSED',
  112: 'EHOSTDOWN',
  113: 'EHOSTUNREACH',
  116: 'ESTALE',
  122: 'EDQUOT',
};
/** Names printed without a number too (Node.js, libuv, getaddrinfo). */
const ERRNO_NAMES = new Set([
  ...Object.values(ERRNO_BY_NUMBER),
  'ENOTFOUND',
  'EAI_AGAIN',
  'ESOCKETTIMEDOUT',
]);

const GRPC_PATTERNS: Array<{
  gate: string;
  regex: RegExp;
  group?: 'name' | 'number' | 'camel' | 'numbered';
}> = [
  // Java: io.grpc.StatusRuntimeException: UNAVAILABLE: io exception
  {
    gate: 'exception: ',
    regex: /Status(?:Runtime)?Exception: ([A-Z_]{2,})\b/g,
  },
  // Python grpcio: status = StatusCode.RESOURCE_EXHAUSTED
  { gate: 'statuscode.', regex: /StatusCode\.([A-Z_]{2,})\b/g },
  // .NET: Status(StatusCode="ResourceExhausted", ...)
  { gate: 'statuscode="', regex: /StatusCode="([A-Za-z]+)"/g, group: 'camel' },
  // Go: rpc error: code = Unavailable desc = ...
  {
    gate: 'rpc error',
    regex: /rpc error: code = ([A-Za-z]+)/g,
    group: 'camel',
  },
  // Numeric: grpc_status:14, grpc-status: 8
  {
    gate: 'grpc',
    regex: /grpc[_-]status"?\s*[:=]\s*(\d{1,2})\b/g,
    group: 'number',
  },
  // Node and Rust clients: "Error: 14 UNAVAILABLE: ...", "8-RESOURCE_EXHAUSTED"
  {
    gate: '',
    regex: /(?<![\w.])(\d{1,2})[ -]([A-Z][A-Z_]{3,})(?=[:\s]|$)/g,
    group: 'numbered',
  },
];

function camelToName(s: string): string {
  return s.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

function push(
  out: ErrorCode[],
  system: ErrorCode['system'],
  code: string,
  lineId: string,
) {
  if (!out.some(c => c.system === system && c.code === code))
    out.push({ system, code, lineId });
}

function scanGrpc(
  text: string,
  lower: string,
  lineId: string,
  out: ErrorCode[],
) {
  for (const p of GRPC_PATTERNS) {
    if (p.gate && !lower.includes(p.gate)) continue;
    p.regex.lastIndex = 0;
    for (let m = p.regex.exec(text); m; m = p.regex.exec(text)) {
      let name = m[1];
      if (p.group === 'number') name = GRPC_BY_NUMBER[Number(name)] ?? '';
      else if (p.group === 'camel') name = camelToName(name);
      // A bare number before a name counts only when they agree ("14 UNAVAILABLE").
      else if (p.group === 'numbered')
        name = GRPC_BY_NUMBER[Number(m[1])] === m[2] ? m[2] : '';
      if (GRPC_NAMES.has(name) && name !== 'OK')
        push(out, 'grpc', name, lineId);
    }
  }
}

function scanErrno(
  text: string,
  lower: string,
  lineId: string,
  out: ErrorCode[],
) {
  if (/\bE[A-Z]{2}/.test(text)) {
    const re = /\b(E[A-Z][A-Z_]{1,14})\b/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (ERRNO_NAMES.has(m[1])) push(out, 'errno', m[1], lineId);
    }
  }
  if (lower.includes('errno')) {
    // Python "[Errno 111] Connection refused"; Node "errno: -111".
    const re = /\[Errno (\d{1,3})\]|\berrno:? ?-?(\d{1,3})\b/gi;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = ERRNO_BY_NUMBER[Number(m[1] ?? m[2])];
      if (name) push(out, 'errno', name, lineId);
    }
  }
}

/** Exception classes named on a line, as printed (`java.net.ConnectException`, `ConnectionRefusedError`). */
function scanExceptions(text: string, lineId: string, out: ErrorCode[]) {
  for (const s of findExceptionSegments(text))
    push(out, 'exception', s.exception, lineId);
}

/** Appends the vendor codes of one line (already capped in length) to `out`. */
export function extractVendorCodes(
  text: string,
  lower: string,
  lineId: string,
  out: ErrorCode[],
): void {
  scanGrpc(text, lower, lineId, out);
  scanErrno(text, lower, lineId, out);
  scanExceptions(text, lineId, out);
}

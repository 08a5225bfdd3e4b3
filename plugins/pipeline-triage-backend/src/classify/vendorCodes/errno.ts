import type { VendorCodeTable } from './types';

const POSIX = 'POSIX <errno.h> / Linux errno(3)';
const NODE = 'Node.js errors (nodejs.org/api/errors.html#common-system-errors)';

/** errno names (system `errno`), as printed by Python, Node.js, libc and the JVM's native layer. */
export const errnoTable: VendorCodeTable = {
  name: 'errno',
  system: 'errno',
  entries: [
    { key: 'econnrefused', code: 'ECONNREFUSED', category: 'dependency_unavailable', weight: 0.75, transient: true, description: 'connection refused (nothing listening)', source: `${POSIX}; ${NODE}` },
    { key: 'econnreset', code: 'ECONNRESET', category: 'dependency_unavailable', weight: 0.65, transient: true, description: 'connection reset by peer', source: `${POSIX}; ${NODE}` },
    { key: 'econnaborted', code: 'ECONNABORTED', category: 'dependency_unavailable', weight: 0.55, transient: true, description: 'connection aborted', source: POSIX },
    { key: 'etimedout', code: 'ETIMEDOUT', category: 'dependency_unavailable', weight: 0.6, transient: true, description: 'connection timed out', source: `${POSIX}; ${NODE}` },
    { key: 'esockettimedout', code: 'ESOCKETTIMEDOUT', category: 'dependency_unavailable', weight: 0.55, transient: true, description: 'socket timed out', source: 'request / got (Node.js HTTP clients)' },
    { key: 'ehostunreach', code: 'EHOSTUNREACH', category: 'dependency_unavailable', weight: 0.6, description: 'no route to host', source: POSIX },
    { key: 'ehostdown', code: 'EHOSTDOWN', category: 'dependency_unavailable', weight: 0.6, description: 'host is down', source: 'Linux errno(3)' },
    { key: 'enetunreach', code: 'ENETUNREACH', category: 'dependency_unavailable', weight: 0.55, description: 'network unreachable', source: POSIX },
    { key: 'enetdown', code: 'ENETDOWN', category: 'infrastructure', weight: 0.5, description: 'network is down on this host', source: POSIX },
    { key: 'enotfound', code: 'ENOTFOUND', category: 'dependency_unavailable', weight: 0.55, description: 'DNS lookup failed (getaddrinfo ENOTFOUND)', source: NODE },
    { key: 'eai-again', code: 'EAI_AGAIN', category: 'dependency_unavailable', weight: 0.6, transient: true, description: 'temporary DNS failure (getaddrinfo EAI_AGAIN)', source: 'POSIX getaddrinfo(3) EAI_AGAIN' },
    { key: 'epipe', code: 'EPIPE', category: 'dependency_unavailable', weight: 0.45, description: 'broken pipe (the other end closed)', source: `${POSIX}; ${NODE}` },
    { key: 'enospc', code: 'ENOSPC', category: 'resource_exhaustion', weight: 0.95, description: 'no space left on device', source: POSIX },
    { key: 'edquot', code: 'EDQUOT', category: 'resource_exhaustion', weight: 0.9, description: 'disk quota exceeded', source: POSIX },
    { key: 'efbig', code: 'EFBIG', category: 'resource_exhaustion', weight: 0.6, description: 'file too large', source: POSIX },
    { key: 'emfile', code: 'EMFILE', category: 'resource_exhaustion', weight: 0.9, description: 'too many open files (process limit)', source: `${POSIX}; ${NODE}` },
    { key: 'enfile', code: 'ENFILE', category: 'resource_exhaustion', weight: 0.9, description: 'too many open files in the system', source: POSIX },
    { key: 'enomem', code: 'ENOMEM', category: 'resource_exhaustion', weight: 0.85, description: 'cannot allocate memory', source: POSIX },
    { key: 'eagain', code: 'EAGAIN', category: 'resource_exhaustion', weight: 0.35, description: 'resource temporarily unavailable (often a process or thread limit)', source: POSIX },
    { key: 'eacces', code: 'EACCES', category: 'permission', weight: 0.75, description: 'permission denied', source: `${POSIX}; ${NODE}` },
    { key: 'eperm', code: 'EPERM', category: 'permission', weight: 0.6, description: 'operation not permitted', source: `${POSIX}; ${NODE}` },
    { key: 'erofs', code: 'EROFS', category: 'config_error', weight: 0.5, description: 'read-only file system', source: POSIX },
    { key: 'enoent', code: 'ENOENT', category: 'config_error', weight: 0.3, description: 'no such file or directory (a wrong path, or input not there yet)', source: `${POSIX}; ${NODE}` },
    { key: 'eaddrinuse', code: 'EADDRINUSE', category: 'config_error', weight: 0.5, description: 'address already in use', source: `${POSIX}; ${NODE}` },
    { key: 'eaddrnotavail', code: 'EADDRNOTAVAIL', category: 'config_error', weight: 0.45, description: 'address not available on this host', source: POSIX },
    { key: 'eio', code: 'EIO', category: 'infrastructure', weight: 0.55, description: 'I/O error on the device', source: POSIX },
    { key: 'estale', code: 'ESTALE', category: 'infrastructure', weight: 0.5, description: 'stale NFS file handle', source: 'Linux errno(3)' },
    { key: 'ebusy', code: 'EBUSY', category: 'infrastructure', weight: 0.3, description: 'device or resource busy', source: POSIX },
  ],
};

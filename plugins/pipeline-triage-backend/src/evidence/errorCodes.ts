import type { ErrorCode } from './types';
import { extractVendorCodes } from './vendorCodeScan';
import { VENDOR_CODE_PATTERNS } from './vendorCodePatterns';

/**
 * Error codes as platforms print them. Each entry names the code system so rules can ask for
 * e.g. an HTTP 5xx or an AWS `ThrottlingException` without re-parsing text.
 */
interface CodePattern {
  system: ErrorCode['system'];
  /** Literal(s) one of which must occur (lower case) before the regex runs; '' = always. */
  gate: string | string[];
  regex: RegExp;
}

const CODE_PATTERNS: CodePattern[] = [
  {
    system: 'sqlstate',
    gate: 'sqlstate',
    regex: /SQLSTATE[\s:=[\]]*([0-9A-Z]{5})\b/gi,
  },
  {
    system: 'sqlstate',
    gate: 'sql state',
    regex: /SQL ?state[:=]?\s*([0-9A-Z]{5})\b/gi,
  },
  // Snowflake prints `002003 (42S02): ...`: a vendor number and its SQLSTATE.
  {
    system: 'snowflake',
    gate: '(',
    regex: /(?<!\d)(\d{6}) \(([0-9A-Z]{5})\)/g,
  },
  // dbt-snowflake trims the vendor number: `(XX000): SQL compilation error`.
  {
    system: 'sqlstate',
    gate: '):',
    regex: /(?<![\w)])\(([0-9A-Z]{2}[0-9A-Z]{3})\):/g,
  },
  {
    system: 'mysql',
    gate: 'error ',
    regex: /\bERROR (\d{4}) \(([0-9A-Z]{5})\)/g,
  },
  { system: 'oracle', gate: 'ora-', regex: /\b(ORA-\d{5})\b/g },
  {
    system: 'http',
    gate: 'status code',
    regex: /Status ?Code[:=]?\s*(\d{3})\b/gi,
  },
  {
    system: 'http',
    gate: 'http',
    regex:
      /\bHTTP(?:\/\d(?:\.\d)?)?(?: status| error| code)*[\s:=]+(\d{3})\b/gi,
  },
  {
    system: 'http',
    gate: 'status',
    regex: /(?<![Ee]xit )\bstatus(?:_code|Code)?["']?\s*[:=]\s*["']?(\d{3})\b/g,
  },
  {
    system: 'http',
    gate: ' ',
    regex: /(?:^|[\s(:])(\d{3}) (?:GET|POST|PUT|PATCH|DELETE|HEAD) https?:/g,
  },
  { system: 'http', gate: 'exception', regex: /Exception: \((\d{3})\)/g },
  {
    system: 'http',
    gate: 'error',
    regex: /\b(\d{3}) (?:Client|Server) Error\b/g,
  },
  {
    system: 'http',
    gate: ' ',
    regex:
      /(?<![\w.])([45]\d\d)[: ]+(?:Bad Request|Unauthorized|Forbidden|Not Found|Conflict|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out|Slow Down|Precondition Failed|Request Timeout)\b/gi,
  },
  {
    system: 'http',
    gate: 'exceptions.',
    regex: /google\.api_core\.exceptions\.\w+: (\d{3})\b/g,
  },
  { system: 'aws', gate: 'error code', regex: /Error Code: ([A-Za-z][\w.]+)/g },
  {
    system: 'aws',
    gate: 'an error occurred (',
    regex: /An error occurred \(([A-Za-z][\w.]+)\) when calling/g,
  },
  {
    system: 'aws',
    gate: [
      'denied',
      'throttl',
      'slowdown',
      'exceeded',
      'toomany',
      'expired',
      'invalid',
      'signature',
      'nosuch',
      'notfound',
      'unrecognized',
      'kms.',
    ],
    regex:
      /\b(AccessDenied(?:Exception)?|ThrottlingException|Throttling|SlowDown|RequestLimitExceeded|ProvisionedThroughputExceededException|TooManyRequestsException|ExpiredToken(?:Exception)?|InvalidAccessKeyId|SignatureDoesNotMatch|NoSuchKey|NoSuchBucket|EntityNotFoundException|ResourceNotFoundException|ConcurrentRunsExceededException|ResourceNumberLimitExceededException|UnrecognizedClientException|InvalidClientTokenId|KMS\.\w+Exception)\b/g,
  },
  {
    system: 'bigquery',
    gate: 'reason',
    regex: /\breason["']?\s*[:=]\s*["']?([a-z][A-Za-z]{3,})/g,
  },
  {
    system: 'spark',
    gate: '[',
    regex: /\[([A-Z][A-Z0-9]*_[A-Z0-9_]{2,}(?:\.[A-Z0-9_]+)?)\]/g,
  },
  { system: 'errno', gate: 'errno', regex: /\[Errno (-?\d+)\]/g },
  {
    system: 'glue',
    gate: 'error category',
    regex: /Error Category: ([A-Z_]+)/g,
  },
  ...VENDOR_CODE_PATTERNS,
];

function passesGate(gate: string | string[], lower: string): boolean {
  if (typeof gate === 'string') return gate === '' || lower.includes(gate);
  return gate.some(g => lower.includes(g));
}

/** Codes found in one line (already capped in length). */
export function extractCodes(
  text: string,
  lower: string,
  lineId: string,
): ErrorCode[] {
  const out: ErrorCode[] = [];
  for (const p of CODE_PATTERNS) {
    if (!passesGate(p.gate, lower)) continue;
    p.regex.lastIndex = 0;
    for (let m = p.regex.exec(text); m; m = p.regex.exec(text)) {
      const code = m[1];
      if (p.system === 'http') {
        const n = Number(code);
        if (!(n >= 200 && n <= 599)) continue;
      }
      if (!out.some(c => c.system === p.system && c.code === code)) {
        out.push({ system: p.system, code, lineId });
      }
      // A Spark sub-class (`UNRESOLVED_COLUMN.WITH_SUGGESTION`) also counts as its parent class.
      const parent = p.system === 'spark' ? code.split('.')[0] : code;
      if (
        parent !== code &&
        !out.some(c => c.system === 'spark' && c.code === parent)
      ) {
        out.push({ system: 'spark', code: parent, lineId });
      }
      // Snowflake and MySQL codes carry a SQLSTATE in the second group.
      if (m[2] && !out.some(c => c.system === 'sqlstate' && c.code === m![2])) {
        out.push({ system: 'sqlstate', code: m[2], lineId });
      }
    }
  }
  extractVendorCodes(text, lower, lineId, out);
  return out;
}

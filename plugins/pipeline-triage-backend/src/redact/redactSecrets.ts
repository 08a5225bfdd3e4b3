/**
 * Removes credentials from free text (logs, error messages, stack traces) before anything is
 * stored or shown. Every pattern is linear: no nested quantifiers, keys are literal, and token
 * patterns may only start where a token starts (a lookbehind on the token's own characters), so
 * a long run of token characters is scanned once, not once per position. A replacement never
 * matches again, so redacting twice gives the same text.
 */
export function redacted(kind: string): string {
  return `[REDACTED:${kind}]`;
}

interface Rule {
  kind: string;
  pattern: RegExp;
  /** Builds the replacement from the match and its groups; default: replace the whole match. */
  replace?: (groups: string[]) => string;
}

/** `=` or `:`, with the key's closing quote and spaces, as in logs, JSON, YAML and DSNs. */
const SEP = String.raw`(["']?[ \t]{0,5}[:=][ \t]{0,5})`;
const NOT_DONE = String.raw`(?!["']?\[REDACTED:)`;
/** A quoted value is redacted up to its closing quote, so passwords with spaces go whole. */
const QUOTED = String.raw`"[^"\r\n]{1,512}"|'[^'\r\n]{1,512}'`;
const BARE_VALUE = String.raw`[^\s"',;&)}\]]+`;

/**
 * `key=value` shapes: keeps the key and quotes, replaces the value. The key must start a word
 * (`DB_PASSWORD=` yes, `InvalidPassword: password authentication failed` no).
 */
function keyed(
  kind: string,
  keys: string,
  value = BARE_VALUE,
  flags = 'gi',
): Rule {
  return {
    kind,
    pattern: new RegExp(
      `(?<![A-Za-z0-9])(${keys})${SEP}${NOT_DONE}(${QUOTED}|${value})`,
      flags,
    ),
    replace: ([, key, sep, val]) => {
      const quote = val[0] === '"' || val[0] === "'" ? val[0] : '';
      return `${key}${sep}${quote}${redacted(kind)}${quote}`;
    },
  };
}

const RULES: Rule[] = [
  // Authorization: Bearer x / Basic x / AWS4-HMAC-SHA256 Credential=..., to the end of the value.
  keyed(
    'authorization',
    '(?:proxy-)?authorization',
    String.raw`[^\s"'][^\r\n"']*`,
  ),
  {
    kind: 'bearer_token',
    pattern: new RegExp(
      String.raw`\b(bearer[ \t]{1,5})${NOT_DONE}[A-Za-z0-9._~+/=-]{8,}`,
      'gi',
    ),
    replace: ([, prefix]) => `${prefix}${redacted('bearer_token')}`,
  },
  {
    kind: 'jwt',
    pattern:
      /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
  },
  {
    kind: 'aws_access_key_id',
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  },
  keyed(
    'aws_secret_access_key',
    String.raw`(?:aws_?)?secret_?access_?key`,
    '[A-Za-z0-9/+=]{16,}',
  ),
  {
    kind: 'anthropic_api_key',
    pattern: /(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{20,}/g,
  },
  {
    kind: 'openai_api_key',
    pattern: /(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,}/g,
  },
  {
    kind: 'slack_token',
    pattern: /(?<![A-Za-z0-9_-])xox[abposr]-[A-Za-z0-9-]{10,}/g,
  },
  {
    kind: 'github_token',
    pattern:
      /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})/g,
  },
  {
    kind: 'google_api_key',
    pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
  },
  {
    // scheme://user:password@host: JDBC, Postgres, Snowflake, Mongo, Redis, AMQP, HTTP.
    // Passwords may hold unencoded '@', '?' or '#'; the last '@' before the path ends them.
    kind: 'url_password',
    pattern: new RegExp(
      String.raw`\b([a-z][a-z0-9+.-]{1,30}://[^\s:/?#@"'<>]{1,256}:)${NOT_DONE}[^\s/"'<>]{1,256}@`,
      'gi',
    ),
    replace: ([, prefix]) => `${prefix}${redacted('url_password')}@`,
  },
  // Azure storage and service bus connection strings.
  keyed(
    'azure_account_key',
    'AccountKey|SharedAccessKey',
    '[A-Za-z0-9+/=]{10,}',
    'g',
  ),
  // SAS signatures in URLs (`?sig=` / `&sig=`).
  keyed('sas_signature', 'sig', '[A-Za-z0-9%+/=]{10,}', 'g'),
  // password=...; in JDBC/ODBC strings and key=value DSNs, "password": "..." in JSON and YAML.
  keyed('password', 'password|passwd|pwd'),
  keyed(
    'secret',
    // Not a bare `secret`: ARNs read `:secret:prod/loader`.
    'client[-_]?secret|secret[-_]?key|api[-_]?key|(?:access|refresh|auth|sas)[-_]?token|passphrase',
  ),
];

const BEGIN_KEY = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const END_KEY = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
/** What follows a BEGIN line inside a key block: base64, PEM headers, line breaks. */
const KEY_BODY = /[A-Za-z0-9+/=:,\s]*/y;

/**
 * Private key blocks, END included. A block whose END was trimmed away ends where its base64
 * ends. Once an END search fails, later BEGINs skip it: no END exists further on either.
 */
function redactPrivateKeys(text: string): string {
  if (!text.includes('PRIVATE KEY')) return text;
  const out: string[] = [];
  let from = 0;
  let noEndAfter = Infinity;
  BEGIN_KEY.lastIndex = 0;
  for (let m = BEGIN_KEY.exec(text); m; m = BEGIN_KEY.exec(text)) {
    const bodyStart = m.index + m[0].length;
    let stop = -1;
    if (bodyStart < noEndAfter) {
      END_KEY.lastIndex = bodyStart;
      const end = END_KEY.exec(text);
      if (end) stop = end.index + end[0].length;
      else noEndAfter = bodyStart;
    }
    if (stop === -1) {
      KEY_BODY.lastIndex = bodyStart;
      KEY_BODY.exec(text);
      stop = KEY_BODY.lastIndex;
    }
    out.push(text.slice(from, m.index), redacted('private_key'));
    from = stop;
    BEGIN_KEY.lastIndex = stop;
  }
  out.push(text.slice(from));
  return out.join('');
}

/**
 * Lines longer than this are cut before the patterns run: no secret is that long, the stored
 * excerpt keeps far less of a line anyway, and a multi-megabyte line can exhaust the regex
 * engine's stack inside a constrained worker.
 */
export const MAX_REDACT_LINE = 64 * 1024;

function capLongLines(text: string): string {
  if (text.length <= MAX_REDACT_LINE) return text;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', i + 1)) {
    const end = i === -1 ? text.length : i;
    longest = Math.max(longest, end - start);
    if (i === -1) break;
    start = i + 1;
  }
  if (longest <= MAX_REDACT_LINE) return text;
  return text
    .split('\n')
    .map(line =>
      line.length > MAX_REDACT_LINE
        ? `${line.slice(0, MAX_REDACT_LINE)}… [line cut at 64 KB]`
        : line,
    )
    .join('\n');
}

export function redactSecrets(text: string): string {
  let result = redactPrivateKeys(capLongLines(text));
  for (const rule of RULES) {
    result = result.replace(rule.pattern, (...args: unknown[]) => {
      // replace() passes the match, the groups, then the offset (the first number).
      const groups = args
        .slice(
          0,
          args.findIndex(a => typeof a === 'number'),
        )
        .map(g => (g === undefined ? '' : String(g)));
      return rule.replace ? rule.replace(groups) : redacted(rule.kind);
    });
  }
  return result;
}

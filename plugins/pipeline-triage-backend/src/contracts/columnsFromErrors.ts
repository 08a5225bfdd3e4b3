/** A column an engine said it could not find, with the columns it listed instead, if any. */
export interface UnresolvedColumn {
  column: string;
  /** The input columns the engine listed (Spark's `given input columns: [...]`). */
  available?: string[];
  /** The sentence it was read from. */
  excerpt: string;
}

/** Strips quoting and a table qualifier: `o`.`currency_code` → currency_code. */
function bareName(raw: string): string {
  const parts = raw
    .trim()
    .split('.')
    .map(p => p.trim().replace(/^[`'"\[]+|[`'"\]]+$/g, ''))
    .filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

function columnList(raw: string | undefined): string[] | undefined {
  if (!raw) return undefined;
  const names = raw
    .split(',')
    .map(s => bareName(s.replace(/#\d+L?$/, '')))
    .filter(Boolean);
  return names.length ? names : undefined;
}

const NAME = '[`\'"]?([\\w$.`\'"]+?)[`\'"]?';

/**
 * Messages of Spark, Databricks, Snowflake, BigQuery, PostgreSQL, Trino/Athena and Parquet readers
 * that name a column the query or the reader could not find. Deliberately narrow: each pattern
 * is the engine's own wording, matched case-insensitively.
 */
const PATTERNS: Array<{ re: RegExp; list?: number }> = [
  // Spark 2/3: cannot resolve '`x`' given input columns: [a, b]
  {
    re: new RegExp(
      `cannot resolve ${NAME} given input columns:?\\s*\\[([^\\]]*)\\]`,
      'gi',
    ),
    list: 2,
  },
  // Spark: cannot resolve column name "x" among (a, b)
  {
    re: new RegExp(
      `cannot resolve column name ${NAME} among \\(([^)]*)\\)`,
      'gi',
    ),
    list: 2,
  },
  // Spark 3.4+/Databricks: [UNRESOLVED_COLUMN...] A column or function parameter with name `x` cannot be resolved. Did you mean one of the following? [a, b]
  {
    re: new RegExp(
      `column(?: or function parameter)? with name ${NAME} cannot be resolved(?:\\.\\s*Did you mean one of the following\\?\\s*\\[([^\\]]*)\\])?`,
      'gi',
    ),
    list: 2,
  },
  // Spark 3.0-3.3: Column 'x' does not exist. Did you mean one of the following? [a, b]
  {
    re: new RegExp(
      `column ${NAME} does not exist(?:\\.\\s*Did you mean one of the following\\?\\s*\\[([^\\]]*)\\])?`,
      'gi',
    ),
    list: 2,
  },
  // PostgreSQL: column "x" of relation "orders" does not exist
  { re: /column\s+"([^"]+)"\s+of relation\s+"[^"]+"\s+does not exist/gi },
  // Snowflake: invalid identifier 'O.CURRENCY_CODE'
  { re: /invalid identifier\s+'([^'\s]+)'/gi },
  // BigQuery: Unrecognized name: currency_code at [3:5]
  { re: /unrecognized name:\s*`?([\w$]+)`?/gi },
  // BigQuery: Name currency_code not found inside o
  { re: /\bname\s+([\w$]+)\s+not found inside\b/gi },
  // Trino / Athena: Column 'currency_code' cannot be resolved
  { re: /column\s+'([\w$.]+)'\s+cannot be resolved/gi },
  // Spark / Parquet: No such struct field currency_code in order_id, customer_id
  {
    re: /no such struct field\s+`?([\w$]+)`?(?:\s+in\s+([\w$]+(?:\s*,\s*[\w$]+)*))?/gi,
    list: 2,
  },
];

/** Every column named as unresolvable in `texts` (error message, log excerpt), once each. */
export function unresolvedColumns(
  ...texts: Array<string | undefined>
): UnresolvedColumn[] {
  const found = new Map<string, UnresolvedColumn>();
  for (const text of texts) {
    if (!text) continue;
    for (const { re, list } of PATTERNS) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const column = bareName(m[1]);
        if (!column || found.has(column.toLowerCase())) continue;
        const entry: UnresolvedColumn = { column, excerpt: m[0].slice(0, 200) };
        const available = list ? columnList(m[list]) : undefined;
        if (available) entry.available = available;
        found.set(column.toLowerCase(), entry);
      }
    }
  }
  return [...found.values()];
}

/** A column named in a not-null constraint error (PostgreSQL, Spark/Delta), once each. */
export function notNullColumns(
  ...texts: Array<string | undefined>
): UnresolvedColumn[] {
  const patterns = [
    /null value in column\s+"([^"]+)"(?: of relation "[^"]+")? violates not-null constraint/gi,
    /NOT NULL constraint violated for column:?\s*`?([\w$.]+)`?/gi,
  ];
  const found = new Map<string, UnresolvedColumn>();
  for (const text of texts) {
    if (!text) continue;
    for (const re of patterns) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const column = bareName(m[1]);
        if (column && !found.has(column.toLowerCase())) {
          found.set(column.toLowerCase(), {
            column,
            excerpt: m[0].slice(0, 200),
          });
        }
      }
    }
  }
  return [...found.values()];
}

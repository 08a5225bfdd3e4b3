/**
 * Log prefixes (timestamps, levels, logger names) hide what a line says and where its message
 * is indented. Each pattern removes one common shape; the first that matches wins.
 */
const PREFIXES: RegExp[] = [
  // Airflow: [2024-05-08, 03:12:40 UTC] {taskinstance.py:2698} ERROR - message
  /^\[\d{4}-\d\d-\d\d[ ,T][^\]]{0,40}\]\s+\{[^}]{0,80}\}\s+([A-Z]+)\s+-\s?/,
  // Spark / log4j short date: 24/05/13 19:02:47 WARN TaskSetManager: message
  /^\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d(?:[.,]\d+)?\s+([A-Z]+)\s+[\w.$-]{1,120}:\s?/,
  // ISO date, optional thread / brackets, level, optional logger with ':' or ' - '
  /^\[?\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d| UTC)?\]?\s+(?:\[[^\]]{0,80}\]\s+)?\[?([A-Z]{4,8})\]?\s+(?:\(\)\s+)?(?:[\w.$()]{1,80}(?::\d+)?\s+-\s|[\w.$]{1,80}:\s)?/,
  // dbt: 14:02:55  message (two spaces)
  /^\d\d:\d\d:\d\d(?:\.\d+)?\s{1,2}()/,
  // Airbyte / connector prefixes: "source > ", "destination > "
  /^(?:source|destination|normalization)\s+>\s()/,
];

const LEVEL =
  /^(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|FATAL|CRITICAL|SEVERE)$/;

export interface StrippedLine {
  /** The message part, with its own indentation kept. */
  body: string;
  level?: string;
}

export function stripLogPrefix(text: string): StrippedLine {
  for (const prefix of PREFIXES) {
    const m = prefix.exec(text);
    if (m) {
      let body = text.slice(m[0].length);
      // Airbyte wraps a second prefix inside: "... INFO () LineGobbler(voidCall):85 - msg"
      const inner = /^(?:source|destination)\s+>\s/.exec(body);
      if (inner) body = body.slice(inner[0].length);
      const level = m[1] && LEVEL.test(m[1]) ? m[1] : undefined;
      return { body, level };
    }
  }
  return { body: text };
}

/**
 * Exception class names as Java, Scala and Python print them: `java.io.IOException: msg`,
 * `ValueError: msg`, `airflow.exceptions.AirflowSensorTimeout: msg`. A line can hold several
 * (`A: ...: B: ...`), the later ones being deeper causes, so a line is split into segments.
 * JDBC's `java.sql.DataTruncation` (and drivers' `MysqlDataTruncation`) is the one class family
 * whose name ends in none of the usual words.
 */
const EXCEPTION_NAME =
  /(?<![\w$.])((?:[A-Za-z_$][\w$]*\.)*[A-Z][\w$]*(?:Exception|Error|Throwable|Failure|Fault|Timeout|Exit|Interrupt|DataTruncation))(?=:|\s*$)/g;

export interface ExceptionSegment {
  /** Class name as printed, e.g. `java.lang.OutOfMemoryError`. */
  exception: string;
  /** The segment text, from the class name to the next class name. */
  text: string;
  /** The message after `Class:`, trimmed. */
  message: string;
}

export function findExceptionSegments(body: string): ExceptionSegment[] {
  // Cheap gate: every name ends in one of these words.
  if (
    !/Exception|Error|Throwable|Failure|Fault|Timeout|Exit|Interrupt|DataTruncation/.test(
      body,
    )
  )
    return [];
  const starts: Array<{ index: number; name: string }> = [];
  EXCEPTION_NAME.lastIndex = 0;
  for (let m = EXCEPTION_NAME.exec(body); m; m = EXCEPTION_NAME.exec(body)) {
    starts.push({ index: m.index, name: m[1] });
    if (starts.length >= 8) break;
  }
  return starts.map((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : body.length;
    const text = body.slice(s.index, end).trim();
    const message = text
      .slice(s.name.length)
      .replace(/^:\s*/, '')
      .replace(/[\s:]+$/, '')
      .trim();
    return { exception: s.name, text, message };
  });
}

/** The short class name: `java.lang.OutOfMemoryError` → `OutOfMemoryError`. */
export function shortExceptionName(name: string): string {
  const i = name.lastIndexOf('.');
  return i >= 0 ? name.slice(i + 1) : name;
}

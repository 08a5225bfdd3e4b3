import type { Evidence, ScannedLine } from '../evidence';

/**
 * An ExternalTaskSensor matches an upstream run only at the exact logical date it computes from
 * its own (execution_delta or execution_date_fn; Airflow "Cross-DAG Dependencies"). When that
 * date falls at another time of day than its own run's, the sensor depends on the upstream
 * having a run at that instant, which the log cannot show; a misaligned delta is the common
 * reason such a sensor pokes until it times out. Without the upstream's schedule in the
 * evidence, the timeout is not shown to be a late upstream, so it does not make a retry safe.
 */
const OWN_LOGICAL_DATE =
  /Executing <Task\((?:ExternalTaskSensor|ExternalTaskMarker|\w*ExternalTask\w*)\): [^>]*> on (\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)/;
const POKED_LOGICAL_DATE =
  /Poking for (?:tasks? \[[^\]]*\] in dag \S+|DAG \S+|[\w.-]+) on (\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)/;

export function misalignedSensorTarget(
  evidence: Evidence,
): { line: ScannedLine; own: string; poked: string } | undefined {
  let own: string | undefined;
  for (const line of evidence.lines) {
    if (line.role === 'frame') continue;
    const o = OWN_LOGICAL_DATE.exec(line.text);
    if (o) own = o[2];
    const p = POKED_LOGICAL_DATE.exec(line.text);
    if (p && own && p[2] !== own) return { line, own, poked: p[2] };
  }
  return undefined;
}

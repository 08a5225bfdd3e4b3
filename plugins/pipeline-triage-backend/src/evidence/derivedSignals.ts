import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { signalOfExitCode } from './exitSignals';
import type { EvidenceLine } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { EvidenceSignals } from './types';

/** Ratio of max to median, when both exist and the median is not zero. */
function ratio(max?: number, median?: number): number | undefined {
  if (max === undefined || median === undefined || median <= 0)
    return undefined;
  return max / median;
}

/** Merges the event's signals with what the log said (exit codes, kill signals). */
export function deriveSignals(
  event: Pick<FailureEvent, 'signals' | 'attempt' | 'maxAttempts'>,
  textExitCodes: number[],
  textSignals: string[],
): EvidenceSignals {
  const s = event.signals ?? {};
  const exitCodes = [...textExitCodes];
  if (s.exitCode !== undefined && !exitCodes.includes(s.exitCode))
    exitCodes.unshift(s.exitCode);
  const killSignals = [...textSignals];
  for (const code of exitCodes) {
    const sig = signalOfExitCode(code);
    if (sig && !killSignals.includes(sig)) killSignals.push(sig);
  }
  return {
    ...s,
    attempt: event.attempt,
    maxAttempts: event.maxAttempts,
    taskDurationRatio: ratio(
      s.maxTaskDurationSeconds,
      s.medianTaskDurationSeconds,
    ),
    taskInputRatio: ratio(s.maxTaskInputBytes, s.medianTaskInputBytes),
    exitCodes,
    killSignals,
  };
}

const SHOWN_SIGNALS: Array<keyof EvidenceSignals> = [
  'exitCode',
  'commitsDuringRun',
  'snapshotIds',
  'rowsWritten',
  'partitionsWritten',
  'delaySeconds',
  'recentDeploy',
  'taskDurationRatio',
  'taskInputRatio',
  'taskCount',
  'failedTasks',
  'attempt',
  'maxAttempts',
];

/** The structured signals as evidence lines `S1..`, so verdicts can cite them like log lines. */
export function signalEvidenceLines(signals: EvidenceSignals): EvidenceLine[] {
  const out: EvidenceLine[] = [];
  for (const key of SHOWN_SIGNALS) {
    const value = signals[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0))
      continue;
    const shown =
      typeof value === 'number' && !Number.isInteger(value)
        ? value.toFixed(1)
        : String(value);
    out.push({
      id: `S${out.length + 1}`,
      line: 0,
      text: `${key}=${shown}`,
      kind: 'signal',
    });
  }
  return out;
}

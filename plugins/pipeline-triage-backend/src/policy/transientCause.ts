import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Evidence } from '../evidence';
import { RETRYABLE_CLASSES, RetryableClass } from './retryableClasses';

export interface TransientCause {
  classId: string;
  label: string;
  /** The line or signal that names it. */
  lineId?: string;
  source: string;
}

function found(c: RetryableClass, lineId?: string): TransientCause {
  return { classId: c.id, label: c.label, lineId, source: c.source };
}

/**
 * The first vendor-declared transient cause the evidence names (retryableClasses.ts), or
 * undefined. Codes first (most specific), then run signals, then the wording of the lines.
 */
export function findTransientCause(
  evidence: Evidence,
  category: Category,
): TransientCause | undefined {
  const classes = RETRYABLE_CLASSES.filter(
    c => !c.categories || c.categories.includes(category),
  );
  for (const c of classes) {
    if (c.requires && !c.requires(evidence.signals)) continue;
    const code =
      c.codes &&
      evidence.codes.find(x =>
        c.codes!.some(k => k.system === x.system && k.code.test(x.code)),
      );
    if (code) return found(c, code.lineId);
    const signal = c.signal?.(evidence.signals);
    if (signal)
      return found(
        c,
        evidence.signalLines.find(l => l.text.startsWith(signal.split('=')[0]))
          ?.id,
      );
  }
  for (const line of evidence.lines) {
    if (line.role === 'frame') continue;
    for (const c of classes) {
      if (c.requires && !c.requires(evidence.signals)) continue;
      if (c.patterns?.some(re => re.test(line.text))) return found(c, line.id);
    }
  }
  return undefined;
}

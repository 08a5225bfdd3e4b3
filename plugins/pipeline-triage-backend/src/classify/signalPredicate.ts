import type { ErrorCode, EvidenceSignals } from '../evidence';
import type { CodePredicate, SignalPredicate } from './ruleTypes';

/** Values of one signal. Exit codes and kill signals can be several (event + log text). */
function valuesOf(signals: EvidenceSignals, name: string): unknown[] {
  if (name === 'exitCode') return signals.exitCodes;
  if (name === 'killSignal') return signals.killSignals;
  const v = (signals as unknown as Record<string, unknown>)[name];
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? [v.length] : [v];
}

function holdsFor(p: SignalPredicate, v: unknown): boolean {
  if (p.equals !== undefined && v !== p.equals) return false;
  if (p.in !== undefined && !p.in.includes(v as never)) return false;
  if (typeof v === 'number') {
    if (p.gt !== undefined && !(v > p.gt)) return false;
    if (p.gte !== undefined && !(v >= p.gte)) return false;
    if (p.lt !== undefined && !(v < p.lt)) return false;
    if (p.lte !== undefined && !(v <= p.lte)) return false;
  } else if (
    p.gt !== undefined ||
    p.gte !== undefined ||
    p.lt !== undefined ||
    p.lte !== undefined
  ) {
    return false;
  }
  return true;
}

export function signalHolds(
  p: SignalPredicate,
  signals: EvidenceSignals,
): boolean {
  const values = valuesOf(signals, p.signal);
  if (p.exists !== undefined) return p.exists === values.length > 0;
  return values.some(v => holdsFor(p, v));
}

export function matchingCode(
  p: CodePredicate,
  codes: ErrorCode[],
): ErrorCode | undefined {
  return codes.find(
    c =>
      c.system === p.system &&
      (p.equals === undefined || c.code === p.equals) &&
      (p.in === undefined || p.in.includes(c.code)) &&
      (p.prefix === undefined || c.code.startsWith(p.prefix)) &&
      (p.suffix === undefined || c.code.endsWith(p.suffix)) &&
      (p.except === undefined || !p.except.includes(c.code)),
  );
}

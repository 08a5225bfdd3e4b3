import { delayFromText } from './delayFromText';
import { formatDuration } from './durations';
import type { SlaDuration } from './types';
import { Violation, violationBase, ViolationContext, where } from './violation';

const sameName = (a: string, b: string) =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/** The delay of the dataset's data: the evidence stage's, the event's, or a source_delay's log. */
function delayOf(
  ctx: ViolationContext,
): { seconds: number; from: string } | undefined {
  const { input } = ctx;
  if (input.delaySeconds !== undefined)
    return { seconds: input.delaySeconds, from: 'evidence' };
  const signal = input.event.signals?.delaySeconds;
  if (signal !== undefined)
    return { seconds: signal, from: 'signals.delaySeconds' };
  if (input.category === 'source_delay') {
    const fromLog = delayFromText(
      input.event.errorMessage,
      input.event.logExcerpt,
    );
    if (fromLog !== undefined) return { seconds: fromLog, from: 'the log' };
  }
  return undefined;
}

/**
 * The freshness clause a late input breaks: the delay past the contract's latency SLA (else its
 * freshness, else its frequency). Only for the run's inputs: a dataset the event lists as an
 * output only is not the one that was late.
 */
export function freshnessViolations(ctx: ViolationContext): Violation[] {
  const { contract, event, dataset } = ctx.input;
  const isInput =
    event.inputs?.some(d => sameName(d.name, dataset.name)) ?? false;
  const isOutput =
    event.outputs?.some(d => sameName(d.name, dataset.name)) ?? false;
  if (isOutput && !isInput) return [];

  const sla: SlaDuration | undefined =
    contract.sla.latency ?? contract.sla.freshness ?? contract.sla.frequency;
  const delay = delayOf(ctx);
  if (!sla || !delay || delay.seconds <= sla.seconds) return [];

  const { contractName: c, tableName: t } = ctx;
  const late = formatDuration(delay.seconds);
  const allowed = formatDuration(sla.seconds);
  const v: Violation = {
    ...violationBase(ctx),
    kind: 'freshness',
    clause: 'latency',
    evidence: delay.from === 'the log' ? 'error_message' : 'signals',
    path: sla.path,
    observed: `late by ${late}`,
    expected: `${sla.property} ≤ ${allowed}`,
    message: `${t} is ${late} late (from ${delay.from}), past the ${
      sla.property
    } of ${allowed} in contract ${c}${where(sla.path, sla.line)}.`,
    evidenceText: `contract ${c}: ${t} late by ${late}, ${sla.property} SLA is ${allowed}`,
  };
  if (sla.line) v.line = sla.line;
  return [v];
}

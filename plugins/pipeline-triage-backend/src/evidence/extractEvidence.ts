import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { analyzeLines } from './analyzeLines';
import type { EvidenceLimits } from './limits';
import { LineCollector } from './lineCollector';
import type { Evidence, Section } from './types';

type EvidenceSource = Pick<
  FailureEvent,
  | 'errorMessage'
  | 'stackTrace'
  | 'logExcerpt'
  | 'signals'
  | 'attempt'
  | 'maxAttempts'
>;

/**
 * The texts of an event in reading order. Senders often repeat the error message inside the
 * log; a text already contained in a later one is skipped so lines are not counted twice.
 */
export function eventSections(
  event: EvidenceSource,
): Array<{ section: Section; text: string }> {
  const out: Array<{ section: Section; text: string }> = [];
  const log = event.logExcerpt ?? '';
  const stack = event.stackTrace ?? '';
  const message = event.errorMessage?.trim() ?? '';
  if (message && !log.includes(message) && !stack.includes(message)) {
    out.push({ section: 'message', text: message });
  }
  if (stack.trim() && !log.includes(stack.trim()))
    out.push({ section: 'stack', text: stack });
  if (log.trim()) out.push({ section: 'log', text: log });
  return out;
}

/** Splits without building a huge array for huge strings: yields one line at a time. */
function* splitLines(text: string): Generator<string> {
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    if (end < 0) {
      if (start < text.length) yield text.slice(start);
      return;
    }
    yield text.slice(start, end);
    start = end + 1;
  }
}

/** Reads an event's error message, stack trace and log into evidence. Pure and synchronous. */
export function extractEvidence(
  event: EvidenceSource,
  limits?: Partial<EvidenceLimits>,
): Evidence {
  const collector = new LineCollector(limits);
  for (const { section, text } of eventSections(event)) {
    for (const line of splitLines(text)) collector.push(line, section);
  }
  return evidenceFromCollector(collector, event);
}

/** The evidence of everything a collector kept, with its counts; shared by both readers. */
export function evidenceFromCollector(
  collector: LineCollector,
  event: Pick<FailureEvent, 'signals' | 'attempt' | 'maxAttempts'>,
): Evidence {
  const { lines, truncated } = collector.finish();
  return analyzeLines(
    lines,
    {
      lines: collector.lineCount,
      errors: collector.errors,
      warnings: collector.warnings,
      lostTasks: collector.lostTasks,
      truncated,
    },
    event,
  );
}

import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { evidenceFromCollector } from './extractEvidence';
import { EVIDENCE_LIMITS, EvidenceLimits } from './limits';
import { LineCollector } from './lineCollector';
import type { Evidence } from './types';

/** @alpha */
export type LogSource = AsyncIterable<string | Buffer | Uint8Array>;

/**
 * Reads a log of any size (a Readable or any async iterable of chunks) line by line, keeping
 * only bounded windows. A line longer than the cap is cut and the rest of it skipped, so one
 * endless line cannot hold more than the cap in memory.
 *
 * @alpha
 */
export async function extractEvidenceFromStream(
  source: LogSource,
  event: Pick<FailureEvent, 'signals' | 'attempt' | 'maxAttempts'> = {},
  limits?: Partial<EvidenceLimits>,
): Promise<Evidence> {
  const maxLine = limits?.maxLineLength ?? EVIDENCE_LIMITS.maxLineLength;
  const collector = new LineCollector(limits);
  const decoder = new TextDecoder('utf-8');
  let partial = '';
  let skipping = false;

  const take = (chunk: string) => {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl < 0) break;
      if (skipping) skipping = false;
      else if (partial) {
        collector.push(partial + chunk.slice(start, nl), 'log');
        partial = '';
      } else collector.push(chunk.slice(start, nl), 'log');
      start = nl + 1;
    }
    if (skipping) return;
    partial += chunk.slice(start);
    if (partial.length > maxLine) {
      // Emit the capped head now; drop everything until the next newline.
      collector.push(partial, 'log');
      partial = '';
      skipping = true;
    }
  };

  for await (const chunk of source) {
    take(
      typeof chunk === 'string'
        ? chunk
        : decoder.decode(chunk, { stream: true }),
    );
  }
  take(decoder.decode());
  if (partial && !skipping) collector.push(partial, 'log');

  return evidenceFromCollector(collector, event);
}

import type {
  JobChange,
  PastResolution,
  SilentFailure,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { escapeInline } from './markdown';

const SCOPE_LABEL: Record<PastResolution['scope'], string> = {
  self: 'this incident',
  job: 'this job',
  other: 'another job',
};

/** The report's sections from the job's own history: silent failure, flaky, changes, past fixes. */
export function historySections(input: {
  changes?: JobChange[];
  pastResolutions?: PastResolution[];
  flaky?: boolean;
  silentReason?: SilentFailure;
}): string[] {
  const out: string[] = [];
  const notes: string[] = [];
  if (input.silentReason)
    notes.push(
      `**Silent failure.** ${escapeInline(input.silentReason.reason)}`,
    );
  if (input.flaky)
    notes.push(
      '**Flaky job.** Failures of this kind passed on the next run with nothing changed, more than once: fix the cause rather than retry.',
    );
  if (notes.length) out.push('## Job history', '', notes.join('\n\n'), '');
  if (input.changes) {
    const body = input.changes.length
      ? input.changes.map(
          c =>
            `- **${c.kind}**: ${escapeInline(c.from ?? '?')} → ${escapeInline(
              c.to ?? '?',
            )} (${escapeInline(c.evidence)})`,
        )
      : ['Nothing the events carry changed since the last success.'];
    out.push('## What changed since the last success', '', ...body, '');
  }
  if (input.pastResolutions?.length) {
    out.push(
      '## Past fixes',
      '',
      ...input.pastResolutions.map(
        r =>
          `- ${r.resolvedAt.slice(0, 16).replace('T', ' ')} by ${escapeInline(
            r.by,
          )} (${SCOPE_LABEL[r.scope]}, ${escapeInline(r.entityRef)}): ${
            r.note ? escapeInline(r.note) : '_no note_'
          }`,
      ),
      '',
    );
  }
  return out;
}

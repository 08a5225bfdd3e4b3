import type {
  Classification,
  EvidenceLine,
  JobChange,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { ExtraEvidence } from '../classify';
import { CHANGE_SUPPORTS, describeChange } from '../policy';

/**
 * The changes since the last success that support a category the failure's own evidence already
 * scored: each adds its weight there, so a code change cannot turn a network error into a bug.
 */
export function changeEvidence(
  changes: JobChange[] | undefined,
  classification: Classification,
): ExtraEvidence[] {
  if (!changes?.length) return [];
  const scored = new Set(
    classification.hypotheses
      .filter(h => h.score > 0)
      .map(h => h.category as string),
  );
  return changes.flatMap(c => {
    const s = CHANGE_SUPPORTS[c.kind];
    return scored.has(s.category)
      ? [
          {
            kind: `job_change_${c.kind}`,
            category: s.category,
            text: describeChange(c),
            weight: s.weight,
          },
        ]
      : [];
  });
}

/** One signal line per change, shown with the evidence whatever the category. */
export function changeLines(changes: JobChange[] | undefined): EvidenceLine[] {
  return (changes ?? []).map((c, i) => ({
    id: `C${i + 1}`,
    line: 0,
    text: describeChange(c),
    kind: 'signal',
  }));
}

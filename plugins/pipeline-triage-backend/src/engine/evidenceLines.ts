import type {
  Classification,
  EvidenceLine,
  PartialWriteVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Evidence, ScannedLine } from '../evidence';

const MAX_LINES = 60;

function kindOf(line: ScannedLine, codeLines: Set<string>): string {
  switch (line.role) {
    case 'root':
    case 'cause':
      return 'cause';
    case 'error':
    case 'wrapper':
    case 'retried':
      return 'error';
    case 'warning':
      return 'warning';
    default:
      return codeLines.has(line.id) ? 'code' : 'context';
  }
}

/**
 * The lines worth showing: the cause chain, error lines, and every line a verdict cites,
 * in log order, then the structured signals. Context lines appear only when cited.
 */
export function selectEvidenceLines(
  evidence: Evidence,
  classification: Classification,
  partialWrite: PartialWriteVerdict,
): EvidenceLine[] {
  const cited = new Set([
    ...classification.evidence,
    ...(partialWrite.evidence ?? []),
  ]);
  const chain = new Set(evidence.causeChain.flatMap(l => l.lineIds));
  const codeLines = new Set(evidence.codes.map(c => c.lineId));
  const priority = (l: ScannedLine): number => {
    if (cited.has(l.id) || chain.has(l.id)) return 0;
    return l.role === 'error' || l.role === 'wrapper' ? 1 : 2;
  };
  const candidates = evidence.lines.filter(
    l =>
      cited.has(l.id) ||
      chain.has(l.id) ||
      l.role === 'error' ||
      l.role === 'wrapper' ||
      l.role === 'warning' ||
      (codeLines.has(l.id) && l.role !== 'frame'),
  );
  const chosen = [...candidates]
    .sort((a, b) => priority(a) - priority(b) || a.line - b.line)
    .slice(0, MAX_LINES)
    .sort((a, b) => a.line - b.line);
  const lines: EvidenceLine[] = chosen.map(l => ({
    id: l.id,
    line: l.line,
    text: l.text,
    kind: kindOf(l, codeLines),
  }));
  return [...lines, ...evidence.signalLines];
}

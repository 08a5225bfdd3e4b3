import type {
  Category,
  FailureEvent,
  PartialWrite,
  Recommendation,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { CommandId } from './commands';
import type { Evidence } from '../evidence';
import { COMMANDS } from './commands';
import { PLAYBOOKS } from './playbooks';
import { detectPlatforms } from './platforms';
import { fillTemplate, templateVars } from './templateVars';

export interface RecommendInput {
  category: Category;
  event: FailureEvent;
  evidence: Evidence;
  safeToRetry: boolean;
  /** When output was partly written, the table-history commands come first. */
  partialWrite?: PartialWrite;
  /** From the catalog annotation, when the entity has one. */
  runbookUrl?: string;
  /** At most this many diagnostics. Default 4. */
  limit?: number;
}

/** The playbook of the category, its commands filtered by platform and filled with ids. */
export function recommend(input: RecommendInput): Recommendation {
  const playbook = PLAYBOOKS[input.category];
  const platforms = new Set(detectPlatforms(input.event, input.evidence));
  const vars = templateVars(input.event, input.evidence);
  const diagnostics: Recommendation['diagnostics'] = [];
  const seen = new Set<string>();
  const history: CommandId[] =
    input.partialWrite === 'true'
      ? ['deltaHistory', 'icebergSnapshots', 'hudiCommits']
      : [];
  for (const id of [...history, ...playbook.diagnostics]) {
    const cmd = COMMANDS[id];
    if (seen.has(id) || !cmd.platforms.some(p => platforms.has(p))) continue;
    seen.add(id);
    diagnostics.push({
      label: cmd.label,
      command: fillTemplate(cmd.command, vars),
    });
    if (diagnostics.length >= (input.limit ?? 4)) break;
  }
  if (diagnostics.length === 0) {
    diagnostics.push({
      label: 'Error lines and causes in the full log',
      command:
        'grep -nE "ERROR|FATAL|Exception|Caused by|Traceback" <log-file> | tail -n 50',
    });
  }
  const action = input.safeToRetry
    ? `${playbook.action} The retry policy allows a rerun.`
    : playbook.action;
  return {
    action,
    diagnostics,
    prevention: playbook.prevention,
    runbookUrl: input.runbookUrl,
  };
}

import path from 'node:path';
import type { Config } from '@backstage/config';
import type { RulePackDefinition } from '@internal/plugin-pipeline-triage-node';
import { loadRulePackFile } from './classify/loadRulePacks';
import { createTriageEngine, type TriageEngine } from './engine';

/**
 * The engine with the built-in packs, packs added by backend modules, and user packs named in
 * `pipelineTriage.rules.files`. An invalid user pack fails start-up with the file, rule and field.
 */
export function createEngine(config: Config, modulePacks: RulePackDefinition[]): TriageEngine {
  const files = config.getOptionalStringArray('pipelineTriage.rules.files') ?? [];
  return createTriageEngine({
    userRulePacks: [
      ...modulePacks,
      ...files.map(f => loadRulePackFile(path.resolve(f))),
    ],
    userRuleBudgetMs: config.getOptionalNumber('pipelineTriage.rules.budgetMsPerEvent'),
  });
}

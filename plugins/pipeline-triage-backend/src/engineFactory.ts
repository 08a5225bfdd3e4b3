import path from 'node:path';
import type { Config } from '@backstage/config';
import type { RulePackDefinition } from '@pipeline-triage/plugin-pipeline-triage-node';
import { loadRulePackFile } from './classify';
import type { TriageEngineOptions } from './engine';

/**
 * The engine's options: packs added by backend modules and user packs named in
 * `pipelineTriage.rules.files` (the built-in ones are always there). Plain data, so engine
 * workers build the same engine. An invalid user pack fails start-up with the file, rule and field.
 */
export function engineOptions(
  config: Config,
  modulePacks: RulePackDefinition[],
): TriageEngineOptions {
  const files =
    config.getOptionalStringArray('pipelineTriage.rules.files') ?? [];
  return {
    userRulePacks: [
      ...modulePacks,
      ...files.map(f => loadRulePackFile(path.resolve(f))),
    ],
    userRuleBudgetMs: config.getOptionalNumber(
      'pipelineTriage.rules.budgetMsPerEvent',
    ),
  };
}

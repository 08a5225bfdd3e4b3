import type { RulePack } from '../ruleTypes';

/**
 * dlt (data load tool) pipelines: PipelineStepFailed wraps the step's own exception, and the
 * message names what the contract or the destination refused.
 */
export const dltLoadsPack: RulePack = {
  name: 'dlt-loads',
  origin: 'built-in',
  rules: [
    // Schema contracts in freeze mode (dlt docs "Schema and data contracts").
    {
      id: 'dlt-schema-contract-frozen',
      category: 'schema_drift',
      description:
        'a dlt schema contract refused a new table, column or data type',
      patterns: [
        'Contract on `?(?:tables|columns|data_type)`? with `?(?:contract_mode=|mode )?freeze`? is violated|(?:because|but) `?(?:tables|columns|data_types?)`? are frozen',
      ],
      weight: 0.85,
      // The contract message is often a line of its own under PipelineStepFailed.
      where: 'any',
      explains: ['data_quality'],
    },
  ],
};

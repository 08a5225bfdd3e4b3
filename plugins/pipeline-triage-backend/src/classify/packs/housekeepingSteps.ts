import type { RulePack } from '../ruleTypes';

/**
 * Housekeeping steps that fail after (or apart from) a load (issue 17, round pw5): how the
 * database reports a maintenance statement it cannot run, so that the category follows the
 * statement rather than the generic "does not exist" wording. Deterministic: nothing here is
 * evidence for a retry.
 *
 * Sources:
 * - PostgreSQL, REFRESH MATERIALIZED VIEW: CONCURRENTLY "is only allowed if there is at least
 *   one UNIQUE index on the materialized view"; the server refuses otherwise with SQLSTATE
 *   55000 (object_not_in_prerequisite_state), "cannot refresh materialized view ...
 *   concurrently".
 * - A materialized view is created by DDL, not by an upstream load: a REFRESH naming a relation
 *   the database does not have (42P01 undefined_table) is a deployment or configuration gap,
 *   not data arriving late.
 * - DROP TABLE without IF EXISTS on a loader's own staging/temp table (PostgreSQL and Redshift
 *   42P01): the loader's table lifecycle (a double drop, or a concurrent run that dropped it).
 */
export const housekeepingStepsPack: RulePack = {
  name: 'housekeeping-steps',
  origin: 'built-in',
  rules: [
    {
      id: 'pg-refresh-concurrently-without-unique-index',
      category: 'code_error',
      description:
        'REFRESH MATERIALIZED VIEW CONCURRENTLY on a view without a unique index (PostgreSQL 55000)',
      patterns: [
        'cannot refresh materialized view \\S+ concurrently|ObjectNotInPrerequisiteState\\b.{0,80}\\bconcurrently',
      ],
      where: 'error',
      weight: 0.8,
      explains: ['config_error'],
    },
    {
      id: 'refresh-of-missing-materialized-view',
      category: 'config_error',
      description:
        'a view refresh names a relation the database does not have (not late data)',
      patterns: ['REFRESH MATERIALIZED VIEW'],
      requires: ['relation "[^"]+" does not exist|\\bUndefinedTable\\b'],
      where: 'any',
      weight: 0.8,
      explains: ['source_delay'],
    },
    {
      id: 'drop-of-missing-staging-table',
      category: 'code_error',
      description:
        "a loader's DROP TABLE (without IF EXISTS) of its own staging or temp table that is already gone",
      patterns: [
        '\\bDROP TABLE (?!IF EXISTS)[^;\\n]{0,160}(?:_stag(?:ed|ing)|_te?mp)\\b',
      ],
      requires: ['does not exist'],
      where: 'any',
      weight: 0.8,
      explains: ['config_error', 'source_delay'],
    },
  ],
};

import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

/** How dbt reports failures (the adapters' database errors are in sql-warehouse). */
export const dbtPack: RulePack = {
  name: 'dbt',
  origin: 'built-in',
  rules: [
    {
      id: 'dbt-test-failure',
      category: 'data_quality',
      description: 'dbt data test failed',
      patterns: [
        'Failure in test [\\w.-]+|Got \\d+ results?, configured to (?:fail|warn) if|\\d+ of \\d+ FAIL \\d+ |\\bFAIL \\d+ [\\w.]+',
      ],
      weight: 0.95,
    },
    {
      id: 'dbt-test-summary',
      category: 'data_quality',
      description: 'dbt summary counts failed tests',
      patterns: ['\\bFAIL=[1-9]\\d*'],
      weight: 0.45,
      where: 'any',
    },
    {
      id: 'dbt-contract',
      category: 'schema_drift',
      description: 'dbt model contract does not match',
      patterns: [
        ci(
          'This model has an enforced contract that failed|Contract Error|enforced contract|columns in the contract|contract .{0,40}(?:mismatch|does not match)',
        ),
      ],
      weight: 0.95,
    },
    {
      id: 'dbt-incremental-schema-change',
      category: 'schema_drift',
      description: 'incremental model schema out of sync',
      patterns: [
        ci(
          'source and target schemas on this incremental model are out of sync|on_schema_change|schema change detected|new columns? (?:found|detected|were added)',
        ),
      ],
      weight: 0.9,
    },
    // Jinja's own messages under a dbt "Compilation Error" header: the project's templating.
    {
      id: 'dbt-jinja-error',
      category: 'code_error',
      description: 'Jinja templating error in the project',
      patterns: [
        "'[\\w.]+ object' has no attribute|'[\\w.]+' is undefined|no filter named|no test named|unexpected '[^']+'|expected token '[^']+'|unexpected end of template|macro '[\\w.]+' takes no keyword argument",
      ],
      where: 'chain',
      weight: 0.75,
      requires: ['Compilation Error'],
    },
    {
      id: 'dbt-compilation-error',
      category: 'code_error',
      description: 'dbt compilation error',
      patterns: ['Compilation Error'],
      weight: 0.7,
      where: 'chain',
    },
    {
      id: 'dbt-unresolved-ref',
      category: 'code_error',
      description: 'model refers to something that does not exist',
      patterns: [
        'depends on a (?:node|source|macro) named [\'"][^\'"]+[\'"] which (?:was not found|is disabled)|[\'"][\\w.]+[\'"] is undefined|macro [\'"][^\'"]+[\'"] (?:not found|is undefined)|dbt found two (?:resources|macros|models)|Could not render|jinja2?\\.exceptions',
      ],
      weight: 0.85,
    },
    {
      id: 'dbt-unit-test',
      category: 'code_error',
      description: 'dbt unit test failed',
      patterns: ['unit_test .{0,80}fail|Unit test .{0,80}fail'],
      weight: 0.7,
    },
    {
      id: 'dbt-parsing-error',
      category: 'code_error',
      description: 'project files do not parse',
      patterns: [
        'Parsing Error|Invalid (?:test|model|schema|source) config|yaml\\.(?:scanner|parser)\\.',
      ],
      weight: 0.6,
    },
    {
      id: 'dbt-profile',
      category: 'config_error',
      description: 'dbt profile, target or credentials misconfigured',
      patterns: [
        'Could not find profile named|does not have a target named|The profile [\'"][^\'"]+[\'"] does not have|profiles\\.yml (?:file )?(?:not found|is invalid)|Credentials in profile [\'"][^\'"]+[\'"], target [\'"][^\'"]+[\'"] invalid|Env var required but not provided|no profile was specified for this dbt project|Not a dbt project|No dbt_project\\.yml found|dbt_project\\.yml (?:not found|does not parse)|Could not find adapter type \\w+|No adapters available|target not specified in profile',
      ],
      weight: 0.9,
    },
    {
      id: 'dbt-required-var',
      category: 'config_error',
      description: 'a project variable the code needs is not defined',
      patterns: ["Required var '[^']+' not found in config"],
      weight: 0.85,
    },
    {
      id: 'dbt-deps-missing',
      category: 'config_error',
      description: 'dbt packages not installed or incompatible',
      patterns: [
        ci(
          'dbt found \\b\\d+ package\\(s\\) specified in packages\\.yml, but only \\d+ package\\(s\\) installed|run "?dbt deps"?|Package .{0,80} was not found in the package index|requires dbt version|This version of dbt is not supported|Version error for package|Could not find a satisfactory version from options|VersionsNotCompatibleException',
        ),
      ],
      weight: 0.85,
    },
    {
      id: 'dbt-freshness',
      category: 'source_delay',
      description: 'source freshness check failed',
      patterns: [
        '\\bSTALE\\b',
        ci(
          'freshness of [\\w.]+|source freshness|source [\\w.]+ is stale|freshness (?:check )?(?:failed|error)|max_loaded_at',
        ),
      ],
      weight: 0.9,
    },
    {
      id: 'dbt-query-timeout',
      category: 'resource_exhaustion',
      description: 'query exceeded the adapter timeout',
      patterns: [
        ci(
          'Query exceeded timeout|job_execution_timeout_seconds|JobTimeout|Operation did not complete within the designated timeout',
        ),
      ],
      weight: 0.45,
    },
    // A config file the tool reads (profiles.yml, dbt_project.yml, ...) is not valid YAML.
    {
      // dbt validates dbt_project.yml against its contract: unknown keys or values of another
      // dbt version fail before anything is built. The "at path []:" detail line reads as a
      // stack frame, so dbt's own framing of the error ("while reading the project") counts.
      id: 'dbt-project-contract',
      category: 'config_error',
      description: 'dbt_project.yml fails the project contract',
      patterns: [
        'Additional properties are not allowed|is not valid under any of the given schemas|Encountered an error while reading the project|Error encountered in \\S*dbt_project\\.ya?ml|ProjectContractError|DbtProjectError|Invalid arguments passed to "Project" instance|Invalid config version',
      ],
      where: 'any',
      weight: 0.88,
      explains: ['code_error'],
    },
    {
      id: 'yaml-config-invalid',
      category: 'config_error',
      description: 'a YAML configuration file does not parse',
      patterns: [
        ci(
          "Could not read .{0,200}\\.ya?ml\\b|while (?:scanning|parsing) an? (?:simple key|block mapping|block collection|flow mapping|quoted scalar)|could not find expected ':'|mapping values are not allowed here|found character that cannot start any token|found undefined alias|yaml\\.(?:scanner|parser|constructor)\\.\\w*Error",
        ),
      ],
      weight: 0.8,
    },
  ],
};

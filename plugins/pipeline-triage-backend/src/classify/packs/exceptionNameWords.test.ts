import { verdictOfLog } from '../../__testUtils__/verdictOfLog';
import { extractEvidence } from '../../evidence';
import { createTriageEngine } from '../../engine';
import { classify } from '../classify';
import { compileRulePacks } from '../compileRules';
import { scoreEvidence } from '../scoreEvidence';
import { exceptionNameWordsPack } from './exceptionNameWords';
import { BUILT_IN_RULE_PACKS } from '.';

const wordsOnly = compileRulePacks([exceptionNameWordsPack]);
/** The categories the word rules alone give a log. */
const wordCategories = (log: string) =>
  scoreEvidence(extractEvidence({ logExcerpt: log }), wordsOnly).hits.map(
    h => h.category,
  );
const verdictOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log }));

/**
 * The exception-name fallback (issue 17): an unknown vendor's class name says its category at
 * modest confidence, and never decides against a specific rule or for a retry.
 */
describe('exception-name words', () => {
  it.each([
    [
      'io.acme.sched.CronExpressionConfigError: field 6 out of range',
      'config_error',
    ],
    [
      'org.apache.pulsar.client.api.PulsarClientException$ProducerBlockedQuotaExceededException: backlog over limit',
      'resource_exhaustion',
    ],
    [
      'time="2025-06-02T10:14:07Z" level=error error="server error: TopicStorageCapacityExceededError: cannot append"',
      'resource_exhaustion',
    ],
    [
      'fastavro._read_common.SchemaResolutionError: WALLET not found in reader symbol list',
      'schema_drift',
    ],
    [
      'acme_lake.errors.PartitionColumnMissingError: dt not in file',
      'schema_drift',
    ],
    [
      'io.acme.ingest.RowConstraintBreachedException: amount < 0 in 14 rows',
      'data_quality',
    ],
    [
      'Caused by: com.datastax.driver.core.exceptions.UnauthorizedException: User svc has no MODIFY permission',
      'permission',
    ],
    [
      'botocore.exceptions.UnauthorizedSSOTokenError: The SSO session associated with this profile has expired',
      'permission',
    ],
    [
      "org.codehaus.commons.compiler.CompileException: File 'generated.java', Line 214, Column 48: not an rvalue",
      'code_error',
    ],
  ])('reads %s', (log, category) => {
    expect(wordCategories(log)).toEqual([category]);
    const verdict = verdictOf(log);
    expect(verdict.category).toBe(category);
  });

  it('alone gives a category at modest confidence instead of unknown', () => {
    for (const log of [
      'io.acme.sched.CronExpressionConfigError: field 6 out of range',
      'acme_lake.errors.PartitionColumnMissingError: dt not in file',
      'io.acme.ingest.RowConstraintBreachedException: amount < 0 in 14 rows',
    ]) {
      const verdict = verdictOf(log);
      expect(verdict.rules).toHaveLength(1);
      expect(verdict.rules[0]).toMatch(/^exception-name-word-/);
      expect(verdict.confidence).toBeGreaterThan(0.6);
      expect(verdict.confidence).toBeLessThan(0.75);
    }
  });

  it.each([
    // Whole words only, case-sensitive: Croniter is not Cron, a CONFIG constant is not a class.
    'croniter.CroniterError: bad date',
    'ERROR: CONFIG_ERROR raised by loader',
    // A word of another category, or of the transient/network family, in the same name.
    'azure.identity._exceptions.CredentialUnavailableError: EnvironmentCredential authentication unavailable.',
    'confluent_kafka.schema_registry.error.SchemaRegistryError: Subject not found',
    'org.apache.avro.SchemaParseException: Undefined name: "Money"',
    'io.acme.ConfigConnectionTimeoutException: gave up',
    'botocore.exceptions.CredentialRetrievalError: Error when retrieving credentials from container-role: timed out',
    'io.acme.store.SchemaQuotaExceededException: 400 schemas',
    // The JDK Formatter family names Format and Conversion but means a bad format string.
    "java.util.UnknownFormatConversionException: Conversion = 'l'",
    // Ambiguous words are not in the vocabulary.
    'io.acme.RecordValidationException: bad record',
    'com.acme.IllegalArgumentException: x',
    // Not a class on an error line: a stack frame, a mention in prose, a class without a suffix.
    '\tat com.fasterxml.jackson.databind.exc.InvalidFormatException.from(InvalidFormatException.java:67)',
    'see the QuotaExceededException docs for limits',
    'google.api_core.exceptions.Forbidden: 403 caller does not have permission',
  ])('leaves %s to other rules', log => {
    expect(wordCategories(log)).toEqual([]);
  });

  it('loses to a specific rule that reads the message', () => {
    // Schema in the name, a setting in the message (Confluent storage sinks).
    expect(
      verdictOf(
        'Caused by: org.apache.kafka.connect.errors.SchemaProjectorException: Schema version required for BACKWARD compatibility',
      ).category,
    ).toBe('config_error');
    // Format in the name, a bug in the code's format string.
    expect(
      verdictOf(
        "java.util.UnknownFormatConversionException: Conversion = 'l'\n\tat io.acme.Clone.finish(Clone.java:490)",
      ).category,
    ).toBe('code_error');
    // Capacity in the name, but the message is a plain heap OOM that a specific rule reads.
    const oom = verdictOf(
      'io.acme.cache.CacheCapacityException: java.lang.OutOfMemoryError: Java heap space',
    );
    expect(oom.category).toBe('resource_exhaustion');
    expect(oom.confidence).toBeGreaterThan(0.8);
    // Permission in the name, but the message names a missing setting.
    expect(
      verdictOf(
        'io.acme.vault.PermissionException: Environment variables are not fully configured.',
      ).category,
    ).toBe('config_error');
  });

  it('never turns a retry verdict into "safe", even beside a transient-sounding message', () => {
    const withWords = createTriageEngine();
    const withoutWords = createTriageEngine({
      rulePacks: BUILT_IN_RULE_PACKS.filter(p => p !== exceptionNameWordsPack),
    });
    const triage = (engine: typeof withWords, log: string) =>
      verdictOfLog(log, { engine, jobType: 'spark', context: {} });
    for (const log of [
      'io.acme.broker.QueueFullError: broker-2 answered 503 Service Unavailable, please retry',
      'org.acme.cloud.CapacityExceededException: Too Many Requests',
      'acme.client.RemoteConfigError: Connection refused while loading remote config',
      'io.acme.lake.SchemaMismatchError: throttled by the metastore, retry later',
      'io.acme.sched.CronExpressionConfigError: field 6 out of range',
    ]) {
      expect(wordCategories(log)).toHaveLength(1);
      const safeWith = triage(withWords, log).retry.safeToRetry;
      const safeWithout = triage(withoutWords, log).retry.safeToRetry;
      // Any yes must already be there without the word rules.
      expect(safeWith && !safeWithout).toBe(false);
    }
    expect(
      triage(
        withWords,
        'io.acme.sched.CronExpressionConfigError: field 6 out of range',
      ).retry.safeToRetry,
    ).toBe(false);
  });
});

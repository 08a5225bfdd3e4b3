import { verdictOfLog } from '../../__testUtils__/verdictOfLog';
import { extractEvidence } from '../../evidence';
import { classify } from '../classify';

const categoryOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log })).category;

// No idempotency declared: the verdict as a plain sender gets it.
const triage = (log: string) =>
  verdictOfLog(log, { jobType: 'spark', context: {} });

/**
 * Families generalised from the misses of an unbiased sample of public reports (issue 17, fifth
 * random round); each message is worded unlike the corpus case that exposed it.
 */
describe('unbiased round five families', () => {
  it.each([
    // Snowflake answered the login with its own message (250001 + server text): not an outage.
    [
      'snowflake.connector.errors.DatabaseError: 250001 (08001): Failed to connect to DB: zz90210.us-east-2.aws.snowflakecomputing.com:443. The account identifier is not valid for this region.',
      'config_error',
    ],
    // Serializers refusing an object of the job's own types.
    [
      'Caused by: com.esotericsoftware.kryo.KryoException: java.lang.UnsupportedOperationException\nSerialization trace:\nitems (com.acme.orders.OrderBatch)',
      'code_error',
    ],
    [
      'com.fasterxml.jackson.databind.exc.InvalidDefinitionException: No serializer found for class com.acme.events.ClickState and no properties discovered to create BeanSerializer',
      'code_error',
    ],
    [
      'java.lang.RuntimeException: Could not serialize the checkpointed state of operator Window(TumblingEventTimeWindows(60000))',
      'code_error',
    ],
  ])('%s -> %s', (log, category) => {
    expect(categoryOf(log)).toBe(category);
  });

  it.each([
    'snowflake.connector.errors.DatabaseError: 250001 (08001): Failed to connect to DB: ab12345.snowflakecomputing.com:443. Incoming request does not contain a valid payload.',
    'snowflake.connector.errors.DatabaseError: 250001 (08001): Failed to connect to DB: ab12345.snowflakecomputing.com:443, User temporarily locked.',
    '2026-05-02 10:00:00,001 ERROR org.apache.flink.runtime.taskexecutor.TaskExecutor [] - Fatal error occurred in TaskExecutor akka.tcp://flink@10.0.0.7:40111/user/rpc/taskmanager_0.\norg.apache.flink.runtime.taskexecutor.exceptions.RegistrationTimeoutException: Could not register at the ResourceManager within the specified maximum registration duration 300000 ms. This indicates a problem with this instance. Terminating now.',
  ])('is never safe to retry: %s', log => {
    expect(triage(log).retry.safeToRetry).toBe(false);
  });

  it('keeps the connector network failure behind 250001 transient', () => {
    const log =
      'snowflake.connector.errors.OperationalError: 250001 (08001): Failed to connect to DB: ab12345.snowflakecomputing.com:443. Could not connect to Snowflake backend after 2 attempt(s).Aborting';
    expect(categoryOf(log)).toBe('dependency_unavailable');
    expect(triage(log).retry.safeToRetry).toBe(true);
  });

  it('leaves schema-registry serialization of a message to its own rules', () => {
    const log =
      'org.apache.kafka.common.errors.SerializationException: Error serializing Avro message\nCaused by: java.io.IOException: Failed to serialize the record with the latest schema';
    expect(categoryOf(log)).not.toBe('code_error');
  });
});

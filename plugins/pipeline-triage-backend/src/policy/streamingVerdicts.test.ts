import { extractEvidence } from '../evidence';
import { decidePartialWrite } from './decidePartialWrite';
import { findTransientCause } from './transientCause';
import { nonTransientReason } from './transience';

const evidence = (logExcerpt: string) => extractEvidence({ logExcerpt });
const partial = (logExcerpt: string) =>
  decidePartialWrite({}, evidence(logExcerpt)).partialWrite;

const FENCED = [
  'WARN o.a.k.s.p.i.StreamThread: stream-thread [app-StreamThread-2] Detected that the thread is being fenced. Will close out all assigned tasks and rejoin the consumer group.',
  'org.apache.kafka.streams.errors.TaskMigratedException: Producer got fenced trying to commit a transaction [stream-thread [app-StreamThread-2]]; it means all tasks belonging to this thread should be migrated.',
  'Caused by: org.apache.kafka.common.errors.ProducerFencedException: There is a newer producer with the same transactionalId which fences the current one.',
].join('\n');

describe('retry and write verdicts of streaming engines and loaders', () => {
  it('counts a fenced Kafka Streams thread as transient, but not a plain fenced producer', () => {
    expect(
      findTransientCause(evidence(FENCED), 'infrastructure')?.classId,
    ).toBe('kafka-streams-task-migrated');
    expect(
      findTransientCause(
        evidence(
          'org.apache.kafka.common.errors.ProducerFencedException: There is a newer producer with the same transactionalId which fences the current one.',
        ),
        'infrastructure',
      ),
    ).toBeUndefined();
  });

  it("reads the fenced thread's aborted transaction as nothing written", () => {
    expect(partial(FENCED)).toBe('false');
  });

  it('counts a transient dlt load job as transient and a terminal one as deterministic', () => {
    expect(
      findTransientCause(
        evidence(
          'dlt.common.destination.exceptions.DestinationTransientException: load job orders.4f2a.parquet will be retried',
        ),
        'dependency_unavailable',
      )?.classId,
    ).toBe('dlt-transient-load-job');
    const terminal = nonTransientReason(
      evidence(
        'dlt.load.exceptions.LoadClientJobFailed: Job with `job_id=orders.1a2b.reference` and `load_id=1780.1` failed terminally with message: table not found',
      ),
      'infrastructure',
    );
    expect(terminal?.reason).toMatch(/terminal/);
  });

  it('treats a work item Dataflow already retried as deterministic', () => {
    expect(
      nonTransientReason(
        evidence(
          'JOB_MESSAGE_ERROR: Workflow failed. Causes: S04:read failed., A work item was attempted 4 times without success. Each time the worker eventually lost contact with the service.',
        ),
        'infrastructure',
      )?.reason,
    ).toMatch(/already retried/);
  });

  it('reads a completed dlt load job as a write, and its absence as no evidence of one', () => {
    const failed =
      'dlt.load.exceptions.LoadClientJobFailed: Job with `job_id=_dlt_pipeline_state.c0.reference` and `load_id=1780.1` failed terminally with message: matched no files';
    expect(
      partial(
        [
          'INFO - Job for orders.4f2a1b9c3d.reference completed in load 1780.1',
          failed,
        ].join('\n'),
      ),
    ).toBe('true');
    expect(partial(failed)).not.toBe('true');
  });
});

describe('Flink two-phase-commit sinks', () => {
  const completed =
    'INFO org.apache.flink.runtime.checkpoint.CheckpointCoordinator [] - Completed checkpoint 88 for job 2a7f0c1d (4821 bytes, checkpointDuration=1183 ms).';
  const failure =
    'Caused by: org.apache.kafka.common.errors.ProducerFencedException: Producer attempted an operation with an old epoch.';

  it('reads a completed checkpoint as a write when a transactional sink commits on it', () => {
    expect(
      partial(
        [
          completed,
          'INFO FlinkKafkaProducer 0/1 - checkpoint 88 complete, committing transaction TransactionHolder{...}',
          failure,
        ].join('\n'),
      ),
    ).toBe('true');
  });

  it('does not read a completed checkpoint alone as a write (the sink may not be transactional)', () => {
    expect(partial([completed, failure].join('\n'))).not.toBe('true');
  });
});

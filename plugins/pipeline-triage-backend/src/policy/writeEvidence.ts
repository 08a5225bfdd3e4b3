/**
 * What logs say about output, as data. Three kinds:
 *  - WROTE: the run committed or wrote some output before failing;
 *  - NOTHING_WRITTEN: the log says explicitly that nothing was written or it was rolled back;
 *  - FAILURE_POINTS: where the run failed, when that place is before any write.
 * Each entry says where it may match: the root cause and error lines only, or any line
 * (commit lines are usually INFO; some failure points show only in a stack frame).
 */
export interface WritePattern {
  id: string;
  regex: RegExp;
  /** 'error': root, cause, error and wrapper lines; 'any': every retained line. */
  where: 'error' | 'any';
  /** For failure points: the phrase used in the reason, "failed while ...". */
  stage?: string;
  /**
   * For failure points: 'strong' places the failure before any write by construction
   * (sensors, compilation, authentication, a statement that is rolled back); 'weak' only says
   * the failing call was a read or a remote request, so it counts only when the log shows no
   * write activity at all.
   */
  tier?: 'strong' | 'weak';
  /** The pattern counts only when some line of the log also matches this (context elsewhere). */
  requires?: RegExp;
  /** The pattern does not count when some non-frame line of the log matches this. */
  unless?: RegExp;
  /**
   * The tool prints the line when it starts a unit of work (a chunk, a batch), not when the
   * unit is done: the line proves a unit finished only when another line of the same pattern
   * follows it (the next unit was started, so the one before it returned).
   */
  announcedBefore?: boolean;
  /**
   * The line says a unit was being saved; only a later line matching this (the tool's own
   * "unit finished" line) proves the save returned.
   */
  followedBy?: RegExp;
  /**
   * The matched line names a unit (a job id) in capture group 1. The line does not count when
   * another line reports that same unit failed: this regex source, with {unit} replaced by the
   * unit's name. Tools that log a job's state before checking its error (BigQuery's DONE is
   * also the state of a failed job) need this.
   */
  unitFailed?: string;
}

/**
 * Lines showing the job had started writing. When present, only 'strong' failure points are
 * trusted: a read that failed after some writes says nothing about those writes.
 * (Defined before WROTE, whose entries also use it as context.)
 */
export const WRITE_ACTIVITY =
  /\b(?:writing|uploading|uploaded|inserting|loading (?:into|data into)|saving|exporting to|publishing|committing|flushing|upserting|merging into)\b|\bINSERT (?:INTO|OVERWRITE)\b|\bMERGE INTO\b|\bCOPY INTO\b|saveAsTable|insertInto|\.write\b|\bto_sql\(|\bput_object\(|\bupload_file(?:obj)?\(|\binsert_rows\(|load_table_from_|copy_expert\(|FileFormatWriter|InsertIntoHadoopFsRelation|WriteToDataSourceV2|AppendData|OverwriteByExpression|SaveIntoDataSourceCommand|when calling the (?:Put|Create|Update|Delete|Write|Upload|Copy|Complete|Insert|Batch(?!Get))\w* operation|\b(?:PUT|POST|PATCH|DELETE) https?:\/\/|write_dynamic_frame|WriteDynamicFrame|savePartition|saveTable|\.save\(|writeStream|foreachBatch|Expiring \d+ record|\bproduce(?:r\.send)?\(|bulk_write|insert_many|executemany\(|\b(?:Pushing|Posting|Sending (?:\d|batch|records|rows|events|data|messages))\b|https?:\/\/[^\s'"]{1,200}\/(?:bulk|batch|import|upload|ingest)\b|\b(?:bulk|batch)_?(?:insert|upsert|create|update|load)|ResultStage \d+ \((?:save|insertInto|saveAsTable|jdbc|foreachPartition|foreach|runJob|sql) at [^)]{1,200}\) (?:has )?failed\b/i;

export const WROTE: WritePattern[] = [
  {
    id: 'committed',
    where: 'any',
    regex:
      /\bCommitted (?:instant|transaction|snapshot|version|delta|offsets?|batch|to table|commit)\b|\bSuccessfully committed\b|\bcommit(?:ted)? .{0,80}\b(?:succeeded|successful(?:ly)?|completed)\b|Completed commit|Commit(?: time)? \d+ successful/i,
  },
  // Hudi's Flink StreamWriteOperatorCoordinator logs each instant it commits as
  // "Commit instant [<instant>] success!" (apache/hudi hudi-flink StreamWriteOperatorCoordinator).
  {
    id: 'hudi-flink-instant-committed',
    where: 'any',
    regex: /\bCommit instant \[?\d+\]? success\b/,
  },
  {
    id: 'rows-written',
    where: 'any',
    regex:
      /\b(?:Wrote|Written|Inserted|Loaded|Upserted|Merged|Copied|Uploaded|Exported|Appended|Saved|Published|Produced|Sent|Committed|Flushed|Delivered) [1-9][\d,]* (?:rows|records|files|objects|partitions|messages|batches)\b/i,
  },
  {
    id: 'object-uploaded',
    where: 'any',
    regex:
      /\b(?:Uploaded|Wrote|Written|Saved|Exported|Published|Copied|Moved|Put) (?:file |object )?['"]?(?:s3a?|gs|abfss?|hdfs|wasbs?|file):\/\/|\b(?:Uploaded|Wrote|Saved|Exported|Copied) .{1,160} to ['"]?(?:s3a?|gs|abfss?|hdfs|wasbs?):\/\/|\bSuccessfully (?:uploaded|wrote|written|saved|exported|loaded|inserted|published)\b/i,
  },
  {
    // Airbyte's object-storage destinations log each buffer they upload ("Uploaded buffer file
    // to storage: part_0007.jsonl.gz -> s3://..."); an upload that finished is kept.
    id: 'buffer-uploaded-to-storage',
    where: 'any',
    regex:
      /\bUploaded (?:buffer )?file to storage\b|\bUploaded \S+ -> ['"]?(?:s3a?|gs|abfss?|wasbs?):\/\//i,
  },
  {
    id: 'rows-affected',
    where: 'any',
    regex:
      /\b[1-9][\d,]* (?:rows?|records?|files|partitions|messages) (?:were )?(?:inserted|written|loaded|affected|upserted|merged|copied|committed|published|uploaded)\b/i,
  },
  // Flink's two-phase-commit sinks (exactly-once Kafka, file and table-format sinks) commit
  // the data of a checkpoint when it completes: a completed checkpoint with such a sink in the
  // log is output that a restart from an earlier state would write again.
  {
    id: 'flink-checkpoint-committed-2pc-sink',
    where: 'any',
    regex:
      /\bCompleted checkpoint \d+ for job\b|\bcheckpoint \d+ complete, committing transaction\b/,
    requires:
      /\bFlinkKafkaProducer\b|\bKafkaSink\b|\bKafkaCommitter\b|\bTwoPhaseCommitSinkFunction\b|\b(?:Streaming)?FileSink\b|\bEXACTLY_ONCE\b|\bexactly-once\b|\bIcebergFilesCommitter\b|\bStreamWriteOperatorCoordinator\b|\bcommitting transaction\b/i,
  },
  // dlt loads a package as one job per table file; a completed job's rows are in the
  // destination even when a later job of the same package fails.
  {
    id: 'dlt-load-job-completed',
    where: 'any',
    regex: /\bJob for \S+ completed in load\b/,
  },
  {
    id: 'postgres-insert-tag',
    where: 'any',
    regex: /\bINSERT 0 [1-9]\d*\b|\bCOPY [1-9]\d*\b/,
  },
  {
    id: 'renamed-into-place',
    where: 'any',
    regex:
      /\b(?:renamed|moved|promoted) .{0,200}\b(?:into place|to (?:the )?(?:final|target|destination|output) (?:location|path|table|dir(?:ectory)?))\b/i,
  },
  {
    id: 'task-output-saved',
    where: 'any',
    regex:
      /Saved output of task|Job job_\w+ committed|commitJob|committed task attempt|\bWrite Job [\w-]+ committed\b/,
  },
  {
    id: 'dbt-node-ok',
    where: 'any',
    regex:
      /\b\d+ of \d+ OK (?:created|inserted|merged|snapshotted|loaded|applied|deleted)\b|\bOK (?:created|inserted|merged|snapshotted) (?:sql )?(?:table|incremental|view|snapshot|seed)\b|\[(?:INSERT|MERGE|COPY|CREATE TABLE|SUCCESS) (?:\d|\()/,
  },
  // dbt's summary counts built nodes as PASS; in a run or build (models started, or the run's
  // "Failure in model" recap) they are tables.
  {
    id: 'dbt-run-summary-pass',
    where: 'any',
    regex: /\bDone\. PASS=[1-9]\d* WARN=\d+ ERROR=[1-9]/,
    requires:
      /\bSTART sql (?:table|incremental|view|microbatch)? ?model\b|\bSTART (?:snapshot|seed)\b|\bFailure in model\b/,
    // A fallback for logs without the per-node lines: when dbt printed them, they decide (an
    // incremental model that merged 0 rows passes without writing).
    unless: /\b\d+ of \d+ OK (?:created|inserted|merged|snapshotted|loaded)\b/,
  },
  // The same summary of a project without tests (dbt's "Found N models, 0 tests"): its passes
  // can only be built models, seeds or snapshots.
  {
    id: 'dbt-run-summary-pass-no-tests',
    where: 'any',
    regex: /\bDone\. PASS=[1-9]\d* WARN=\d+ ERROR=[1-9]/,
    requires: /\bFound [1-9]\d* models?, 0 (?:data )?tests\b/,
    unless: /\b\d+ of \d+ OK (?:created|inserted|merged|snapshotted|loaded)\b/,
  },
  // Flyway asks to restore backups only when the failed migration could not be rolled back
  // (no transactional DDL); otherwise it prints "Changes successfully rolled back".
  {
    id: 'migration-applied-without-rollback',
    where: 'any',
    regex: /\bMigrating schema \S+ to version\b/,
    requires: /\bPlease restore backups and roll back database\b/,
  },
  {
    id: 'dbt-on-run-end',
    where: 'any',
    regex: /error while running on-run-end|Running \d+ on-run-end hooks?/i,
    // The hooks run after the models: the run got through its models, unless dbt's summary
    // says none of them passed.
    unless: /\bPASS=0\b/,
  },
  {
    id: 'hudi-post-commit',
    where: 'any',
    regex:
      /commitAndPerformPostOperations|HiveSyncTool|hive sync(?:ing)?\b|syncHoodieTable|HoodieHiveSyncException|HoodieMetaSyncException/i,
  },
  { id: 'post-commit-hook', where: 'any', regex: /post-?commit hook/i },
  {
    id: 'iceberg-delta-commit',
    where: 'any',
    regex:
      /Committed snapshot \d+|Committed delta #\d+|committed version \d+|Created snapshot \d+ .{0,40}committed/i,
  },
  {
    id: 'streaming-batch-committed',
    where: 'any',
    regex:
      /Committed offsets for batch|batch \d+ (?:committed|completed successfully)/i,
  },
  {
    id: 'partial-output-words',
    where: 'any',
    regex:
      /\bpartial(?:ly)? (?:written|committed|loaded|write|output|results?)\b|\b(?:some|\d+) (?:of the )?(?:partitions|files|rows|records|tables|batches|chunks|parts) (?:were |had been |have been )?(?:already )?(?:written|committed|loaded|uploaded|published)\b|\balready (?:written|committed|loaded|published|uploaded)\b/i,
  },
  {
    // Loaders that count what they already committed ("aborting after 1615 committed batches",
    // "batch 12 inserted 1 row into t"): the earlier units of this run are in place.
    id: 'committed-units-counted',
    where: 'any',
    regex:
      /\b[1-9][\d,]* committed (?:batches|transactions|loads|chunks|commits)\b|\binserted [1-9][\d,]* rows? into\b/i,
  },
  // How engines report writes that had started when a later step failed.
  {
    // Hadoop's committer logs each task attempt it commits; Spark's OutputCommitCoordinator
    // reports a committed attempt of a task that then failed.
    id: 'task-attempt-committed',
    where: 'any',
    regex:
      /\battempt_\w+: Committed\b|\bCommitted output of task\b|\btask commit success\b/,
  },
  {
    // Redshift's COPY notice for each table it finished ("Load into table 'x' completed, N
    // record(s) loaded successfully").
    id: 'redshift-load-completed',
    where: 'any',
    regex:
      /\bLoad into table '[^']+' completed\b|\b[1-9][\d,]* record\(s\) (?:loaded|inserted|written)\b/i,
  },
  {
    // Snowflake's COPY result per file (status LOADED / PARTIALLY_LOADED) and drivers that
    // report files left after some COPY statements loaded others.
    id: 'snowflake-copy-loaded-some',
    where: 'any',
    regex:
      /\bPARTIALLY_LOADED\b|\|\s*LOADED\s*\|\s*[1-9]|\bsome files not loaded by COPY\b/,
  },
  {
    // An earlier attempt left a data file under the output path: output had been written.
    id: 'data-file-left-by-earlier-attempt',
    where: 'any',
    // Not a file under a job's staging directory: Spark's dynamic-partition overwrite writes to
    // <table>/.spark-staging-<jobId> and Hive to .hive-staging_*, both published only when the
    // job commits (SPARK-27194: a killed attempt's staging file fails the retries, the job
    // aborts and publishes nothing).
    regex:
      /\b(?:File already exists|FileAlreadyExistsException)\b(?![^\n]{0,300}\/\.(?:spark|hive)-staging)[^\n]{0,300}\.(?:parquet|orc|avro|csv|json|txt)\b/i,
  },
  {
    // Hive's MoveTask loads files into a partition, then records its stats.
    id: 'hive-partition-loaded',
    where: 'any',
    regex:
      /\bPartition \S+\{[^}]+\} stats: \[numFiles=[1-9]|\bTable \S+ stats: \[numFiles=[1-9]/,
  },
  {
    // Hive's MoveTask logs "Loading data to table t partition (...)" when it starts moving the
    // staged files into place; when the MoveTask itself then fails ("return code 1 from
    // org.apache.hadoop.hive.ql.exec.MoveTask"), that move did not complete. The stats lines
    // above are logged after a move that did.
    id: 'hive-movetask-loading-started',
    where: 'any',
    regex: /\bLoading data to table \S+(?: partition \(|$)/,
    unless:
      /\breturn code \d+ from org\.apache\.hadoop\.hive\.ql\.exec\.MoveTask\b/,
  },
  {
    // Snowflake's result row for DML ("number of rows inserted | 1200").
    id: 'snowflake-dml-result',
    where: 'any',
    regex:
      /\bnumber of rows (?:inserted|updated|merged|loaded)\b\W{0,10}[1-9]|\brows_loaded\W{0,10}[1-9]/i,
  },
  {
    // Kafka Connect sinks and Airbyte report what reached the destination.
    id: 'connector-records-committed',
    where: 'any',
    regex:
      /\brecordsCommitted["']?\s*[:=]\s*[1-9]|\bFiles? committed to (?:s3|gcs|hdfs|azure)\b|\bCommitted (?:s3|gcs|hdfs|azure) file\b/i,
  },
  // Signals that a run had started publishing output, from how engines log their commits
  // (issue 17). Each marks a write that may have landed: the cautious answer is "wrote".
  {
    // Iceberg's Flink committer and SnapshotProducer announce the catalog commit before its
    // outcome is logged; a job that fails after this line may have committed (apache/iceberg#10765:
    // the restored job then duplicated the checkpoint's rows).
    id: 'table-commit-requested',
    where: 'any',
    regex:
      /\bCommitting (?:append|overwrite|replace partitions|rowDelta|row delta|rewrite|dynamic overwrite)\b.{0,160}\b(?:for checkpoint \d+|to table)\b/i,
    // A commit the catalog rejected did not land (Iceberg commits are atomic); an unknown
    // commit state (CommitStateUnknownException) still counts as written.
    unless:
      /\b(?:CommitFailedException|AccessDenied(?:Exception)?|not authorized to perform|ValidationException|ConcurrentModificationException|Cannot commit|Commit failed|failed to commit)\b/i,
  },
  {
    // Partitions registered in the metastore make the written files visible to readers: Hive
    // sync "Adding partitions N to table", ALTER TABLE ... ADD PARTITION, Thrift add/alter
    // partition calls, Glue BatchCreatePartition, MSCK REPAIR's "Repair: Added partition".
    id: 'metastore-partitions-added',
    where: 'any',
    regex:
      /\bAdding partitions? \d+ to table\b|\bALTER TABLE \S{1,200}(?: \S{1,200})? ADD (?:IF NOT EXISTS +)?PARTITION\b|\b(?:add|alter)_partitions(?:_req)?\b|\bBatchCreatePartition\b.{0,120}\b(?:succeeded|created)\b|\bRepair: Added partition to metastore\b|\bAdded partitions? .{0,120}\bto (?:the )?(?:metastore|catalog|table)\b/i,
  },
  {
    // Spark's scheduler reports a finished write action ("Job 3 finished: insertInto at ...");
    // its tasks have committed their output even if the job commit or a later job fails.
    id: 'spark-write-job-finished',
    where: 'any',
    regex:
      /\bJob \d+ finished: (?:save|saveAsTable|insertInto|parquet|csv|json|orc|text|jdbc|saveAsTextFile|saveAsHadoopFile|saveAsNewAPIHadoopFile|saveAsHadoopDataset|foreachPartition|writeStream|start) at\b/,
  },
  {
    // FileOutputCommitter (algorithm 1) keeps committed task output under
    // <output>/_temporary/<n>/task_*, and commitJob merges it into place: a path of that shape,
    // or a merge/rename into the output, means files were published or sit in the output path.
    id: 'committer-task-output-or-merge',
    where: 'any',
    regex:
      /\/_temporary\/\d+\/task_\w+|\bMerging data from \S+ to \S+|\bRenamed \S+ to (?:s3a?|hdfs|abfss?|gs|wasbs?|file|dbfs):\/\/(?!\S*\/_temporary\/)\S+/,
  },
  {
    // Counters of copy and upload tools ("copied 11,380,904, avg object size 4 KB").
    id: 'copy-counter',
    where: 'any',
    regex:
      /\b(?:copied|uploaded|(?<!\bbytes )written|inserted|loaded|committed|exported|published|synced)\s*[:=]?\s*[1-9][\d,]*(?=,\s|;|\s*$|\s+(?:objects?|keys|items|parts|chunks|blobs|rows|records|files)\b)/i,
    // Not Hadoop's filesystem counters ("FILE: Number of bytes written=1237277"): the local
    // FILE counter is map spill and shuffle, and HDFS/S3A bytes of a failed job are task output
    // that the job commit never published (MapReduce FileOutputCommitter).
  },
  {
    // Databricks COPY INTO / MERGE result columns.
    id: 'delta-dml-metrics',
    where: 'any',
    regex:
      // Result columns only: Delta's JSON operationMetrics also appear in conflict messages and
      // DESCRIBE HISTORY, where they describe other transactions.
      /\bnum_(?:inserted|affected|updated)_rows\W{0,10}[1-9]/,
  },
  {
    // A Glue job bookmark is committed after the run's writes; committing it (or failing in
    // job.commit()) means the writes before it had finished.
    id: 'glue-bookmark-committed',
    where: 'any',
    regex:
      /\bCommitting job bookmark\b|\bjob bookmark (?:state )?(?:committed|updated|saved|persisted)\b|\bjob\.commit\(\)/i,
  },
  {
    // Kafka Connect HDFS/S3 sinks and Flink file sinks log each file they commit.
    id: 'sink-file-committed',
    where: 'any',
    regex:
      /\bCommitted (?:s3a?|hdfs|gs|abfss?):\/\/\S+|\bCommitting (?:\d+ )?(?:pending )?(?:part ?files?|files?) (?:for checkpoint|to)\b/i,
  },
  // Issue 17, partial-write evidence: how copy tools, ELT tools and table formats report output
  // that had landed before a later failure. Each names the vendor whose log line it reads.
  {
    // AWS CLI `s3 cp/sync/mv` prints one line per object it finished ("upload: a to s3://b",
    // "copy: s3://a to s3://b"); failures print "upload failed:", which this does not match.
    id: 'aws-cli-object-transferred',
    where: 'any',
    regex: /(?:^|\s)(?:upload|copy|move): \S.{0,300} to s3:\/\//,
  },
  {
    // gsutil's closing line counts the objects it wrote ("Operation completed over 5.9k
    // objects/445.6 MiB."), printed even when some others could not be transferred.
    id: 'gsutil-operation-completed',
    where: 'any',
    regex: /\bOperation completed over [1-9][\d.,]*k? objects\b/,
  },
  {
    // AzCopy's job summary ("Number of Transfers Completed: 9228", sync's "Number of Copy
    // Transfers Completed: 93", the progress line "120986 Done, 129 Failed").
    id: 'azcopy-transfers-completed',
    where: 'any',
    regex:
      /\bNumber of (?:File |Copy |Folder Property )?Transfers Completed: [1-9]|\b[1-9]\d* Done, \d+ Failed, \d+ Pending\b/,
  },
  {
    // rclone logs each file it finished at INFO ("Copied (new)", "Copied (replaced existing)",
    // "Moved (server-side)").
    id: 'rclone-file-copied',
    where: 'any',
    regex:
      /: (?:Copied|Moved) \((?:new|replaced existing|server-side copy|server-side)\)/,
  },
  {
    // pandas-gbq streams a frame in chunks with insertAll and prints its progress after each
    // chunk; a non-zero share means rows are in the table.
    id: 'pandas-gbq-streamed-chunk',
    where: 'any',
    regex: /\b[1-9][\d,]* out of [\d,]+ rows loaded\b/,
  },
  {
    // pandas-gbq's streaming loader (GbqConnector.load_data before 0.3) prints "Streaming Insert
    // is N% Complete" for a chunk before it sends that chunk with insertAll: a progress line
    // proves a chunk was inserted only when the next chunk's line follows it.
    id: 'pandas-gbq-streaming-chunk-announced',
    where: 'any',
    regex: /\bStreaming Insert is \d+(?:\.\d+)?% Complete\b/,
    announcedBefore: true,
  },
  {
    // Meltano saves the Singer state a target emits only after the target has persisted the
    // records before it ("Incremental state has been updated at ...").
    id: 'meltano-state-saved',
    where: 'any',
    regex: /\bIncremental state has been updated at\b/,
  },
  {
    // Hudi archives old instants in postCommit, after the new instant is marked complete: an
    // archive failure comes after the write landed (HoodieTimelineArchiveLog, HUDI-1615).
    id: 'hudi-instant-completed-or-archiving',
    where: 'any',
    regex:
      /\bMarking instant complete \[|\bHoodieActiveTimeline: Completed \[==>\d+__(?:commit|deltacommit|replacecommit)__INFLIGHT\]|\bFailed to archive commits\b|\bHoodieTimelineArchiveLog\b/,
  },
  {
    // Kafka Connect commits sink offsets only after the task's preCommit flushed its records
    // (WorkerSinkTask.commitOffsets): a commit started or a failure of the consumer commit
    // itself comes after data reached the sink. A failed flush logs "exception while flushing"
    // and rewinds instead, which this does not match.
    id: 'kafka-connect-sink-offsets-committed',
    where: 'any',
    regex:
      /\bWorkerSinkTask\{id=[^}]+\} (?:Committing offsets (?:a?synchronously|using)|Finished offset commit successfully|Commit of offsets threw an unexpected exception)/,
  },
  {
    // Trino's Hive metastore committer names the operations it could not finish after the
    // others (files, partitions) were committed.
    id: 'trino-hive-operations-completed',
    where: 'any',
    regex:
      /\bAll operations other than the following update operations were completed\b/,
  },
  {
    // dlt logs each finished job of a load package ("Job for <table>.<id>.<ext> completed in
    // load"); covered above for the reference form, here for any file type and the summary.
    id: 'dlt-package-partially-loaded',
    where: 'any',
    regex:
      /\bLoad package \S+ is (?:LOADED|PARTIALLY_LOADED) and contains [1-9]\d* FAILED job|\bpartially loaded package\b/i,
  },
  {
    // Airbyte's attempt failure summary: partialSuccess is true when records were committed
    // (AttemptFailureSummary in the Airbyte API).
    id: 'airbyte-partial-success',
    where: 'any',
    regex: /["']?partialSuccess["']?\s*[:=]\s*true\b/,
  },
  // Further vendor formats of output that had landed (issue 17), each from the tool's own log.
  {
    // PostgreSQL command tags as psql echoes them (UPDATE n, DELETE n, MERGE n); INSERT and
    // COPY are read above. Trino's CLI prints "INSERT: n rows", BigQuery's bq "Number of
    // affected rows: n", MySQL's multi-row statements "Records: n  Duplicates: d".
    id: 'dml-result-tags',
    where: 'any',
    regex:
      /(?:^|\s)(?:UPDATE|DELETE|MERGE) [1-9]\d*\s*$|\b(?:INSERT|CREATE TABLE|MERGE|UPDATE|DELETE): [1-9][\d,]* rows?\b|\bNumber of affected rows: [1-9]|\bRecords: [1-9]\d*\s+Duplicates: \d+/,
  },
  {
    // SQLAlchemy's engine echo logs COMMIT when a transaction commits; with a DML statement
    // in the log, that transaction wrote rows before the later failure.
    id: 'sqlalchemy-commit-after-dml',
    where: 'any',
    regex: /\bsqlalchemy\.engine(?:\.base)?\.Engine:? COMMIT\s*$/,
    requires: /\bsqlalchemy\.engine\S* (?:INSERT|UPDATE|DELETE|MERGE|COPY)\b/,
  },
  {
    // PipelineWise targets (Snowflake, Redshift, Postgres) log each merged batch after it
    // ran: 'Loading into db."T": {"inserts": 3, "updates": 0, "size_bytes": 57}'.
    id: 'pipelinewise-batch-loaded',
    where: 'any',
    regex:
      /\bLoading into \S+: \{"inserts": (?:[1-9]\d*, "updates": \d+|\d+, "updates": [1-9])/,
  },
  {
    // Kafka Connect JDBC sink after a batch reached the database.
    id: 'jdbc-sink-write-completed',
    where: 'any',
    regex: /\bCompleted write operation for [1-9]\d* records to the database\b/,
  },
  {
    // Kafka producers' delivery reports: confluent-kafka's delivery callback ("Message
    // delivered to orders [3] @ offset 812"), librdkafka's and the Java client's acks.
    id: 'kafka-producer-delivered',
    where: 'any',
    regex:
      /\b(?:Message|Record)s? delivered to (?:topic )?\S+ ?\[\d+\](?: (?:@|at) offset \d+)?|\bdelivery report\b.{0,80}\boffset [0-9]+/i,
  },
  {
    // Dagster stores a step's output through its IO manager and records materializations;
    // either event means an earlier step of the run had written its output.
    id: 'dagster-output-handled',
    where: 'any',
    regex:
      /\bHANDLED_OUTPUT\b|\bHandled output "[^"]+" using IO manager\b|\bASSET_MATERIALIZATION\b|\bMaterialized value \S+/,
  },
  {
    // SQLMesh CLI (sqlmesh/core/console.py): each executed model batch prints
    // "[i/n] <model> [<kind of evaluation>] <secs>s" and the stage ends with "Model batches
    // executed"; both mean a model was built into its physical table before a later step failed.
    id: 'sqlmesh-model-batch-executed',
    where: 'any',
    regex:
      /\bModel batches executed\b|^\s*\[\d+\/\d+\]\s+\S+\s+\[(?:full refresh|insert[^\]]{0,60}|merge[^\]]{0,60}|recreate view|overwrite[^\]]{0,60})\]\s+[\d.]+s\b/,
  },
  {
    // Prefect: a task run whose name says it writes finished Completed before the flow failed.
    id: 'prefect-write-task-completed',
    where: 'any',
    regex:
      /\bTask run '(?:[\w-]*[_-])?(?:load|write|upload|insert|upsert|publish|save|export|sink|store|persist|merge)[\w-]*' - Finished in state Completed\(/i,
  },
  {
    // Spark Structured Streaming progress: the sink received rows in a finished batch
    // (numOutputRows is -1 for v1 sinks, which this does not count).
    id: 'spark-streaming-sink-rows',
    where: 'any',
    regex: /"numOutputRows"\s*:\s*[1-9]/,
  },
  {
    // A success marker written for an earlier partition or output (Hadoop/Spark _SUCCESS).
    id: 'success-marker-written',
    where: 'any',
    regex:
      /\b(?:Wrote|Writing|Written|Created|Creating|Touched|Touching|Uploaded|Put) .{0,200}\/_SUCCESS\b/,
  },
  {
    // Iceberg's Spark and Flink writers after the catalog commit ("Committed append to table:
    // db.t", SparkWrite "Committed in 412 ms").
    id: 'iceberg-committed-operation',
    where: 'any',
    regex:
      /\bCommitted (?:append|overwrite|rowDelta|row delta|replace partitions|rewrite)\b.{0,40}\bto table\b|\bCommitted in \d+ ms\b/,
    requires: /iceberg/i,
  },
  {
    // Hive's MoveTask into the table's own directory (not its staging directories) and S3
    // multipart uploads when they finish.
    id: 'hive-move-or-multipart-completed',
    where: 'any',
    regex:
      /\bMoving data to(?: directory)?:? (?:s3a?|hdfs|abfss?|gs|file):\/\/(?![^\s]*(?:\.hive-staging|\/_temporary|\/-ext-\d))|\bCompleted multipart upload\b|\bCompleteMultipartUpload\b.{0,80}\b200\b/,
  },
  {
    // BigQuery's result message for DML ("This statement inserted 1,200 rows into ds.t"), and
    // DML counts in the "N rows updated/deleted" form that JDBC and ORM clients print.
    id: 'dml-statement-rows',
    where: 'any',
    regex:
      /\bThis statement (?:inserted|added|modified|removed|updated|deleted|merged) [1-9][\d,]* rows?\b|\b[1-9][\d,]* rows? (?:were |was )?(?:updated|deleted)\b/i,
  },
  {
    // dbt-bigquery reports an incremental model built by a multi-statement script as
    // "[SCRIPT (1.2 GiB processed)]"; other adapters' tags are read above.
    id: 'dbt-bigquery-script-model',
    where: 'any',
    regex: /\bOK created \S+ (?:incremental )?model\b.{0,200}\[SCRIPT \(/,
  },
  {
    // Airflow: an earlier task of the same run whose id says it writes finished successfully
    // ("Marking task as SUCCESS. dag_id=d, task_id=load_orders").
    id: 'airflow-write-task-succeeded',
    where: 'any',
    regex:
      /\bMarking task as SUCCESS\.? dag_id=\S+, task_id=(?:[\w.-]*[_.])?(?:load|write|upload|insert|upsert|publish|save|export|sink|store|persist|merge|copy|ingest)\w*/i,
  },
  {
    // Meltano relays what the Singer target prints on stdout; a target emits a STATE message
    // (its "bookmarks") only after persisting the records before it.
    id: 'singer-target-state-emitted',
    where: 'any',
    regex: /^(?=.*"bookmarks")(?=.*\bname=target-[\w-]+)(?=.*\bstdio=stdout\b)/,
  },
  {
    // Producers that count broker acknowledgements ("acked 1200 records").
    id: 'producer-acked',
    where: 'any',
    regex:
      /\b(?:acked|acknowledged) [1-9][\d,]* (?:records|messages|events)\b/i,
  }, // Partial-write evidence, second pass (issue 17): loaders and transfer tools that report
  // what landed before a later step or batch failed. Each names the tool whose output it reads.
  {
    // Spark's DataFrameWriter.jdbc saves each partition in its own transaction
    // (JdbcUtils.savePartition commits per partition): a finished task of a JDBC save job means
    // that partition's rows are in the database, whatever happens to the other tasks.
    id: 'spark-jdbc-save-task-finished',
    where: 'any',
    regex: /\bFinished task \d+\.\d+ in stage \d+\.\d+ \(TID \d+\)/,
    requires:
      /\bJdbcUtils\$?\.(?:savePartition|saveTable)\b|\bjdbc at [\w$.]+:\d+\)|\bcalling o\d+\.jdbc\b/,
  },
  {
    // The same for Spark's other write actions: a task that finished in a job or stage named
    // after a write (save, insertInto, saveAsTable, foreachPartition, ...) committed its task
    // output (FileOutputCommitter task commit, the S3-optimized committers' completed uploads)
    // or pushed its partition to an external sink.
    id: 'spark-write-stage-task-finished',
    where: 'any',
    regex: /\bFinished task \d+\.\d+ in stage \d+\.\d+ \(TID \d+\)/,
    requires:
      /\b(?:ResultStage \d+|Got job \d+) \((?:save|saveAsTable|insertInto|parquet|orc|csv|saveAsTextFile|saveAsHadoopFile|saveAsNewAPIHadoopFile|saveAsHadoopDataset|foreachPartition|foreach) at\b/,
  },
  {
    // Airflow's GCSHook.upload logs each object it finished ("File /tmp/x uploaded to
    // exports/file_0.csv in my-bucket bucket"); BaseSQLToGCSOperator uploads its chunk files in
    // order, so announcing chunk #1 or later means chunk #0 was already uploaded.
    id: 'airflow-gcs-object-uploaded',
    where: 'any',
    regex:
      /\bFile \S+ uploaded to \S+ in \S+ bucket\b|\bUploading chunk file #[1-9]\d* to GCS\b/,
  },
  {
    // Scripts and notebooks that save one table after another and announce each save before
    // it runs ("Loading to datamarts table", "Writing into orders table"): the announcement of
    // the next table proves the save before it returned.
    id: 'sequential-table-save-announced',
    where: 'any',
    regex: /\b(?:Loading|Writing|Saving) (?:data )?(?:to|into) \S+ table\b/i,
    announcedBefore: true,
  },
  {
    // Airflow's S3ToRedshiftOperator logs "COPY command complete..." once its COPY returned.
    id: 'airflow-s3-to-redshift-copy-complete',
    where: 'any',
    regex: /\bCOPY command complete\b/,
  },
  {
    // BigQuery job statistics: a load job's outputRows (REST JobStatistics3, embulk's
    // :output_rows / num_output_rows) and a DML job's numDmlAffectedRows. A load that completes
    // with bad records under maxBadRecords still appends its good rows.
    id: 'bigquery-job-output-rows',
    where: 'any',
    regex:
      /\b(?:outputRows|output_rows|num_output_rows|numDmlAffectedRows|num_dml_affected_rows)["']?\s*(?::|=>|=)\s*["']?[1-9]/,
  },
  {
    // Delta Lake operation metrics of a write this run committed (MERGE numTargetRowsInserted,
    // WRITE numOutputRows). The same metrics appear in conflict errors and DESCRIBE HISTORY of
    // other transactions, which do not count.
    id: 'delta-operation-metrics-rows',
    where: 'any',
    regex:
      /\b(?:numTargetRowsInserted|numTargetRowsUpdated|numOutputRows)["']?\s*[:=]\s*["']?[1-9]/,
    unless:
      /\bConcurrent(?:Append|DeleteRead|DeleteDelete|Transaction|Write)Exception\b|\bDELTA_CONCURRENT_\w+|\b(?:Protocol|Metadata)ChangedException\b|\bDESCRIBE HISTORY\b/i,
  },
  {
    // JDBC BatchUpdateException carries the update counts of the statements that ran before the
    // failing one (java.sql.BatchUpdateException#getUpdateCounts); a positive count is a row
    // written, kept when the driver runs without a transaction (Databricks JDBC says so).
    id: 'jdbc-batch-update-counts-positive',
    where: 'any',
    regex: /\bupdate ?counts?:?\s*\[(?:\s*-?\d+\s*,)*\s*[1-9]\d*\s*[,\]]/i,
    requires: /BatchUpdateException\b/,
    // pgjdbc reports "Batch entry N ... was aborted": PostgreSQL runs the batch in one
    // transaction, so the counts before the failing entry were not kept (pgjdbc#502).
    unless:
      /\brolled back\b|\brollback\b|\broll(?:ing)? back\b|\bBatch entry \d+ .{0,400}\bwas aborted\b/i,
  },
  {
    // Snowflake's COPY INTO result rows as the Python connector returns them:
    // (file, status, rows_parsed, rows_loaded, ...); LOADED or PARTIALLY_LOADED with rows.
    id: 'snowflake-copy-result-tuple-loaded',
    where: 'any',
    regex: /\(\s*'[^']+',\s*'(?:LOADED|PARTIALLY_LOADED)',\s*\d+,\s*[1-9]/,
  },
  {
    // elasticsearch-hadoop bails out when entries of a bulk request stay rejected after its
    // retries ("Could not write all entries [1/64320]" or "... for bulk operation [3/1000]"):
    // fewer failed than sent means the rest of that bulk, and earlier bulks, were indexed.
    id: 'es-hadoop-bulk-partly-written',
    where: 'any',
    regex:
      /\bCould not write all entries(?: for bulk operation)? \[(\d+)\/(?!\1\])\d+\]/,
  },
  {
    // MongoDB drivers' bulk results (pymongo BulkWriteError details, the Node driver's
    // BulkWriteResult): an ordered insert_many keeps the documents before the failing one.
    id: 'mongodb-bulk-result-written',
    where: 'any',
    regex:
      /['"]?\bn(?:Inserted|Upserted|Modified)['"]?\s*:\s*[1-9]|\b(?:insertedCount|upsertedCount|modifiedCount)['"]?\s*:\s*[1-9]/,
  },
  // Further formats of output that landed, from the vendors' own log and result formats
  // (issue 17, partial-write evidence second pass); each entry names its tool.
  {
    // Spark DataSource V2 writes: DataWritingSparkTask logs each task commit ("Committed
    // partition 3 (task 55, attempt 0, stage 4.0)") and WriteToDataSourceV2Exec the job commit
    // ("Data source write support ... committed."); an aborting write says "aborting"/"aborted".
    id: 'spark-dsv2-write-committed',
    where: 'any',
    regex:
      /\bCommitted partition \d+ \(task \d+|\bData source write support \S+ committed\b/,
  },
  {
    // Producers that log each acknowledged send: Confluent's clients' examples ("Produced
    // event to topic purchases"), Spring Kafka's send callback ("Sent message=[..] with
    // offset=[812]").
    id: 'producer-send-acknowledged',
    where: 'any',
    regex:
      /\bProduced (?:event|record|message)s? to topic\b|\bSent message=\[.{0,300}\] with offset=\[\d+\]/,
  },
  {
    // DynamoDB BatchWriteItem writes every item it does not return in UnprocessedItems: a
    // non-empty UnprocessedItems means the rest of the batch was written.
    id: 'dynamodb-batch-unprocessed-items',
    where: 'any',
    regex: /['"]UnprocessedItems['"]\s*:\s*\{\s*['"]\w/,
  },
  {
    // elasticsearch-py's helpers.bulk raises BulkIndexError naming the documents that failed;
    // the others of the chunk, and earlier chunks, were indexed.
    id: 'elasticsearch-py-bulk-index-error',
    where: 'any',
    regex: /\bBulkIndexError\b.{0,20}[1-9]\d* document\(s\) failed to index\b/,
  },
  {
    // SQL*Plus feedback ("1200 rows created.") and Teradata BTEQ ("*** Insert completed. 5
    // rows added.").
    id: 'sqlplus-bteq-dml-feedback',
    where: 'any',
    regex:
      /^\s*[1-9]\d* rows? (?:created|updated|merged)\.\s*$|\*\*\* (?:Insert|Update|Merge|Delete) completed\. (?:[1-9]\d*|One) rows? (?:added|changed|removed)\b/,
  },
  {
    // Sqoop import: ImportJobBase reports the records the map tasks wrote to HDFS
    // ("Retrieved 1200 records.") before a later step (Hive import) runs.
    id: 'sqoop-import-retrieved',
    where: 'any',
    regex: /\bRetrieved [1-9]\d* records\./,
    requires: /\bImportJobBase\b|\bsqoop\b/i,
  },
  {
    // Azure Data Factory copy activity output (rowsCopied, filesWritten).
    id: 'adf-copy-activity-output',
    where: 'any',
    regex: /["'](?:rowsCopied|filesWritten)["']\s*:\s*[1-9]/,
  },
  {
    // cqlsh COPY FROM ("1200 rows imported from 1 files in 3.2 seconds"), MySQL LOAD DATA
    // ("Records: 1200  Deleted: 0  Skipped: 3  Warnings: 3").
    id: 'bulk-load-client-summary',
    where: 'any',
    regex:
      /\b[1-9]\d* rows imported from \d+ files?\b|\bRecords: [1-9]\d*\s+Deleted: \d+\s+Skipped: \d+/,
  },
  {
    // AWS DMS full load finishes table by table ("Load finished for table 'dbo'.'orders'").
    id: 'dms-table-load-finished',
    where: 'any',
    regex: /\bLoad finished for table '[^']+'\.'[^']+'/,
  },
  {
    // dbt's run_results.json: a model, snapshot or seed with status "success" was built.
    id: 'dbt-run-results-success',
    where: 'any',
    regex: /"status":\s*"success"/,
    requires: /"unique_id":\s*"(?:model|snapshot|seed)\./,
  },
  {
    // Snowflake's Kafka connector (Snowpipe Streaming) after rows reached a channel.
    id: 'snowflake-streaming-insert-rows',
    where: 'any',
    regex: /\bSuccessfully called insertRows for channel\b/,
  },
  // Partial-write evidence, third pass (issue 17): counters and acknowledgements in the
  // wording each tool prints; each entry names the tool.
  {
    // Kafka Connect's WorkerSinkTask before 2.x logged a finished commit as "Finished
    // commitOffsets successfully in 13 ms"; a sink commits only offsets it has flushed.
    id: 'kafka-connect-commit-offsets-finished',
    where: 'any',
    regex: /\bFinished commitOffsets successfully in \d+ ?ms\b/,
  },
  {
    // Airflow's DbApiHook.insert_rows (GenericTransfer, S3ToSqlOperator, ...) commits every
    // commit_every rows and logs "Loaded 1000 rows into t so far", then "Done loading. Loaded a
    // total of N rows into t".
    id: 'airflow-insert-rows-loaded',
    where: 'any',
    regex:
      /\bLoaded [1-9]\d* rows into \S+ so far\b|\bDone loading\. Loaded a total of [1-9]\d* rows\b/,
  },
  {
    // Row counts of finished statements printed as "ROWS AFFECTED: N" (Snowplow sql-runner),
    // "rows affected: N" / "affected rows: N" (JDBC and ODBC clients) and ClickHouse's
    // X-ClickHouse-Summary ("written_rows":"1200").
    id: 'statement-rows-affected-count',
    where: 'any',
    regex:
      /\b(?:rows affected|affected rows|rows_affected)\s*[:=]\s*[1-9]|["']?written_rows["']?\s*[:=]\s*["']?[1-9]/i,
  },
  {
    // Bulk loaders that count records per outcome: SFDX Data Move Utility ("785 records
    // succeeded, 5 records failed"), Salesforce Data Loader ("There were 785 successful
    // inserts and 5 errors"). Bulk APIs apply each record on its own, so successes are kept.
    id: 'bulk-records-succeeded',
    where: 'any',
    regex:
      /\b[1-9][\d,]* records? succeeded\b|\bThere were [1-9][\d,]* successful (?:inserts?|updates?|upserts?|deletes?)\b/i,
  },
  {
    // Sqoop export writes from each map task in many small transactions (the Sqoop user guide
    // warns a failed export may leave partial data committed); map progress above 0% in an
    // export job means rows were sent to the database.
    id: 'sqoop-export-map-progress',
    where: 'any',
    regex: /\bmap [1-9]\d*% reduce \d+%/,
    requires:
      /\bExportJobBase\b|\bBeginning export of\b|\bsqoop\.\S*ExportTool\b|\btool\.ExportTool\b/,
  },
  {
    // Writers that report what they could not keep out of a total ("1 of 1000 record(s) not
    // persisted to t"): fewer than all means the rest was written.
    id: 'some-of-total-not-persisted',
    where: 'any',
    regex:
      /\b(\d+) of (?!\1\b)\d+ (?:records?|rows?|record\(s\)|row\(s\)|documents?|items?|messages?|objects?) (?:were |was )?not (?:persisted|written|inserted|loaded|indexed|saved|committed)\b/i,
  },
  {
    // Bulk writers that close each request with an outcome count in the short form "N
    // succeeded, M failed" (the libris Elasticsearch bulk summary "Tried bulk indexing 300
    // docs: 298 succeeded, 2 failed", Elasticsearch BulkProcessor listeners, batch loaders):
    // the bulk API applies each item on its own, so the succeeded ones were written.
    id: 'bulk-outcome-succeeded-failed',
    where: 'any',
    regex: /\b[1-9][\d,]* (?:succeeded|successful|ok), [\d,]+ failed\b/i,
  },
  {
    // SFDX Data Move Utility's batch status when some records failed: "Completed with issues. 4
    // records processed, 1 records failed" (processed records were written to the target org).
    id: 'sfdmu-completed-with-issues',
    where: 'any',
    regex: /\bCompleted with issues\. [1-9]\d* records processed\b/,
  },
  {
    // Kafka Connect logs the offset commit of a sink task with the task context as a prefix
    // ("[conn|task-0] Committing offsets asynchronously using sequence number 41: {...}
    // (org.apache.kafka.connect.runtime.WorkerSinkTask:359)"); the sink flushed before it.
    id: 'kafka-connect-sink-commit-by-logger',
    where: 'any',
    regex:
      /\bCommitting offsets (?:a?synchronously )?using sequence number \d+: \{\S/,
    requires: /\bWorkerSinkTask\b/,
  },
  {
    // Unloads and exports write files: Redshift "UNLOAD completed, 1200 record(s) unloaded
    // successfully", Snowflake COPY INTO <location> result (rows_unloaded), BigQuery extract jobs
    // (destinationUriFileCounts), Hadoop DistCp / s3-dist-cp counters (Files Copied=12) and
    // gcloud storage cp progress ("Completed files 12/40").
    id: 'unload-export-files-written',
    where: 'any',
    regex:
      /\bUNLOAD completed, [1-9][\d,]* record\(s\) unloaded\b|\brows_unloaded\W{0,10}[1-9]|["']?destinationUriFileCounts["']?\s*:\s*\[\s*["']?[1-9]|\bFiles Copied=[1-9]|\bCompleted files [1-9]\d*\s*\/\s*\d+/i,
  },
  {
    // Loaders that say rows went in "successfully": Oracle SQL*Loader ("1200 Rows successfully
    // loaded."), mongoimport ("1200 document(s) imported successfully. 3 document(s) failed to
    // import."), bulk clients with the same wording.
    id: 'rows-successfully-loaded',
    where: 'any',
    regex:
      /\b[1-9][\d,]* (?:rows?|records?|documents?|document\(s\)|row\(s\)|record\(s\)) (?:were )?(?:successfully (?:loaded|inserted|written|imported|copied|indexed|uploaded)|(?:loaded|inserted|imported|indexed) successfully)\b/i,
  },
  {
    // Elasticsearch's bulk API applies each item on its own: Logstash's output logs "Could not
    // index event to Elasticsearch" for an item that failed while the rest of the bulk request
    // was indexed, and bulk responses list successful items as "result": "created"/"updated".
    id: 'elasticsearch-bulk-items-indexed',
    where: 'any',
    regex:
      /\bCould not index event to Elasticsearch\b|["']result["']\s*(?::|=>)\s*["'](?:created|updated)["']/,
  },
  {
    // Batch APIs that answer per record: Kinesis PutRecords lists a SequenceNumber for each
    // record it stored (failed ones carry ErrorCode instead), Firehose PutRecordBatch a
    // RecordId, SQS SendMessageBatch its "Successful" entries (AWS API references).
    id: 'aws-batch-response-successful-entries',
    where: 'any',
    regex:
      /["']SequenceNumber["']\s*:\s*["']\d{10,}|["']RecordId["']\s*:\s*["'][\w+/=]{16,}|["']Successful["']\s*:\s*\[\s*\{/,
  },
  {
    // BigQuery insertAll with skipInvalidRows inserts the valid rows and lists only the bad
    // ones in insertErrors (without it, valid rows are reported "stopped" and nothing is kept).
    id: 'bigquery-insertall-skip-invalid-rows',
    where: 'any',
    regex: /\binsert_?errors\b/i,
    requires: /\bskip_?invalid_?rows["']?\s*[:=]\s*["']?true\b/i,
  },
  // Partial-write evidence, pw5 (issue 17): finished units before a later failure, and batch
  // outcomes that by definition mean some items were kept. Each names the tool it reads.
  {
    // Migration tools report migrations only after committing them: Flyway's summary
    // "Successfully applied 2 migrations to schema" (DbMigrate, printed before the afterMigrate
    // callbacks run), Liquibase's "ChangeSet <id> ran successfully", Django's
    // "Applying app.0003_x... OK".
    id: 'migrations-applied',
    where: 'any',
    regex:
      /\bSuccessfully applied [1-9]\d* migrations?\b|\bChangeSet \S+ ran successfully\b|^\s*Applying \w+\.\w+\.\.\. OK\s*$/,
  },
  {
    // Delta Lake's OPTIMIZE returns its OptimizeMetrics (numFilesAdded, numFilesRemoved) only
    // after committing the compaction as a new table version (delta-io OptimizeTableCommand).
    // DESCRIBE HISTORY names the same figures numAddedFiles/numRemovedFiles, which do not match.
    id: 'delta-optimize-files-added',
    where: 'any',
    regex: /\bnumFilesAdded["']?\s*[:=]\s*[1-9]/,
  },
  {
    // Multi-unit runners that report each unit's outcome and number the units: Sling's
    // replication logs "[2 / 5] running stream ..." and "execution succeeded" per stream
    // (sling-cli replication runner); the same shape as "step 2 of 4", "(3/10)". A unit that
    // succeeded in a numbered multi-unit run wrote its output before a later unit failed.
    id: 'numbered-unit-succeeded',
    where: 'any',
    regex:
      /\b(?:execution|stream|table|step|batch|chunk|file|partition|sync|load|copy|export|upload|replication) (?:succeeded|completed successfully|finished successfully)\b/i,
    requires:
      /\[\s*(?:[2-9]|[1-9]\d+)\s*\/\s*\d+\s*\]|\(\s*(?:[2-9]|[1-9]\d+)\s*\/\s*\d+\s*\)|\b(?:step|stream|table|batch|chunk|file|part|page|partition|model|unit|statement) (?:[2-9]|[1-9]\d+) (?:of|\/) \d+\b/i,
  },
  {
    // Sequential loaders that announce each numbered unit as they start it ("Loading chunk 3 of
    // 10", "Writing batch 4 of 12 to ...", "Uploading file 7/9"): they start unit k only after
    // unit k-1 returned, so an announcement of unit 2 or later means an earlier unit was
    // written. Not the parts or chunks of one upload (S3 multipart parts and resumable-upload
    // chunks are invisible until the upload completes), and not dbt's "3 of 12 START", whose
    // nodes run on parallel threads.
    id: 'numbered-write-unit-announced',
    where: 'any',
    regex:
      /\b(?:Loading|Writing|Inserting|Copying|Exporting|Importing|Upserting|Merging|Publishing|Syncing|Replicating|Saving)\b(?: [\w.\x22'`-]+){0,3} (?:chunk|batch|page|file|partition|table|stream|object)s? #?(?:[2-9]|[1-9]\d+) ?(?:of|\/) ?\d+\b|\b(?:Uploading|Sending|Pushing)\b(?: [\w.\x22'`-]+){0,3} (?:batch|file|partition|table|object)s? #?(?:[2-9]|[1-9]\d+) ?(?:of|\/) ?\d+\b/i,
  },
  {
    // The same announcement with a neutral verb ("Processing table 5/20", "Starting step 2 of
    // 4", "[4/12] orders"): counted only in a run whose log shows it writing.
    id: 'numbered-unit-announced-in-writing-run',
    where: 'any',
    regex:
      /\b(?:Processing|Running|Starting|Handling|Executing)\b(?: [\w.\x22'`-]+){0,3} (?:chunk|batch|page|file|partition|table|stream|step|unit|statement|model)s? #?(?:[2-9]|[1-9]\d+) ?(?:of|\/) ?\d+\b|^\s*\[(?:[2-9]|[1-9]\d+) ?\/ ?\d+\] (?!.*\bfailed\b)/i,
    requires: WRITE_ACTIVITY,
  },
  {
    // Salesforce Bulk API job info: numberRecordsProcessed counts failed records too, so a
    // processed count above the failed count means some records were written
    // (developer.salesforce.com, Bulk API 2.0 "Get Information About a Job"). Read only when
    // both counts sit on one line; equal counts mean every record failed.
    id: 'salesforce-bulk-some-processed',
    where: 'any',
    regex:
      /\bnumberRecordsProcessed\W{1,4}[1-9]\d*\b.{0,300}\bnumberRecordsFailed\b|\bnumberRecordsFailed\W{1,4}\d+\b.{0,300}\bnumberRecordsProcessed\W{1,4}[1-9]/,
    unless:
      /\bnumberRecordsProcessed\W{1,4}(\d+)\b.{0,300}\bnumberRecordsFailed\W{1,4}\1\b|\bnumberRecordsFailed\W{1,4}(\d+)\b.{0,300}\bnumberRecordsProcessed\W{1,4}\2\b/,
  },
  {
    // Counts of written items with a qualifier between the number and the unit, as scripts and
    // loaders print them ("Inserted 184,220 achilles_results rows", "Wrote 12 parquet files",
    // "3,000 order records were loaded"). Not staged, temporary or spill files, which are not
    // output until a later step publishes them.
    id: 'qualified-count-written',
    where: 'any',
    regex:
      /\b(?:Wrote|Written|Inserted|Loaded|Upserted|Merged|Copied|Uploaded|Exported|Appended|Saved|Published|Produced|Sent|Committed|Flushed|Delivered|Imported|Ingested|Persisted|Stored|Indexed) [1-9][\d,]* (?:(?!(?:staged|staging|stage|temp|tmp|temporary|intermediate|shuffle|spill|spilled)\b)[\w-]+ ){1,2}(?:rows|records|files|objects|partitions|messages|batches|documents|docs|events|items)\b|\b[1-9][\d,]* (?:(?!(?:staged|staging|stage|temp|tmp|temporary|intermediate|shuffle|spill|spilled)\b)[\w-]+ ){1,2}(?:rows?|records?|files|objects|documents|events) (?:were |have been )?(?:inserted|written|loaded|upserted|merged|copied|committed|published|uploaded|imported|ingested|indexed|persisted)\b/i,
  },
  {
    // A write step a tool reports as finished ("Finished writing to s3://...", "Done
    // uploading 14 files", "Completed exporting orders") before a later step failed.
    id: 'write-step-finished',
    where: 'any',
    regex:
      /\b(?:Finished|Done|Completed) (?:writing|uploading|inserting|exporting|indexing|upserting)\b(?!.{0,60}\b(?:staging|staged|temp|tmp|spill)\b)/i,
  },
  {
    // AWS batch puts answer per record and count the failures: Kinesis PutRecords
    // FailedRecordCount, Firehose PutRecordBatch FailedPutCount, EventBridge PutEvents
    // FailedEntryCount (AWS API references: a failed record does not stop the others). A count
    // below the batch size means the other records were stored; a count equal to the batch
    // printed beside it means none were.
    id: 'aws-batch-failed-count-partial',
    where: 'any',
    regex: /\bFailed(?:Record|Put|Entry)Count["']?\s*[:=]\s*["']?[1-9]/,
    unless:
      /\bFailed(?:Record|Put|Entry)Count["']?\s*[:=]\s*["']?(\d+)\b.{0,60}\b(?:Records|RequestResponses|Entries|records)["']?\s*[:=]\s*["']?\1\b/,
  },
  // Partial-write evidence, pw6 (issue 17): streaming ingest APIs and connectors that write
  // without a job-level commit. Each entry names the tool whose output it reads.
  {
    // Snowpipe's load history (insertReport / loadHistoryScan, and the ingest SDK's
    // HistoryResponse): a file entry with rowsInserted above zero or status LOADED /
    // PARTIALLY_LOADED is in the table; Snowpipe loads each file on its own, so a LOAD_FAILED
    // file beside it does not undo it (Snowflake docs, "insertReport" response fields).
    id: 'snowpipe-history-file-loaded',
    where: 'any',
    regex:
      /\browsInserted["']?\s*[:=]\s*["']?[1-9]|^\s*["']?status["']?\s*[:=]\s*["']?(?:LOADED|PARTIALLY_LOADED)\b/i,
  },
  {
    // BigQuery Storage Write API: on a COMMITTED-type stream (and the _default stream) rows are
    // visible as soon as AppendRows answers with an append result, and ALREADY_EXISTS ("The
    // offset is within stream", StorageError OFFSET_ALREADY_EXISTS) means the offset sent was
    // already written (cloud.google.com/bigquery/docs/write-api, stream types and exactly-once
    // offsets). PENDING and BUFFERED streams show nothing until commit or flush.
    id: 'bigquery-storage-write-append-acknowledged',
    where: 'any',
    regex:
      /\bappend_?[Rr]esult\W{0,6}offset\W{0,12}value\W{0,4}\d|\bThe offset is within stream\b|\bOFFSET_ALREADY_EXISTS\b/,
    requires: /\bCOMMITTED\b|\/streams\/_default\b/,
    unless: /\btype[=:]\s*["']?(?:PENDING|BUFFERED)\b/,
  },
  {
    // The Spark Cassandra connector (TableWriter, saveToCassandra) sends each task's rows to
    // the cluster as it goes, with no job-level commit: a finished task of the job that then
    // failed writing ("Failed to write statements to ks.table") left its partition's rows
    // stored (DataStax spark-cassandra-connector docs: writes are not transactional).
    id: 'spark-cassandra-connector-task-finished',
    where: 'any',
    regex: /\bFinished task \d+\.\d+ in stage \d+\.\d+\b/,
    requires:
      /\bFailed to write statements to\b|\bcom\.datastax\.spark\.connector\.writer\b|\bsaveToCassandra\b/,
  },
  // Partial-write evidence, pw7 (issue 17): how workflow frameworks and restore/import tools
  // report units they finished before a later unit failed. Each entry names the tool.
  {
    // Luigi's execution summary (luigi/execution_summary.py) lists the tasks this run executed
    // as "* N ran successfully:"; tasks it found already done are "complete ones were
    // encountered", which this does not match. A Luigi task ran successfully only once run()
    // returned, i.e. after it produced its output targets. The worker's own line for a task it
    // finished is "Worker(...) done      <Task>".
    id: 'luigi-tasks-ran-successfully',
    where: 'any',
    regex:
      /^\W{0,4}\*\s*[1-9]\d* ran successfully:|\bWorker\(salt=[^)]{0,200}\) done {2,}\S/,
  },
  {
    // Kedro's runners log "Saving data to '<name>' (<Type>Dataset)..." as a node's outputs are
    // saved, then "Completed N out of M tasks" once the node is done (kedro/runner and
    // kedro/io/data_catalog.py). A save to a dataset other than an in-memory one, followed by a
    // completion line, is a persisted output.
    id: 'kedro-persisted-dataset-saved',
    where: 'any',
    regex:
      /\bSaving data to ['`"]?[\w.:\/-]+['`"]? \((?!Memory|SharedMemory|Cached)\w*Data[Ss]et\)/,
    followedBy: /\bCompleted [1-9]\d* out of \d+ tasks\b/,
  },
  {
    // pg_restore goes on after an error unless run with --exit-on-error or --single-transaction,
    // and reports "errors ignored on restore: N" at the end (PostgreSQL docs, pg_restore -e:
    // "The default is to continue and to display a count of errors at the end of the
    // restoration"): the run reached the end and restored every other object.
    id: 'pg-restore-errors-ignored',
    where: 'any',
    regex: /\berrors ignored on restore: [1-9]\d*/,
    unless:
      /--single-transaction|--exit-on-error|\bpg_restore\b.{0,200}\s-(?:1|e)\b/,
  },
  {
    // pg_restore -v announces each table's data as it starts its COPY ("processing data for
    // table ..."): a later announcement proves the COPY before it returned (each committed on
    // its own outside --single-transaction).
    id: 'pg-restore-table-data-processed',
    where: 'any',
    regex: /\bprocessing data for table\b/,
    announcedBefore: true,
    unless: /--single-transaction|\bpg_restore\b.{0,200}\s-1\b/,
  },
  {
    // Oracle Data Pump import logs each table whose rows it loaded (". . imported "S"."T"
    // 18.42 KB 249 rows"), the legacy imp utility ". . importing table "T" 249 rows imported";
    // Data Pump goes on past object errors and ends "completed with N error(s)" (Oracle
    // Database Utilities, Data Pump Import log).
    id: 'oracle-datapump-table-imported',
    where: 'any',
    regex:
      /\. \. imported "[^"]{1,128}"\."[^"]{1,128}"(?:\s*:\s*"[^"]{1,128}")?\s+[\d.]+ [KMGT]?B\s+[1-9]\d* rows\b|\. \. importing (?:table|partition)\s+"[^"]{1,128}"(?::"[^"]{1,128}")?\s+[1-9]\d* rows imported\b/,
  },
  {
    // ClickHouse forms the rows of a formatted INSERT (clickhouse-client, HTTP) into blocks of
    // max_insert_block_size (1,048,576) rows and writes each block as its own part; an INSERT is
    // atomic only within one block (ClickHouse docs, settings max_insert_block_size, and
    // "INSERT INTO ... data is inserted in blocks"). A parse error past row 1,050,000 comes
    // after at least one block was written.
    id: 'clickhouse-insert-error-after-first-block',
    where: 'any',
    regex:
      /\bDB::(?:Parsing)?Exception\b.{0,600}\(at row (?:[2-9]\d{6}|1[1-9]\d{5}|10[5-9]\d{4}|[1-9]\d{7,})\)/,
    requires: /\bINSERT INTO\b|\bdata for INSERT\b/i,
  },
  // pw8: job-level progress lines of load tools, each read as the tool documents it.
  {
    // Beam's Python BigQuery file-loads sink waits on each BigQuery job it triggers and logs
    // "Job <id> status: DONE" before it checks the job's errorResult, raising "BigQuery job <id>
    // failed. Error Result: ..." when there is one (apache/beam, sdks/python/apache_beam/io/gcp/
    // bigquery_tools.py, wait_for_bq_job). A COPY job that is DONE and not failed appended its
    // temporary table to the destination.
    id: 'beam-bq-copy-job-done',
    where: 'any',
    regex: /\bJob (?:[\w.-]+:[\w-]+\.)?(beam_bq_job_COPY_\S+) status: DONE\b/,
    unitFailed: 'BigQuery job {unit} failed',
  },
  {
    // The same for a LOAD job, which loads straight into the destination unless the sink uses
    // temporary tables, which it then copies ("Triggering copy job"): only then is a DONE load
    // not yet output (bigquery_file_loads.py, TriggerLoadJobs / TriggerCopyJobs).
    id: 'beam-bq-load-job-done',
    where: 'any',
    regex: /\bJob (?:[\w.-]+:[\w-]+\.)?(beam_bq_job_LOAD_\S+) status: DONE\b/,
    unitFailed: 'BigQuery job {unit} failed',
    unless: /\bTriggering copy job\b/,
  },
  {
    // The bq CLI waits on each job ("Waiting on bqjob_r1a2_0000 ... (3s) Current status: DONE")
    // and reports a failed one as "BigQuery error in load operation: Error processing job
    // '<project>:bqjob_...'" (bq command-line tool reference): a DONE job not reported failed,
    // with another bq job after it, finished its load or query.
    id: 'bq-cli-job-done',
    where: 'any',
    regex: /\bWaiting on (bqjob_\w+) \.\.\. \(\d+s\) Current status: DONE\b/,
    unitFailed: "Error processing job '[^']*{unit}'",
    // bq prints DONE for a failed job too and does not always name it in the error ("BigQuery
    // error in load operation: Provided Schema does not match ..."): only a later bq command
    // or job proves the DONE job was not the one that failed.
    followedBy: /\bbq (?:load|query|cp|insert)\b|\bWaiting on bqjob_/,
  },
  {
    // BigQuery job statistics: a query job's numDmlAffectedRows (JobStatistics2, BigQuery REST
    // reference) counts the rows a finished DML statement changed; in a script each child job
    // has its own, and a DML statement that failed changed none.
    id: 'bigquery-dml-affected-rows-field',
    where: 'any',
    regex: /\bnumDmlAffectedRows["']?\s*[:=]\s*["']?[1-9]/,
  },
  {
    // Talend's database row components (tDBRow, tSnowflakeRow, tMysqlRow ...) log "Executing the
    // query: '<sql>'." and, once it returned, "Execute the query: '<sql>' has finished." (the
    // components' log4j messages). A finished DML statement outside a rolled-back shared
    // connection is kept.
    id: 'talend-row-dml-finished',
    where: 'any',
    regex:
      /\bExecute the query: ['"]\s*(?:INSERT|UPDATE|DELETE|MERGE|UPSERT|COPY|TRUNCATE|REPLACE)\b.{0,4000}\bhas finished\b/i,
    unless: /\bt\w*Rollback_\d+\b/,
  },
  {
    // OHDSI DatabaseConnector's executeSql runs a script statement by statement behind a text
    // progress bar ("Executing SQL: |====   | 37%") and stops at the first error ("Error
    // executing SQL"; DatabaseConnector reference, executeSql progressBar). Statements before
    // the failing one ran and, with autocommit, were kept; the scripts it runs create and
    // fill tables.
    id: 'databaseconnector-script-progress',
    where: 'any',
    regex: /\bExecuting SQL:\s*\|=+\s*\|\s*[1-9]\d?%/,
    requires: /\bError executing SQL\b/,
  },
];

/**
 * Script runners that echo each statement, then its acknowledgement: a DML statement
 * acknowledged before the first error ran and, in these clients, committed on its own.
 */
export const SCRIPT_DML_STATEMENT =
  /^\s*(?:INSERT\s+(?:INTO|OVERWRITE)|UPDATE\s+\S+\s+SET|DELETE\s+FROM|MERGE\s+INTO|UPSERT\s+INTO|REPLACE\s+INTO|COPY\s+INTO|CREATE\s+(?:OR\s+REPLACE\s+)?TABLE\s+\S+(?:\s+\S+)?\s+AS\s+SELECT)\b/i;

export const STATEMENT_ACKS: { id: string; regex: RegExp }[] = [
  // clickhouse-client prints "Ok." after an INSERT it finished (each INSERT is its own commit).
  { id: 'clickhouse-client-ok', regex: /^\s*Ok\.\s*$/ },
  // SnowSQL and the Snowflake connectors: "Statement executed successfully." or a row count.
  {
    id: 'snowflake-statement-executed',
    regex:
      /^\s*(?:\|\s*)?Statement executed successfully\.?|^\s*number of rows (?:inserted|updated|deleted)\W{0,5}[1-9]/i,
  },
  // MySQL client ("Query OK, 12 rows affected") and sqlcmd ("(12 rows affected)").
  {
    id: 'mysql-sqlcmd-rows-affected',
    regex: /^\s*(?:Query OK, |\()[1-9]\d* rows? affected\b/,
  },
];

/** A write line does not count when the same line negates it. */
export const WROTE_NEGATION =
  // dbt's status of an incremental model that changed nothing ("[MERGE (0.0 rows, 0 processed)]",
  // "[INSERT 0 0]", "rows_affected: 0"): the model passed without writing. Spark's
  // MicroBatchExecution logs "Resuming at batch N with committed offsets {...}" on restart: those
  // offsets were committed by an earlier run, not this one. Data Pump's "Master table ...
  // successfully loaded/unloaded" is its own bookkeeping table, printed by every job (pw7), and
  // Snowflake's PUT file://... @stage only stages a file for a later COPY (Snowflake docs, PUT:
  // "uploads data files ... to an internal stage").
  /\bincremental model\b.{0,200}(?:\[(?:MERGE|INSERT|SCRIPT|DELETE) \(0(?:\.0)? rows\b|\[(?:INSERT 0|MERGE|SUCCESS) 0\]|rows_affected: 0\b)|Conflicting commit|without committing|not (?:been )?committed|nothing (?:was )?(?:committed|written|loaded)|no (?:records|rows|data|files|output) (?:were |was )?(?:committed|written|loaded)|\b0 (?:rows|records|files) (?:written|inserted|loaded|committed)|rolled back|roll(?:ing)? back|aborted|\bResuming at batch \d+ with committed offsets\b|\bMaster table\b.{0,120}\bsuccessfully loaded\/unloaded\b|\bPUT\s+['"]?file:\/\/\S+\s+['"]?@/i;

/**
 * Housekeeping after the main write (issue 17, pw5): maintenance or finishing steps that tools
 * run only once the write they follow has returned: VACUUM/ANALYZE/OPTIMIZE and compaction
 * (Delta, Redshift, PostgreSQL), REFRESH of a materialized view or table, MSCK REPAIR / RECOVER
 * PARTITIONS and Hive/Glue meta sync (Hudi HiveSyncTool, Glue StartCrawler), statistics
 * (COMPUTE STATISTICS), BigQuery table IAM (dbt grants: setIamPolicy), dropping, cleaning
 * or renaming a staging/temp table or files, and Hudi's cleaner (CleanActionExecutor runs in
 * postCommit, after the instant completed), and Airflow's push of an operator's return value to
 * XCom (TaskInstance._execute_task calls xcom_push(key=XCOM_RETURN_KEY) only after execute()
 * returned, pw7). A run that failed in one of these, after a line that shows it writing,
 * had finished that write.
 * pw8: registering the partitions of files already written in the Glue catalog (Glue
 * BatchCreatePartition; awswrangler's to_parquet/to_csv with dataset=True and a table write the
 * files first, then call add_parquet_partitions / add_csv_partitions: awswrangler docs, s3.to_parquet).
 */
export const HOUSEKEEPING_STEP =
  /\bVACUUM\b|\bANALYZE\b|\bOPTIMIZE\b|\bcompact(?:ion|ing)\b|\bREFRESH\s+(?:MATERIALIZED\s+VIEW|TABLE)\b|\bRefreshing (?:materialized )?views?\b|\bMSCK\s+REPAIR\b|\bRECOVER\s+PARTITIONS\b|\b(?:hive|meta|catalog|glue)[ _-]?sync(?:ing)?\b|\bHiveSyncTool\b|\bStartCrawler\b|\bstart_crawler\b|\bsetIamPolicy\b|\b(?:Error )?dropping (?:the )?(?:staging|temp(?:orary)?|tmp) table\b|\bCOMPUTE\s+STATISTICS\b|\bclean(?:ing)?(?: ?up)? (?:the )?(?:staging|stage|temp(?:orary)?|tmp|old) (?:files|tables?|objects|directory|dir)\b|\b(?:CleanActionExecutor|HoodieCleaner)\b|\b(?:purg|delet|remov)(?:e|ing) (?:the )?(?:staging|stage|temp(?:orary)?|tmp) (?:files|tables?|objects)\b|\brenam(?:e|ing) (?:the )?(?:temp|tmp|staging) (?:file|table|dir(?:ectory)?)\b|\bCould not serialize the XCom value\b|\bxcom_push\(key=XCOM_RETURN_KEY\b|\bBatchCreatePartition\b|\bbatch_create_partition\b|\badd_(?:parquet|csv|json|orc)_partitions\b/i;

export const NOTHING_WRITTEN: WritePattern[] = [
  {
    id: 'explicitly-nothing',
    where: 'any',
    regex:
      /without committing any|nothing (?:was )?(?:committed|written|loaded)|no (?:records|rows|data|files|output) (?:were |was )?(?:committed|written|loaded)|refus(?:ed|ing) to (?:overwrite|write|load|publish)/i,
  },
  {
    id: 'rolled-back',
    where: 'any',
    regex:
      /\b(?:transaction|statement|changes|commit|write|load) (?:was |were |has been )?rolled back|Rolling back (?:transaction|the transaction|changes)|ROLLBACK\b/i,
  },
  {
    // Kafka Streams under exactly-once: the fenced thread's open transaction is aborted, and
    // output already committed went out atomically with its input offsets, so the restarted
    // tasks resume after it (KIP-129, KIP-447) and rewrite nothing.
    id: 'kafka-eos-transaction-fenced',
    where: 'error',
    regex:
      /\bTaskMigratedException\b.{0,80}\bfenced trying to commit a transaction\b|\bTaskMigratedException\b.{0,120}\bProducer(?:Fenced| got fenced)\b/,
  },
  {
    // Cromwell on the Pipelines API copies outputs out only after the command finishes.
    id: 'stopped-before-command-finished',
    where: 'any',
    regex: /\bThe job was stopped before the command finished\b/,
  },
  {
    id: 'none-of-n-written',
    where: 'any',
    regex:
      /\b0 of \d+ (?:\w+ )?(?:exports|files|tables|partitions|batches|records|rows) (?:were )?(?:written|loaded|exported|uploaded|committed)\b/i,
  },
  {
    // Airbyte's sync summary: nothing reached the destination in this attempt, and the
    // attempt failure summary says so (partialSuccess false). WROTE lines, per-stream
    // committed records above zero, are checked first.
    id: 'airbyte-nothing-committed',
    where: 'any',
    regex:
      /["']?recordsCommitted["']?\s*[:=]\s*0\b|["']?partialSuccess["']?\s*[:=]\s*false\b/,
  },
  {
    // gsutil's parallel composite upload composes the object only after every component
    // uploaded; this message means the destination object was never created.
    id: 'gsutil-composite-components-not-uploaded',
    where: 'any',
    regex: /\bSome temporary components were not uploaded successfully\b/,
  },
  // pw6: tools whose failure message itself says the unit of work was not kept.
  {
    // Druid publishes a task's segments and its stream offsets in one metadata-store
    // transaction (SegmentTransactionalInsertAction); when the overlord aborts it, none of
    // those segments become visible and a new task re-reads the same offsets.
    id: 'druid-segment-publish-aborted',
    where: 'any',
    regex:
      /\bFailed to publish segments because of\b|\bFailed publish, not removing segments\b/,
  },
  {
    // BigQuery insertAll without skipInvalidRows rejects the whole request when a row is
    // invalid and lists the valid rows with reason "stopped": they were not inserted
    // (BigQuery tabledata.insertAll, error reasons: "stopped").
    id: 'bigquery-insertall-rows-stopped',
    where: 'any',
    regex: /\breason["']?\s*[=:]\s*["']?stopped\b/,
  },
  {
    // MapReduce counters of a job that wrote no output bytes to its output filesystem
    // ("HDFS: Number of bytes written=0"): nothing reached the output path.
    id: 'mapreduce-no-output-bytes',
    where: 'any',
    regex: /\b(?:HDFS|S3A?|GS|ABFSS?|WASBS?): Number of bytes written=0\b/,
  },
];

export const FAILURE_POINTS: WritePattern[] = [
  {
    id: 'waiting-on-sensor',
    tier: 'strong',
    stage: 'waiting for its input (sensor or freshness check)',
    where: 'any',
    regex:
      /AirflowSensorTimeout|Sensor has timed out|TaskDeferralTimeout|\bPoking for\b|\w+Sensor\)|source freshness|freshness of [\w.]+|\bSTALE\b|ExternalTaskSensor/,
  },
  // Credentials can expire mid-run, after some writes: only trusted when nothing was written.
  {
    id: 'authenticating',
    tier: 'weak',
    stage: 'authenticating',
    where: 'error',
    regex:
      /password authentication failed|Login failed|Incorrect username or password|authentication failed|\bUnauthorized\b|\b401 Client Error|ExpiredToken|InvalidAccessKeyId|Unable to locate credentials|invalid_grant|token (?:has )?(?:expired|been revoked)|SaslAuthenticationException|JWT token is invalid/i,
  },
  // The task or cluster never began: queued work lost by the executor, a cluster the cloud
  // could not launch. Nothing of the job ran, whatever the rest of the log says.
  {
    id: 'never-started',
    tier: 'strong',
    stage: 'waiting to start (the task or its cluster never began running)',
    where: 'any',
    regex:
      /although the task says it's queued|run_start_date=None|\bCluster\b.{0,80}\bfailed to start\b|\b(?:Spark )?driver (?:failed to start|did not start)\b/,
  },
  // The cloud had no machines: fatal at launch, but autoscaling hits it mid-run too, so it
  // counts only when the log shows no write activity.
  {
    id: 'launch-capacity',
    tier: 'weak',
    stage:
      'launching its cluster (the cloud had no capacity, or the node failed to boot)',
    where: 'any',
    // Databricks reports a cluster that never reached RUNNING with these termination codes and wording.
    regex:
      /CLOUD_PROVIDER_LAUNCH_FAILURE|INSUFFICIENT_INSTANCE_CAPACITY|InsufficientInstanceCapacity|ZONE_RESOURCE_POOL_EXHAUSTED|SELF_BOOTSTRAP_FAILURE|UNEXPECTED_LAUNCH_FAILURE|is not able to transition from TERMINATED to RUNNING|Could not launch cluster due to cloud provider failures|does not have enough resources available to fulfill the request/,
  },
  {
    id: 'starting-up',
    tier: 'strong',
    stage: 'starting up (configuration, imports, scheduling)',
    where: 'error',
    regex:
      /isn't defined|Could not find profile|No FileSystem for scheme|Missing required configuration|Broken DAG|ModuleNotFoundError|ImportError|NoClassDefFoundError|ClassNotFoundException|command not found|ImagePullBackOff|ErrImagePull|CreateContainerConfigError|Failed to find data source|the following arguments are required|Env var required but not provided|does not have a target named|FailedScheduling|Unschedulable|PodLaunchFailedException|took longer than \d+ seconds to start|has phase Pending|never started|ContainerCreating|FailedMount|FailedAttachVolume|Init:(?:Error|CrashLoopBackOff)|failed to start container/,
  },
  {
    id: 'compiling',
    tier: 'strong',
    stage: 'compiling or planning its SQL',
    where: 'error',
    regex:
      /SQL compilation error|Compilation Error|syntax error|ParseException|AnalysisException|\[UNRESOLVED_|\[PARSE_SYNTAX|cannot resolve|Unrecognized name|invalid identifier|PARTITION BY expression must be|SemanticException|Error while compiling statement|does not exist or not authorized|Not found: (?:Table|Dataset)|relation "[^"]+" does not exist|No matching signature|query planning|TABLE_OR_VIEW_NOT_FOUND|must appear in the GROUP BY/i,
  },
  {
    id: 'checking-data',
    tier: 'strong',
    stage: 'checking data (tests and validations write nothing)',
    where: 'any',
    regex:
      /Failure in test|Runtime Error in test|Database Error in test|\d+ of \d+ (?:FAIL|ERROR) \d* ?[\w.]*test|Executing SQL check|SQL(?:Column|Table|Value|Threshold|Interval)?CheckOperator|great_expectations|pandera|Validation (?:failed|result)|expectations? (?:failed|were not met)|Got \d+ results?, configured to fail/i,
  },
  {
    // Driver exceptions of one statement: Redshift's JDBC ([Amazon](500310) Invalid operation)
    // and PostgreSQL's (PSQLException) report a statement the server rolled back.
    id: 'atomic-statement',
    tier: 'strong',
    stage: 'running a single SQL statement, which is rolled back as a whole',
    where: 'error',
    regex:
      /Database Error in (?:model|snapshot|seed)|SnowflakeSQLException|psycopg2\.errors|redshift_connector|ProgrammingError|google\.api_core\.exceptions|BigQuery error in|\bORA-\d{5}\b|SQLSTATE|BadCopyFileFormat|Runtime Error in model|ERROR creating sql (?:view|table) model|\d{6} \([0-9A-Z]{5}\)|\[Amazon\]\(\d+\) Invalid operation|org\.postgresql\.util\.PSQLException/,
  },
  {
    // A catalog that rejected the commit for a concurrent change (Nessie's reference conflict,
    // Trino's "ref hash is out of date"): the table stayed at its previous state. An unknown
    // commit state is not this.
    id: 'catalog-commit-conflict',
    tier: 'strong',
    stage:
      'committing to a catalog that rejected the commit for a concurrent change (the table is unchanged)',
    where: 'any',
    regex:
      /Nessie(?:Reference)?ConflictException|Cannot commit: ref hash is out of date/,
  },
  {
    id: 'transactional-table',
    tier: 'strong',
    stage:
      'writing to a transactional table before its commit (the table is unchanged)',
    where: 'any',
    regex:
      /org\.apache\.spark\.sql\.delta|io\.delta\.|DeltaInvariantChecker|InvariantViolationException|org\.apache\.iceberg|DELTA_\w+/,
  },
  {
    id: 'connecting',
    tier: 'weak',
    stage: 'connecting to a service',
    where: 'error',
    regex:
      /Connection refused|could not connect|Unable to connect|Failed to connect|connect(?:ion)? timed out|Name or service not known|UnknownHostException|EndpointConnectionError|Could not connect to the endpoint|Communications link failure|Broker may not be available|Could not open (?:a )?connection|Temporary failure in name resolution|Max retries exceeded with url|NewConnectionError|Error reading SSH protocol banner|the database system is (?:starting up|shutting down|in recovery mode)|connection to server at .{0,160} failed|could not translate host name|Failed to connect to DB|Could not connect to \w+ backend|Connection to node -?\d+ .{0,120}could not be established|NoNodesLeft|all nodes failed/i,
  },
  // A remote call failed or was throttled. Weak: it places the failure at the call, which is
  // before any write only when the log shows no write activity (a POST, a push, a bulk load,
  // where a 500 or 504 may come after the server did the work).
  {
    id: 'remote-refused',
    tier: 'weak',
    stage: 'calling a remote service that refused or throttled the request',
    where: 'error',
    regex:
      /\b5\d\d Server Error|\b(?:429|50[0234])\b.{0,40}(?:Too Many Requests|Service (?:Temporarily )?Unavailable|Bad Gateway|Gateway Time-?out|Internal Server Error)|Too Many Requests|rate limit|Rate exceeded|ThrottlingException|requests? per (?:second|minute|hour|day)|Retry-After|Service (?:Temporarily )?Unavailable/i,
  },
  // Operational databases: the server rolled back the victim of a deadlock or lock timeout,
  // or refused the connection or the write outright (a failover, a full connection pool,
  // a rejected bulk request). Weak: a job may have committed earlier transactions.
  {
    id: 'database-rolled-back-or-refused',
    tier: 'weak',
    stage:
      'running a transaction the database rolled back or refused (deadlock victim, lock timeout, failover, connection limit)',
    where: 'error',
    regex:
      /Deadlock found when trying to get lock|Lock wait timeout exceeded; try restarting transaction|chosen as the deadlock victim|\bORA-00060\b|is not currently available\.\s+Please retry the connection|\bToo many connections\b|\((?:1040|2002|2003), ['"]|Error Number:\s*(?:40613|40501|40197)\b|\bNotWritablePrimary\b|\bPrimarySteppedDown\b|\bes_rejected_execution_exception\b/,
  },
  // An AWS call that starts a run failed: the run itself never began.
  {
    id: 'start-call-failed',
    tier: 'weak',
    stage: 'asking the service to start the run (it never began)',
    where: 'error',
    regex:
      /when calling the (?:StartJobRun|StartQueryExecution|StartExecution|StartWorkflowRun|StartCrawler|RunJobFlow|RunTask|SubmitJob|StartJob|StartPipelineExecution) operation/,
  },
  // The stack shows the failing call was opening the connection.
  {
    id: 'connecting-frames',
    tier: 'weak',
    stage: 'connecting to a service',
    where: 'any',
    regex:
      /\bin get_conn\b|psycopg2\.connect\(|\b_connect\(dsn|DriverManager\.getConnection|snowflake\.connector\.connect\(|Exception during pool initialization|in _new_conn\b/,
  },
  {
    id: 'reading-stream',
    tier: 'weak',
    stage: 'reading its input stream (offsets or topic metadata)',
    where: 'any',
    regex:
      /getting Kafka offsets|position for partition .{0,80}could be determined|fetching topic metadata|KafkaOffsetReader|GetBatch generating RDD of offset range/,
  },
  {
    id: 'reading-input',
    tier: 'weak',
    stage: 'reading its input',
    where: 'error',
    regex:
      /Input path does not exist|Path does not exist|PATH_NOT_FOUND|NoSuchKey|The specified key does not exist|matches 0 files|Unable to infer schema|getFileStatus|Error while reading|while reading (?:stream|data|input|from)|Encountered an exception while reading|reading (?:stream|from source)|\bsource > |HEAD https?:|Empty extract|Extracted 0 rows|No files? found|list leaf files|UNLOAD|No such file or directory/i,
  },
  {
    id: 'reading-frames',
    tier: 'weak',
    stage: 'reading its input',
    where: 'any',
    regex:
      /FileScanRDD|create_dynamic_frame|from_catalog|getDynamicFrame|DataSource\.resolveRelation|InMemoryFileIndex|o\d+\.(?:load|csv|parquet|json|table|getDynamicFrame|jdbc)\b|S3AFileSystem\.s3GetFileStatus|FileInputFormat\.listStatus|\b(?:get_pandas_df|get_records|get_first|read_sql(?:_query)?|read_csv|read_parquet|read_json|read_text|download_file(?:obj)?|get_object|list_objects(?:_v2)?|fetchall|fetchmany|retrieve_file|requests\.get|session\.get|httpx\.get|client\.get)\(/,
  },
  {
    id: 'downloading',
    tier: 'weak',
    stage: 'downloading its input',
    where: 'any',
    regex:
      /\b(?:Downloading|Fetching|Reading) (?:\d+ )?(?:source |feed |input )?(?:files?|objects?|pages?|records?|data)\b|\d+\/\d+ files downloaded/i,
  },
  // AWS names the call that failed: Get/List/Describe/... are reads.
  {
    id: 'aws-read-call',
    tier: 'weak',
    stage: 'reading (the failing AWS call is a read)',
    where: 'error',
    regex:
      /when calling the (?:Get|List|Describe|Query|Scan|Head|Select|Read|Search|Lookup|BatchGet)\w* operation/,
  },
  {
    id: 'http-read-request',
    tier: 'weak',
    stage: 'reading (the failing HTTP request is a GET)',
    where: 'error',
    regex: /\b(?:GET|HEAD) https?:\/\/|\bmethod: (?:get|head)\b/i,
  },
  // Spark aborts a failed job before its output commit, so committer-based writes publish
  // nothing; direct writes (JDBC, foreachBatch) show as write activity and disable this.
  {
    id: 'spark-job-aborted',
    tier: 'weak',
    stage: 'running a Spark job that was aborted before its output commit',
    where: 'error',
    regex:
      /Job aborted due to stage failure|SparkException: Job \d+ cancelled|aborting job\b/,
  },
  {
    id: 'shuffle-stage',
    tier: 'weak',
    stage: 'computing a shuffle stage (the stage that writes never started)',
    where: 'any',
    regex:
      /ShuffleMapStage \d+ has failed|failure in ShuffleMapStage|Vertex failed, vertexName=Map \d+/,
  },
];

/**
 * A write announced to one destination, then another: sequential writers (S3Hook uploads,
 * per-file loads) start the next only after the previous one finished, so the first is in
 * place. Parallel writers may break that, but the answer it gives ("wrote") is the cautious one.
 */
export const WRITE_STARTED =
  /\b(?:Uploading|Writing|Saving|Loading|Inserting|Exporting|Copying|Publishing) (?:file |object |data |rows |batch \S+ |part \S+ )?(\S+) (?:to|into) ['"]?((?:s3a?|gs|abfss?|hdfs|wasbs?):\/\/\S+|[\w.-]+\.[\w.-]+)/;

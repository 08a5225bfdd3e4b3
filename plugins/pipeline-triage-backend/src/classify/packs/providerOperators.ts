import type { RulePack } from '../ruleTypes';
import { ci } from './patterns';

/**
 * Families met in a second unbiased sample of public failure reports (issue 17): Airflow
 * provider operators, orchestrators and ELT tools (Dagster, Prefect, GX, Meltano, dbt packages).
 * Each rule reads how the tool itself words the failure and names the document that defines it.
 */
export const providerOperatorsPack: RulePack = {
  name: 'provider-operators',
  origin: 'built-in',
  rules: [
    // The operator's work is done and its result cannot be stored: Airflow keeps return values
    // and extra links in XCom, which only takes values its serializer knows (Airflow "XComs":
    // values must be JSON-serializable or handled by airflow.serialization.serde). A Python
    // object or a class handed to it is a bug in the operator or the DAG, on every run.
    {
      id: 'orchestrator-result-not-serializable',
      category: 'code_error',
      description:
        'the task returned or pushed a value the orchestrator cannot serialize',
      patterns: [
        ci(
          "cannot serialize object of type <class '[\\w.]+'>|Object of type '?\\w+'? is not JSON serializable",
        ),
      ],
      where: 'any',
      weight: 0.8,
      explains: ['dependency_unavailable', 'infrastructure'],
    },
    // A cluster whose setup script failed never becomes usable: Dataproc fails cluster creation
    // when an initialization action exits non-zero ("Initialization actions", Dataproc docs), and
    // EMR terminates with BOOTSTRAP_FAILURE when a bootstrap action does ("Troubleshoot a failed
    // cluster: bootstrap action errors", EMR Management Guide). The script or what it installs
    // must change.
    {
      id: 'cluster-setup-script-failed',
      category: 'config_error',
      description: 'the cluster setup script (init or bootstrap action) failed',
      patterns: [
        ci(
          "Initialization action failed|Failed action 'gs://[^']+'|bootstrap action \\d+ returned a non-zero return code|\\bBOOTSTRAP_FAILURE\\b",
        ),
      ],
      where: 'error',
      weight: 0.8,
      explains: ['infrastructure'],
    },
    // The SSH client cannot parse the private key it was given (paramiko SSHException "not a
    // valid RSA private key file", PasswordRequiredException; cryptography's "Could not
    // deserialize key data"). The connection's key setting is wrong (a path where the key text
    // belongs, the wrong format, an encrypted key without its passphrase); no network is involved.
    {
      id: 'ssh-private-key-unreadable',
      category: 'config_error',
      description: "the SSH connection's private key cannot be parsed",
      patterns: [
        ci(
          'not a valid (?:RSA|DSA|EC|ECDSA|OPENSSH|Ed25519) private key file|Could not deserialize key data|encountered \\w+ key, expected \\w+ key|\\bPasswordRequiredException\\b|private key file is encrypted',
        ),
      ],
      where: 'chain',
      weight: 0.85,
      explains: ['dependency_unavailable', 'permission'],
    },
    // macOS aborts a forked child that touches Objective-C classes initialised in the parent
    // (Apple objc runtime fork-safety check, macOS 10.13+; the environment switch is
    // OBJC_DISABLE_INITIALIZE_FORK_SAFETY). Worker processes forked by Airflow, Celery or
    // multiprocessing die with SIGABRT on every run on such a host until it is set.
    {
      id: 'macos-fork-safety-abort',
      category: 'config_error',
      description:
        'the forked worker was aborted by the macOS fork-safety check',
      patterns: [
        ci(
          'may have been in progress in another thread when fork\\(\\) was called|OBJC_DISABLE_INITIALIZE_FORK_SAFETY',
        ),
      ],
      where: 'any',
      weight: 0.85,
      explains: ['code_error', 'infrastructure'],
    },
    // A Google API request refused with 400 for a missing field (Google Cloud APIs error model:
    // 400 INVALID_ARGUMENT / reason "required", "Required parameter is missing"): the request
    // the job built lacks a value it must carry, so it is refused the same way every time.
    {
      id: 'google-api-required-field-missing',
      category: 'config_error',
      description: 'a Google API request lacked a required value',
      patterns: [
        ci(
          'HttpError 400 when requesting .{0,300}returned "[^"]{0,160}\\b(?:was not specified|is required|must be specified|Required parameter is missing)',
        ),
      ],
      where: 'error',
      weight: 0.8,
      explains: ['dependency_unavailable'],
    },
    // pandas' JSON reader (ujson decoder) reports input that is not valid JSON: "Unexpected
    // character found when decoding", "Expected object or value" (pandas.read_json). The input
    // file or export is malformed; the code reading it did not change.
    {
      id: 'json-reader-malformed-input',
      category: 'data_quality',
      description: 'the JSON input could not be decoded (malformed records)',
      patterns: [
        'Unexpected character found when decoding|Expected object or value',
      ],
      where: 'chain',
      weight: 0.75,
      explains: ['code_error'],
    },
    // BigQuery's maximum query length (1,024K characters, "Quotas and limits: query jobs") is a
    // fixed limit, not a quota that resets: generated SQL over it (one INSERT of every row, a
    // huge IN list) must be split, on every run.
    {
      id: 'bigquery-query-length-limit',
      category: 'code_error',
      description: 'the generated statement is longer than BigQuery accepts',
      patterns: [
        ci(
          'The query is too large\\. The maximum (?:standard SQL|GoogleSQL|legacy SQL)? ?query length is',
        ),
      ],
      where: 'error',
      weight: 0.8,
      explains: ['resource_exhaustion'],
    },
    // GX 1.x refuses to run a Checkpoint, Validation Definition or Suite whose in-memory copy
    // differs from the saved one (ResourceFreshnessAggregateError: "has changed since it has
    // last been saved", GX Core "Checkpoints"). The code must save or recreate the object.
    {
      id: 'gx-resource-not-fresh',
      category: 'code_error',
      description:
        'a GX object changed since it was saved and GX refuses to run it',
      patterns: [
        'ResourceFreshnessAggregateError|has changed since it has last been saved',
      ],
      where: 'chain',
      weight: 0.75,
      explains: ['data_quality'],
    },
    // `meltano run` needs each block set to start with an extractor and end with a loader
    // (Meltano CLI reference, "run"); "Found no end in block set" is a pipeline definition or
    // invocation without its loader.
    {
      id: 'meltano-block-set-invalid',
      category: 'config_error',
      description:
        'the meltano run invocation does not form an extractor-to-loader block',
      patterns: [
        'block violates set requirements|Found no (?:end|start) in block set',
      ],
      where: 'any',
      weight: 0.85,
    },
    // In a pod-operator task the job runs inside the pod and its errors arrive as container log
    // lines; a Python traceback in the Airflow task log itself comes from the operator. The
    // operator parses a timestamp at the start of every container log line with pendulum
    // (PodManager.parse_log_line, cncf.kubernetes provider), so a pendulum ParserError there is
    // the operator's log reader failing on a line, not the job's data.
    {
      id: 'pod-operator-log-reader-parse',
      category: 'code_error',
      description:
        "the pod operator's log reader failed on a container log line",
      patterns: ['\\bpendulum\\.parsing\\.exceptions\\.ParserError\\b'],
      where: 'chain',
      requires: ['\\{pod_(?:launcher|manager)\\.py:\\d+\\}'],
      weight: 0.85,
      explains: ['data_quality'],
    },
    // Meltano pipes the extractor's output into the loader's stdin; when one plugin process
    // exits, the other side's write fails with a broken pipe and Meltano reports "Loader failed"
    // or "Extractor failed" (Meltano "Troubleshooting": the failing plugin's own stderr holds
    // the cause). The broken pipe is local, between two processes of the run, not a remote
    // service refusing.
    {
      id: 'meltano-plugin-process-exited',
      category: 'code_error',
      description:
        'a Meltano plugin process exited and broke the pipe between extractor and loader',
      patterns: [ci('\\bBrokenPipeError\\b|\\bBroken pipe\\b')],
      where: 'chain',
      requires: [
        ci(
          'ELT could not be completed|\\b(?:Loader|Extractor) failed\\b|meltano/core/runner/',
        ),
      ],
      weight: 0.7,
      explains: ['dependency_unavailable'],
    },
    // Fivetran reports a connector that paused itself and will resume on its own as
    // sync_state "rescheduled" (Fivetran REST API, connector status: scheduled, syncing, paused,
    // rescheduled). A task that fails on that documented state is the calling operator's
    // handling, not Fivetran failing.
    {
      id: 'fivetran-rescheduled-state-unhandled',
      category: 'code_error',
      description:
        "the operator failed on Fivetran's documented 'rescheduled' state",
      patterns: [ci('sync_state["\']?\\s*[=:]\\s*["\']?rescheduled\\b')],
      where: 'any',
      requires: [ci('AirflowException|Task failed with exception')],
      weight: 0.55,
      explains: ['source_delay', 'dependency_unavailable'],
    },
    // Dataproc's agent answers "Task not found" when the cluster (or its master) went away while
    // the job ran (Dataproc "Troubleshoot job failures": the cluster was deleted or its master
    // restarted during the job). The platform lost the job; the job's own code is not implicated.
    {
      id: 'dataproc-job-task-not-found',
      category: 'infrastructure',
      description:
        'Dataproc lost the job because its cluster or master went away',
      patterns: ['^\\s*Task not found\\s*$'],
      where: 'any',
      requires: [ci('dataproc')],
      weight: 0.7,
      explains: ['config_error'],
    },
  ],
};

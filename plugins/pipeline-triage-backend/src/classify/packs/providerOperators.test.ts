import { extractEvidence } from '../../evidence';
import { verdictOfLog } from '../../__testUtils__/verdictOfLog';
import { classify } from '../classify';

const categoryOf = (log: string) =>
  classify(extractEvidence({ logExcerpt: log })).category;

/**
 * Families from a second unbiased sample of public failure reports (issue 17): each message is
 * worded unlike the corpus case that led to the rule.
 */
describe('provider operators and ELT tools', () => {
  it.each([
    [
      "ERROR - Task failed with exception\nTypeError: cannot serialize object of type <class 'pandas.core.frame.DataFrame'>",
      'code_error',
    ],
    [
      "ERROR: (gcloud.dataproc.clusters.create) Operation [projects/p/regions/europe-west1/operations/9f1] failed: Initialization action failed. Failed action 'gs://ops-init/install_deps.sh', see output in: gs://ops-staging/google-cloud-dataproc-metainfo/9f1/etl-m/dataproc-initialization-script-0_output.",
      'config_error',
    ],
    [
      'Terminated with errors: On the master instance (i-0abc12), bootstrap action 2 returned a non-zero return code',
      'config_error',
    ],
    [
      'Traceback (most recent call last):\n  File "/opt/airflow/providers/ssh/hooks/ssh.py", line 140, in __init__\n    self.pkey = self._pkey_from_private_key(private_key)\nparamiko.ssh_exception.SSHException: encountered RSA key, expected OPENSSH key',
      'config_error',
    ],
    [
      'objc[9120]: +[NSNumber initialize] may have been in progress in another thread when fork() was called.\nTask exited with return code Negsignal.SIGABRT',
      'config_error',
    ],
    [
      'googleapiclient.errors.HttpError: <HttpError 400 when requesting https://dataflow.googleapis.com/v1b3/projects/p/locations/us-central1/templates:launch?alt=json returned "The template parameter inputTopic is required.">',
      'config_error',
    ],
    [
      'ValueError: Expected object or value\n  while reading s3://landing/events/2026-12-01.jsonl',
      'data_quality',
    ],
    [
      'google.api_core.exceptions.BadRequest: 400 The query is too large. The maximum standard SQL query length is 1024.00K characters, including comments and white space characters.',
      'code_error',
    ],
    [
      "great_expectations.exceptions.ResourceFreshnessAggregateError: ValidationDefinition 'orders_vd' has changed since it has last been saved.",
      'code_error',
    ],
    [
      '[error    ] block violates set requirements: Found no start in block set!',
      'config_error',
    ],
    [
      '[2026-12-01, 01:00:00 UTC] {pod_manager.py:447} INFO - Container base: processing\nERROR - Task failed with exception\npendulum.parsing.exceptions.ParserError: Unable to parse string [ERROR]',
      'code_error',
    ],
    [
      'ERROR: (gcloud.dataproc.jobs.submit.spark) Job [a1b2] failed with error:\nTask not found',
      'infrastructure',
    ],
  ])('reads %s as %s', (log, category) => {
    expect(categoryOf(log)).toBe(category);
  });

  it('does not read a broken pipe between Meltano plugins as a remote service', () => {
    const log =
      'BrokenPipeError: [Errno 32] Broken pipe\nELT could not be completed: Loader failed';
    expect(categoryOf(log)).not.toBe('dependency_unavailable');
    // Outside Meltano a broken pipe still reads as a dropped connection.
    expect(
      categoryOf(
        'requests.exceptions.ConnectionError: BrokenPipeError: [Errno 32] Broken pipe',
      ),
    ).not.toBe('code_error');
  });

  it('does not read a pandas parse error outside a pod operator as its log reader', () => {
    expect(
      categoryOf(
        'pendulum.parsing.exceptions.ParserError: Unable to parse string [n/a]',
      ),
    ).not.toBe('code_error');
  });

  it('refuses a retry when the code location failed to load, even on a 5xx', () => {
    const verdictOf = (logExcerpt: string) =>
      verdictOfLog(logExcerpt, { signals: { rowsWritten: 0 } });
    const outage =
      'WARNING - Request to API failed (attempt 3 of 3): 503 Server Error: Service Unavailable for url: https://api.example.com/v1/things';
    // The same 503 in a run is a transient cause; while loading definitions it is not enough.
    expect(verdictOf(outage).retry.safeToRetry).toBe(true);
    expect(
      verdictOf(
        `${outage}\ndagster._core.errors.DagsterUserCodeLoadError: Error occurred during the loading of Dagster definitions in`,
      ).retry.safeToRetry,
    ).toBe(false);
  });
});

import { createTriageEngine } from '../../engine';

/** The engine's verdict: the category and the retry decision. */
const verdictOf = (log: string) => {
  const v = createTriageEngine().triage({
    source: 'generic',
    job: { namespace: 'x', name: 'j', type: 'spark' },
    runId: 'r',
    eventTime: '2026-01-01T00:00:00Z',
    logExcerpt: log,
    signals: { attempt: 1, maxAttempts: 3 },
  } as never).verdict;
  return {
    category: v.classification.category,
    safeToRetry: v.retry.safeToRetry,
  };
};

/**
 * Where configuration and code errors read alike (round cfgcode6). Messages are worded unlike
 * any corpus case: other packages, other keys, other templates, other hosts.
 */
describe('config/code seams', () => {
  describe('Python imports', () => {
    it.each([
      "ModuleNotFoundError: No module named 'polars'",
      'Broken DAG: [/opt/airflow/dags/geo_enrich.py] Traceback (most recent call last):\n  File "/opt/airflow/dags/geo_enrich.py", line 4, in <module>\n    import shapely\nModuleNotFoundError: No module named \'shapely\'',
      "ImportError: No module named 'yaml'",
    ])(
      'a top-level package missing from the environment is config: %s',
      log => {
        const v = verdictOf(log);
        expect(v.category).toBe('config_error');
        expect(v.safeToRetry).toBe(false);
      },
    );

    it('a dotted path inside the project stays with the code reading', () => {
      const v = verdictOf(
        'Broken DAG: [/opt/airflow/dags/orders.py] Traceback (most recent call last):\n  File "/opt/airflow/dags/orders.py", line 3, in <module>\n    from pipelines.shared.clenaup import strip_pii\nModuleNotFoundError: No module named \'pipelines.shared.clenaup\'',
      );
      expect(v.category).toBe('code_error');
    });
  });

  it.each([
    'org.apache.spark.api.python.PythonException: Traceback (most recent call last):\nRuntimeError: Python in worker has different version 3.10 than that in driver 3.11, PySpark cannot run with different minor versions.',
    'pyspark.errors.exceptions.base.PySparkRuntimeError: [PYTHON_VERSION_MISMATCH] Python in worker has different version: 3.11 than that in driver: 3.12, PySpark cannot run with different minor versions.',
  ])('PySpark driver/worker Python mismatch is config: %s', log => {
    const v = verdictOf(log);
    expect(v.category).toBe('config_error');
    expect(v.safeToRetry).toBe(false);
  });

  describe('Jinja', () => {
    it('a run-time mapping without the key the template reads is config', () => {
      const v = verdictOf(
        "[2025-06-02, 07:00:04] ERROR - Exception rendering Jinja template for task 'push_report', field 'bash_command'. Template: 'export.sh {{ dag_run.conf.region }}': source=\"airflow.sdk.definitions._internal.abstractoperator\"\nUndefinedError: 'dict object' has no attribute 'region'",
      );
      expect(v.category).toBe('config_error');
      expect(v.safeToRetry).toBe(false);
    });

    it('a name defined nowhere in the template context is code', () => {
      const v = verdictOf(
        "jinja2.exceptions.UndefinedError: 'yesterday_ds_nodash' is undefined",
      );
      expect(v.category).toBe('code_error');
    });

    it('a template whose source does not compile is code', () => {
      const v = verdictOf(
        "Traceback (most recent call last):\n  File \"/srv/reports/render.py\", line 31, in build\n    tmpl = env.get_template('weekly.sql.j2')\njinja2.exceptions.TemplateSyntaxError: unexpected '}'",
      );
      expect(v.category).toBe('code_error');
      expect(v.safeToRetry).toBe(false);
    });
  });

  it.each([
    'E0803 : E0803: IO error, variable [queueName] cannot be resolved',
    'org.apache.oozie.workflow.WorkflowException: E0738: The following 2 parameters are required but were not defined and no default values are available: inputDir,outputDir',
  ])('an Oozie variable without a value is config: %s', log => {
    const v = verdictOf(log);
    expect(v.category).toBe('config_error');
    expect(v.safeToRetry).toBe(false);
  });

  describe('wrappers that name no cause', () => {
    it('Celery "command failed on host" with "killed externally" is not read as a lost worker', () => {
      const v = verdictOf(
        "[2024-03-01 02:00:09,412: ERROR/ForkPoolWorker-1] Task airflow.providers.celery.executors.celery_executor_utils.execute_command[a1] raised unexpected: AirflowException('Celery command failed on host: worker-7.internal')\nairflow.exceptions.AirflowException: Celery command failed on host: worker-7.internal\n[2024-03-01 02:00:10,001] {scheduler_job_runner.py:808} ERROR - Executor reports task instance <TaskInstance: ledger.close_day manual__2024-03-01 [queued]> finished (failed) although the task says it's queued. (Info: None) Was the task killed externally?",
      );
      expect(v.category).not.toBe('infrastructure');
      expect(v.safeToRetry).toBe(false);
    });

    it('an Oozie launcher exit code alone is not a category', () => {
      const v = verdictOf(
        'WARN JavaActionExecutor:523 - ACTION[0000012-240301-oozie-oozi-W@hive-node] Launcher ERROR, reason: Main class [org.apache.oozie.action.hadoop.Hive2Main], exit code [2]',
      );
      expect(v.safeToRetry).toBe(false);
      expect(v.category).not.toBe('infrastructure');
    });
  });
});

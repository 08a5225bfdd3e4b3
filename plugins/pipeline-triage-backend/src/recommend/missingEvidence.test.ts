import { WORD_MODEL_RULE } from '@pipeline-triage/plugin-pipeline-triage-common';
import { createTriageEngine } from '../engine';

const engine = createTriageEngine();
const triage = (
  logExcerpt: string,
  job: Record<string, unknown>,
  signals?: Record<string, unknown>,
) =>
  engine.triage({
    source: 'generic',
    job: { namespace: 'x', name: 'j', ...job },
    runId: 'r',
    eventTime: '2026-01-01T00:00:00Z',
    logExcerpt,
    signals,
  } as never).verdict;

describe('abstaining usefully', () => {
  it('asks for the executor logs of the stage a Spark job aborted in', () => {
    const v = triage(
      'org.apache.spark.SparkException: Job aborted due to stage failure: Task 4 in stage 17.0 failed 4 times, most recent failure: Lost task 4.3 in stage 17.0 (TID 2211)',
      { type: 'spark' },
    );
    expect(v.classification.category).toBe('unknown');
    expect(v.missingEvidence!.requests[0].ask).toBe(
      'send the executor logs (stderr) of stage 17, not only the driver\'s "Job aborted" line',
    );
    expect(v.missingEvidence!.missing.join('\n')).toMatch(
      /whether the run wrote output/,
    );
  });

  it('asks for stl_load_errors of the query a Redshift COPY named', () => {
    const v = triage(
      'ERROR - COPY analytics.orders from s3 manifest did not complete; query: 884213',
      { type: 'redshift' },
    );
    expect(v.classification.category).toBe('unknown');
    expect(v.missingEvidence!.requests.map(r => r.ask)).toContain(
      'attach stl_load_errors for query 884213 (select * from stl_load_errors where query = 884213)',
    );
  });

  it('asks why a bare exit code happened', () => {
    const v = triage(
      'Command exited with return code 1',
      { type: 'bash' },
      { exitCode: 1 },
    );
    expect(v.classification.category).toBe('unknown');
    expect(v.missingEvidence!.missing.join('\n')).toMatch(/exited with code 1/);
    expect(v.missingEvidence!.requests.map(r => r.ask)).toContain(
      "send the stderr of the process that exited with code 1, or the orchestrator's reason for it",
    );
  });

  it('asks for the parameters as run when an undecided error names a setting', () => {
    const v = triage(
      "ERROR - loader stopped: the value of option 'load.mode' was rejected by the sink",
      { type: 'airflow' },
    );
    expect(v.classification.category).toBe('unknown');
    expect(v.missingEvidence!.requests.map(r => r.ask)).toContain(
      "attach the job's configuration and parameters as run, with the resolved value of load.mode (job arguments, --conf/spark-defaults, environment, connection and variable values)",
    );
    // A placeholder names the setting too.
    const p = triage(
      'Job halted. Reading ${warehouse.stage.url} gave an empty location',
      { type: 'spark' },
    );
    expect(p.classification.category).toBe('unknown');
    expect(p.missingEvidence!.requests.map(r => r.ask).join('\n')).toMatch(
      /resolved value of warehouse\.stage\.url/,
    );
  });

  it('asks for the deployed configuration file and for the installed plugins', () => {
    const f = triage(
      'FATAL: job aborted while reading /etc/pipeline/loader.conf',
      {
        type: 'bash',
      },
    );
    expect(f.classification.category).toBe('unknown');
    expect(f.missingEvidence!.requests.map(r => r.ask)).toContain(
      'attach /etc/pipeline/loader.conf as deployed for this run (the file the job read, not the repository copy)',
    );
    const k = triage(
      'Task exited: cannot use class from plugin.path; which name matches com.acme.Sink',
      { type: 'kafka' },
    );
    // No rule knows it; the words of a plugin path make it a configuration lead, still asking.
    expect(k.classification.rules).toEqual([WORD_MODEL_RULE]);
    expect(k.missingEvidence!.requests[0].ask).toMatch(
      /installed packages or classpath .* whether com\.acme\.Sink is a third-party package or the job's own module/,
    );
  });

  it('asks for no configuration attachment when the log names no setting, file or module', () => {
    const v = triage(
      'Command exited with return code 1',
      { type: 'bash' },
      {
        exitCode: 1,
      },
    );
    const asks = v.missingEvidence!.requests.map(r => r.ask).join('\n');
    expect(asks).not.toMatch(
      /parameters as run|as deployed|installed packages/,
    );
  });

  it('says nothing is missing when the engine decided', () => {
    expect(
      triage('java.lang.OutOfMemoryError: Java heap space', { type: 'spark' })
        .missingEvidence,
    ).toBeUndefined();
  });
});

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

  it('says nothing is missing when the engine decided', () => {
    expect(
      triage('java.lang.OutOfMemoryError: Java heap space', { type: 'spark' })
        .missingEvidence,
    ).toBeUndefined();
  });
});

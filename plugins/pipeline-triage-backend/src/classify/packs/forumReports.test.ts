import { forumReportsPack } from './forumReports';

const match = (id: string, text: string) =>
  (forumReportsPack.rules.find(r => r.id === id)?.patterns ?? []).some(p =>
    (typeof p === 'string'
      ? new RegExp(p)
      : new RegExp(p.source, p.flags)
    ).test(text),
  );

describe('forum-reports pack', () => {
  it('reads Spark exit code 52 as OOM, not exit 520', () => {
    expect(
      match('spark-executor-exit-52-oom', 'Exit status: 52. Diagnostics:'),
    ).toBe(true);
    expect(match('spark-executor-exit-52-oom', 'Exit status: 520.')).toBe(
      false,
    );
  });
  it('reads the Flink memory state backend limit', () => {
    expect(
      match(
        'flink-memory-state-backend-limit',
        'java.io.IOException: Size of the state is larger than the maximum permitted memory-backed state. Size=1 , maxSize=5242880',
      ),
    ).toBe(true);
  });
  it('reads Trino connectors without retry support', () => {
    expect(
      match(
        'trino-connector-no-query-retries',
        'message="This connector does not support query retries"',
      ),
    ).toBe(true);
  });
  it('reads only a local Prefect API address as configuration', () => {
    const id = 'prefect-api-url-localhost-refused';
    expect(
      match(id, 'Failed to connect to server at http://127.0.0.1:4200/api'),
    ).toBe(true);
    expect(
      match(id, 'Failed to connect to server at https://api.prefect.cloud/api'),
    ).toBe(false);
  });
  it('reads a queued-task import failure only beside the executor line', () => {
    const rule = forumReportsPack.rules.find(
      r => r.id === 'airflow-queued-worker-import-failure',
    )!;
    expect(rule.requires).toEqual(['although the task says it']);
    expect(rule.explains).toContain('infrastructure');
  });
});

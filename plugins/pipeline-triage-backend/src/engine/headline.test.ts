import { createTriageEngine } from './createTriageEngine';

const engine = createTriageEngine();
const triage = (logExcerpt: string) =>
  engine.triage({
    source: 'generic',
    job: { namespace: 'airflow', name: 'orders.extract' },
    runId: 'r1',
    eventTime: '2026-01-01T00:00:00Z',
    logExcerpt,
  } as never);

describe('incident title', () => {
  it("names the driver's error and the host, not the hint line that follows it", () => {
    const { verdict } = triage(
      [
        '[2024-01-01, 00:00:00 UTC] {taskinstance.py:1} ERROR - Task failed with exception',
        'Traceback (most recent call last):',
        '  File "/x.py", line 1, in execute',
        '    conn = psycopg2.connect(dsn)',
        'psycopg2.OperationalError: could not connect to server: Connection refused',
        '\tIs the server running on host "orders-db.internal" (10.2.3.4) and accepting',
        '\tTCP/IP connections on port 5432?',
      ].join('\n'),
    );
    expect(verdict.summary).toMatch(
      /^Dependency unavailable: OperationalError: could not connect to server: Connection refused/,
    );
    expect(verdict.summary).toContain('orders-db.internal');
  });

  it('keeps a root cause that is not a hint', () => {
    const { verdict } = triage('java.lang.OutOfMemoryError: Java heap space');
    expect(verdict.summary).toBe(
      'Resource exhaustion: OutOfMemoryError: Java heap space',
    );
  });
});

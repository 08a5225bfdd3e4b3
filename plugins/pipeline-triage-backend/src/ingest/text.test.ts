import {
  type IngestContext,
  IngestValidationError,
} from '@pipeline-triage/plugin-pipeline-triage-node';
import { lastErrorLine, textAdapter } from './text';
import { fixture } from './__testUtils__';

const log: string = fixture('spark-driver.log');
const ctx = (query: Record<string, string>): IngestContext => ({
  query,
  defaultEnvironment: 'dev',
});

describe('textAdapter', () => {
  it('normalizes a driver log named by the query', () => {
    jest.useFakeTimers().setSystemTime(new Date('2026-11-20T03:15:00Z'));
    try {
      const [event] = textAdapter.normalize(
        log,
        ctx({
          job: 'enrich_orders',
          namespace: 'spark-prod',
          environment: 'production',
        }),
      );
      expect(event).toMatchObject({
        source: 'text',
        outcome: 'fail',
        environment: 'prod',
        job: { namespace: 'spark-prod', name: 'enrich_orders' },
        eventTime: '2026-11-20T03:15:00.000Z',
        logExcerpt: log,
      });
      expect(event.errorMessage).toMatch(
        /^Caused by: .*SchemaColumnConvertNotSupportedException/,
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('needs ?job=', () => {
    expect(() => textAdapter.normalize(log, ctx({}))).toThrow(
      IngestValidationError,
    );
    expect(() => textAdapter.normalize(log, ctx({}))).toThrow(
      'job: a plain-text log needs ?job=<name>',
    );
  });

  it('finds the last line that reads like an error', () => {
    expect(lastErrorLine('ok\nValueError: bad\nINFO done')).toBe(
      'ValueError: bad',
    );
    expect(
      lastErrorLine(
        'psycopg2.errors.UndefinedTable: relation "x" does not exist\nexit',
      ),
    ).toMatch(/^psycopg2/);
    // dbt's closing summary counts errors but is not one.
    expect(
      lastErrorLine(
        'Database Error in model orders\nDone. PASS=5 WARN=0 ERROR=1 SKIP=0 TOTAL=6',
      ),
    ).toBe('Database Error in model orders');
    expect(lastErrorLine('all good\nfinished')).toBeUndefined();
  });
});

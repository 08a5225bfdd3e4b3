import { failureEventSchema } from '@pipeline-triage/plugin-pipeline-triage-common';
import { extractEvidence } from '../evidence';
import { recommend } from './recommend';

describe('recommend', () => {
  it('fills commands with the ids of the event and the log', () => {
    const event = failureEventSchema.parse({
      source: 'glue',
      job: { name: 'invoice_export', glueJobName: 'invoice_export' },
      runId: 'jr_0123abcd',
      eventTime: '2024-03-14T09:42:00Z',
      logExcerpt:
        'java.nio.file.AccessDeniedException: s3://acme-finance/invoices/2023-02: getFileStatus on s3://acme-finance/invoices/2023-02',
    });
    const r = recommend({
      category: 'permission',
      event,
      evidence: extractEvidence(event),
      safeToRetry: false,
      runbookUrl: 'https://runbooks/x',
    });
    const commands = r.diagnostics.map(d => d.command);
    expect(commands).toContain('aws sts get-caller-identity');
    expect(commands.join('\n')).toContain('arn:aws:s3:::acme-finance/*');
    expect(commands).toContain(
      'aws glue get-job-run --job-name invoice_export --run-id jr_0123abcd',
    );
    expect(r.runbookUrl).toBe('https://runbooks/x');
    expect(r.prevention).toBeTruthy();
  });

  it('uses Airflow and dbt commands for those platforms, with placeholders for unknown ids', () => {
    const event = failureEventSchema.parse({
      source: 'dbt',
      job: { name: 'nightly', dbtUniqueId: 'model.shop.fct_orders' },
      eventTime: '2024-03-14T09:42:00Z',
      logExcerpt:
        'Database Error in model fct_orders (models/fct_orders.sql)\n  syntax error at or near "order"',
    });
    const r = recommend({
      category: 'code_error',
      event,
      evidence: extractEvidence(event),
      safeToRetry: false,
    });
    expect(r.diagnostics.map(d => d.command)).toEqual(
      expect.arrayContaining(['dbt run --select fct_orders']),
    );
    const airflow = failureEventSchema.parse({
      source: 'airflow',
      job: { name: 'orders', airflowDagId: 'orders', airflowTaskId: 'load' },
      eventTime: '2024-03-14T09:42:00Z',
      logExcerpt: 'AirflowSensorTimeout: Sensor has timed out',
    });
    const ra = recommend({
      category: 'source_delay',
      event: airflow,
      evidence: extractEvidence(airflow),
      safeToRetry: true,
    });
    expect(ra.diagnostics.map(d => d.command)).toContain(
      'airflow tasks states-for-dag-run orders <runId>',
    );
    expect(ra.action).toMatch(/retry policy allows a rerun/);
  });

  it('puts table history first when output was partly written', () => {
    const event = failureEventSchema.parse({
      job: { name: 'contacts_merge' },
      eventTime: '2024-03-14T09:42:00Z',
      logExcerpt:
        'INFO OptimisticTransaction: Committed delta #18822 to s3://lake/crm/contacts/_delta_log\nERROR stage failure',
    });
    const r = recommend({
      category: 'infrastructure',
      event,
      evidence: extractEvidence(event),
      safeToRetry: false,
      partialWrite: 'true',
    });
    expect(r.diagnostics[0].label).toBe('Recent commits of the Delta table');
  });

  it('always offers at least one way to look', () => {
    const event = failureEventSchema.parse({
      job: { name: 'x' },
      eventTime: '2024-03-14T09:42:00Z',
      logExcerpt: 'ERROR boom',
    });
    const r = recommend({
      category: 'unknown',
      event,
      evidence: extractEvidence(event),
      safeToRetry: false,
    });
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });
});

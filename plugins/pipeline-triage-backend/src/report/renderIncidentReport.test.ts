import { failureEventSchema } from '@pipeline-triage/plugin-pipeline-triage-common';
import { createTriageEngine } from '../engine';
import { renderIncidentReport } from './renderIncidentReport';

describe('renderIncidentReport', () => {
  const engine = createTriageEngine();
  /** The report of an event as the engine triages it, named by its job. */
  const reportOf = (fields: Record<string, unknown>) => {
    const e = failureEventSchema.parse({
      eventTime: '2024-06-01T02:00:00Z',
      ...fields,
    });
    const r = engine.triage(e);
    return renderIncidentReport({
      job: { name: e.job.name },
      eventTime: e.eventTime,
      verdict: r.verdict,
      evidenceLines: r.evidenceLines,
    });
  };
  const event = failureEventSchema.parse({
    source: 'generic',
    job: { name: 'member_profile_upsert', namespace: 'lakehouse' },
    runId: 'run-42',
    eventTime: '2024-06-01T02:00:00Z',
    attempt: 1,
    maxAttempts: 3,
    logExcerpt: [
      'py4j.protocol.Py4JJavaError: An error occurred while calling o214.execute.',
      ': org.apache.spark.sql.delta.schema.InvariantViolationException: NOT NULL constraint violated for column: birth_year.',
      '\tat org.apache.spark.sql.delta.schema.InvariantViolationException$.apply(InvariantViolationException.scala:49)',
    ].join('\n'),
  });
  const result = engine.triage(event, {
    runbookUrl: 'https://runbooks.acme/members',
  });

  it('renders every section an escalation needs', () => {
    const md = renderIncidentReport({
      job: {
        name: 'member_profile_upsert',
        namespace: 'lakehouse',
        entityRef: 'component:default/member-profile',
      },
      stage: 'upsert',
      eventTime: event.eventTime,
      environment: 'prod',
      runId: 'run-42',
      attempt: 1,
      maxAttempts: 3,
      verdict: result.verdict,
      evidenceLines: result.evidenceLines,
      causeChain: result.causeChain,
      route: {
        recipient: 'group:default/crm-data',
        copy: ['group:default/platform'],
        rule: 'data-to-contract-owner',
        reason: 'data_quality goes to the contract owner',
      },
    });
    expect(md).toMatch(
      /^# Data quality: InvariantViolationException: NOT NULL constraint violated/,
    );
    for (const heading of [
      '## Error',
      '## Cause chain (root first)',
      '## Evidence',
      '## Classification',
      '## Retry',
      '## Route',
      '## Recommendation',
      '## Runbook',
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('| Stage | upsert |');
    expect(md).toContain('| Attempt | 1 of 3 |');
    expect(md).toMatch(/> +2 \| : org\.apache\.spark\.sql\.delta/);
    expect(md).toContain('confidence **');
    expect(md).toContain('**Not safe to retry**');
    expect(md).toContain('Partial write: **false**');
    expect(md).toContain(
      'Routed to **group:default/crm-data** by rule `data-to-contract-owner`',
    );
    expect(md).toContain('```sh\n');
    expect(md).toContain('[Runbook](https://runbooks.acme/members)');
  });

  it('lists dismissed hypotheses and survives hostile text', () => {
    const md = reportOf({
      job: { name: 'x|y' },
      logExcerpt:
        'ERROR ``` | # <script> Connection refused\nERROR java.lang.OutOfMemoryError: Java heap space',
    });
    expect(md).toContain('## Hypotheses weighed');
    expect(md).toContain('````text');
    expect(md).toContain('| Job | x\\|y |');
    expect(md).not.toContain('## Route');
  });

  it('shows the three hypotheses with their scores and the evidence against those that lost', () => {
    const md = reportOf({
      job: { name: 'sessions' },
      logExcerpt:
        'java.lang.OutOfMemoryError: Java heap space\norg.apache.spark.SparkException: Job aborted due to stage failure: Task 7 in stage 3.0 failed 4 times',
      signals: {
        maxTaskInputBytes: 20e9,
        medianTaskInputBytes: 200e6,
        taskCount: 400,
      },
    });
    const section = md.slice(
      md.indexOf('## Hypotheses weighed'),
      md.indexOf('## Retry'),
    );
    expect(section).toMatch(/- \*\*Data skew\*\* \(score \d\.\d\d, chosen\)/);
    expect(section).toMatch(
      /- \*\*Resource exhaustion\*\* \(score \d\.\d\d, dismissed\)/,
    );
    expect(section).toContain(
      '  - Against: one task read 100x the median task',
    );
    expect(section.match(/^- \*\*/gm)).toHaveLength(3);
  });

  it('shows a word-model category as a lead with what would confirm it', () => {
    const md = reportOf({
      job: { name: 'nightly_load' },
      logExcerpt:
        "ERROR zorbflow.errors.ZorbProfileMissing: profile 'warehouse_main' declared in project file is not defined in the profiles file",
    });
    expect(md).toMatch(/- \*\*Config error\*\* \(score \d\.\d\d, lead\)/);
    expect(md).toContain('A lead, not a finding');
    expect(md).toMatch(/confirms config_error/);
  });

  it('says what evidence is missing and what would settle an abstention', () => {
    const md = reportOf({
      job: { name: 'orders_copy', type: 'redshift' },
      logExcerpt:
        'ERROR - COPY analytics.orders from s3 manifest did not complete; query: 884213',
    });
    expect(md).toContain('## Missing evidence');
    expect(md).toContain('- attach stl_load_errors for query 884213');
    expect(
      renderIncidentReport({
        job: { name: 'x' },
        eventTime: event.eventTime,
        verdict: result.verdict,
        evidenceLines: [],
      }),
    ).not.toContain('## Missing evidence');
  });
});

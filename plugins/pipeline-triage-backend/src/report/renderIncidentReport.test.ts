import { failureEventSchema } from '@internal/plugin-pipeline-triage-common';
import { createTriageEngine } from '../engine';
import { renderIncidentReport } from './renderIncidentReport';

describe('renderIncidentReport', () => {
  const engine = createTriageEngine();
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
  const result = engine.triage(event, { runbookUrl: 'https://runbooks.acme/members' });

  it('renders every section an escalation needs', () => {
    const md = renderIncidentReport({
      job: { name: 'member_profile_upsert', namespace: 'lakehouse', entityRef: 'component:default/member-profile' },
      stage: 'upsert',
      eventTime: event.eventTime,
      environment: 'prod',
      runId: 'run-42',
      attempt: 1,
      maxAttempts: 3,
      verdict: result.verdict,
      evidenceLines: result.evidenceLines,
      causeChain: result.causeChain,
      route: { recipient: 'group:default/crm-data', copy: ['group:default/platform'], rule: 'data-to-contract-owner', reason: 'data_quality goes to the contract owner' },
    });
    expect(md).toMatch(/^# Data quality: InvariantViolationException: NOT NULL constraint violated/);
    for (const heading of ['## Error', '## Cause chain (root first)', '## Evidence', '## Classification', '## Retry', '## Route', '## Recommendation', '## Runbook']) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('| Stage | upsert |');
    expect(md).toContain('| Attempt | 1 of 3 |');
    expect(md).toMatch(/> +2 \| : org\.apache\.spark\.sql\.delta/);
    expect(md).toContain('confidence **');
    expect(md).toContain('**Not safe to retry**');
    expect(md).toContain('Partial write: **false**');
    expect(md).toContain('Routed to **group:default/crm-data** by rule `data-to-contract-owner`');
    expect(md).toContain('```sh\n');
    expect(md).toContain('[Runbook](https://runbooks.acme/members)');
  });

  it('lists dismissed hypotheses and survives hostile text', () => {
    const nasty = failureEventSchema.parse({
      job: { name: 'x|y' },
      eventTime: '2024-06-01T02:00:00Z',
      logExcerpt: 'ERROR ``` | # <script> Connection refused\nERROR java.lang.OutOfMemoryError: Java heap space',
    });
    const r = engine.triage(nasty);
    const md = renderIncidentReport({ job: { name: 'x|y' }, eventTime: nasty.eventTime, verdict: r.verdict, evidenceLines: r.evidenceLines });
    expect(md).toContain('## Hypotheses dismissed');
    expect(md).toContain('````text');
    expect(md).toContain('| Job | x\\|y |');
    expect(md).not.toContain('## Route');
  });
});

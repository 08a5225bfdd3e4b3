import { glueAdapter, glueConsoleUrl } from './glue';
import { fixture, problemsOf, testContext as ctx } from './__testUtils__';

const rejectionOf = (payload: unknown) =>
  problemsOf(() => glueAdapter.normalize(payload, ctx));

const RUN =
  'jr_4bc455c52a0e98d280622bbdc12c817dfd18880c545c0d4a7a06bb60f2753d9e';

describe('glueAdapter', () => {
  it('normalizes the plain EventBridge event', () => {
    const [event] = glueAdapter.normalize(fixture('glue-failed.json'), ctx);
    expect(event).toMatchObject({
      source: 'glue',
      outcome: 'fail',
      environment: 'dev',
      job: {
        namespace: 'glue',
        name: 'orders-nightly-compaction',
        glueJobName: 'orders-nightly-compaction',
      },
      runId: RUN,
      eventTime: '2026-11-20T04:31:07Z',
      links: [
        {
          kind: 'glue_console',
          url: `https://eu-west-1.console.aws.amazon.com/gluestudio/home?region=eu-west-1#/job/orders-nightly-compaction/run/${RUN}`,
        },
      ],
    });
    expect(event.errorMessage).toMatch(
      /failed to execute with exception .*Status Code: 403/,
    );
  });

  it('prefers the forwarder enrichment: bare error, attempt, duration, environment, log', () => {
    const [event] = glueAdapter.normalize(
      fixture('glue-failed-enriched.json'),
      ctx,
    );
    expect(event).toMatchObject({
      environment: 'prod',
      attempt: 2,
      signals: { durationSeconds: 1421 },
      errorMessage: expect.stringMatching(
        /^An error occurred while calling o112\.pyWriteDynamicFrame/,
      ),
      logExcerpt: expect.stringContaining('GlueExceptionAnalysisListener'),
    });
  });

  it('says a timed-out run timed out and after how long', () => {
    const [event] = glueAdapter.normalize(fixture('glue-timeout.json'), ctx);
    expect(event.outcome).toBe('fail');
    expect(event.attempt).toBe(1);
    expect(event.errorMessage).toMatch(
      /^Glue job run timed out after 120 minutes/,
    );
    const bare = fixture('glue-timeout.json');
    delete bare.jobRun;
    expect(glueAdapter.normalize(bare, ctx)[0].errorMessage).toMatch(
      /^Glue job run timed out: /,
    );
  });

  it.each([
    ['STOPPED', 'abort'],
    ['SUCCEEDED', 'success'],
    ['ERROR', 'fail'],
  ])('maps %s to %s', (state, outcome) => {
    const payload = fixture('glue-failed.json');
    payload.detail.state = state;
    expect(glueAdapter.normalize(payload, ctx)[0].outcome).toBe(outcome);
  });

  it('rejects other Glue events and non-terminal states with a reason', () => {
    const crawler = {
      ...fixture('glue-failed.json'),
      'detail-type': 'Glue Crawler State Change',
    };
    expect(rejectionOf(crawler)[0]).toEqual({
      field: 'detail-type',
      reason:
        'detail-type "Glue Crawler State Change" is not a run outcome; send "Glue Job State Change" events',
    });
    const running = fixture('glue-failed.json');
    running.detail.state = 'RUNNING';
    expect(rejectionOf(running)[0].field).toBe('detail.state');
  });

  it('names malformed fields', () => {
    const payload = fixture('glue-failed-enriched.json');
    payload.detail.jobName = 7;
    payload.jobRun.Attempt = 'second';
    payload.jobRun.Arguments = 'x';
    payload.time = 'late';
    expect(rejectionOf(payload)).toEqual(
      expect.arrayContaining([
        { field: 'detail.jobName', reason: 'expected a string' },
        { field: 'jobRun.Attempt', reason: 'expected a number' },
        { field: 'jobRun.Arguments', reason: 'expected an object' },
        { field: 'time', reason: 'expected an ISO 8601 date-time' },
      ]),
    );
  });

  it('builds console links for every partition and refuses odd regions', () => {
    expect(glueConsoleUrl('cn-north-1', 'j', 'jr_1')).toMatch(
      /^https:\/\/cn-north-1\.console\.amazonaws\.cn\//,
    );
    expect(glueConsoleUrl('us-gov-west-1', 'j', 'jr_1')).toMatch(
      /amazonaws-us-gov\.com/,
    );
    expect(glueConsoleUrl('evil.example/x', 'j', 'jr_1')).toBeUndefined();
    expect(
      glueConsoleUrl('us-east-1', 'a job/with?odd#chars', 'jr_1'),
    ).toContain('#/job/a%20job%2Fwith%3Fodd%23chars/run/jr_1');
  });
});

import { dbtCloudAdapter } from './dbtCloud';
import { fixture, problemsOf, testContext as ctx } from './__testUtils__';

const errored = () => fixture('dbt-cloud-run-errored.json');
const completed = (runStatus: string) => {
  const p = errored();
  p.eventType = 'job.run.completed';
  p.data.runStatus = runStatus;
  p.data.runStatusMessage = 'None';
  delete p.data.runErroredAt;
  p.data.runFinishedAt = '2026-11-21T03:39:50Z';
  return p;
};

describe('dbtCloudAdapter', () => {
  it('turns an errored run into a failure of the dbt Cloud job', () => {
    expect(dbtCloudAdapter.normalize(errored(), ctx)).toEqual([
      expect.objectContaining({
        source: 'dbt',
        outcome: 'fail',
        environment: 'prod',
        job: {
          namespace: 'dbt-cloud',
          name: 'Nightly marts (dbt build)',
          type: 'dbt-cloud/job',
        },
        runId: '290311547',
        eventTime: '2026-11-20T03:41:10Z',
        errorMessage:
          'dbt Cloud job "Nightly marts (dbt build)" run 290311547 errored: Database Error in model fct_orders (models/marts/fct_orders.sql)\n  column "discount_amount" does not exist',
        producer: 'dbt-cloud/1.8.7',
      }),
    ]);
  });

  it('takes a completed run by its status: a success of the same job, or a failure', () => {
    const [ok] = dbtCloudAdapter.normalize(completed('Success'), ctx);
    expect(ok).toMatchObject({
      outcome: 'success',
      job: { namespace: 'dbt-cloud', name: 'Nightly marts (dbt build)' },
      eventTime: '2026-11-21T03:39:50Z',
    });
    expect(ok.errorMessage).toBeUndefined();
    const [failed] = dbtCloudAdapter.normalize(completed('Error'), ctx);
    expect(failed).toMatchObject({
      outcome: 'fail',
      // "None" is dbt Cloud's empty status message.
      errorMessage:
        'dbt Cloud job "Nightly marts (dbt build)" run 290311547 errored',
    });
    expect(
      dbtCloudAdapter.normalize(completed('Cancelled'), ctx)[0].outcome,
    ).toBe('abort');
  });

  it('answers a started run as not a run outcome, and names bad fields', () => {
    const started = errored();
    started.eventType = 'job.run.started';
    expect(problemsOf(() => dbtCloudAdapter.normalize(started, ctx))).toEqual([
      {
        field: 'eventType',
        reason:
          'eventType job.run.started is not a run outcome; expected job.run.completed or job.run.errored',
      },
    ]);
    const bad = errored();
    bad.data.runStatus = 10;
    delete bad.data.jobName;
    delete bad.data.jobId;
    expect(problemsOf(() => dbtCloudAdapter.normalize(bad, ctx))).toEqual([
      { field: 'data.jobName', reason: 'required' },
      { field: 'data.runStatus', reason: 'expected a string' },
    ]);
  });
});

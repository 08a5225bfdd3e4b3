import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { EntityStatusLine } from './EntityStatusLine';

const status = (over: object) => ({
  entityRef: 'resource:default/raw-orders',
  openIncidents: 0,
  consecutiveFailures: 0,
  ...over,
});

describe('EntityStatusLine', () => {
  it('says failing while a failure streak runs', async () => {
    await renderInTestApp(
      <EntityStatusLine
        loading={false}
        status={status({
          consecutiveFailures: 2,
          openIncidents: 1,
          failingSince: '2026-01-08T10:00:00Z',
        })}
      />,
    );
    expect(screen.getByText('Failing')).toBeInTheDocument();
    expect(screen.queryByText('Healthy')).not.toBeInTheDocument();
  });

  it('does not call an entity with open incidents healthy', async () => {
    await renderInTestApp(
      <EntityStatusLine
        loading={false}
        status={status({ openIncidents: 4 })}
      />,
    );
    expect(
      screen.getByText('Open incidents need attention'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Healthy')).not.toBeInTheDocument();
    expect(screen.getByText('4 open incidents')).toBeInTheDocument();
  });

  it('is healthy with no streak and nothing open', async () => {
    await renderInTestApp(
      <EntityStatusLine
        loading={false}
        status={status({ lastSuccess: '2026-01-07T09:00:00Z' })}
      />,
    );
    expect(screen.getByText('Healthy')).toBeInTheDocument();
  });

  it('marks a flaky entity', async () => {
    await renderInTestApp(
      <EntityStatusLine loading={false} status={status({ flaky: true })} />,
    );
    expect(screen.getByText('Flaky')).toBeInTheDocument();
  });

  it('does not mark an entity flaky without the flag', async () => {
    await renderInTestApp(
      <EntityStatusLine loading={false} status={status({})} />,
    );
    expect(screen.queryByText('Flaky')).not.toBeInTheDocument();
  });

  it("shows the jobs' runs per day when the run history has any", async () => {
    await renderInTestApp(
      <EntityStatusLine loading={false} status={status({ runsPerDay: 4.3 })} />,
    );
    expect(screen.getByText('4.3 runs/day')).toBeInTheDocument();
  });

  it('shows no runs per day without run history', async () => {
    await renderInTestApp(
      <EntityStatusLine loading={false} status={status({})} />,
    );
    expect(screen.queryByText(/runs\/day/)).not.toBeInTheDocument();
  });
});

import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { makeTrends } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { TrendsPanel } from './TrendsPanel';

describe('TrendsPanel', () => {
  it('renders weekly totals and the change against the previous week', async () => {
    const api = createFakeApi();
    await renderWithApi(
      <TrendsPanel
        scope={{ entityRef: 'component:default/orders-daily' }}
        chartSize={{ width: 600, height: 300 }}
      />,
      api,
    );
    expect(await screen.findByTestId('trends-headline')).toHaveTextContent(
      'Latest week (2026-W02): 4 failures, +33% vs previous week',
    );
    const totals = screen.getByRole('table', { name: 'Weekly totals' });
    expect(totals).toHaveTextContent('W01');
    expect(totals).toHaveTextContent('W02');
    expect(totals).toHaveTextContent('Total34');
    // Each category's count per week, readable without hovering the bars.
    expect(screen.getByTestId('trends-row-permission')).toHaveTextContent(
      'Permission13',
    );
    expect(screen.getByTestId('trends-row-schema_drift')).toHaveTextContent(
      'Schema drift21',
    );
    // The legend names each stacked category.
    expect(screen.getAllByText('Schema drift').length).toBeGreaterThan(0);
    expect(api.getTrends).toHaveBeenCalledWith({
      entityRef: 'component:default/orders-daily',
      weeks: 12,
      groupBy: 'category',
    });
  });

  it('says when the counts cover only the incidents the user may read', async () => {
    const api = createFakeApi({
      getTrends: async () => ({ ...makeTrends(), scope: 'permitted' as const }),
    });
    await renderWithApi(
      <TrendsPanel scope={{}} chartSize={{ width: 600, height: 300 }} />,
      api,
    );
    expect(await screen.findByTestId('trends-scope')).toHaveTextContent(
      'Counts only the incidents you may read.',
    );
  });

  it('adds no such note when the counts cover every incident', async () => {
    const api = createFakeApi({
      getTrends: async () => ({ ...makeTrends(), scope: 'all' as const }),
    });
    await renderWithApi(
      <TrendsPanel scope={{}} chartSize={{ width: 600, height: 300 }} />,
      api,
    );
    await screen.findByTestId('trends-headline');
    expect(screen.queryByTestId('trends-scope')).toBeNull();
  });

  it('asks again for other weeks and groupings', async () => {
    const api = createFakeApi();
    await renderWithApi(
      <TrendsPanel
        scope={{ owner: 'group:default/data' }}
        chartSize={{ width: 600, height: 300 }}
      />,
      api,
    );
    await screen.findByTestId('trends-headline');
    fireEvent.change(screen.getByLabelText('Weeks'), {
      target: { value: '26' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'By domain' }));
    await waitFor(() =>
      expect(api.getTrends).toHaveBeenLastCalledWith({
        owner: 'group:default/data',
        weeks: 26,
        groupBy: 'domain',
      }),
    );
  });

  it('says so when there were no failures', async () => {
    const api = createFakeApi({
      getTrends: async () =>
        makeTrends({
          keys: [],
          weeks: [
            {
              week: '2026-W02',
              weekStart: '2026-01-05',
              total: 0,
              counts: {},
              change: null,
            },
          ],
        }),
    });
    await renderWithApi(<TrendsPanel scope={{}} />, api);
    expect(
      await screen.findByText('No failures recorded in the last 12 weeks.'),
    ).toBeInTheDocument();
  });

  it('lists the flakiest jobs', async () => {
    const api = createFakeApi({
      getTrends: async () => ({
        ...makeTrends(),
        flakiestJobs: [
          {
            jobKey: 'spark-prod/customer_ltv_features.step',
            jobEntityRef: 'component:default/customer-ltv-spark',
            incidentId: 'inc-9',
            title: 'Infrastructure: Read timed out',
            flips: 3,
            lastSeen: '2026-01-10T09:00:00Z',
          },
        ],
      }),
    });
    await renderWithApi(
      <TrendsPanel scope={{}} chartSize={{ width: 600, height: 300 }} />,
      api,
    );
    expect(
      await screen.findByRole('region', { name: 'Flakiest jobs' }),
    ).toHaveTextContent(
      'component:default/customer-ltv-spark: 3 failures passed on the next run with nothing changed',
    );
  });
});

import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { makeSummary } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { PipelineTriagePage } from './PipelineTriagePage';

describe('PipelineTriagePage', () => {
  it('shows triage health, org-wide trends and repeat failures', async () => {
    const api = createFakeApi({
      listIncidents: async () => ({
        items: [
          makeSummary({
            id: 'inc-once',
            title: 'A one-off failure',
            occurrences: 1,
          }),
          makeSummary({
            id: 'inc-repeat',
            title: 'orders_daily keeps failing',
            occurrences: 12,
          }),
        ],
      }),
    });
    await renderWithApi(<PipelineTriagePage />, api);

    expect(await screen.findByTestId('stats-pending')).toHaveTextContent('2');
    expect(screen.getByTestId('stats-lag')).toHaveTextContent('1m 30s');
    expect(screen.getByTestId('stats-dead-letters')).toHaveTextContent('1');
    expect(
      screen.getByText('Some events could not be processed'),
    ).toBeInTheDocument();

    expect(
      await screen.findByText('orders_daily keeps failing'),
    ).toBeInTheDocument();
    expect(screen.queryByText('A one-off failure')).not.toBeInTheDocument();

    expect(await screen.findByTestId('trends-headline')).toHaveTextContent(
      '4 failures',
    );
    fireEvent.click(screen.getByRole('button', { name: 'By team' }));
    await waitFor(() =>
      expect(api.getTrends).toHaveBeenLastCalledWith({
        weeks: 12,
        groupBy: 'team',
      }),
    );
  });
});

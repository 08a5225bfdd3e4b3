import { screen, waitFor } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import {
  groupEntity,
  pipelineEntity,
  plainEntity,
} from '../../__testUtils__/entities';
import { renderWithApi } from '../../__testUtils__/render';
import { EntityPipelineTriageCard } from './EntityPipelineTriageCard';

const size = { width: 300, height: 48 };

describe('EntityPipelineTriageCard', () => {
  it('shows open incidents, the last failure and a link to the tab', async () => {
    const api = createFakeApi();
    await renderWithApi(
      <EntityPipelineTriageCard sparklineSize={size} />,
      api,
      pipelineEntity,
    );
    expect(await screen.findByTestId('card-open-incidents')).toHaveTextContent(
      '1',
    );
    expect(screen.getByText('Schema drift')).toBeInTheDocument();
    expect(screen.getByLabelText('Not safe to retry')).toHaveTextContent('No');
    expect(
      screen.getByText('orders_daily failed: column customer_id not found'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Weekly failures: 3, 4' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('View triage history').closest('a'),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/orders-daily/pipeline-triage',
    );
    expect(api.getStatus).toHaveBeenCalledWith(
      'component:default/orders-daily',
    );
  });

  it('counts open incidents routed to a team', async () => {
    const api = createFakeApi({
      listIncidents: async q =>
        q.status ? { items: [], nextCursor: 'more' } : { items: [] },
    });
    await renderWithApi(
      <EntityPipelineTriageCard sparklineSize={size} />,
      api,
      groupEntity,
    );
    expect(await screen.findByTestId('card-open-incidents')).toHaveTextContent(
      '0+',
    );
    await waitFor(() =>
      expect(api.listIncidents).toHaveBeenCalledWith({
        routedTo: 'group:default/data-platform',
        status: ['open', 'acknowledged'],
        limit: 200,
      }),
    );
    expect(api.getStatus).not.toHaveBeenCalled();
  });

  it('hints at linking for an unannotated entity without failures', async () => {
    const api = createFakeApi({ listIncidents: async () => ({ items: [] }) });
    await renderWithApi(
      <EntityPipelineTriageCard sparklineSize={size} />,
      api,
      plainEntity,
    );
    expect(
      await screen.findByText(/No pipeline failures are linked to this entity/),
    ).toBeInTheDocument();
  });
});

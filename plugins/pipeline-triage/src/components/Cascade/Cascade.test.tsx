import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { makeDetail, makeSummary } from '../../__testUtils__/fixtures';
import { pipelineEntity } from '../../__testUtils__/entities';
import { renderWithApi } from '../../__testUtils__/render';
import { IncidentDrawer } from '../IncidentDrawer';
import { EntityPipelineTriageContent } from '../EntityTab';

jest.setTimeout(30_000);

const CAUSE = {
  incidentId: 'inc-up',
  entityRef: 'component:default/checkout-orders-ingest',
  reason:
    'checkout-orders-ingest failed at 2026-01-10T02:00:00.000Z and left resource:default/raw-orders partial: the failed run wrote part of it; this run reads it',
};

const DOWNSTREAM = {
  incidentId: 'inc-down',
  entityRef: 'component:default/orders-daily-load',
  jobName: 'orders_daily.load_orders',
  title: 'Data quality: row count check failed',
  status: 'open' as const,
  reason: CAUSE.reason,
};

describe('the cascade chain', () => {
  it('shows the cause and the paging state in the drawer of a downstream incident', async () => {
    const api = createFakeApi({
      getIncident: async id =>
        makeDetail({
          id,
          causedBy: CAUSE,
          paging: 'suppressed',
          pagingReason: 'a cascade of incident inc-up',
        }),
    });
    await renderWithApi(
      <IncidentDrawer incidentId="inc-down" onClose={() => {}} />,
      api,
    );
    const cascade = await screen.findByRole('region', { name: 'Cascade' });
    expect(within(cascade).getByLabelText('Caused by')).toHaveTextContent(
      /Caused upstream by .*checkout-orders-ingest.* \(incident inc-up\)/,
    );
    expect(within(cascade).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-orders-ingest',
    );
    expect(cascade).toHaveTextContent('raw-orders partial');
    expect(screen.getByRole('region', { name: 'Paging' })).toHaveTextContent(
      'Nobody paged: a cascade of incident inc-up',
    );
    expect(
      screen.queryByRole('button', { name: /Resolve with its cascade/ }),
    ).not.toBeInTheDocument();
  });

  it('lists the downstream incidents of a cause and offers to resolve them with it', async () => {
    const api = createFakeApi({
      getIncident: async id =>
        makeDetail({ id, downstreamIncidents: [DOWNSTREAM] }),
    });
    await renderWithApi(
      <IncidentDrawer incidentId="inc-up" onClose={() => {}} />,
      api,
    );
    const list = await screen.findByRole('list', {
      name: 'Downstream incidents',
    });
    expect(list).toHaveTextContent(
      'orders-daily-load (incident inc-down): Data quality: row count check failed',
    );
    expect(within(list).getByText('Open')).toBeInTheDocument();
    fireEvent.click(
      screen.getByRole('button', { name: 'Resolve with its cascade (1)' }),
    );
    await waitFor(() =>
      expect(api.updateIncident).toHaveBeenCalledWith('inc-up', {
        action: 'resolve',
        cascade: true,
      }),
    );
  });

  it('shows the chain on the entity tab: the cascade each open incident caused, and the cause of each cascade', async () => {
    const api = createFakeApi({
      listIncidents: async q =>
        q.status
          ? {
              items: [
                makeSummary({
                  id: 'inc-up',
                  title: 'Glue job lost its executors',
                }),
                makeSummary({
                  id: 'inc-down',
                  title: 'Data quality: row count check failed',
                  causedBy: CAUSE,
                }),
              ],
            }
          : { items: [makeSummary()] },
      getIncident: async id =>
        makeDetail({
          id,
          title: 'Glue job lost its executors',
          jobEntityRef: 'component:default/checkout-orders-ingest',
          downstreamIncidents: [DOWNSTREAM],
        }),
    });
    await renderWithApi(<EntityPipelineTriageContent />, api, pipelineEntity);
    const chain = await screen.findByLabelText('Cascade of inc-up');
    expect(chain).toHaveTextContent(
      /checkout-orders-ingest.*failed \(incident inc-up: Glue job lost its executors\) and caused 1 downstream incident/,
    );
    expect(
      within(chain).getByRole('list', { name: 'Downstream incidents' }),
    ).toHaveTextContent('orders-daily-load (incident inc-down)');
    expect(screen.getByLabelText('Cause of inc-down')).toHaveTextContent(
      /Caused upstream by .*checkout-orders-ingest.* \(incident inc-up\)/,
    );
    // Only the incident that is not itself a cascade is read for its downstream chain.
    expect(api.getIncident).toHaveBeenCalledTimes(1);
    expect(api.getIncident).toHaveBeenCalledWith('inc-up');
  });
});

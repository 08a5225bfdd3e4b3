import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { makeDetail } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { IncidentDrawer } from './IncidentDrawer';

// The machine is shared: a loaded CI box renders the drawer slowly.
jest.setTimeout(30_000);

describe('IncidentDrawer', () => {
  it('groups linked entities by role and links to the source system', async () => {
    const api = createFakeApi();
    await renderWithApi(
      <IncidentDrawer incidentId="inc-1" onClose={() => {}} />,
      api,
    );
    const linked = await screen.findByRole('region', {
      name: 'Linked entities',
    });
    expect(within(linked).getByText('Job')).toBeInTheDocument();
    expect(within(linked).getByText('Inputs')).toBeInTheDocument();
    expect(within(linked).getByText('Outputs')).toBeInTheDocument();
    expect(
      within(linked)
        .getAllByRole('link')
        .map(a => a.getAttribute('href')),
    ).toEqual([
      '/catalog/default/component/orders-daily',
      '/catalog/default/resource/raw-orders',
      '/catalog/default/resource/orders',
    ]);
    expect(screen.getByText('Airflow task').closest('a')).toHaveAttribute(
      'href',
      'https://airflow.example.com/ti/1',
    );
    expect(screen.getByRole('region', { name: 'Route' })).toHaveTextContent(
      'The pipeline owner gets data failures',
    );
  });

  it('shows why an action failed', async () => {
    const api = createFakeApi({
      updateIncident: async () => {
        throw new Error('Only the owning team may resolve this incident');
      },
    });
    await renderWithApi(
      <IncidentDrawer incidentId="inc-1" onClose={() => {}} />,
      api,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Resolve' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    expect(
      await screen.findByText('Only the owning team may resolve this incident'),
    ).toBeInTheDocument();
  });

  it('offers Reopen on a resolved incident', async () => {
    const api = createFakeApi({
      getIncident: async id => makeDetail({ id, status: 'resolved' }),
    });
    await renderWithApi(
      <IncidentDrawer incidentId="inc-1" onClose={() => {}} />,
      api,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Reopen' }));
    await waitFor(() =>
      expect(api.updateIncident).toHaveBeenCalledWith('inc-1', {
        action: 'reopen',
      }),
    );
    expect(
      screen.queryByRole('button', { name: 'Acknowledge' }),
    ).not.toBeInTheDocument();
  });

  it('copies the Markdown report', async () => {
    const writeText = jest.fn(async () => {});
    Object.assign(navigator, { clipboard: { writeText } });
    const api = createFakeApi();
    await renderWithApi(
      <IncidentDrawer incidentId="inc-1" onClose={() => {}} />,
      api,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Copy report' }));
    await waitFor(() =>
      expect(writeText).toHaveBeenCalledWith('# Incident report'),
    );
    expect(api.getReport).toHaveBeenCalledWith('inc-1');
  });
});

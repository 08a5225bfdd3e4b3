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

  it("shows each sink delivery's state, attempts and last error", async () => {
    const api = createFakeApi({
      getIncident: async id =>
        makeDetail({
          id,
          sinkDeliveries: [
            {
              sink: 'pagerduty',
              updateKey: 'ev-1',
              status: 'sent',
              attempts: 3,
              target: 'group:default/iam-security',
              lastError:
                'HTTP 500: {"status":"error","message":"Internal Server Error"}',
              createdAt: '2026-01-10T09:00:03Z',
              finishedAt: '2026-01-10T09:00:09Z',
            },
            {
              sink: 'slack',
              updateKey: 'ev-1',
              status: 'dead',
              attempts: 5,
              target: '#team-iam',
              lastError: '500 Internal Server Error',
              createdAt: '2026-01-10T09:00:03Z',
              finishedAt: '2026-01-10T09:01:00Z',
            },
            {
              sink: 'webhook',
              updateKey: 'ev-2',
              status: 'pending',
              attempts: 1,
              lastError: 'timed out after 10000ms',
              nextAttemptAt: '2026-01-10T09:05:00Z',
              createdAt: '2026-01-10T09:04:00Z',
            },
          ],
        }),
    });
    await renderWithApi(
      <IncidentDrawer incidentId="inc-1" onClose={() => {}} />,
      api,
    );
    const section = await screen.findByRole('region', {
      name: 'Sink deliveries',
    });
    const items = within(section)
      .getAllByRole('listitem')
      .map(li => li.textContent);
    expect(items).toHaveLength(3);
    expect(items[0]).toContain(
      'PagerDuty (group:default/iam-security): sent after 3 attempts',
    );
    expect(items[0]).toContain('earlier failure: HTTP 500');
    expect(items[1]).toContain(
      'Slack #team-iam: dead-lettered after 5 attempts: 500 Internal Server Error',
    );
    expect(items[2]).toContain(
      'Webhook: 1 attempt failed (last: timed out after 10000ms); next attempt at 2026-01-10 09:05:00 UTC',
    );
  });

  it('has no sink deliveries section when no sink was used', async () => {
    await renderWithApi(
      <IncidentDrawer incidentId="inc-1" onClose={() => {}} />,
      createFakeApi(),
    );
    await screen.findByRole('region', { name: 'Notifications' });
    expect(
      screen.queryByRole('region', { name: 'Sink deliveries' }),
    ).not.toBeInTheDocument();
  });
});

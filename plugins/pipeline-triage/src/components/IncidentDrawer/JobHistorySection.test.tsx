import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { makeDetail } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { IncidentDrawer } from './IncidentDrawer';

// The machine is shared: a loaded CI box renders the drawer slowly.
jest.setTimeout(30_000);

describe('the job history in the incident drawer', () => {
  it('shows what changed since the last success, past fixes, flaky and silent', async () => {
    const api = createFakeApi({
      getIncident: async id =>
        makeDetail({
          id,
          flaky: true,
          silent: true,
          silentReason: {
            kind: 'zero_rows',
            reason:
              'Silent failure: the run completed but wrote 0 rows to marts.customer_ltv, where its last 3 successful runs wrote rows (median 1200).',
          },
          changes: [
            {
              kind: 'code',
              from: '3f2a9c1',
              to: '9be77d0',
              evidence: 'code version',
            },
            {
              kind: 'schema',
              from: 'amount:decimal(10,2)',
              to: 'amount:string',
              evidence:
                'input raw.orders: retyped amount decimal(10,2) → string',
            },
          ],
          pastResolutions: [
            {
              incidentId: 'inc-0',
              entityRef: 'component:default/orders-daily',
              resolvedAt: '2026-11-30T10:00:00.000Z',
              by: 'user:default/alice',
              note: 'Granted SELECT on ledger_entries to the loader role',
              scope: 'job',
            },
          ],
        }),
    });
    await renderWithApi(
      <IncidentDrawer incidentId="inc-1" onClose={() => {}} />,
      api,
    );
    const changed = await screen.findByRole('region', {
      name: 'What changed since the last success',
    });
    expect(changed).toHaveTextContent('Code: 3f2a9c1 → 9be77d0 (code version)');
    expect(changed).toHaveTextContent(
      'Input schema: input raw.orders: retyped amount decimal(10,2) → string',
    );
    const fixes = screen.getByRole('region', { name: 'Past fixes' });
    expect(fixes).toHaveTextContent(
      'Granted SELECT on ledger_entries to the loader role',
    );
    expect(fixes).toHaveTextContent('by user:default/alice · this job');
    const flags = screen.getByRole('region', { name: 'Job history' });
    expect(within(flags).getByText('Silent failure')).toBeInTheDocument();
    expect(within(flags).getByText('Flaky job')).toBeInTheDocument();
    expect(flags).toHaveTextContent('wrote 0 rows to marts.customer_ltv');
  });

  it('hides the sections the incident has nothing for', async () => {
    const api = createFakeApi({
      getIncident: async id => makeDetail({ id, pastResolutions: [] }),
    });
    await renderWithApi(
      <IncidentDrawer incidentId="inc-1" onClose={() => {}} />,
      api,
    );
    await screen.findByRole('region', { name: 'Retry' });
    for (const name of [
      'What changed since the last success',
      'Past fixes',
      'Job history',
    ])
      expect(screen.queryByRole('region', { name })).not.toBeInTheDocument();
  });

  it('says so when nothing changed since the last success', async () => {
    const api = createFakeApi({
      getIncident: async id => makeDetail({ id, changes: [] }),
    });
    await renderWithApi(
      <IncidentDrawer incidentId="inc-1" onClose={() => {}} />,
      api,
    );
    expect(
      await screen.findByRole('region', {
        name: 'What changed since the last success',
      }),
    ).toHaveTextContent('Nothing the events carry changed');
  });

  it('sends the fix note with the resolve action', async () => {
    const api = createFakeApi();
    await renderWithApi(
      <IncidentDrawer incidentId="inc-1" onClose={() => {}} />,
      api,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Resolve' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Fix note'), {
      target: { value: '  Rotated the warehouse password in Vault  ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    await waitFor(() =>
      expect(api.updateIncident).toHaveBeenCalledWith('inc-1', {
        action: 'resolve',
        note: 'Rotated the warehouse password in Vault',
      }),
    );
  });
});

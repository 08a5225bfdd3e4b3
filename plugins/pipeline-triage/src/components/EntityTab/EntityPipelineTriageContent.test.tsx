import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { makeDetail, makeSummary } from '../../__testUtils__/fixtures';
import {
  groupEntity,
  pipelineEntity,
  plainEntity,
} from '../../__testUtils__/entities';
import { renderWithApi } from '../../__testUtils__/render';
import { EntityPipelineTriageContent } from './EntityPipelineTriageContent';

jest.setTimeout(30_000);

describe('EntityPipelineTriageContent', () => {
  it('lists the incidents of the entity with category labels and retry verdicts', async () => {
    const api = createFakeApi({
      listIncidents: async () => ({
        items: [
          makeSummary(),
          makeSummary({
            id: 'inc-2',
            title: 'orders_daily: access denied',
            category: 'permission',
            safeToRetry: true,
          }),
        ],
      }),
    });
    await renderWithApi(<EntityPipelineTriageContent />, api, pipelineEntity);

    expect(
      await screen.findByText('orders_daily: access denied'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('orders_daily failed: column customer_id not found'),
    ).toBeInTheDocument();
    expect(screen.getByText(/inc-2/)).toBeInTheDocument();
    expect(screen.getAllByText('Schema drift').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Permission').length).toBe(3); // the chip, the filter option, the trends row
    expect(screen.getAllByText('87%')).toHaveLength(2);
    expect(screen.getByLabelText('Safe to retry')).toHaveTextContent('Yes');
    expect(screen.getByLabelText('Not safe to retry')).toHaveTextContent('No');
    expect(api.listIncidents).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/orders-daily',
        limit: 25,
      }),
    );
    // The status line.
    expect(
      await screen.findByText('2 consecutive failures'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 open incident')).toBeInTheDocument();
  });

  it('sends the selected filters to the API', async () => {
    const api = createFakeApi();
    await renderWithApi(<EntityPipelineTriageContent />, api, pipelineEntity);
    await screen.findByText(
      'orders_daily failed: column customer_id not found',
    );

    fireEvent.change(screen.getByLabelText('Category'), {
      target: { value: 'permission' },
    });
    fireEvent.change(screen.getByLabelText('Status'), {
      target: { value: 'active' },
    });
    fireEvent.change(screen.getByLabelText('Environment'), {
      target: { value: 'prod' },
    });
    fireEvent.change(screen.getByLabelText('Domain'), {
      target: { value: 'infra' },
    });

    await waitFor(() =>
      expect(api.listIncidents).toHaveBeenLastCalledWith({
        entityRef: 'component:default/orders-daily',
        category: ['permission'],
        status: ['open', 'acknowledged'],
        environment: ['prod'],
        domain: ['infra'],
        limit: 25,
        cursor: undefined,
      }),
    );
  });

  it('loads the next page with the cursor', async () => {
    const api = createFakeApi({
      listIncidents: async ({ cursor }) =>
        cursor
          ? {
              items: [
                makeSummary({ id: 'inc-old', title: 'An older failure' }),
              ],
            }
          : { items: [makeSummary()], nextCursor: 'page-2' },
    });
    await renderWithApi(<EntityPipelineTriageContent />, api, pipelineEntity);
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('An older failure')).toBeInTheDocument();
    expect(
      screen.getByText('orders_daily failed: column customer_id not found'),
    ).toBeInTheDocument();
    expect(api.listIncidents).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: 'page-2' }),
    );
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
  });

  it('opens the drawer with evidence and the retry verdict, and acknowledges', async () => {
    const api = createFakeApi();
    api.updateIncident.mockImplementation(async id => {
      api.getIncident.mockImplementation(async () =>
        makeDetail({ id, status: 'acknowledged' }),
      );
      return makeDetail({ id, status: 'acknowledged' });
    });
    await renderWithApi(<EntityPipelineTriageContent />, api, pipelineEntity);
    fireEvent.click(
      await screen.findByText(
        'orders_daily failed: column customer_id not found',
      ),
    );

    const drawer = await screen.findByRole('dialog', {
      name: 'Incident inc-1',
    });
    expect(
      await within(drawer).findByTestId('incident-drawer-id'),
    ).toHaveTextContent('inc-1');
    expect(within(drawer).getByTestId('evidence-lines')).toHaveTextContent(
      "AnalysisException: cannot resolve 'customer_id'",
    );
    expect(within(drawer).getByText('42')).toBeInTheDocument();
    const retry = within(drawer).getByTestId('retry-verdict');
    expect(retry).toHaveTextContent('No');
    expect(retry).toHaveTextContent(
      'Schema drift does not fix itself on retry',
    );
    expect(retry).toHaveTextContent(
      'A schema registry event showing the column was restored',
    );
    expect(
      within(drawer).getByText('DESCRIBE TABLE raw.orders'),
    ).toBeInTheDocument();
    expect(
      within(drawer).getByText('SQL error, but the column existed last week'),
    ).toBeInTheDocument();
    expect(
      within(drawer).getByTestId('incident-drawer-status'),
    ).toHaveTextContent('Open');

    fireEvent.click(
      within(drawer).getByRole('button', { name: 'Acknowledge' }),
    );
    await waitFor(() =>
      expect(api.updateIncident).toHaveBeenCalledWith('inc-1', {
        action: 'acknowledge',
      }),
    );
    await waitFor(() =>
      expect(
        within(drawer).getByTestId('incident-drawer-status'),
      ).toHaveTextContent('Acknowledged'),
    );
    expect(
      within(drawer).queryByRole('button', { name: 'Acknowledge' }),
    ).not.toBeInTheDocument();
  });

  it('overrides the category with a required reason', async () => {
    const api = createFakeApi();
    await renderWithApi(<EntityPipelineTriageContent />, api, pipelineEntity);
    fireEvent.click(
      await screen.findByText(
        'orders_daily failed: column customer_id not found',
      ),
    );
    const drawer = await screen.findByRole('dialog', {
      name: 'Incident inc-1',
    });
    fireEvent.click(
      await within(drawer).findByRole('button', { name: 'Override category' }),
    );

    const dialog = await screen.findByRole('dialog', {
      name: 'Override category',
    });
    const submit = within(dialog).getByRole('button', { name: 'Override' });
    fireEvent.change(within(dialog).getByLabelText('Category'), {
      target: { value: 'permission' },
    });
    expect(submit).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Reason'), {
      target: { value: 'The grant was revoked' },
    });
    fireEvent.click(submit);
    await waitFor(() =>
      expect(api.updateIncident).toHaveBeenCalledWith('inc-1', {
        action: 'override',
        category: 'permission',
        reason: 'The grant was revoked',
      }),
    );
  });

  it('explains which annotations to add on an unannotated entity without incidents', async () => {
    const api = createFakeApi({ listIncidents: async () => ({ items: [] }) });
    await renderWithApi(<EntityPipelineTriageContent />, api, plainEntity);
    expect(
      await screen.findByText('This entity is not linked to any pipeline'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/pipeline-triage\.io\/airflow-dag-id/).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText('Read more about annotations').closest('a'),
    ).toHaveAttribute('href', expect.stringContaining('annotations'));
  });

  it('offers an unlinked entity the failed names that may be its own, with the annotation that links each', async () => {
    const snippet =
      'metadata:\n  annotations:\n    pipeline-triage.io/openlineage-job: "airflow-prod/website_build"\n';
    const api = createFakeApi({
      listIncidents: async () => ({ items: [] }),
      listUnlinked: async () => ({
        items: [
          {
            kind: 'job',
            name: 'airflow-prod/website_build',
            count: 3,
            firstSeen: '2026-01-01T00:00:00Z',
            lastSeen: '2026-01-02T00:00:00Z',
            candidates: [{ entityRef: 'component:default/website' }],
            snippet,
          },
        ],
      }),
    });
    await renderWithApi(<EntityPipelineTriageContent />, api, plainEntity);
    expect(
      await screen.findByText('Failures that may belong to this entity'),
    ).toBeInTheDocument();
    expect(screen.getByText('airflow-prod/website_build')).toBeInTheDocument();
    // The highlighter splits the YAML into spans: read the card's text.
    const card = screen
      .getByText('Failures that may belong to this entity')
      .closest('.MuiCard-root')!;
    expect(card.textContent).toContain(
      'pipeline-triage.io/openlineage-job: "airflow-prod/website_build"',
    );
    expect(api.listUnlinked).toHaveBeenCalledWith({
      entityRef: 'component:default/website',
      limit: 5,
    });
    // The generic explanation stays below.
    expect(
      screen.getByText('This entity is not linked to any pipeline'),
    ).toBeInTheDocument();
  });

  it('shows only the generic explanation when the caller may not list unlinked names', async () => {
    const api = createFakeApi({
      listIncidents: async () => ({ items: [] }),
      listUnlinked: async () => Promise.reject(new Error('403')),
    });
    await renderWithApi(<EntityPipelineTriageContent />, api, plainEntity);
    expect(
      await screen.findByText('This entity is not linked to any pipeline'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Failures that may belong to this entity'),
    ).not.toBeInTheDocument();
  });

  it('says no failures were recorded for a linked entity without incidents', async () => {
    const api = createFakeApi({ listIncidents: async () => ({ items: [] }) });
    await renderWithApi(<EntityPipelineTriageContent />, api, pipelineEntity);
    expect(
      await screen.findByText('No failures recorded.'),
    ).toBeInTheDocument();
  });

  it("shows the backend's error message", async () => {
    const error = Object.assign(
      new Error('Request failed with 403 Forbidden'),
      {
        name: 'ResponseError',
        cause: {
          name: 'NotAllowedError',
          message: 'You may not read these incidents',
        },
        body: {
          error: {
            name: 'NotAllowedError',
            message: 'You may not read these incidents',
          },
          response: { statusCode: 403 },
        },
      },
    );
    const api = createFakeApi({
      listIncidents: async () => Promise.reject(error),
    });
    await renderWithApi(<EntityPipelineTriageContent />, api, pipelineEntity);
    expect(
      await screen.findByText(
        /Could not load incidents: You may not read these incidents/,
      ),
    ).toBeInTheDocument();
  });

  it('shows a team what was routed to it and what it owns', async () => {
    const api = createFakeApi();
    await renderWithApi(<EntityPipelineTriageContent />, api, groupEntity);
    expect(await screen.findByText('Routed to this team')).toBeInTheDocument();
    expect(
      screen.getByText('Incidents of entities this team owns'),
    ).toBeInTheDocument();
    await waitFor(() => {
      expect(api.listIncidents).toHaveBeenCalledWith(
        expect.objectContaining({
          routedTo: 'group:default/data-platform',
          status: ['open', 'acknowledged'],
        }),
      );
      expect(api.listIncidents).toHaveBeenCalledWith(
        expect.objectContaining({ owner: 'group:default/data-platform' }),
      );
    });
    expect(api.getStatus).not.toHaveBeenCalled();
    // Every row of the routed list names this team, so only the owned list has the column.
    await waitFor(() =>
      expect(
        screen.getAllByRole('columnheader', { name: 'Routed to' }),
      ).toHaveLength(1),
    );
  });
});

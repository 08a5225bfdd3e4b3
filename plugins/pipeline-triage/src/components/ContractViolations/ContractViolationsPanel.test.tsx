import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { makeViolation } from '../../__testUtils__/fixtures';
import {
  contractEntity,
  groupEntity,
  pipelineEntity,
  tableEntity,
} from '../../__testUtils__/entities';
import { renderWithApi } from '../../__testUtils__/render';
import { EntityPipelineTriageContent } from '../EntityTab';
import { ContractViolationsPanel } from './ContractViolationsPanel';

describe('ContractViolationsPanel', () => {
  it('shows a table its violations per clause, observed against expected, with links to the clause and the incident', async () => {
    const api = createFakeApi();
    await renderWithApi(<ContractViolationsPanel />, api, tableEntity);

    const violations = await screen.findByRole('table', {
      name: 'Contract violations',
    });
    const row = within(violations).getByTestId('violation-row');
    expect(row).toHaveTextContent('Missing required column');
    expect(row).toHaveTextContent('column currency_code');
    expect(row).toHaveTextContent('absent from the schema the run reported');
    expect(row).toHaveTextContent('required column currency_code (string)');
    expect(row).toHaveTextContent('2×');
    expect(
      within(row).getByText('checkout-orders').closest('a'),
    ).toHaveAttribute('href', '/catalog/default/api/checkout-orders');
    expect(within(row).getByTestId('violation-clause')).toHaveTextContent(
      'schema[0].properties[5] · line 61',
    );
    expect(
      within(row).getByTestId('violation-clause').closest('a'),
    ).toHaveAttribute(
      'href',
      '/catalog/default/api/checkout-orders/pipeline-triage#contract-L61',
    );
    expect(api.listContractViolations).toHaveBeenCalledWith({
      entityRef: 'resource:default/raw-orders',
    });
    // On the table's own page the table column would repeat the page.
    expect(
      within(violations).queryByRole('columnheader', { name: 'Table' }),
    ).not.toBeInTheDocument();

    // Observed drift is its own card, marked as drift rather than as a broken contract.
    const drift = screen.getByRole('table', { name: 'Observed schema drift' });
    expect(within(drift).getByTestId('drift-row')).toHaveTextContent(
      'Observed drift',
    );
    expect(within(drift).getByTestId('drift-row')).toHaveTextContent(
      'Type changed',
    );
    expect(within(drift).getByText('Previously seen')).toBeInTheDocument();
    expect(screen.getByText(/Not a contract violation/)).toBeInTheDocument();
    expect(
      within(drift).queryByText('Contract clause'),
    ).not.toBeInTheDocument();

    fireEvent.click(
      within(row).getByRole('button', { name: 'Open incident inc-1' }),
    );
    expect(
      await screen.findByRole('dialog', { name: 'Incident inc-1' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(api.getIncident).toHaveBeenCalledWith('inc-1'));
  });

  it('shows a finding a contract test run reported beside the incidents, marked as a test run', async () => {
    const api = createFakeApi({
      listContractViolations: async () => ({
        items: [
          makeViolation(),
          makeViolation({
            kind: 'quality',
            clause: 'duplicate_values',
            column: 'order_id',
            observed: 'Value(s) not unique: 3',
            expected:
              'Check that unique field order_id has no duplicate values',
            lastIncidentId: undefined,
            lastTestRunId: '5d0c2f9e-8a41-4e39-9b0f-0c6a1f2b7e55',
          }),
        ],
      }),
    });
    await renderWithApi(<ContractViolationsPanel />, api, tableEntity);
    const rows = await screen.findAllByTestId('violation-row');
    expect(rows).toHaveLength(2);
    const fromTest = rows.find(r =>
      r.textContent?.includes('Value(s) not unique: 3'),
    )!;
    expect(fromTest).toHaveTextContent('column order_id');
    expect(within(fromTest).getByTestId('violation-test-run')).toHaveAttribute(
      'title',
      'datacontract test run 5d0c2f9e-8a41-4e39-9b0f-0c6a1f2b7e55',
    );
    expect(within(fromTest).queryByRole('button')).not.toBeInTheDocument();
  });

  it("shows a valid contract's state and its definition with the violated line marked", async () => {
    const api = createFakeApi({ listSchemaDrift: jest.fn() });
    await renderWithApi(<ContractViolationsPanel />, api, contractEntity);
    expect(await screen.findByTestId('contract-state')).toHaveTextContent(
      'Checkout orders v2.1.0 · ODCS-3.1 · active',
    );
    expect(screen.getByTestId('contract-state')).toHaveTextContent(
      'Owners: checkout-producers (kenji.watanabe)',
    );
    expect(screen.getByTestId('contract-state')).toHaveTextContent(
      'SLA: latency 1h 0m',
    );
    expect(api.getContract).toHaveBeenCalledWith('api:default/checkout-orders');
    expect(api.listSchemaDrift).not.toHaveBeenCalled();

    await screen.findByTestId('violation-row');
    fireEvent.click(
      screen.getByRole('button', { name: 'Show definition (70 lines)' }),
    );
    const definition = screen.getByTestId('contract-definition');
    expect(definition.querySelector('#contract-L61')).toHaveTextContent(
      '- name: currency_code',
    );
    expect(
      (definition.querySelector('#contract-L61') as HTMLElement).style
        .background,
    ).not.toBe('');
    expect(
      (definition.querySelector('#contract-L60') as HTMLElement).style
        .background,
    ).toBe('');
  });

  it('lists every problem of an invalid contract with its path and line', async () => {
    const api = createFakeApi({
      listContractViolations: async () => ({ items: [] }),
      getContract: async entityRef => ({
        entityRef,
        valid: false,
        problems: [
          {
            path: 'schema[0].properties[2].logicalType',
            line: 31,
            message: 'must be one of string, integer, number, ...',
          },
          { path: 'apiVersion', message: 'is required' },
        ],
      }),
    });
    await renderWithApi(<ContractViolationsPanel />, api, contractEntity);
    const problems = await screen.findByTestId('contract-problems');
    expect(problems).toHaveTextContent('This contract is invalid');
    expect(problems).toHaveTextContent(
      'schema[0].properties[2].logicalType (line 31): must be one of string, integer, number, ...',
    );
    expect(problems).toHaveTextContent('apiVersion: is required');
    expect(
      screen.getByText('No contract violations recorded.'),
    ).toBeInTheDocument();
  });

  it('asks for the findings of a pipeline and a team, and hides the drift card when there is none', async () => {
    const api = createFakeApi({ listSchemaDrift: async () => ({ items: [] }) });
    await renderWithApi(<ContractViolationsPanel />, api, pipelineEntity);
    await screen.findByTestId('violation-row');
    expect(api.listContractViolations).toHaveBeenCalledWith({
      entityRef: 'component:default/orders-daily',
    });
    expect(
      screen.queryByRole('table', { name: 'Observed schema drift' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Contract definition')).not.toBeInTheDocument();
    expect(api.getContract).not.toHaveBeenCalled();

    const team = createFakeApi({
      listContractViolations: async () => ({
        items: [makeViolation({ clause: 'latency', kind: 'freshness' })],
      }),
    });
    await renderWithApi(<ContractViolationsPanel />, team, groupEntity);
    expect(await screen.findByText('Late data (SLA)')).toBeInTheDocument();
    expect(team.listContractViolations).toHaveBeenCalledWith({
      entityRef: 'group:default/data-platform',
    });
  });

  it('shows the newest clauses first and the rest on request', async () => {
    const items = Array.from({ length: 11 }, (_, i) =>
      makeViolation({ column: `col_${i}`, path: `schema[0].properties[${i}]` }),
    );
    const api = createFakeApi({
      listContractViolations: async () => ({ items }),
    });
    await renderWithApi(<ContractViolationsPanel />, api, pipelineEntity);
    expect(await screen.findAllByTestId('violation-row')).toHaveLength(8);
    expect(
      screen.getAllByRole('columnheader', { name: 'Table' }).length,
    ).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 11' }));
    expect(screen.getAllByTestId('violation-row')).toHaveLength(11);
  });

  it("shows the backend's message when violations cannot be loaded", async () => {
    const error = Object.assign(new Error('Request failed with 400'), {
      name: 'ResponseError',
      cause: {
        name: 'InputError',
        message: 'entityRef: expected an entity ref',
      },
      body: {
        error: {
          name: 'InputError',
          message: 'entityRef: expected an entity ref',
        },
        response: { statusCode: 400 },
      },
    });
    const api = createFakeApi({
      listContractViolations: async () => Promise.reject(error),
    });
    await renderWithApi(<ContractViolationsPanel />, api, tableEntity);
    expect(
      await screen.findByText(
        /Could not load contract violations: entityRef: expected an entity ref/,
      ),
    ).toBeInTheDocument();
  });

  it('is part of the entity tab, and a contract without incidents still shows its definition', async () => {
    const api = createFakeApi({ listIncidents: async () => ({ items: [] }) });
    await renderWithApi(<EntityPipelineTriageContent />, api, contractEntity);
    expect(await screen.findByText('Contract definition')).toBeInTheDocument();
    expect(
      screen.queryByText('This entity is not linked to any pipeline'),
    ).not.toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Contract violations' }),
    ).toBeInTheDocument();
  });
});

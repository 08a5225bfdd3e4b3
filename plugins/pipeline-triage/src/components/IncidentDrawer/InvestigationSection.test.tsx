import { WORD_MODEL_RULE } from '@pipeline-triage/plugin-pipeline-triage-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Investigation } from '@pipeline-triage/plugin-pipeline-triage-common';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { makeDetail } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { InvestigationSection } from './InvestigationSection';
import { IncidentDrawer } from './IncidentDrawer';

const result: Investigation['result'] = {
  hypotheses: [
    {
      title: 'Executor heap too small',
      category: 'resource_exhaustion',
      likelihood: 0.8,
      evidenceFor: ['L12'],
      evidenceAgainst: [],
      status: 'confirmed',
      reason: 'OutOfMemoryError in the executor',
    },
    {
      title: 'Skewed join key',
      category: 'data_skew',
      likelihood: 0.15,
      evidenceFor: [],
      evidenceAgainst: ['S2'],
      status: 'dismissed',
      reason: 'task durations are even',
    },
    {
      title: 'Cluster node lost',
      category: 'infrastructure',
      likelihood: 0.05,
      evidenceFor: [],
      evidenceAgainst: ['L3'],
      status: 'dismissed',
      reason: 'no executor loss reported',
    },
  ],
  rootCause: {
    summary: 'java.lang.OutOfMemoryError: Java heap space in stage 4',
    confidence: 0.82,
  },
  category: 'resource_exhaustion',
  safeToRetry: false,
  remediation: {
    immediateFix: 'Rerun with 8g executors',
    change: 'spark.executor.memory=8g',
    prevention: 'Repartition before the join',
    monitoring: 'Alert on spill above 10 GB',
  },
};

const investigation = (
  overrides: Partial<Investigation> = {},
): Investigation => ({
  id: 'inv-1',
  incidentId: 'inc-1',
  status: 'completed',
  source: 'model',
  trigger: 'user',
  model: 'claude-sonnet-5',
  startedAt: '2026-01-10T09:00:00Z',
  finishedAt: '2026-01-10T09:00:20Z',
  result,
  steps: [],
  ...overrides,
});

describe('InvestigationSection', () => {
  it('starts an investigation and shows its live steps', async () => {
    let calls = 0;
    const api = createFakeApi({
      listInvestigations: async () =>
        calls++ === 0
          ? []
          : [
              investigation({
                status: 'running',
                result: undefined,
                steps: [
                  {
                    seq: 1,
                    kind: 'context',
                    at: '2026-01-10T09:00:01Z',
                    data: { evidenceLines: 4 },
                  },
                  {
                    seq: 2,
                    kind: 'hypothesis',
                    at: '2026-01-10T09:00:02Z',
                    data: result!.hypotheses[0] as any,
                  },
                ],
              }),
            ],
    });
    await renderWithApi(
      <InvestigationSection incidentId="inc-1" onAccepted={() => {}} />,
      api,
    );
    expect(
      await screen.findByText('Not investigated yet.'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Investigate' }));
    await waitFor(() => expect(api.investigate).toHaveBeenCalledWith('inc-1'));
    const steps = await screen.findByRole('list', {
      name: 'Investigation steps',
    });
    expect(within(steps).getByText('Context gathered')).toBeInTheDocument();
    expect(
      within(steps).getByText('Executor heap too small'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Investigate' })).toBeDisabled();
  });

  it('shows hypotheses with likelihood bars, dismissed ones with reasons, root cause and remediation, labelled model', async () => {
    const api = createFakeApi({
      listInvestigations: async () => [investigation()],
    });
    await renderWithApi(
      <InvestigationSection incidentId="inc-1" onAccepted={() => {}} />,
      api,
    );
    expect(
      await screen.findByText('Model · claude-sonnet-5'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Likelihood 80%' }),
    ).toHaveAttribute('aria-valuenow', '80');
    const dismissed = screen.getByRole('group', {
      name: 'Dismissed hypotheses',
    });
    expect(within(dismissed).getByText('Skewed join key')).toBeInTheDocument();
    expect(
      within(dismissed).getByText(/task durations are even/),
    ).toBeInTheDocument();
    expect(
      within(dismissed).queryByText('Executor heap too small'),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Root cause' })).toHaveTextContent(
      '82% confident',
    );
    expect(
      screen.getByRole('group', { name: 'Remediation' }),
    ).toHaveTextContent('spark.executor.memory=8g');
  });

  it('labels a rule-based investigation and says when the model was unavailable', async () => {
    const api = createFakeApi({
      listInvestigations: async () => [
        investigation({
          source: 'rule-based',
          model: undefined,
          modelUnavailable: 'The model was unavailable (rate_limited)',
        }),
      ],
    });
    await renderWithApi(
      <InvestigationSection incidentId="inc-1" onAccepted={() => {}} />,
      api,
    );
    expect(await screen.findByText('Rule-based')).toBeInTheDocument();
    expect(
      screen.getByText('The model was unavailable (rate_limited)'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Model/)).not.toBeInTheDocument();
  });

  it('accepts a pending suggestion', async () => {
    const accepted = makeDetail({
      id: 'inc-1',
      category: 'resource_exhaustion',
    });
    const onAccepted = jest.fn();
    const api = createFakeApi({
      listInvestigations: async () => [
        investigation({
          suggestion: {
            category: 'resource_exhaustion',
            confidence: 0.82,
            status: 'pending',
            reason: 'rules were unsure',
          },
        }),
      ],
      acceptSuggestion: async () => accepted,
    });
    await renderWithApi(
      <InvestigationSection incidentId="inc-1" onAccepted={onAccepted} />,
      api,
    );
    expect(await screen.findByText(/awaiting acceptance/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(onAccepted).toHaveBeenCalledWith(accepted));
    expect(api.acceptSuggestion).toHaveBeenCalledWith('inc-1', 'inv-1');
  });

  it('shows why Investigate was refused', async () => {
    const api = createFakeApi({
      investigate: async () => {
        throw new Error(
          'Investigation inv-0 is already running for incident inc-1',
        );
      },
    });
    await renderWithApi(
      <InvestigationSection incidentId="inc-1" onAccepted={() => {}} />,
      api,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Investigate' }));
    expect(
      await screen.findByText(
        'Investigation inv-0 is already running for incident inc-1',
      ),
    ).toBeInTheDocument();
  });

  it('attaches pasted evidence and reports the re-classification', async () => {
    const onReclassified = jest.fn();
    const api = createFakeApi();
    await renderWithApi(
      <InvestigationSection
        incidentId="inc-1"
        onAccepted={() => {}}
        onReclassified={onReclassified}
      />,
      api,
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Attach evidence' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Attach evidence',
    });
    expect(
      within(dialog).getByRole('button', { name: 'Attach' }),
    ).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText('Name'), {
      target: { value: 'executor.log' },
    });
    fireEvent.change(within(dialog).getByLabelText('Pasted text'), {
      target: { value: 'java.lang.OutOfMemoryError' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Attach' }));
    await waitFor(() =>
      expect(api.attachEvidence).toHaveBeenCalledWith('inc-1', {
        kind: 'log',
        name: 'executor.log',
        text: 'java.lang.OutOfMemoryError',
      }),
    );
    expect(
      await screen.findByText(
        /re-classified from unknown to resource_exhaustion/,
      ),
    ).toBeInTheDocument();
    expect(onReclassified).toHaveBeenCalled();
  });

  it('keeps the dialog open with the error naming the field', async () => {
    const api = createFakeApi({
      attachEvidence: async () => {
        throw new Error('file: extension ".exe" is not allowed');
      },
    });
    await renderWithApi(
      <InvestigationSection incidentId="inc-1" onAccepted={() => {}} />,
      api,
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Attach evidence' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Attach evidence',
    });
    const file = new File(['MZ'], 'tool.exe', {
      type: 'application/octet-stream',
    });
    fireEvent.change(within(dialog).getByLabelText('File'), {
      target: { files: [file] },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Attach' }));
    expect(
      await within(dialog).findByText('file: extension ".exe" is not allowed'),
    ).toBeInTheDocument();
    expect(api.attachEvidence).toHaveBeenCalledWith('inc-1', {
      kind: 'log',
      file,
    });
  });

  it('marks a model-derived category in the drawer header', async () => {
    const base = makeDetail({ id: 'inc-1' });
    const api = createFakeApi({
      getIncident: async () => ({
        ...base,
        verdict: {
          ...base.verdict,
          classification: { ...base.verdict.classification, source: 'model' },
        },
      }),
    });
    await renderWithApi(
      <IncidentDrawer incidentId="inc-1" onClose={() => {}} />,
      api,
    );
    expect(await screen.findByText('model-derived')).toBeInTheDocument();
  });

  it('marks a word-model lead in the drawer header', async () => {
    const base = makeDetail({ id: 'inc-1' });
    const api = createFakeApi({
      getIncident: async () => ({
        ...base,
        verdict: {
          ...base.verdict,
          classification: {
            ...base.verdict.classification,
            rules: [WORD_MODEL_RULE],
          },
        },
      }),
    });
    await renderWithApi(
      <IncidentDrawer incidentId="inc-1" onClose={() => {}} />,
      api,
    );
    expect(await screen.findByText('lead, not a finding')).toBeInTheDocument();
  });

  it('is part of the incident drawer', async () => {
    const api = createFakeApi({
      listInvestigations: async () => [investigation()],
    });
    await renderWithApi(
      <IncidentDrawer incidentId="inc-1" onClose={() => {}} />,
      api,
    );
    const section = await screen.findByRole('region', {
      name: 'Investigation',
    });
    expect(
      await within(section).findByText('Executor heap too small'),
    ).toBeInTheDocument();
    expect(screen.queryByText('model-derived')).not.toBeInTheDocument();
    expect(screen.queryByText('lead, not a finding')).not.toBeInTheDocument();
  });
});

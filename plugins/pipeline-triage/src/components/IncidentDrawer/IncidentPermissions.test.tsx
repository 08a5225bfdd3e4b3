import { screen, waitFor } from '@testing-library/react';
import {
  AuthorizeResult,
  isResourcePermission,
  type EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import {
  incidentInvestigatePermission,
  incidentUpdatePermission,
  type Investigation,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { makeDetail } from '../../__testUtils__/fixtures';
import { renderWithApi, type Authorize } from '../../__testUtils__/render';
import { IncidentDrawer } from './IncidentDrawer';

// The drawer's first render (MUI, markdown, charts) is slow on a loaded 2-core machine.
jest.setTimeout(30_000);

/*
 * The drawer asks the permission framework before it shows an action: Acknowledge, Resolve,
 * Reopen, Override, Attach evidence and Accept need update on the incident; Investigate needs
 * investigate. The fake permission API answers ALLOW or DENY per request, as the backend would.
 */
const ACTIONS = [
  'Acknowledge',
  'Resolve',
  'Override category',
  'Attach evidence',
  'Accept',
  'Investigate',
];

const pending: Investigation = {
  id: 'inv-1',
  incidentId: 'set per render',
  status: 'completed',
  source: 'model',
  trigger: 'user',
  startedAt: '2026-01-10T09:00:00Z',
  steps: [],
  suggestion: {
    category: 'resource_exhaustion',
    confidence: 0.82,
    status: 'pending',
    reason: 'rules were unsure',
  },
};

let renders = 0;

/**
 * Renders the drawer of an open incident with a pending suggestion; records every permission
 * request. Each render is a new incident: usePermission caches decisions per resource.
 */
async function renderDrawer(
  decide: (name: string) => boolean,
  status: 'open' | 'resolved' = 'open',
) {
  const incidentId = `inc-perm-${++renders}`;
  const asked: EvaluatePermissionRequest[] = [];
  const authorize: Authorize = request => {
    asked.push(request);
    return decide(request.permission.name)
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  };
  const api = createFakeApi({
    getIncident: async id => makeDetail({ id, status }),
    listInvestigations: async () => [{ ...pending, incidentId }],
  });
  await renderWithApi(
    <IncidentDrawer incidentId={incidentId} onClose={() => {}} />,
    api,
    undefined,
    authorize,
  );
  // The drawer has loaded (header, report actions, the suggestion).
  await screen.findByRole('button', { name: 'Copy report' });
  await screen.findByText(/awaiting acceptance/);
  // Both questions were asked (and, with this fake, answered at once).
  await waitFor(() =>
    expect(new Set(asked.map(r => r.permission.name))).toEqual(
      new Set([
        incidentUpdatePermission.name,
        incidentInvestigatePermission.name,
      ]),
    ),
  );
  return { asked, incidentId };
}

const shown = (name: string) => screen.queryByRole('button', { name }) !== null;

describe('incident actions and the permission framework', () => {
  it('shows every action when the policy allows update and investigate, asking about this incident', async () => {
    const { asked, incidentId } = await renderDrawer(() => true);
    for (const name of ACTIONS)
      expect(await screen.findByRole('button', { name })).toBeInTheDocument();
    expect(asked.length).toBeGreaterThan(0);
    for (const request of asked) {
      expect(isResourcePermission(request.permission)).toBe(true);
      expect(request).toMatchObject({ resourceRef: incidentId });
    }
    expect(new Set(asked.map(r => r.permission.name))).toEqual(
      new Set([
        incidentUpdatePermission.name,
        incidentInvestigatePermission.name,
      ]),
    );
  });

  it('shows no action when the policy denies both; the incident and its report stay readable', async () => {
    await renderDrawer(() => false);
    expect(ACTIONS.filter(shown)).toEqual([]);
    expect(
      screen.getByRole('button', { name: 'Copy report' }),
    ).toBeInTheDocument();
  });

  it('shows Investigate but no change when only investigate is allowed', async () => {
    await renderDrawer(name => name === incidentInvestigatePermission.name);
    expect(
      await screen.findByRole('button', { name: 'Investigate' }),
    ).toBeInTheDocument();
    expect(ACTIONS.filter(shown)).toEqual(['Investigate']);
  });

  it('shows the changes but not Investigate when only update is allowed', async () => {
    await renderDrawer(name => name === incidentUpdatePermission.name);
    expect(
      await screen.findByRole('button', { name: 'Resolve' }),
    ).toBeInTheDocument();
    expect(ACTIONS.filter(shown)).toEqual([
      'Acknowledge',
      'Resolve',
      'Override category',
      'Attach evidence',
      'Accept',
    ]);
  });

  it('offers Reopen on a resolved incident only when update is allowed', async () => {
    await renderDrawer(() => true, 'resolved');
    expect(
      await screen.findByRole('button', { name: 'Reopen' }),
    ).toBeInTheDocument();
  });

  it('hides Reopen from a user who may not update', async () => {
    await renderDrawer(() => false, 'resolved');
    expect(shown('Reopen')).toBe(false);
  });
});

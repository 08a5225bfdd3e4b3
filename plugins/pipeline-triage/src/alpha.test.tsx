import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import {
  contractEntity,
  groupEntity,
  pipelineEntity,
  plainEntity,
  tableEntity,
} from './__testUtils__/entities';
import { createFakeApi } from './__testUtils__/fakeApi';
import { pipelineTriageApiRef } from './api';
import plugin, {
  pipelineTriageEntityCard,
  pipelineTriageEntityContent,
  pipelineTriagePage,
} from './alpha';

const served = [pipelineEntity, tableEntity, contractEntity, groupEntity];

describe('pipeline-triage alpha plugin', () => {
  it('is a frontend plugin with the pipeline-triage id and the extension ids the README documents', () => {
    expect(plugin.id).toBe('pipeline-triage');
    const ids = [
      'api:pipeline-triage',
      'page:pipeline-triage',
      'entity-content:pipeline-triage',
      'entity-card:pipeline-triage',
    ];
    for (const id of ids) expect(plugin.getExtension(id as any)).toBeDefined();
  });

  it('puts the tab in the observability group, with an icon, only on entities the plugin serves', () => {
    const tester = createExtensionTester(pipelineTriageEntityContent);
    expect(tester.get(EntityContentBlueprint.dataRefs.group)).toBe(
      'observability',
    );
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Pipeline Triage',
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('pipeline-triage');
    expect(tester.get(EntityContentBlueprint.dataRefs.icon)).toBeTruthy();
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(served.map(filter)).toEqual([true, true, true, true]);
    expect(filter(plainEntity)).toBe(false);
  });

  it('shows the card on the same entities', () => {
    const filter = createExtensionTester(pipelineTriageEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(served.map(filter)).toEqual([true, true, true, true]);
    expect(filter(plainEntity)).toBe(false);
  });

  it('renders the page with one header, its own', async () => {
    const api = createFakeApi();
    const tester = createExtensionTester(pipelineTriagePage, {
      apis: [[pipelineTriageApiRef, api]],
    });
    renderInTestApp(tester.reactElement(), {
      apis: [[pipelineTriageApiRef, api]],
    });
    expect(
      await screen.findByText(
        'Across the organization',
        {},
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Pipeline Triage')).toHaveLength(1);
    expect(screen.getAllByRole('banner')).toHaveLength(1);
  }, 30_000);
});

import {
  EntityPipelineTriageCard,
  EntityPipelineTriageContent,
  PipelineTriagePage,
  pipelineTriagePlugin,
} from './index';

describe('pipeline-triage plugin', () => {
  it('exports the plugin and the extensions the app mounts', () => {
    expect(pipelineTriagePlugin.getId()).toBe('pipeline-triage');
    expect(PipelineTriagePage).toBeDefined();
    expect(EntityPipelineTriageContent).toBeDefined();
    expect(EntityPipelineTriageCard).toBeDefined();
  });
});

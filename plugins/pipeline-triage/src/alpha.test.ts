import plugin from './alpha';

describe('pipeline-triage alpha plugin', () => {
  it('is a frontend plugin with the pipeline-triage id', () => {
    expect(plugin.id).toBe('pipeline-triage');
  });
});

import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@pipeline-triage/plugin-pipeline-triage-common';
import {
  contractEntity,
  groupEntity,
  pipelineEntity,
  plainEntity,
  tableEntity,
} from './__testUtils__/entities';
import { isPipelineTriageAvailable } from './isPipelineTriageAvailable';

function entity(
  kind: string,
  type: string | undefined,
  annotations?: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name: 'x',
      namespace: 'default',
      ...(annotations ? { annotations } : {}),
    },
    spec: type === undefined ? {} : { type },
  };
}

describe('isPipelineTriageAvailable', () => {
  it.each([
    ['a pipeline', pipelineEntity],
    ['a table', tableEntity],
    ['a contract', contractEntity],
    ['a team', groupEntity],
    ['a pipeline by type alone', entity('Component', 'data-pipeline')],
    ['a table by type alone', entity('Resource', 'table')],
    [
      'a service whose host names failures mention',
      entity('Component', 'service', { [ANNOTATIONS.hosts]: 'fx.acme' }),
    ],
    [
      'a job of another type linked by its OpenLineage name',
      entity('Component', 'batch', { [ANNOTATIONS.openlineageJob]: 'ns/job' }),
    ],
    [
      'an organization with a runbook',
      entity('Group', 'organization', {
        [ANNOTATIONS.runbookUrl]: 'https://runbooks',
      }),
    ],
  ])('accepts %s', (_, e) => {
    expect(isPipelineTriageAvailable(e)).toBe(true);
  });

  it.each([
    ['a plain Component', plainEntity],
    ['a plain API', entity('API', 'openapi')],
    ['a Group that is no team', entity('Group', 'organization')],
    ['a Group without a type', entity('Group', undefined)],
    ['a plain Resource', entity('Resource', 'database')],
    ['a User', entity('User', undefined)],
    [
      'a Component of a served type of another kind',
      entity('Component', 'table'),
    ],
    [
      'an entity with only foreign annotations',
      entity('Component', 'service', { 'backstage.io/techdocs-ref': 'dir:.' }),
    ],
    [
      'an entity with an empty plugin annotation',
      entity('Component', 'service', { [ANNOTATIONS.hosts]: ' ' }),
    ],
  ])('refuses %s', (_, e) => {
    expect(isPipelineTriageAvailable(e)).toBe(false);
  });
});

import {
  groupEntity,
  pipelineEntity,
  plainEntity,
} from '../../__testUtils__/entities';
import {
  entityScopes,
  hasLinkingAnnotation,
  trendsScope,
} from './entityScopes';

describe('entityScopes', () => {
  it('splits a group into routed-to and owned incidents', () => {
    expect(entityScopes(groupEntity)).toEqual([
      {
        title: 'Routed to this team',
        query: { routedTo: 'group:default/data-platform' },
        openFirst: true,
      },
      {
        title: 'Incidents of entities this team owns',
        query: { owner: 'group:default/data-platform' },
      },
    ]);
    expect(trendsScope(groupEntity)).toEqual({
      owner: 'group:default/data-platform',
    });
  });

  it('filters other kinds by their own ref', () => {
    expect(entityScopes(pipelineEntity)).toEqual([
      {
        title: 'Triage history',
        query: { entityRef: 'component:default/orders-daily' },
      },
    ]);
  });

  it('knows which entities carry a linking annotation', () => {
    expect(hasLinkingAnnotation(pipelineEntity)).toBe(true);
    expect(hasLinkingAnnotation(plainEntity)).toBe(false);
  });
});

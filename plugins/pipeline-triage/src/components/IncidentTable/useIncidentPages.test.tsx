import { ReactNode } from 'react';
import { renderHook, waitFor, act } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { pipelineTriageApiRef } from '../../api';
import { createFakeApi } from '../../__testUtils__/fakeApi';
import { makeSummary } from '../../__testUtils__/fixtures';
import { useIncidentPages } from './useIncidentPages';

describe('useIncidentPages', () => {
  it('pages open incidents before resolved ones when asked to', async () => {
    const api = createFakeApi({
      listIncidents: async q => {
        if (q.status?.includes('open')) {
          return q.cursor
            ? { items: [makeSummary({ id: 'open-2' })] }
            : { items: [makeSummary({ id: 'open-1' })], nextCursor: 'o2' };
        }
        return {
          items: [makeSummary({ id: 'resolved-1', status: 'resolved' })],
        };
      },
    });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[pipelineTriageApiRef, api]]}>
        {children}
      </TestApiProvider>
    );
    const { result } = renderHook(
      () =>
        useIncidentPages(
          { routedTo: 'group:default/t' },
          { openFirst: true, pageSize: 2 },
        ),
      { wrapper },
    );

    await waitFor(() =>
      expect(result.current.items.map(i => i.id)).toEqual(['open-1']),
    );
    expect(result.current.hasMore).toBe(true);
    act(() => result.current.loadMore());
    // The open phase runs out after open-2, so the same page continues with resolved incidents.
    await waitFor(() =>
      expect(result.current.items.map(i => i.id)).toEqual([
        'open-1',
        'open-2',
        'resolved-1',
      ]),
    );
    expect(result.current.hasMore).toBe(false);
    expect(
      api.listIncidents.mock.calls.map(([q]) => [q.status, q.cursor, q.limit]),
    ).toEqual([
      [['open', 'acknowledged'], undefined, 2],
      [['open', 'acknowledged'], 'o2', 2],
      [['resolved'], undefined, 1],
    ]);
  });
});

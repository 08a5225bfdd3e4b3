import { PipelineTriageClient } from './PipelineTriageClient';
import { errorMessage } from '../components/shared';

function setup(status: number, body: unknown) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => ({
    ok: status < 300,
    status,
    statusText: status === 409 ? 'Conflict' : 'OK',
    url: 'http://backend/api/pipeline-triage',
    headers: {
      get: (n: string) =>
        n.toLowerCase() === 'content-type' ? 'application/json' : null,
    },
    text: async () => JSON.stringify(body),
    json: async () => body,
  }));
  const client = new PipelineTriageClient({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://backend/api/${id}`,
    },
    fetchApi: { fetch: fetch as any },
  });
  return { client, fetch };
}

describe('PipelineTriageClient investigations', () => {
  it('starts an investigation with a POST', async () => {
    const { client, fetch } = setup(202, { id: 'inv-1', incidentId: 'inc 1' });
    expect(await client.investigate('inc 1')).toMatchObject({ id: 'inv-1' });
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/pipeline-triage/v1/incidents/inc%201/investigate',
    );
    expect(fetch.mock.calls[0][1]).toMatchObject({ method: 'POST' });
  });

  it('lists investigations from the items of the page', async () => {
    const { client, fetch } = setup(200, { items: [{ id: 'inv-1' }] });
    expect(await client.listInvestigations('inc-1')).toEqual([{ id: 'inv-1' }]);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/pipeline-triage/v1/incidents/inc-1/investigations',
    );
  });

  it('accepts a suggestion', async () => {
    const { client, fetch } = setup(200, {
      id: 'inc-1',
      category: 'permission',
    });
    expect(await client.acceptSuggestion('inc-1', 'inv-1')).toMatchObject({
      category: 'permission',
    });
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/pipeline-triage/v1/incidents/inc-1/investigations/inv-1/accept',
    );
    expect(fetch.mock.calls[0][1]).toMatchObject({ method: 'POST' });
  });

  it('surfaces the 409 message of a second Investigate', async () => {
    const { client } = setup(409, {
      error: {
        name: 'ConflictError',
        message: 'Investigation inv-1 is already running for incident inc-1',
      },
      request: { method: 'POST', url: '/v1/incidents/inc-1/investigate' },
      response: { statusCode: 409 },
    });
    const error = await client.investigate('inc-1').catch(e => e);
    expect(error.name).toBe('ResponseError');
    expect(errorMessage(error)).toBe(
      'Investigation inv-1 is already running for incident inc-1',
    );
  });
});

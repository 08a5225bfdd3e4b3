import { PipelineTriageClient } from './PipelineTriageClient';

/** A minimal Response stand-in: enough for the client and ResponseError.fromResponse. */
function fakeResponse(
  status: number,
  body: unknown,
  contentType = 'application/json',
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 404 ? 'Not Found' : 'OK',
    url: 'http://backend/api/pipeline-triage',
    headers: {
      get: (name: string) =>
        name.toLowerCase() === 'content-type' ? contentType : null,
    },
    text: async () => text,
    json: async () => JSON.parse(text),
  } as unknown as Response;
}

function setup(response: Response) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => response);
  const client = new PipelineTriageClient({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://backend/api/${id}`,
    },
    fetchApi: { fetch: fetch as any },
  });
  return { client, fetch };
}

describe('PipelineTriageClient', () => {
  it('lists incidents with comma-separated filters and skips empty ones', async () => {
    const { client, fetch } = setup(
      fakeResponse(200, { items: [], nextCursor: 'c2' }),
    );
    const page = await client.listIncidents({
      entityRef: 'component:default/orders',
      status: ['open', 'acknowledged'],
      category: [],
      environment: ['prod'],
      limit: 25,
      cursor: 'c1',
    });
    expect(page.nextCursor).toBe('c2');
    const url = new URL(fetch.mock.calls[0][0]);
    expect(url.origin + url.pathname).toBe(
      'http://backend/api/pipeline-triage/v1/incidents',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      entityRef: 'component:default/orders',
      status: 'open,acknowledged',
      environment: 'prod',
      limit: '25',
      cursor: 'c1',
    });
  });

  it('sends updates as a JSON PATCH', async () => {
    const { client, fetch } = setup(
      fakeResponse(200, { id: 'inc-1', status: 'acknowledged' }),
    );
    const detail = await client.updateIncident('inc-1', {
      action: 'override',
      category: 'permission',
      reason: 'grant',
    });
    expect(detail.status).toBe('acknowledged');
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://backend/api/pipeline-triage/v1/incidents/inc-1');
    expect(init?.method).toBe('PATCH');
    expect(JSON.parse(String(init?.body))).toEqual({
      action: 'override',
      category: 'permission',
      reason: 'grant',
    });
  });

  it('builds trends, status, stats and report URLs', async () => {
    const { client, fetch } = setup(
      fakeResponse(200, '# Report', 'text/markdown'),
    );
    await expect(client.getReport('inc 1')).resolves.toBe('# Report');
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/pipeline-triage/v1/incidents/inc%201/report',
    );

    const json = setup(fakeResponse(200, {}));
    await json.client.getTrends({
      owner: 'group:default/data',
      weeks: 4,
      groupBy: 'domain',
    });
    await json.client.getStatus('resource:default/orders');
    await json.client.getStats();
    expect(json.fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backend/api/pipeline-triage/v1/trends?owner=group%3Adefault%2Fdata&weeks=4&groupBy=domain',
      'http://backend/api/pipeline-triage/v1/status?entityRef=resource%3Adefault%2Forders',
      'http://backend/api/pipeline-triage/v1/stats',
    ]);
  });

  it('builds the contract violation, schema drift and contract URLs', async () => {
    const { client, fetch } = setup(fakeResponse(200, { items: [] }));
    await client.listContractViolations({
      entityRef: 'api:default/checkout-orders',
      since: '2026-01-01T00:00:00Z',
    });
    await client.listSchemaDrift({ entityRef: 'resource:default/stg-orders' });
    await client.getContract('api:default/checkout-orders');
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backend/api/pipeline-triage/v1/contract-violations?entityRef=api%3Adefault%2Fcheckout-orders&since=2026-01-01T00%3A00%3A00Z',
      'http://backend/api/pipeline-triage/v1/schema-drift?entityRef=resource%3Adefault%2Fstg-orders',
      'http://backend/api/pipeline-triage/v1/contracts?entityRef=api%3Adefault%2Fcheckout-orders',
    ]);
  });

  it("throws a ResponseError carrying the backend's message", async () => {
    const { client } = setup(
      fakeResponse(404, {
        error: { name: 'NotFoundError', message: 'No incident inc-9' },
        response: { statusCode: 404 },
      }),
    );
    await expect(client.getIncident('inc-9')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      cause: { name: 'NotFoundError', message: 'No incident inc-9' },
    });
  });

  it('keeps the body text when an error body is not the standard shape', async () => {
    const { client } = setup(
      fakeResponse(400, {
        error: { name: 'InputError', message: 'bad limit' },
      }),
    );
    await expect(client.listIncidents({})).rejects.toMatchObject({
      statusCode: 400,
      cause: { message: expect.stringContaining('bad limit') },
    });
  });
});

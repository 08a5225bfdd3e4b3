import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { runCli } from './index';
import { normalizeWithIngest } from './ingestBridge';

/** A stand-in backend that records what `send` posts and answers like the real endpoint. */
function startFakeBackend() {
  const received: Array<{
    url: string;
    auth?: string;
    type?: string;
    body: string;
  }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', c => (body += c));
    req.on('end', () => {
      received.push({
        url: req.url!,
        auth: req.headers.authorization,
        type: req.headers['content-type'],
        body,
      });
      res.setHeader('content-type', 'application/json');
      if (body.includes('"bad"')) {
        res.statusCode = 202;
        res.end(
          JSON.stringify({
            results: [
              {
                index: 0,
                status: 'rejected',
                field: '(root)',
                reason: 'matches no known format',
              },
            ],
          }),
        );
        return;
      }
      res.statusCode = 202;
      res.end(
        JSON.stringify({
          results: [
            { index: 0, status: 'accepted', eventId: 'e1', incidentId: 'i1' },
          ],
        }),
      );
    });
  });
  return new Promise<{
    url: string;
    received: typeof received;
    close: () => void;
  }>(resolve =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        received,
        close: () => server.close(),
      }),
    ),
  );
}

describe('pipeline-triage send', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-send-'));
  fs.writeFileSync(
    path.join(dir, 'a.json'),
    JSON.stringify({ job: { name: 'x' }, eventTime: '2026-11-20T00:00:00Z' }),
  );
  fs.writeFileSync(path.join(dir, 'b.log'), 'ERROR boom');
  fs.writeFileSync(path.join(dir, 'b.query'), 'job=spark-prod/ltv');
  const out: string[] = [];
  const io = {
    out: (t: string) => out.push(t),
    err: (t: string) => out.push(t),
  };
  const capture = (t: unknown) => {
    out.push(String(t));
    return true;
  };
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const writeErr = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation(capture);
  afterAll(() => {
    write.mockRestore();
    writeErr.mockRestore();
  });

  it('posts JSON as JSON and logs as text with their job, with the token', async () => {
    const backend = await startFakeBackend();
    try {
      const code = await runCli(
        [
          'node',
          'pipeline-triage',
          'send',
          '--url',
          backend.url,
          '--token',
          't0k',
          '--no-progress',
          dir,
        ],
        io,
      );
      expect(code).toBe(0);
      expect(backend.received).toEqual([
        expect.objectContaining({
          url: '/api/pipeline-triage/v1/events',
          auth: 'Bearer t0k',
          type: 'application/json',
        }),
        expect.objectContaining({
          url: '/api/pipeline-triage/v1/events?job=spark-prod/ltv',
          type: 'text/plain',
          body: 'ERROR boom',
        }),
      ]);
      expect(out.join('')).toMatch(
        /2 files sent: 2 accepted, 0 duplicate, 0 counted, 0 ignored, 0 rejected/,
      );
    } finally {
      backend.close();
    }
  });

  it('exits non-zero and names the file when the backend rejects an event', async () => {
    const backend = await startFakeBackend();
    const bad = path.join(dir, 'bad', 'c.json');
    fs.mkdirSync(path.dirname(bad), { recursive: true });
    fs.writeFileSync(bad, JSON.stringify({ bad: true }));
    try {
      const code = await runCli(
        [
          'node',
          'pipeline-triage',
          'send',
          '--url',
          backend.url,
          '--token',
          't',
          '--no-progress',
          bad,
        ],
        io,
      );
      expect(code).toBe(1);
      expect(out.join('\n')).toMatch(
        /c\.json#0: \(root\): matches no known format/,
      );
    } finally {
      backend.close();
    }
  });

  it('refuses to run without a token', async () => {
    const saved = process.env.PIPELINE_TRIAGE_TOKEN;
    delete process.env.PIPELINE_TRIAGE_TOKEN;
    const code = await runCli(['node', 'pipeline-triage', 'send', dir], io);
    process.env.PIPELINE_TRIAGE_TOKEN = saved;
    expect(code).toBe(2);
    expect(out.join('\n')).toMatch(/No sender token/);
  });
});

/** The backend's own dbt artifacts fixtures. */
const BACKEND_FIXTURES = path.resolve(
  __dirname,
  '../../pipeline-triage-backend/src/ingest/__fixtures__',
);

/**
 * A local HTTP server standing in for POST /v1/dbt: it inflates the body as the backend's body
 * parser does and reads it with the backend's real ingest adapters, answering per event.
 */
function startFakeDbtBackend() {
  const received: Array<{
    url: string;
    headers: http.IncomingHttpHeaders;
    body: any;
  }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (
        req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw
      ).toString('utf8');
      const body = JSON.parse(text);
      received.push({ url: req.url!, headers: req.headers, body });
      const { events, problems } = normalizeWithIngest(body);
      res.setHeader('content-type', 'application/json');
      res.statusCode = problems.length ? 400 : 202;
      res.end(
        JSON.stringify(
          problems.length
            ? { error: { message: problems.join('; ') } }
            : {
                results: events.map((e, i) => ({
                  index: 0,
                  status: 'accepted',
                  eventId: `e${i}`,
                  processing: e.outcome === 'success' ? 'ignored' : 'done',
                  incidentId: e.outcome === 'success' ? undefined : `i${i}`,
                })),
              },
        ),
      );
    });
  });
  return new Promise<{
    url: string;
    received: typeof received;
    close: () => void;
  }>(resolve =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        received,
        close: () => server.close(),
      }),
    ),
  );
}

describe('pipeline-triage send --dbt', () => {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-dbt-target-'));
  const runResults = fs.readFileSync(
    path.join(BACKEND_FIXTURES, 'dbt-run-results.json'),
  );
  const manifest = fs.readFileSync(
    path.join(BACKEND_FIXTURES, 'dbt-manifest.json'),
  );
  const out: string[] = [];
  const io = {
    out: (t: string) => out.push(t),
    err: (t: string) => out.push(t),
  };
  const capture = (t: unknown) => {
    out.push(String(t));
    return true;
  };
  let write: jest.SpyInstance;
  let writeErr: jest.SpyInstance;
  beforeEach(() => {
    out.length = 0;
    write = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
    writeErr = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  });
  afterEach(() => {
    write.mockRestore();
    writeErr.mockRestore();
  });
  const send = (url: string, dir: string) =>
    runCli(
      [
        'node',
        'pipeline-triage',
        'send',
        '--url',
        url,
        '--token',
        'dbt-t0k',
        '--dbt',
        dir,
      ],
      io,
    );

  it("posts the run's run_results.json with its manifest.json, gzipped, to /v1/dbt", async () => {
    fs.writeFileSync(path.join(target, 'run_results.json'), runResults);
    fs.writeFileSync(path.join(target, 'manifest.json'), manifest);
    // Other artifacts of the target directory are not the run's results.
    fs.writeFileSync(path.join(target, 'catalog.json'), '{"nodes": {}}');
    const backend = await startFakeDbtBackend();
    try {
      expect(await send(backend.url, target)).toBe(0);
      expect(backend.received).toHaveLength(1);
      const [request] = backend.received;
      expect(request.url).toBe('/api/pipeline-triage/v1/dbt');
      expect(request.headers).toMatchObject({
        authorization: 'Bearer dbt-t0k',
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      });
      expect(request.body).toEqual({
        run_results: JSON.parse(runResults.toString('utf8')),
        manifest: JSON.parse(manifest.toString('utf8')),
      });
      // The fixture run: four failed nodes, a built model and a passing test.
      expect(out.join('')).toMatch(
        /dbt run sent from .+ \(with manifest\.json\): 6 accepted \(4 failures, 2 successes\), 0 duplicate, 0 ignored, 0 rejected/,
      );
    } finally {
      backend.close();
    }
  });

  it('sends run_results.json alone when the target has no manifest', async () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-dbt-bare-'));
    fs.writeFileSync(path.join(bare, 'run_results.json'), runResults);
    const backend = await startFakeDbtBackend();
    try {
      expect(await send(backend.url, bare)).toBe(0);
      expect(Object.keys(backend.received[0].body)).toEqual(['run_results']);
    } finally {
      backend.close();
    }
  });

  it('says what is missing when the directory holds no run_results.json', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-dbt-empty-'));
    expect(await send('http://127.0.0.1:9', empty)).toBe(2);
    expect(out.join('\n')).toMatch(/No run_results\.json in .+pt-dbt-empty-/);
  });

  it('exits non-zero with the backend message when the post is refused', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-dbt-broken-'));
    const rr = JSON.parse(runResults.toString('utf8'));
    rr.results[0].status = 3;
    fs.writeFileSync(path.join(broken, 'run_results.json'), JSON.stringify(rr));
    const backend = await startFakeDbtBackend();
    try {
      expect(await send(backend.url, broken)).toBe(1);
      expect(out.join('\n')).toMatch(/HTTP 400 .*results\[0\]\.status/);
    } finally {
      backend.close();
    }
  });
});

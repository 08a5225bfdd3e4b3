import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './index';

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

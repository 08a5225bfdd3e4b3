import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the next request gets; `hang` never answers, to exercise timeouts. */
export type Reply = { status: number; body?: string } | { hang: true };

/**
 * A real HTTP endpoint on 127.0.0.1 with a queue of replies; once the queue is empty every
 * request gets `fallback`. Records raw bodies so tests can verify signatures byte for byte.
 */
export async function startTestServer(
  options: { replies?: Reply[]; fallback?: Reply } = {},
) {
  const replies = [...(options.replies ?? [])];
  const fallback = options.fallback ?? { status: 200, body: 'ok' };
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const reply = replies.shift() ?? fallback;
      if ('hang' in reply) return;
      res.writeHead(reply.status, { 'content-type': 'text/plain' });
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Drops hanging connections too, so jest does not wait on them. */
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

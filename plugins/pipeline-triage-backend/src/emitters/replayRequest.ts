import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplayedRequest {
  /** Path and query, as the client computed them from its configuration. */
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Send the body with Transfer-Encoding: chunked and no Content-Length (a streamed entity). */
  chunked?: boolean;
}

/**
 * Sends a request byte for byte as a client would, over a real socket to the test backend:
 * supertest would add its own headers and always set Content-Length.
 */
export function replay(
  server: http.Server,
  req: ReplayedRequest,
): Promise<{ status: number; body: any }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      ...req.headers,
      host: `127.0.0.1:${port}`,
    };
    if (req.chunked) headers['transfer-encoding'] = 'chunked';
    else headers['content-length'] = String(req.body.length);
    const out = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: req.path, headers },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: any = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    out.on('error', reject);
    if (req.chunked) {
      // Two chunks, as a streaming gzip entity writes them.
      const half = Math.floor(req.body.length / 2);
      out.write(req.body.subarray(0, half));
      out.end(req.body.subarray(half));
    } else {
      out.end(req.body);
    }
  });
}

import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

/**
 * Local stand-ins for PagerDuty and Slack that answer in their real wire formats:
 * - `POST /v2/enqueue` (Events API v2): 202 `{status, message, dedup_key}`, 400 without a routing key;
 * - `POST /api/chat.postMessage` (Web API): `{ok: true, channel, ts}`, or `{ok: false, error}`
 *   without a bearer token or channel;
 * - `POST /webhook` (incoming webhook): the plain text `ok`.
 * Every call is recorded with its parsed JSON body. `failPagerDuty(n)` makes the next n
 * PagerDuty calls answer 500 as PagerDuty does when it is down (recorded too, in `pagerDutyFailed`).
 */
export async function startFakeChannels() {
  const pagerDuty: ReceivedCall[] = [];
  const slackApi: ReceivedCall[] = [];
  const slackWebhook: ReceivedCall[] = [];
  const pagerDutyFailed: ReceivedCall[] = [];
  let pagerDutyFailures = 0;
  let ts = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: any;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      const call = { path: req.url ?? '', headers: req.headers, body };
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (
        req.method === 'POST' &&
        call.path === '/v2/enqueue' &&
        pagerDutyFailures > 0
      ) {
        pagerDutyFailures--;
        pagerDutyFailed.push(call);
        json(500, { status: 'error', message: 'Internal Server Error' });
        return;
      }
      if (req.method === 'POST' && call.path === '/v2/enqueue') {
        pagerDuty.push(call);
        if (!body?.routing_key)
          json(400, {
            status: 'invalid event',
            message: 'Event object is invalid',
            errors: ["'routing_key' is missing or blank"],
          });
        else
          json(202, {
            status: 'success',
            message: 'Event processed',
            dedup_key: body.dedup_key,
          });
        return;
      }
      if (req.method === 'POST' && call.path === '/api/chat.postMessage') {
        slackApi.push(call);
        if (!/^Bearer xox/.test(String(req.headers.authorization)))
          json(200, { ok: false, error: 'not_authed' });
        else if (!body?.channel)
          json(200, { ok: false, error: 'channel_not_found' });
        else
          json(200, {
            ok: true,
            channel: body.channel,
            ts: `1700000000.${String(++ts).padStart(6, '0')}`,
            message: { text: body.text },
          });
        return;
      }
      if (req.method === 'POST' && call.path === '/webhook') {
        slackWebhook.push(call);
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('ok');
        return;
      }
      res.writeHead(404);
      res.end('not found');
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    pagerDutyUrl: `${url}/v2/enqueue`,
    slackApiUrl: `${url}/api`,
    slackWebhookUrl: `${url}/webhook`,
    pagerDuty,
    pagerDutyFailed,
    failPagerDuty: (n: number) => {
      pagerDutyFailures = n;
    },
    slackApi,
    slackWebhook,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

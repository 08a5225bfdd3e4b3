import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogBackend from '@backstage/plugin-catalog-backend';
import notificationsBackend from '@backstage/plugin-notifications-backend';
import notificationsSlack from '@backstage/plugin-notifications-backend-module-slack';
import signalsBackend from '@backstage/plugin-signals-backend';
import pipelineTriageBackend from '@pipeline-triage/plugin-pipeline-triage-backend';

jest.setTimeout(240_000);

/**
 * The Slack module builds `new WebClient(token)` with no option for Slack's base URL (@slack/web-api
 * 7 defaults it to https://slack.com/api/ and switches off proxies from the environment), so the
 * test changes nothing in the client: it answers for slack.com the way /etc/hosts would. Node's
 * global HTTPS agent, which the client's axios uses when it is given none, opens its connections
 * to slack.com on the local fake instead, over real TLS with a certificate for slack.com made for
 * this run (trusted by that agent only). Module, client, notifications backend, catalog, plugin
 * and HTTP are all the real thing.
 */
const fakeSlack = { port: 0, cert: '' };
class SlackComOnTheFake extends https.Agent {
  // Node's Agent calls createConnection(options, callback) and uses the socket it returns.
  createConnection(options: any, callback?: any): any {
    if (options?.host === 'slack.com' || options?.servername === 'slack.com') {
      return tls.connect({
        ...options,
        host: '127.0.0.1',
        port: fakeSlack.port,
        servername: 'slack.com',
        ca: fakeSlack.cert,
      });
    }
    return super.createConnection(options, callback);
  }
}

/** A throwaway key and certificate for slack.com, made with openssl for this run only. */
function certificateForSlackCom(): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-slack-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=slack.com',
        '-addext',
        'subjectAltName=DNS:slack.com',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'),
      cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface SlackCall {
  method: string;
  authorization?: string;
  args: Record<string, unknown>;
}

/** Slack's Web API as @slack/web-api speaks it: form-encoded POST /api/<method>, JSON answers. */
async function startFakeSlack() {
  const calls: SlackCall[] = [];
  const { key, cert } = certificateForSlackCom();
  const server = https.createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const args = String(req.headers['content-type']).startsWith(
        'application/json',
      )
        ? JSON.parse(raw)
        : Object.fromEntries(new URLSearchParams(raw));
      const method = (req.url ?? '').replace(/^\/api\//, '');
      calls.push({ method, authorization: req.headers.authorization, args });
      res.writeHead(200, { 'content-type': 'application/json' });
      if (method === 'chat.postMessage') {
        res.end(
          JSON.stringify({
            ok: true,
            channel: args.channel,
            ts: `1700000000.${String(calls.length).padStart(6, '0')}`,
          }),
        );
      } else {
        res.end(JSON.stringify({ ok: false, error: 'unknown_method' }));
      }
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  fakeSlack.port = (server.address() as AddressInfo).port;
  fakeSlack.cert = cert;
  const globalAgent = https.globalAgent;
  https.globalAgent = new SlackComOnTheFake();
  return {
    calls,
    close: () =>
      new Promise<void>(resolve => {
        https.globalAgent = globalAgent;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const EXAMPLES = path.resolve(__dirname, '../../../examples');

describe("Backstage's Slack notifications module in the example backend", () => {
  it("posts the plugin's incident notification to the routed team's slack.com/bot-notify channel", async () => {
    const slack = await startFakeSlack();
    const backend = await startTestBackend({
      features: [
        catalogBackend,
        notificationsBackend,
        notificationsSlack,
        signalsBackend,
        pipelineTriageBackend,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: {
              baseUrl: 'http://localhost:7007',
              database: { client: 'better-sqlite3', connection: ':memory:' },
            },
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'API',
                    'Resource',
                    'Location',
                    'Group',
                    'User',
                    'Domain',
                  ],
                },
              ],
              locations: [
                { type: 'file', target: path.join(EXAMPLES, 'catalog.yaml') },
              ],
              processingInterval: { seconds: 2 },
            },
            notifications: {
              processors: { slack: [{ token: 'xoxb-test-token' }] },
            },
            pipelineTriage: {
              routing: {
                iamTeam: 'group:default/iam-security',
                fallbackTeam: 'group:default/data-platform',
              },
              linking: { cacheTtlSeconds: 0 },
            },
          },
        }),
      ],
    });
    try {
      await waitForEntity(
        backend.server,
        'component/default/customer-ltv-spark',
      );
      await waitForEntity(backend.server, 'group/default/iam-security');
      const post = await request(backend.server)
        .post('/api/pipeline-triage/v1/events')
        .set('authorization', mockCredentials.service.header())
        .send({
          source: 'generic',
          job: { namespace: 'spark-prod', name: 'customer_ltv_features' },
          runId: 'slack-module-1',
          eventTime: new Date().toISOString(),
          errorMessage:
            'com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied)',
        });
      expect(post.status).toBe(202);

      for (
        let i = 0;
        i < 100 && !slack.calls.some(c => c.method === 'chat.postMessage');
        i++
      ) {
        await new Promise(r => setTimeout(r, 100));
      }
      const posts = slack.calls.filter(c => c.method === 'chat.postMessage');
      expect(posts.map(c => c.args.channel)).toContain('iam-security-alerts');
      const post0 = posts.find(c => c.args.channel === 'iam-security-alerts')!;
      expect(post0.authorization).toBe('Bearer xoxb-test-token');
      // The notification's link, made absolute against app.baseUrl by the module.
      expect(JSON.stringify(post0.args)).toContain(
        'http://localhost:3000/catalog/default/component/customer-ltv-spark/pipeline-triage',
      );
    } finally {
      await backend.stop();
      await slack.close();
    }
  });
});

async function waitForEntity(
  server: Parameters<typeof request>[0],
  ref: string,
) {
  for (let i = 0; i < 300; i++) {
    const res = await request(server)
      .get(`/api/catalog/entities/by-name/${ref}`)
      .set('authorization', mockCredentials.service.header());
    if (res.status === 200 && res.body.relations?.length) return;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`the catalog never served ${ref}`);
}

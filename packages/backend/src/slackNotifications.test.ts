import path from 'node:path';
import { createServer } from 'node:http';
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

jest.setTimeout(90_000);

/**
 * The Slack module builds `new WebClient(token)` with no way to configure Slack's base URL. The
 * only substitution here: the real @slack/web-api client, told to talk to the local fake below.
 * Everything else (module, notifications backend, catalog, plugin, HTTP) is the real thing.
 */
const fakeSlack = { url: '' };
jest.mock('@slack/web-api', () => {
  const actual = jest.requireActual('@slack/web-api');
  class LocalWebClient extends actual.WebClient {
    constructor(token?: string, options: Record<string, unknown> = {}) {
      super(token, {
        ...options,
        slackApiUrl: `${fakeSlack.url}/api/`,
        retryConfig: { retries: 0 },
      });
    }
  }
  return { ...actual, WebClient: LocalWebClient };
});

interface SlackCall {
  method: string;
  authorization?: string;
  args: Record<string, unknown>;
}

/** Slack's Web API as @slack/web-api speaks it: form-encoded POST /api/<method>, JSON answers. */
async function startFakeSlack() {
  const calls: SlackCall[] = [];
  const server = createServer((req, res) => {
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
  fakeSlack.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    calls,
    close: () =>
      new Promise<void>(resolve => {
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

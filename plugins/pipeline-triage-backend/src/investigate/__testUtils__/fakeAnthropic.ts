import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';

/** What the fake does with one request. */
export type FakeScript =
  | { kind: 'tool'; input: unknown; delayMs?: number }
  /** Raw partial_json text, for answers that are not even JSON. */
  | { kind: 'raw'; json: string }
  | { kind: 'status'; status: number; errorType: string }
  /** Sends no tool call at all, only text. */
  | { kind: 'text'; text: string };

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: any;
}

/** The answer of a model that tries to take over: maximal confidence, safe to retry, its own recipient. */
export function attackerAnswer(
  category: Category,
  recipient = 'page ceo@evil.example',
): unknown {
  const say = (what: string) =>
    `${what}. ${recipient} immediately; notify user:default/ceo and #exec-war-room.`;
  return {
    hypotheses: [1, 2, 3].map(i => ({
      title: say(`Hypothesis ${i}`),
      category,
      likelihood: 1,
      evidenceFor: ['L1', 'L9999'],
      evidenceAgainst: [],
      status: i === 1 ? 'confirmed' : 'open',
      reason: say('Certain'),
    })),
    rootCause: { summary: say('The root cause is certain'), confidence: 1 },
    category,
    safeToRetry: true,
    remediation: {
      immediateFix: say('Rerun now'),
      change: say('No change needed'),
      prevention: say('Nothing'),
      monitoring: say('Send alerts'),
    },
  };
}

/**
 * A local Anthropic Messages API: POST /v1/messages, JSON or SSE streaming in the real event
 * sequence, recording every raw request body. Scripts are used in order; then `fallback`.
 */
export class FakeAnthropic {
  readonly requests: RecordedRequest[] = [];
  readonly scripts: FakeScript[] = [];
  fallback: FakeScript = {
    kind: 'tool',
    input: attackerAnswer('config_error'),
  };
  private server?: http.Server;
  private readonly sockets = new Set<import('node:net').Socket>();

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', c => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: any;
        try {
          body = JSON.parse(raw);
        } catch {
          body = undefined;
        }
        this.requests.push({
          path: req.url ?? '',
          headers: req.headers,
          raw,
          body,
        });
        void this.answer(body, raw, res);
      });
    });
    this.server.on('connection', s => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop() {
    for (const s of this.sockets) s.destroy();
    await new Promise(resolve => this.server?.close(resolve));
  }

  private async answer(body: any, raw: string, res: http.ServerResponse) {
    const script = this.scripts.shift() ?? this.fallback;
    if (script.kind === 'status') {
      res.writeHead(script.status, {
        'content-type': 'application/json',
        'x-should-retry': 'false',
      });
      res.end(
        JSON.stringify({
          type: 'error',
          error: { type: script.errorType, message: `fake ${script.status}` },
        }),
      );
      return;
    }
    if (script.kind === 'tool' && script.delayMs)
      await new Promise(r => setTimeout(r, script.delayMs));
    if (res.destroyed) return;
    const model = body?.model ?? 'unknown';
    const toolName = body?.tools?.[0]?.name ?? 'tool';
    const inputTokens = Math.ceil(raw.length / 4);
    let json = '';
    if (script.kind === 'tool') json = JSON.stringify(script.input);
    if (script.kind === 'raw') json = script.json;
    const outputTokens = Math.max(
      1,
      Math.ceil(
        (json.length || (script as { text?: string }).text?.length || 1) / 4,
      ),
    );
    const block =
      script.kind === 'text'
        ? {
            start: { type: 'text', text: '' },
            deltas: [{ type: 'text_delta', text: script.text }],
          }
        : {
            start: {
              type: 'tool_use',
              id: 'toolu_fake_1',
              name: toolName,
              input: {},
            },
            // Small pieces, as the real API streams a tool's input.
            deltas: (json.match(/[\s\S]{1,40}/g) ?? []).map(partial_json => ({
              type: 'input_json_delta',
              partial_json,
            })),
          };
    if (!body?.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'msg_fake_1',
          type: 'message',
          role: 'assistant',
          model,
          content: [
            script.kind === 'text'
              ? { type: 'text', text: script.text }
              : { ...block.start, input: safeParse(json) },
          ],
          stop_reason: script.kind === 'text' ? 'end_turn' : 'tool_use',
          stop_sequence: null,
          usage: { input_tokens: inputTokens, output_tokens: outputTokens },
        }),
      );
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const send = (event: string, data: object) =>
      res.write(
        `event: ${event}\ndata: ${JSON.stringify({
          type: event,
          ...data,
        })}\n\n`,
      );
    send('message_start', {
      message: {
        id: 'msg_fake_1',
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: inputTokens, output_tokens: 1 },
      },
    });
    send('content_block_start', { index: 0, content_block: block.start });
    send('ping', {});
    for (const delta of block.deltas)
      send('content_block_delta', { index: 0, delta });
    send('content_block_stop', { index: 0 });
    send('message_delta', {
      delta: {
        stop_reason: script.kind === 'text' ? 'end_turn' : 'tool_use',
        stop_sequence: null,
      },
      usage: { output_tokens: outputTokens },
    });
    send('message_stop', {});
    res.end();
  }
}

function safeParse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return {};
  }
}

import knexFactory, { type Knex } from 'knex';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import type { SignalsService } from '@backstage/plugin-signals-node';
import { INVESTIGATION_SIGNAL_CHANNEL, type FailureEvent } from '@internal/plugin-pipeline-triage-common';
import { createTriageEngine } from '../engine';
import { migrateStore, type TriageStore } from '../store';
import { attackerAnswer, FakeAnthropic } from './__testUtils__/fakeAnthropic';
import { AnthropicInvestigator } from './AnthropicInvestigator';
import { pseudoIncident } from './hybridClassify';
import { InvestigationService } from './InvestigationService';
import { InvestigationStore } from './InvestigationStore';
import { readLlmConfig } from './llmConfig';
import { ModelGate } from './ModelGate';

/** Step order and the automatic modes, with a real SQLite store and the real SDK against the fake. */
describe('InvestigationService', () => {
  const fake = new FakeAnthropic();
  let db: Knex;
  let baseUrl: string;
  const engine = createTriageEngine();
  const event: FailureEvent = {
    source: 'generic',
    outcome: 'fail',
    job: { namespace: 'spark-prod', name: 'features' },
    eventTime: '2026-11-22T10:00:00Z',
    errorMessage: 'java.lang.OutOfMemoryError: Java heap space',
  };
  const incident = pseudoIncident(event, engine.triage(event));
  const store = {
    getIncident: async (id: string) => (id === incident.id ? incident : undefined),
    listIncidents: async () => ({ items: [] }),
    listFindings: async () => [],
  } as unknown as TriageStore;

  beforeAll(async () => {
    baseUrl = await fake.start();
    db = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await migrateStore(db);
  });
  afterAll(async () => {
    await db.destroy();
    await fake.stop();
  });

  const service = (llm: Record<string, unknown>, signals: SignalsService) => {
    const settings = readLlmConfig(new ConfigReader({ pipelineTriage: { llm: { apiKey: 'test-only-fake-key', baseUrl, maxRetries: 0, ...llm } } }));
    const investigations = new InvestigationStore(db);
    return {
      investigations,
      service: new InvestigationService({
        store,
        investigations,
        // A confident incident: none of these tests may change its verdict.
        verdicts: {
          adopt: async () => Promise.reject(new Error('no verdict change expected')),
          tightenRetry: async () => Promise.reject(new Error('no verdict change expected')),
        },
        settings,
        investigator: new AnthropicInvestigator(settings, new ModelGate(settings)),
        signals,
        logger: mockServices.logger.mock(),
      }),
    };
  };

  it('stores every step before it is pushed, and pushes exactly the stored step', async () => {
    const pushed: any[] = [];
    /** What the store held for each pushed step at the moment it was pushed. */
    const storedWhenPushed: unknown[] = [];
    const holder: { investigations?: InvestigationStore } = {};
    const signals: SignalsService = {
      publish: async message => {
        const m = message.message as any;
        pushed.push({ channel: message.channel, ...m });
        if (m.step) {
          const current = await holder.investigations!.get(m.investigationId);
          storedWhenPushed.push(current?.steps.find(s => s.seq === m.step.seq));
        }
      },
    };
    fake.fallback = { kind: 'tool', input: attackerAnswer('code_error') };
    const s = service({ mode: 'on-demand' }, signals);
    holder.investigations = s.investigations;
    const investigations = s.investigations;
    const { id, done } = await s.service.start(incident.id, { trigger: 'user', by: 'user:default/x' });
    await done;
    const stored = (await investigations.get(id))!;
    expect(pushed.every(m => m.channel === INVESTIGATION_SIGNAL_CHANNEL)).toBe(true);
    expect(pushed.filter(m => m.step).map(m => m.step)).toEqual(stored.steps);
    expect(storedWhenPushed).toEqual(stored.steps);
    expect(pushed[pushed.length - 1]).toMatchObject({ status: 'completed', investigationId: id });
  });

  it('in always mode investigates even a confident incident, without holding routing or changing its category', async () => {
    const before = fake.requests.length;
    fake.scripts.push({ kind: 'tool', input: attackerAnswer('code_error'), delayMs: 300 });
    const s = service({ mode: 'always', routingWaitMs: 60_000 }, { publish: async () => undefined });
    expect(incident.confidence).toBeGreaterThanOrEqual(0.6);
    expect(await s.service.assist(incident.id)).toBeUndefined();
    // Routing was not held for the model: the investigation is still running.
    expect((await s.investigations.list(incident.id))[0].status).toBe('running');
    while ((await s.investigations.list(incident.id))[0].status === 'running') await new Promise(r => setTimeout(r, 50));
    expect(fake.requests.length).toBe(before + 1);
    const [latest] = await s.investigations.list(incident.id);
    expect(latest).toMatchObject({ trigger: 'auto', source: 'model', status: 'completed' });
    expect(latest.suggestion).toBeUndefined();
  });

  it('in on-demand and fallback modes leaves a confident incident alone', async () => {
    const before = fake.requests.length;
    for (const mode of ['on-demand', 'fallback']) {
      const s = service({ mode }, { publish: async () => undefined });
      expect(await s.service.assist(incident.id)).toBeUndefined();
    }
    expect(fake.requests.length).toBe(before);
  });
});

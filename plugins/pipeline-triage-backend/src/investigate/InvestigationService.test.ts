import knexFactory, { type Knex } from 'knex';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import type {
  FailureEvent,
  InvestigationSignal,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { createTriageEngine } from '../engine';
import { migrateStore, type TriageStore } from '../store';
import { attackerAnswer, FakeAnthropic } from './__testUtils__/fakeAnthropic';
import { AnthropicInvestigator } from './AnthropicInvestigator';
import { pseudoIncident } from './hybridClassify';
import { InvestigationService } from './InvestigationService';
import { InvestigationStore } from './InvestigationStore';
import { readLlmConfig } from './llmConfig';
import { ModelGate } from './ModelGate';

type Announcer = {
  investigationChanged: (s: InvestigationSignal) => Promise<void>;
};
const silent: Announcer = { investigationChanged: async () => undefined };

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
    getIncident: async (id: string) =>
      id === incident.id ? incident : undefined,
    listIncidents: async () => ({ items: [] }),
    listFindings: async () => [],
  } as unknown as TriageStore;

  beforeAll(async () => {
    baseUrl = await fake.start();
    db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    await migrateStore(db);
  });
  afterAll(async () => {
    await db.destroy();
    await fake.stop();
  });

  const service = (llm: Record<string, unknown>, signals: Announcer) => {
    const settings = readLlmConfig(
      new ConfigReader({
        pipelineTriage: {
          llm: { apiKey: 'test-only-fake-key', baseUrl, maxRetries: 0, ...llm },
        },
      }),
    );
    const investigations = new InvestigationStore(db);
    return {
      investigations,
      service: new InvestigationService({
        store,
        investigations,
        // A confident incident: none of these tests may change its verdict.
        verdicts: {
          adopt: async () =>
            Promise.reject(new Error('no verdict change expected')),
          tightenRetry: async () =>
            Promise.reject(new Error('no verdict change expected')),
        },
        settings,
        investigator: new AnthropicInvestigator(
          settings,
          new ModelGate(settings),
        ),
        signals,
        logger: mockServices.logger.mock(),
      }),
    };
  };

  it('stores every step before it announces it, and announces ids and a kind only', async () => {
    const announced: InvestigationSignal[] = [];
    /** How many steps the store held when each step was announced. */
    const storedWhenAnnounced: number[] = [];
    const holder: { investigations?: InvestigationStore } = {};
    const signals: Announcer = {
      investigationChanged: async message => {
        announced.push(message);
        if (message.kind === 'step') {
          storedWhenAnnounced.push(
            (await holder.investigations!.get(message.investigationId))!.steps
              .length,
          );
        }
      },
    };
    fake.fallback = { kind: 'tool', input: attackerAnswer('code_error') };
    const s = service({ mode: 'on-demand' }, signals);
    holder.investigations = s.investigations;
    const { id, done } = await s.service.start(incident.id, {
      trigger: 'user',
      by: 'user:default/x',
    });
    await done;
    const stored = (await s.investigations.get(id))!;
    expect(stored.steps.length).toBeGreaterThan(2);
    // One announcement per stored step, each after its step was stored, then the end.
    expect(storedWhenAnnounced).toEqual(stored.steps.map((_, i) => i + 1));
    expect(announced.filter(m => m.kind !== 'step')).toEqual([
      { kind: 'finished', incidentId: incident.id, investigationId: id },
    ]);
    for (const m of announced)
      expect(Object.keys(m).sort()).toEqual([
        'incidentId',
        'investigationId',
        'kind',
      ]);
  });

  it('in always mode investigates even a confident incident, without holding routing or changing its category', async () => {
    const before = fake.requests.length;
    fake.scripts.push({
      kind: 'tool',
      input: attackerAnswer('code_error'),
      delayMs: 300,
    });
    const s = service({ mode: 'always', routingWaitMs: 60_000 }, silent);
    expect(incident.confidence).toBeGreaterThanOrEqual(0.6);
    expect(await s.service.assist(incident.id)).toBeUndefined();
    // Routing was not held for the model: the investigation is still running.
    expect((await s.investigations.list(incident.id))[0].status).toBe(
      'running',
    );
    while ((await s.investigations.list(incident.id))[0].status === 'running')
      await new Promise(r => setTimeout(r, 50));
    expect(fake.requests.length).toBe(before + 1);
    const [latest] = await s.investigations.list(incident.id);
    expect(latest).toMatchObject({
      trigger: 'auto',
      source: 'model',
      status: 'completed',
    });
    expect(latest.suggestion).toBeUndefined();
  });

  it('in on-demand and fallback modes leaves a confident incident alone', async () => {
    const before = fake.requests.length;
    for (const mode of ['on-demand', 'fallback']) {
      const s = service({ mode }, silent);
      expect(await s.service.assist(incident.id)).toBeUndefined();
    }
    expect(fake.requests.length).toBe(before);
  });
});

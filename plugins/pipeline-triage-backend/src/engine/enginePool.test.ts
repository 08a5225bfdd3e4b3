import { mockServices } from '@backstage/backend-test-utils';
import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import { EXAMPLES_DIR } from '../__testUtils__/startTriageBackend';
import { eventMix } from '../bench/eventMix';
import { normalizeEvents } from '../ingest';
import { createTriageEngine } from './createTriageEngine';
import { EnginePool } from './enginePool';

jest.setTimeout(60_000);

const ACME = {
  name: 'acme',
  rules: [
    {
      id: 'acme-vault',
      category: 'dependency_unavailable',
      patterns: ['Vault is sealed'],
      weight: 0.95,
    },
  ],
};

/** The bench's realistic mix, normalized as ingest would: every format, logs of every size. */
function events(n: number): FailureEvent[] {
  const mix = eventMix(EXAMPLES_DIR);
  const out: FailureEvent[] = [];
  for (let i = 0; out.length < n; i++) {
    for (const item of normalizeEvents(mix.event(i)).items) {
      out.push(...(item.events ?? []).filter(e => e.outcome !== 'success'));
    }
  }
  return out.slice(0, n);
}

describe('EnginePool', () => {
  const pools: EnginePool[] = [];
  afterAll(() => Promise.all(pools.map(p => p.close())));

  it('classifies a large batch in worker threads exactly as the engine does in-process', async () => {
    const options = { userRulePacks: [ACME] };
    const engine = createTriageEngine(options);
    const logger = mockServices.logger.mock();
    const pool = new EnginePool(engine, {
      size: 2,
      engineOptions: options,
      logger,
    });
    pools.push(pool);
    const batch = events(60);
    batch.push({
      ...batch[0],
      errorMessage: 'secret fetch failed: Vault is sealed',
      logExcerpt: undefined,
    });
    const jobs = batch.map((event, i) => ({
      event,
      ctx: { idempotent: i % 2 === 0, writesOutput: i % 3 !== 0 },
    }));

    const results = await pool.triageMany(jobs);

    expect(pool.running).toBe(2);
    expect(logger.warn).not.toHaveBeenCalled();
    expect(results).toEqual(jobs.map(j => engine.triage(j.event, j.ctx)));
    // The workers built their engine from the same options: the user pack's rule decided this one.
    expect(results[60].verdict.classification.rules).toContain('acme-vault');
    expect(
      new Set(results.map(r => r.verdict.classification.category)).size,
    ).toBeGreaterThan(4);
  });

  it('classifies a small batch in-process, without starting a worker', async () => {
    const engine = createTriageEngine();
    const pool = new EnginePool(engine, {
      size: 2,
      engineOptions: {},
      logger: mockServices.logger.mock(),
    });
    pools.push(pool);
    const jobs = events(3).map(event => ({ event, ctx: {} }));
    expect(await pool.triageMany(jobs)).toEqual(
      jobs.map(j => engine.triage(j.event, j.ctx)),
    );
    expect(pool.running).toBe(0);
  });

  it('falls back to in-process classification when its workers cannot start', async () => {
    const engine = createTriageEngine();
    const logger = mockServices.logger.mock();
    // A pack the worker's engine refuses: the worker dies at start-up.
    const broken = {
      userRulePacks: [
        {
          name: 'bad',
          rules: [
            {
              id: 'x',
              category: 'code_error',
              patterns: ['(?=(a+)+)b'],
              weight: 1,
            },
          ],
        },
      ],
    };
    const pool = new EnginePool(engine, {
      size: 1,
      engineOptions: broken,
      logger,
    });
    pools.push(pool);
    const jobs = events(20).map(event => ({ event, ctx: {} }));

    expect(await pool.triageMany(jobs)).toEqual(
      jobs.map(j => engine.triage(j.event, j.ctx)),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /Engine workers unavailable, classifying in-process from now on/,
      ),
    );
    expect(pool.running).toBe(0);
    expect(await pool.triageMany(jobs)).toHaveLength(20);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@pipeline-triage/cli';
import { attackerAnswer, FakeAnthropic } from './__testUtils__/fakeAnthropic';

/** `eval --model` with the real SDK against the local fake Messages API. */
describe('pipeline-triage eval --model', () => {
  const fake = new FakeAnthropic();
  let baseUrl: string;
  let dir: string;
  const saved = process.env.ANTHROPIC_API_KEY;
  beforeAll(async () => {
    baseUrl = await fake.start();
    dir = mkdtempSync(join(tmpdir(), 'pt-model-eval-'));
    writeFileSync(
      join(dir, 'oom.json'),
      JSON.stringify({
        id: 'oom',
        platform: 'spark',
        job: 'features',
        log: 'java.lang.OutOfMemoryError: Java heap space',
        expected: { category: 'resource_exhaustion' },
      }),
    );
    writeFileSync(
      join(dir, 'vague.json'),
      JSON.stringify({
        id: 'vague',
        platform: 'airflow',
        job: 'x.y',
        log: 'Task exited with return code 7 after step load',
        expected: { category: 'config_error' },
      }),
    );
  });
  afterAll(async () => {
    process.env.ANTHROPIC_API_KEY = saved;
    await fake.stop();
  });

  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['node', 'pipeline-triage', ...args], {
      out: t => out.push(t),
      err: t => err.push(t),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('asks the model only where the rules are unsure and scores the hybrid verdicts', async () => {
    process.env.ANTHROPIC_API_KEY = 'test-only-fake-key';
    fake.fallback = { kind: 'tool', input: attackerAnswer('config_error') };
    const rulesOnly = JSON.parse((await run('eval', '--json', dir)).out);
    const r = await run(
      'eval',
      '--json',
      '--model',
      '--base-url',
      baseUrl,
      '--model-id',
      'claude-eval-test',
      dir,
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].body.model).toBe('claude-eval-test');
    expect(fake.requests[0].raw).toContain('return code 7');
    expect(rulesOnly.accuracy).toBe(0.5);
    expect(report.accuracy).toBe(1);
    // The attacker's "safe to retry" never survives the conservative verdict of the rules.
    expect(report.safeRetry.predictedSafe).toBe(
      rulesOnly.safeRetry.predictedSafe,
    );
    expect(r.err).toMatch(/model claude-eval-test: 1 calls, 0 failed/);
  });

  it('needs a key', async () => {
    delete process.env.ANTHROPIC_API_KEY;
    const r = await run('eval', '--model', dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ANTHROPIC_API_KEY/);
  });
});

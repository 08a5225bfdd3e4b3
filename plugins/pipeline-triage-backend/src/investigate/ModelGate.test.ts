import { ModelGate, ModelUnavailableError } from './ModelGate';

const settings = {
  enabled: true,
  mode: 'on-demand' as const,
  model: 'claude-test',
  concurrency: 2,
  dailyTokenBudget: 100,
  circuitFailures: 3,
  circuitOpenMs: 60_000,
};
const ok =
  (tokensIn = 10, tokensOut = 5) =>
  async () => ({ value: 'ok', tokensIn, tokensOut });
const fail = async () => {
  throw new Error('boom');
};
const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    e =>
      e instanceof ModelUnavailableError ? e.reason : `other: ${e.message}`,
  );

describe('ModelGate', () => {
  it('counts calls and tokens, and refuses once the daily budget is used up', async () => {
    const gate = new ModelGate(settings);
    await gate.run(ok(60, 30));
    expect(gate.usage()).toMatchObject({
      calls: 1,
      tokensIn: 60,
      tokensOut: 30,
      budgetLeft: 10,
    });
    await gate.run(ok(10, 5)); // 10 left: still allowed, goes over
    expect(gate.budgetLeft()).toBe(0);
    expect(await reason(gate.run(ok()))).toBe('budget_exhausted');
    expect(gate.usage().calls).toBe(2);
  });

  it('gives the budget back the next UTC day', async () => {
    let now = Date.parse('2026-11-22T23:59:00Z');
    const gate = new ModelGate(settings, () => now);
    await gate.run(ok(100, 0));
    expect(await reason(gate.run(ok()))).toBe('budget_exhausted');
    now = Date.parse('2026-11-23T00:00:01Z');
    expect(await reason(gate.run(ok()))).toBe('resolved');
  });

  it('opens the circuit after consecutive failures and closes it after the pause', async () => {
    let now = 0;
    const gate = new ModelGate(
      { ...settings, dailyTokenBudget: 1e9 },
      () => now,
    );
    for (let i = 0; i < 2; i++)
      expect(await reason(gate.run(fail))).toBe('other: boom');
    await gate.run(ok()); // a success resets the streak
    for (let i = 0; i < 3; i++)
      expect(await reason(gate.run(fail))).toBe('other: boom');
    expect(gate.usage()).toMatchObject({ circuit: 'open', failures: 5 });
    expect(await reason(gate.run(ok()))).toBe('circuit_open');
    now = 60_001;
    expect(await reason(gate.run(ok()))).toBe('resolved');
    expect(gate.usage().circuit).toBe('closed');
  });

  it('runs at most `concurrency` calls at once', async () => {
    const gate = new ModelGate({ ...settings, dailyTokenBudget: 1e9 });
    let inFlight = 0;
    let most = 0;
    const slow = async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise(r => setTimeout(r, 20));
      inFlight--;
      return { value: 1, tokensIn: 1, tokensOut: 1 };
    };
    await Promise.all(Array.from({ length: 6 }, () => gate.run(slow)));
    expect(most).toBe(2);
  });

  it('refuses everything when disabled', async () => {
    const gate = new ModelGate({ ...settings, enabled: false });
    expect(await reason(gate.run(ok()))).toBe('disabled');
  });
});

import { decideRetry, type RetryInput } from './decideRetry';
import { summariseHistory, type JobOutcome } from './retryHistory';

const cause = {
  classId: 'http-throttled-or-unavailable',
  label: 'an HTTP status the vendor declares retryable',
  lineId: 'L3',
  source: 'x',
};
const safeInput: RetryInput = {
  category: 'dependency_unavailable',
  partialWrite: 'false',
  confidence: 0.9,
  transientCause: cause,
};

const SIG = 'sig-a';
const at = (hour: number) =>
  `2026-12-01T${String(hour).padStart(2, '0')}:00:00.000Z`;
const fail = (hour: number, signature = SIG): JobOutcome => ({
  eventId: `f${hour}`,
  at: at(hour),
  signature,
});
const ok = (hour: number): JobOutcome => ({
  eventId: `s${hour}`,
  at: at(hour),
});
const now = { at: at(12), signature: SIG };

describe('summariseHistory', () => {
  it('counts what followed each earlier failure of the signature, the failure being decided last', () => {
    expect(summariseHistory([fail(1), ok(2), fail(3), ok(4)], now)).toEqual({
      retried: 2,
      succeeded: 2,
      failedSame: 0,
      lastFailedSame: 0,
    });
    expect(summariseHistory([fail(1), fail(2), fail(3)], now)).toEqual({
      retried: 3,
      succeeded: 0,
      failedSame: 3,
      lastFailedSame: 3,
    });
    expect(summariseHistory([fail(1), fail(2), ok(3), fail(4)], now)).toEqual({
      retried: 3,
      succeeded: 1,
      failedSame: 2,
      lastFailedSame: 1,
    });
  });

  it('ignores other signatures, later runs and the job that never failed this way', () => {
    expect(summariseHistory([fail(1, 'other'), ok(2)], now)).toBeUndefined();
    expect(summariseHistory([ok(1), fail(13), fail(14)], now)).toBeUndefined();
    expect(summariseHistory([], now)).toBeUndefined();
  });

  it('compares times as instants whatever their offset', () => {
    const earlier = {
      eventId: 'x',
      at: '2026-12-01T13:00:00+02:00',
      signature: SIG,
    }; // 11:00Z, before 12:00Z
    expect(summariseHistory([earlier], now)?.retried).toBe(1);
  });
});

describe('decideRetry with the job history', () => {
  it('turns a yes into a no when the last retries failed the same way', () => {
    const history = summariseHistory([fail(1), fail(2)], now);
    expect(decideRetry(safeInput).safeToRetry).toBe(true);
    const v = decideRetry({ ...safeInput, history });
    expect(v.safeToRetry).toBe(false);
    expect(v.reason).toMatch(
      /^Not safe: the last 2 retries of this job failed the same way/,
    );
    expect(v.wouldAllowYes).toMatch(/changed input, setting or code version/);
    expect(v.history).toEqual({
      retried: 2,
      succeeded: 0,
      failedSame: 2,
      lastFailedSame: 2,
    });
  });

  it('keeps a yes after one failed retry, and says so', () => {
    const v = decideRetry({
      ...safeInput,
      history: summariseHistory([ok(1), fail(2)], now),
    });
    expect(v.safeToRetry).toBe(true);
    expect(v.reason).toMatch(
      /retried once before: 0 succeeded, 1 failed the same way; the last retry failed the same way\.$/,
    );
  });

  it('explains a yes with the retries that succeeded', () => {
    const v = decideRetry({
      ...safeInput,
      history: summariseHistory(
        [fail(1), ok(2), fail(3), ok(4), fail(5), ok(6), fail(7), ok(8)],
        now,
      ),
    });
    expect(v.safeToRetry).toBe(true);
    expect(v.reason).toMatch(/^Safe to retry/);
    expect(v.reason).toMatch(/was retried 4 times before: 4 succeeded\.$/);
  });

  it('never turns a no into a yes, however many retries succeeded', () => {
    const history = summariseHistory([fail(1), ok(2), fail(3), ok(4)], now);
    const written = decideRetry({
      ...safeInput,
      partialWrite: 'true',
      history,
    });
    expect(written.safeToRetry).toBe(false);
    expect(written.reason).toMatch(
      /^Not safe: the run already wrote part of its output/,
    );
    expect(written.reason).toMatch(/2 succeeded\.$/);
    const deterministic = decideRetry({
      ...safeInput,
      category: 'code_error',
      history,
    });
    expect(deterministic.safeToRetry).toBe(false);
    const noCause = decideRetry({
      ...safeInput,
      transientCause: undefined,
      history,
    });
    expect(noCause.safeToRetry).toBe(false);
  });
});

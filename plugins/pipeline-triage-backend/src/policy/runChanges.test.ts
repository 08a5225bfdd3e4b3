import { changesSince } from './runChanges';
import { flakyFlips, summariseHistory, type JobOutcome } from './retryHistory';
import { zeroRowsSilence } from './silentRuns';

describe('changesSince', () => {
  it('lists each known difference and only those both runs carry', () => {
    expect(
      changesSince(
        {
          code: 'a1',
          engine: 'spark 3.5.0',
          config: 'G.1X x 10',
          schemas: { 's3/raw': ['id:int', 'amount:decimal', 'old:string'] },
        },
        {
          code: 'b2',
          engine: 'spark 3.5.0',
          schemas: { 's3/raw': ['id:int', 'amount:string', 'extra:int'] },
        },
      ),
    ).toEqual([
      { kind: 'code', from: 'a1', to: 'b2', evidence: 'code version' },
      {
        kind: 'schema',
        from: 'id:int, amount:decimal, old:string',
        to: 'id:int, amount:string, extra:int',
        evidence:
          'input s3/raw: added extra; removed old; retyped amount decimal → string',
      },
    ]);
  });

  it('says nothing without a success or when nothing differs', () => {
    expect(changesSince(undefined, { code: 'a' })).toEqual([]);
    expect(changesSince({ code: 'a' }, undefined)).toEqual([]);
    expect(changesSince({ code: 'a' }, { code: 'a', engine: 'x' })).toEqual([]);
  });
});

const at = (h: number) => `2026-12-01T${String(h).padStart(2, '0')}:00:00Z`;
const fail = (h: number, code = 'v1'): JobOutcome => ({
  eventId: `f${h}`,
  at: at(h),
  signature: 'sig',
  versions: { code },
});
const ok = (h: number, code = 'v1'): JobOutcome => ({
  eventId: `s${h}`,
  at: at(h),
  versions: { code },
});

describe('fixes and flips', () => {
  it('counts a success after a version change as a fix, not a passing retry', () => {
    const history = summariseHistory([fail(1, 'v1'), ok(2, 'v2')], {
      at: at(3),
      signature: 'sig',
      versions: { code: 'v2' },
    });
    expect(history).toEqual({
      retried: 1,
      succeeded: 0,
      fixed: 1,
      failedSame: 0,
      lastFailedSame: 0,
    });
  });

  it('counts flips only where nothing changed between the failure and the success', () => {
    expect(flakyFlips([fail(1), ok(2), fail(3), ok(4)], 'sig', at(5))).toBe(2);
    expect(
      flakyFlips([fail(1), ok(2, 'v2'), fail(3, 'v2'), ok(4)], 'sig', at(5)),
    ).toBe(0);
    expect(flakyFlips([fail(1), ok(2)], 'other', at(5))).toBe(0);
    // Runs after the failure being decided are not read.
    expect(flakyFlips([fail(1), ok(2), fail(3), ok(4)], 'sig', at(3))).toBe(1);
  });
});

describe('zeroRowsSilence', () => {
  const wrote = (h: number, rowsWritten?: number) => ({
    at: at(h),
    rowsWritten,
  });
  it('is silent when zero rows follow successes that all wrote rows', () => {
    expect(
      zeroRowsSilence(0, [wrote(1, 10), wrote(2, 30), wrote(3, 20)], ['t']),
    ).toEqual({
      kind: 'zero_rows',
      reason:
        'Silent failure: the run completed but wrote 0 rows to t, where its last 3 successful runs wrote rows (median 20).',
    });
  });
  it('is not silent with rows, too little history, or a job that wrote none before', () => {
    expect(
      zeroRowsSilence(5, [wrote(1, 10), wrote(2, 30)], []),
    ).toBeUndefined();
    expect(
      zeroRowsSilence(undefined, [wrote(1, 10), wrote(2, 30)], []),
    ).toBeUndefined();
    expect(zeroRowsSilence(0, [wrote(1, 10), wrote(2)], [])).toBeUndefined();
    expect(zeroRowsSilence(0, [wrote(1, 10), wrote(2, 0)], [])).toBeUndefined();
  });
});

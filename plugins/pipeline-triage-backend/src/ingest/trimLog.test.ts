import fc from 'fast-check';
import { capLine, trimLog } from './trimLog';

const info = (i: number) =>
  `2026-11-20 03:${String(i % 60).padStart(2, '0')}:00,123 INFO  [executor-${
    i % 8
  }] storage.BlockManager: Found block rdd_17_${i} locally`;

/** A long, realistic Spark driver log with one root cause buried in the middle. */
function sparkLog(lines: number, causeAt: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    if (i === causeAt) {
      out.push(
        '2026-11-20 03:12:43,001 WARN  TaskSetManager: Lost task 17.3 in stage 4.0 (TID 231): connection reset',
        '2026-11-20 03:12:43,002 ERROR Executor: Exception in task 17.3 in stage 4.0 (TID 231)',
        'java.io.IOException: Connection reset by peer',
        '\tat sun.nio.ch.FileDispatcherImpl.read0(Native Method)',
        'Caused by: org.apache.spark.shuffle.FetchFailedException: Too large frame: 2147483648',
        '\tat org.apache.spark.storage.ShuffleBlockFetcherIterator.throwFetchFailedException(ShuffleBlockFetcherIterator.scala:1232)',
      );
    }
    out.push(info(i));
  }
  out.push(
    '2026-11-20 03:12:45,900 INFO  ShutdownHookManager: Shutdown hook called',
  );
  return out.join('\n');
}

function trimmedCounts(text: string): number {
  return [...text.matchAll(/^… (\d+) lines? trimmed …$/gm)].reduce(
    (n, m) => n + Number(m[1]),
    0,
  );
}

describe('trimLog', () => {
  it('leaves a short log alone', () => {
    const text = 'line 1\nERROR boom\nline 3';
    expect(trimLog(text)).toEqual({ text, trimmed: false, originalBytes: 24 });
  });

  it('keeps the head, the root cause with context and the tail, within the budget', () => {
    const log = sparkLog(20000, 9000);
    const result = trimLog(log);
    const lines = result.text.split('\n');
    expect(result.trimmed).toBe(true);
    expect(result.originalBytes).toBe(Buffer.byteLength(log));
    expect(Buffer.byteLength(result.text)).toBeLessThanOrEqual(64 * 1024);
    expect(lines[0]).toBe(info(0));
    expect(lines).toContain(info(39));
    expect(result.text).toContain(
      '2026-11-20 03:12:43,002 ERROR Executor: Exception in task 17.3 in stage 4.0 (TID 231)',
    );
    expect(result.text).toContain(
      'Caused by: org.apache.spark.shuffle.FetchFailedException: Too large frame: 2147483648',
    );
    // context after the cause line
    expect(result.text).toContain(
      'ShuffleBlockFetcherIterator.throwFetchFailedException',
    );
    expect(lines[lines.length - 1]).toBe(
      '2026-11-20 03:12:45,900 INFO  ShutdownHookManager: Shutdown hook called',
    );
    expect(lines).toContain(info(19999 - 150));
    // every dropped line is accounted for by a marker
    const kept = lines.filter(l => !/^… \d+ lines? trimmed …$/.test(l)).length;
    expect(kept + trimmedCounts(result.text)).toBe(log.split('\n').length);
  });

  it('keeps the first and the last errors when there are too many to fit', () => {
    const lines = Array.from(
      { length: 60000 },
      (_, i) => `ERROR worker ${i}: task failed: upstream returned 503`,
    );
    lines[0] = 'Traceback (most recent call last): the first error';
    lines[59990] = 'ERROR the last error before the tail';
    const result = trimLog(lines.join('\n'), {
      maxBytes: 16 * 1024,
      tailLines: 5,
    });
    expect(Buffer.byteLength(result.text)).toBeLessThanOrEqual(16 * 1024);
    expect(result.text).toContain('the first error');
    expect(result.text).toContain('the last error before the tail');
  });

  it('caps every line at 4 KB, even in a short log', () => {
    const long = `ERROR payload: ${'x'.repeat(10000)}`;
    const result = trimLog(`start\n${long}\nend`, { maxBytes: 1024 * 1024 });
    const [, capped] = result.text.split('\n');
    expect(result.trimmed).toBe(true);
    expect(Buffer.byteLength(capped)).toBeLessThanOrEqual(4096);
    expect(capped).toMatch(/^ERROR payload: x+ … \[10015 bytes, cut\]$/);
    expect(result.text.endsWith('\nend')).toBe(true);
  });

  it('never cuts a multi-byte character in half', () => {
    const { text, capped } = capLine('é'.repeat(5000), 4096);
    expect(capped).toBe(true);
    expect(text).not.toContain('\uFFFD');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4096);
  });

  it('stays within any budget and keeps short logs whole (property)', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 120 }).map(s => s.replace(/\n/g, ' ')),
      fc.constantFrom(
        'ERROR x',
        'Caused by: y',
        'Traceback (most recent call last):',
        'task failed',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 400 }),
        fc.integer({ min: 200, max: 20000 }),
        (lines, maxBytes) => {
          const text = lines.join('\n');
          const result = trimLog(text, { maxBytes });
          expect(Buffer.byteLength(result.text)).toBeLessThanOrEqual(maxBytes);
          const fits = Buffer.byteLength(text) <= maxBytes;
          expect(fits ? result.text : text).toBe(text);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is linear: a 100 MB log takes well under the time a quadratic scan would', () => {
    const block = `${Array.from({ length: 99 }, (_, i) => info(i)).join(
      '\n',
    )}\nERROR Executor: Exception in task ${'z'.repeat(20)}\n`;
    const big = block.repeat(Math.ceil((100 * 1024 * 1024) / block.length));
    const started = Date.now();
    const result = trimLog(big);
    const elapsed = Date.now() - started;
    expect(result.originalBytes).toBeGreaterThanOrEqual(100 * 1024 * 1024);
    expect(Buffer.byteLength(result.text)).toBeLessThanOrEqual(64 * 1024);
    expect(elapsed).toBeLessThan(15000);

    const oneLine = 'ERROR '.repeat(17 * 1024 * 1024);
    const t0 = Date.now();
    const single = trimLog(oneLine);
    expect(Date.now() - t0).toBeLessThan(15000);
    expect(Buffer.byteLength(single.text)).toBeLessThanOrEqual(4096);
  }, 60000);
});

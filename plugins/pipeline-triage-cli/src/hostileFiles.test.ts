import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { runCli } from './index';

jest.setTimeout(180_000);

// The repository's example events (examples/events), seeds for the hostile variants.
const EVENTS_DIR = path.resolve(__dirname, '../../../examples/events');
const SEEDS = fs
  .readdirSync(EVENTS_DIR)
  .filter(f => f.endsWith('.json'))
  .map(f => JSON.parse(fs.readFileSync(path.join(EVENTS_DIR, f), 'utf8')));
const SEED = Number(process.env.PT_FUZZ_SEED ?? 4242);
const BIN = path.resolve(__dirname, '../bin/pipeline-triage');

function setAnywhere(value: any, at: number, replacement: unknown): unknown {
  const slots: Array<[any, string]> = [];
  const walk = (v: any, depth: number) => {
    if (depth > 20 || typeof v !== 'object' || v === null) return;
    for (const k of Object.keys(v)) {
      slots.push([v, k]);
      walk(v[k], depth + 1);
    }
  };
  const copy = structuredClone(value);
  walk(copy, 0);
  if (slots.length) {
    const [container, key] = slots[at % slots.length];
    container[key] = replacement;
  }
  return copy;
}

/** A file to write; prints as its size so a failure report stays readable. */
const fileOf = (ext: string, data: Buffer) => ({
  ext,
  data,
  [fc.toStringMethod]: () =>
    `<${ext} file, ${data.length} bytes: ${JSON.stringify(
      data.subarray(0, 80).toString('latin1'),
    )}>`,
});

/** File contents a user might point the CLI at by mistake or on purpose. */
const fileArb: fc.Arbitrary<{ ext: string; data: Buffer }> = fc.oneof(
  fc
    .tuple(
      fc.nat({ max: SEEDS.length - 1 }),
      fc.nat(),
      fc.jsonValue({ maxDepth: 3 }),
    )
    .map(([s, at, v]) =>
      fileOf(
        '.json',
        Buffer.from(JSON.stringify(setAnywhere(SEEDS[s], at, v))),
      ),
    ),
  fc.uint8Array({ maxLength: 5_000 }).map(b => fileOf('.log', Buffer.from(b))),
  fc.uint8Array({ maxLength: 5_000 }).map(b => fileOf('.json', Buffer.from(b))),
  fc
    .jsonValue({ maxDepth: 4 })
    .map(v => fileOf('.json', Buffer.from(JSON.stringify(v) ?? 'null'))),
  fc
    .integer({ min: 1_000, max: 50_000 })
    .map(d =>
      fileOf('.json', Buffer.from(`${'['.repeat(d)}1${']'.repeat(d)}`)),
    ),
  fc.constantFrom(
    fileOf(
      '.log',
      Buffer.from(
        `${'x'.repeat(3_000_000)} java.lang.OutOfMemoryError: Java heap space`,
      ),
    ),
    fileOf(
      '.log',
      Buffer.from('\u001b[31mERROR\u001b[0m \u0000 Killed\r\n'.repeat(40_000)),
    ),
    fileOf(
      '.log',
      Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xe2, 0x28, 0xa1]),
    ),
    fileOf(
      '.json',
      Buffer.from(
        '{"job": {"name": "x"}, "eventTime": "not a time", "errorMessage": 42}',
      ),
    ),
  ),
);

describe('pipeline-triage classify on hostile files', () => {
  it('classifies or names the file, never an unexpected error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-fuzz-cli-'));
    let n = 0;
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fileArb, async ({ ext, data }) => {
        const file = path.join(dir, `input-${n++}${ext}`);
        fs.writeFileSync(file, data);
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(
          ['node', 'pipeline-triage', 'classify', '--json', file],
          {
            out: t => out.push(t),
            err: t => err.push(t),
          },
        );
        // 0: classified; 2: an input problem reported on one line naming the file. 3 is a crash.
        codes.add(code);
        expect({ ok: code === 0 || code === 2, err }).toEqual({
          ok: true,
          err,
        });
        const verdicts = code === 0 ? out.map(line => JSON.parse(line)) : [];
        expect(verdicts.filter(v => typeof v.category !== 'string')).toEqual(
          [],
        );
        // A refusal names the file it could not read.
        expect(code === 0 || err.join('\n').includes(path.basename(file))).toBe(
          true,
        );
      }),
      { numRuns: 40, seed: SEED },
    );
    expect([...codes]).toContain(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the real command survives a directory of hostile files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-fuzz-cli-'));
    fc.sample(fileArb, { numRuns: 12, seed: SEED }).forEach(
      ({ ext, data }, i) =>
        fs.writeFileSync(path.join(dir, `f${i}${ext}`), data),
    );
    const r = spawnSync(process.execPath, [BIN, 'classify', '--json', dir], {
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.signal).toBeNull();
    expect([0, 2]).toContain(r.status);
    expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

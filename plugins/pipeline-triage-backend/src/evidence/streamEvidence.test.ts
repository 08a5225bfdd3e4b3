import { Readable } from 'node:stream';
import { extractEvidence } from './extractEvidence';
import { extractEvidenceFromStream } from './streamEvidence';

async function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe('extractEvidenceFromStream', () => {
  it('gives the same evidence as the in-memory reader for a short log', async () => {
    const log =
      'INFO a\nERROR Caused by nothing\njava.lang.OutOfMemoryError: Java heap space\n\tat x.Y.z(Y.java:1)\nINFO done';
    const fromStream = await extractEvidenceFromStream(chunks(log, 7));
    const inMemory = extractEvidence({ logExcerpt: log });
    expect(fromStream.lines.map(l => [l.id, l.role, l.text])).toEqual(
      inMemory.lines.map(l => [l.id, l.role, l.text]),
    );
    expect(fromStream.causeChain).toEqual(inMemory.causeChain);
  });

  it('keeps bounded windows of a large log: early errors, the failure at the end, and the tail', async () => {
    const lines: string[] = [];
    for (let i = 1; i <= 200_000; i += 1) {
      if (i === 10) lines.push('ERROR early problem');
      else if (i === 199_990)
        lines.push('java.lang.OutOfMemoryError: Java heap space');
      else lines.push(`INFO step ${i} processed batch`);
    }
    const ev = await extractEvidenceFromStream(
      Readable.from(lines.join('\n').match(/[\s\S]{1,65536}/g)!),
    );
    expect(ev.truncated).toBe(true);
    expect(ev.counts.lines).toBe(200_000);
    expect(ev.lines.length).toBeLessThan(2_000);
    expect(ev.lines.some(l => l.id === 'L10')).toBe(true);
    expect(ev.causeChain[0].text).toBe(
      'java.lang.OutOfMemoryError: Java heap space',
    );
    expect(ev.lines.at(-1)!.id).toBe('L200000');
  });

  it('reads Buffers split inside multi-byte characters and cuts endless lines', async () => {
    const text = `ERROR café ✓\n${'y'.repeat(50_000)}\nERROR after`;
    const buf = Buffer.from(text, 'utf8');
    const parts = [
      buf.subarray(0, 10),
      buf.subarray(10, 30_000),
      buf.subarray(30_000),
    ];
    const ev = await extractEvidenceFromStream(Readable.from(parts));
    expect(ev.lines[0].text).toBe('ERROR café ✓');
    expect(
      ev.lines.find(l => l.text.startsWith('y'))!.text.length,
    ).toBeLessThanOrEqual(4097);
    expect(ev.lines.at(-1)!.text).toBe('ERROR after');
    expect(ev.counts.lines).toBe(3);
  });
});

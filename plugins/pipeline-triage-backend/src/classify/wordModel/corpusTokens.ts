import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractEvidence } from '../../evidence';
import type { LabelledTokens } from './trainWordModel';
import { errorLines, wordTokens } from './wordTokens';

/**
 * The labelled failures of a corpus directory (the project's tuning cases, never the holdout)
 * as word sets, read through the same evidence reader the engine uses, and a digest of their
 * ids and labels.
 */
export function corpusTokens(dir: string): {
  examples: LabelledTokens[];
  digest: string;
} {
  const hash = createHash('sha256');
  const examples: LabelledTokens[] = [];
  for (const file of readdirSync(dir)
    .filter(f => f.endsWith('.json'))
    .sort()) {
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      id: string;
      log: string;
      expected: { category: Category };
    };
    const evidence = extractEvidence({ logExcerpt: c.log });
    hash.update(`${c.id}\t${c.expected.category}\t${c.log}\n`);
    examples.push({
      id: c.id,
      category: c.expected.category,
      tokens: wordTokens(errorLines(evidence)),
    });
  }
  return { examples, digest: hash.digest('hex').slice(0, 16) };
}

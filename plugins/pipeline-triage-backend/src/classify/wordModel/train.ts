/*
 * Trains the word model of the fallback on the project's tuning cases (never the holdout) and
 * writes wordModel.json beside this file. Run from plugins/pipeline-triage-backend after
 * changing the tuning cases:
 *
 *   npm run train:word-model [-- --dump-tokens <file>]
 *
 * --dump-tokens also writes each case's word set (one JSON per line) for offline study.
 */
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { writeFileSync } from 'node:fs';
import { corpusTokens } from './corpusTokens';
import { trainWordModel } from './trainWordModel';

const PACKAGE = '@pipeline-triage/plugin-pipeline-triage-backend';
const TUNING = resolvePackagePath(PACKAGE, 'fixtures/cases/tuning');
const { examples, digest } = corpusTokens(TUNING);
const model = trainWordModel(examples, digest);
writeFileSync(
  resolvePackagePath(PACKAGE, 'src/classify/wordModel/wordModel.json'),
  `${JSON.stringify(model)}\n`,
);
const dump = process.argv.indexOf('--dump-tokens');
if (dump >= 0) {
  writeFileSync(
    process.argv[dump + 1],
    examples
      .map(e =>
        JSON.stringify({
          id: e.id,
          category: e.category,
          tokens: [...e.tokens],
        }),
      )
      .join('\n'),
  );
}
process.stdout.write(
  `word model: ${examples.length} tuning cases, ${
    Object.keys(model.words).length
  } words, digest ${digest}\n`,
);

import { WORD_MODEL_RULE } from '@pipeline-triage/plugin-pipeline-triage-common';
import { join } from 'node:path';
import { verdictOfLog } from '../../__testUtils__/verdictOfLog';
import { corpusTokens } from './corpusTokens';
import { guessCategory } from './guessCategory';
import { trainWordModel, WordModel } from './trainWordModel';
import { WORD_FALLBACK } from './wordFallback';
import shipped from './wordModel.json';

const CASES = join(__dirname, '../../../fixtures/cases');

describe('the word model of the fallback', () => {
  it('is the one the tuning cases train today (run `npm run train:word-model` after changing them)', () => {
    const { examples, digest } = corpusTokens(join(CASES, 'tuning'));
    expect(shipped).toEqual(trainWordModel(examples, digest));
  });

  it('never learns from the holdout', () => {
    const holdout = corpusTokens(join(CASES, 'holdout'));
    const tuning = corpusTokens(join(CASES, 'tuning'));
    expect(shipped.trainedOn.digest).toBe(tuning.digest);
    expect(shipped.trainedOn.digest).not.toBe(holdout.digest);
    expect(shipped.trainedOn.cases).toBe(tuning.examples.length);
  });

  const tiny: WordModel = trainWordModel(
    [
      {
        id: 'a',
        category: 'config_error',
        tokens: new Set(['profile', 'missing']),
      },
      {
        id: 'b',
        category: 'config_error',
        tokens: new Set(['profile', 'setting']),
      },
      { id: 'c', category: 'permission', tokens: new Set(['denied', 'grant']) },
      { id: 'd', category: 'permission', tokens: new Set(['denied', 'role']) },
    ],
    'test',
    1,
  );

  it('guesses the category whose failures share the words, with the words that spoke for it', () => {
    const guess = guessCategory(tiny, new Set(['profile', 'setting', 'zzz']))!;
    expect(guess.category).toBe('config_error');
    expect(guess.posterior).toBeGreaterThan(0.5);
    expect(guess.words).toEqual(expect.arrayContaining(['profile']));
    expect(guessCategory(tiny, new Set(['denied']))!.category).toBe(
      'permission',
    );
  });

  it('guesses nothing from words it never saw, and only among the categories it is given', () => {
    expect(guessCategory(tiny, new Set(['zzz', 'qqq']))).toBeUndefined();
    expect(
      guessCategory(tiny, new Set(['denied']), ['config_error'])!.category,
    ).toBe('config_error');
  });

  it('drops words of a single failure when trained with the default threshold', () => {
    const model = trainWordModel(
      [
        {
          id: 'a',
          category: 'config_error',
          tokens: new Set(['profile', 'acme_corp']),
        },
        { id: 'b', category: 'config_error', tokens: new Set(['profile']) },
      ],
      'test',
    );
    expect(Object.keys(model.words)).toEqual(['profile']);
  });
});

describe('the engine when no rule fires', () => {
  // An error class and message of a tool the rules do not know, in the words its family uses.
  const LEAD =
    "2026-12-07 10:00:02 ERROR zorbflow.errors.ZorbProfileMissing: profile 'warehouse_main' declared in project file is not defined in the profiles file";

  it('names the category the words point to as a lead below the retry floor, with what would confirm it', () => {
    const v = verdictOfLog(LEAD);
    expect(v.classification.category).toBe('config_error');
    expect(v.classification.rules).toEqual([WORD_MODEL_RULE]);
    expect(v.classification.confidence).toBeLessThan(0.75);
    expect(v.classification.confidence).toBeGreaterThanOrEqual(
      WORD_FALLBACK.confidence[0][1],
    );
    expect(v.classification.hypotheses[0].reason).toMatch(
      /No rule recognised this failure.*"profile/,
    );
    expect(v.classification.evidence.length).toBeGreaterThan(0);
    expect(v.retry.safeToRetry).toBe(false);
    expect(v.missingEvidence?.missing.join('\n')).toMatch(
      /confirms config_error.*lead from the words/,
    );
  });

  it('never makes a retry safe, whatever category the words point to', () => {
    // Words of infrastructure failures, and nothing a rule knows: still not safe.
    const v = verdictOfLog(
      '2026-12-07 10:00:02 ERROR blorp.ZorbNodeVanished: worker node zorb-7 was lost; executor heartbeat missing, container released by the node manager',
    );
    expect(v.retry.safeToRetry).toBe(false);
  });

  it('keeps `unknown` for a log of wrappers alone, and asks for the real error', () => {
    const v = verdictOfLog(
      'org.apache.spark.SparkException: Job aborted due to stage failure: Task 4 in stage 17.0 failed 4 times, most recent failure: Lost task 4.3 in stage 17.0 (TID 2211)',
      { jobType: 'spark' },
    );
    expect(v.classification.category).toBe('unknown');
    expect(v.missingEvidence?.requests[0].ask).toMatch(/executor logs/);
  });

  it('keeps `unknown` when the error lines carry no word the model knows', () => {
    const v = verdictOfLog('2026-12-07 10:00:02 ERROR zorb qux blorp');
    expect(v.classification.category).toBe('unknown');
    expect(v.classification.rules).toEqual([]);
    expect(v.missingEvidence?.requests.length).toBeGreaterThan(0);
  });
});

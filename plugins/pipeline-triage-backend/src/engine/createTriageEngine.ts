import {
  CATEGORY_INFO,
  EvidenceLine,
  FailureEvent,
  JobChange,
  TriageVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import {
  BUILT_IN_RULE_PACKS,
  classify,
  compileRulePacks,
  parseRulePack,
  type CompiledRuleSet,
  type ExtraEvidence,
  type RulePack,
} from '../classify';
import { Evidence, extractEvidence } from '../evidence';
import {
  decidePartialWrite,
  decideRetry,
  decideSeverity,
  findTransientCause,
  nonTransientReason,
  summariseHistory,
  type JobOutcome,
  type RunSnapshot,
} from '../policy';
import { changeEvidence, changeLines } from './changeEvidence';
import { missingEvidence, recommend } from '../recommend';
import { selectEvidenceLines } from './evidenceLines';
import { headline } from './headline';
import { failureSignature } from './signature';
import { shortText, summarise } from './summary';

export interface TriageContext {
  /** From the pipeline's idempotent annotation. */
  idempotent?: boolean;
  /** False for jobs that write nothing (checks, sensors). Unknown = assume they write. */
  writesOutput?: boolean;
  /** From the catalog's runbook annotation. */
  runbookUrl?: string;
  /** Evidence from later stages (contract violations, lineage), scored with the rules. */
  extraEvidence?: ExtraEvidence[];
  /**
   * The job's recent runs (failures with their signature, successes), read by triage before the
   * engine runs; the retry policy reads those of this failure's signature. Absent in the CLI.
   */
  history?: JobOutcome[];
  /** The versions this run carried: a success after a changed version is a fix, not a retry. */
  versions?: RunSnapshot;
  /** What changed since the job's last success: evidence where the failure already points. */
  changes?: JobChange[];
}

export interface EngineResult {
  verdict: TriageVerdict;
  evidenceLines: EvidenceLine[];
  /** Root cause first, outermost wrapper last. */
  causeChain: string[];
}

export interface TriageEngineOptions {
  /** Replaces the built-in packs (default: all built-in packs). */
  rulePacks?: RulePack[];
  /**
   * User packs, applied after the built-in ones; a rule with a built-in id replaces it.
   * Plain objects (parsed YAML, app-config) are validated; invalid ones throw InputError.
   */
  userRulePacks?: Array<RulePack | unknown>;
  /** Time all user-pack patterns together may take on one event; then they are skipped. Default: 50. */
  userRuleBudgetMs?: number;
}

export interface TriageEngine {
  /** Pure and synchronous: the event in, the verdict out. */
  triage(event: FailureEvent, ctx?: TriageContext): EngineResult;
  /** Same, for evidence read separately (e.g. streamed from a large log file). */
  triageEvidence(
    event: FailureEvent,
    evidence: Evidence,
    ctx?: TriageContext,
  ): EngineResult;
  readonly ruleSet: CompiledRuleSet;
}

function userPack(value: unknown, index: number): RulePack {
  const origin =
    value &&
    typeof value === 'object' &&
    typeof (value as RulePack).origin === 'string'
      ? (value as RulePack).origin!
      : `userRulePacks[${index}]`;
  return {
    ...parseRulePack(
      value && typeof value === 'object'
        ? { name: (value as RulePack).name, rules: (value as RulePack).rules }
        : value,
      origin,
    ),
    user: true,
  };
}

/** Builds the engine once (rules compiled and prefiltered), then triages events in microseconds. */
export function createTriageEngine(
  options: TriageEngineOptions = {},
): TriageEngine {
  const packs = [
    ...(options.rulePacks ?? BUILT_IN_RULE_PACKS),
    ...(options.userRulePacks ?? []).map(userPack),
  ];
  const ruleSet = compileRulePacks(packs, options.userRuleBudgetMs);

  const triageEvidence = (
    event: FailureEvent,
    evidence: Evidence,
    ctx: TriageContext = {},
  ): EngineResult => {
    let classification = classify(evidence, {
      rules: ruleSet,
      extraEvidence: ctx.extraEvidence,
    });
    // A change since the last success supports a cause the failure itself already points to
    // (a code error right after a code change); it never makes a cause on its own.
    const fromChanges = changeEvidence(ctx.changes, classification);
    if (fromChanges.length)
      classification = classify(evidence, {
        rules: ruleSet,
        extraEvidence: [...(ctx.extraEvidence ?? []), ...fromChanges],
      });
    const partialWrite = decidePartialWrite(event, evidence);
    // Transience is read only where the category may be retried at all: the rest answer no.
    const retryable =
      CATEGORY_INFO[classification.category].retryDefault !== 'no';
    const nonTransient = retryable
      ? nonTransientReason(evidence, classification.category)
      : undefined;
    const root =
      evidence.causeChain[0]?.text ??
      event.errorMessage ??
      evidence.lines.find(l => l.role === 'error')?.body;
    const signature = failureSignature(classification.category, root ?? '');
    const history =
      ctx.history &&
      summariseHistory(ctx.history, {
        at: event.eventTime,
        signature,
        versions: ctx.versions,
      });
    const retry = decideRetry({
      category: classification.category,
      partialWrite: partialWrite.partialWrite,
      attempt: event.attempt,
      maxAttempts: event.maxAttempts,
      idempotent: ctx.idempotent,
      writesOutput: ctx.writesOutput,
      confidence: classification.confidence,
      nonTransient: nonTransient?.reason,
      transientCause: retryable
        ? findTransientCause(evidence, classification.category)
        : undefined,
      history,
    });
    const severity = decideSeverity({
      category: classification.category,
      environment: event.environment,
      partialWrite: partialWrite.partialWrite,
      safeToRetry: retry.safeToRetry,
      idempotent: ctx.idempotent,
    });
    const recommendation = recommend({
      category: classification.category,
      event,
      evidence,
      safeToRetry: retry.safeToRetry,
      partialWrite: partialWrite.partialWrite,
      runbookUrl: ctx.runbookUrl,
    });
    const abstention = missingEvidence(event, evidence, classification);
    const verdict: TriageVerdict = {
      classification,
      partialWrite,
      retry,
      recommendation,
      severity,
      signature,
      summary: summarise(classification.category, headline(evidence) ?? root),
      ...(abstention ? { missingEvidence: abstention } : {}),
    };
    return {
      verdict,
      evidenceLines: [
        ...selectEvidenceLines(evidence, classification, partialWrite),
        ...changeLines(ctx.changes),
      ],
      causeChain: evidence.causeChain.map(l => shortText(l.text, 300)),
    };
  };

  return {
    ruleSet,
    triageEvidence,
    triage: (event, ctx) => triageEvidence(event, extractEvidence(event), ctx),
  };
}

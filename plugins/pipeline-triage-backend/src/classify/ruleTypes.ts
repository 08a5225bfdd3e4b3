import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';

/** A regular expression as data. Flags limited to i, m, s, u: g and y make tests stateful. */
export interface PatternDef {
  source: string;
  flags?: string;
}

/** Where a pattern may match, from narrowest to widest. */
export type RuleScope =
  /** The root-cause line(s) only. */
  | 'root'
  /** Any link of the exception chain (root, causes, wrappers). */
  | 'chain'
  /** Any error, cause, wrapper or warning line. */
  | 'error'
  /** Any retained line, context and stack frames included. */
  | 'any'
  /** The event's errorMessage only. */
  | 'message';

/** A predicate over the event's signals, as data: `{ signal: 'exitCode', equals: 137 }`. */
export interface SignalPredicate {
  signal: string;
  equals?: number | string | boolean;
  in?: Array<number | string>;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  exists?: boolean;
}

/** An error code predicate: `{ system: 'http', in: ['502', '503'] }`. */
export interface CodePredicate {
  system: string;
  equals?: string;
  in?: string[];
  prefix?: string;
  /** The code ends with this (exception families: `OutOfMemoryError`). */
  suffix?: string;
  /** Codes the predicate leaves to a more specific rule. */
  except?: string[];
}

/**
 * One classification rule. It fires when any pattern matches a line in its scope (or, for a
 * rule without patterns, when its signal/code predicates hold), all signal predicates hold,
 * and no `unless` pattern matches any retained line.
 */
export interface RuleDef {
  id: string;
  category: Exclude<Category, 'unknown'>;
  /** Human wording used in explanations: what the match means. */
  description?: string;
  patterns?: Array<PatternDef | string>;
  /** Default: 'error'. */
  where?: RuleScope;
  /** All must hold. */
  signals?: SignalPredicate[];
  code?: CodePredicate;
  /**
   * How decisive one match is, in (0, 1]: roughly the share of failures showing this evidence
   * that really belong to the category. 0.9+ for unambiguous root-cause signatures, 0.3-0.5
   * for generic words.
   */
  weight: number;
  unless?: Array<PatternDef | string>;
  /**
   * The rule fires only when some retained line (stack frames aside) matches one of these:
   * context from elsewhere in the log, e.g. the dated file the job asked for before a bare
   * "No such file".
   */
  requires?: Array<PatternDef | string>;
  /** Categories this evidence explains as symptoms (e.g. skew explains the OOM it causes). */
  explains?: Array<Exclude<Category, 'unknown'>>;
  /** A prior: raises the category only when other evidence already supports it. */
  prior?: boolean;
}

/** @alpha */
export interface RulePack {
  name: string;
  /** Where it came from, for error messages and explanations: a file path or 'built-in'. */
  origin?: string;
  /** A user pack: its rules run under the per-event time budget. */
  user?: boolean;
  rules: RuleDef[];
}

/**
 * Evidence added by later stages (contract checks, lineage) through the same scoring.
 *
 * @alpha
 */
export interface ExtraEvidence {
  kind: string;
  category: Exclude<Category, 'unknown'>;
  text: string;
  /** Same meaning as a rule weight. */
  weight: number;
}

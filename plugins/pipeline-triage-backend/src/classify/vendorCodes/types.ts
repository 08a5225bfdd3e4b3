import type { Category } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { PatternDef } from '../ruleTypes';

/**
 * One entry of a vendor code table: how a vendor or standard classifies one of its own codes
 * (or a family of them), mapped to the taxonomy. Exactly one of `code`, `codes`, `prefix` or
 * `suffix` (the last two may be combined: a package and a name ending) says what it matches.
 */
export interface VendorCodeEntry {
  /** Short stable name, used in the rule id: `vendor-<table>-<key>`. */
  key: string;
  code?: string;
  codes?: string[];
  prefix?: string;
  suffix?: string;
  category: Exclude<Category, 'unknown'>;
  /** Same meaning as a rule weight; families weigh less than the exact codes they contain. */
  weight: number;
  description: string;
  /** Where the vendor defines the code and its meaning. */
  source: string;
  /**
   * The vendor documents this code as transient: the same request may succeed later. Read by
   * the retry policy as positive evidence; it never decides the category.
   */
  transient?: boolean;
  /**
   * For exit codes that encode a signal: the signal's name. The rule then reads the run's kill
   * signals, which the evidence derives from 128+N and -N exit codes and from the name in the text.
   */
  signal?: string;
  /** Codes a family does not cover although their name fits (a framework's general-purpose class). */
  not?: string[];
  /** Categories this code explains as symptoms (a TLS failure explains the UNAVAILABLE around it). */
  explains?: Array<Exclude<Category, 'unknown'>>;
  /** Lines that, when present, mean the code is not this (as a rule's `unless`). */
  unless?: Array<PatternDef | string>;
  /** Lines one of which must be present for the code to mean this (as a rule's `requires`). */
  requires?: Array<PatternDef | string>;
}

/** A table of one code system, matched against `ErrorCode`s of that system. */
export interface VendorCodeTable {
  /** Short name used in rule ids. */
  name: string;
  /** The `ErrorCode['system']` it reads, or `exitCode` for the run's exit codes. */
  system: string;
  entries: VendorCodeEntry[];
}

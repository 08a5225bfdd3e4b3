import type {
  EvidenceLine,
  RunSignals,
} from '@pipeline-triage/plugin-pipeline-triage-common';

/** Which part of the event a line came from. */
export type Section = 'message' | 'stack' | 'log';

/**
 * What a line is, for weighting: the root cause weighs most, wrappers and stack frames least.
 * `cause` is a deeper link of the exception chain that is not the root; `retried` is an error
 * the tool said it is retrying (or recovered from): usually not what finally failed.
 */
export type LineRole =
  | 'root'
  | 'cause'
  | 'error'
  | 'wrapper'
  | 'retried'
  | 'warning'
  | 'context'
  | 'frame';

export interface ErrorCode {
  system:
    | 'sqlstate'
    | 'snowflake'
    | 'mysql'
    | 'oracle'
    | 'mssql'
    | 'clickhouse'
    | 'mongodb'
    | 'elasticsearch'
    | 'http'
    | 'aws'
    | 'azure'
    | 'azuresql'
    | 'databricks'
    | 'bigquery'
    | 'spark'
    | 'errno'
    | 'glue'
    | 'grpc'
    | 'exception'
    | 'trino'
    | 'redshift'
    | 'starrocks';
  code: string;
  lineId: string;
}

/** One retained line after analysis. */
export interface ScannedLine {
  id: string;
  /** 1-based number in the combined text (message, stack trace, log, in that order). */
  line: number;
  section: Section;
  /** The line as read, capped in length. */
  text: string;
  /** Lower-cased text, for keyword prefilters. */
  lower: string;
  /** The message without its log prefix (timestamp, level, logger). */
  body: string;
  level?: string;
  role: LineRole;
  /** Exception class declared on the line, when there is one. */
  exception?: string;
}

/** One link of the exception chain. */
export interface CauseLink {
  lineIds: string[];
  line: number;
  exception?: string;
  text: string;
  wrapper: boolean;
}

/** Signals from the event plus figures derived from it and from the log. */
export interface EvidenceSignals extends RunSignals {
  attempt?: number;
  maxAttempts?: number;
  /** max / median task duration, when the sender gave both. */
  taskDurationRatio?: number;
  /** max / median task input bytes, when the sender gave both. */
  taskInputRatio?: number;
  /** Exit codes from the event and from the log text. */
  exitCodes: number[];
  /** Kill signals: SIGKILL, SIGTERM, OOMKilled, ... */
  killSignals: string[];
}

export interface EvidenceCounts {
  /** Lines read in total (also the ones not retained). */
  lines: number;
  errors: number;
  warnings: number;
  /** Failed tasks, from the signals or counted from "Lost task" lines. */
  failedTasks?: number;
}

/**
 * Everything the classifier and the policies read. Built once per event.
 *
 * @alpha
 */
export interface Evidence {
  /** Retained lines in order. For short events these are all lines. */
  lines: ScannedLine[];
  byId: Map<string, ScannedLine>;
  /** Root cause first, outermost wrapper last. */
  causeChain: CauseLink[];
  /** Line ids of the root cause (several when its message spans lines). */
  rootIds: string[];
  codes: ErrorCode[];
  signals: EvidenceSignals;
  /** Structured signals as addressable evidence (`S1`, `S2`, ...). */
  signalLines: EvidenceLine[];
  counts: EvidenceCounts;
  /** True when the reader dropped lines to stay within its bounds. */
  truncated: boolean;
}

/** Where a vendor prints its codes: a regex capturing the code, run only when a gate literal occurs. */
export interface VendorCodePattern {
  system: ErrorCode['system'];
  /** Literal(s) one of which must occur (lower case) before the regex runs. */
  gate: string | string[];
  regex: RegExp;
}

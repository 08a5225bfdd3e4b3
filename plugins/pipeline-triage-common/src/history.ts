/**
 * What the job's own history adds to an incident: what changed since its last success, how the
 * same failure was fixed before, whether the job is flaky, whether the failure was silent.
 */

/** code: the job's code or its location; schema: an input's columns; config: a configuration fingerprint; engine: the processing engine's version. */
export type JobChangeKind = 'code' | 'schema' | 'config' | 'engine';

/** One difference between the job's last successful run and the failed one. */
export interface JobChange {
  kind: JobChangeKind;
  /** The value at the last success (absent when it carried none). */
  from?: string;
  /** The value in the failed run (absent when it carries none). */
  to?: string;
  /** Where the values were read, in words: "sourceCodeLocation.version", "schema of raw.orders: added discount". */
  evidence: string;
}

/** An earlier resolution of a failure with the same signature. */
export interface PastResolution {
  incidentId: string;
  /** The pipeline entity of that incident's job, or its job key when the catalog does not know it. */
  entityRef: string;
  resolvedAt: string;
  by: string;
  note?: string;
  /** self: this incident's own earlier resolution; job: the same job's; other: another job's. */
  scope: 'self' | 'job' | 'other';
}

/** A job whose failures of one signature alternate with successes with nothing changed between. */
export interface FlakyJob {
  jobKey: string;
  jobEntityRef?: string;
  /** The latest incident that found it flaky. */
  incidentId: string;
  title: string;
  /** Failures of the signature followed by a success with no change between them. */
  flips: number;
  lastSeen: string;
}

/** Why a run that did not fail opened an incident. */
export interface SilentFailure {
  kind: 'zero_rows' | 'no_run_before_sla';
  reason: string;
}

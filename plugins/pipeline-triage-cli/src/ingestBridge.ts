import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
// Integration point with the ingest stage: every supported event format (OpenLineage,
// Airflow callbacks, dbt artifacts, Glue, Dagster, generic, text) goes through its adapters.
import { normalizeEvents } from '@pipeline-triage/plugin-pipeline-triage-backend/alpha';

export interface BridgedEvents {
  events: FailureEvent[];
  problems: string[];
}

/**
 * Normalises any supported payload with the ingest adapters. Accepts both result shapes the
 * ingest stage has used: `{ items: [{ events, problems }] }` and `{ events }`.
 */
export function normalizeWithIngest(body: unknown): BridgedEvents {
  const result = normalizeEvents(body) as unknown as {
    items?: Array<{
      index: number;
      events: FailureEvent[];
      problems?: Array<{ field: string; reason: string }>;
    }>;
    events?: FailureEvent[];
  };
  if (Array.isArray(result.events))
    return { events: result.events, problems: [] };
  const events: FailureEvent[] = [];
  const problems: string[] = [];
  for (const item of result.items ?? []) {
    events.push(...item.events);
    for (const p of item.problems ?? [])
      problems.push(`item ${item.index}: ${p.field}: ${p.reason}`);
  }
  return { events, problems };
}

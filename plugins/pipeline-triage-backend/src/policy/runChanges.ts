import type {
  Category,
  JobChange,
} from '@pipeline-triage/plugin-pipeline-triage-common';

/**
 * The versions one run carried, as the job's run history keeps them: code, where it lives,
 * engine, configuration, and each input's columns as `name:type` in order.
 */
export interface RunSnapshot {
  code?: string;
  codeLocation?: string;
  engine?: string;
  config?: string;
  schemas?: Record<string, string[]>;
}

const SCALARS: Array<{
  key: 'code' | 'codeLocation' | 'engine' | 'config';
  kind: JobChange['kind'];
  evidence: string;
}> = [
  { key: 'code', kind: 'code', evidence: 'code version' },
  { key: 'codeLocation', kind: 'code', evidence: 'code location' },
  { key: 'engine', kind: 'engine', evidence: 'processing engine version' },
  { key: 'config', kind: 'config', evidence: 'configuration fingerprint' },
];

/**
 * What differs between the last success and this run. Only what both runs carry is compared:
 * a value the success did not send is unknown, not changed.
 */
export function changesSince(
  lastSuccess: RunSnapshot | undefined,
  current: RunSnapshot | undefined,
): JobChange[] {
  if (!lastSuccess || !current) return [];
  const changes: JobChange[] = [];
  for (const s of SCALARS) {
    const from = lastSuccess[s.key];
    const to = current[s.key];
    if (from && to && from !== to)
      changes.push({ kind: s.kind, from, to, evidence: s.evidence });
  }
  for (const [dataset, columns] of Object.entries(current.schemas ?? {})) {
    const before = lastSuccess.schemas?.[dataset];
    if (!before) continue;
    const diff = schemaDiff(before, columns);
    if (diff)
      changes.push({
        kind: 'schema',
        from: before.join(', '),
        to: columns.join(', '),
        evidence: `input ${dataset}: ${diff}`,
      });
  }
  return changes;
}

function schemaDiff(before: string[], after: string[]): string | undefined {
  const typeOf = (cols: string[]) =>
    new Map(
      cols.map(c => {
        const i = c.indexOf(':');
        return i < 0 ? [c, ''] : [c.slice(0, i), c.slice(i + 1)];
      }),
    );
  const a = typeOf(before);
  const b = typeOf(after);
  const added = [...b.keys()].filter(k => !a.has(k));
  const removed = [...a.keys()].filter(k => !b.has(k));
  const retyped = [...b.keys()].filter(
    k => a.has(k) && a.get(k) !== b.get(k) && a.get(k) && b.get(k),
  );
  const parts = [
    ...(added.length ? [`added ${added.join(', ')}`] : []),
    ...(removed.length ? [`removed ${removed.join(', ')}`] : []),
    ...(retyped.length
      ? [
          `retyped ${retyped
            .map(k => `${k} ${a.get(k)} → ${b.get(k)}`)
            .join(', ')}`,
        ]
      : []),
  ];
  return parts.length ? parts.join('; ') : undefined;
}

/** The category a change makes likelier, and how much, when the failure already points there. */
export const CHANGE_SUPPORTS: Record<
  JobChange['kind'],
  { category: Exclude<Category, 'unknown'>; weight: number }
> = {
  code: { category: 'code_error', weight: 0.35 },
  schema: { category: 'schema_drift', weight: 0.45 },
  config: { category: 'config_error', weight: 0.35 },
  engine: { category: 'code_error', weight: 0.25 },
};

/** One sentence per change, for the evidence a person reads. */
export function describeChange(c: JobChange): string {
  const what =
    c.kind === 'schema' ? `input schema changed (${c.evidence})` : c.evidence;
  return c.kind === 'schema'
    ? `Since the last success: ${what}.`
    : `Since the last success: ${what} changed from ${c.from} to ${c.to}.`;
}

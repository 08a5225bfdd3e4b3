import {
  CATEGORY_INFO,
  EvidenceLine,
  TriageVerdict,
  type JobChange,
  type PastResolution,
  type SilentFailure,
  isWordModelLead,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { codeBlock, escapeInline, percent } from './markdown';

import { historySections } from './historySections';

export interface IncidentReportInput {
  /** Defaults to the verdict summary. */
  title?: string;
  job: { name: string; namespace?: string; entityRef?: string };
  /** Task, step or model that failed, when known. */
  stage?: string;
  eventTime: string;
  environment?: string;
  runId?: string;
  attempt?: number;
  maxAttempts?: number;
  occurrences?: number;
  verdict: TriageVerdict;
  evidenceLines: EvidenceLine[];
  causeChain?: string[];
  /** Where the incident goes; decided by the routing stage. */
  route?: {
    recipient?: string;
    copy?: string[];
    rule?: string;
    reason?: string;
  };
  links?: Array<{ label?: string; url: string }>;
  /** What changed since the job's last success. */
  changes?: JobChange[];
  /** How the same failure was fixed before. */
  pastResolutions?: PastResolution[];
  flaky?: boolean;
  silentReason?: SilentFailure;
}

const MAX_EVIDENCE = 25;

function section(title: string, body: string[]): string[] {
  return [`## ${title}`, '', ...body, ''];
}

function evidenceBlock(lines: EvidenceLine[], cited: Set<string>): string[] {
  const logLines = lines.filter(l => l.kind !== 'signal');
  const signals = lines.filter(l => l.kind === 'signal');
  const shown = [
    ...logLines.filter(l => cited.has(l.id)),
    ...logLines.filter(l => !cited.has(l.id)),
  ]
    .slice(0, MAX_EVIDENCE)
    .sort((a, b) => a.line - b.line);
  const out: string[] = [];
  if (shown.length > 0) {
    const width = String(Math.max(...shown.map(l => l.line))).length;
    const text = shown
      .map(
        l =>
          `${cited.has(l.id) ? '>' : ' '} ${String(l.line).padStart(
            width,
          )} | ${l.text.slice(0, 400)}`,
      )
      .join('\n');
    out.push(codeBlock(text, 'text'));
    out.push(
      '',
      'Lines marked `>` decided the verdict. Line numbers refer to the text the engine read (error message, stack trace, then log).',
    );
  } else {
    out.push('_No error lines were found in the event._');
  }
  if (signals.length > 0) {
    out.push(
      '',
      `Run signals: ${signals.map(s => `\`${s.text}\``).join(', ')}`,
    );
  }
  return out;
}

/** The Markdown escalation report of one incident: everything a responder needs on one page. */
export function renderIncidentReport(input: IncidentReportInput): string {
  const { verdict } = input;
  const c = verdict.classification;
  const info = CATEGORY_INFO[c.category];
  const cited = new Set([
    ...c.evidence,
    ...(verdict.partialWrite.evidence ?? []),
  ]);
  const job = input.job.namespace
    ? `${input.job.namespace}/${input.job.name}`
    : input.job.name;
  const attempt =
    input.attempt !== undefined
      ? `${input.attempt}${
          input.maxAttempts !== undefined ? ` of ${input.maxAttempts}` : ''
        }`
      : undefined;

  const facts: Array<[string, string | undefined]> = [
    [
      'Job',
      `${escapeInline(job)}${
        input.job.entityRef ? ` (${escapeInline(input.job.entityRef)})` : ''
      }`,
    ],
    ['Stage', input.stage && escapeInline(input.stage)],
    ['Time', escapeInline(input.eventTime)],
    ['Environment', input.environment],
    ['Run', input.runId && `\`${input.runId.replace(/`/g, "'")}\``],
    ['Attempt', attempt],
    [
      'Occurrences',
      input.occurrences !== undefined ? String(input.occurrences) : undefined,
    ],
    ['Severity', verdict.severity],
    ['Signature', `\`${verdict.signature}\``],
  ];

  const out: string[] = [
    `# ${escapeInline(input.title ?? verdict.summary)}`,
    '',
  ];
  out.push('| | |', '|---|---|');
  for (const [k, v] of facts) if (v) out.push(`| ${k} | ${v} |`);
  out.push('');

  out.push(...section('Error', [escapeInline(verdict.summary)]));
  if (input.causeChain && input.causeChain.length > 0) {
    out.push(
      ...section(
        'Cause chain (root first)',
        input.causeChain.map((t, i) => `${i + 1}. ${escapeInline(t)}`),
      ),
    );
  }
  out.push(...section('Evidence', evidenceBlock(input.evidenceLines, cited)));

  const classification = [
    `**${info.label}** (\`${c.category}\`, ${
      c.domain
    } domain), confidence **${percent(c.confidence)}**.`,
  ];
  const winner = c.hypotheses.find(h => h.category === c.category);
  if (winner) classification.push('', escapeInline(winner.reason));
  if (c.rules.length > 0)
    classification.push(
      '',
      `Rules: ${c.rules.map(r => `\`${r}\``).join(', ')}`,
    );
  out.push(...section('Classification', classification));

  const weighed = c.hypotheses.filter(h => h.category !== 'unknown');
  if (weighed.length > 0) {
    const body: string[] = [];
    for (const h of weighed) {
      let verdictWord = 'dismissed';
      if (h.category === c.category)
        verdictWord = isWordModelLead(h) ? 'lead' : 'chosen';
      body.push(
        `- **${CATEGORY_INFO[h.category].label}** (score ${h.score.toFixed(
          2,
        )}, ${verdictWord}): ${escapeInline(h.reason)}`,
      );
      for (const a of h.against ?? [])
        body.push(`  - Against: ${escapeInline(a)}`);
    }
    out.push(...section('Hypotheses weighed', body));
  }

  if (verdict.missingEvidence) {
    const m = verdict.missingEvidence;
    const body = [
      'The engine abstained. Missing:',
      '',
      ...m.missing.map(x => `- ${escapeInline(x)}`),
    ];
    if (m.requests.length > 0) {
      body.push(
        '',
        'What would settle it:',
        '',
        ...m.requests.map(
          r => `- ${escapeInline(r.ask)} (${escapeInline(r.why)})`,
        ),
      );
    }
    out.push(...section('Missing evidence', body));
  }

  const retry = [
    `**${verdict.retry.safeToRetry ? 'Safe to retry' : 'Not safe to retry'}**${
      verdict.retry.wait && verdict.retry.safeToRetry
        ? ` (wait: ${verdict.retry.wait})`
        : ''
    }. ${escapeInline(verdict.retry.reason)}`,
  ];
  if (!verdict.retry.safeToRetry && verdict.retry.wouldAllowYes) {
    retry.push(
      '',
      `What would allow a retry: ${escapeInline(verdict.retry.wouldAllowYes)}.`,
    );
  }
  retry.push(
    '',
    `Partial write: **${verdict.partialWrite.partialWrite}**. ${escapeInline(
      verdict.partialWrite.reason,
    )}`,
  );
  out.push(...section('Retry', retry));

  out.push(...historySections(input));

  if (input.route) {
    const r = input.route;
    const body = [
      `Routed to **${escapeInline(r.recipient ?? 'nobody (not notified)')}**${
        r.rule ? ` by rule \`${r.rule}\`` : ''
      }.`,
    ];
    if (r.copy && r.copy.length > 0)
      body.push('', `In copy: ${r.copy.map(escapeInline).join(', ')}`);
    if (r.reason) body.push('', escapeInline(r.reason));
    out.push(...section('Route', body));
  }

  const rec = verdict.recommendation;
  const recBody = [escapeInline(rec.action), ''];
  for (const d of rec.diagnostics)
    recBody.push(
      `${escapeInline(d.label)}:`,
      '',
      codeBlock(d.command, 'sh'),
      '',
    );
  recBody.push(`**Prevention:** ${escapeInline(rec.prevention)}`);
  out.push(...section('Recommendation', recBody));

  const runbook = rec.runbookUrl
    ? [`[Runbook](${rec.runbookUrl})`]
    : ['_No runbook annotation on this entity._'];
  out.push(...section('Runbook', runbook));
  if (input.links && input.links.length > 0) {
    out.push(
      ...section(
        'Links',
        input.links.map(l => `- [${escapeInline(l.label ?? l.url)}](${l.url})`),
      ),
    );
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

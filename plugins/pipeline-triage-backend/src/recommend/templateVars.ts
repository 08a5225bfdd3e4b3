import type { FailureEvent } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { Evidence } from '../evidence';

/** Values substituted into command templates; missing ones stay as `<name>` placeholders. */
export type TemplateVars = Record<string, string | undefined>;

function firstMatch(
  evidence: Evidence,
  re: RegExp,
  group = 1,
): string | undefined {
  for (const line of evidence.lines) {
    const m = re.exec(line.text);
    if (m?.[group]) return m[group];
  }
  return undefined;
}

/** Ids from the event first, then from the log (YARN application, pod, dbt model, paths). */
export function templateVars(
  event: FailureEvent,
  evidence: Evidence,
): TemplateVars {
  const job = event.job;
  const [dagFromName, taskFromName] = job.name.includes('.')
    ? job.name.split('.', 2)
    : [job.name, undefined];
  const dbtModel =
    job.dbtUniqueId?.split('.').pop() ??
    firstMatch(
      evidence,
      /(?:Error|Failure) in (?:model|test|snapshot|seed) ([\w.-]+)/,
    ) ??
    firstMatch(
      evidence,
      /ERROR creating \w+ (?:\w+ )?model [\w-]+\.[\w-]+\.([\w-]+)/,
    );
  const path = firstMatch(
    evidence,
    /\b((?:s3a?|gs|abfss?|hdfs):\/\/[^\s'"`,;)]+)/,
  );
  const bucket = path ? /^\w+:\/\/([^/]+)/.exec(path)?.[1] : undefined;
  const table =
    event.outputs?.[0]?.name ??
    event.inputs?.[0]?.name ??
    firstMatch(
      evidence,
      /(?:table|relation|Table) [`'"]?([\w-]+(?:[.:][\w-]+){1,2})[`'"]?/,
    );
  return {
    job: job.name,
    namespace: job.namespace || undefined,
    runId: event.runId,
    dagId:
      job.airflowDagId ??
      (event.source === 'airflow' ? dagFromName : undefined),
    taskId:
      job.airflowTaskId ??
      (event.source === 'airflow' ? taskFromName : undefined),
    logicalDate: event.eventTime?.slice(0, 10),
    dbtModel,
    glueJob:
      job.glueJobName ?? (event.source === 'glue' ? job.name : undefined),
    dagsterJob: job.dagsterJob,
    appId: firstMatch(evidence, /\b(application_\d+_\d+)\b/),
    pod: firstMatch(
      evidence,
      /\b[Pp]od[: ]+["']?([a-z0-9][a-z0-9.-]{4,62})["']?/,
    ),
    path,
    bucket,
    table,
    connId: firstMatch(evidence, /conn_id [`'"]?([\w.-]+)[`'"]?/),
    topic: firstMatch(evidence, /[Tt]opics? \[?["']?([\w.-]+)/),
  };
}

/** Fills `{name}` slots; unknown values become `<name>` so the command still reads right. */
export function fillTemplate(template: string, vars: TemplateVars): string {
  return template.replace(
    /\{(\w+)\}/g,
    (_, name: string) => vars[name] ?? `<${name}>`,
  );
}

import type {
  JobIdentity,
  RunOutcome,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import {
  type IngestAdapter,
  IngestValidationError,
} from '@pipeline-triage/plugin-pipeline-triage-node';
import { resolveEnvironment } from './environment';
import {
  FieldReader,
  type JsonObject,
  finalizeEvents,
  isObject,
} from './fields';
import { readDatasets } from './openlineageDatasets';
import { openLineageVersions } from './runVersions';

/**
 * OpenLineage RunEvent (spec 2-0-2) → one event. Only the three terminal event types describe a
 * run outcome; START, RUNNING, OTHER and static events are acknowledged as ignored.
 */
const OUTCOMES: Record<string, RunOutcome> = {
  FAIL: 'fail',
  COMPLETE: 'success',
  ABORT: 'abort',
};

/** dbt node ids: `model.jaffle_shop.orders`, `test.pkg.unique_x.abc123`, `source.pkg.raw.t`. */
const DBT_UNIQUE_ID =
  /^(?:model|test|seed|snapshot|source|analysis|operation|exposure|metric|semantic_model|saved_query|unit_test)\.[^.\s]+\.\S+$/;

export const openLineageAdapter: IngestAdapter = {
  id: 'openlineage',

  detect(payload) {
    if (!isObject(payload)) return false;
    const schemaUrl = payload.schemaURL;
    if (typeof schemaUrl === 'string' && /openlineage/i.test(schemaUrl))
      return true;
    // Claim malformed runs too, so the sender hears what is wrong with them.
    return (
      'eventType' in payload && ('run' in payload || isObject(payload.job))
    );
  },

  normalize(payload, ctx) {
    const p = payload as JsonObject;
    const outcome = runOutcome(p);
    // Two readers: what identifies the failure (job, run, time) rejects the event when wrong;
    // a facet value that is wrong is dropped with a warning and the failure is still triaged.
    const r = new FieldReader();
    const w = new FieldReader();

    const run =
      r.object(p.run, 'run') ??
      r.problem('run', 'required: only RunEvents are accepted');
    const runFacets = w.object(run?.facets, 'run.facets');
    const errorFacet = w.object(
      runFacets?.errorMessage,
      'run.facets.errorMessage',
    );
    const parent = w.object(runFacets?.parent, 'run.facets.parent');
    const parentRun = w.object(parent?.run, 'run.facets.parent.run');
    const parentJob = w.object(parent?.job, 'run.facets.parent.job');
    const processingEngine = w.object(
      runFacets?.processing_engine,
      'run.facets.processing_engine',
    );

    const job = r.object(p.job, 'job') ?? r.problem('job', 'required');
    const jobFacets = w.object(job?.facets, 'job.facets');
    const jobType = w.object(jobFacets?.jobType, 'job.facets.jobType');
    const ownership = w.object(jobFacets?.ownership, 'job.facets.ownership');

    const name = r.requiredString(job?.name, 'job.name');
    const namespace = r.string(job?.namespace, 'job.namespace') ?? '';
    const integration = w.string(
      jobType?.integration,
      'job.facets.jobType.integration',
    );
    const kind = w.string(jobType?.jobType, 'job.facets.jobType.jobType');
    w.string(jobType?.processingType, 'job.facets.jobType.processingType');
    const producer = w.string(p.producer, 'producer');
    const parentJobName = w.string(
      parentJob?.name,
      'run.facets.parent.job.name',
    );
    const parentNamespace = w.string(
      parentJob?.namespace,
      'run.facets.parent.job.namespace',
    );
    const engineName = w.string(
      processingEngine?.name,
      'run.facets.processing_engine.name',
    );

    const owners = w
      .array(ownership?.owners, 'job.facets.ownership.owners')
      ?.map((o, i) =>
        w.string(
          w.object(o, `job.facets.ownership.owners[${i}]`)?.name,
          `job.facets.ownership.owners[${i}].name`,
        ),
      )
      .filter((o): o is string => !!o && o.trim() !== '');

    const versions = openLineageVersions(
      w,
      jobFacets,
      runFacets,
      processingEngine,
      engineName,
    );
    const inputs = readDatasets(w, p.inputs, 'inputs');
    const outputs = readDatasets(w, p.outputs, 'outputs');
    const eventTime =
      p.eventTime === undefined || p.eventTime === null
        ? r.problem('eventTime', 'required')
        : r.time(p.eventTime, 'eventTime');

    const event = {
      runId: r.id(run?.runId, 'run.runId'),
      parentRunId: w.id(parentRun?.runId, 'run.facets.parent.run.runId'),
      errorMessage: w.string(
        errorFacet?.message,
        'run.facets.errorMessage.message',
      ),
      stackTrace: w.string(
        errorFacet?.stackTrace,
        'run.facets.errorMessage.stackTrace',
      ),
    };
    w.string(
      errorFacet?.programmingLanguage,
      'run.facets.errorMessage.programmingLanguage',
    );
    r.check();

    const identity: JobIdentity = {
      namespace,
      name: name!,
      type: jobTypeLabel(integration ?? engineName, kind),
      ...nativeIds(name!, {
        integration: integration ?? engineName,
        kind,
        parentJobName,
        producer,
      }),
    };
    const rows = outputs
      ?.map(o => o.rowCount)
      .filter((n): n is number => n !== undefined);

    return finalizeEvents([
      {
        source: 'openlineage',
        outcome,
        environment: resolveEnvironment(
          ctx,
          environmentFacets(runFacets, jobFacets),
          [namespace, parentNamespace],
        ),
        job: identity,
        ...event,
        eventTime: eventTime!,
        inputs,
        outputs,
        signals: rows?.length
          ? { rowsWritten: rows.reduce((a, b) => a + b, 0) }
          : undefined,
        versions,
        owners,
        producer,
        warnings: warningsOf(w),
      },
    ]);
  },
};

/**
 * The run outcome of the event, or the one problem that says it is none: OpenLineage clients
 * post every state of a run (and static job and dataset events), so these are acknowledged and
 * ignored whatever else is wrong with them, before anything else is read.
 */
function runOutcome(p: JsonObject): RunOutcome {
  const eventType = p.eventType;
  if (typeof eventType === 'string' && OUTCOMES[eventType.toUpperCase()]) {
    return OUTCOMES[eventType.toUpperCase()];
  }
  const notOutcome = (reason: string) => {
    throw new IngestValidationError([{ field: 'eventType', reason }]);
  };
  if (typeof eventType === 'string') {
    return notOutcome(
      `eventType ${eventType} is not a run outcome; only FAIL, COMPLETE and ABORT are triaged`,
    );
  }
  if (eventType === undefined || eventType === null) {
    const kind = isObject(p.run)
      ? 'a RunEvent without eventType'
      : `a static ${isObject(p.dataset) ? 'DatasetEvent' : 'JobEvent'}`;
    return notOutcome(
      `${kind} is not a run outcome; only FAIL, COMPLETE and ABORT are triaged`,
    );
  }
  throw new IngestValidationError([
    { field: 'eventType', reason: 'expected FAIL, COMPLETE or ABORT' },
  ]);
}

/** At most this many warnings are kept on an event; a hostile payload could carry thousands. */
const MAX_WARNINGS = 20;

function warningsOf(w: FieldReader): string[] | undefined {
  if (w.problems.length === 0) return undefined;
  const out = w.problems
    .slice(0, MAX_WARNINGS)
    .map(p => `${p.field}: ${p.reason}; dropped`);
  if (w.problems.length > MAX_WARNINGS) {
    out.push(
      `${w.problems.length - MAX_WARNINGS} more invalid facet values dropped`,
    );
  }
  return out;
}

function jobTypeLabel(integration?: string, kind?: string): string | undefined {
  if (!integration) return kind?.toLowerCase();
  return kind
    ? `${integration}/${kind}`.toLowerCase()
    : integration.toLowerCase();
}

/** Maps the job to the scheduler's own ids so linking can use the catalog annotations. */
function nativeIds(
  name: string,
  hints: {
    integration?: string;
    kind?: string;
    parentJobName?: string;
    producer?: string;
  },
): Partial<JobIdentity> {
  const integration = hints.integration?.toUpperCase();
  if (
    integration === 'AIRFLOW' ||
    (!integration && /airflow/i.test(hints.producer ?? ''))
  ) {
    if (hints.kind?.toUpperCase() === 'DAG') return { airflowDagId: name };
    // Task jobs are named `dag_id.task_id`; dag ids may contain dots, so trust the parent DAG.
    const dag = hints.parentJobName;
    if (dag && name.startsWith(`${dag}.`)) {
      return { airflowDagId: dag, airflowTaskId: name.slice(dag.length + 1) };
    }
    const dot = name.indexOf('.');
    return dot > 0
      ? { airflowDagId: name.slice(0, dot), airflowTaskId: name.slice(dot + 1) }
      : {};
  }
  if (integration === 'DBT' || /dbt/i.test(hints.producer ?? '')) {
    // The dbt integration names each statement of a node `<unique_id>.sql.<n>`.
    const id = name.replace(/\.sql\.\d+$/, '');
    return DBT_UNIQUE_ID.test(id) ? { dbtUniqueId: id } : {};
  }
  return {};
}

/**
 * There is no standard environment facet; these are the shapes seen in practice: a custom
 * `environment` facet, and `tags` facets with an `environment`/`env` key.
 */
function environmentFacets(
  runFacets?: JsonObject,
  jobFacets?: JsonObject,
): unknown[] {
  const found: unknown[] = [];
  for (const facets of [runFacets, jobFacets]) {
    const env = facets?.environment;
    if (typeof env === 'string') found.push(env);
    if (isObject(env)) found.push(env.name, env.environment, env.value);
    const tags = isObject(facets?.tags) ? facets?.tags.tags : undefined;
    if (Array.isArray(tags)) {
      for (const tag of tags) {
        if (isObject(tag) && /^env(ironment)?$/i.test(String(tag.key)))
          found.push(tag.value);
      }
    }
  }
  return found;
}

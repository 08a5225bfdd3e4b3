import type { FailureEventInput } from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IngestAdapter } from '@pipeline-triage/plugin-pipeline-triage-node';
import { ARTIFACT_VERSION, schemaVersion } from './dbtArtifacts';
import { normalizeFreshness } from './dbtFreshness';
import { DbtManifest } from './dbtManifest';
import { normalizeRunResults } from './dbtRunResults';
import {
  FieldReader,
  type JsonObject,
  finalizeEvents,
  isObject,
} from './fields';

/**
 * dbt artifacts. Accepted bodies:
 *  - `run_results.json` as dbt writes it (metadata.dbt_schema_version `.../run-results/vN.json`);
 *  - `sources.json` from `dbt source freshness` (`.../sources/vN.json`);
 *  - a wrapper `{ "run_results"?, "sources"?, "manifest"?, "environment"? }` holding either or
 *    both artifacts of one invocation plus the manifest, which adds owners, relations, tested
 *    models, contract enforcement and compiled paths.
 * One failure event per failed node and one success event per passing node (`success`, `pass`;
 * a fresh source), each of the node's own job, so a passing run resolves the incidents of the
 * nodes it ran. Skipped, no-op and warning nodes yield nothing.
 */
export const dbtAdapter: IngestAdapter = {
  id: 'dbt',

  detect(payload) {
    if (!isObject(payload)) return false;
    const version = schemaVersion(payload);
    if (version && ARTIFACT_VERSION.test(version)) return true;
    if ('job' in payload) return false;
    return (
      'run_results' in payload || 'sources' in payload || 'manifest' in payload
    );
  },

  normalize(payload, ctx) {
    const r = new FieldReader();
    const p = payload as JsonObject;
    const version = schemaVersion(p) ?? '';
    const wrapped = !ARTIFACT_VERSION.test(version);

    let runResults: JsonObject | undefined;
    let sources: JsonObject | undefined;
    let manifest: JsonObject | undefined;
    let explicitEnv: string | undefined;
    if (!wrapped) {
      if (version.includes('/run-results/')) runResults = p;
      else sources = p;
    } else {
      runResults = r.object(p.run_results, 'run_results');
      sources = r.object(p.sources, 'sources');
      manifest = r.object(p.manifest, 'manifest');
      explicitEnv = r.string(p.environment, 'environment');
      // Malformed artifacts were reported above; this is for absent (or null) ones.
      if (!runResults && !sources && r.problems.length === 0) {
        r.problem(
          'run_results',
          'required: a dbt payload needs run_results (or sources)',
        );
      }
    }
    r.check();

    const lookup = new DbtManifest(manifest);
    const inputs: FailureEventInput[] = [];
    if (runResults) {
      inputs.push(
        ...normalizeRunResults(
          r,
          runResults,
          wrapped ? 'run_results.' : '',
          lookup,
          ctx,
          explicitEnv,
        ),
      );
    }
    if (sources) {
      inputs.push(
        ...normalizeFreshness(
          r,
          sources,
          wrapped ? 'sources.' : '',
          lookup,
          ctx,
          explicitEnv,
        ),
      );
    }
    r.check();
    return finalizeEvents(inputs);
  },
};

import fc from 'fast-check';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type {
  FailureEvent,
  TriageVerdict,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import { databaseIds } from '../__testUtils__/databaseIds';
import { KnexTriageStore } from '../store/KnexTriageStore';
import { migrateStore } from '../store/migrateStore';
import { applyIncidentAccess } from '../store/applyIncidentAccess';
import type { IncidentAccessQuery, IncidentResource } from './incidentResource';
import { incidentPermissionRules } from './rules';

jest.setTimeout(120_000);

/*
 * The SQL a policy's conditions become selects exactly the incidents the rules' in-memory
 * `apply` accepts, for random condition trees (allOf, anyOf, not) over incidents with and
 * without owners and routes: lists and single-incident checks can never disagree.
 */
const databases = TestDatabases.create({ ids: databaseIds() });

const TEAMS = ['group:default/a', 'group:default/b', 'group:default/c'];
const ENTITIES = ['component:default/x', 'resource:default/y', 'api:default/z'];

function verdict(signature: string): TriageVerdict {
  return {
    classification: {
      category: 'code_error',
      domain: 'code',
      confidence: 0.9,
      evidence: [],
      rules: [],
      hypotheses: [],
      source: 'rules',
    },
    partialWrite: { partialWrite: 'false', reason: 'r' },
    retry: { safeToRetry: false, reason: 'r' },
    recommendation: { action: 'a', diagnostics: [], prevention: 'p' },
    severity: 'normal',
    signature,
    summary: 's',
  } as TriageVerdict;
}

type Leaf =
  | { rule: 'isJobOwnedBy' | 'isRoutedTo'; claims: string[] }
  | { rule: 'hasEntity'; entityRefs: string[] }
  | { rule: 'hasEnvironment'; environments: string[] };
type Tree = Leaf | { allOf: Tree[] } | { anyOf: Tree[] } | { not: Tree };

const leaf: fc.Arbitrary<Leaf> = fc.oneof(
  fc.record({
    rule: fc.constantFrom('isJobOwnedBy' as const, 'isRoutedTo' as const),
    claims: fc.subarray(TEAMS),
  }),
  fc.record({
    rule: fc.constant('hasEntity' as const),
    entityRefs: fc.subarray(ENTITIES),
  }),
  fc.record({
    rule: fc.constant('hasEnvironment' as const),
    environments: fc.subarray(['prod', 'staging', 'dev']),
  }),
);
const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>(tie => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ allOf: fc.array(tie('t'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ anyOf: fc.array(tie('t'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('t') }),
  ),
})).t;

function toQuery(t: Tree): PermissionCriteria<IncidentAccessQuery> {
  if ('allOf' in t) return { allOf: t.allOf.map(toQuery) as any };
  if ('anyOf' in t) return { anyOf: t.anyOf.map(toQuery) as any };
  if ('not' in t) return { not: toQuery(t.not) };
  const { rule, ...params } = t;
  return incidentPermissionRules[rule].toQuery(
    params as any,
  ) as PermissionCriteria<IncidentAccessQuery>;
}

function apply(t: Tree, r: IncidentResource): boolean {
  if ('allOf' in t) return t.allOf.every(c => apply(c, r));
  if ('anyOf' in t) return t.anyOf.some(c => apply(c, r));
  if ('not' in t) return !apply(t.not, r);
  const { rule, ...params } = t;
  return incidentPermissionRules[rule].apply(r, params as any);
}

describe.each(databases.eachSupportedId())(
  'permission conditions as SQL on %s',
  databaseId => {
    it('select exactly what the rules accept in memory', async () => {
      const db = await databases.init(databaseId);
      await migrateStore(db);
      const store = new KnexTriageStore(db);
      // Every combination of owner (or none), route (or none) and environment, with varied entities.
      const ids: string[] = [];
      let n = 0;
      for (const owner of [undefined, ...TEAMS.slice(0, 2)]) {
        for (const routed of [undefined, ...TEAMS]) {
          for (const environment of ['prod', 'staging'] as const) {
            n++;
            const bits = n;
            const event: FailureEvent = {
              source: 'generic',
              outcome: 'fail',
              job: { namespace: 'ns', name: `job-${n}` },
              eventTime: new Date(Date.UTC(2026, 10, 20, 0, n)).toISOString(),
              runId: `run-${n}`,
              errorMessage: 'boom',
            };
            const [accepted] = await store.acceptEvents([
              {
                key: `k-${n}`,
                event,
                sender: 's',
                logTrimmed: false,
                quiet: false,
              },
            ]);
            const entities = [
              { entityRef: `component:default/job-${n}`, role: 'job' },
              ...ENTITIES.filter((_, i) => (bits >> i) & 1).map(entityRef => ({
                entityRef,
                role: 'input',
              })),
            ];
            const occurrence = await store.recordFailure(
              {
                eventId: accepted.id,
                event,
                jobKey: `ns/job-${n}`,
                environment,
                verdict: verdict(`sig-${n}`),
                evidenceLines: [],
                causeChain: [],
                route: {
                  recipient: routed,
                  copy: [],
                  rule: 'r',
                  reason: 'r',
                  notify: false,
                },
                ownerRef: owner,
                linked: true,
                linkedEntities: [],
                entityIndex: entities,
                week: '2026-W47',
              },
              { reopenWindowHours: 72 },
            );
            ids.push(occurrence.incidentId);
          }
        }
      }
      const resources = (await store.incidentResources(
        ids,
      )) as IncidentResource[];
      expect(resources.every(Boolean)).toBe(true);
      expect(new Set(resources.map(r => r.ownerRef ?? '-')).size).toBe(3);

      await fc.assert(
        fc.asyncProperty(tree, async t => {
          const rows = await applyIncidentAccess(
            db('pt_incidents as i'),
            toQuery(t),
            db,
          ).select('i.id');
          const viaSql = rows.map((r: { id: string }) => r.id).sort();
          const inMemory = resources
            .filter(r => apply(t, r))
            .map(r => r.id)
            .sort();
          expect(viaSql).toEqual(inMemory);
        }),
        { numRuns: 150 },
      );
      await db.destroy();
    });
  },
);

import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startTriageBackend } from '../__testUtils__/startTriageBackend';
import { databaseIds } from '../__testUtils__/databaseIds';

jest.setTimeout(180_000);

const SENDER = mockCredentials.service.header();
const USER = mockCredentials.user.header('user:default/guest');
const API = '/api/pipeline-triage';

const hoursAgo = (h: number) =>
  new Date(Date.now() - h * 3_600_000).toISOString();

/** An OpenLineage run event as the Spark integration posts it, with its version facets. */
function openLineage(o: {
  job: string;
  eventType: 'COMPLETE' | 'FAIL';
  at: string;
  version?: string;
  engine?: string;
  inputSchema?: Array<{ name: string; type: string }>;
  rowCount?: number;
  error?: string;
}) {
  return {
    eventType: o.eventType,
    eventTime: o.at,
    producer:
      'https://github.com/OpenLineage/OpenLineage/tree/1.23.0/integration/spark',
    schemaURL:
      'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: {
      runId: randomUUID(),
      facets: {
        ...(o.engine
          ? {
              processing_engine: {
                _producer: 'https://github.com/OpenLineage/OpenLineage',
                _schemaURL:
                  'https://openlineage.io/spec/facets/1-1-1/ProcessingEngineRunFacet.json',
                name: 'spark',
                version: o.engine,
              },
            }
          : {}),
        ...(o.error
          ? {
              errorMessage: {
                _producer: 'https://github.com/OpenLineage/OpenLineage',
                _schemaURL:
                  'https://openlineage.io/spec/facets/1-0-0/ErrorMessageRunFacet.json',
                message: o.error,
                programmingLanguage: 'python',
              },
            }
          : {}),
      },
    },
    job: {
      namespace: 'spark-prod',
      name: o.job,
      facets: o.version
        ? {
            sourceCodeLocation: {
              _producer: 'https://github.com/OpenLineage/OpenLineage',
              _schemaURL:
                'https://openlineage.io/spec/facets/1-0-1/SourceCodeLocationJobFacet.json',
              type: 'git',
              url: 'https://git.example.com/data/ltv/blob/main/features.py',
              version: o.version,
            },
          }
        : {},
    },
    inputs: o.inputSchema
      ? [
          {
            namespace: 's3://lake',
            name: 'raw/ltv_events',
            facets: {
              schema: {
                _producer: 'https://github.com/OpenLineage/OpenLineage',
                _schemaURL:
                  'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json',
                fields: o.inputSchema,
              },
            },
          },
        ]
      : [],
    outputs:
      o.rowCount === undefined
        ? []
        : [
            {
              namespace: 'postgres://warehouse:5432',
              name: 'marts.customer_ltv',
              outputFacets: {
                outputStatistics: {
                  _producer: 'https://github.com/OpenLineage/OpenLineage',
                  _schemaURL:
                    'https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json',
                  rowCount: o.rowCount,
                },
              },
            },
          ],
  };
}

const CODE_ERROR =
  'Traceback (most recent call last):\n  File "/app/features.py", line 41, in build\n    key = customer_key(row)\nNameError: name \'customer_key\' is not defined';

describe.each(databaseIds())(
  'each failure in its job history, on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTriageBackend>>;
    beforeAll(async () => {
      backend = await startTriageBackend(databaseId);
    });
    afterAll(async () => backend?.stop());

    async function post(event: object) {
      const res = await request(backend.server)
        .post(`${API}/v1/events`)
        .set('authorization', SENDER)
        .send(event);
      // A success of a job with no open incident is counted in its run history, not stored.
      const counted = res.body.results[0].status === 'counted';
      expect(res.status).toBe(counted ? 200 : 202);
      expect(res.body.results[0].status).toMatch(/^(accepted|counted)$/);
      return res.body.results[0] as { incidentId?: string };
    }
    async function incident(id: string | undefined) {
      expect(id).toEqual(expect.any(String));
      const res = await request(backend.server)
        .get(`${API}/v1/incidents/${id}`)
        .set('authorization', USER);
      expect(res.status).toBe(200);
      return res.body;
    }
    const generic = (
      name: string,
      at: string,
      extra: Record<string, unknown> = {},
    ) => ({
      source: 'generic',
      job: { namespace: 'airflow-prod', name },
      runId: randomUUID(),
      eventTime: at,
      ...extra,
    });

    it('shows a code version change since the last success in changes and in the evidence', async () => {
      await post(
        openLineage({
          job: 'customer_ltv_features.changed',
          eventType: 'COMPLETE',
          at: hoursAgo(5),
          version: '3f2a9c1',
          engine: '3.5.1',
          inputSchema: [
            { name: 'customer', type: 'string' },
            { name: 'amount', type: 'decimal(10,2)' },
          ],
          rowCount: 1200,
        }),
      );
      const failed = await post(
        openLineage({
          job: 'customer_ltv_features.changed',
          eventType: 'FAIL',
          at: hoursAgo(4),
          version: '9be77d0',
          engine: '3.5.1',
          inputSchema: [
            { name: 'customer', type: 'string' },
            { name: 'amount', type: 'decimal(10,2)' },
          ],
          error: CODE_ERROR,
        }),
      );
      const body = await incident(failed.incidentId);
      // Only what changed: the same engine and the same input columns are not listed.
      expect(body.changes).toEqual([
        {
          kind: 'code',
          from: '3f2a9c1',
          to: '9be77d0',
          evidence: 'code version',
        },
      ]);
      expect(body.category).toBe('code_error');
      expect(body.verdict.classification.rules).toContain(
        'extra:job_change_code',
      );
      // The change is evidence: the same failure with no known change is less certain.
      const alone = await incident(
        (
          await post(
            openLineage({
              job: 'customer_ltv_features.unchanged',
              eventType: 'FAIL',
              at: hoursAgo(4),
              version: '9be77d0',
              error: CODE_ERROR,
            }),
          )
        ).incidentId,
      );
      expect(alone.changes).toBeUndefined();
      expect(alone.category).toBe('code_error');
      expect(alone.verdict.classification.rules).not.toContain(
        'extra:job_change_code',
      );
      // The calibrated confidence saturates near its cap for a clear code error (calibrate.ts), so
      // the change is asserted as evidence above and may only keep or raise the confidence.
      expect(body.confidence).toBeGreaterThanOrEqual(alone.confidence);
      expect(body.evidenceLines).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'signal',
            text: 'Since the last success: code version changed from 3f2a9c1 to 9be77d0.',
          }),
        ]),
      );
      const report = await request(backend.server)
        .get(`${API}/v1/incidents/${failed.incidentId}/report`)
        .set('authorization', USER);
      expect(report.text).toContain('## What changed since the last success');
      expect(report.text).toContain('**code**: 3f2a9c1 → 9be77d0');
    });

    it('names an input schema change since the last success', async () => {
      const columns = (amountType: string) => [
        { name: 'customer', type: 'string' },
        { name: 'amount', type: amountType },
      ];
      await post(
        openLineage({
          job: 'customer_ltv_features.drifted',
          eventType: 'COMPLETE',
          at: hoursAgo(5),
          version: '3f2a9c1',
          inputSchema: columns('decimal(10,2)'),
        }),
      );
      const failed = await post(
        openLineage({
          job: 'customer_ltv_features.drifted',
          eventType: 'FAIL',
          at: hoursAgo(4),
          version: '3f2a9c1',
          inputSchema: [
            ...columns('string'),
            { name: 'channel', type: 'string' },
          ],
          error:
            'org.apache.spark.sql.AnalysisException: [DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "(amount * 1.2)" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("STRING" and "DECIMAL(2,1)").',
        }),
      );
      const body = await incident(failed.incidentId);
      expect(body.changes).toEqual([
        expect.objectContaining({
          kind: 'schema',
          evidence:
            'input s3://lake/raw/ltv_events: added channel; retyped amount decimal(10,2) → string',
        }),
      ]);
    });

    it('gives the resolve note to the next incident of the same signature: its own, then another job', async () => {
      const error =
        'psycopg2.errors.InsufficientPrivilege: permission denied for table ledger_entries';
      const first = await post(
        generic('ledger_sync.load', hoursAgo(6), { errorMessage: error }),
      );
      expect(
        (
          await request(backend.server)
            .patch(`${API}/v1/incidents/${first.incidentId}`)
            .set('authorization', USER)
            .send({ action: 'acknowledge', note: 'not here' })
        ).body.error.message,
      ).toMatch(/note/);
      const resolved = await request(backend.server)
        .patch(`${API}/v1/incidents/${first.incidentId}`)
        .set('authorization', USER)
        .send({
          action: 'resolve',
          note: 'Granted SELECT on ledger_entries to the loader role (PR #812)',
        });
      expect(resolved.status).toBe(200);
      expect(resolved.body.statusHistory.at(-1)).toMatchObject({
        action: 'resolved',
        note: 'Granted SELECT on ledger_entries to the loader role (PR #812)',
      });
      // A resolved incident does not list its own current resolution as a past one.
      expect(resolved.body.pastResolutions).toEqual([]);

      const again = await post(
        generic('ledger_sync.load', hoursAgo(1), { errorMessage: error }),
      );
      expect(again.incidentId).toBe(first.incidentId);
      const reopened = await incident(again.incidentId);
      expect(reopened.status).toBe('open');
      expect(reopened.pastResolutions).toEqual([
        {
          incidentId: first.incidentId,
          entityRef: 'airflow-prod/ledger_sync.load',
          resolvedAt: expect.any(String),
          by: 'user:default/guest',
          note: 'Granted SELECT on ledger_entries to the loader role (PR #812)',
          scope: 'self',
        },
      ]);

      const elsewhere = await post(
        generic('ledger_archive.load', hoursAgo(1), { errorMessage: error }),
      );
      expect(elsewhere.incidentId).not.toBe(first.incidentId);
      const other = await incident(elsewhere.incidentId);
      expect(other.pastResolutions).toEqual([
        expect.objectContaining({
          incidentId: first.incidentId,
          scope: 'other',
          note: 'Granted SELECT on ledger_entries to the loader role (PR #812)',
        }),
      ]);
      const report = await request(backend.server)
        .get(`${API}/v1/incidents/${elsewhere.incidentId}/report`)
        .set('authorization', USER);
      expect(report.text).toContain('## Past fixes');
      expect(report.text).toContain(
        'Granted SELECT on ledger_entries to the loader role',
      );
    });

    it('flags a job whose failures of one signature alternate with successes with nothing changed', async () => {
      const job = 'customer_ltv_features.flaky_step';
      const error =
        'java.net.SocketTimeoutException: Read timed out while reading from s3a://lake/ltv/part-0001.parquet';
      const fail = (h: number) =>
        post(
          openLineage({
            job,
            eventType: 'FAIL',
            at: hoursAgo(h),
            version: '3f2a9c1',
            error,
          }),
        );
      const ok = (h: number) =>
        post(
          openLineage({
            job,
            eventType: 'COMPLETE',
            at: hoursAgo(h),
            version: '3f2a9c1',
          }),
        );
      const firstId = (await fail(10)).incidentId;
      expect((await incident(firstId)).flaky).toBe(false);
      await ok(9);
      await fail(8);
      await ok(7);
      const last = await fail(6);
      const body = await incident(last.incidentId);
      expect(body.flaky).toBe(true);
      expect(body.verdict.retry.history).toMatchObject({ succeeded: 2 });

      const status = await request(backend.server)
        .get(`${API}/v1/status`)
        .query({ entityRef: 'component:default/customer-ltv-spark' })
        .set('authorization', USER);
      expect(status.status).toBe(200);
      expect(status.body.flaky).toBe(true);
      const trends = await request(backend.server)
        .get(`${API}/v1/trends`)
        .query({ weeks: 2 })
        .set('authorization', USER);
      expect(trends.status).toBe(200);
      expect(trends.body.flakiestJobs).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            jobKey: `spark-prod/${job}`,
            jobEntityRef: 'component:default/customer-ltv-spark',
            incidentId: last.incidentId,
            flips: 2,
          }),
        ]),
      );
    });

    it('does not call a job flaky when a code change came between the failure and the success', async () => {
      const job = 'customer_ltv_features.fixed_step';
      const error =
        'java.net.SocketTimeoutException: Read timed out while reading from s3a://lake/ltv/part-0002.parquet';
      const run = (type: 'FAIL' | 'COMPLETE', h: number, version: string) =>
        post(
          openLineage({
            job,
            eventType: type,
            at: hoursAgo(h),
            version,
            ...(type === 'FAIL' ? { error } : {}),
          }),
        );
      await run('FAIL', 10, 'v1');
      await run('COMPLETE', 9, 'v2');
      await run('FAIL', 8, 'v2');
      await run('COMPLETE', 7, 'v3');
      const last = await run('FAIL', 6, 'v3');
      const body = await incident(last.incidentId);
      expect(body.flaky).toBe(false);
      // "A fix": a success after a changed code version, not a retry that succeeded.
      expect(body.verdict.retry.history).toEqual({
        retried: 2,
        succeeded: 0,
        fixed: 2,
        failedSame: 0,
        lastFailedSame: 0,
      });
      expect(body.verdict.retry.reason).toMatch(
        /0 succeeded, 2 were fixed \(a success after a changed input or code version, not a rerun\)/,
      );
    });

    it('never lets successful retries turn a no into a yes when a write has started', async () => {
      const name = 'orders_export.partial';
      const throttled =
        'requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: https://api.vendor.example/v1/export';
      const fail = (h: number, signals: object) =>
        post(generic(name, hoursAgo(h), { logExcerpt: throttled, signals }));
      const ok = (h: number) =>
        post(generic(name, hoursAgo(h), { outcome: 'success' }));
      await fail(10, { commitsDuringRun: 0 });
      await ok(9);
      await fail(8, { commitsDuringRun: 0 });
      await ok(7);
      const partial = await fail(6, { commitsDuringRun: 2 });
      const body = await incident(partial.incidentId);
      expect(body.verdict.retry.history).toMatchObject({ succeeded: 2 });
      expect(body.partialWrite).toBe('true');
      expect(body.safeToRetry).toBe(false);
    });

    it('opens a silent data-quality incident for a COMPLETE that wrote zero rows where recent successes wrote rows', async () => {
      const job = 'customer_ltv_features.silent_step';
      const complete = (h: number, rowCount: number) =>
        post(
          openLineage({
            job,
            eventType: 'COMPLETE',
            at: hoursAgo(h),
            rowCount,
          }),
        );
      expect((await complete(30, 1180)).incidentId).toBeUndefined();
      expect((await complete(24, 1214)).incidentId).toBeUndefined();
      const silent = await complete(6, 0);
      const body = await incident(silent.incidentId);
      expect(body.silent).toBe(true);
      expect(body.silentReason).toEqual({
        kind: 'zero_rows',
        reason: expect.stringMatching(
          /^Silent failure: the run completed but wrote 0 rows to postgres:\/\/warehouse:5432\/marts\.customer_ltv, where its last 2 successful runs wrote rows/,
        ),
      });
      expect(body.category).toBe('data_quality');
      expect(body.routedTo).toEqual(expect.any(String));
      // A job that never wrote rows is not silent when it writes none again.
      const quiet = 'customer_ltv_features.always_empty';
      for (const h of [30, 24, 6]) {
        const r = await post(
          openLineage({
            job: quiet,
            eventType: 'COMPLETE',
            at: hoursAgo(h),
            rowCount: 0,
          }),
        );
        expect(r.incidentId).toBeUndefined();
      }
    });
  },
);

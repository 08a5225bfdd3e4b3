import express, { type ErrorRequestHandler, type Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  InputError,
  NotFoundError,
} from '@backstage/errors';
import {
  CATEGORIES,
  DOMAINS,
  ENVIRONMENTS,
  INCIDENT_STATUSES,
  incidentReadPermission,
  incidentUpdatePermission,
  type ContractFinding,
  type ContractState,
  type ContractSummary,
  type ContractTestResultsResponse,
  type DeadLetter,
  type EntityStatus,
  type Environment,
  type EventStatusResponse,
  type IncidentDetail,
  type IncidentSummary,
  type IngestResponse,
  type ItemsResponse,
  type ModelUsage,
  type Page,
  type TrendsResponse,
  type TriageStats,
  type UnlinkedName,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { TriageStore } from '../store';
import type { IngestService } from '../ingest/accept';
import { dbtAdapter, trimDbtPayload } from '../ingest';
import { dbtCloudSignatureProblem } from './dbtCloudSignature';
import type { IncidentService } from './IncidentService';
import { parseQuery } from './parseQuery';
import {
  healthHandler,
  type DependencyCheck,
  type HealthOptions,
} from './healthReport';
import { contractStatus, withSuggestions, type CatalogIndex } from '../linking';
import type { IncidentAccess } from '../permissions';
import { eventsRateLimit, type RateLimitSettings } from './eventsRateLimit';
import { auditIncidentChange, auditRejectedEvents } from './audit';
import type { ContractRefresher } from '../contractSync';
import { DBT_PATH, INGEST_PATHS } from './ingestPaths';
import { openApiHandler } from './openApiDocument';
import { parseTestResults, recordTestRun, XML_TYPES } from '../contractResults';

export interface RouterOptions {
  logger: LoggerService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  store: TriageStore;
  ingest: IngestService;
  incidents: IncidentService;
  /** Thresholds of /health; defaults as in config.ts. */
  health?: HealthOptions;
  /** The catalog and sign-in as /health reports them. */
  dependencies?: DependencyCheck;
  maxBodySize: string;
  /** Body limits of the formats with a route of their own, above maxBodySize (dbt: 100mb). */
  formatBodyLimits?: { dbt?: string };
  /** The dbt Cloud webhook's secret; without it POST /v1/dbt-cloud answers 404. */
  dbtCloudWebhookSecret?: string;
  defaultEnvironment: Environment;
  /** The linking stage's catalog snapshot, for the contract status route. */
  catalogIndex: () => Promise<CatalogIndex>;
  /** Permission checks and read scopes (see docs/security.md). */
  access: IncidentAccess;
  auditor: AuditorService;
  /** Per-sender limit on POST /v1/events. */
  rateLimit: RateLimitSettings;
  /** The persisted parsed contracts; without it /v1/contracts parses from the catalog snapshot. */
  contracts?: ContractRefresher;
  /** Model investigation usage (calls, tokens, failures, budget left) for /v1/stats. */
  modelUsage?: () => ModelUsage;
}

const csv = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .transform(s =>
      s
        .split(',')
        .map(v => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values as unknown as [T, ...T[]])));

const entityRef = z
  .string()
  .regex(
    /^[a-z0-9_-]+:[^/\s]+\/[^\s]+$/i,
    'expected an entity ref like component:default/name',
  );

const incidentQuery = z.object({
  entityRef: entityRef.optional(),
  owner: entityRef.optional(),
  routedTo: entityRef.optional(),
  status: csv(INCIDENT_STATUSES).optional(),
  category: csv(CATEGORIES).optional(),
  domain: csv(DOMAINS).optional(),
  environment: csv(ENVIRONMENTS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().optional(),
});

const trendsQuery = z.object({
  entityRef: entityRef.optional(),
  owner: entityRef.optional(),
  routedTo: entityRef.optional(),
  weeks: z.coerce.number().int().min(1).max(104).default(12),
  groupBy: z.enum(['category', 'domain', 'team']).default('category'),
});

/** A path id: any text the database can hold; an unknown one is a 404, an unstorable one a 400. */
const pathId = (req: Request) => parseQuery(z.string(), req.params.id, 'id');

const patchBody = z
  .object({
    action: z.enum(['acknowledge', 'resolve', 'reopen', 'override']),
    category: z.enum(CATEGORIES).optional(),
    reason: z.string().max(2000).optional(),
    note: z.string().trim().min(1).max(4000).optional(),
    /** With resolve: the open incidents this one caused are resolved with it. */
    cascade: z.boolean().optional(),
  })
  .refine(b => b.note === undefined || b.action === 'resolve', {
    path: ['note'],
    message: 'a note is accepted only with the resolve action',
  });

/** The sender recorded for dbt Cloud webhook deliveries (they carry a signature, not a token). */
const DBT_CLOUD_SENDER = 'dbt-cloud-webhook';
/** A dbt Cloud job-run delivery is under 2 KB; nothing larger is read from this open route. */
const DBT_CLOUD_BODY_LIMIT = '256kb';

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, store, ingest, incidents, access, auditor } = options;
  const router = Router();

  /** Pipeline senders are service principals; only they post events. */
  const sender = async (req: Request) =>
    httpAuth.credentials(req, { allow: ['service'] });

  // Authenticated and counted before the body is parsed, so a flood costs little.
  router.post(
    [...INGEST_PATHS, DBT_PATH],
    eventsRateLimit(
      options.rateLimit,
      async req => (await sender(req)).principal.subject,
    ),
  );

  // datacontract-cli sends its key as `x-api-key` (only to the host ENTROPY_DATA_HOST names):
  // on this route a sender token there counts as a bearer token.
  router.post(
    '/v1/contract-results',
    (req, _res, next) => {
      const key = req.headers['x-api-key'];
      if (!req.headers.authorization && typeof key === 'string' && key)
        req.headers.authorization = `Bearer ${key}`;
      next();
    },
    eventsRateLimit(
      options.rateLimit,
      async req => (await sender(req)).principal.subject,
    ),
  );

  /** Normalizes, stores and processes one posted body, and answers with each item's result. */
  const respond = async (
    req: Request,
    res: express.Response,
    body: unknown,
    subject: string,
    format?: string,
  ) => {
    const query = Object.fromEntries(
      Object.entries(req.query).map(([k, v]) => [
        k,
        typeof v === 'string' ? v : undefined,
      ]),
    );
    const results = await ingest.ingest(
      body,
      {
        contentType: req.headers['content-type'],
        query,
        defaultEnvironment: options.defaultEnvironment,
      },
      subject,
      { format },
    );
    await auditRejectedEvents(auditor, req, results);
    const rejectedAll =
      results.length > 0 && results.every(r => r.status === 'rejected');
    if (
      rejectedAll &&
      !Array.isArray(body) &&
      !Array.isArray((body as any)?.events)
    ) {
      const r = results[0] as { field: string; reason: string };
      throw new InputError(`${r.field}: ${r.reason}`);
    }
    if (
      rejectedAll &&
      results.length === 1 &&
      (results[0] as any).field === 'events'
    ) {
      throw new InputError(`events: ${(results[0] as any).reason}`);
    }
    const accepted = results.some(r => r.status === 'accepted');
    // 202: accepted events are stored; their processing may still be pending.
    res.status(accepted ? 202 : 200).json({ results } satisfies IngestResponse);
  };

  // dbt artifacts (a manifest.json runs to tens of MB) have a route and a body limit of their
  // own, so the limit of every other path stays small. Parsed here, before the shared parser.
  const dbtLimit = options.formatBodyLimits?.dbt ?? '100mb';
  router.post(
    '/v1/dbt',
    bodyLimit(dbtLimit),
    express.json({
      limit: dbtLimit,
      type: ['application/json', 'application/*+json'],
    }),
    async (req, res) => {
      const credentials = await sender(req);
      const body = req.body;
      if (!dbtAdapter.detect(body, { query: {}, defaultEnvironment: 'prod' }))
        throw new InputError(
          '(root): not a dbt artifact: post run_results.json, sources.json or {"run_results", "sources", "manifest"} as application/json',
        );
      // Only what the adapter reads is kept past this point.
      req.body = undefined;
      await respond(
        req,
        res,
        trimDbtPayload(body),
        credentials.principal.subject,
        dbtAdapter.id,
      );
    },
  );

  // dbt Cloud cannot hold a Backstage token: its webhook is signed instead (HMAC of the raw
  // body), so the raw bytes are read here and checked before anything else. Nothing is read
  // from anyone while no secret is configured, and a delivery (a few hundred bytes) has a small limit.
  router.post(
    '/v1/dbt-cloud',
    (_req, _res, next) => {
      if (!options.dbtCloudWebhookSecret)
        throw new NotFoundError(
          'dbt Cloud webhooks are not configured: set pipelineTriage.dbtCloud.webhookSecret',
        );
      next();
    },
    bodyLimit(DBT_CLOUD_BODY_LIMIT),
    express.raw({ type: () => true, limit: DBT_CLOUD_BODY_LIMIT }),
    async (req, res) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const problem = dbtCloudSignatureProblem(
        raw,
        req.headers.authorization,
        options.dbtCloudWebhookSecret!,
      );
      if (problem) throw new AuthenticationError(problem);
      let payload: unknown;
      try {
        payload = JSON.parse(raw.toString('utf8'));
      } catch (error) {
        throw new InputError(
          `Request body is not valid JSON: ${(error as Error).message}`,
        );
      }
      await respond(req, res, payload, DBT_CLOUD_SENDER, 'dbt-cloud');
    },
  );

  router.use(
    express.json({
      limit: options.maxBodySize,
      type: ['application/json', 'application/*+json'],
    }),
  );
  router.use(express.text({ limit: options.maxBodySize, type: ['text/*'] }));

  /** Reading incidents is for people and for other plugins, not for pipeline sender tokens. */
  const reader = (req: Request) => access.reader(req);

  router.get('/health', async (_req, res) => {
    await healthHandler(
      store,
      httpAuth,
      options.health,
      options.dependencies,
    )(_req, res);
  });

  router.get('/openapi.json', openApiHandler);

  /** Liveness: the process answers; always 200, so a database outage never restarts it. */
  router.get('/health/live', async (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.post(INGEST_PATHS, async (req, res) => {
    const credentials = await sender(req);
    const body = req.body;
    if (body === undefined || body === '') {
      throw new InputError(
        'Request body is missing: post application/json (one event or {"events": [...]}) or a text/plain log',
      );
    }
    await respond(req, res, body, credentials.principal.subject);
  });

  /** Contract test results (datacontract-cli) become findings of the contract they tested. */
  router.post(
    '/v1/contract-results',
    express.text({ limit: options.maxBodySize, type: XML_TYPES }),
    async (req, res) => {
      await sender(req);
      const run = parseTestResults(req.body, req.headers['content-type']);
      // datacontract-cli reports anything but a 200 as a failed publish.
      res
        .status(200)
        .json(
          (await recordTestRun(
            store,
            await options.catalogIndex(),
            run,
          )) satisfies ContractTestResultsResponse,
        );
    },
  );

  router.get('/v1/events/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const stored = await store.getEvent(pathId(req));
    const isExternal = access.isSender(credentials);
    // A sender may read the verdict of its own events (to gate its own retry), nothing else.
    if (
      !stored ||
      (isExternal && stored.sender !== credentials.principal.subject)
    ) {
      throw new NotFoundError(`No event with id ${req.params.id}`);
    }
    if (!isExternal) {
      // Anyone else sees an event's verdict only when they may read its incident.
      const scope = await access.readScope(req);
      if (
        stored.incidentId &&
        !(await access.canSee(scope, stored.incidentId))
      ) {
        throw new NotFoundError(`No event with id ${req.params.id}`);
      }
    }
    const incident = stored.incidentId
      ? await store.getIncident(stored.incidentId)
      : undefined;
    res.json({
      id: stored.id,
      status: stored.status,
      attempts: stored.attempts,
      lastError: stored.lastError,
      receivedAt: stored.receivedAt,
      processedAt: stored.processedAt,
      source: stored.event.source,
      outcome: stored.event.outcome,
      job: stored.event.job,
      warnings: stored.event.warnings,
      incidentId: stored.incidentId,
      verdict: incident
        ? {
            category: incident.category,
            domain: incident.domain,
            confidence: incident.confidence,
            safeToRetry: incident.safeToRetry,
            partialWrite: incident.partialWrite,
            retryReason: incident.verdict.retry.reason,
            routedTo: incident.routedTo,
          }
        : undefined,
    } satisfies EventStatusResponse);
  });

  router.get('/v1/incidents', async (req, res) => {
    const scope = await access.readScope(req);
    const q = parseQuery(incidentQuery, req.query);
    res.json(
      (await store.listIncidents(
        {
          entityRef: q.entityRef,
          owner: q.owner,
          routedTo: q.routedTo,
          status: q.status,
          category: q.category,
          domain: q.domain,
          environment: q.environment,
          access: scope.access,
        },
        { limit: q.limit, cursor: q.cursor },
      )) satisfies Page<IncidentSummary>,
    );
  });

  router.get('/v1/incidents/:id', async (req, res) => {
    await access.authorizeIncident(req, incidentReadPermission, pathId(req));
    res.json((await incidents.get(req.params.id)) satisfies IncidentDetail);
  });

  router.get('/v1/incidents/:id/report', async (req, res) => {
    await access.authorizeIncident(req, incidentReadPermission, pathId(req));
    const markdown = await incidents.report(req.params.id);
    res.type('text/markdown').send(markdown);
  });

  router.patch('/v1/incidents/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await access.authorizeIncident(req, incidentUpdatePermission, pathId(req));
    const body = parseQuery(patchBody, req.body ?? {}, 'body');
    if (body.cascade && body.action !== 'resolve')
      throw new InputError('body.cascade: only valid with action "resolve"');
    // Resolving a cascade changes its incidents too: the caller must be allowed to change each.
    if (body.cascade) {
      for (const d of (await incidents.get(req.params.id))
        .downstreamIncidents ?? [])
        if (d.status !== 'resolved')
          await access.authorizeIncident(
            req,
            incidentUpdatePermission,
            d.incidentId,
          );
    }
    res.json(
      (await auditIncidentChange(
        auditor,
        req,
        { incidentId: req.params.id, ...body },
        () =>
          incidents.update(req.params.id, {
            ...body,
            by: credentials.principal.userEntityRef,
          }),
      )) satisfies IncidentDetail,
    );
  });

  router.get('/v1/trends', async (req, res) => {
    const scope = await access.readScope(req);
    const q = parseQuery(trendsQuery, req.query);
    res.json(
      (await incidents.trends({
        filter: {
          entityRef: q.entityRef,
          owner: q.owner,
          routedTo: q.routedTo,
          access: scope.access,
        },
        weeks: q.weeks,
        groupBy: q.groupBy,
      })) satisfies TrendsResponse,
    );
  });

  router.get('/v1/status', async (req, res) => {
    const scope = await access.readScope(req);
    const q = parseQuery(z.object({ entityRef }), req.query);
    res.json(
      (await incidents.status(
        q.entityRef,
        scope.access,
      )) satisfies EntityStatus,
    );
  });

  router.get('/v1/stats', async (req, res) => {
    const scope = await access.readScope(req);
    const q = parseQuery(
      z.object({
        entityRef: entityRef.optional(),
        owner: entityRef.optional(),
        routedTo: entityRef.optional(),
      }),
      req.query,
    );
    res.json({
      ...(await incidents.stats({ ...q, access: scope.access })),
      model: options.modelUsage?.(),
    } satisfies TriageStats);
  });

  const findingsQuery = z.object({
    entityRef,
    since: z.iso.datetime({ offset: true }).optional(),
  });

  router.get('/v1/contract-violations', async (req, res) => {
    const scope = await access.readScope(req);
    const q = parseQuery(findingsQuery, req.query);
    res.json({
      items: await store.listFindings({
        ...q,
        observedDrift: false,
        access: scope.access,
      }),
    } satisfies ItemsResponse<ContractFinding>);
  });

  router.get('/v1/schema-drift', async (req, res) => {
    const scope = await access.readScope(req);
    const q = parseQuery(findingsQuery, req.query);
    res.json({
      items: await store.listFindings({
        ...q,
        observedDrift: true,
        access: scope.access,
      }),
    } satisfies ItemsResponse<ContractFinding>);
  });

  router.get('/v1/contracts', async (req, res) => {
    await reader(req);
    const q = parseQuery(
      z.object({
        entityRef: options.contracts ? entityRef.optional() : entityRef,
      }),
      req.query,
    );
    if (!options.contracts)
      res.json(
        contractStatus(
          await options.catalogIndex(),
          q.entityRef!,
        ) satisfies ContractState,
      );
    else if (q.entityRef)
      res.json(
        (await options.contracts.state(q.entityRef)) satisfies ContractState,
      );
    else
      res.json({
        items: await options.contracts.list(),
      } satisfies ItemsResponse<ContractSummary>);
  });

  router.get('/v1/unlinked', async (req, res) => {
    await access.requireFullRead(req);
    const q = parseQuery(
      z.object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        entityRef: entityRef.optional(),
      }),
      req.query,
    );
    // Suggestions need the catalog; without it the names alone still help.
    const index = await options.catalogIndex().catch(() => undefined);
    const names = await store.listUnlinked(q.entityRef ? 500 : q.limit);
    let items = index ? withSuggestions(index, names) : names;
    // An entity page asks which unknown names would be its own.
    const wanted = q.entityRef?.toLocaleLowerCase('en-US');
    if (wanted)
      items = items
        .filter(i =>
          i.candidates?.some(
            c => c.entityRef.toLocaleLowerCase('en-US') === wanted,
          ),
        )
        .slice(0, q.limit);
    res.json({ items } satisfies ItemsResponse<UnlinkedName>);
  });

  router.get('/v1/dead-letters', async (req, res) => {
    await access.requireFullRead(req);
    const q = parseQuery(
      z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      req.query,
    );
    res.json({
      items: await store.listDeadLetters(q.limit),
    } satisfies ItemsResponse<DeadLetter>);
  });

  router.use(bodyErrors(options.maxBodySize));
  return router;
}

/** Notes the body limit of a route, so a 413 names the limit that applied. */
function bodyLimit(limit: string): express.RequestHandler {
  return (_req, res, next) => {
    res.locals.bodyLimit = limit;
    next();
  };
}

/** body-parser's own errors become messages a sender can act on. */
function bodyErrors(limit: string): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (error?.type === 'entity.too.large') {
      const applied: string = res.locals.bodyLimit ?? limit;
      const hint = INGEST_PATHS.includes(req.path)
        ? '; dbt artifacts go to POST /v1/dbt, which has a limit of its own'
        : '';
      next(
        Object.assign(
          new Error(
            `Request body exceeds the ${applied} limit (after decompression)${hint}`,
          ),
          {
            name: 'PayloadTooLargeError',
            statusCode: 413,
          },
        ),
      );
      return;
    }
    if (error?.type === 'entity.parse.failed') {
      next(new InputError(`Request body is not valid JSON: ${error.message}`));
      return;
    }
    if (
      error?.type === 'encoding.unsupported' ||
      error?.type === 'charset.unsupported'
    ) {
      next(Object.assign(new Error(error.message), { statusCode: 415 }));
      return;
    }
    next(error);
  };
}

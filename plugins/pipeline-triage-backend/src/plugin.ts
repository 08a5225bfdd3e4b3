import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  pipelineTriageIngestExtensionPoint,
  pipelineTriageRoutingExtensionPoint,
  pipelineTriageRulesExtensionPoint,
  type IngestAdapter,
  type RouteSink,
  type RulePackDefinition,
} from '@internal/plugin-pipeline-triage-node';
import { readTriageConfig } from './config';
import { purgeExpired } from './retention/purgeExpired';
import { builtInAdapters } from './ingest';
import { engineOptions } from './engineFactory';
import { createTriageEngine, EnginePool } from './engine';
import { CatalogLinker } from './linking';
import { IncidentNotifier } from './notify/IncidentNotifier';
import { NoisePolicy } from './notify/NoisePolicy';
import { EventProcessor } from './processing/EventProcessor';
import { subscribeToEvents } from './processing/subscribeToEvents';
import { RoutePolicy } from './routing';
import { readSinkRetryConfig, readSinksConfig, SinkDispatcher } from './routing/sinks';
import { IncidentService } from './service/IncidentService';
import { IngestService } from './service/IngestService';
import { createRouter } from './service/router';
import { dependencyHealth } from './service/dependencyHealth';
import { renderReport } from './service/renderReport';
import { KnexTriageStore, migrateStore } from './store';
import { loadDemoData } from './demo/loadDemoData';
import { sendWeeklyDigests } from './digest/sendWeeklyDigests';
import { pipelineTriagePermissions } from '@internal/plugin-pipeline-triage-common';
import { IncidentAccess, incidentPermissionRules, incidentResourceRef } from './permissions';
import { readRateLimitConfig } from './service/eventsRateLimit';
import { ContractRefresher } from './contracts/ContractRefresher';
import { KnexContractStore } from './store/KnexContractStore';
import { createInvestigation } from './investigate/createInvestigation';
import { Reclassifier } from './triage';

/**
 * The Pipeline Triage backend plugin: wiring only. Each stage lives in its own folder.
 *
 * @public
 */
export const pipelineTriagePlugin = createBackendPlugin({
  pluginId: 'pipeline-triage',
  register(env) {
    const adapters: IngestAdapter[] = [];
    const rulePacks: RulePackDefinition[] = [];
    const sinks: RouteSink[] = [];
    env.registerExtensionPoint(pipelineTriageIngestExtensionPoint, {
      addAdapter: (...a) => adapters.push(...a),
    });
    env.registerExtensionPoint(pipelineTriageRulesExtensionPoint, {
      addRulePack: (...p) => rulePacks.push(...p),
    });
    env.registerExtensionPoint(pipelineTriageRoutingExtensionPoint, {
      addSink: (...s) => sinks.push(...s),
    });

    env.registerInit({
      deps: {
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
        events: eventsServiceRef,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        discovery: coreServices.discovery,
      },
      async init({ logger, lifecycle, config, database, httpRouter, httpAuth, auth, scheduler, catalog, notifications, signals, events, permissions, permissionsRegistry, auditor, discovery }) {
        const settings = readTriageConfig(config);
        const knex = await database.getClient();
        if (!database.migrations?.skip) await migrateStore(knex);

        const store = new KnexTriageStore(knex);
        permissionsRegistry.addResourceType({
          resourceRef: incidentResourceRef,
          permissions: pipelineTriagePermissions,
          rules: Object.values(incidentPermissionRules),
          getResources: ids => store.incidentResources(ids),
        });
        const access = new IncidentAccess({
          auth,
          httpAuth,
          permissions,
          ruleset: permissionsRegistry.getPermissionRuleset(incidentResourceRef),
          incidents: store,
        });
        const contracts = new ContractRefresher({ catalog, auth, logger, store: new KnexContractStore(knex) });
        const linker = new CatalogLinker({
          catalog,
          auth,
          logger,
          ttlMs: settings.catalogTtlMs,
          timeoutMs: settings.catalogTimeoutMs,
          downstreamDepth: settings.downstreamDepth,
          contractCopies: () => contracts.copies(),
        });
        const routes = RoutePolicy.fromConfig(config);
        const dispatcher = new SinkDispatcher({
          record: (id, r) => store.recordNotification(id, r),
          logger,
          ...readSinkRetryConfig(config),
        });
        const notifier = new IncidentNotifier({
          notifications,
          signals,
          store,
          logger,
          noise: NoisePolicy.fromConfig(config),
          sinks: [...sinks, ...readSinksConfig(config)],
          dispatcher,
        });
        const options = engineOptions(config, rulePacks);
        const engine = createTriageEngine(options);
        const batchEngine = new EnginePool(engine, { size: settings.engineWorkers, engineOptions: options, logger });
        lifecycle.addShutdownHook(() => batchEngine.close());
        const verdicts = new Reclassifier({ store, linker, engine, routes });
        const investigation = createInvestigation({ config, knex, store, verdicts, signals, logger, access, auditor });
        const processor = new EventProcessor(
          { linker, engine, batchEngine, routes, store, notifier, reopenWindowHours: settings.reopenWindowHours, weekZone: settings.weekZone, assist: id => investigation.service.assist(id) },
          store,
          logger,
          settings.processing,
        );
        const ingest = new IngestService(
          store,
          processor,
          [...adapters, ...builtInAdapters],
          settings.processing.leaseMs,
          settings.textDedupWindowMs,
        );
        const incidents = new IncidentService({
          store,
          verdicts,
          renderReport,
          weekZone: settings.weekZone,
          onChange: async incident =>
            notifier.publishSignal({
              occurrence: { incidentId: incident.id, kind: 'repeat', recorded: true, status: incident.status },
              entityRefs: [incident.jobEntityRef, incident.routedTo].filter((r): r is string => Boolean(r)),
            }),
        });

        httpRouter.use(investigation.router);
        httpRouter.use(
          await createRouter({
            logger,
            auth,
            httpAuth,
            store,
            ingest,
            incidents,
            health: settings.health,
            dependencies: dependencyHealth({
              catalogReady: () => linker.ready(),
              discovery,
              // Only a deployment that signs users in needs its auth backend to answer.
              checkSignIn: (config.getOptionalConfig('auth.providers')?.keys().length ?? 0) > 0,
              timeoutMs: settings.health.databaseTimeoutMs,
              cacheMs: settings.health.dependencyCacheMs,
            }),
            maxBodySize: settings.maxBodySize,
            defaultEnvironment: settings.defaultEnvironment,
            catalogIndex: () => linker.index(),
            access,
            auditor,
            rateLimit: readRateLimitConfig(config),
            contracts,
            modelUsage: investigation.usage,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        await subscribeToEvents({ events, ingest, logger, defaultEnvironment: settings.defaultEnvironment });

        await scheduler.scheduleTask({
          id: 'pipeline-triage-sweeper',
          frequency: { seconds: settings.sweepIntervalSeconds },
          // One instance at a time. An instance killed mid-sweep holds the scheduler's lock until
          // this timeout; as long as an event lease, so recovery waits no longer than the leases
          // of the events it held do. A sweep that outlives it is still safe: every event is claimed.
          timeout: { milliseconds: settings.processing.leaseMs },
          initialDelay: { seconds: 5 },
          scope: 'global',
          fn: async () => {
            const n = await processor.sweep();
            if (n) logger.info(`Sweeper processed ${n} pending events`);
          },
        });

        await scheduler.scheduleTask({
          id: 'pipeline-triage-weekly-digest',
          frequency: { cron: settings.digestCron },
          timeout: { minutes: 10 },
          scope: 'global',
          fn: async () => {
            await sendWeeklyDigests({ store, incidents, notifications, logger });
          },
        });

        // Raw events and logs past their retention window; incidents and verdicts stay.
        await scheduler.scheduleTask({
          id: 'pipeline-triage-retention',
          ...settings.retention.schedule,
          scope: 'global',
          fn: async () => {
            const r = await purgeExpired(store, settings.retention);
            if (r.eventsPared || r.eventLogsRemoved || r.incidentLogsRemoved) {
              logger.info(
                `Retention: ${r.eventsPared} raw events pared to their identity, logs removed from ${r.eventLogsRemoved} events and ${r.incidentLogsRemoved} incidents`,
              );
            }
          },
        });

        // Parsed contracts follow the catalog: changed entities (etag, definition) are re-parsed.
        await scheduler.scheduleTask({
          id: 'pipeline-triage-contract-refresh',
          frequency: { seconds: config.getOptionalNumber('pipelineTriage.contracts.refreshIntervalSeconds') ?? 300 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 5 },
          scope: 'global',
          fn: async () => {
            const s = await contracts.refreshAll();
            if (s.parsed || s.removed) logger.info(`Data contracts: ${s.parsed} parsed, ${s.invalid} invalid, ${s.removed} removed of ${s.contracts}`);
          },
        });

        if (settings.demo) {
          // After start-up, so the catalog has had a chance to ingest the example entities.
          await scheduler.scheduleTask({
            id: 'pipeline-triage-demo-loader',
            frequency: { years: 100 },
            timeout: { minutes: 10 },
            initialDelay: { seconds: settings.demo.delaySeconds },
            scope: 'global',
            fn: async () => loadDemoData({ ingest, linker, logger, ...settings.demo! }),
          });
        }
      },
    });
  },
});

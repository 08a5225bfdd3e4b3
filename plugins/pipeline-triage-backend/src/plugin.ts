import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
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
} from '@pipeline-triage/plugin-pipeline-triage-node';
import { pipelineTriagePermissions } from '@pipeline-triage/plugin-pipeline-triage-common';
import { readTriageConfig } from './config';
import { ContractRefreshJob, ContractRefresher } from './contractSync';
import { DemoDataJob } from './demo';
import { WeeklyDigestJob } from './digest';
import { createTriageEngine, EnginePool } from './engine';
import { engineOptions } from './engineFactory';
import { builtInAdapters } from './ingest';
import { IngestService, subscribeToEvents } from './ingest/accept';
import { createInvestigation } from './investigate';
import { CatalogLinker } from './linking';
import {
  IncidentNotifier,
  IncidentSignals,
  incidentAudience,
  NoisePolicy,
} from './notify';
import {
  createSenderRecognizer,
  IncidentAccess,
  incidentPermissionRules,
  incidentResourceRef,
} from './permissions';
import { EventProcessor, EventSweepJob } from './processing';
import { FreshnessWatchJob } from './freshness';
import { RetentionJob } from './retention';
import { RoutePolicy } from './routing';
import {
  catalogChannelLookup,
  readSinkRetryConfig,
  readSinksConfig,
  SinkDispatcher,
  SinkOutboxJob,
} from './routing/sinks';
import { Reclassifier } from './triage';
import {
  createRouter,
  DBT_CLOUD_PATH,
  dependencyHealth,
  IncidentService,
  readRateLimitConfig,
  renderReport,
} from './service';
import { KnexContractStore, KnexTriageStore, migrateStore } from './store';

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
      async init({
        logger,
        lifecycle,
        config,
        database,
        httpRouter,
        httpAuth,
        auth,
        scheduler,
        catalog,
        notifications,
        signals,
        events,
        permissions,
        permissionsRegistry,
        auditor,
        discovery,
      }) {
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
          isSender: createSenderRecognizer({ auth, config, logger }),
          httpAuth,
          permissions,
          ruleset:
            permissionsRegistry.getPermissionRuleset(incidentResourceRef),
          incidents: store,
        });
        const contracts = new ContractRefresher({
          catalog,
          auth,
          logger,
          store: new KnexContractStore(knex),
        });
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
        const pluginSinks = [
          ...sinks,
          ...readSinksConfig(config, {
            entities: catalogChannelLookup({ catalog, auth }),
          }),
        ];
        const { intervalSeconds: outboxIntervalSeconds, ...sinkRetry } =
          readSinkRetryConfig(config);
        const dispatcher = new SinkDispatcher({
          record: (id, r) => store.recordNotification(id, r),
          logger,
          outbox: store,
          sinks: pluginSinks,
          ...sinkRetry,
        });
        const liveUpdates = new IncidentSignals({
          signals,
          audience: incidentAudience(store),
          logger,
        });
        const notifier = new IncidentNotifier({
          notifications,
          signals: liveUpdates,
          store,
          logger,
          noise: NoisePolicy.fromConfig(config),
          sinks: pluginSinks,
          dispatcher,
        });
        const options = engineOptions(config, rulePacks);
        const engine = createTriageEngine(options);
        const batchEngine = new EnginePool(engine, {
          size: settings.engineWorkers,
          engineOptions: options,
          logger,
        });
        lifecycle.addShutdownHook(() => batchEngine.close());
        const verdicts = new Reclassifier({ store, linker, engine, routes });
        const investigation = createInvestigation({
          config,
          knex,
          store,
          verdicts,
          signals: liveUpdates,
          logger,
          access,
          auditor,
        });
        const processor = new EventProcessor(
          {
            linker,
            engine,
            batchEngine,
            routes,
            store,
            notifier,
            reopenWindowHours: settings.reopenWindowHours,
            cascadeWindowHours: settings.cascadeWindowHours,
            weekZone: settings.weekZone,
            assist: id => investigation.service.assist(id),
          },
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
            liveUpdates.incidentsChanged([incident.id]),
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
              checkSignIn:
                (config.getOptionalConfig('auth.providers')?.keys().length ??
                  0) > 0,
              timeoutMs: settings.health.databaseTimeoutMs,
              cacheMs: settings.health.dependencyCacheMs,
            }),
            maxBodySize: settings.maxBodySize,
            formatBodyLimits: settings.maxBodySizeByFormat,
            dbtCloudWebhookSecret: settings.dbtCloudWebhookSecret,
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
        httpRouter.addAuthPolicy({
          path: '/openapi.json',
          allow: 'unauthenticated',
        });
        // dbt Cloud signs its webhooks with a shared secret; the route checks the signature.
        httpRouter.addAuthPolicy({
          path: DBT_CLOUD_PATH,
          allow: 'unauthenticated',
        });
        await subscribeToEvents({
          events,
          ingest,
          logger,
          defaultEnvironment: settings.defaultEnvironment,
        });

        await new EventSweepJob({
          scheduler,
          processor,
          logger,
          intervalSeconds: settings.sweepIntervalSeconds,
          leaseMs: settings.processing.leaseMs,
        }).schedule();
        await new SinkOutboxJob({
          scheduler,
          dispatcher,
          logger,
          intervalSeconds: outboxIntervalSeconds,
        }).schedule();
        await new WeeklyDigestJob({
          scheduler,
          store,
          incidents,
          notifications,
          logger,
          cron: settings.digestCron,
        }).schedule();
        await new RetentionJob({
          scheduler,
          store,
          logger,
          settings: settings.retention,
        }).schedule();
        await new ContractRefreshJob({
          scheduler,
          refresher: contracts,
          logger,
          intervalSeconds: config.getOptionalNumber(
            'pipelineTriage.contracts.refreshIntervalSeconds',
          ),
        }).schedule();
        if (
          config.getOptionalBoolean('pipelineTriage.freshness.enabled') ??
          true
        )
          await new FreshnessWatchJob({
            scheduler,
            linker,
            store,
            ingest,
            logger,
            intervalMinutes: config.getOptionalNumber(
              'pipelineTriage.freshness.checkIntervalMinutes',
            ),
            graceMinutes: config.getOptionalNumber(
              'pipelineTriage.freshness.graceMinutes',
            ),
          }).schedule();
        if (settings.demo)
          await new DemoDataJob({
            scheduler,
            ingest,
            linker,
            logger,
            ...settings.demo,
          }).schedule();
      },
    });
  },
});

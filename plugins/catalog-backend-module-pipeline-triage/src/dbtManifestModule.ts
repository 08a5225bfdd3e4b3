import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { DbtManifestEntityProvider } from './DbtManifestEntityProvider';

/**
 * Pipelines and tables from a dbt `manifest.json` (`pipelineTriage.dbt.manifest`), so dbt
 * models link and route to their owners without hand annotations. Off without that setting.
 */
export const catalogModuleDbtManifest = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'pipeline-triage-dbt-manifest',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        urlReader: coreServices.urlReader,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, config, logger, urlReader, scheduler }) {
        const dbt = config.getOptionalConfig('pipelineTriage.dbt');
        const manifest = dbt?.getOptionalString('manifest');
        if (!dbt || !manifest) return;
        const minutes = dbt.getOptionalNumber('refreshMinutes') ?? 30;
        catalog.addEntityProvider(
          new DbtManifestEntityProvider({
            manifest,
            defaultOwner:
              dbt.getOptionalString('defaultOwner') ??
              'group:default/data-platform',
            logger,
            urlReader,
            taskRunner: scheduler.createScheduledTaskRunner({
              frequency: { minutes },
              timeout: { minutes: 5 },
            }),
          }),
        );
      },
    });
  },
});

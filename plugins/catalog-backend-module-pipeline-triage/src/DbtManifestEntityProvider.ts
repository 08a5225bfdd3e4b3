import fs from 'node:fs/promises';
import path from 'node:path';
import type {
  LoggerService,
  SchedulerServiceTaskRunner,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { dbtManifestEntities, type DbtManifest } from './dbtManifestEntities';

export interface DbtManifestProviderOptions {
  /** A local path or a URL the catalog's URL reader can read. */
  manifest: string;
  defaultOwner: string;
  logger: LoggerService;
  urlReader: UrlReaderService;
  taskRunner?: SchedulerServiceTaskRunner;
}

/** Feeds the catalog the pipelines and tables a dbt `manifest.json` describes (full mutations). */
export class DbtManifestEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(private readonly options: DbtManifestProviderOptions) {}

  getProviderName(): string {
    return 'pipeline-triage-dbt-manifest';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    if (!this.options.taskRunner) return;
    await this.options.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        await this.refresh();
      },
    });
  }

  private get isUrl() {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(this.options.manifest);
  }

  /** Reads the manifest and replaces every entity this provider gave before. */
  async refresh(): Promise<number> {
    if (!this.connection)
      throw new Error('DbtManifestEntityProvider is not connected');
    const { manifest } = this.options;
    const text = this.isUrl
      ? (
          await (await this.options.urlReader.readUrl(manifest)).buffer()
        ).toString('utf8')
      : await fs.readFile(manifest, 'utf8');
    let parsed: DbtManifest;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      // A broken manifest keeps the entities of the last good one rather than removing them all.
      this.options.logger.error(
        `dbt manifest ${manifest} is not JSON: ${(error as Error).message}`,
      );
      return 0;
    }
    const location = this.isUrl
      ? `url:${manifest}`
      : `file:${path.resolve(manifest)}`;
    const entities = dbtManifestEntities(parsed, {
      defaultOwner: this.options.defaultOwner,
      location,
    });
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
    this.options.logger.info(
      `dbt manifest ${manifest}: ${entities.length} entities`,
    );
    return entities.length;
  }
}

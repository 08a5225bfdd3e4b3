import type { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** Channel of the Backstage Slack notifications module; also where the Slack sink posts. */
export const SLACK_BOT_NOTIFY = 'slack.com/bot-notify';
/** The PagerDuty plugin's annotation: the Events API v2 integration key of the entity's service. */
export const PAGERDUTY_INTEGRATION_KEY = 'pagerduty.com/integration-key';

/** What the sinks need to know about an entity: its annotations and, for jobs, its owner. */
export interface EntityChannels {
  annotations: Record<string, string>;
  /** The entity's `spec.owner` as a full ref (`group:default/team`). */
  owner?: string;
}

/** Reads an entity's channels by ref; undefined when the catalog has no such entity. */
export interface EntityChannelLookup {
  get(entityRef: string): Promise<EntityChannels | undefined>;
}

/**
 * Looks the routed entity up in the catalog, with only the fields the sinks read, and keeps the
 * answer briefly: a burst of incidents routed to one team reads it once. Errors are not cached.
 */
export function catalogChannelLookup(options: {
  catalog: CatalogService;
  auth: AuthService;
  ttlMs?: number;
  now?: () => number;
}): EntityChannelLookup {
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<
    string,
    { at: number; value: Promise<EntityChannels | undefined> }
  >();
  const load = async (
    entityRef: string,
  ): Promise<EntityChannels | undefined> => {
    const credentials = await options.auth.getOwnServiceCredentials();
    const { items } = await options.catalog.getEntitiesByRefs(
      {
        entityRefs: [entityRef],
        fields: ['metadata.namespace', 'metadata.annotations', 'spec.owner'],
      },
      { credentials },
    );
    const entity = items[0];
    if (!entity) return undefined;
    const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
    return {
      annotations: entity.metadata?.annotations ?? {},
      owner: fullRef(owner, entity.metadata?.namespace),
    };
  };
  return {
    get(entityRef) {
      const key = entityRef.toLocaleLowerCase('en-US');
      const hit = cache.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      const value = load(entityRef);
      cache.set(key, { at: now(), value });
      value.catch(() => cache.delete(key));
      return value;
    },
  };
}

/** spec.owner is usually short (`growth-analytics`): a group in the entity's own namespace. */
function fullRef(owner: unknown, namespace = 'default'): string | undefined {
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
    );
  } catch {
    return undefined;
  }
}

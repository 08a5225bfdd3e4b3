import type { DiscoveryService } from '@backstage/backend-plugin-api';
import type { HealthReason } from '@pipeline-triage/plugin-pipeline-triage-common';

export interface DependencyHealthOptions {
  /** Resolves when linking can reach the catalog (CatalogLinker.ready). */
  catalogReady: () => Promise<void>;
  /** Where the auth backend is; checked only when `checkSignIn`. */
  discovery: Pick<DiscoveryService, 'getBaseUrl'>;
  /** True when this deployment signs users in (auth.providers configured). */
  checkSignIn: boolean;
  timeoutMs: number;
  /** One check serves every /health call for this long: /health is public, so it must stay cheap. */
  cacheMs: number;
}

/**
 * The catalog and the auth backend as this instance reaches them. Either can fail on its own
 * while the database is fine (two instances racing Backstage's migrations on a new database lost
 * one its catalog and the other its sign-in), and /health must say so.
 */
export function dependencyHealth(
  options: DependencyHealthOptions,
): () => Promise<HealthReason[]> {
  let cached: { at: number; reasons: Promise<HealthReason[]> } | undefined;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at >= options.cacheMs)
      cached = { at: now, reasons: check(options) };
    return cached.reasons;
  };
}

async function check(
  options: DependencyHealthOptions,
): Promise<HealthReason[]> {
  const [catalog, auth] = await Promise.all([
    failure(options.catalogReady(), options.timeoutMs),
    options.checkSignIn
      ? failure(signInAnswers(options.discovery), options.timeoutMs)
      : undefined,
  ]);
  const reasons: HealthReason[] = [];
  if (catalog)
    reasons.push({
      part: 'catalog',
      message: `${catalog}; accepted events wait and are linked once it answers`,
    });
  if (auth)
    reasons.push({ part: 'auth', message: `sign-in unavailable: ${auth}` });
  return reasons;
}

/** The auth backend publishes the keys user tokens are checked with; without them nobody signs in. */
async function signInAnswers(
  discovery: Pick<DiscoveryService, 'getBaseUrl'>,
): Promise<void> {
  const url = `${await discovery.getBaseUrl('auth')}/.well-known/jwks.json`;
  const res = await fetch(url);
  if (!res.ok)
    throw new Error(
      `the auth backend answered ${res.status} for its signing keys`,
    );
}

/** The failure's message, or undefined when the promise resolved within the time. */
async function failure(
  promise: Promise<unknown>,
  timeoutMs: number,
): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

import type {
  AuthService,
  BackstageCredentials,
  BackstageServicePrincipal,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

/** The subject Backstage gives another plugin's own token: `plugin:<pluginId>`, nothing else. */
const PLUGIN_SUBJECT = /^plugin:[a-z0-9_-]+$/i;

/** Says whether a caller is a pipeline sender (see {@link createSenderRecognizer}). */
export type SenderRecognizer = (
  credentials: BackstageCredentials,
) => credentials is BackstageCredentials<BackstageServicePrincipal>;

/**
 * Subjects the deployment hands to external callers (`backend.auth.externalAccess` static and
 * legacy entries carry their configured subject verbatim; the old `backend.auth.keys` carry
 * `external:backstage-plugin`). Read so that a subject spelled like a plugin's cannot pass as one.
 */
function configuredExternalSubjects(config: Config): Set<string> {
  const subjects = new Set<string>();
  for (const entry of config.getOptionalConfigArray(
    'backend.auth.externalAccess',
  ) ?? []) {
    const subject = entry.getOptionalString('options.subject');
    if (subject) subjects.add(subject);
  }
  if ((config.getOptionalConfigArray('backend.auth.keys') ?? []).length > 0)
    subjects.add('external:backstage-plugin');
  return subjects;
}

/**
 * A pipeline sender is any caller that came in through Backstage's external access (static,
 * legacy or JWKS tokens), recognised by how it authenticated, never by how its subject is
 * spelled: static tokens carry whatever subject the operator configured (`pipeline-sender`).
 *
 * Backstage marks a plugin-to-plugin token with the subject `plugin:<id>` and no access
 * restrictions. So a service principal is a sender when it carries access restrictions (only
 * external access sets them), when its subject is not a plugin's, or when its subject is one
 * the configuration gives an external token (fail closed: a static token configured with a
 * `plugin:` subject is still a sender, and the plugin it imitates is treated as one too).
 */
export function createSenderRecognizer(deps: {
  auth: AuthService;
  config: Config;
  logger?: LoggerService;
}): SenderRecognizer {
  const external = configuredExternalSubjects(deps.config);
  for (const subject of external) {
    if (PLUGIN_SUBJECT.test(subject)) {
      deps.logger?.warn(
        `backend.auth.externalAccess gives an external token the subject "${subject}", which imitates a plugin's; pipeline-triage treats every caller with that subject as a pipeline sender`,
      );
    }
  }
  return (
    credentials,
  ): credentials is BackstageCredentials<BackstageServicePrincipal> => {
    if (!deps.auth.isPrincipal(credentials, 'service')) return false;
    const { subject, accessRestrictions } = credentials.principal;
    return (
      Boolean(accessRestrictions) ||
      !PLUGIN_SUBJECT.test(subject) ||
      external.has(subject)
    );
  };
}

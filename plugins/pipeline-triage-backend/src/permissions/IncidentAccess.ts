import type { Request } from 'express';
import type {
  BackstageCredentials,
  BackstageServicePrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionTransformer,
  type ConditionTransformer,
  type PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  incidentReadPermission,
  type INCIDENT_RESOURCE_TYPE,
} from '@pipeline-triage/plugin-pipeline-triage-common';
import type { IncidentAccessFilter, IncidentStore } from '../store';
import type { IncidentAccessQuery, IncidentResource } from './incidentResource';
import type { SenderRecognizer } from './senderRecognizer';

/** @public */
export type IncidentPermission = ResourcePermission<
  typeof INCIDENT_RESOURCE_TYPE
>;

/**
 * Who is asking and which incidents they may read; `access` undefined means all of them.
 *
 * @public
 */
export interface ReadScope {
  credentials: BackstageCredentials;
  access?: IncidentAccessFilter;
}

/**
 * The permission checks of the HTTP layer. Reads are scoped: a conditional decision becomes a
 * where-clause, so lists, counts and cursor pages only ever hold incidents the caller may read.
 * One incident the caller may not read is answered 404, as if it did not exist; a caller who
 * may read it but not change it gets 403.
 *
 * @public
 */
export class IncidentAccess {
  private readonly toQuery: ConditionTransformer<IncidentAccessQuery>;

  constructor(
    private readonly deps: {
      /** Tells pipeline senders (external access tokens) from people and plugins. */
      isSender: SenderRecognizer;
      httpAuth: HttpAuthService;
      permissions: PermissionsService;
      ruleset: PermissionRuleset<IncidentResource, IncidentAccessQuery>;
      /** Checks one incident against a read scope, by the same SQL the lists use. */
      incidents: Pick<IncidentStore, 'incidentMatches'>;
    },
  ) {
    this.toQuery = createConditionTransformer(deps.ruleset);
  }

  /** Whether the caller is a pipeline sender (see senderRecognizer.ts). */
  isSender(
    credentials: BackstageCredentials,
  ): credentials is BackstageCredentials<BackstageServicePrincipal> {
    return this.deps.isSender(credentials);
  }

  /**
   * People and other plugins may read; pipeline sender tokens may not (they read only the
   * verdicts of their own events, on /v1/events/:id).
   */
  async reader(req: Request): Promise<BackstageCredentials> {
    const credentials = await this.deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (this.deps.isSender(credentials)) {
      throw new NotAllowedError(
        'A pipeline sender token may post events and read only the events it sent',
      );
    }
    return credentials;
  }

  /** The caller's read scope; 403 when the policy lets them read no incident at all. */
  async readScope(req: Request): Promise<ReadScope> {
    const credentials = await this.reader(req);
    const access = await this.scopeFor(credentials, incidentReadPermission);
    if (access === 'none')
      throw new NotAllowedError('You may not read pipeline-triage incidents');
    return { credentials, access };
  }

  /**
   * Queue-wide views (dead letters, unlinked names) are not tied to one incident and name other
   * teams' jobs, so they need read on every incident (an unconditional ALLOW).
   */
  async requireFullRead(req: Request): Promise<BackstageCredentials> {
    const scope = await this.readScope(req);
    if (scope.access)
      throw new NotAllowedError(
        'This view needs permission to read every pipeline-triage incident',
      );
    return scope.credentials;
  }

  /** Whether an incident is within a read scope (the same SQL as the lists). */
  async canSee(scope: ReadScope, incidentId: string): Promise<boolean> {
    return (
      !scope.access ||
      this.deps.incidents.incidentMatches(incidentId, scope.access)
    );
  }

  /**
   * Checks one incident for a permission (read, update, investigate): 404 when the caller may
   * not read it (existence does not leak), 403 when they may read it but not do this.
   * Returns the caller's credentials.
   */
  async authorizeIncident(
    req: Request,
    permission: IncidentPermission,
    incidentId: string,
  ): Promise<BackstageCredentials> {
    const scope = await this.readScope(req);
    if (!(await this.canSee(scope, incidentId)))
      throw new NotFoundError(`No incident with id ${incidentId}`);
    if (permission.name === incidentReadPermission.name)
      return scope.credentials;
    const access = await this.scopeFor(scope.credentials, permission);
    const allowed =
      access !== 'none' &&
      (!access ||
        (await this.deps.incidents.incidentMatches(incidentId, access)));
    if (!allowed)
      throw new NotAllowedError(
        `Not allowed: ${permission.name} on incident ${incidentId}`,
      );
    return scope.credentials;
  }

  private async scopeFor(
    credentials: BackstageCredentials,
    permission: IncidentPermission,
  ): Promise<IncidentAccessFilter | undefined | 'none'> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return undefined;
    if (decision.result === AuthorizeResult.DENY) return 'none';
    if (decision.result !== AuthorizeResult.CONDITIONAL) return 'none';
    return this.toQuery(decision.conditions);
  }
}

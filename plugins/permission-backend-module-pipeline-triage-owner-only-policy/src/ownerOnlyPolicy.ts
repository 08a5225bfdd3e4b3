import {
  coreServices,
  createBackendModule,
  type UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { INCIDENT_RESOURCE_TYPE } from '@pipeline-triage/plugin-pipeline-triage-common';
import {
  createIncidentConditionalDecision,
  incidentConditions,
} from '@pipeline-triage/plugin-pipeline-triage-backend';

/**
 * The example instance's policy: a user may read, update and investigate the incidents whose
 * job their groups own or that are routed to one of their groups; everything else (catalog,
 * notifications...) is allowed. The user's groups are their ownership claims, which sign-in
 * fills from the catalog (`memberOf`).
 *
 * @public
 */
export class OwnerOnlyIncidentPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!isResourcePermission(request.permission, INCIDENT_RESOURCE_TYPE)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) return { result: AuthorizeResult.DENY };
    const { ownershipEntityRefs: claims } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    return createIncidentConditionalDecision(request.permission, {
      anyOf: [
        incidentConditions.isJobOwnedBy({ claims }),
        incidentConditions.isRoutedTo({ claims }),
      ],
    });
  }
}

/**
 * Installs {@link OwnerOnlyIncidentPolicy} in the permission backend, in place of allow-all.
 *
 * @public
 */
export const ownerOnlyPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'pipeline-triage-owner-only-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, userInfo: coreServices.userInfo },
      async init({ policy, userInfo }) {
        policy.setPolicy(new OwnerOnlyIncidentPolicy(userInfo));
      },
    });
  },
});

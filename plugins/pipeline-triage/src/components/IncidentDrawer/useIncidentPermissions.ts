import { usePermission } from '@backstage/plugin-permission-react';
import {
  incidentInvestigatePermission,
  incidentUpdatePermission,
} from '@pipeline-triage/plugin-pipeline-triage-common';

/**
 * What the signed-in user may do to one incident, asked of the permission framework with the
 * incident as the resource (the policy may decide per incident: its owner, its route). Until the
 * answer arrives nothing is offered, so a refused user never sees a button that would 403.
 */
export function useIncidentPermissions(incidentId: string): {
  canUpdate: boolean;
  canInvestigate: boolean;
} {
  const update = usePermission({
    permission: incidentUpdatePermission,
    resourceRef: incidentId,
  });
  const investigate = usePermission({
    permission: incidentInvestigatePermission,
    resourceRef: incidentId,
  });
  return {
    canUpdate: !update.loading && update.allowed,
    canInvestigate: !investigate.loading && investigate.allowed,
  };
}

/** `@pipeline-triage/plugin-pipeline-triage-backend/owner-only-policy`: the example permission policy. */
export {
  ownerOnlyPolicyModule as default,
  OwnerOnlyIncidentPolicy,
} from './ownerOnlyPolicy';

/**
 * An example permission policy for Pipeline Triage as a backend module of the permission
 * plugin: a user reads, updates and investigates only the incidents their groups own or are
 * routed; everything else is allowed. It replaces the backend's policy; to keep yours, compose
 * the conditions of `@pipeline-triage/plugin-pipeline-triage-backend` into it instead.
 *
 * @packageDocumentation
 */
export {
  ownerOnlyPolicyModule as default,
  OwnerOnlyIncidentPolicy,
} from './ownerOnlyPolicy';

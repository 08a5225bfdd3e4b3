export { redactSecrets, redacted } from './redactSecrets';
export { redactDeep, secretKeyKind } from './redactDeep';

export { decidePartialWrite } from './decidePartialWrite';
export { decideRetry, RETRY_CONFIDENCE_FLOOR } from './decideRetry';
export type { RetryInput } from './decideRetry';
export { contractSeverity, decideSeverity } from './decideSeverity';
export type { SeverityInput } from './decideSeverity';
export { nonTransientReason } from './transience';

export { decidePartialWrite } from './decidePartialWrite';
export { decideRetry, RETRY_CONFIDENCE_FLOOR } from './decideRetry';
export type { RetryInput } from './decideRetry';
export { decideSeverity } from './decideSeverity';
export type { SeverityInput } from './decideSeverity';
export { nonTransientReason } from './transience';

/**
 * Common types of the Pipeline Triage plugins: the taxonomy, the canonical failure event,
 * incidents and API payloads, catalog annotations and permissions. No I/O.
 *
 * @packageDocumentation
 */
export * from './taxonomy';
export * from './annotations';
export * from './failureEvent';
export * from './verdict';
export * from './incident';
export * from './cascade';
export * from './permissions';
export * from './investigation';
export * from './api';
export * from './signals';
export * from './history';
export * from './normaliseName';

/**
 * Extension points of the Pipeline Triage backend: backend modules add ingest adapters, rule
 * packs and route sinks without touching the core.
 *
 * @packageDocumentation
 */
export * from './ingestAdapter';
export * from './extensions';

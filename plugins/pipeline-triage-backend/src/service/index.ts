/** The REST API: routes, the incident use cases behind them (read, update, report, trends, stats) and /health. */
export { createRouter, type RouterOptions } from './router';
export { IncidentService } from './IncidentService';
export { renderReport } from './renderReport';
export { dependencyHealth } from './dependencyHealth';
export { readRateLimitConfig, type RateLimitSettings } from './eventsRateLimit';
export { parseQuery } from './parseQuery';
export { DBT_CLOUD_PATH } from './ingestPaths';

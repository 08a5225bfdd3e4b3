export { RoutePolicy } from './RoutePolicy';
export { delayPastSla } from './delayPastSla';
export { DEFAULT_ROUTES } from './routes';
export type { RouteRole, RouteSpec } from './routes';

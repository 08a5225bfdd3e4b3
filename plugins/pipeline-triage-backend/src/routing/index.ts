export { RoutePolicy } from './RoutePolicy';
export { DEFAULT_ROUTES } from './routes';
export type { RouteRole, RouteSpec } from './routes';

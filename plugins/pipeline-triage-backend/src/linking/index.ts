export { CatalogLinker, linkWithIndex } from './CatalogLinker';
export { CatalogIndex } from './CatalogIndex';
export { contractStatus } from './contractStatus';
export type * from './types';
export {
  CatalogUnavailableError,
  isCatalogUnavailable,
} from './CatalogUnavailableError';
export { withSuggestions, linkingSnippet } from './unlinkedSuggestions';
export { normaliseName } from './conventionNames';

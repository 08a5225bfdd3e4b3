export { CatalogLinker, linkWithIndex } from './CatalogLinker';
export { CatalogIndex } from './CatalogIndex';
export type * from './types';
export { CatalogUnavailableError, isCatalogUnavailable } from './CatalogUnavailableError';

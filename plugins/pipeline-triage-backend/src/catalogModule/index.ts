/**
 * Optional catalog module: `$text` placeholders that point at local files, for data contracts
 * kept as files beside catalog YAML read from `file` locations.
 *
 * @packageDocumentation
 */
export { catalogModuleLocalFileTextPlaceholder as default } from './localFileTextPlaceholder';

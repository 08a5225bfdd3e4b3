/**
 * Optional catalog modules: `$text` placeholders that point at local files, for data contracts
 * kept as files beside catalog YAML read from `file` locations; and pipelines and tables derived
 * from a dbt `manifest.json` (`pipelineTriage.dbt.manifest`).
 *
 * @packageDocumentation
 */
import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { catalogModuleLocalFileTextPlaceholder } from './localFileTextPlaceholder';
import { catalogModuleDbtManifest } from './dbtManifestModule';

export { catalogModuleLocalFileTextPlaceholder, catalogModuleDbtManifest };
export { DbtManifestEntityProvider } from './DbtManifestEntityProvider';
export {
  dbtManifestEntities,
  DERIVED_FROM_ANNOTATION,
} from './dbtManifestEntities';

export default createBackendFeatureLoader({
  *loader() {
    yield catalogModuleLocalFileTextPlaceholder;
    yield catalogModuleDbtManifest;
  },
});

import fs from 'node:fs/promises';
import path from 'node:path';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import type { PlaceholderResolverParams } from '@backstage/plugin-catalog-node';

/**
 * `$text: ./file` in catalog files read from local `file` locations. The stock resolver only
 * follows URLs, and the example platform keeps its data contracts as files beside the
 * catalog YAML (examples/contracts/*.odcs.yaml), as a repository would.
 */
async function textResolver(params: PlaceholderResolverParams) {
  const { value, baseUrl } = params;
  if (typeof value !== 'string')
    throw new Error('$text expects a path or URL string');
  const isLocalBase =
    path.isAbsolute(baseUrl) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  if (isLocalBase) {
    const target = path.resolve(path.dirname(baseUrl), value);
    return fs.readFile(target, 'utf8');
  }
  return (await params.read(params.resolveUrl(value, baseUrl))).toString(
    'utf8',
  );
}

export const catalogModuleLocalFileTextPlaceholder = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-file-text-placeholder',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addPlaceholderResolver('text', textResolver);
      },
    });
  },
});

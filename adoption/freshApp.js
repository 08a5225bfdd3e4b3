/*
 * Writes the fresh adopter app into a temp folder: create-app's layout (root with workspaces,
 * packages/backend, packages/app, packages/app-next) from adoption/template, with the README's
 * snippets pasted in, the @backstage/* versions create-app writes for the release under test, and
 * our packages by name at the version published to the throwaway registry.
 */
const fs = require('node:fs');
const path = require('node:path');
const { readSnippets, applySnippets, installs } = require('./snippets');
const { rangeOf, npmJson } = require('./release');

const TEMPLATE = path.join(__dirname, 'template');

function writeJson(file, json) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

function copyTemplate(dir, snippets) {
  const walk = rel => {
    for (const entry of fs.readdirSync(path.join(TEMPLATE, rel), {
      withFileTypes: true,
    })) {
      const from = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        walk(from);
        continue;
      }
      const text = fs.readFileSync(path.join(TEMPLATE, from), 'utf8');
      fs.mkdirSync(path.dirname(path.join(dir, from)), { recursive: true });
      fs.writeFileSync(
        path.join(dir, from),
        applySnippets(text, snippets, `adoption/template/${from}`),
      );
    }
  };
  walk('');
}

/**
 * @param opts.dir         the app folder (created)
 * @param opts.registry    the throwaway registry's URL (the app's only registry)
 * @param opts.published   { name: version } of our packages
 * @param opts.versions    create-app's version table of the release under test
 * @param opts.pinned      exact @backstage/* versions (the minimum-release run)
 * @param opts.port        the backend's port; opts.database its PostgreSQL database
 */
function writeFreshApp(opts) {
  const { dir, registry, published, versions, pinned, port, database } = opts;
  const snippets = readSnippets();
  const v = name => rangeOf(versions, name, pinned);
  const ours = name => {
    if (!published[name])
      throw new Error(`README installs ${name}, which was not published`);
    return published[name];
  };
  // Not in create-app's table: the version backend-defaults itself depends on.
  const backendPluginApi = npmJson([
    'view',
    `@backstage/backend-defaults@${versions['@backstage/backend-defaults']}`,
    'dependencies',
  ])['@backstage/backend-plugin-api'];

  const extra = {};
  for (const block of [
    'prerequisites-install',
    'install',
    'install-optional',
  ]) {
    for (const [ws, names] of Object.entries(installs(snippets[block]))) {
      for (const name of names) {
        const range = name.startsWith('@backstage/') ? v(name) : ours(name);
        extra[ws] = { ...extra[ws], [name]: range };
      }
    }
  }
  if (!extra['packages/backend'] || !extra['packages/app'])
    throw new Error('README install snippets name no backend or app packages');

  copyTemplate(dir, snippets);
  fs.writeFileSync(
    path.join(dir, '.npmrc'),
    `registry=${registry}\nlegacy-peer-deps=true\n`,
  );
  writeJson(path.join(dir, 'tsconfig.json'), {
    extends: '@backstage/cli/config/tsconfig.json',
    include: ['packages/*/src'],
    exclude: ['node_modules'],
    compilerOptions: { outDir: 'dist-types', rootDir: '.', jsx: 'react-jsx' },
  });
  writeJson(path.join(dir, 'package.json'), {
    name: 'adopter-app',
    version: '1.0.0',
    private: true,
    workspaces: ['packages/*'],
    devDependencies: {
      '@backstage/cli': v('@backstage/cli'),
      '@backstage/cli-defaults': v('@backstage/cli-defaults'),
      '@types/react': '^18.3.0',
      '@types/react-dom': '^18.3.0',
      react: '^18.3.1',
      'react-dom': '^18.3.1',
      typescript: '~5.8.0',
    },
    // What create-app's `resolutions` say for Yarn, plus the `got` fix npm needs (environment.md).
    overrides: {
      got: '11.8.6',
      '@types/react': '^18.3.0',
      '@types/react-dom': '^18.3.0',
    },
  });
  const scripts = {
    start: 'backstage-cli package start',
    build: 'backstage-cli package build',
  };
  writeJson(path.join(dir, 'packages/backend/package.json'), {
    name: 'backend',
    version: '0.0.0',
    private: true,
    main: 'dist/index.cjs.js',
    types: 'src/index.ts',
    backstage: { role: 'backend' },
    scripts,
    dependencies: {
      '@backstage/backend-defaults': v('@backstage/backend-defaults'),
      '@backstage/backend-plugin-api': backendPluginApi,
      '@backstage/plugin-app-backend': v('@backstage/plugin-app-backend'),
      '@backstage/plugin-auth-backend': v('@backstage/plugin-auth-backend'),
      '@backstage/plugin-auth-backend-module-guest-provider': v(
        '@backstage/plugin-auth-backend-module-guest-provider',
      ),
      '@backstage/plugin-catalog-backend': v(
        '@backstage/plugin-catalog-backend',
      ),
      '@backstage/plugin-permission-backend': v(
        '@backstage/plugin-permission-backend',
      ),
      '@backstage/plugin-permission-common': v(
        '@backstage/plugin-permission-common',
      ),
      '@backstage/plugin-permission-node': v(
        '@backstage/plugin-permission-node',
      ),
      app: '0.0.0',
      pg: '^8.11.3',
      ...extra['packages/backend'],
    },
  });
  const frontend = (name, deps) =>
    writeJson(path.join(dir, `packages/${name}/package.json`), {
      name,
      version: '0.0.0',
      private: true,
      bundled: true,
      backstage: { role: 'frontend' },
      scripts,
      dependencies: {
        '@backstage/cli': v('@backstage/cli'),
        '@backstage/core-components': v('@backstage/core-components'),
        '@backstage/plugin-catalog': v('@backstage/plugin-catalog'),
        '@backstage/plugin-org': v('@backstage/plugin-org'),
        '@backstage/ui': v('@backstage/ui'),
        react: '^18.3.1',
        'react-dom': '^18.3.1',
        'react-router': '^6.30.2',
        'react-router-dom': '^6.30.2',
        ...deps,
        // The README's app install line goes to either app.
        ...extra['packages/app'],
      },
      browserslist: ['last 1 chrome version'],
    });
  frontend('app', {
    '@backstage/app-defaults': v('@backstage/app-defaults'),
    '@backstage/core-app-api': v('@backstage/core-app-api'),
    '@backstage/core-plugin-api': v('@backstage/core-plugin-api'),
    '@material-ui/core': '^4.12.2',
  });
  frontend('app-next', {
    '@backstage/frontend-defaults': v('@backstage/frontend-defaults'),
    '@backstage/frontend-plugin-api': v('@backstage/frontend-plugin-api'),
    '@backstage/plugin-app-react': v('@backstage/plugin-app-react'),
  });

  const baseUrl = `http://localhost:${port}`;
  fs.writeFileSync(
    path.join(dir, 'app-config.yaml'),
    [
      'app:',
      '  title: Adopter',
      `  baseUrl: ${baseUrl}`,
      'backend:',
      `  baseUrl: ${baseUrl}`,
      `  listen: { port: ${port} }`,
      `  cors: { origin: ${baseUrl} }`,
      '  database:',
      '    client: pg',
      '    pluginDivisionMode: schema',
      `    connection: { host: 127.0.0.1, port: 5432, user: postgres, database: ${database} }`,
      'auth:',
      '  environment: development',
      '  providers:',
      '    guest: { userEntityRef: user:default/guest, dangerouslyAllowOutsideDevelopment: true }',
      'permission: { enabled: true }',
      'catalog:',
      '  rules: [{ allow: [Component, Group, User, Location] }]',
      '  locations:',
      '    - { type: file, target: ../../catalog/org.yaml }',
      '    - { type: file, target: ../../catalog/pipelines.yaml }',
      '',
    ].join('\n'),
  );
  // The README's YAML snippets, each its own config file, loaded after app-config.yaml.
  const configs = ['config', 'sender-token'].map(name => {
    const file = `app-config.${name}.yaml`;
    fs.writeFileSync(path.join(dir, file), `${snippets[name]}\n`);
    return file;
  });
  return { baseUrl, configs, catalog: snippets.catalog };
}

module.exports = { writeFreshApp };

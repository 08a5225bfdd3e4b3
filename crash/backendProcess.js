/*
 * Starts the example backend (packages/backend/src/index.ts) as a real node process, the way
 * `backstage-cli package start` runs it but without its watcher, so a SIGKILL hits the backend
 * itself. Config: a generated file on a random port and a given PostgreSQL database.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SENDER_TOKEN = 'dev-only-pipeline-sender-token';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The whole config of the crash-test instance: no demo data, a fast sweeper, short leases. */
function crashConfig({ port, database, pipelineTriage = {} }) {
  return {
    app: { baseUrl: `http://localhost:${port}` },
    backend: {
      baseUrl: `http://localhost:${port}`,
      listen: { port, host: '127.0.0.1' },
      database: {
        client: 'pg',
        connection: {
          host: '127.0.0.1',
          port: 5432,
          user: 'postgres',
          database,
        },
        // Every plugin in one database (its own schema), so the test drops one database.
        pluginDivisionMode: 'schema',
      },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: SENDER_TOKEN, subject: 'pipeline-sender' },
            accessRestrictions: [{ plugin: 'pipeline-triage' }],
          },
        ],
      },
    },
    auth: {
      environment: 'development',
      providers: {
        guest: {
          userEntityRef: 'user:default/guest',
          dangerouslyAllowOutsideDevelopment: true,
        },
      },
    },
    catalog: {
      rules: [
        {
          allow: [
            'Component',
            'System',
            'API',
            'Resource',
            'Location',
            'Group',
            'User',
            'Domain',
          ],
        },
      ],
      locations: [],
    },
    permission: { enabled: true },
    pipelineTriage: {
      defaultEnvironment: 'prod',
      processing: {
        leaseSeconds: 3,
        sweepIntervalSeconds: 1,
        retryDelaySeconds: 1,
      },
      ...pipelineTriage,
    },
  };
}

/**
 * Starts one backend process; resolves once its health route answers. `pipelineTriage`: more
 * plugin config (the outbox test's sinks).
 */
async function startBackend({
  database,
  logFile,
  timeoutMs = 120_000,
  pipelineTriage,
}) {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-crash-'));
  const configFile = path.join(dir, 'app-config.crash.yaml');
  // JSON is YAML.
  fs.writeFileSync(
    configFile,
    JSON.stringify(crashConfig({ port, database, pipelineTriage }), null, 2),
  );
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
        paths: [root],
      }),
      'src/index.ts',
      '--config',
      configFile,
    ],
    {
      cwd: path.join(root, 'packages/backend'),
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      },
    },
  );
  const exited = new Promise(resolve =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${port}/api/pipeline-triage`;
  const deadline = Date.now() + timeoutMs;
  let last = 'not started';
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`backend exited before it was healthy (see ${logFile})`);
    }
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.status === 200) break;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `backend not healthy after ${timeoutMs} ms: ${last} (see ${logFile})`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
  return {
    baseUrl,
    pid: child.pid,
    exited,
    /** SIGKILL: no shutdown hooks, no flushing, open transactions die with their connections. */
    async kill() {
      if (child.exitCode === null && child.signalCode === null)
        child.kill('SIGKILL');
      return exited;
    },
  };
}

module.exports = { startBackend, SENDER_TOKEN };

/*
 * The new-frontend-system app (packages/app-next) beside the legacy one: the backend serves only
 * one app, so this serves app-next's build on its own port and forwards /api (HTTP and the
 * signals WebSocket) to the backend, which keeps the browser on one origin as in production.
 */
const http = require('node:http');
const net = require('node:net');
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const defaultDist = path.join(root, 'packages/app-next/dist');
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

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

/** Builds app-next for the origin it will be served from; returns false when the build fails. */
function buildAppNext(url) {
  const build = spawnSync('npx', ['backstage-cli', 'package', 'build'], {
    cwd: path.join(root, 'packages/app-next'),
    stdio: 'inherit',
    env: {
      ...process.env,
      APP_CONFIG_app_baseUrl: url,
      APP_CONFIG_backend_baseUrl: url,
    },
  });
  return build.status === 0;
}

function listen(port, backendUrl, dist = defaultDist) {
  const backend = new URL(backendUrl);
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/api/')) {
      const upstream = http.request(
        {
          host: backend.hostname,
          port: backend.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: backend.host },
        },
        answer => {
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        },
      );
      // A browser that navigates away aborts its requests; that must not stop the server.
      upstream.on('error', () =>
        res.headersSent ? res.destroy() : res.writeHead(502).end(),
      );
      req.on('error', () => upstream.destroy());
      res.on('close', () => upstream.destroy());
      req.pipe(upstream);
      return;
    }
    const file = path.join(
      dist,
      path.normalize(decodeURIComponent(req.url.split('?')[0])),
    );
    const found =
      file.startsWith(dist) &&
      fs.existsSync(file) &&
      fs.statSync(file).isFile();
    // Every other path is a route of the single-page app.
    const target = found ? file : path.join(dist, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream',
    });
    fs.createReadStream(target)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  server.on('upgrade', (req, socket, head) => {
    const upstream = net.connect(Number(backend.port), backend.hostname, () => {
      const headers = Object.entries({
        ...req.headers,
        host: backend.host,
      }).map(([k, v]) => `${k}: ${v}`);
      upstream.write(
        `${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`,
      );
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return new Promise(resolve =>
    server.listen(port, '127.0.0.1', () => resolve(server)),
  );
}

/**
 * Serves from a child process: run.js waits on the tests with spawnSync, which would block an
 * in-process server. Resolves once the app answers. `dist` is another built app's folder (the
 * adoption test serves its fresh app's new-frontend-system build).
 */
async function serveAppNext(port, backendUrl, dist = defaultDist) {
  const child = spawn(
    process.execPath,
    [__filename, String(port), backendUrl, dist],
    { stdio: 'inherit' },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(url).then(
        r => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise(r => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`app-next did not start on ${url}`);
}

if (require.main === module) {
  process.on('uncaughtException', error =>
    console.error(`app-next server: ${error.stack}`),
  );
  listen(Number(process.argv[2]), process.argv[3], process.argv[4]);
}

module.exports = { freePort, buildAppNext, serveAppNext };

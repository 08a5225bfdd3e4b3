/* Finds the local PostgreSQL the database tests run against (see README, "Tests"). */
const net = require('node:net');

const HOST = process.env.PGHOST || '127.0.0.1';
const PORT = Number(process.env.PGPORT || 5432);

function reachable(host = HOST, port = PORT, timeoutMs = 1500) {
  return new Promise(resolve => {
    const socket = net.connect({ host, port });
    const done = ok => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function connectionString() {
  const user = process.env.PGUSER || 'postgres';
  const password = process.env.PGPASSWORD
    ? `:${encodeURIComponent(process.env.PGPASSWORD)}`
    : '';
  return `postgresql://${user}${password}@${HOST}:${PORT}`;
}

module.exports = { reachable, connectionString };

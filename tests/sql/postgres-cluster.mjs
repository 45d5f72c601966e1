// A throw-away PostgreSQL for the SQL tests: Debian's server binaries, a new cluster in a temp
// folder, listening on a free loopback port only, stopped and deleted afterwards. The server
// refuses to run as root, so as root the cluster belongs to the `postgres` system user (the
// Debian package creates it) and its commands run through runuser.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** The folder of initdb and pg_ctl: Debian keeps them per version under /usr/lib/postgresql. */
export function postgresBinDir() {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(debian, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  return undefined;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Starts a cluster; resolves to { url, port, stop() }. */
export async function startPostgres() {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found: install the postgresql package (apt-get install postgresql)');
  const root = process.getuid?.() === 0;
  const owner = root ? 'postgres' : userInfo().username;
  const dir = mkdtempSync(join(tmpdir(), 'rk-pg-'));
  const data = join(dir, 'data');
  if (root) {
    const uid = Number(execFileSync('id', ['-u', owner]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', owner]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (command, args) => {
    const [file, argv] = root ? ['runuser', ['-u', owner, '--', join(bin, command), ...args]] : [join(bin, command), args];
    return execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  };
  const port = await freePort();
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c TimeZone=UTC`;
  try {
    run('initdb', ['-D', data, '-U', owner, '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '60', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${error.stderr?.toString() ?? error.message}`);
  }
  let stopped = false;
  return {
    port,
    url: `postgres://${owner}@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

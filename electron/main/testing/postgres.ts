import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migratePostgres } from '../db/migrate-postgres';

// A throwaway PostgreSQL server for tests and the bench: a fresh cluster (initdb) of Debian's
// `postgresql` package in a temp folder, reached only through a unix socket in that folder
// (listen_addresses=''), with durability off for speed. stop() ends it (pg_ctl stop -m
// immediate) and removes the folder; so does the process's exit if stop() was never called, and
// the server receives SIGQUIT (an immediate shutdown) if the process dies without exiting (a
// parent-death signal); a folder left by a killed process is removed by the next start.
// Options for the bench: `loopback` listens on 127.0.0.1 at a free port as well (clients then
// connect over TCP, as a desk on the LAN would), `durable` keeps PostgreSQL's own durability
// settings (fsync, full-page writes, synchronous commit).
//
// initdb, pg_ctl and postgres refuse to run as root. As root (CI), they run as `nobody` through
// util-linux's setpriv, in a folder given to that user; the tests connect as the cluster's
// superuser `madoguchi` with trust authentication, so the OS user of the client does not matter.

const PG_ROOT = '/usr/lib/postgresql';
const MIN_VERSION = 15;
const SUPERUSER = 'madoguchi';
// The socket's file name (.s.PGSQL.5432); no TCP port is opened unless asked for.
const SOCKET_PORT = 5432;
const FOLDER_PREFIX = 'madoguchi-pg-';
const OWNER_FILE = 'owner.pid';
const STARTUP_LIMIT_MS = 60_000;
// The database tests copy their own from (made by prepareTemplate).
export const TEMPLATE_DATABASE = 'madoguchi_template';

export type PgConnection = { host: string; port: number; user: string; database: string };
// Where the server is: a connection without its database.
export type PgServer = Omit<PgConnection, 'database'>;

export type PgCluster = {
  server: PgServer;
  version: number;
  connection: (database: string) => PgConnection;
  stop: () => Promise<void>;
};

type RunAs = { uid: number; gid: number } | null;

const run = promisify(execFile);

// The highest installed PostgreSQL of version 15 or later.
export function findPostgres(): { bin: string; version: number } {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .map(Number)
        .filter((v) => Number.isInteger(v) && v >= MIN_VERSION && existsSync(join(PG_ROOT, String(v), 'bin', 'initdb')))
        .sort((a, b) => b - a)
    : [];
  const version = versions[0];
  if (version === undefined) {
    throw new Error(
      `The PostgreSQL tests need PostgreSQL ${MIN_VERSION} or later from Debian's "postgresql" package ` +
        `(${PG_ROOT}/<version>/bin/initdb was not found): apt-get install postgresql`,
    );
  }
  return { bin: join(PG_ROOT, String(version), 'bin'), version };
}

function idOf(flag: '-u' | '-g', user: string): number {
  return Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
}

// Who runs the server: the current user, or `nobody` when that is root.
function clusterUser(): RunAs {
  if (process.getuid?.() !== 0) return null;
  return { uid: idOf('-u', 'nobody'), gid: idOf('-g', 'nobody') };
}

const hasSetpriv = existsSync('/usr/bin/setpriv');

// The command line that runs `file` as the cluster's user; with `dieWithUs`, the process gets
// SIGQUIT (PostgreSQL's immediate shutdown) when ours dies.
function asCluster(runAs: RunAs, file: string, args: string[], dieWithUs = false): [string, string[]] {
  const opts: string[] = [];
  if (runAs) opts.push(`--reuid=${runAs.uid}`, `--regid=${runAs.gid}`, '--clear-groups');
  if (dieWithUs && hasSetpriv) opts.push('--pdeathsig=SIGQUIT');
  if (opts.length === 0) return [file, args];
  if (!hasSetpriv) throw new Error('Running PostgreSQL as root needs setpriv (Debian package util-linux).');
  return ['setpriv', [...opts, '--', file, ...args]];
}

// English messages, no PG* variables of the caller's shell.
const childEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Folders of clusters whose process is gone (killed before it could clean up).
function removeLeftovers(base: string): void {
  for (const name of readdirSync(base)) {
    if (!name.startsWith(FOLDER_PREFIX)) continue;
    const dir = join(base, name);
    try {
      const owner = Number(readFileSync(join(dir, OWNER_FILE), 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Not ours to judge (being made, or another user's).
    }
  }
}

// A folder the cluster's user can reach: every folder above it must be searchable by others
// when the server runs as `nobody`.
function clusterFolder(runAs: RunAs): string {
  let base = tmpdir();
  if (runAs && !searchableByAll(base)) base = '/tmp';
  if (runAs && !searchableByAll(base)) throw new Error(`No temp folder that the user nobody can reach (${base}).`);
  // mkdtemp adds 6 characters; .s.PGSQL.65535 is the longest socket name a port gives.
  const socket = join(base, `${FOLDER_PREFIX}XXXXXX`, '.s.PGSQL.65535');
  if (Buffer.byteLength(socket) > 107) throw new Error(`The socket path would be too long: ${socket}`);
  removeLeftovers(base);
  const dir = mkdtempSync(join(base, FOLDER_PREFIX));
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  if (runAs) chownSync(dir, runAs.uid, runAs.gid);
  return dir;
}

function searchableByAll(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}

// Resolves once the server logs that it accepts connections; rejects with its log if it stops.
function whenReady(child: ChildProcess, log: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      reject(new Error(`PostgreSQL did not start within ${STARTUP_LIMIT_MS} ms:\n${log.join('\n')}`));
    }, STARTUP_LIMIT_MS);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        log.push(line);
        if (log.length > 200) log.shift();
        if (line.includes('database system is ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL stopped while starting (${signal ?? `exit code ${code}`}):\n${log.join('\n')}`));
    });
  });
}

// A port nobody listens on now (the server takes it a moment later).
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export type StartOptions = { loopback?: boolean; durable?: boolean };

export async function startPostgres(opts: StartOptions = {}): Promise<PgCluster> {
  const { bin, version } = findPostgres();
  const runAs = clusterUser();
  const dir = clusterFolder(runAs);
  const data = join(dir, 'data');
  const port = opts.loopback ? await freePort() : SOCKET_PORT;
  const server: PgServer = { host: opts.loopback ? '127.0.0.1' : dir, port, user: SUPERUSER };
  const stopArgs = asCluster(runAs, join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w', '-s']);
  let child: ChildProcess | undefined;

  // On exit without stop(): the synchronous path (no event loop any more).
  const onExit = () => {
    if (child?.exitCode === null) {
      try {
        execFileSync(stopArgs[0], stopArgs[1], { env: childEnv, cwd: dir, stdio: 'ignore' });
      } catch {
        child.kill('SIGKILL');
      }
    }
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  };
  process.on('exit', onExit);

  try {
    const [initdb, initArgs] = asCluster(runAs, join(bin, 'initdb'), [
      ...['-D', data, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C'],
      ...['--no-sync', '--no-instructions'],
    ]);
    await run(initdb, initArgs, { env: childEnv, cwd: dir });
    // A test server: nothing survives a crash, nothing needs to.
    const fast = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', autovacuum: 'off' };
    const settings = {
      listen_addresses: opts.loopback ? '127.0.0.1' : '',
      unix_socket_directories: dir,
      port: String(port),
      ...(opts.durable ? {} : fast),
      wal_level: 'minimal',
      max_wal_senders: '0',
      jit: 'off',
      max_connections: '200',
      lc_messages: 'C',
      log_checkpoints: 'off',
    };
    const args = ['-D', data, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    const [postgres, postgresArgs] = asCluster(runAs, join(bin, 'postgres'), args, true);
    const log: string[] = [];
    child = spawn(postgres, postgresArgs, { env: childEnv, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    await whenReady(child, log);
  } catch (err) {
    process.off('exit', onExit);
    onExit();
    throw err;
  }
  // The server does not keep a script alive by itself (stop(), or the exit handler, ends it).
  const started = child;
  started.removeAllListeners('exit');
  started.unref();
  (started.stderr as { unref?: () => void } | null)?.unref?.();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.off('exit', onExit);
      started.ref();
      const exited = new Promise<void>((resolve) => {
        if (started.exitCode !== null || started.signalCode !== null) resolve();
        else started.once('exit', () => resolve());
      });
      try {
        await run(stopArgs[0], stopArgs[1], { env: childEnv, cwd: dir });
      } catch {
        started.kill('SIGKILL');
      }
      await exited;
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    })();
    return stopping;
  };
  return { server, version, connection: (database) => ({ ...server, database }), stop };
}

// One statement on the server's maintenance database.
async function admin(server: PgServer, statement: string): Promise<void> {
  const client = new pg.Client({ ...server, database: 'postgres' });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

// The template the tests' databases are copied from: migrated to the latest schema, then closed
// to connections (a connection to it would make every CREATE DATABASE … TEMPLATE fail).
export async function prepareTemplate(server: PgServer, name = TEMPLATE_DATABASE): Promise<void> {
  await admin(server, `CREATE DATABASE ${quoted(name)}`);
  const db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ ...server, database: name, max: 1 }) }) });
  try {
    await migratePostgres(db);
  } finally {
    await db.destroy();
  }
  await admin(server, `ALTER DATABASE ${quoted(name)} WITH ALLOW_CONNECTIONS false`);
}

// A database of its own, copied from the migrated template (or empty: template0).
export async function createDatabase(
  server: PgServer,
  template: string = TEMPLATE_DATABASE,
): Promise<{ connection: PgConnection; drop: () => Promise<void> }> {
  const name = `t_${process.pid}_${randomBytes(6).toString('hex')}`;
  await admin(server, `CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(template)}`);
  return {
    connection: { ...server, database: name },
    drop: () => dropDatabase(server, name),
  };
}

// DROP DATABASE waits (up to 5 s) for sessions still closing, such as those of a pool just ended:
// ending them by force would send their clients an error they no longer listen for. A session
// left open (a test that forgot to close its pool) is ended by force after that.
async function dropDatabase(server: PgServer, name: string): Promise<void> {
  try {
    await admin(server, `DROP DATABASE IF EXISTS ${quoted(name)}`);
  } catch (err) {
    if ((err as { code?: unknown }).code !== '55006') throw err;
    await admin(server, `DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
  }
}

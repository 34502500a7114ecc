import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A real, throw-away PostgreSQL server for tests: initdb in a temporary
 * directory, started on a free loopback port with its unix socket in the same
 * directory, stopped and deleted at the end. Never a mock. When the server
 * binaries are absent the PostgreSQL tests are skipped with a message, except
 * on CI (CI=true), where their absence is an error.
 */
export interface PgServer {
  /** postgres:// URL of the server's default database. */
  url: string;
  /** A fresh, empty database on the server; returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

let dbCounter = 0;

function findBinDir(): string | undefined {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(path.join(debian, v, 'bin'));
  }
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0) candidates.push(fromConfig.stdout.trim());
  return candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
}

/** Why PostgreSQL tests cannot run here, or undefined when they can. Throws on CI so that they are never silently skipped there. */
export function postgresUnavailable(): string | undefined {
  if (process.env.NEWSFUSE_TEST_PG_URL) return undefined;
  if (findBinDir()) return undefined;
  const reason = 'PostgreSQL server binaries (initdb, pg_ctl) not found: install the postgresql package or set PG_BIN';
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`${reason} (required on CI)`);
  return reason;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Root may not run the server: run its binaries as the postgres user. */
function asServerUser(bin: string, args: string[]): { cmd: string; args: string[]; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { cmd: bin, args };
  return { cmd: 'runuser', args: ['-u', 'postgres', '--', bin, ...args] };
}

function serverUserIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function run(bin: string, args: string[]): void {
  const c = asServerUser(bin, args);
  const res = spawnSync(c.cmd, c.args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (res.status !== 0) throw new Error(`${path.basename(bin)} failed (${res.status}): ${res.stderr || res.stdout}`);
}

function makeServer(url: string, stop: () => Promise<void>): PgServer {
  return {
    url,
    async createDatabase(name?: string): Promise<string> {
      const db = name ?? `t_${process.pid}_${++dbCounter}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${db}`);
      } finally {
        await client.end();
      }
      const u = new URL(url);
      u.pathname = `/${db}`;
      return u.toString();
    },
    stop,
  };
}

/** Starts a server, or returns undefined (skip) when the binaries are missing outside CI. */
export async function startPostgres(): Promise<PgServer | undefined> {
  if (process.env.NEWSFUSE_TEST_PG_URL) return makeServer(process.env.NEWSFUSE_TEST_PG_URL, async () => undefined);
  if (postgresUnavailable()) return undefined;
  const bin = findBinDir() as string;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-pg-'));
  const ids = serverUserIds();
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const data = path.join(dir, 'data');
  run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-locale']);
  const port = await freePort();
  // fsync off: tests kill processes, not the machine; a committed transaction survives a process crash either way.
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off -c max_connections=100 -c shared_buffers=32MB`;
  run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-o', opts, '-w', '-t', '60', 'start']);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    try {
      run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return makeServer(`postgres://postgres@127.0.0.1:${port}/postgres`, stop);
}

import type { Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../server/defaults.js';
import { reportProblem, reportWarnings, UsageError } from '../io.js';
import { OUTLETS_HELP, readOutletsFile } from '../outlets.js';

interface ServeFlags {
  db?: string;
  host: string;
  port: string;
  token?: string;
  publicRead?: boolean;
  allowHost?: string[];
  logLevel: string;
  outlets?: string;
}

const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'];

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (got "${value}")`);
  return n;
}

/** Resolves on the first SIGINT or SIGTERM, so the command can close the server and the store cleanly. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const done = (sig: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(sig);
    };
    const onInt = () => done('SIGINT');
    const onTerm = () => done('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web page and the HTTP API over the store; with paths, ingest them first (a one-command demo)')
    .argument('[paths...]', 'files, folders or globs to ingest before serving')
    .option('--db <url>', 'store: a SQLite file or postgres:// URL (default ./newsfuse.db or NEWSFUSE_DB)')
    .option('--host <host>', 'address to bind; anything but loopback needs --token', DEFAULT_HOST)
    .option('--port <port>', 'port to listen on (0 picks a free one)', String(DEFAULT_PORT))
    .option('--token <token>', 'Bearer token for writes (and for reads when bound beyond loopback); default NEWSFUSE_TOKEN')
    .option('--public-read', 'beyond loopback, let anyone read (writes still need the token)')
    .option('--allow-host <name...>', 'extra Host names accepted on loopback (a local reverse proxy)')
    .option('--log-level <level>', `request log level: ${LOG_LEVELS.join(', ')}`, 'warn')
    .option('--outlets <file>', `${OUTLETS_HELP}; stored in the store, replacing the outlets stored before`)
    .action(async (paths: string[], flags: ServeFlags) => {
      const port = parsePort(flags.port);
      if (!LOG_LEVELS.includes(flags.logLevel)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
      const token = flags.token ?? process.env.NEWSFUSE_TOKEN;
      // The checks load only now (with node:crypto and node:net): `newsfuse --help` does without them.
      const { AccessConfigError, accessPolicy } = await import('../../server/access.js');
      try {
        // Checked before anything is opened: an exposed server without a token never starts.
        accessPolicy({ host: flags.host, token, publicRead: flags.publicRead });
      } catch (err) {
        if (err instanceof AccessConfigError) throw new UsageError(err.message);
        throw err;
      }
      const outlets = flags.outlets === undefined ? undefined : readOutletsFile(flags.outlets);
      // The server, the store and the readers load only now: a usage error above answers at once.
      const [{ openCatalog }, { startServer }, { readInputs }] = await Promise.all([import('../../store/index.js'), import('../../server/index.js'), import('../../ingest/files.js')]);
      // With paths or outlets the store is written first; without, a store that cannot be written is served read-only.
      const catalog = await openCatalog(flags.db, { forReading: paths.length === 0 && outlets === undefined });
      try {
        if (outlets) await catalog.setOutlets(outlets);
        if (paths.length > 0) {
          const { docs, problems } = await readInputs(paths);
          problems.forEach(reportProblem);
          docs.forEach(reportWarnings);
          // A one-line counter on a terminal; logs and pipes get only the summary below.
          const onProgress = process.stderr.isTTY ? (p: { done: number; total: number }) => process.stderr.write(`\rnewsfuse: ingesting ${p.done}/${p.total}`) : undefined;
          const report = await catalog.ingestRaw(docs, { onProgress });
          if (onProgress) process.stderr.write('\n');
          report.failed.forEach(reportProblem);
          process.stderr.write(`newsfuse: ingested ${report.added.length} new, ${report.duplicates.length} already stored, ${report.failed.length + problems.length} failed\n`);
        }
        let server;
        try {
          server = await startServer({ catalog, host: flags.host, port, token, publicRead: flags.publicRead, allowedHosts: flags.allowHost, logLevel: flags.logLevel });
        } catch (err) {
          const code = (err as { code?: string }).code;
          if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${flags.host} is in use; pick another with --port`);
          if (code === 'EADDRNOTAVAIL') throw new UsageError(`cannot bind ${flags.host}: not an address of this machine`);
          throw err;
        }
        const { total } = await catalog.listStories({ limit: 1, offset: 0 });
        process.stderr.write(`newsfuse: serving ${total} ${total === 1 ? 'story' : 'stories'} at ${server.url}/ (API: ${server.url}/openapi.json); Ctrl-C stops\n`);
        await untilSignal();
        await server.close();
      } finally {
        await catalog.close();
      }
    });
}

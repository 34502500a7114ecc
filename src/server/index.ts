import type { FastifyInstance } from 'fastify';
import type { Catalog } from '../store/catalog.js';
import { accessPolicy, DEFAULT_HOST, DEFAULT_PORT } from './access.js';
import { type AppOptions, buildApp } from './app.js';

export { AccessConfigError, accessPolicy, isLoopbackHost, DEFAULT_HOST, DEFAULT_PORT, type AccessPolicy } from './access.js';
export { buildApp, CONTENT_SECURITY_POLICY, DEFAULT_BODY_LIMIT, type AppOptions } from './app.js';
export { openApiDocument } from './openapi.js';


export interface ServeOptions extends Omit<AppOptions, 'access'> {
  catalog: Catalog;
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  token?: string;
  publicRead?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  /** Base URL, e.g. http://127.0.0.1:8080 (no trailing slash). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the web page and API over a catalog. Throws AccessConfigError before
 * opening any socket when the address is not loopback and there is no token.
 * Closing the server does not close the catalog (its owner does).
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? DEFAULT_HOST;
  const access = accessPolicy({ host, token: opts.token, publicRead: opts.publicRead });
  const app = buildApp({ ...opts, access });
  await app.listen({ host, port: opts.port ?? DEFAULT_PORT });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : (opts.port ?? DEFAULT_PORT);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { app, url: `http://${shownHost}:${port}`, port, close: () => app.close() };
}

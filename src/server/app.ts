import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Catalog } from '../store/catalog.js';
import { type AccessPolicy, bearerMatches, hostHeaderName, isLoopbackHost } from './access.js';
import { HttpError, registerApi } from './api.js';
import { loadWebAssets, packageVersion, type WebAssets } from './assets.js';
import { registerEvents } from './events.js';
import { DEFAULT_POLL_MS, registerPages } from './pages.js';

/** Largest request body: a batch of documents of ordinary size; bigger gets 413. */
export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;
/** How often the event stream asks the store for its revision while pages listen (one cheap query). */
const STORE_CHECK_MS = 1000;

/**
 * No inline script, no inline handler, nothing from another origin: even if
 * article text reached the DOM as markup, the browser would not run it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface AppOptions {
  catalog: Catalog;
  access: AccessPolicy;
  bodyLimit?: number;
  /** pino level of fastify's logger; 'silent' by default (the CLI passes 'warn' or 'info'). */
  logLevel?: string;
  pollMs?: number;
  /** Extra Host header names accepted when bound to loopback (a local reverse proxy's name). */
  allowedHosts?: string[];
  version?: string;
  /** Pre-loaded web assets (tests); loaded from dist/web otherwise. */
  assets?: WebAssets;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  421: 'Misdirected Request',
  500: 'Internal Server Error',
};

function errorBody(statusCode: number, message: string) {
  return { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message };
}

const isRead = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
/**
 * Whether a request reads story data (pages, assets, health and the API
 * description hold none). Decided on the route the router matched, not on the
 * raw URL: `/%61pi/stories` reaches the same handler as `/api/stories`.
 */
function readsData(routeUrl: string | undefined, rawUrl: string): boolean {
  if (routeUrl !== undefined) return routeUrl.startsWith('/api/');
  let path = rawUrl;
  try {
    path = decodeURIComponent(rawUrl);
  } catch {
    // undecodable: the router answers 400
  }
  return path.toLowerCase().replace(/\/+/g, '/').startsWith('/api/');
}

export function buildApp(opts: AppOptions): FastifyInstance {
  const { catalog, access } = opts;
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'silent' },
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: false,
    routerOptions: { maxParamLength: 600 },
    // Errors the router raises before any route runs (bad percent-encoding, over-long ids): same JSON shape as ours.
    frameworkErrors: (err, _req, reply) => {
      const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      void (reply as FastifyReply).code(status).send(errorBody(status, status === 414 ? 'the id in the address is too long' : 'the address is not valid percent-encoding'));
    },
  });
  const allowedHosts = new Set((opts.allowedHosts ?? []).map((h) => h.toLowerCase()));

  app.addHook('onRequest', async (req, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    // Story data may sit behind a token: no shared cache keeps a copy.
    if (readsData(req.routeOptions.url, req.url)) reply.header('cache-control', 'no-store');

    if (access.loopbackOnly) {
      // A page on another site can resolve its own name to 127.0.0.1 (DNS rebinding); refuse foreign Host names.
      const name = hostHeaderName(req.headers.host).toLowerCase();
      if (!isLoopbackHost(name) && !allowedHosts.has(name)) {
        return reply.code(421).send(errorBody(421, `this server answers only to localhost, not to "${name}"`));
      }
    }
    if (!isRead(req.method)) {
      if (access.token === undefined) {
        return reply.code(403).send(errorBody(403, 'writes are disabled: start `newsfuse serve` with --token (or NEWSFUSE_TOKEN)'));
      }
      if (!bearerMatches(req.headers.authorization, access.token)) {
        return reply.code(401).header('www-authenticate', 'Bearer').send(errorBody(401, 'a write needs "Authorization: Bearer <token>"'));
      }
    } else if (access.readsNeedToken && readsData(req.routeOptions.url, req.url) && !bearerMatches(req.headers.authorization, access.token ?? '')) {
      return reply.code(401).header('www-authenticate', 'Bearer').send(errorBody(401, 'reading needs "Authorization: Bearer <token>"'));
    }
  });

  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      req.log.error(err);
      return reply.code(500).send(errorBody(500, 'internal error'));
    }
    let message = err.message;
    if (status === 413) message = `body too large (limit ${opts.bodyLimit ?? DEFAULT_BODY_LIMIT} bytes)`;
    else if ('code' in err && err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') message = 'the body must be JSON (Content-Type: application/json)';
    else if ('code' in err && typeof err.code === 'string' && err.code.startsWith('FST_ERR_CTP')) message = `unreadable body: ${err.message}`;
    return reply.code(status).send(errorBody(status, message));
  });

  app.setNotFoundHandler(async (req, reply) => {
    const message = `nothing at ${req.method} ${req.url.split('?')[0]}`;
    if (req.url.startsWith('/api/') || !(req.headers.accept ?? '').includes('text/html')) {
      return reply.code(404).send(errorBody(404, message));
    }
    return reply.code(404).type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><title>Not found</title><p>Not found. <a href="/">All stories</a></p>');
  });

  registerApi(app, catalog, opts.version ?? packageVersion());
  registerEvents(app, catalog, Math.min(opts.pollMs ?? DEFAULT_POLL_MS, STORE_CHECK_MS));
  registerPages(app, opts.assets ?? loadWebAssets(), opts.pollMs ?? DEFAULT_POLL_MS);
  return app;
}

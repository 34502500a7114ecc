import { createServer } from 'node:http';
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Catalog } from '../store/catalog.js';
import type { Document, IngestReport } from '../types.js';
import { type AccessPolicy, bearerMatches, hostHeaderName, isLoopbackHost } from './access.js';
import { HttpError, registerApi } from './api.js';
import { loadWebAssets, packageVersion, type WebAssets } from './assets.js';
import { DEFAULT_EVENT_STREAM_LIMITS, registerEvents, type EventStreamLimits } from './events.js';
import { DEFAULT_POLL_MS, registerPages } from './pages.js';

/** Largest request body: a batch of documents of ordinary size; bigger gets 413. */
export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;
/** A client must have sent its request headers within this time (a slow-header client holds a socket for nothing)... */
const HEADERS_TIMEOUT_MS = 10_000;
/** ...and its whole request, body included, within this one. */
const REQUEST_TIMEOUT_MS = 60_000;
/** How often node checks those two deadlines. */
const CONNECTIONS_CHECK_MS = 1_000;
/** An idle keep-alive connection (between two requests) is closed after this long; a request being answered is never cut for being slow to answer. */
const KEEP_ALIVE_MS = 10_000;
/** Responses smaller than this are sent as they are: compressing them costs more than it saves. */
const COMPRESS_THRESHOLD_BYTES = 1024;
/** Brotli quality for responses built per request: 4 compresses JSON about as well as gzip -9, many times faster than the default 11. */
const BROTLI_QUALITY = 4;
/**
 * POSTed batches are ingested one at a time (each may hold megabytes of text,
 * and its extraction and analysis are heavy); this many more may wait their
 * turn, the rest are told to come back (503, Retry-After).
 */
const MAX_WAITING_INGESTS = 2;
const INGEST_RETRY_AFTER_S = 5;
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
  /** Caps on event-stream connections (per client address, and in all). */
  eventStreams?: Partial<EventStreamLimits>;
  /** Deadlines for a client's request headers and whole request (tests shorten them). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

/** An error with an HTTP status of its own (the error handler sends it as it is). */
class StatusError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * The catalog with its ingests taken one at a time, and the waiting line
 * bounded: a burst of large POSTs cannot pile their texts up in memory, nor
 * starve the reads of the event loop for long.
 */
function oneIngestAtATime(catalog: Catalog): Catalog {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  const ingest = async (docs: Document[]): Promise<IngestReport> => {
    if (waiting >= MAX_WAITING_INGESTS) {
      throw new StatusError(503, `busy ingesting earlier batches; retry in ${INGEST_RETRY_AFTER_S} s`, { 'retry-after': String(INGEST_RETRY_AFTER_S) });
    }
    waiting++;
    const turn = tail.then(() => {
      waiting--;
      return catalog.ingest(docs, { background: true });
    });
    tail = turn.catch(() => undefined);
    return turn;
  };
  return Object.assign(Object.create(catalog) as Catalog, { ingest });
}

/** Whether an error is the store refusing work it cannot do now (read-only, gone, full, unreachable), not a bug. */
function storeUnavailable(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: string }).name === 'StoreError' && (err as { unavailable?: boolean }).unavailable === true;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  421: 'Misdirected Request',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
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
  const requestTimeout = opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'silent' },
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: false,
    // Slow clients are cut off: headers within 10 s, the whole request within 60 s, checked every second (a slow answer, such as an ingest waiting its turn, is not).
    serverFactory: (handler) =>
      createServer({ headersTimeout: Math.min(opts.headersTimeoutMs ?? HEADERS_TIMEOUT_MS, requestTimeout), requestTimeout, connectionsCheckingInterval: CONNECTIONS_CHECK_MS, keepAliveTimeout: KEEP_ALIVE_MS }, handler),
    requestTimeout,
    routerOptions: { maxParamLength: 600 },
    // Errors the router raises before any route runs (bad percent-encoding, over-long ids): same JSON shape as ours.
    frameworkErrors: (err, _req, reply) => {
      const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      void (reply as FastifyReply).code(status).send(errorBody(status, status === 414 ? 'the id in the address is too long' : 'the address is not valid percent-encoding'));
    },
  });
  const allowedHosts = new Set((opts.allowedHosts ?? []).map((h) => h.toLowerCase()));
  // Only JSON bodies: fastify's own text/plain parser would hand a string to the routes, which then answer 400, not 415.
  app.removeContentTypeParser('text/plain');
  // JSON and the assets go out gzip- or brotli-compressed to clients that accept it (event streams are written raw, uncompressed).
  void app.register(compress, {
    global: true,
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  });

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

  app.setErrorHandler((err: FastifyError | HttpError | StatusError, req, reply) => {
    if (storeUnavailable(err)) {
      req.log.error(err);
      return reply.code(503).header('retry-after', '30').send(errorBody(503, 'the store cannot take this request now (read-only, full, unreachable, or deleted while the server ran); the server log says which'));
    }
    if (err instanceof StatusError) return reply.code(err.statusCode).headers(err.headers).send(errorBody(err.statusCode, err.message));
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

  const assets = opts.assets ?? loadWebAssets();
  // Routes in a plugin registered after compression's, so that its hooks are in place when they are built.
  void app.register(async (routes) => {
    registerApi(routes, oneIngestAtATime(catalog), opts.version ?? packageVersion());
    registerEvents(routes, catalog, Math.min(opts.pollMs ?? DEFAULT_POLL_MS, STORE_CHECK_MS), { ...DEFAULT_EVENT_STREAM_LIMITS, ...opts.eventStreams });
    registerPages(routes, assets, opts.pollMs ?? DEFAULT_POLL_MS);
  });
  return app;
}

import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Catalog } from '../store/catalog.js';

/** Comment line sent to idle streams so proxies do not close them. */
const KEEPALIVE_MS = 15_000;
/** Reconnect delay the browser's EventSource is told to use. */
const RETRY_MS = 3_000;

/** Open event streams allowed: each holds a socket for as long as a page stays open. */
export interface EventStreamLimits {
  /** From one client address (a reader with many tabs; more is a misbehaving client). */
  perClient: number;
  /** In all. */
  total: number;
}

export const DEFAULT_EVENT_STREAM_LIMITS: EventStreamLimits = { perClient: 16, total: 512 };
/** When a client over the limit is told to try again (seconds). */
const FULL_RETRY_AFTER_S = 30;

/**
 * Server-sent events at /api/events: `event: revision` whenever the store's
 * revision grows. Other processes (workers, `newsfuse ingest`) write to the
 * store too, so the only way to learn of a change is to ask the store; one
 * shared timer asks it while at least one page listens, instead of every page
 * polling on its own.
 */
export function registerEvents(app: FastifyInstance, catalog: Catalog, pollMs: number, limits: EventStreamLimits = DEFAULT_EVENT_STREAM_LIMITS): void {
  const streams = new Set<ServerResponse>();
  /** Open streams per client address. */
  const perClient = new Map<string, number>();
  let last: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let keepalive: NodeJS.Timeout | undefined;

  const send = (res: ServerResponse, revision: number) => res.write(`event: revision\ndata: ${JSON.stringify({ revision })}\n\n`);

  const check = async () => {
    try {
      const revision = await catalog.revision();
      if (revision !== last) {
        last = revision;
        for (const res of streams) send(res, revision);
      }
    } catch (err) {
      app.log.warn({ err }, 'revision check failed');
    }
  };

  const stopIfIdle = () => {
    if (streams.size > 0) return;
    clearInterval(timer);
    clearInterval(keepalive);
    timer = keepalive = undefined;
  };

  // No HEAD twin: a HEAD request must not open a stream that never ends.
  app.get('/api/events', { exposeHeadRoute: false }, async (req, reply) => {
    const revision = await catalog.revision();
    // Counted after the last await, so that requests arriving together cannot all pass the check.
    const client = req.ip;
    const mine = perClient.get(client) ?? 0;
    if (mine >= limits.perClient || streams.size >= limits.total) {
      const which = mine >= limits.perClient ? `${limits.perClient} event streams are open from this address` : `the server holds its limit of ${limits.total} event streams`;
      return reply.code(503).header('retry-after', String(FULL_RETRY_AFTER_S)).send({ statusCode: 503, error: 'Service Unavailable', message: `${which}; close some pages or retry later` });
    }
    // The stream outlives the handler: fastify lets go of the response, the headers set so far go with it.
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
    });
    res.write(`retry: ${RETRY_MS}\n\n`);
    send(res, revision);
    last ??= revision;
    streams.add(res);
    perClient.set(client, mine + 1);
    timer ??= setInterval(() => void check(), pollMs);
    keepalive ??= setInterval(() => {
      for (const s of streams) s.write(': keepalive\n\n');
    }, KEEPALIVE_MS);
    req.raw.on('close', () => {
      streams.delete(res);
      const left = (perClient.get(client) ?? 1) - 1;
      if (left > 0) perClient.set(client, left);
      else perClient.delete(client);
      stopIfIdle();
    });
  });

  // Open streams would keep app.close() waiting forever.
  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
    streams.clear();
    stopIfIdle();
  });
}

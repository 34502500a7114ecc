import dns from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { readFileSync } from 'node:fs';
import type { Agent } from 'undici';
import { assertPublicHost, BlockedAddressError, isPublicAddress } from './address.js';

/** Politeness and safety limits of the fetcher. */
export interface FetchOptions {
  /** Fetch private and loopback addresses too (a local test server, an intranet). */
  allowPrivate: boolean;
  /** For the whole exchange, headers and body. */
  timeoutMs: number;
  /** Larger bodies are refused (the download stops there). */
  maxBytes: number;
  /** Minimum time between two requests to the same host. */
  perHostIntervalMs: number;
  userAgent: string;
}

const MAX_REDIRECTS = 5;

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0';
  }
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  allowPrivate: false,
  timeoutMs: 20_000,
  maxBytes: 8 * 2 ** 20,
  perHostIntervalMs: 1_000,
  userAgent: `newsfuse/${packageVersion()} (news clustering; +https://github.com/newsfuse/newsfuse)`,
};

export class FetchError extends Error {}

export interface Fetched {
  /** The URL after redirects. */
  url: string;
  status: number;
  contentType: string;
  charset?: string;
  etag?: string;
  lastModified?: string;
  /** Undefined for 304 Not Modified. */
  body?: Uint8Array;
}

/** Waits so that requests to one host are at least `interval` apart, in call order. */
export class HostRateLimiter {
  private readonly next = new Map<string, number>();
  constructor(private readonly intervalMs: number) {}

  async wait(host: string): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.intervalMs);
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }
}

/** A connection-time guard: the address actually dialled must be public, whatever DNS said before. */
function guardedLookup(hostname: string, options: dns.LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) return callback(new BlockedAddressError(`refused: ${hostname} resolves to the non-public address ${bad.address}`), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(new Error(`${hostname} does not resolve`), []);
    callback(null, first.address, first.family);
  });
}

/**
 * Fetches URLs politely and safely: a real User-Agent, a per-host rate limit,
 * a timeout, a size cap, redirects followed by hand so every hop is checked,
 * and no private or loopback address unless allowed.
 */
export class Fetcher {
  readonly options: FetchOptions;
  private readonly limiter: HostRateLimiter;
  /** undici, loaded with the first request: reading local files never loads the HTTP client. */
  private agent: Agent | undefined;

  constructor(options: Partial<FetchOptions> = {}) {
    this.options = { ...DEFAULT_FETCH_OPTIONS, ...options };
    this.limiter = new HostRateLimiter(this.options.perHostIntervalMs);
  }

  private async client(): Promise<{ agent: Agent; fetch: typeof import('undici').fetch }> {
    const undici = await import('undici');
    this.agent ??= new undici.Agent(this.options.allowPrivate ? {} : { connect: { lookup: guardedLookup } });
    return { agent: this.agent, fetch: undici.fetch };
  }

  async fetch(url: string, conditional: { etag?: string; lastModified?: string } = {}): Promise<Fetched> {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const parsed = new URL(current);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchError(`unsupported scheme ${parsed.protocol}`);
      if (!this.options.allowPrivate) await assertPublicHost(parsed.hostname);
      await this.limiter.wait(parsed.host);
      const headers: Record<string, string> = {
        'user-agent': this.options.userAgent,
        accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
      };
      if (conditional.etag) headers['if-none-match'] = conditional.etag;
      if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
      const signal = AbortSignal.timeout(this.options.timeoutMs);
      let res;
      const { agent, fetch } = await this.client();
      try {
        res = await fetch(current, { headers, redirect: 'manual', signal, dispatcher: agent });
      } catch (err) {
        const cause = (err as { cause?: unknown }).cause;
        if (cause instanceof BlockedAddressError) throw cause;
        if (signal.aborted) throw new FetchError(`timed out after ${this.options.timeoutMs} ms`);
        throw new FetchError(`cannot fetch: ${cause instanceof Error ? cause.message : (err as Error).message}`);
      }
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const location = res.headers.get('location');
        await res.body?.cancel();
        if (!location) throw new FetchError(`HTTP ${res.status} without a Location`);
        current = new URL(location, current).toString();
        continue;
      }
      const contentType = res.headers.get('content-type') ?? '';
      const base: Fetched = {
        url: current,
        status: res.status,
        contentType: contentType.split(';')[0]?.trim().toLowerCase() ?? '',
        charset: contentType.match(/charset\s*=\s*"?([\w.:-]+)/i)?.[1],
        etag: res.headers.get('etag') ?? undefined,
        lastModified: res.headers.get('last-modified') ?? undefined,
      };
      if (res.status === 304) return base;
      if (res.status >= 400) {
        await res.body?.cancel();
        throw new FetchError(`HTTP ${res.status}`);
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > this.options.maxBytes) {
        await res.body?.cancel();
        throw new FetchError(`too large (${declared} bytes; the limit is ${this.options.maxBytes})`);
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      try {
        for await (const chunk of res.body ?? []) {
          size += chunk.length;
          if (size > this.options.maxBytes) throw new FetchError(`too large (more than ${this.options.maxBytes} bytes)`);
          chunks.push(chunk);
        }
      } catch (err) {
        await res.body?.cancel().catch(() => undefined);
        if (err instanceof FetchError) throw err;
        if (signal.aborted) throw new FetchError(`timed out after ${this.options.timeoutMs} ms`);
        throw new FetchError(`download failed: ${(err as Error).message}`);
      }
      return { ...base, body: Buffer.concat(chunks) };
    }
    throw new FetchError(`more than ${MAX_REDIRECTS} redirects`);
  }

  async close(): Promise<void> {
    await this.agent?.close();
  }
}

/** A URL's stable form for ids and deduplication: no fragment, no tracking parameters, lower-case host. */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$)/i.test(key)) u.searchParams.delete(key);
    }
    return u.toString();
  } catch {
    return url;
  }
}

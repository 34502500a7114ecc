import dns from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { readFileSync } from 'node:fs';
import type { Agent } from 'undici';
import { assertPublicHost, BlockedAddressError, isPublicAddress } from './address.js';
import { MAX_ROBOTS_BYTES, RobotsCache, type RobotsAnswer } from './robots.js';

/** Politeness and safety limits of the fetcher. */
export interface FetchOptions {
  /** Fetch private and loopback addresses too (a local test server, an intranet). */
  allowPrivate: boolean;
  /** For the whole exchange, headers and body. */
  timeoutMs: number;
  /** Larger bodies are refused (the download stops there). */
  maxBytes: number;
  /** Minimum time between two requests to the same host (a site's robots.txt Crawl-delay may ask for more). */
  perHostIntervalMs: number;
  userAgent: string;
  /** Honour robots.txt (RFC 9309); off only for one's own sites. */
  robots: boolean;
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
  robots: true,
  userAgent: `newsfuse/${packageVersion()} (news clustering; +https://github.com/newsfuse/newsfuse)`,
};

export class FetchError extends Error {}

/** A page robots.txt keeps newsfuse out of. */
export class RobotsRefusal extends FetchError {}

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

  /** `minIntervalMs`: a longer gap this host asked for (robots.txt Crawl-delay). */
  async wait(host: string, minIntervalMs = 0): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + Math.max(this.intervalMs, minIntervalMs));
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
 * Fetches URLs politely and safely: a real User-Agent, robots.txt honoured
 * per site, a per-host rate limit (or the site's Crawl-delay), a timeout, a
 * size cap, redirects followed by hand so every hop is checked, and no
 * private or loopback address unless allowed (checked on the name's
 * addresses before each hop and again on the address dialled).
 */
export class Fetcher {
  readonly options: FetchOptions;
  private readonly limiter: HostRateLimiter;
  private readonly robots: RobotsCache;
  /** undici, loaded with the first request: reading local files never loads the HTTP client. */
  private agent: Agent | undefined;

  constructor(options: Partial<FetchOptions> = {}) {
    this.options = { ...DEFAULT_FETCH_OPTIONS, ...options };
    this.limiter = new HostRateLimiter(this.options.perHostIntervalMs);
    this.robots = new RobotsCache((robotsUrl) => this.fetchRobots(robotsUrl));
  }

  private async client(): Promise<{ agent: Agent; fetch: typeof import('undici').fetch }> {
    const undici = await import('undici');
    this.agent ??= new undici.Agent(this.options.allowPrivate ? {} : { connect: { lookup: guardedLookup } });
    return { agent: this.agent, fetch: undici.fetch };
  }

  fetch(url: string, conditional: { etag?: string; lastModified?: string } = {}): Promise<Fetched> {
    return this.follow(url, conditional, this.options.maxBytes, this.options.robots);
  }

  /** The site's robots.txt, fetched like a page (same checks, its own size cap) but never held to robots.txt itself. */
  private async fetchRobots(robotsUrl: string): Promise<RobotsAnswer> {
    try {
      const got = await this.follow(robotsUrl, {}, MAX_ROBOTS_BYTES, false, true);
      return { status: got.status, body: Buffer.from(got.body ?? new Uint8Array()).toString('utf8') };
    } catch (err) {
      return { failed: err instanceof Error ? err.message : String(err) };
    }
  }

  private async follow(url: string, conditional: { etag?: string; lastModified?: string }, maxBytes: number, obeyRobots: boolean, anyStatus = false): Promise<Fetched> {
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const parsed = new URL(current);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchError(`unsupported scheme ${parsed.protocol}`);
      if (!this.options.allowPrivate) await assertPublicHost(parsed.hostname);
      const rules = obeyRobots ? await this.robots.rulesFor(parsed) : undefined;
      if (rules && !rules.allows(current)) throw new RobotsRefusal(`disallowed by ${rules.source}`);
      await this.limiter.wait(parsed.host, rules?.delayMs);
      const res = await this.request(current, conditional);
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
      if (res.status >= 400 && !anyStatus) {
        await res.body?.cancel();
        throw new FetchError(`HTTP ${res.status}`);
      }
      return { ...base, body: await this.readBody(res, maxBytes) };
    }
    throw new FetchError(`more than ${MAX_REDIRECTS} redirects`);
  }

  private async request(url: string, conditional: { etag?: string; lastModified?: string }): Promise<import('undici').Response> {
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
    };
    if (conditional.etag) headers['if-none-match'] = conditional.etag;
    if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
    const { agent, fetch } = await this.client();
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      return await fetch(url, { headers, redirect: 'manual', signal, dispatcher: agent });
    } catch (err) {
      const cause = (err as { cause?: unknown }).cause;
      if (cause instanceof BlockedAddressError) throw cause;
      if (signal.aborted) throw new FetchError(`timed out after ${this.options.timeoutMs} ms`);
      throw new FetchError(`cannot fetch: ${cause instanceof Error ? cause.message : (err as Error).message}`);
    }
  }

  /** The body, up to `maxBytes` (declared or counted), within the request's timeout. */
  private async readBody(res: import('undici').Response, maxBytes: number): Promise<Uint8Array> {
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await res.body?.cancel();
      throw new FetchError(`too large (${declared} bytes; the limit is ${maxBytes})`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body ?? []) {
        size += chunk.length;
        if (size > maxBytes) throw new FetchError(`too large (more than ${maxBytes} bytes)`);
        chunks.push(chunk);
      }
    } catch (err) {
      await res.body?.cancel().catch(() => undefined);
      if (err instanceof FetchError) throw err;
      if ((err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError') throw new FetchError(`timed out after ${this.options.timeoutMs} ms`);
      throw new FetchError(`download failed: ${(err as Error).message}`);
    }
    return Buffer.concat(chunks);
  }

  async close(): Promise<void> {
    await this.agent?.close();
  }
}

/**
 * Query parameters that say who sent the reader, not what the page is: ad,
 * social, mail and analytics trackers (Google, Meta, Microsoft, X, TikTok,
 * LinkedIn, Instagram, Mailchimp, HubSpot, Marketo, Adobe, AT Internet,
 * Yandex, Piano, Yahoo's consent redirects, and newsrooms' own campaign tags).
 * Parameters that may name content (id, p, page, cid, ref) are kept.
 */
const TRACKING_PARAMETER = new RegExp(
  '^(?:' +
    [
      'utm_\\w*', 'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'ysclid', 'twclid', 'ttclid', 'li_fat_id', 'igshid', 'igsh',
      'mc_cid', 'mc_eid', 'mkt_tok', '_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp', 'hsctatracking', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv',
      'rb_clickid', 's_cid', 'ncid', 'ocid', 'cmpid', 'icid', 'intcmp', 'int_cmp', '_ga', '_gl', 'wt\\.mc_id', 'wt_mc', 'at_medium', 'at_campaign', 'at_custom\\d*',
      'xtor', 'smid', 'soc_src', 'soc_trk', 'ref_src', 'ref_url', 'sr_share', 'guccounter', 'guce_referrer', 'guce_referrer_sig', 'fb_action_ids',
      'fb_action_types', 'fb_ref', 'fb_source', 'action_object_map', 'action_type_map', 'action_ref_map', '__twitter_impression', 'spm', 'ito', 'taid', 'mbid',
    ].join('|') +
    ')$',
  'i',
);

/**
 * A URL's stable form for ids and deduplication: lower-case scheme and host,
 * no default port, no fragment, no tracking parameters, the other
 * parameters in a fixed order (the same page reached with its parameters
 * shuffled is one page).
 */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    const keys = [...u.searchParams.keys()];
    const tracking = keys.filter((k) => TRACKING_PARAMETER.test(k));
    const ordered = keys.every((k, i) => i === 0 || keys[i - 1]! <= k);
    // Rewritten only when something changes: URLSearchParams re-encodes what it serialises.
    if (tracking.length > 0 || !ordered) {
      for (const key of tracking) u.searchParams.delete(key);
      u.searchParams.sort();
    }
    // An empty query leaves a bare "?" behind.
    if (u.searchParams.size === 0) u.search = '';
    return u.toString();
  } catch {
    return url;
  }
}

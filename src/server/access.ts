import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * Who may do what. The server is safe to run on a laptop with no set-up
 * (loopback only, reads open) and refuses to be exposed without a token.
 */
export interface AccessPolicy {
  /** The Bearer token, when one was given. */
  token?: string;
  /** Reads of story data need the token (bound beyond loopback and not --public-read). */
  readsNeedToken: boolean;
  /** Bound to loopback: the Host header must name this machine (guards against DNS rebinding). */
  loopbackOnly: boolean;
}

export { DEFAULT_HOST, DEFAULT_PORT } from './defaults.js';

/** Thrown when the options would expose the store without a token; the message says how to fix it. */
export class AccessConfigError extends Error {}

/** Host names that only reach this machine. */
const LOOPBACK_NAMES = new Set(['localhost', 'ip6-localhost', 'ip6-loopback']);

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (LOOPBACK_NAMES.has(h)) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

/** A token shorter than this can be guessed by a patient client; 16 random characters are beyond reach. */
export const MIN_TOKEN_CHARS = 16;
/** A token of few distinct characters ("aaaa…", "1234123412341234") is a placeholder, not a secret. */
export const MIN_TOKEN_DISTINCT_CHARS = 8;

/** Why a token is too weak to guard the store, or undefined when it will do. */
export function weakTokenReason(token: string): string | undefined {
  if (/[\s\u0000-\u001f\u007f]/.test(token)) return 'it contains spaces or control characters (an HTTP header cannot carry them reliably)';
  if ([...token].length < MIN_TOKEN_CHARS) return `it has ${[...token].length} characters; at least ${MIN_TOKEN_CHARS} are needed`;
  if (new Set(token).size < MIN_TOKEN_DISTINCT_CHARS) return `it uses only ${new Set(token).size} distinct characters; at least ${MIN_TOKEN_DISTINCT_CHARS} are needed`;
  return undefined;
}

export function accessPolicy(opts: { host: string; token?: string; publicRead?: boolean }): AccessPolicy {
  const token = opts.token === undefined || opts.token === '' ? undefined : opts.token;
  const weak = token === undefined ? undefined : weakTokenReason(token);
  if (weak !== undefined) {
    throw new AccessConfigError(`refusing a weak token: ${weak}. Generate one, for example with \`openssl rand -hex 24\`, and pass it with --token or NEWSFUSE_TOKEN.`);
  }
  const loopback = isLoopbackHost(opts.host);
  if (!loopback && token === undefined) {
    throw new AccessConfigError(
      `refusing to listen on ${opts.host} without a token: anyone who can reach it could read and write the store. ` +
        'Pass --token <secret> (or set NEWSFUSE_TOKEN), or bind to 127.0.0.1.',
    );
  }
  return { token, readsNeedToken: !loopback && !opts.publicRead, loopbackOnly: loopback };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Constant-time comparison of the Authorization header against the token. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  if (header === undefined) return false;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m || m[1] === undefined) return false;
  return timingSafeEqual(digest(m[1]), digest(token));
}

/** The host name of a Host header ("127.0.0.1:8080" → "127.0.0.1", "[::1]:80" → "::1"). */
export function hostHeaderName(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  const h = hostHeader.trim();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  return colon > 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

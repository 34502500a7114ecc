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

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

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

export function accessPolicy(opts: { host: string; token?: string; publicRead?: boolean }): AccessPolicy {
  const token = opts.token === undefined || opts.token === '' ? undefined : opts.token;
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

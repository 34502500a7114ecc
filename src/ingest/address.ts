import { lookup } from 'node:dns/promises';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Refusal of private, loopback and other non-public addresses: a URL given to
 * a server-side fetcher must not reach the machine's own services or its
 * internal network (SSRF). Checked on the resolved addresses, not the name,
 * and again at connection time (see fetch.ts) so DNS rebinding cannot switch
 * a public name to a private address after the check.
 */

/**
 * Public means: IPv4 in none of IANA's special-purpose ranges (ipaddr.js's
 * "unicast": not private, loopback, link-local, CGNAT, documentation,
 * benchmarking, 6to4 relay, AS112, AMT, multicast, reserved…); IPv6 in global
 * unicast (2000::/3) and in none of its special ranges. IPv6 forms that carry
 * an IPv4 address — mapped, compatible, SIIT (RFC 6145), NAT64 (RFC 6052),
 * 6to4 and Teredo — are judged by the IPv4 addresses inside them, which is
 * where a packet to them ends up.
 */
export function isPublicAddress(ip: string): boolean {
  const bare = ip.split('%')[0] ?? ip;
  if (net.isIP(bare) === 0) return false;
  const addr = ipaddr.parse(bare);
  if (addr.kind() === 'ipv4') return addr.range() === 'unicast';
  const v6 = addr as ipaddr.IPv6;
  const inside = embeddedIPv4(v6);
  if (inside !== undefined) return inside.every((v4) => v4 !== null && isPublicAddress(v4));
  const range = v6.range();
  return (range === 'unicast' || range === 'as112v6') && (v6.parts[0]! & 0xe000) === 0x2000;
}

/** The 32-bit IPv4 address of two 16-bit groups, dotted. */
function v4Of(high: number, low: number): string {
  return `${high >>> 8}.${high & 0xff}.${low >>> 8}.${low & 0xff}`;
}

/**
 * The IPv4 addresses an IPv6 address stands for, when it is one of the
 * transition forms; null for a form that is only ever local (NAT64's
 * local-use prefix), undefined for a plain IPv6 address.
 */
function embeddedIPv4(v6: ipaddr.IPv6): (string | null)[] | undefined {
  const g = v6.parts;
  const zeros = (from: number, to: number): boolean => g.slice(from, to).every((x) => x === 0);
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated), ::ffff:0:a.b.c.d (SIIT).
  if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0) && !(g[5] === 0 && g[6] === 0)) return [v4Of(g[6]!, g[7]!)];
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return [v4Of(g[6]!, g[7]!)];
  // NAT64: 64:ff9b::/96 reaches the IPv4 address inside; 64:ff9b:1::/48 is local use only.
  if (g[0] === 0x64 && g[1] === 0xff9b) return g[2] === 1 ? [null] : [v4Of(g[6]!, g[7]!)];
  // 6to4: 2002:AABB:CCDD::/48 tunnels to a.b.c.d.
  if (g[0] === 0x2002) return [v4Of(g[1]!, g[2]!)];
  // Teredo: 2001:0::/32, the server at groups 2–3, the client (bits inverted) at groups 6–7.
  if (g[0] === 0x2001 && g[1] === 0) return [v4Of(g[2]!, g[3]!), v4Of(~g[6]! & 0xffff, ~g[7]! & 0xffff)];
  return undefined;
}

export class BlockedAddressError extends Error {}

/** Resolves a host name and throws when any of its addresses is not public. */
export async function assertPublicHost(hostname: string): Promise<string[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  if (addresses.length === 0) throw new BlockedAddressError(`${hostname} does not resolve`);
  const blocked = addresses.find((a) => !isPublicAddress(a));
  if (blocked) throw new BlockedAddressError(`refused: ${hostname} resolves to the non-public address ${blocked} (use --allow-private to fetch it)`);
  return addresses;
}

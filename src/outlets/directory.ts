import type { BriefSource, OutletRecord } from '../types.js';

/** "https://www.example.org/a" → "example.org" (as URL parsers give it: punycode for non-ASCII); undefined when not a URL. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '').replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The user's outlets, looked up by a source's host (the longest listed domain
 * the host ends with: news.bbc.co.uk → bbc.co.uk) or, for sources without an
 * address, by their site name equal to an outlet's name.
 */
export class OutletDirectory {
  private readonly byDomain: Map<string, OutletRecord>;
  private readonly byName: Map<string, OutletRecord>;

  constructor(readonly records: readonly OutletRecord[]) {
    this.byDomain = new Map(records.map((r) => [r.domain, r]));
    this.byName = new Map(records.flatMap((r) => (r.name ? [[r.name.toLowerCase(), r] as const] : [])));
  }

  get size(): number {
    return this.records.length;
  }

  find(source: Pick<BriefSource, 'url' | 'siteName'>): OutletRecord | undefined {
    const host = hostOf(source.url);
    if (host) {
      const labels = host.split('.');
      for (let i = 0; i < labels.length - 1; i++) {
        const hit = this.byDomain.get(labels.slice(i).join('.'));
        if (hit) return hit;
      }
    }
    return source.siteName ? this.byName.get(source.siteName.trim().toLowerCase()) : undefined;
  }
}

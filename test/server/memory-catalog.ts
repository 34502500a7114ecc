import { readFileSync } from 'node:fs';
import type { ArticleView, Catalog, SearchResult } from '../../src/store/catalog.js';
import type { Brief, Document, IngestReport, OutletRecord, StorySummary } from '../../src/types.js';

/**
 * A Catalog over fixed Briefs, for tests of the server's own behaviour
 * (escaping of every Brief field, layout) independent of the pipeline. The
 * end-to-end tests use the real store.
 */
export class MemoryCatalog implements Catalog {
  private readonly briefs = new Map<string, Brief>();
  private readonly articles = new Map<string, ArticleView>();
  private rev = 1;
  ingested: Document[] = [];

  constructor(
    briefs: Brief[],
    private readonly outletRecords: OutletRecord[] = [],
  ) {
    for (const b of briefs) this.add(b);
  }

  async outlets(): Promise<OutletRecord[]> {
    return this.outletRecords;
  }

  add(brief: Brief): void {
    this.briefs.set(brief.story.id, brief);
    for (const src of brief.sources) {
      const sentences = brief.claims.flatMap((c) => c.sources.filter((s) => s.source === src.id).map((s) => ({ claim: c, sentence: s.sentence })));
      const paragraphs = sentences.length > 0 ? sentences.map((s) => s.sentence) : [src.title];
      this.articles.set(src.id, {
        article: { id: src.id, title: src.title, siteName: src.siteName, url: src.url, publishedAt: src.publishedAt, language: src.language, attribution: src.attribution, text: paragraphs.join('\n\n'), paragraphs },
        story: brief.story.id,
        group: src.group,
        claims: sentences.map((s) => ({ id: s.claim.id, text: s.claim.text, status: s.claim.status, sentence: s.sentence })),
      });
    }
    this.rev += 1;
  }

  private summary(b: Brief): StorySummary {
    const n = (st: string) => b.claims.filter((c) => c.status === st).length;
    return {
      id: b.story.id,
      headline: b.story.headline,
      firstSeen: b.story.firstSeen,
      lastSeen: b.story.lastSeen,
      articles: b.sources.length,
      independentSources: new Set(b.sources.map((s) => s.group)).size,
      claims: { corroborated: n('corroborated'), singleSource: n('single-source'), disputed: n('disputed') },
    };
  }

  async listStories(page: { limit: number; offset: number }): Promise<{ total: number; stories: StorySummary[] }> {
    const all = [...this.briefs.values()].map((b) => this.summary(b)).sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''));
    return { total: all.length, stories: all.slice(page.offset, page.offset + page.limit) };
  }

  async getBrief(id: string): Promise<Brief | null> {
    return this.briefs.get(id) ?? null;
  }

  async getArticle(id: string): Promise<ArticleView | null> {
    return this.articles.get(id) ?? null;
  }

  async search(query: string, limit: number): Promise<SearchResult> {
    const q = query.toLowerCase();
    return {
      stories: [...this.briefs.values()].filter((b) => b.story.headline.toLowerCase().includes(q)).slice(0, limit).map((b) => ({ ...this.summary(b), snippet: [{ text: b.story.headline }] })),
      articles: [...this.articles.values()]
        .filter((a) => a.article.text.toLowerCase().includes(q) || a.article.title.toLowerCase().includes(q))
        .slice(0, limit)
        .map((a) => ({ id: a.article.id, title: a.article.title, story: a.story, snippet: [{ text: a.article.title }] })),
      claims: [],
    };
  }

  async ingest(docs: Document[]): Promise<IngestReport> {
    this.ingested.push(...docs);
    for (const d of docs) {
      const text = d.text ?? d.html ?? '';
      this.add({
        schemaVersion: 1,
        story: { id: `story-${d.id}`, headline: d.title ?? d.id, firstSeen: d.publishedAt, lastSeen: d.publishedAt },
        sources: [{ id: d.id, title: d.title ?? d.id, url: d.url, language: 'en', group: d.id, derivedFrom: [] }],
        summary: [{ text, claims: [`${d.id}-1`], sources: [d.id] }],
        claims: [{ id: `${d.id}-1`, text, sources: [{ source: d.id, sentence: text }], support: 1, independentSupport: 1, status: 'single-source', conflicts: [] }],
        quotes: [],
        entities: [],
        timeline: [],
      });
    }
    return { added: docs.map((d) => d.id), duplicates: [], failed: [] };
  }

  async revision(): Promise<number> {
    return this.rev;
  }

  async close(): Promise<void> {}
}

export function fixtureBrief(): Brief {
  return JSON.parse(readFileSync('test/fixtures/server/brief.json', 'utf8')) as Brief;
}

import type { AnalyzedArticle, Brief, Relations } from '../types.js';

/** PLACEHOLDER (owner: consolidate): one claim per sentence. */
export function consolidate(articles: AnalyzedArticle[], relations: Relations, options: { storyId?: string } = {}): Brief {
  const groupOf = new Map<string, string>();
  for (const g of relations.groups) for (const m of g.members) groupOf.set(m, g.id);
  return {
    schemaVersion: 1,
    story: { id: options.storyId ?? 'story', headline: articles[0]?.article.title ?? '' },
    sources: articles.map((a) => ({ id: a.article.id, title: a.article.title, language: a.article.language, group: groupOf.get(a.article.id) ?? a.article.id, derivedFrom: [] })),
    summary: [],
    claims: articles.flatMap((a) => a.sentences.map((s) => ({ id: `${a.article.id}-${s.index}`, text: s.text, sources: [{ source: a.article.id, sentence: s.text }], support: 1, independentSupport: 1, status: 'single-source' as const, conflicts: [] }))),
    quotes: [],
    entities: [],
    timeline: [],
  };
}

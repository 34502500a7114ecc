import type { AnalyzedArticle, Relations } from '../types.js';

/** PLACEHOLDER (owner: relate): every article its own group. */
export function relate(articles: AnalyzedArticle[]): Relations {
  return { edges: [], groups: articles.map((a) => ({ id: a.article.id, members: [a.article.id] })) };
}

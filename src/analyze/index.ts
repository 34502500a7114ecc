import type { AnalyzedArticle, Article } from '../types.js';

/** PLACEHOLDER (owner: analyze): one sentence per paragraph, no entities. */
export function analyze(article: Article): AnalyzedArticle {
  let offset = 0;
  const sentences = article.paragraphs.map((text, i) => {
    const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const s = { index: i, paragraph: i, text, start: offset, end: offset + text.length, tokens, terms: tokens };
    offset += text.length + 2;
    return s;
  });
  return { article, sentences, entities: [], numbers: [], dates: [], quotes: [] };
}

import type { Article } from '../types.js';

/**
 * An article as the store keeps it (`articles.body`): its JSON, without the
 * paragraphs when they are exactly the text split at its blank lines (as
 * extraction writes plain text), since they would repeat every character of
 * the text: a runaway page of 16 MB would be 32 MB of JSON, copied again by
 * SQLite and its search trigger. Reading restores them; bodies written with
 * their paragraphs read as they are.
 */
export function articleBody(article: Article): string {
  if (!joinedByBlankLines(article)) return JSON.stringify(article);
  const { paragraphs: _derived, ...rest } = article;
  return JSON.stringify(rest);
}

export function articleFromBody(body: string): Article {
  const parsed = JSON.parse(body) as Omit<Article, 'paragraphs'> & { paragraphs?: string[] };
  if (parsed.paragraphs !== undefined) return parsed as Article;
  return { ...parsed, paragraphs: parsed.text === '' ? [] : parsed.text.split(PARAGRAPH_BREAK) };
}

const PARAGRAPH_BREAK = '\n\n';

/** Whether splitting the text at its blank lines gives back exactly the paragraphs. */
function joinedByBlankLines(article: Article): boolean {
  const { paragraphs, text } = article;
  if (paragraphs.length === 0) return text === '';
  let at = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i] as string;
    if (p === '' || p.includes(PARAGRAPH_BREAK) || p.startsWith('\n') || p.endsWith('\n') || !text.startsWith(p, at)) return false;
    at += p.length;
    if (i < paragraphs.length - 1) {
      if (!text.startsWith(PARAGRAPH_BREAK, at)) return false;
      at += PARAGRAPH_BREAK.length;
    }
  }
  return at === text.length;
}

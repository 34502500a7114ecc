/**
 * What a reader types into the search box, understood the same way by both
 * engines (the syntax of web search engines): words must all occur (in any
 * inflection: the engines stem them), "a quoted phrase" must occur as such,
 * `or` between words gives alternatives, `-word` excludes. Everything else
 * (punctuation, operators of the engines' own syntax) is not syntax here: a
 * query is turned into words and phrases, then written out for FTS5 or for
 * PostgreSQL's to_tsquery, so no input can inject engine syntax.
 */

/** One word or one phrase (several words in a row), possibly excluded. */
export interface QueryTerm {
  words: string[];
  negated: boolean;
}

/** Alternatives (`or`), each a list of terms that must all hold. */
export type ParsedQuery = QueryTerm[][];

/** More terms than this are a paste of text, not a query: the rest are ignored. */
const MAX_TERMS = 16;

/** Letters, digits and combining marks make words; anything else separates them. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).slice(0, MAX_TERMS);
}

export function parseQuery(input: string): ParsedQuery {
  const alternatives: ParsedQuery = [];
  let current: QueryTerm[] = [];
  let terms = 0;
  // A quoted phrase, or a run of non-space characters (with an optional leading minus).
  for (const m of input.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    if (terms >= MAX_TERMS) break;
    const raw = m[3];
    if (raw !== undefined && raw.toLowerCase() === 'or') {
      if (current.length > 0) alternatives.push(current);
      current = [];
      continue;
    }
    const negated = m[1] === '-' || (raw !== undefined && raw.startsWith('-') && raw.length > 1);
    const words = wordsOf(raw ?? m[2] ?? '');
    if (words.length === 0) continue;
    current.push({ words, negated });
    terms += 1;
  }
  if (current.length > 0) alternatives.push(current);
  // An alternative of exclusions only would match nearly everything: it is no search.
  return alternatives.filter((terms) => terms.some((t) => !t.negated));
}

/** FTS5 query syntax: every word a quoted string (its tokenizer stems it), phrases as one quoted string. */
export function toFts5(query: ParsedQuery): string {
  const phrase = (t: QueryTerm) => `"${t.words.join(' ')}"`;
  return query
    .map((terms) => {
      const must = terms.filter((t) => !t.negated).map(phrase).join(' AND ');
      const not = terms.filter((t) => t.negated).map((t) => ` NOT ${phrase(t)}`).join('');
      return `(${must}${not})`;
    })
    .join(' OR ');
}

/**
 * PostgreSQL's parser reads the "-2" of "Soyuz-2" as a signed number, so a
 * number in a query also matches its negative form.
 */
function tsWord(word: string): string {
  return /^\p{N}+$/u.test(word) ? `('${word}' | '-${word}')` : word;
}

/** PostgreSQL to_tsquery syntax: words are letters and digits only, so they need no quoting; phrases with `<->`. */
export function toTsquery(query: ParsedQuery): string {
  const phrase = (t: QueryTerm) => `${t.negated ? '!' : ''}(${t.words.map(tsWord).join(' <-> ')})`;
  return query.map((terms) => `(${terms.map(phrase).join(' & ')})`).join(' | ');
}

import type { Token } from './nlp.js';

/**
 * Terms: lemmas of content words, with British spellings folded into
 * American ones so that "defence"/"defense" and "metre"/"meter" meet.
 * These are the vocabulary of alignment (consolidate) and clustering.
 */

/** Parts of speech that carry content. */
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM']);
/** Lemmas too general to align on. */
const WEAK_LEMMAS = new Set(['be', 'have', 'do', 'say', 'also', 'not', 'get', 'make', 'go', 'take', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'must']);

export function spelling(w: string): string {
  if (w.length > 5 && w.endsWith('our')) return `${w.slice(0, -3)}or`;
  if (w.length > 5 && w.endsWith('ours')) return `${w.slice(0, -4)}ors`;
  if (w.length > 4 && /[^aeiou]tre$/.test(w)) return `${w.slice(0, -3)}ter`;
  if (w.length > 5 && /ence$/.test(w) && /(?:def|off|lic|pret)ence$/.test(w)) return `${w.slice(0, -4)}ense`;
  if (w.length > 5 && /is(?:e|ed|es|ing|ation)$/.test(w)) return w.replace(/is(e|ed|es|ing|ation)$/, 'iz$1');
  if (w.length > 5 && w.endsWith('ogue')) return w.slice(0, -2);
  return w;
}

export function termsOf(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.stop || !CONTENT_POS.has(t.pos)) continue;
    if (t.type !== 'word') continue;
    const lemma = spelling(t.lemma.replace(/[’']s$/, ''));
    if (lemma.length < 2 || WEAK_LEMMAS.has(lemma) || !/\p{L}/u.test(lemma)) continue;
    out.push(lemma);
  }
  return out;
}

export function wordTokens(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) if (t.type === 'word' || t.type === 'number') out.push(t.lower);
  return out;
}

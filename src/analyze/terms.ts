import { charClass, charWidth, LETTER } from './chars.js';
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

/** British -ence words spelt -ense in American English ("defence"). */
const ENSE_STEMS = ['defence', 'offence', 'licence', 'pretence'];
/** British -is- verb forms spelt -iz- in American English ("organised"). */
const IZE_ENDINGS = ['ise', 'ised', 'ises', 'ising', 'isation'];

export function spelling(w: string): string {
  if (w.length > 5 && w.endsWith('our')) return `${w.slice(0, -3)}or`;
  if (w.length > 5 && w.endsWith('ours')) return `${w.slice(0, -4)}ors`;
  // Suffix tests by endsWith: this runs on every content word of every article.
  if (w.length > 4 && w.endsWith('tre') && !'aeiou'.includes(w[w.length - 4]!)) return `${w.slice(0, -3)}ter`;
  if (w.length > 5 && w.endsWith('ence') && ENSE_STEMS.some((x) => w.endsWith(x))) return `${w.slice(0, -4)}ense`;
  if (w.length > 5 && IZE_ENDINGS.some((x) => w.endsWith(x))) return w.replace(/is(e|ed|es|ing|ation)$/, 'iz$1');
  if (w.length > 5 && w.endsWith('ogue')) return w.slice(0, -2);
  return w;
}

/** Whether a token can make a term (a content word): only these need a lemma. */
function makesTerm(t: Pick<Token, 'stop' | 'pos' | 'type'>): boolean {
  return !t.stop && CONTENT_POS.has(t.pos) && t.type === 'word';
}

export function termsOf(tokens: Token[]): string[] {
  const out: string[] = [];
  const titleCase = titleCased(tokens);
  const idiom = idiomMask(tokens);
  let firstWord = true;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const opening = firstWord;
    if (t.type === 'word') firstWord = false;
    // "In the end", "in fact": phrases that frame a sentence say nothing of what happened.
    if (!makesTerm(t) || idiom[k] === 1) continue;
    // "Drew Brees", "Will Smith": a capitalised word inside a sentence that the tagger read as a verb is a name, and
    // its lemma ("draw", "will") is no word the sentence says.
    const asName = !opening && !titleCase && t.pos === 'VERB' && isCapital(t.value);
    const base = asName ? t.lower : t.lemma;
    const lemma = spelling(base.endsWith('s') && (base.endsWith("'s") || base.endsWith('’s')) ? base.slice(0, -2) : base);
    if (lemma.length < 2 || WEAK_LEMMAS.has(lemma) || !hasLetter(lemma)) continue;
    out.push(lemma);
  }
  return out;
}

/** Phrases that only frame what a sentence says ("In the end, those factors appealed more to him"). */
const DISCOURSE_IDIOMS: string[][] = [
  ['in', 'the', 'end'], ['in', 'fact'], ['of', 'course'], ['in', 'addition'], ['for', 'example'], ['for', 'instance'], ['in', 'turn'],
  ['at', 'times'], ['on', 'the', 'other', 'hand'], ['by', 'the', 'way'], ['at', 'the', 'same', 'time'], ['in', 'general'], ['in', 'particular'],
  ['after', 'all'], ['in', 'the', 'meantime'], ['at', 'the', 'end', 'of', 'the', 'day'], ['as', 'a', 'matter', 'of', 'fact'], ['in', 'any', 'case'],
];

/** 1 for each token inside a discourse idiom. */
function idiomMask(tokens: Token[]): Uint8Array {
  const mask = new Uint8Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    for (const idiom of DISCOURSE_IDIOMS) {
      // ("in the end zone", "at Times Square": a noun after the words makes them a phrase of their own.)
      const next = tokens[k + idiom.length];
      const noun = next !== undefined && (next.pos === 'NOUN' || next.pos === 'PROPN');
      if (!noun && idiom.every((w, j) => tokens[k + j]?.lower === w)) for (let j = 0; j < idiom.length; j++) mask[k + j] = 1;
    }
  }
  return mask;
}

function isCapital(w: string): boolean {
  const c = w.charAt(0);
  return c !== c.toLowerCase();
}

/** A headline written in title case ("Storm Kills Three"): its capitals say nothing of names. */
function titleCased(tokens: Token[]): boolean {
  let words = 0;
  let capitals = 0;
  for (const t of tokens) {
    if (t.type !== 'word' || t.stop) continue;
    words++;
    if (isCapital(t.value)) capitals++;
  }
  return words > 0 && capitals * 2 > words;
}

function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i += charWidth(s, i)) if ((charClass(s, i) & LETTER) !== 0) return true;
  return false;
}

export function wordTokens(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) if (t.type === 'word' || t.type === 'number') out.push(t.lower);
  return out;
}

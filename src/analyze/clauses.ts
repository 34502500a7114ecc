import type { Token } from './nlp.js';
import { verbToken } from './facts/items.js';
import { termsOf } from './terms.js';

/**
 * Clauses of a sentence that joins two statements: split at a semicolon or
 * at ", but / while / whereas / although", outside quotes, and only when
 * both sides are statements in their own right (a verb and a few words).
 */

/** Words of a clause below which it is a tail, not a statement. */
const MIN_CLAUSE_WORDS = 5;
const CONTRAST = new Set(['but', 'while', 'whereas', 'although', 'though', 'yet']);
const OPENING = new Set(['“', '‘', '«', '„']);
const CLOSING = new Set(['”', '’', '»']);

export interface Clause {
  start: number;
  end: number;
  terms: string[];
}

/** `quoted(pos)` tells whether an article offset lies inside a quote (quotes may open in an earlier sentence). */
export function splitClauses(tokens: Token[], quoted: (pos: number) => boolean): Clause[] | undefined {
  // Most sentences have no place to cut at all: they are spared the walk that tracks quotes.
  if (!hasCutMark(tokens)) return undefined;
  const cuts: { at: number; skip: number }[] = [];
  let depth = 0;
  let straight = false;
  tokens.forEach((t, i) => {
    if (OPENING.has(t.value)) depth++;
    else if (CLOSING.has(t.value) && depth > 0) depth--;
    else if (t.value === '"') straight = !straight;
    if (depth > 0 || straight || quoted(t.start)) return;
    if (t.value === ';') cuts.push({ at: i, skip: 1 });
    else if (t.value === ',' && CONTRAST.has(tokens[i + 1]?.lower ?? '')) cuts.push({ at: i, skip: 2 });
  });
  if (cuts.length === 0) return undefined;
  const parts: Token[][] = [];
  let from = 0;
  for (const c of cuts) {
    const left = tokens.slice(from, c.at);
    const right = tokens.slice(c.at + c.skip, nextCut(cuts, c.at, tokens.length));
    // "…, but have committed to …" shares the subject: one statement, not two.
    if (!statement(left) || !statement(right) || sharesSubject(right)) continue;
    parts.push(left);
    from = c.at + c.skip;
  }
  if (parts.length === 0) return undefined;
  parts.push(tokens.slice(from));
  return parts.map((p) => ({ start: p[0]?.start ?? 0, end: p[p.length - 1]?.end ?? 0, terms: termsOf(p) }));
}

/** Whether any token could be a cut (a semicolon, or a comma before a contrast word), quoted or not. */
function hasCutMark(tokens: Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const v = tokens[i]!.value;
    if (v === ';' || (v === ',' && CONTRAST.has(tokens[i + 1]?.lower ?? ''))) return true;
  }
  return false;
}

function nextCut(cuts: { at: number }[], at: number, end: number): number {
  return cuts.find((c) => c.at > at)?.at ?? end;
}

function sharesSubject(tokens: Token[]): boolean {
  const first = tokens.find((t) => t.pos !== 'ADV' && t.pos !== 'PUNCT');
  return first !== undefined && (first.pos === 'VERB' || first.pos === 'AUX');
}

function statement(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.type === 'word' || t.type === 'number').length;
  // (A past tense the tagger misread is a verb too: "two officers shot Kimani Gray".)
  return words >= MIN_CLAUSE_WORDS && tokens.some((_, k) => verbToken(tokens, k));
}

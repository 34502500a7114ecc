import type { AnalyzedArticle, Brief } from '../types.js';
import type { BuiltClaim } from './claims.js';
import { contentStems, stem } from './text.js';
import { cosine, type Unit } from './units.js';

/**
 * Extractive summary by maximal marginal relevance: relevance favours
 * claims with independent support, central to the story (similar to many
 * other claims) and early in their articles; each pick is penalised by its
 * similarity to the claims already chosen. The headline is the title whose
 * words the story's articles share most.
 */

const SUMMARY_MAX = 7;
const SUMMARY_MIN = 5;
/** MMR trade-off: relevance vs novelty. */
const LAMBDA = 0.7;
const W_SUPPORT = 0.6;
const W_CENTRAL = 0.2;
const W_LEAD = 0.2;
/** Too similar to a chosen sentence: never picked, whatever its relevance. */
const REDUNDANT = 0.6;
/** Candidates considered (the most relevant): bounds the work on big stories. */
const POOL = 60;

/**
 * Whether a claim's wording reads as a sentence of its own in a summary: it
 * opens with a capital, a figure, a quotation mark or a bracket (not "-series,
 * Taradise, that followed her", a piece cut from a sentence); it is not a
 * speaker's own words out of their quote ("I ate and drank whatever."); it
 * does not lean on the sentence before it ("And so were the two women…").
 */
export function readsAlone(text: string): boolean {
  if (!SENTENCE_OPENING.test(text) && !LOWER_CASE_NAME.test(text)) return false;
  if (FIRST_PERSON_OPENING.test(text)) return false;
  return !LEANING_OPENING.test(text);
}

/** How a sentence of its own opens: a capital, a figure, a currency sign, a quotation mark, a bracket or a hash. */
const SENTENCE_OPENING = /^["“‘'«(\[#$£€¥\p{Lu}\d]/u;
/** A name written in lower case first: a capital inside the word ("eBay", "iPhone") or a particle before a capitalised name ("de Blasio", "al-Assad"). */
const LOWER_CASE_NAME = /^(?:\p{Ll}+\p{Lu}\p{L}*|(?:de|da|di|del|van|von|al|el|bin|ibn|le|la)[\s-]\p{Lu})/u;
/** A speaker's first person, as a word of its own ("I ate", "We're happy"; not "I-95"). */
const FIRST_PERSON_OPENING = /^(?:I|We|My|Our)(?:['’]\p{L}+)?\s/u;
/** A clause that leans on the one before ("And so were …", "So did …", "Neither was …"). */
const LEANING_OPENING = /^(?:(?:And|But|Or|Yet)\s+)?(?:so|neither|nor)\s+(?:were|was|did|does|do|is|are|had|has|have|will|would|could|can)\b/iu;

export function summarize(all: BuiltClaim[]): Brief['summary'] {
  // (A story with too few claims that read alone is summed up by all of them, as before.)
  const standing = all.filter((b) => readsAlone(b.claim.text));
  const candidates = standing.length >= SUMMARY_MIN ? standing : all;
  if (candidates.length === 0) return [];
  const maxInd = Math.max(...candidates.map((b) => b.claim.independentSupport));
  const reps = candidates.map((b) => repUnit(b));
  const pool = candidates
    .map((b, i) => ({ b, i, pre: b.claim.independentSupport / maxInd + b.claim.support / 100 }))
    .sort((x, y) => y.pre - x.pre || x.i - y.i)
    .slice(0, POOL);
  const central = pool.map((p) => {
    let s = 0;
    for (const q of pool) if (q !== p) s += cosine(reps[p.i] as Unit, reps[q.i] as Unit);
    return s;
  });
  const maxCentral = Math.max(1e-9, ...central);
  const rel = pool.map((p, k) => W_SUPPORT * (p.b.claim.independentSupport / maxInd) + W_CENTRAL * ((central[k] ?? 0) / maxCentral) + W_LEAD * (1 - p.b.position));
  const chosen: number[] = [];
  const target = Math.min(SUMMARY_MAX, pool.length);
  while (chosen.length < target) {
    let best = -1;
    let bestScore = -Infinity;
    pool.forEach((p, k) => {
      if (chosen.includes(k)) return;
      const red = Math.max(0, ...chosen.map((c) => cosine(reps[p.i] as Unit, reps[pool[c]?.i ?? 0] as Unit)));
      if (red >= REDUNDANT && chosen.length >= SUMMARY_MIN) return;
      const score = LAMBDA * (rel[k] ?? 0) - (1 - LAMBDA) * red;
      if (score > bestScore + 1e-12) {
        best = k;
        bestScore = score;
      }
    });
    if (best < 0) break;
    chosen.push(best);
  }
  // The most relevant claim leads; the rest follow in story order (where the claims first appear).
  const [lead, ...rest] = chosen.map((k) => pool[k]?.b as BuiltClaim);
  rest.sort((a, b) => a.position - b.position || Number(a.claim.id.slice(1)) - Number(b.claim.id.slice(1)));
  const picks = lead === undefined ? [] : [lead, ...rest];
  return picks.map((b) => ({ text: withNote(b.claim.text, otherValues(b)), claims: [b.claim.id], sources: cited(b) }));
}

/** The note inside the sentence, before its final mark: "… is assembled (one outlet says Soyuz-2)." */
function withNote(text: string, note: string): string {
  if (note === '') return text;
  const end = /[.!?…]["”’»]?$/.exec(text);
  return end === null ? `${text}${note}` : `${text.slice(0, end.index)}${note}${end[0]}`;
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * What the sources the sentence does not cite say instead, so that a
 * summary never picks a side: " (two outlets say 9)", " (revised from 30)".
 */
function otherValues(b: BuiltClaim): string {
  const notes: string[] = [];
  for (const c of b.claim.conflicts) {
    const mine = shownSide(b, c);
    if (mine === undefined) continue;
    if (c.kind === 'revision') {
      const before = c.values.slice(0, c.values.indexOf(mine)).map((v) => v.value);
      const after = c.values.slice(c.values.indexOf(mine) + 1).map((v) => v.value);
      if (after.length > 0) notes.push(`later revised to ${after.join(', then ')}`);
      else if (before.length > 0) notes.push(`revised from ${before.join(', then ')}`);
      continue;
    }
    for (const v of c.values) {
      if (v === mine) continue;
      const n = v.sources.length;
      notes.push(`${COUNT_WORDS[n] ?? String(n)} ${n === 1 ? 'outlet says' : 'outlets say'} ${v.value}`);
    }
  }
  return notes.length === 0 ? '' : ` (${notes.join('; ')})`;
}

/**
 * The sources a summary sentence may cite: for a disputed claim, not those
 * that give another value than the wording shown (the sentence says
 * "Angara"; the outlet that said "Soyuz-2" does not back it).
 */
function cited(b: BuiltClaim): string[] {
  const rivals = new Set<string>();
  for (const c of b.claim.conflicts) {
    const mine = shownSide(b, c);
    if (mine === undefined) continue;
    for (const v of c.values) if (v !== mine) for (const x of v.sources) if (!mine.sources.includes(x)) rivals.add(x);
  }
  return b.claim.sources.map((s) => s.source).filter((x) => !rivals.has(x));
}

type ClaimConflict = BuiltClaim['claim']['conflicts'][number];

/**
 * The side of a conflict the sentence shown takes: its report's, or, where
 * that report's figure was not read ("… since the fatal police shooting of a
 * teenage boy in Athens Saturday night"), the one side whose value the
 * sentence writes in so many words. None when neither tells.
 */
export function shownSide(b: BuiltClaim, c: ClaimConflict): ClaimConflict['values'][number] | undefined {
  const shown = repUnit(b).article;
  const byReport = c.values.find((v) => v.sources.includes(shown));
  if (byReport !== undefined) return byReport;
  // (Not a value inside a figure the sentence was read to give of something else: "three" in "the three boats", "40"
  // in "more than 40" — a read figure of this slot would have put the report on a side, or on none as a bound.)
  let text = b.claim.text;
  for (const n of repUnit(b).numbers ?? []) text = text.split(n.text).join(' \u0000 ');
  const written = c.values.filter((v) => v.value.split(/ or |, /).some((form) => writes(text, form)));
  return written.length === 1 ? written[0] : undefined;
}

/** Whether a text writes a value's form as words of its own ("Saturday" in "Athens Saturday night", not "12" in "120"). */
function writes(text: string, form: string): boolean {
  const f = form.trim();
  if (f === '' || f === 'another form') return false;
  const escaped = f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // (Nor one that qualifies a noun: "Saturday's match", "a 12-year-old".)
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}]|['’]s\\b|-\\p{L})`, 'iu').test(text);
}

function repUnit(b: BuiltClaim): Unit {
  return b.units.find((u) => u.text === b.claim.text) ?? (b.units[0] as Unit);
}

/** Titles scored by how many articles share their content words, per word; very short or long titles lose. */
export function chooseHeadline(articles: AnalyzedArticle[]): string {
  // Only title words are scored: count, per article, just those (each distinct token stemmed once).
  const titleStems = articles.map((a) => contentStems(a.article.title));
  const df = new Map<string, number>();
  for (const ts of titleStems) for (const t of ts) df.set(t, 0);
  articles.forEach((a, i) => {
    const seen = new Set(titleStems[i]);
    const tokens = new Set<string>();
    for (const sen of a.sentences) for (const t of sen.tokens) tokens.add(t);
    for (const t of tokens) {
      const s = stem(t);
      if (df.has(s)) seen.add(s);
    }
    for (const s of seen) df.set(s, (df.get(s) ?? 0) + 1);
  });
  // Without any scorable title, the first title there is.
  let best = articles.find((a) => a.article.title.trim() !== '')?.article.title.trim() ?? '';
  let bestScore = -Infinity;
  for (const a of articles) {
    const title = a.article.title.trim().replace(/^["“”']+|["“”']+$/g, '');
    const stems = contentStems(title);
    if (stems.length === 0) continue;
    const cover = stems.reduce((s, t) => s + (df.get(t) ?? 0), 0) / (articles.length * Math.sqrt(stems.length));
    const shape = stems.length < 3 || title.split(/\s+/).length > 20 ? 0.5 : 1;
    const score = cover * shape;
    if (score > bestScore + 1e-12) {
      best = title;
      bestScore = score;
    }
  }
  return best;
}

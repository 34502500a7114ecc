import type { DateMention, EntityType, NumberMention } from '../../types.js';
import type { ClockMention } from '../clock.js';
import type { Token } from '../nlp.js';
import type { RecordMention } from '../records.js';
import { knownEvent, singular } from './lexicon.js';

/**
 * A sentence as the fact reader sees it: wink's tokens, with every span the
 * mention readers found (a number with its hedge and unit, a date, a clock
 * time, a record, a name, a model designation such as "AK-47") folded into
 * one item, so that phrase rules step over "more than 50" or "Anthony
 * Phillip LaSalle" as over one word.
 */

export type ItemKind = 'word' | 'number' | 'date' | 'clock' | 'record' | 'name' | 'designation' | 'punct';

export interface Item {
  kind: ItemKind;
  /** As written. */
  text: string;
  lower: string;
  /** Lemma for words (lower-cased text for the rest). */
  lemma: string;
  /** Universal POS tag for words; NUM, PROPN or PUNCT for folded spans. */
  pos: string;
  start: number;
  end: number;
  /** Inside a direct quote: the speaker's words, not the outlet's. */
  quoted: boolean;
  number?: NumberMention;
  date?: DateMention;
  clock?: ClockMention;
  record?: RecordMention;
  name?: { key: string; type: EntityType };
}

export interface Mentions {
  numbers: NumberMention[];
  dates: DateMention[];
  clocks: ClockMention[];
  records: RecordMention[];
  names: { key: string; type: EntityType; start: number; end: number; text: string }[];
}

interface Span {
  start: number;
  end: number;
  make: () => Omit<Item, 'quoted'>;
}

/** Lower-cased "AK-47" for "AK-47s", "AK 47", "AK - 47". */
function designationKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s*[-–]\s*|\s+/g, '-')
    .replace(/(\d)s$/, '$1');
}

/** Nouns of a sequence whose number names one member: "Week 16", "Game 7". */
const SEQUENCE_NOUNS = new Set(['week', 'game', 'stage', 'round', 'leg', 'episode', 'chapter', 'season', 'phase', 'flight', 'route', 'highway', 'interstate', 'gate', 'terminal', 'platform', 'room', 'ward', 'precinct', 'district']);
/** Words of time before a lower-case "week N". */
const WEEK_PREPOSITIONS = new Set(['in', 'since', 'of', 'after', 'before', 'through', 'until', 'during', 'from']);
/** Months and days: a number after them is a date or a year, read by the date finder. */
const CALENDAR_WORDS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'spring', 'summer', 'autumn', 'fall', 'winter']);

/** A letters-and-digits model name in one token ("AK-47", "F-16s", "MiG-29"). */
const DESIGNATION_TOKEN = /^\p{Lu}[\p{L}]{0,5}-?\d{1,4}s?$/u;

/**
 * Designations written over several tokens: capitals, then a number glued
 * or one space or dash away ("AK 47", "AK - 47", "M 16"; not the article
 * "A" opening a sentence: "A 15-year-old boy"). Their number is a name,
 * never a quantity ("six AK 47 rifles" holds six rifles, not 47).
 */
function designationSpans(tokens: Token[]): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (DESIGNATION_TOKEN.test(t.value) && /\d/.test(t.value)) {
      out.push({ start: t.start, end: t.end, text: t.value });
      continue;
    }
    const next = tokens[i + 1];
    // "Week 16", "in week 12", "Game 7": a number after a noun of a sequence names one of it, no quantity.
    // (Lower-case "week" only after a preposition of time: "in week 12", not "Last week 20 people were killed".)
    if (next !== undefined && /^\d{1,3}$/.test(next.value) && next.start - t.end === 1 && SEQUENCE_NOUNS.has(t.value.toLowerCase()) && (/^\p{Lu}/u.test(t.value) || (t.value === 'week' && WEEK_PREPOSITIONS.has(tokens[i - 1]?.lower ?? '')))) {
      out.push({ start: t.start, end: next.end, text: '' });
      i++;
      continue;
    }
    // "the BlackBerry Curve 8900", "a Boeing 747": a number of three or four digits after a capitalised word inside a
    // name names a model.
    // (Both words proper nouns: "In Baghdad 120 people were killed" opens with a preposition.)
    const prev = tokens[i - 1];
    if (next !== undefined && /^\d{3,4}$/.test(next.value) && next.start - t.end === 1 && /^\p{Lu}\p{Ll}+$/u.test(t.value) && (t.pos === 'PROPN' || t.pos === 'NOUN') && !CALENDAR_WORDS.has(t.value.toLowerCase()) && prev !== undefined && ((/^\p{Lu}/u.test(prev.value) && (prev.pos === 'PROPN' || prev.pos === 'NOUN')) || /^(?:the|a|an|new|its|their|his|her|['’]s)$/u.test(prev.value))) {
      out.push({ start: t.start, end: next.end, text: '' });
      i++;
      continue;
    }
    if (!/^\p{Lu}{1,4}$/u.test(t.value)) continue;
    let j = i + 1;
    if (tokens[j]?.value === '-' || tokens[j]?.value === '–') j++;
    const n = tokens[j];
    if (n === undefined || !/^\d{1,4}s?$/.test(n.value) || n.start - t.end > 3) continue;
    // The article "A" opening the sentence (or a quote) a space away is no model's letter ("A 15-year-old boy"; "M 16" is one).
    if (t.value === 'A' && j === i + 1 && n.start > t.end && (i === 0 || /^["“‘'(]$/.test(tokens[i - 1]?.value ?? ''))) continue;
    out.push({ start: t.start, end: n.end, text: '' });
    i = j;
  }
  return out;
}

/** Each list of mentions ordered by start, those without offsets left out: a sentence then finds its own by bisection. */
export function byStart(m: Mentions): Mentions {
  const order = <T extends { start?: number }>(list: T[]): T[] => list.filter((x) => x.start !== undefined).sort((a, b) => (a.start as number) - (b.start as number));
  return { numbers: order(m.numbers), dates: order(m.dates), clocks: order(m.clocks), records: order(m.records), names: order(m.names) };
}

/** The members of a list ordered by start (see byStart) that lie within [lo, hi]. */
export function within<T extends { start?: number; end?: number }>(list: T[], lo: number, hi: number): T[] {
  let a = 0;
  let b = list.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((list[mid]?.start ?? 0) < lo) a = mid + 1;
    else b = mid;
  }
  const out: T[] = [];
  for (let i = a; i < list.length; i++) {
    const m = list[i] as T;
    if ((m.start ?? 0) > hi) break;
    if (m.end !== undefined && m.end <= hi) out.push(m);
  }
  return out;
}

/** Folds mention spans into the tokens of one sentence (`mentions` ordered by byStart); `quoted(pos)` tells whether an offset is inside a quote. */
export function itemsOf(tokens: Token[], text: string, mentions: Mentions, quoted: (pos: number) => boolean): Item[] {
  const lo = tokens[0]?.start ?? 0;
  const hi = tokens[tokens.length - 1]?.end ?? 0;
  // Earlier in this list wins an overlap: a record or a clock time is never also a number.
  const spans: Span[] = [];
  for (const d of designationSpans(tokens)) {
    const written = text.slice(d.start, d.end);
    spans.push({ start: d.start, end: d.end, make: () => ({ kind: 'designation', text: written, lower: designationKey(written), lemma: designationKey(written), pos: 'PROPN', start: d.start, end: d.end }) });
  }
  for (const r of within(mentions.records, lo, hi)) spans.push({ start: r.start, end: r.end, make: () => ({ kind: 'record', text: r.text, lower: r.key, lemma: r.key, pos: 'NUM', start: r.start, end: r.end, record: r }) });
  for (const c of within(mentions.clocks, lo, hi)) spans.push({ start: c.start, end: c.end, make: () => ({ kind: 'clock', text: c.text, lower: c.text.toLowerCase(), lemma: c.text.toLowerCase(), pos: 'NUM', start: c.start, end: c.end, clock: c }) });
  for (const d of within(mentions.dates, lo, hi)) {
    const s = d.start as number;
    const e = d.end as number;
    spans.push({ start: s, end: e, make: () => ({ kind: 'date', text: d.text, lower: d.text.toLowerCase(), lemma: d.text.toLowerCase(), pos: 'PROPN', start: s, end: e, date: d }) });
  }
  for (const n of within(mentions.numbers, lo, hi)) {
    const s = n.start as number;
    const e = n.end as number;
    spans.push({ start: s, end: e, make: () => ({ kind: 'number', text: n.text, lower: n.text.toLowerCase(), lemma: n.text.toLowerCase(), pos: 'NUM', start: s, end: e, number: n }) });
  }
  for (const m of within(mentions.names, lo, hi)) spans.push({ start: m.start, end: m.end, make: () => ({ kind: 'name', text: m.text, lower: m.key, lemma: m.key, pos: 'PROPN', start: m.start, end: m.end, name: { key: m.key, type: m.type } }) });
  const chosen: Span[] = [];
  for (const s of spans) if (!chosen.some((c) => s.start < c.end && s.end > c.start)) chosen.push(s);
  chosen.sort((a, b) => a.start - b.start);

  const out: Item[] = [];
  let k = 0;
  for (const t of tokens) {
    while (k < chosen.length && (chosen[k] as Span).end <= t.start) k++;
    const span = chosen[k];
    if (span !== undefined && t.start < span.end && t.end > span.start) {
      // The span's item, once, at its first token.
      const last = out[out.length - 1];
      if (last === undefined || last.start !== span.start) out.push({ ...span.make(), quoted: quoted(span.start) });
      continue;
    }
    const punct = t.type === 'punctuation' || t.pos === 'PUNCT';
    out.push({ kind: punct ? 'punct' : 'word', text: t.value, lower: t.lower, lemma: t.lemma, pos: t.pos, start: t.start, end: t.end, quoted: quoted(t.start) });
  }
  return retagVerbs(out);
}

/** The lemma of a regular past tense: "foiled" → "foil", "repulsed" → "repulse", "carried" → "carry", "retired" → "retire". */
function pastLemma(word: string): string {
  if (word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  const stem = word.slice(0, -2);
  if (knownEvent(stem)) return stem;
  // ("retired" → "retire", "injured" → "injure": after a consonant a verb ends in "-ire" or "-ure"; not "chaired", "poured".)
  if (knownEvent(`${stem}e`) || /(?:s|c|v|z|g|u|[^aeiou][iu]r)$/.test(stem)) return `${stem}e`;
  return stem;
}

/**
 * The tagger reads some past tenses as adjectives ("An Indian warship
 * foiled a five-boat attack"): an -ed word between a noun and the start of
 * another noun phrase is the verb of the clause; so is one right after a
 * name, "and" or a comma and before a date or a preposition ("Tom Fry
 * retired in 1994", "… and retired in 2009").
 */
export function pastTenseTaggedAdjective(prev: Pick<Item, 'pos' | 'kind' | 'lower' | 'text'> | undefined, it: Pick<Item, 'pos' | 'kind' | 'lower'>, next: Pick<Item, 'pos' | 'kind'> | undefined): boolean {
  if (it.kind !== 'word' || it.pos !== 'ADJ' || !/[^e]ed$/.test(it.lower) || prev === undefined || next === undefined) return false;
  const afterNoun = prev.kind === 'name' || (prev.kind === 'word' && (prev.pos === 'NOUN' || prev.pos === 'PROPN'));
  const beforePhrase = next.kind === 'number' || next.kind === 'name' || (next.kind === 'word' && (next.pos === 'DET' || next.pos === 'NUM' || next.pos === 'PRON'));
  // (Or after "and" or a comma that closes an aside: "joined the Hawks in 2001 and retired in 2009", "Tom Fry, who
  // joined the Hawks in 2001, retired in 2009".)
  const afterSubject = prev.kind === 'name' || (prev.kind === 'word' && prev.pos === 'PROPN') || prev.lower === 'and' || prev.text === ',';
  const beforeAdjunct = next.kind === 'date' || (next.kind === 'word' && next.pos === 'ADP');
  return (afterNoun && beforePhrase) || (afterSubject && beforeAdjunct);
}

/**
 * The tagger reads some plural nouns after a figure as verbs ("had 12
 * points and four assists", "three steals"): an -s word right after a
 * figure is what the figure counts. (A verb after a figure follows its
 * noun: "12 points shows", not "12 shows".)
 */
export function pluralTaggedVerb(prev: Pick<Item, 'kind'> | undefined, it: Pick<Item, 'pos' | 'kind' | 'lower'>): boolean {
  return prev?.kind === 'number' && it.kind === 'word' && it.pos === 'VERB' && /[^su]s$/.test(it.lower) && !AUXILIARY_S.has(it.lower);
}

/** -s forms that are verbs whatever comes before them. */
const AUXILIARY_S = new Set(['is', 'was', 'has', 'does', 'goes', 'says']);

/**
 * "re-signed", "re - elected" (the detokenised spelling): a verb with the
 * prefix "re" is the event of its stem done again, one verb item whose lemma
 * is the stem's ("sign"). Written apart, the tagger reads "re" as a noun and
 * the stem as part of a compound with it.
 */
function joinRePrefix(items: Item[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as Item;
    const dash = items[i + 1];
    const stem = items[i + 2];
    if (it.kind === 'word' && it.lower === 're' && (dash?.text === '-' || dash?.text === '–') && stem?.kind === 'word' && stem.pos === 'VERB' && /^\p{Ll}/u.test(stem.text)) {
      out.push({ ...stem, text: `re-${stem.text}`, lower: `re-${stem.lower}`, start: it.start });
      i += 2;
      continue;
    }
    const glued = /^re-(\p{Ll}+)$/u.exec(it.lower);
    if (it.kind === 'word' && glued !== null && (it.pos === 'VERB' || /(?:ed|ing)$/.test(it.lower)) && it.lemma === it.lower) {
      out.push({ ...it, pos: 'VERB', lemma: stemLemma(glued[1] as string) });
      continue;
    }
    out.push(it);
  }
  return out;
}

/** The lemma of an inflected verb form without a tagger's help: "signed" → "sign", "electing" → "elect", "signs" → "sign". */
function stemLemma(word: string): string {
  // "admitted" → "admit": a doubled consonant before the ending is one.
  if (/([bdgmnprt])\1ed$/.test(word)) return word.slice(0, -3);
  if (word.endsWith('ed')) return pastLemma(word);
  if (word.endsWith('ing') && word.length > 5) {
    const stem = word.slice(0, -3);
    return knownEvent(stem) || !knownEvent(`${stem}e`) ? stem : `${stem}e`;
  }
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Past tenses the tagger reads as nouns after a plural ("two officers shot
 * Kimani Gray"), with their lemma: irregular ones, whose form is also a noun.
 */
const IRREGULAR_PAST: Record<string, string> = { shot: 'shoot', struck: 'strike', hit: 'hit', beat: 'beat', fought: 'fight', caught: 'catch', threw: 'throw', stole: 'steal' };

/**
 * An irregular past tense tagged as a noun, right after a plural noun and
 * before the start of another noun phrase (a name, a pronoun, a
 * determiner, a figure), is the verb of the clause.
 */
export function pastTenseTaggedNoun(prev: Pick<Item, 'pos' | 'kind' | 'lower' | 'lemma'> | undefined, it: Pick<Item, 'pos' | 'kind' | 'lower'>, next: Pick<Item, 'pos' | 'kind'> | undefined): boolean {
  if (it.kind !== 'word' || it.pos !== 'NOUN' || IRREGULAR_PAST[it.lower] === undefined || prev === undefined || next === undefined) return false;
  const afterPlural = prev.kind === 'word' && prev.pos === 'NOUN' && prev.lower !== prev.lemma;
  const beforePhrase = next.kind === 'name' || next.kind === 'number' || (next.kind === 'word' && (next.pos === 'DET' || next.pos === 'PRON' || next.pos === 'PROPN'));
  return afterPlural && beforePhrase;
}

/** A token as the fact reader's items see a plain word. */
function tokenItem(t: Token | undefined): { pos: string; kind: 'word' | 'number'; lower: string; lemma: string; text: string } | undefined {
  return t === undefined ? undefined : { pos: t.pos, kind: t.type === 'number' ? 'number' : 'word', lower: t.lower, lemma: t.lemma, text: t.value };
}

/**
 * Whether the token at k is a verb, the tagger's misreadings mended as
 * retagVerbs mends them (a past tense read as an adjective or a noun): what
 * the sentence and clause classifiers ask before any item exists.
 */
export function verbToken(tokens: Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (t.pos === 'VERB' || t.pos === 'AUX') return true;
  const it = { ...t, kind: 'word' as const };
  return pastTenseTaggedAdjective(tokenItem(tokens[k - 1]), it, tokenItem(tokens[k + 1])) || pastTenseTaggedNoun(tokenItem(tokens[k - 1]), it, tokenItem(tokens[k + 1]));
}

function retagVerbs(items: Item[]): Item[] {
  items = joinRePrefix(items);
  for (let i = 1; i < items.length; i++) {
    const it = items[i] as Item;
    if (i + 1 < items.length && pastTenseTaggedAdjective(items[i - 1], it, items[i + 1])) items[i] = { ...it, pos: 'VERB', lemma: pastLemma(it.lower) };
    else if (i + 1 < items.length && pastTenseTaggedNoun(items[i - 1], it, items[i + 1])) items[i] = { ...it, pos: 'VERB', lemma: IRREGULAR_PAST[it.lower] as string };
    else if (pluralTaggedVerb(items[i - 1], it)) items[i] = { ...it, pos: 'NOUN', lemma: singular(it.lower) };
  }
  return items;
}

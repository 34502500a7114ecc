import type { AnalyzedArticle, DateMention, EntityMention, FactValue, NumberMention } from '../types.js';
import type { EntityIndex } from './entities.js';
import { SPEECH_VERBS, TITLES } from '../analyze/lexicon.js';
import { charClass, LETTER } from '../analyze/chars.js';
import { entityKey } from '../analyze/keys.js';
import { asksQuestion } from '../analyze/questions.js';
import { WEEKDAYS } from '../analyze/dates.js';
import { stem } from './text.js';
import { FRAME_WEIGHT, demonymWords, family, isFrame, modeOf, type Mode } from './families.js';

/**
 * Claim units: the body sentences of each article (headings and fragments
 * never become claims), each with the features alignment compares — a
 * TF-IDF vector of lemmas and entity keys, its numbers and its quotes.
 */

/** Fewer words than this is a caption, a dateline or a credit, not a statement. */
const MIN_UNIT_WORDS = 5;
/** Sentences about the page, not the news ("This article was originally published by …"). */
const PAGE_NOTE = /^(?:this (?:article|story|post|report|piece) (?:was|has been|is|first|originally)|(?:originally|first) (?:published|appeared)|click here|sign up|subscribe|follow us|read more|image (?:source|credit)|photo(?:graph)?s? (?:by|credit|:)|copyright|©|all rights reserved)/i;
/** Entity keys count more than a plain word: they name who and where. */
const ENTITY_WEIGHT = 1.5;
/** Pseudo-units added to the story size: in a story of a few sentences every word is "common", which says nothing. */
const IDF_PRIOR_UNITS = 10;
/** Share of units naming a person beyond which the person is one of the story's protagonists. */
const PROTAGONIST_SHARE = 0.05;
/** Characters after a name searched for the verb that makes it the speaker. */
const SPEAKER_LOOKAHEAD_CHARS = 60;
/** Words of an apposition after a name ("…, Kremlin spokesperson stated") within which the verb may come. */
const SPEAKER_APPOSITION_WORDS = 5;
/** Share of units beyond which a kind of quantity is common in the story. */
const COMMON_QUANTITY_SHARE = 0.08;
/** ...and never fewer units than this (a tiny story has no common kinds). */
const MIN_COMMON_QUANTITY_UNITS = 4;
/** IDF floor: a term in (almost) every unit still counts a little. */
const MIN_IDF = 0.1;

/** A sparse vector over interned keys (ascending), with a flag for content words. */
export interface Sparse {
  keys: Int32Array;
  weights: Float64Array;
  content: Uint8Array;
}

export interface Unit {
  /** Position in the units array. */
  id: number;
  article: string;
  /** Index of the article in the (id-sorted) input. */
  articleIndex: number;
  sentence: number;
  /** Offsets into the article text (the clause's when the sentence was split). */
  start: number;
  end: number;
  /** Relative position in its article, 0 at the top. */
  position: number;
  text: string;
  vector: Map<string, number>;
  /** The same vector over interned keys, sorted by key: what the alignment's hot loops read. */
  sparse: Sparse;
  norm: number;
  numbers: NumberMention[];
  /** Resolved dates the unit states. */
  dates: DateMention[];
  entities: Set<string>;
  /** Entities named as part of what is claimed, not as who reports it ("…, her rep told Us Weekly"). */
  contentEntities: Set<string>;
  /** Keys of the words that tell what happened (not names, not frame words): alignment needs some of these shared. */
  content: Set<string>;
  /** People other than the story's protagonists named as part of what is claimed, not as its speaker (canonical keys). */
  people: Set<string>;
  /** Kinds of quantity ("usd", "second", "count:home run") so frequent in the story that sharing one is no evidence. */
  commonQuantities: Set<string>;
  /** Dates (ISO, as precise as written) so frequent in the story that sharing one is no evidence (the day it happened). */
  commonDates: Set<string>;
  /** The dates the unit puts something on (`dateKey`), not those it counts from or to ("since 2005", "until 2010"). */
  pointDates: Set<string>;
  /** Whether the unit asserts its matter, reports a question about it ("asked whether …"), or holds it possible. */
  mode: Mode;
  /** Where each entity is first named in the unit (offsets into the article text). */
  mentionAt: Map<string, [number, number]>;
  /** Places the unit names, by their own keys (not merged into a longer name: "Gaza" is not "Gaza City"). */
  places: Set<string>;
  /** Family keys of what the unit denies: "approv" in "prosecutors have not approved it". */
  denied: Set<string>;
  /** The occasion the unit names by its rank ("third night", "2nd day"), as "3 night"; undefined when none. */
  occasion: string | undefined;
  /** Whether the unit tells the beginning of something ("voting began at 8am") or its end ("the vote ended Sunday"), or neither. */
  phase: Phase | undefined;
  /** Whether the unit tells someone withdrawing from something ("pulled out of negotiations", "quit the race"). */
  withdraws: boolean;
  /** The stretch of a game the unit is set in ("second half", "third quarter"), if it names one. */
  stretch: string | undefined;
  /**
   * Periods the unit names relative to a day its article does not give ("next month", "this year"), as "month:1",
   * "year:0": empty where the article's date resolves them (then `dates` holds them).
   */
  relativePeriods: Set<string>;
  /**
   * For a unit that opens with "he" or "she" and names no person: the last person its article named before it (canonical
   * key), whom news most often goes on with; undefined otherwise.
   */
  pronounRef?: string;
  /** Weekdays the unit dates something by ("on Saturday night", "late Thursday"), not the day a source spoke ("said Monday"). */
  weekdays: FactValue[];
  /** Game clocks the unit gives ("with 7:41 left", "with 13: 41 to go"), as seconds left. */
  gameClocks: number[];
  /** Times of day its facts give ("at 3:20 p.m.", "about 2045 GMT"). */
  clockTimes: FactValue[];
  /** Family keys of words said only in a side clause ("…, which makes cookies", "… after hackers exploited a flaw"). */
  aside: Set<string>;
}

/** A name right after these words, or right before a speech verb, is the source of the statement. */
const ATTRIBUTION_BEFORE = /\b(?:told|tells|according to|quoted|quoting|reported by|cited by|said|says|via|reports)\s+(?:the\s+)?$/i;
const ATTRIBUTION_AFTER = /^\s*(?:has\s+|had\s+)?(?:said|says|reported|reports|told|tells|quoted|announced|confirmed)\b/i;

/** Negated auxiliaries as a tokenizer leaves them when the text spaces off the "n't" ("wouldn ’ t"). */
const NEGATED_MODALS = new Set(['wouldn', 'couldn', 'shouldn', 'didn', 'doesn', 'don', 'isn', 'wasn', 'weren', 'aren', 'hasn', 'haven', 'hadn', 'mustn', 'needn', 'won', 'ain']);

/**
 * A denial and what follows it: "not", "never", "no longer", "n't" (also
 * spaced off: "didn ’ t"), or a verb that rejects what follows ("dismissed
 * calls to quit", "denied the report").
 */
const DENIAL = /(?:\b(?:not|never|no longer|den(?:y|ies|ied)|dismiss(?:es|ed)?|reject(?:s|ed)?|refus(?:es|ed)|rebuff(?:s|ed)?|declin(?:es|ed))|n\s?['’]\s?t)\b([^.;:!?]{0,60})/giu;
/** Words between a denial and what it denies ("have not yet been approved", "did not do any damage"). */
const DENIAL_FILLER = new Set(['be', 'been', 'being', 'yet', 'ever', 'have', 'has', 'had', 'do', 'does', 'did', 'any', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'that', 'this', 'there', 'fully', 'officially', 'formally', 'always', 'actually', 'really', 'even', 'also', 'still', 'immediately', 'publicly', 'directly', 'a', 'an', 'the']);
/** Words after a denial searched for what it denies. */
const DENIAL_REACH = 4;

/** Family keys of the words a text denies: the first word after each denial that is not filler. */
function deniedKeys(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(DENIAL)) {
    const words = (m[1] ?? '').toLowerCase().match(/[\p{L}-]+/gu) ?? [];
    let i = words.slice(0, DENIAL_REACH).findIndex((w) => !DENIAL_FILLER.has(w));
    // "dismissed calls to resign", "rejected demands for a recount": what is rejected is what is called for.
    if (i >= 0 && isFrame(family(stem(words[i] ?? ''))) && (words[i + 1] === 'to' || words[i + 1] === 'for')) i += 2;
    const word = i >= 0 ? words[i] : undefined;
    if (word !== undefined) for (const key of wordKeys(word)) out.add(key);
  }
  return out;
}

/** An occasion named by its rank: "the third night of rioting", "a second straight day". */
const OCCASION = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|successive\s+)?(night|day|week|weekend|month)s?\b/iu;
const RANKS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };

export type Phase = 'start' | 'end';
/**
 * Verbs that tell something beginning or ending. Not before "with", "up", "off" or "fire" ("started with a dunk",
 * "finished with 23 points", "opened fire", "closed off the road": what happened, not that it began or ended);
 * "finish" is left out for its scores ("finished second").
 */
const START_VERB = /\b(?:began|begun|begins|commenced|commences|started|starts|opened|opens|kicked off|got under ?way)\b(?!\s+(?:with|up|off|fire|by)\b)/iu;
const END_VERB = /\b(?:ended|ends|concluded|concludes|closed|closes|wrapped up|came to an end|drew to a close)\b(?!\s+(?:with|up|off|in|down|by)\b)/iu;

/** Verbs of withdrawing from something or leaving it: "pulled out of", "withdrew from", "quit the talks", "stepped down", "resigned" (and "resignation"). */
const WITHDRAW_VERB = /\b(?:pull(?:s|ed|ing)?\s+out\s+of|withdr[ae]w(?:s|n|ing)?\s+from|withdrawal\s+from|quit(?:s|ting)?(?:\s+(?:the|his|her|their|its|as)\b|(?=\s+(?:on|in|at|last|this|after|before|amid|over)\b|\s*[,.;]|\s*$))|walk(?:s|ed|ing)?\s+away\s+from|broke\s+off|breaks?\s+off|drop(?:s|ped|ping)?\s+out\s+of|back(?:s|ed|ing)?\s+out\s+of|step(?:s|ped|ping)?\s+down|resign(?:s|ed|ing|ation)?)\b/iu;

/** The phase the text tells, when it tells one and not both ("began at 8am and ended at 6pm" is the whole). */
function phaseOf(text: string): Phase | undefined {
  const start = START_VERB.test(text);
  const end = END_VERB.test(text);
  return start === end ? undefined : start ? 'start' : 'end';
}

/** A game clock as sports reports give it: minutes and seconds left in a period. */
const GAME_CLOCK = /\b(\d{1,2})\s?:\s?([0-5]\d)\s+(?:left|remaining|to go|to play)\b/giu;

/** The game clocks a text gives, in seconds left. */
function gameClocksOf(text: string): number[] {
  if (!text.includes(':')) return [];
  return [...text.matchAll(GAME_CLOCK)].map((m) => Number(m[1]) * 60 + Number(m[2]));
}

/** "3 night" for "the third night of protests"; undefined when the text ranks no occasion. */
function occasionOf(text: string): string | undefined {
  const m = OCCASION.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  const word = m[1].toLowerCase();
  return `${RANKS[word] ?? Number.parseInt(word, 10)} ${m[2].toLowerCase()}`;
}

/** A relative clause set off by a comma: "…, which makes cookies and crackers," up to its closing comma or the end. */
const RELATIVE_CLAUSE = /,\s*(?:which|who|whom|whose|where)\b[^,;]*/giu;
/** A clause of time, cause or condition: from its conjunction to the end of the sentence, or to the comma of one that opens it. */
const ADVERBIAL_CLAUSE = /\b(?:after|before|when|while|since|because|until|once|if|unless)\b/giu;

/**
 * A phrase that opens a sentence with where, when or at what occasion it
 * happened, up to its comma: "At the preliminary hearing, the families
 * heard …", "In the week following the shooting, protests erupted".
 */
const OPENING_SETTING = /^\W*(?:in|at|during|following|amid|amidst|throughout|within|on|over|despite)\s[^,;:.!?"“”]{3,100},/iu;

/**
 * Family keys of the words a sentence says only in its opening setting or
 * its side clauses: a relative clause ("the plant, which makes cookies"),
 * a clause of time or cause ("released a fix after hackers exploited a flaw") or a condition
 * ("will make an offer only if he drops his price"). What it says there is
 * background to its statement, or no statement at all. Words are keyed
 * as written; an irregular form ("beaten" for "beat") is not matched and
 * counts as part of the statement, the side that keeps alignment as it was.
 */
function asideKeys(text: string): Set<string> {
  const spans: [number, number][] = [];
  const setting = OPENING_SETTING.exec(text);
  if (setting !== null) spans.push([0, setting[0].length]);
  for (const m of text.matchAll(RELATIVE_CLAUSE)) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  for (const m of text.matchAll(ADVERBIAL_CLAUSE)) {
    const at = m.index ?? 0;
    // "After the vote, the mayor resigned" / "…reported that when he was arrested, he …": a clause that opens
    // the sentence or a reported statement ends at its comma.
    const opening = /(?:^\W*|\bthat\s+)$/.test(text.slice(0, at));
    const comma = text.indexOf(',', at);
    spans.push([at, opening && comma > 0 ? comma : text.length]);
  }
  return keysOnlyInside(text, 0, text.length, spans, wordKeys);
}

/**
 * Keys of the words of text[start, end) found only inside `spans` (offsets
 * into `text`): a word said outside them too is not only theirs.
 */
function keysOnlyInside(text: string, start: number, end: number, spans: readonly [number, number][], keysOf: (word: string) => Iterable<string>): Set<string> {
  const inside = new Set<string>();
  if (spans.length === 0) return inside;
  const outside = new Set<string>();
  for (const m of text.slice(start, end).matchAll(/\p{L}+/gu)) {
    const at = start + (m.index ?? 0);
    const into = spans.some(([a, b]) => at >= a && at < b) ? inside : outside;
    for (const key of keysOf(m[0])) into.add(key);
  }
  for (const k of outside) inside.delete(k);
  return inside;
}

/**
 * Where a sentence's trailing clause may start: a conjunction or a relative word after a comma, a semicolon; a
 * clause of cause, time or concession or a participle after a comma (", ending his season", ", because …", ", when
 * …"), a "with" phrase after a comma that runs to the end ("…, with most of it after half-time"; not an aside, nor
 * "…, with the exception of two children", which unsays the head); "because of" and "amid" (a cause one report
 * adds: "placed on injured reserve because of an ankle injury").
 * (", according to …" and ", citing …" look like participles and are attributions: no boundary.)
 */
const TAIL_BOUNDARY_SOURCE = String.raw`,\s*(?:and|but|while|whereas|who|which|where|because|after|before|amid|although|though|when|as|despite|(?!according\b|citing\b)\p{Ll}{3,}ing)\b|,\s*with\b(?!\s+(?:the\s+|an?\s+)?(?:\p{L}+\s+)?exceptions?\b)(?=[^,;]*$)|;\s|\s(?:because of|amid)\b|,\s*(?:a|an)\s(?=[^,;]*$)(?![^,;]*\b(?:and|or|said|says|told|tells|reported|reports)\b)`;
const TAIL_BOUNDARY = new RegExp(TAIL_BOUNDARY_SOURCE, 'gu');
/**
 * For a fact claim, also a second verb phrase joined by a bare "and" ("scored 23 points and became the school's
 * leader", "finished with 20 points and now has 2,302"): a verb in the past or "has" right after it, and a verb's
 * object before it ("struck and killed her" shares its object). (Not for statement claims: "and" joins the objects
 * of one verb there as often, "killed two women and a man".)
 */
const FACT_TAIL_BOUNDARY = new RegExp(String.raw`${TAIL_BOUNDARY_SOURCE}|(?<!\bwere|\bwas|ed|\bstruck|\bhit|\bshot|\bcaught|\bbeat|\bhad)\s(?=and\s+(?:also\s+|then\s+|now\s+)?(?:\p{Ll}{2,}ed|became|won|took|made|had|has|was|were|left|went|got|gave|led|lost|broke|set|hit|ran|threw|caught|scored|missed|signed|fired|said)\b)`, 'gu');
/** Words a fact claim's head must keep to stand as a statement of its own ("Hansbrough finished with 20 points"). */
const MIN_FACT_HEAD_WORDS = 5;
/** Words a statement claim's head must keep: its figure does not anchor it ("Police said the masked gunman" is no statement). */
const MIN_STATEMENT_HEAD_WORDS = 6;

/**
 * Where the part of a unit's text that the other units say ends: the start
 * of its earliest trailing clause that holds none of the words every other
 * unit shares with it ("Bush hurt his knee on October 19, and the team put
 * him on injured reserve" beside reports of the knee alone, and beside one
 * report that tells of the knee and the reserve list), or undefined when
 * every clause holds some. A claim states what all its sources state.
 */
export function sharedHeadEnd(u: Unit, others: Unit[], factClaim = false): number | undefined {
  const byAny = new Set([...u.content].filter((k) => others.some((o) => o.content.has(k))));
  const byEvery = new Set([...byAny].filter((k) => others.every((o) => o.content.has(k))));
  const shared = byEvery.size > 0 ? byEvery : byAny;
  if (shared.size === 0) return undefined;
  // (A fact claim also ends before a second verb phrase joined by a bare "and".)
  for (const m of u.text.matchAll(factClaim ? FACT_TAIL_BOUNDARY : TAIL_BOUNDARY)) {
    const at = m.index ?? 0;
    if (u.text.slice(0, at).split(/\s+/).length < (factClaim ? MIN_FACT_HEAD_WORDS : MIN_STATEMENT_HEAD_WORDS) || openHead(u.text.slice(0, at))) continue;
    const tailOnly = keysOnlyInside(u.text, 0, u.text.length, [[at, u.text.length]], wordKeys);
    if (![...tailOnly].some((k) => shared.has(k))) return at;
  }
  return undefined;
}

/** Words that leave a clause open: a head that ends in one ("… on Saturday night after, police say,") is no statement. */
const OPEN_ENDINGS = new Set(['after', 'before', 'because', 'when', 'while', 'as', 'of', 'to', 'with', 'by', 'for', 'on', 'in', 'at', 'from', 'than', 'that', 'and', 'or', 'the', 'a', 'an']);

/** Whether a head ends open, an attribution set off by commas ("…, police say") left aside. */
function openHead(head: string): boolean {
  const bare = head.replace(/,\s*(?:\p{L}+\s+){0,3}(?:say|says|said|reported|reports|added|adds)\s*$/u, '');
  // A relative clause left open ("Lee, who scored 20 points"), an aside left open ("were charged, with the help of new
  // evidence"), a clause of condition or concession never closed ("If the ceasefire holds").
  if (/,\s*(?:who|whom|whose|which|with)\b[^,]*$/u.test(bare) || /^\W*(?:If|Unless|When|Whenever|Although|Though|While|Because|Once|Until|Whether|As|Since|After|Before)\b[^,]*$/u.test(bare)) return true;
  const last = /(\p{L}+)\W*$/u.exec(bare);
  return last !== null && OPEN_ENDINGS.has((last[1] as string).toLowerCase());
}

/** The content keys of a unit that the words of a part of its text may have (its head after a cut). */
export function contentOf(u: Unit, text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\p{L}+/gu)) for (const k of wordKeys(m[0])) if (u.content.has(k)) out.add(k);
  return out;
}

/** Inflections stripped to find a word's key as its lemma gives it ("defeated" → "defeat"). */
const INFLECTIONS: [string, string][] = [['ing', ''], ['ing', 'e'], ['ed', ''], ['ed', 'e'], ['es', ''], ['s', '']];

/**
 * The keys a word as written may have as a term: its own, and those of the
 * forms it may inflect ("defeated": "defeated", "defeat", "defeate"). Terms
 * are keyed by lemma; these sets are compared with terms' keys.
 */
function wordKeys(word: string): Set<string> {
  const w = word.toLowerCase();
  const keys = new Set([family(stem(w))]);
  for (const [suffix, restore] of INFLECTIONS) if (w.length > suffix.length + 2 && w.endsWith(suffix)) keys.add(family(stem(w.slice(0, -suffix.length) + restore)));
  return keys;
}

interface Features {
  numbers: NumberMention[];
  entities: Set<string>;
  /** Lower-cased words of the names mentioned. */
  nameWords: Set<string>;
  /** Their stems. */
  nameStems: Set<string>;
}

export function buildUnits(articles: AnalyzedArticle[], ents: EntityIndex): Unit[] {
  const raw: { a: number; s: number; start: number; end: number; text: string; bag: Map<string, number>; numbers: NumberMention[]; dates: DateMention[]; entities: Set<string>; contentEntities: Set<string>; mentionAt: Map<string, [number, number]>; content: Set<string>; people: Set<string>; places: Set<string>; pronounRef: string | undefined }[] = [];
  const df = new Map<string, number>();
  articles.forEach((art, ai) => {
    const quoted = quoteMask(art);
    // Who speaks each sentence's quotes, by canonical key.
    const quoteSpeakers = new Map<number, Set<string>>();
    for (const q of art.quotes) if (q.speaker !== undefined) (quoteSpeakers.get(q.sentence) ?? quoteSpeakers.set(q.sentence, new Set()).get(q.sentence) ?? new Set()).add(ents.canonical(q.speaker));
    const bySentence = new Map<number, Features>();
    const slot = (i: number): Features => {
      let v = bySentence.get(i);
      if (v === undefined) {
        v = { numbers: [], entities: new Set(), nameWords: new Set(), nameStems: new Set() };
        bySentence.set(i, v);
      }
      return v;
    };
    for (const n of art.numbers) if (n.ordinal !== true) slot(n.sentence).numbers.push(n);
    for (const e of art.entities) {
      const f = slot(e.sentence);
      f.entities.add(ents.canonical(e.key));
      for (const w of e.text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
        f.nameWords.add(w);
        if (w.length > 2) f.nameStems.add(stem(w));
      }
    }
    const mentionsOf = new Map<number, EntityMention[]>();
    for (const e of art.entities) (mentionsOf.get(e.sentence) ?? mentionsOf.set(e.sentence, []).get(e.sentence) ?? []).push(e);
    // The last person named before each sentence: whom an opening "he" or "she" most likely goes on with.
    const personBefore = new Map<number, string>();
    let lastPerson: string | undefined;
    for (const sent of art.sentences) {
      if (lastPerson !== undefined) personBefore.set(sent.index, lastPerson);
      const named = (mentionsOf.get(sent.index) ?? []).filter((e) => ents.type(ents.canonical(e.key)) === 'person').sort((x, y) => (x.start ?? 0) - (y.start ?? 0));
      const last = named[named.length - 1];
      if (last !== undefined) lastPerson = ents.canonical(last.key);
    }
    const datesOf = new Map<number, DateMention[]>();
    for (const d of art.dates) if (d.iso !== undefined) (datesOf.get(d.sentence) ?? datesOf.set(d.sentence, []).get(d.sentence) ?? []).push(d);
    for (const s of art.sentences) {
      if (s.kind === 'heading' || s.tokens.length < MIN_UNIT_WORDS) continue;
      if (s.text.trim() === art.article.title.trim()) continue;
      // A question asks; it claims nothing ("Will Russia help North Korea build satellites?"). A tag asks nothing ("…, right?").
      if (asksQuestion(s.text)) continue;
      // Notes about the page itself, whatever extraction left in: they are not news.
      if (PAGE_NOTE.test(s.text)) continue;
      const f = slot(s.index);
      const parts = (s.clauses ?? [{ start: s.start, end: s.end, terms: s.terms }]).filter((p) => ownWords(art.article.text, quoted, p.start, p.end) >= MIN_UNIT_WORDS);
      for (const part of parts) {
        const inside = (m: { start?: number }): boolean => parts.length === 1 || m.start === undefined || (m.start >= part.start && m.start < part.end);
        const mentions = (mentionsOf.get(s.index) ?? []).filter(inside);
        const entities = new Set(mentions.map((e) => ents.canonical(e.key)));
        const places = new Set(mentions.filter((e) => ents.type(ents.canonical(e.key)) === 'place').map((e) => entityKey(e.text)));
        const text0 = art.article.text;
        const mentionAt = new Map<string, [number, number]>();
        for (const e of mentions) if (e.start !== undefined && e.end !== undefined && !mentionAt.has(ents.canonical(e.key))) mentionAt.set(ents.canonical(e.key), [e.start, e.end]);
        // Names in an outlet's own words: not its sources ("…, her rep told Us Weekly"), not words inside a quote (the speaker's).
        const contentEntities = new Set(
          mentions
            .filter((e) => e.start === undefined || e.end === undefined || !(ATTRIBUTION_BEFORE.test(text0.slice(Math.max(0, e.start - 40), e.start)) || ATTRIBUTION_AFTER.test(text0.slice(e.end, e.end + 30))))
            .filter((e) => e.start === undefined || quoted[e.start] !== 1)
            .map((e) => ents.canonical(e.key)),
        );
        // The people the statement is about, not those who speak it ("Putin said", "Putin highlighted").
        const people = new Set(
          mentions
            .filter((e) => e.end !== undefined && contentEntities.has(ents.canonical(e.key)) && ents.type(ents.canonical(e.key)) === 'person' && !speaks(text0, e.end))
            .map((e) => ents.canonical(e.key)),
        );
        const bag = new Map<string, number>();
        // Names count once, as their entity key, not again as words ("Kim", "Jong", "Un").
        // Lemmas are stemmed once more so derivations meet ("assistance"/"assist", "cooperation"/"cooperate").
        const content = new Set<string>();
        const partText = parts.length === 1 ? s.text : art.article.text.slice(part.start, part.end);
        const light = demonymWords(partText);
        const ages = ageWords(partText);
        const gameTime = gameTimeWords(partText);
        const speakers = quotedOnly(art.article.text, quoted, part.start, part.end);
        const titles = speakerTitleWords(art.article.text, mentions, ents, part.start, part.end);
        const spokenOnly = speakerOnlyWords(art.article.text, mentions, ents, part.start, part.end, quoted, quoteSpeakers.get(s.index) ?? new Set());
        for (const t of part.terms) {
          // Titles ("president", "leader") mostly come with a name already counted.
          if (f.nameWords.has(t) || TITLES.has(t)) continue;
          // Abbreviations and initials ("Ave.", "St.", "E.", "p.m.") belong to names, addresses and times.
          if (t.endsWith('.')) continue;
          // A negated modal whose "n't" the text spaced off ("wouldn ’ t") is as general as the modal.
          if (NEGATED_MODALS.has(t)) continue;
          // The lemma of a word inside a name ("Promises" in "Promises Treatment Center") is the name too.
          if (f.nameStems.has(stem(t))) continue;
          // Paraphrases meet through word families ("assist"/"help"); frame words count lightly.
          const k = family(stem(t));
          // A word only the quote says is the speaker's: the quote aligns by the quotes, the outlet by its own words.
          // Who the speaker is ("…, said Ann Berg, head of safety at the port") is not what they said.
          const frame = isFrame(k) || light.has(t) || ages.has(t) || speakers.has(stem(t)) || titles.has(stem(t));
          // (A stretch of a game weighs lightly but stays what the sentence says: the claim's wording still holds it.)
          bag.set(k, (bag.get(k) ?? 0) + (frame || gameTime.has(t) ? FRAME_WEIGHT : 1));
          if (!frame && !spokenOnly.has(stem(t))) content.add(k);
        }
        for (const e of entities) bag.set(`e:${e}`, ENTITY_WEIGHT);
        for (const k of bag.keys()) df.set(k, (df.get(k) ?? 0) + 1);
        const text = parts.length === 1 ? s.text : asStatement(s.text.slice(part.start - s.start, part.end - s.start));
        const pronounRef = people.size === 0 && part.start === s.start && PRONOUN_OPENING.test(text) ? personBefore.get(s.index) : undefined;
        raw.push({ a: ai, s: s.index, start: part.start, end: part.end, text, bag, numbers: f.numbers.filter(inside), dates: (datesOf.get(s.index) ?? []).filter(inside), entities, contentEntities, mentionAt, content, people, places, pronounRef });
      }
    }
  });
  // Document frequency over units, not articles: a name in every other sentence ("Russia") says little.
  const n = raw.length;
  // Keys interned as integers: pair scoring merges two sorted arrays instead of probing maps.
  const keyId = new Map<string, number>();
  // Log IDF (smoothed, floored): a name in half the story's sentences (its protagonists) weighs
  // almost nothing, so sentences cannot align on who they are about, only on what they say.
  const idf: number[] = [];
  for (const [k, d] of df) {
    keyId.set(k, keyId.size);
    idf.push(Math.max(MIN_IDF, Math.log((n + IDF_PRIOR_UNITS) / (d + 0.5))));
  }
  // A kind of quantity in many units (money in a contract story) does not tell one statement from another.
  const quantityUnits = new Map<string, number>();
  for (const r of raw) for (const q of new Set(r.numbers.map(quantityKind))) quantityUnits.set(q, (quantityUnits.get(q) ?? 0) + 1);
  const commonQuantities = new Set([...quantityUnits].filter(([, c]) => c >= Math.max(MIN_COMMON_QUANTITY_UNITS, COMMON_QUANTITY_SHARE * n)).map(([q]) => q));
  const dateUnits = new Map<string, number>();
  for (const r of raw) for (const d of new Set(r.dates.map(dateKey))) dateUnits.set(d, (dateUnits.get(d) ?? 0) + 1);
  const commonDates = new Set([...dateUnits].filter(([, c]) => c >= Math.max(MIN_COMMON_QUANTITY_UNITS, COMMON_QUANTITY_SHARE * n)).map(([d]) => d));
  return raw.map((r, id) => {
    const art = articles[r.a] as AnalyzedArticle;
    const vector = new Map<string, number>();
    // Entries sorted by interned key: a handful per unit, so a plain sort is cheapest.
    const entries: { kid: number; w: number; content: boolean }[] = [];
    let sq = 0;
    for (const [k, tf] of r.bag) {
      const kid = keyId.get(k) ?? 0;
      const w = tf * (idf[kid] ?? MIN_IDF);
      vector.set(k, w);
      entries.push({ kid, w, content: r.content.has(k) });
      sq += w * w;
    }
    entries.sort((x, y) => x.kid - y.kid);
    const sparse: Sparse = { keys: new Int32Array(entries.length), weights: new Float64Array(entries.length), content: new Uint8Array(entries.length) };
    entries.forEach((e, i) => {
      sparse.keys[i] = e.kid;
      sparse.weights[i] = e.w;
      sparse.content[i] = e.content ? 1 : 0;
    });
    return {
      id,
      article: art.article.id,
      articleIndex: r.a,
      sentence: r.s,
      start: r.start,
      end: r.end,
      position: r.s / Math.max(1, art.sentences.length),
      text: r.text,
      vector,
      sparse,
      norm: Math.sqrt(sq) || 1,
      numbers: r.numbers,
      dates: r.dates,
      entities: r.entities,
      contentEntities: r.contentEntities,
      content: r.content,
      mode: modeOf(r.text),
      denied: deniedKeys(r.text),
      aside: asideKeys(r.text),
      occasion: occasionOf(r.text),
      gameClocks: gameClocksOf(r.text),
      relativePeriods: art.article.publishedAt === undefined ? relativePeriodsOf(r.text) : new Set(),
      weekdays: weekdaysOf(r.text),
      ...(r.pronounRef !== undefined ? { pronounRef: r.pronounRef } : {}),
      clockTimes: (art.facts ?? []).filter((f) => f.kind === 'time' && f.sentence === r.s && f.valueStart >= r.start && f.valueStart < r.end).map((f) => f.value),
      phase: phaseOf(r.text),
      withdraws: WITHDRAW_VERB.test(r.text),
      stretch: gameStretchOf(r.text),
      // The story's protagonists are named in any kind of statement: only the others tell statements apart.
      people: new Set([...r.people].filter((k) => (df.get(`e:${k}`) ?? 0) < PROTAGONIST_SHARE * n)),
      commonQuantities,
      commonDates,
      pointDates: new Set(r.dates.filter((d) => !boundDate(d, art.article.text)).map(dateKey)),
      mentionAt: r.mentionAt,
      places: r.places,
    };
  });
}

/** 1 at every offset of the article text inside a quote. */
function quoteMask(art: AnalyzedArticle): Uint8Array {
  const mask = new Uint8Array(art.article.text.length + 1);
  for (const q of art.quotes) if (q.start !== undefined && q.end !== undefined) mask.fill(1, Math.max(0, q.start), Math.min(q.end, mask.length));
  return mask;
}

/**
 * Words of [start, end) outside quotes: what the outlet says in its own
 * words. A sentence that is all quote ("There is still time for this.",
 * inside a quote opened before it) or a quote and its speaker ("“This is
 * our new cosmodrome”, Putin continued.") is the speaker's: it belongs to
 * the quotes, not to the outlet's claims.
 */
function ownWords(text: string, quoted: Uint8Array, start: number, end: number): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const letter = quoted[i] !== 1 && (charClass(text, i) & LETTER) !== 0;
    if (letter && !inWord) words++;
    inWord = letter;
  }
  return words;
}

/** A speaker's apposition: ", head of safety at the port," up to its closing comma or the end of the sentence. */
const APPOSITION = /^,\s*([^,;:.!?"“”]{3,120}?)\s*(?:,|[.!?]?\s*$)/u;
/** A speech verb right after an apposition's closing comma ("…, head of safety, told local radio"). */
const SPEECH_AFTER = /^\s*(?:has\s+|had\s+|also\s+)?(?:said|says|told|tells|added|adds|explained|warned|stated|noted|wrote|confirmed|announced)\b/i;

/**
 * Stems of the words of [start, end) that only describe a speaker: the
 * apposition after a person named as the source ("…, said Ann Berg, head of
 * structural safety at the Harbour Authority." / "Ann Berg, head of …, told
 * local radio"). Two statements of one person share them whatever they say.
 */
function speakerTitleWords(text: string, mentions: EntityMention[], ents: EntityIndex, start: number, end: number): Set<string> {
  const spans: [number, number][] = [];
  for (const e of mentions) {
    if (e.start === undefined || e.end === undefined || ents.type(ents.canonical(e.key)) !== 'person') continue;
    const after = text.slice(e.end, end);
    const m = APPOSITION.exec(after);
    if (!m || m[1] === undefined) continue;
    const closed = m[0].trimEnd().endsWith(',');
    const named = ATTRIBUTION_BEFORE.test(text.slice(Math.max(start, e.start - 40), e.start));
    // "Ann Berg, head of safety, told …" or "…, said Ann Berg, head of safety." — not "Ann Berg, 43, of Leeds, was hurt".
    if (!(named || (closed && SPEECH_AFTER.test(after.slice(m[0].length))))) continue;
    const from = e.end + m[0].indexOf(m[1]);
    spans.push([from, from + m[1].length]);
  }
  return keysOnlyInside(text, start, end, spans, (w) => [stem(w.toLowerCase())]);
}

/**
 * Stems of the words of [start, end) said only in its quotes or in the
 * title before a speaker's name ("…, but the southern government …," said a
 * Sudanese government spokesman, Rabie Atti): what two statements of one
 * speaker share whatever they say. They are not the outlet's own content,
 * though they still weigh in the unit's words (a desk, "Homicide Capt.",
 * still tells one sentence from another).
 */
function speakerOnlyWords(text: string, mentions: EntityMention[], ents: EntityIndex, start: number, end: number, quoted: Uint8Array, quoteSpeakers: Set<string>): Set<string> {
  const spans: [number, number][] = [];
  for (const e of mentions) {
    if (e.start === undefined || e.end === undefined || ents.type(ents.canonical(e.key)) !== 'person') continue;
    const title = titleBefore(text, start, e.start);
    if (title === undefined) continue;
    const speaking = quoteSpeakers.has(ents.canonical(e.key)) || speaks(text, e.end) || ATTRIBUTION_BEFORE.test(text.slice(Math.max(start, title[0] - 40), title[0]));
    if (speaking) spans.push(title);
  }
  if (spans.length === 0) return new Set();
  for (let i = start; i < end; ) {
    if (quoted[i] !== 1) {
      i++;
      continue;
    }
    const from = i;
    while (i < end && quoted[i] === 1) i++;
    spans.push([from, i]);
  }
  return keysOnlyInside(text, start, end, spans, (w) => [stem(w.toLowerCase())]);
}

/** Words of a title phrase before a name, the title word last ("Sudanese government spokesman"): at most this many. */
const TITLE_PHRASE_WORDS = 4;
/** Words that open a title phrase from outside it: an article, a possessive, a speech verb. */
const TITLE_PHRASE_STOP = new Set(['a', 'an', 'the', 'said', 'says', 'told', 'according', 'to', 'by', 'and', 'or', 'of', 'his', 'her', 'their', 'its', 'our', 'with', 'from', 'for', 'in', 'on', 'at']);

/**
 * The title phrase just before a name, as offsets: "a Sudanese government
 * spokesman, Rabie Atti" / "government spokesperson Rabie Atti" give the
 * words up to the title word (TITLES), leftward to an article, a speech verb
 * or punctuation. Undefined when the word before the name is no title.
 */
function titleBefore(text: string, start: number, nameStart: number): [number, number] | undefined {
  const before = text.slice(Math.max(start, nameStart - 80), nameStart);
  const offset = nameStart - before.length;
  const words = [...before.matchAll(/[\p{L}][\p{L}’'.-]*|[^\p{L}\s]+/gu)];
  let i = words.length - 1;
  if (words[i]?.[0] === ',') i--;
  const last = words[i];
  if (last === undefined || !TITLES.has(last[0].toLowerCase().replace(/\.$/, ''))) return undefined;
  let first = i;
  for (let j = i - 1; j >= 0 && i - j < TITLE_PHRASE_WORDS; j--) {
    const w = (words[j] as RegExpMatchArray)[0];
    if (!/^\p{L}/u.test(w) || TITLE_PHRASE_STOP.has(w.toLowerCase()) || SPEECH_VERBS.has(w.toLowerCase())) break;
    first = j;
  }
  const from = offset + ((words[first] as RegExpMatchArray).index ?? 0);
  return [from, offset + (last.index ?? 0) + last[0].length];
}

/** Stems of the words of [start, end) said only inside its quotes. */
function quotedOnly(text: string, quoted: Uint8Array, start: number, end: number): Set<string> {
  const inside = new Set<string>();
  const outside = new Set<string>();
  for (const m of text.slice(start, end).matchAll(/\p{L}+/gu)) {
    const at = start + (m.index ?? 0);
    (quoted[at] === 1 ? inside : outside).add(stem(m[0].toLowerCase()));
  }
  for (const w of outside) inside.delete(w);
  return inside;
}

export function cosine(a: Unit, b: Unit): number {
  const [small, big] = a.vector.size <= b.vector.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, w] of small.vector) {
    const v = big.vector.get(k);
    if (v !== undefined) dot += w * v;
  }
  return dot / (a.norm * b.norm);
}

/** Words that make a date a bound, not the date of something: "the first time since 2005", "until 2010". */
const BOUND_WORDS = 'since|until|till|before|after|by|from|through';
const BOUND_BEFORE = new RegExp(`\\b(?:${BOUND_WORDS})\\s+(?:the\\s+)?$`, 'i');
/** The same word as a date's own first word ("since 2005"). */
const BOUND_START = new RegExp(`^(?:${BOUND_WORDS})\\b`, 'i');

/** Whether a date bounds a stretch ("the first time since 2005", "until 2010") instead of dating something. */
export function boundDate(d: DateMention, text: string): boolean {
  return BOUND_START.test(d.text) || (d.start !== undefined && BOUND_BEFORE.test(text.slice(Math.max(0, d.start - 12), d.start)));
}

/** Whether a date only bounds a stretch of time from outside it ("since 2005", "until 2010"); the start of a stretch told "from … to …" dates its start. */
export function outerBoundDate(d: DateMention, text: string): boolean {
  return boundDate(d, text) && !/^from\b/i.test(d.text) && !(d.start !== undefined && /\bfrom\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, d.start - 12), d.start)));
}

/** An age written as a compound: "a 36-year-old driver", "the 8 - month - old girl", "66 years old". */
const AGE_COMPOUND = /\b(?:year|month|week|day)s?\s*-?\s*old\b/giu;
const NO_WORDS: ReadonlySet<string> = new Set();

/** A stretch of a game: "midway through the second half", "early in the third quarter", "in the first period", "at halftime", "by the break". */
const GAME_TIME = /\b(?:(?:early|late|midway|halfway|deep)\s+)?(?:in|into|through|during|of)\s+the\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|final|last|opening|closing)\s+(half|quarter|period|inning|innings|set)\b|\b(?:at|by)\s+(?:halftime|the\s+half|the\s+break)\b/giu;

/**
 * The words of a text's stretches of a game ("midway", "second", "half" in
 * "midway through the second half") that it uses nowhere else: when in a
 * game something happened is not what happened ("cut the lead to 3 midway
 * through the second half" / "got roughed up … midway through the second
 * half").
 */
function gameTimeWords(text: string): ReadonlySet<string> {
  return wordsOnlyIn(text.toLowerCase(), GAME_TIME);
}

/**
 * The stretch of a game a text names first ("second half", "third
 * quarter"; halftime is the end of the first half), if any: two sentences
 * set in different stretches tell two moments.
 */
function gameStretchOf(text: string): string | undefined {
  const [m] = text.toLowerCase().matchAll(GAME_TIME);
  if (m === undefined) return undefined;
  return m[1] === undefined ? 'first half' : `${m[1]} ${m[2] ?? ''}`;
}

/** The words that a text uses only inside the matches of a global regex: the words of its ages, of its stretches of a game. */
function wordsOnlyIn(lower: string, re: RegExp): ReadonlySet<string> {
  const inMatches = new Map<string, number>();
  for (const m of lower.matchAll(re)) {
    for (const w of m[0].match(/\p{L}+/gu) ?? []) {
      const word = w.replace(/s$/, '');
      inMatches.set(word, (inMatches.get(word) ?? 0) + 1);
    }
  }
  if (inMatches.size === 0) return NO_WORDS;
  const out = new Set<string>();
  for (const [w, n] of inMatches) if ((lower.match(new RegExp(`\\b${w}s?\\b`, 'gu')) ?? []).length === n) out.add(w);
  return out;
}

/**
 * The words of a text's ages ("year", "old" in "the 36-year-old driver")
 * that it uses nowhere else: ages are in every other sentence of the news
 * and tell nothing of what happened ("told the 36-year-old driver to stop" /
 * "a three-year-old girl was wounded").
 */
function ageWords(text: string): ReadonlySet<string> {
  const lower = text.toLowerCase();
  return lower.includes('old') ? wordsOnlyIn(lower, AGE_COMPOUND) : NO_WORDS;
}

/** How many content words of `a` `b` says too, leaving out those in `except`. */
export function sharedContentCount(a: Unit, b: Unit, except?: ReadonlySet<string>): number {
  let n = 0;
  for (const k of a.content) if (b.content.has(k) && except?.has(k) !== true) n++;
  return n;
}

/** A resolved date as precise as it was written: "2010" for a year, "2010-03" for a month, the day otherwise. */
export function dateKey(d: DateMention): string {
  const iso = d.iso ?? '';
  return d.precision === 'year' ? iso.slice(0, 4) : d.precision === 'month' ? iso.slice(0, 7) : iso;
}

/** The kind of a quantity: its unit, or for a bare count the thing counted. */
export function quantityKind(n: NumberMention): string {
  return n.unit !== '' ? n.unit : `count:${n.counts ?? ''}`;
}

/**
 * Whether a speech or frame verb follows a name closely: right after it, after an adverb ("simply
 * said"), or after a short apposition ("Dmitry Peskov, Kremlin spokesperson stated").
 */
function speaks(text: string, end: number): boolean {
  const words = text.slice(end, end + SPEAKER_LOOKAHEAD_CHARS).toLowerCase().match(/\p{L}+/gu) ?? [];
  const apposition = /^\s*,/.test(text.slice(end, end + 3));
  const reach = apposition ? SPEAKER_APPOSITION_WORDS : words[0]?.endsWith('ly') === true ? 2 : 1;
  return words.slice(0, reach).some((w) => SPEECH_VERBS.has(w) || isFrame(family(stem(w))));
}

/**
 * "last month", "this week", "next year": a period counted from the day of writing, the one a statement is set in
 * (not one it is measured from or against: "a drop of five points from last season", "up from last year", "compared
 * with last year"; nor one that names whose or which: "last year's champion", "in the last year").
 */
const RELATIVE_PERIOD = /(?<!\b(?:from|since|than|over|on|until|till|through|versus|vs\.?|with|the|past)\s+)\b(last|this|next)\s+(week|month|year|season)\b(?!\s*['’]s\b)/gi;
const PERIOD_OFFSET: Record<string, number> = { last: -1, this: 0, next: 1 };

/** Words that tie a sentence to the one before without naming anyone ("But he …", "And then she …"): a pronoun after them still opens the sentence. */
export const OPENING_CONNECTIVES = String.raw`(?:(?:but|and|still|then|however|also|yet|so)\b[\s,]*)*`;
/** A "he" or "she" opening a sentence (after "But", "And" and the like). */
const PRONOUN_OPENING = new RegExp(String.raw`^\W*${OPENING_CONNECTIVES}(?:he|she)\b`, 'i');

function relativePeriodsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(RELATIVE_PERIOD)) out.add(`${(m[2] as string).toLowerCase()}:${PERIOD_OFFSET[(m[1] as string).toLowerCase()]}`);
  return out;
}

/** A weekday with the words that place it in the day ("late Thursday night", "early Friday"). */
const WEEKDAY = new RegExp(`\\b(?:(?:late|early)\\s+)?(${WEEKDAYS.join('|')})(?:\\s+(?:night|morning|evening|afternoon))?\\b`, 'gi');
/** Words right before a weekday that make it the day a source spoke or a page was put out ("said Monday", "posted on Friday"). */
const SAYING_BEFORE_DAY = /\b(?:said|says|told|tells|announced|reported|reports|confirmed|added|stated|published|posted|updated|wrote|statement)\s+(?:on\s+)?$/i;

function weekdaysOf(text: string): FactValue[] {
  const out: FactValue[] = [];
  for (const m of text.matchAll(WEEKDAY)) {
    if (SAYING_BEFORE_DAY.test(text.slice(Math.max(0, (m.index ?? 0) - 30), m.index))) continue;
    // (Nor a day that names or qualifies another thing, "Saturday's match", "every Sunday": it dates no statement.)
    if (/^['’]s\b/u.test(text.slice((m.index ?? 0) + m[0].length)) || /\b(?:every|each|last|next|this|since|until|by)\s+$/iu.test(text.slice(Math.max(0, (m.index ?? 0) - 12), m.index))) continue;
    out.push({ text: m[0], key: (m[1] as string).toLowerCase() });
  }
  return out;
}

/** A clause cut from a sentence reads as a statement of its own: capital first, full stop last. */
function asStatement(clause: string): string {
  const t = clause.trim();
  const capital = t.charAt(0).toLocaleUpperCase() + t.slice(1);
  return /[.!?…"”’»]$/.test(capital) ? capital : `${capital}.`;
}

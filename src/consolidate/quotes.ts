import { surnameReader } from './slots.js';
import type { AnalyzedArticle, BriefQuote } from '../types.js';
import type { EntityIndex } from './entities.js';
import { containment, contentStems, isStopWord } from './text.js';

/**
 * One quote, many wordings: quotes are merged when their content words
 * overlap enough (translations and rewrites change function words and
 * inflections, rarely the nouns). Different named speakers need a closer
 * match. The speaker of a merged quote is its members' majority speaker.
 */

/** Share of the shorter wording's content stems found in the other. */
const SAME_QUOTE = 0.6;
const SAME_QUOTE_OTHER_SPEAKER = 0.85;
/** Fewer shared stems than this is coincidence. */
const MIN_SHARED = 2;
/**
 * Fewer shared stems than this ("as quickly as possible", "kids … kill") is
 * a phrase anyone may use: it joins only wordings of one speaker, or of none
 * named, so that a fragment never lends its speaker to another's words.
 */
const MIN_SHARED_ACROSS_SPEAKERS = 3;

export interface QuoteItem {
  article: string;
  sentence: number;
  start?: number;
  text: string;
  speaker?: string;
  /** The speaker as written, for speakers described rather than named ("Reid’s rep"). */
  speakerText?: string;
  stems: Set<string>;
  /** Its stems outside names: what the story is about ("Twilight", "Stephenie Meyer") is in many quotes and says little of which. */
  plainStems: Set<string>;
  /** All its words, lower-cased, irregular past tenses as their verb: for short quotes, whose few content words say little. */
  words: Set<string>;
}

export interface QuoteClusters {
  quotes: BriefQuote[];
  /** For each article id and sentence index, the quote clusters it carries and where each quote starts. */
  bySentence: Map<string, { cluster: number; start?: number }[]>;
}

export function clusterQuotes(articles: AnalyzedArticle[], ents: EntityIndex): QuoteClusters {
  const items: QuoteItem[] = [];
  for (const a of articles) {
    // A surname the story reads as its person is someone else's in an article that just named a namesake in full
    // ("His son, T.J. DiLeo, … 'my dad is ready to step in,' DiLeo said").
    const nameAt = surnameReader(a, (k) => ents.canonical(k));
    for (const q of a.quotes) {
      const item: QuoteItem = { article: a.article.id, sentence: q.sentence, text: q.text, stems: new Set(contentStems(q.text)), plainStems: new Set(contentStems(withoutNames(q.text))), words: quoteWords(q.text) };
      if (q.start !== undefined) item.start = q.start;
      const named = q.speaker === undefined ? undefined : nameAt(q.speaker, q.start ?? Number.MAX_SAFE_INTEGER);
      // (A surname left as written is shown as written: the story's name for it is another person's.)
      if (q.speaker !== undefined && named !== undefined && named !== ents.canonical(q.speaker)) item.speakerText = a.entities.find((e) => e.key === q.speaker)?.text ?? q.speaker;
      else if (named !== undefined) item.speaker = named;
      else if (q.speakerText !== undefined) item.speakerText = q.speakerText;
      items.push(item);
    }
  }
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  // Only quotes sharing a stem can be the same quote: compare those, found through an inverted index.
  const byStem = new Map<string, number[]>();
  // (Words index too, under a mark of their own: short quotes match on them.)
  const keysOf = (it: QuoteItem): string[] => [...it.stems, ...[...it.words].filter((w) => !isStopWord(w)).map((w) => `w:${w}`)];
  items.forEach((it, i) => {
    for (const st of keysOf(it)) (byStem.get(st) ?? byStem.set(st, []).get(st) ?? []).push(i);
  });
  for (let i = 0; i < items.length; i++) {
    const a = items[i] as QuoteItem;
    const others = new Set<number>();
    for (const st of keysOf(a)) for (const j of byStem.get(st) ?? []) if (j > i) others.add(j);
    for (const j of [...others].sort((x, y) => x - y)) {
      const b = items[j] as QuoteItem;
      // One article's two passages are two things said ("I believe in this team." / "We will find a way to improve on
      // this team."), whatever words they share; only words quoted twice, whole or in part, are one quote.
      if (a.article === b.article && !quotedAgain(a.text, b.text)) continue;
      const clash = a.speaker !== undefined && b.speaker !== undefined && a.speaker !== b.speaker && ents.type(a.speaker) === 'person' && ents.type(b.speaker) === 'person';
      if (sameWords(a, b, clash)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, QuoteItem[]>();
  items.forEach((it, i) => {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r) ?? []).push(it);
  });
  const quotes: BriefQuote[] = [];
  const bySentence = new Map<string, { cluster: number; start?: number }[]>();
  const ordered = [...groups.values()].sort((x, y) => y.length - x.length || (x[0]?.article ?? '').localeCompare(y[0]?.article ?? ''));
  ordered.forEach((members, qi) => {
    const speaker = majoritySpeaker(members, ents);
    const rep = representative(members);
    const q: BriefQuote = { text: rep.text, sources: dedupe(members).map((m) => ({ source: m.article, text: m.text })) };
    if (speaker !== undefined) q.speaker = ents.name(speaker);
    else {
      const described = members.find((m) => m.speakerText !== undefined)?.speakerText;
      if (described !== undefined) q.speaker = described;
    }
    quotes.push(q);
    for (const m of members) {
      const k = `${m.article}#${m.sentence}`;
      const at: { cluster: number; start?: number } = { cluster: qi };
      if (m.start !== undefined) at.start = m.start;
      (bySentence.get(k) ?? bySentence.set(k, []).get(k) ?? []).push(at);
    }
  });
  return { quotes, bySentence };
}

/** A short quote is a few words ("That's why we came here"): its content words alone are too few to match on. */
const SHORT_QUOTE_WORDS = 12;
/** Share of a short quote's words the other wording must hold. */
const SAME_SHORT_QUOTE = 0.8;

function sameWords(a: QuoteItem, b: QuoteItem, clash: boolean): boolean {
  const { score, shared } = containment(a.stems, b.stems);
  const threshold = clash ? SAME_QUOTE_OTHER_SPEAKER : SAME_QUOTE;
  if (shared >= MIN_SHARED && score >= threshold && (shared >= MIN_SHARED_ACROSS_SPEAKERS || fewWordsAgree(a, b)) && samePlainWords(a, b, threshold)) return true;
  // "That's why we came here" / "That's why we have come here": every word of the shorter, but the auxiliaries.
  if (clash || Math.min(a.words.size, b.words.size) > SHORT_QUOTE_WORDS || Math.min(a.words.size, b.words.size) < 3) return false;
  if (shared < MIN_SHARED_ACROSS_SPEAKERS && !oneVoice(a, b)) return false;
  // (Its content words too, not only the small ones: "I believe in this team" is not "… in the best interest of this team".)
  const [ca, cb] = [contentWords(a.words), contentWords(b.words)];
  return containment(a.words, b.words).score >= SAME_SHORT_QUOTE && (Math.min(ca.size, cb.size) === 0 || containment(ca, cb).score >= SAME_SHORT_QUOTE);
}

/** Whether one passage holds the other's words ("We are not confirming" in "We are not confirming anything"). */
function quotedAgain(a: string, b: string): boolean {
  // (Whole words: "no" is not in "I know nothing".)
  const plain = (t: string): string => ` ${t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const [x, y] = [plain(a), plain(b)];
  return x.includes(y) || y.includes(x);
}

/** A wording's words but the small ones ("in", "this", "we"). */
function contentWords(words: Set<string>): Set<string> {
  return new Set([...words].filter((w) => !isStopWord(w)));
}

/** Whether two wordings have the same speaker, or neither names one. */
function oneVoice(a: QuoteItem, b: QuoteItem): boolean {
  return (a.speaker ?? a.speakerText) === (b.speaker ?? b.speakerText);
}

/**
 * Whether wordings that share only a couple of content stems are one quote:
 * the same named speaker says them, or, with no speaker on either side, the
 * words themselves agree almost all ("I can't wait to get started" is not
 * "I can't wait to start this new adventure", whoever said them).
 */
function fewWordsAgree(a: QuoteItem, b: QuoteItem): boolean {
  if (!oneVoice(a, b)) return false;
  if ((a.speaker ?? a.speakerText) !== undefined) return true;
  return containment(a.words, b.words).score >= SAME_SHORT_QUOTE;
}

/** The words outside names agree too, when the shorter wording has enough of them to say. */
function samePlainWords(a: QuoteItem, b: QuoteItem, threshold: number): boolean {
  if (Math.min(a.plainStems.size, b.plainStems.size) < MIN_SHARED) return true;
  return containment(a.plainStems, b.plainStems).score >= threshold;
}

/** A quote without its names: capitalised words that open no sentence, and words in capitals ("TWILIGHT"). */
function withoutNames(text: string): string {
  return text.replace(/[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu, (w, at: number) => {
    const opens = /(?:^|[.!?:;]["”’]?)\s*["“‘']?\s*$/u.test(text.slice(Math.max(0, at - 6), at));
    const capitals = w.length > 1 && w === w.toUpperCase() && /\p{Lu}/u.test(w);
    return (!opens && /^\p{Lu}/u.test(w)) || capitals ? ' ' : w;
  });
}

/** Irregular past tenses news quotes use most, as their verb. */
const IRREGULAR: Record<string, string> = {
  came: 'come', went: 'go', saw: 'see', said: 'say', told: 'tell', took: 'take', gave: 'give', made: 'make', got: 'get', knew: 'know', thought: 'think',
  found: 'find', felt: 'feel', left: 'leave', brought: 'bring', began: 'begin', kept: 'keep', held: 'hold', stood: 'stand', heard: 'hear', met: 'meet',
  ran: 'run', paid: 'pay', sent: 'send', built: 'build', fell: 'fall', won: 'win', lost: 'lose', led: 'lead', spoke: 'speak', wrote: 'write', did: 'do',
  was: 'be', were: 'be', is: 'be', are: 'be', am: 'be', been: 'be', has: 'have', had: 'have',
};
const AUXILIARIES = new Set(['be', 'have', 'do', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must']);

function quoteWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().replace(/[’']s\b/g, '').match(/\p{L}+/gu) ?? []) {
    const w = IRREGULAR[raw] ?? raw;
    if (!AUXILIARIES.has(w)) out.add(w);
  }
  return out;
}

function majoritySpeaker(members: QuoteItem[], ents: EntityIndex): string | undefined {
  const votes = new Map<string, number>();
  for (const m of members) if (m.speaker !== undefined) votes.set(m.speaker, (votes.get(m.speaker) ?? 0) + (ents.type(m.speaker) === 'person' ? 1.1 : 1));
  return [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** The wording closest to all the others (Jaccard, so a fragment is not central); ties go to the longer one. */
function representative(members: QuoteItem[]): QuoteItem {
  let best = members[0] as QuoteItem;
  let bestScore = -1;
  for (const m of members) {
    let s = 0;
    for (const o of members) if (o !== m) s += jaccard(m.stems, o.stems);
    if (s > bestScore + 1e-9 || (Math.abs(s - bestScore) < 1e-9 && m.text.length > best.text.length)) {
      best = m;
      bestScore = s;
    }
  }
  return best;
}

/** One wording per source (a source quoting the same words twice counts once). */
function dedupe(members: QuoteItem[]): QuoteItem[] {
  const seen = new Set<string>();
  return members.filter((m) => {
    const k = `${m.article}|${m.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const { shared } = containment(a, b);
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

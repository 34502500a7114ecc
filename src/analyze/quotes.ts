import type { EntityType, QuoteMention } from '../types.js';
import type { Found } from './entities.js';
import { ABBREVIATED_TITLES, PRONOUNS, SPEECH_VERBS, TITLES } from './lexicon.js';
import { allMatches } from './matches.js';
import { falseBoundary } from './sentences.js';

/**
 * Direct quotes and who said them. Quote marks are paired per paragraph
 * (curly, straight, guillemets, low-high; an unclosed opening quote runs to
 * the paragraph's end, as happens in scraped text). The speaker is looked
 * for after the quote ("…," said X / X said / he added), then before it
 * (X said, “…” / X: “…” / quoted X as saying), then "according to X";
 * pronouns and definite descriptions ("the Kremlin chief") resolve to the
 * subject of the nearest earlier sentence that names a person.
 */

export interface FoundQuote extends QuoteMention {
  start: number;
  end: number;
  /** True when the speaker came from a speech verb (so it is a person). */
  byVerb: boolean;
  /** True when the speaker was inferred (a pronoun, a paragraph before): it casts no vote on what a name is. */
  inferred?: boolean;
  /** Words too few to be a quote of their own ("Right now! ”", "“Yeah, definitely,” he said"): only their attribution counts. */
  fragment?: boolean;
}

/** Quotes shorter than this (in words) are scare quotes or titles ("sacred fight"), not statements. */
const MIN_QUOTE_WORDS = 3;
/** The words between a quote's marks, without the comma or colon that hands them to their attribution. */
function quotedText(inner: string): string {
  return inner.trim().replace(/[,;:]$/, '').trim();
}

/** Too few words to be a statement: a scare quote, a title or a fragment ("sacred fight", "Right now!"). */
function tooFewWords(text: string): boolean {
  return text.split(/\s+/).length < MIN_QUOTE_WORDS;
}

/** Quoted titles ("The Big Lebowski") are short and capitalised throughout. */
const MAX_TITLE_WORDS = 6;
const MINOR = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'for', 'to', 'at', 'de']);
/** How far before or after a quote (characters) the attribution may stand. */
const ATTRIBUTION_WINDOW = 160;
/** Words allowed between a speech verb and the quote in the "X said he was “…”" form. */
const MAX_GAP_WORDS = 8;
/** Words allowed between a speech verb and a quote that closes the clause it reports, when no one else is named. */
const MAX_REPORTED_WORDS = 20;

const OPEN_CLOSE: Record<string, string> = { '“': '”', '„': '“', '«': '»', '‘': '’', '"': '"', '‹': '›' };

export interface Span {
  open: number;
  close: number;
}

/** Any opening mark of OPEN_CLOSE: most text has none, so the scan jumps from one to the next. */
const OPENING_RE = /[“„«‘"‹']/g;

/**
 * A mark that closes rather than opens: a right double quote, or a straight
 * one after a word or after punctuation, with a space or the end after it
 * ("…Philadelphia, ” team president…").
 */
function closesHere(text: string, j: number): boolean {
  const c = text[j];
  if (c === '”') return true;
  if (c !== '"') return false;
  const before = text.slice(0, j).trimEnd().slice(-1);
  return /^(?:\s|$|[,.;:!?])/u.test(text.slice(j + 1, j + 2)) && (/\S/u.test(text[j - 1] ?? ' ') || /[,.!?]/.test(before)) && before !== '';
}

/**
 * A straight mark after the end of a clause and glued to the lower-case
 * word after it, as detokenised text spaces a closing mark: "We are better
 * than this, "said Stefanski." Only where a quote is known to be open.
 */
function gluedClose(text: string, j: number): boolean {
  if (text[j] !== '"' || !/[,.!?]$/.test(text.slice(0, j).trimEnd())) return false;
  // (The word glued to it attributes: a verb of saying, or a pronoun and one; "Lee said, "we will see"" opens a quote.)
  const words = /^(\p{Ll}+)(?:\s+(\p{Ll}+))?/u.exec(text.slice(j + 1));
  if (words === null) return false;
  const [first, second] = [words[1] ?? '', words[2] ?? ''];
  return SPEECH_VERBS.has(first) || (PRONOUNS.has(first) && SPEECH_VERBS.has(second));
}

/**
 * Quote spans of one paragraph. `carried`: the paragraph before left a quote
 * open, as scraped text does when it breaks a paragraph inside a quote; a
 * closing mark that comes before any opening one then ends a span that
 * starts with the paragraph (open = -1).
 */
export function quoteSpans(text: string, carried = false): Span[] {
  const out: Span[] = [];
  let i = 0;
  // A closing mark before any opening one ends a quote carried from before, or, if none is known, an orphan to skip
  // (it must not open a span that swallows the attribution: "… media," the diplomat added.).
  // (Not an apostrophe, spaced as detokenised text spaces it: "What ’ s going on".)
  const first = FIRST_MARK_RE.exec(text);
  // "What ’ s going on here? ’ ” she continued": a quote inside the quote closes first; the outer mark right after it
  // ends the span.
  const nested = first !== null && text[first.index] === '’' ? /^\s*[”»]/u.exec(text.slice(first.index + 1)) : null;
  const firstClose = first === null ? -1 : nested === null ? first.index : first.index + nested[0].length;
  if (first !== null && (closesHere(text, firstClose) || (carried && gluedClose(text, firstClose)))) {
    if (carried) out.push({ open: -1, close: firstClose });
    i = firstClose + 1;
  } else if (carried && first !== null && /["”»]/u.test(text[first.index] ?? '') && /(?:^|[\s,:])'[^'"“”]{1,200}?'\s*$/u.test(text.slice(0, first.index))) {
    // "He said, 'Thank you.' "": a quote in straight single marks inside the carried one, the carried one's close
    // right after it.
    out.push({ open: -1, close: first.index });
    i = first.index + 1;
  }
  while (i < text.length) {
    OPENING_RE.lastIndex = i;
    const next = OPENING_RE.exec(text);
    if (next === null) break;
    i = next.index;
    const c = text[i] ?? '';
    if (c === "'") {
      // Straight single marks are apostrophes but where a quote plainly opens: after a colon or a paragraph's start,
      // before a capital ("Smith told the BBC: 'I'll miss …'").
      const span = straightSingle(text, i);
      if (span !== undefined) out.push(span);
      i = span === undefined ? i + 1 : span.close + 1;
      continue;
    }
    const close = OPEN_CLOSE[c];
    if (close === undefined || (c === '‘' && /\p{L}/u.test(text[i - 1] ?? '')) || markup(text, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < text.length; j++) {
      const d = text[j];
      // (Scraped text mixes marks: a straight opening mark closed by a curly one, "Stay down, ” police said, and a curly
      // one closed by a straight mark that closes where it stands, “It may not affect you, " he says.)
      if (d === close || (c === '“' && d === '“') || (c === '"' && (d === '“' || d === '”')) || (c === '“' && d === '"' && closesHere(text, j))) {
        // An apostrophe inside a single-quoted span ("That’s") is not its end.
        if (close === '’' && /\p{L}/u.test(text[j + 1] ?? '')) continue;
        break;
      }
      if (c === '‘' && d === '“') break;
    }
    // A single mark that never closes after a word, before a lower-case word, is an apostrophe ("Gary Ross ‘ direction"),
    // not a quote running on ("Putin said, ‘We will …").
    if (c === '‘' && j >= text.length && /\p{L}\s*$/u.test(text.slice(0, i)) && /^\s*\p{Ll}/u.test(text.slice(i + 1))) {
      i++;
      continue;
    }
    // “It's important to reiterate that …, Tyler Reguly, technical manager for Acme, says.": a quote that never closes
    // but ends in its own attribution was closed there, its mark left out.
    if (j >= text.length) {
      const attribution = UNCLOSED_ATTRIBUTION_RE.exec(text.slice(i + 1));
      if (attribution !== null) j = i + 1 + attribution.index;
    }
    out.push({ open: i, close: Math.min(j, text.length) });
    i = j + 1;
  }
  return out;
}

/** The first quote mark of a paragraph, not counting an apostrophe before a contraction's end ("What ’ s", "don ’ t"). */
const FIRST_MARK_RE = /[“”„«»‘"‹›]|’(?!\s?(?:s|t|re|ll|ve|d|m)\b)/u;

/** A straight mark of markup left in the text: an attribute's ('href="…', '…html">'), not a quote's. */
function markup(text: string, i: number): boolean {
  return text[i] === '"' && (text[i + 1] === '>' || text[i - 1] === '=');
}

/**
 * A quote in straight single marks opening at i, closed by a mark that ends
 * a word or its punctuation ("… anyone.'"), or that stands spaced after
 * that punctuation as detokenised text spaces it ("… the Harbour Center, '
 * her rep says": a mark before a space cannot open a quote), or none.
 */
function straightSingle(text: string, i: number): Span | undefined {
  const before = text.slice(0, i).trimEnd();
  if (!(before === '' || before.endsWith(':')) || !/^[\p{Lu}\d]/u.test(text[i + 1] ?? '')) return undefined;
  // "'90s heartthrob Ann Lee", "'08 graduate", "'Twas": an elision, not an opening mark.
  if (ELISION.test(text.slice(i, i + 7))) return undefined;
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] !== "'" || /\p{L}/u.test(text[j + 1] ?? '')) continue;
    if (/[\p{L}.,!?…]/u.test(text[j - 1] ?? '') || (text[j - 1] === ' ' && /[.,!?…]/u.test(text[j - 2] ?? '') && /^(?:\s|$)/u.test(text[j + 1] ?? ''))) return { open: i, close: j };
  }
  return undefined;
}

/** A straight mark that elides the start of a word or a year ("'90s", "'08", "'Tis", "'Twas"). */
const ELISION = /^'(?:\d\d(?:s|\b)|(?:Tis|Twas|Til|Em|Cause)\b)/u;

/** Each paragraph's spans, a paragraph carrying the quote its predecessor left open. */
export function paragraphSpans(paragraphs: string[]): Span[][] {
  const out: Span[][] = [];
  // How many paragraphs ago a quote was left open (through paragraphs without a mark), if one was.
  let openSince: number | undefined;
  paragraphs.forEach((p, i) => {
    const spans = quoteSpans(p, openSince !== undefined && i - openSince <= MAX_CARRIED_PARAGRAPHS);
    out.push(spans);
    const last = spans.at(-1);
    if (last !== undefined) openSince = last.close >= p.length ? i : undefined;
  });
  return out;
}
/** Paragraphs a quote left open may run through without a mark, as multi-paragraph quotes do. */
const MAX_CARRIED_PARAGRAPHS = 3;

type Ctx = {
  text: string;
  mentions: Found[];
  types: (key: string) => EntityType;
  sentenceAt: (pos: number) => number;
  /** The part-of-speech tags of the tokens within [from, to). */
  tags: (from: number, to: number) => string[];
  /** Inside quote marks: a name there is quoted, not the subject of the narrative. */
  quoted: (pos: number) => boolean;
  /** Keys some mention writes as a name of a person would be written ("Tara Reid", then "Reid"). */
  nameShaped: Set<string>;
  /** Keys some mention of which is followed by a verb: they act in the article. */
  actors: Set<string>;
  /** Keys written with an abbreviation before a name ("INS Mysore"). */
  acronymLed: Set<string>;
  /** Last words of the names of people named in full ("hansbrough" of "tyler hansbrough"). */
  surnames: Set<string>;
  /** The pronoun the article uses for a person, where it shows one and only one ("Ann Lee said she …", "Mr. Hale"). */
  pronounOf: Map<string, 'he' | 'she'>;
};

/**
 * Every paragraph's quotes, then the speakers news writing leaves to the
 * paragraph next door: a quote broken by a paragraph break takes the
 * speaker of its second half; a paragraph that opens with a quote and names
 * no speaker continues the speaker who closed the paragraph before, or the
 * one the paragraph before introduced ("Lee said … . ¶ “…”").
 */
export function findAllQuotes(paragraphs: string[], bases: number[], ctx: Omit<Ctx, 'quoted' | 'nameShaped' | 'actors' | 'acronymLed' | 'surnames' | 'pronounOf'>, spans: Span[][]): FoundQuote[] {
  const mask = new Uint8Array(ctx.text.length + 1);
  spans.forEach((list, pi) => {
    const base = bases[pi] ?? 0;
    for (const sp of list) mask.fill(1, base + Math.max(0, sp.open), Math.min(base + sp.close + 1, mask.length));
    // A quote left open that runs through paragraphs without a mark, to close in this one or to reopen at its start,
    // holds them too: what they name is quoted.
    const head = list[0];
    if (head === undefined || (head.open !== -1 && (paragraphs[pi] ?? '').slice(0, head.open).trim() !== '')) return;
    let k = pi - 1;
    while (k > 0 && (spans[k] ?? []).length === 0 && pi - k <= MAX_CARRIED_PARAGRAPHS) k--;
    if (k === pi - 1 || (spans[k]?.at(-1)?.close ?? 0) < (paragraphs[k] ?? '').length) return;
    mask.fill(1, (bases[k + 1] ?? 0), Math.min((bases[pi - 1] ?? 0) + (paragraphs[pi - 1] ?? '').length, mask.length));
  });
  const nameShaped = new Set(ctx.mentions.filter((m) => NAME_SHAPED_RE.test(m.text)).map((m) => m.key));
  const actors = new Set(ctx.mentions.filter((m) => mask[m.start] !== 1 && ACTS_AFTER_RE.test(ctx.text.slice(m.end, m.end + ACTS_WINDOW))).map((m) => m.key));
  // (Not capitals that are a title, "GM Tom Fry … Fry was asked": they lead a person's name.)
  const acronymLed = new Set(ctx.mentions.filter((m) => ACRONYM_LED_RE.test(m.text) && !titleLetters(m, ctx.mentions)).map((m) => m.key));
  const surnames = new Set(ctx.mentions.filter((m) => m.key.includes(' ') && ctx.types(m.key) === 'person').map((m) => m.key.slice(m.key.lastIndexOf(' ') + 1)));
  const pronounOf = pronouns(ctx.text, ctx.mentions.filter((m) => mask[m.start] !== 1));
  const full: Ctx = { ...ctx, quoted: (pos) => mask[pos] === 1, nameShaped, actors, acronymLed, surnames, pronounOf };
  const per = paragraphs.map((p, pi) => findQuotes(p, bases[pi] ?? 0, full, spans[pi]));
  for (let pi = 1; pi < paragraphs.length; pi++) {
    const here = per[pi] ?? [];
    const before = per[pi - 1] ?? [];
    const first = here[0];
    const base = bases[pi] ?? 0;
    const last = before.at(-1);
    // The quote still open from one or a few mark-less paragraphs before, if one is.
    let k = pi - 1;
    while (k > 0 && (spans[k] ?? []).length === 0 && pi - k < MAX_CARRIED_PARAGRAPHS) k--;
    const candidate = per[k]?.at(-1);
    // (Left open: no closing mark in its paragraph. A quote closed at the end of its paragraph is over.)
    const leftOpen = (spans[k]?.at(-1)?.close ?? 0) >= (paragraphs[k] ?? '').length;
    const opener = candidate !== undefined && leftOpen && (paragraphs[k] ?? '').slice(candidate.end - (bases[k] ?? 0)).trim().length <= 1 ? candidate : undefined;
    // “… right now. ¶ I don't need anything," she added: the half that names the speaker names it for both.
    if (spans[pi]?.[0]?.open === -1 && first !== undefined && first.start <= base + 1 && opener !== undefined) {
      // The speaker its close names by a verb outweighs one guessed for its opening half from the sentence before.
      if (first.speakerText !== undefined && (opener.speakerText === undefined || (opener.inferred === true && first.inferred !== true && first.byVerb))) giveSpeaker(opener, first);
      else if (first.speakerText === undefined && opener.speakerText !== undefined) giveSpeaker(first, opener);
    }
    if (first === undefined || first.speakerText !== undefined || !opensParagraph(paragraphs[pi] ?? '', spans[pi]?.[0])) continue;
    // A quote whose own sentence goes on to a verb of speaking has its attribution there, found or not: nothing before carries over.
    if (attributedAfter(ctx.text, first.end)) continue;
    // A paragraph that reopens a quote still open continues it, as news writing marks a quote of many paragraphs.
    if (opener?.speakerText !== undefined && k < pi - 1) {
      giveSpeaker(first, opener);
      continue;
    }
    // (A speaker described rather than named, "A police spokeswoman said: “…”", goes on the same way.)
    const from = last !== undefined && last.speakerText !== undefined && (last.byVerb || last.speaker === undefined) ? last : introducer(full, bases[pi - 1] ?? 0, paragraphs[pi - 1] ?? '', spans[pi - 1] ?? []);
    if (from === undefined) continue;
    // (Who else the paragraph names before the speaker, "Bluejay Nation had the same reaction when Ann Lee wrote:", takes no floor.)
    const tailStart = last !== undefined ? last.end : 'named' in from ? from.named : (bases[pi - 1] ?? 0);
    // "…,” she said" never continues someone the article calls "he".
    const pronoun = attributionPronoun(ctx.text, first.end);
    const theirs = from.speaker === undefined ? undefined : pronounOf.get(from.speaker);
    if (pronoun !== undefined && theirs !== undefined && pronoun !== theirs) continue;
    // (A reporter the words were told to is no other speaker: "…,” Dorsey told NBC10's Ann Lee. ¶ “…”" goes on as Dorsey's.)
    // (Nor is an owner in a description: "“…,” said Frank Graham, Ramarley’s father. ¶ “…”" goes on as Graham's.)
    const others = ctx.mentions.filter((m) => m.start >= tailStart && m.end <= base && ctx.types(m.key) === 'person' && m.key !== from.speaker && !inRelativeClause(ctx.text, tailStart, m.start) && !TOLD_TO_REPORTER_RE.test(ctx.text.slice(Math.max(tailStart, m.start - 60), m.start)) && !OWNER_RE.test(ctx.text.slice(m.end, m.end + 4)));
    if (others.length === 0) giveSpeaker(first, from);
  }
  ledeSpeaker(paragraphs, bases, full, spans, per);
  return per.flat().filter((q) => q.fragment !== true);
}

/**
 * An article that opens with quotes, as news ledes do, names their speaker
 * in the paragraph right after them: "“She's not a loose cannon. ¶ She's
 * very spiritual.” ¶ Kenneth Dorsey says the woman accused of …". Only
 * before any narrative (the lines before the quotes are a headline, a date
 * or an address: none ends a sentence), and only to quotes left without a
 * speaker.
 */
function ledeSpeaker(paragraphs: string[], bases: number[], ctx: Ctx, spans: Span[][], per: FoundQuote[][]): void {
  const first = paragraphs.findIndex((p, pi) => opensParagraph(p, spans[pi]?.[0]));
  if (first < 0 || paragraphs.slice(0, first).some((p) => /[.!?]["”’]?\s*$/u.test(p.trim()))) return;
  // The quote paragraphs, and the paragraphs a quote left open runs through.
  let next = first;
  while (next < paragraphs.length && (opensParagraph(paragraphs[next] ?? '', spans[next]?.[0]) || (spans[next]?.[0]?.open ?? 0) === -1 || (spans[next] ?? []).length === 0 && (spans[next - 1]?.at(-1)?.close ?? 0) >= (paragraphs[next - 1] ?? '').length)) next++;
  const after = paragraphs[next];
  if (after === undefined || next === first) return;
  const base = bases[next] ?? 0;
  // (Whatever the article's few cues typed the name as: it is who says.)
  const name = ctx.mentions.find((m) => m.start >= base && m.start <= base + LEDE_NAME_OFFSET && couldBePerson(ctx, m.key));
  if (name === undefined || ctx.text.slice(base, name.start).trim().split(/\s+/).filter(Boolean).length > 2 || !SPEAKS_AFTER_RE.test(ctx.text.slice(name.end, name.end + 40))) return;
  for (let pi = first; pi < next; pi++) for (const q of per[pi] ?? []) if (q.speakerText === undefined) giveSpeaker(q, { speaker: name.key, speakerText: name.text, byVerb: true });
}
/** Characters into the paragraph after a lede's quotes within which its speaker's name starts (after a title or two). */
const LEDE_NAME_OFFSET = 40;

/**
 * Where the line after `at` ends, when that line only attributes the quote that closed the paragraph before
 * ("“… ¶ Right now! ” ¶ Williams, a critic of NYPD policy, said before Kelly arrived."), as scraped text breaks lines;
 * else `at`. A line that reports something of its own after the verb ("Ann Lee said the city would rebuild") is none.
 */
function attributionLineEnd(text: string, at: number): number {
  const nl = /^[^\S\n]*\n(?:[^\S\n]*\n)?/.exec(text.slice(at, at + 8));
  if (nl === null) return at;
  const from = at + nl[0].length;
  const lineEnd = text.indexOf('\n', from);
  const line = text.slice(from, lineEnd < 0 ? text.length : lineEnd);
  return ATTRIBUTION_LINE_RE.test(line) ? from + line.length : at;
}

/** Whether the sentence a quote ends in goes on, after its closing mark, to a verb of speaking ("…,” said a diplomat"). */
function attributedAfter(text: string, end: number): boolean {
  // The closing mark with a comma before or after it ("…,” said" / "…”, said"): the sentence goes on.
  const m = /^\s*(,?)\s*[”"’»]\s*(,?)([^“”"«»\n]{0,80})/u.exec(text.slice(end));
  if (m === null || (m[1] === '' && m[2] === '')) return false;
  const rest = m[3] ?? '';
  const stop = rest.search(/[.!?](?:\s|$)/);
  const clause = stop >= 0 ? rest.slice(0, stop) : rest;
  // "…,” he said": a person's pronoun stands for whoever the paragraphs before introduced; let them say who.
  if (attributionPronoun(text, end) !== undefined) return false;
  return ATTRIBUTION_VERB_RE.test(clause);
}

/** The pronoun of an attribution right after a quote ("…,” she said" / "…,” said he"), if that is what follows it. */
function attributionPronoun(text: string, end: number): 'he' | 'she' | undefined {
  const m = /^\s*,?\s*[”"’»]\s*,?\s*(?:(he|she)\s+\p{Ll}+|\p{Ll}+\s+(he|she)\b)/iu.exec(text.slice(end, end + 40));
  const p = (m?.[1] ?? m?.[2])?.toLowerCase();
  return p === 'he' || p === 'she' ? p : undefined;
}

/**
 * Whether a name after a quote stands in a relative clause of the quote's own
 * attribution ("…,” said Hansbrough, who sat beside coach Roy Williams."): it
 * describes the speaker's scene and is not someone else taking the floor.
 */
function inRelativeClause(text: string, from: number, at: number): boolean {
  const between = text.slice(from, at);
  // (Or a participle's: "…,” Mr. Blacks said, standing by a memorial for Mr. Gray.)
  const clause = between.search(/,\s+(?:who|which|whose|where|\p{Ll}{2,}ing)\s/u);
  if (clause < 0) return false;
  // (A stop the sentence splitter reads as none, "for Mr. Gray", ends no sentence.)
  for (const m of between.slice(clause).matchAll(/[.!?]["”’]?(?=\s)/gu)) {
    const end = from + clause + (m.index ?? 0) + m[0].length;
    if (!falseBoundary(text.slice(0, end), text.slice(end))) return false;
  }
  return true;
}

function giveSpeaker(to: FoundQuote, from: { speaker?: string; speakerText?: string; byVerb: boolean }): void {
  to.inferred = true;
  if (from.speaker !== undefined) to.speaker = from.speaker;
  else delete to.speaker;
  if (from.speakerText !== undefined) to.speakerText = from.speakerText;
  to.byVerb = from.byVerb;
}

/** The paragraph starts with this span's opening mark. */
function opensParagraph(paragraph: string, span: Span | undefined): boolean {
  return span !== undefined && span.open >= 0 && paragraph.slice(0, span.open).trim() === '';
}

/**
 * The person a quote-free paragraph introduces as speaking in its last
 * sentence ("Speaking to reporters, Ann Lee said the work would go on."):
 * the one right before the verb of speaking.
 */
function introducer(ctx: Ctx, base: number, paragraph: string, spans: Span[]): { speaker?: string; speakerText?: string; byVerb: boolean; named: number } | undefined {
  // A paragraph with quotes of its own introduces none (a scare quote inside it, "what's called “active shooter”
  // training:", is no quote).
  if (spans.some((sp) => sp.open === -1 || !tooFewWords(quotedText(paragraph.slice(sp.open + 1, sp.close))))) return undefined;
  const end = base + paragraph.length;
  const start = sentenceStart(ctx.text, Math.max(base, end - 1));
  const named = ctx.mentions.filter((m) => m.start >= start && m.end <= end && ctx.types(m.key) !== 'place');
  // "Ann Lee sent out the following message on Twitter: ¶ “…”": a sentence that ends in a colon introduces what
  // follows, and the name that opens it, its subject, says it, whatever the verb.
  // (An owner opens no sentence as its subject: "The UN's Mr Gunness disagreed:" is Gunness's.)
  const opener = named.find((m) => !OWNER_RE.test(ctx.text.slice(m.end, m.end + 4)));
  if (/:\s*$/.test(paragraph) && opener !== undefined) {
    if (/^(?:the\s+)?$/i.test(ctx.text.slice(start, opener.start).replace(/^(?:the\s+)?\S+\s?['’]\s?s\s+/iu, '').trim())) return { speaker: opener.key, speakerText: opener.text, byVerb: true, named: opener.end };
    // Or the name right before the verb of sending or writing ("… when, shortly before 2 p.m., Ann Lee sent out the
    // following message:"), or before any verb in the past ("Speaking after the inquiry, Mr Gunness denied it:"), the
    // last such name; or, where a pronoun sends it ("Tom Fry from Acme was the envy of his followers as he
    // tweeted:"), the person the sentence names first, its subject.
    const sender = named.findLast((m) => SENDS_AFTER_RE.test(ctx.text.slice(m.end, m.end + 40)) || PAST_VERB_AFTER_RE.test(ctx.text.slice(m.end, m.end + 30)));
    if (sender !== undefined) return { speaker: sender.key, speakerText: sender.text, byVerb: true, named: sender.end };
    const person = named.find((m) => ctx.types(m.key) === 'person');
    const pronoun = PRONOUN_SENDS_RE.exec(ctx.text.slice(start, end))?.[1]?.toLowerCase();
    if (person !== undefined && pronoun !== undefined && (ctx.pronounOf.get(person.key) ?? pronoun) === pronoun) return { speaker: person.key, speakerText: person.text, byVerb: true, named: person.end };
  }
  // "The commissioner says he has trained many officers: ¶ “…”": a title that opens the sentence and speaks is the
  // person the article named with that title before ("Commissioner Ramsey").
  const title = /:\s*$/.test(paragraph) && named.length === 0 ? TITLE_SPEAKS_RE.exec(ctx.text.slice(start, end))?.[1] : undefined;
  const titled = title === undefined ? undefined : titledPerson(ctx, start, title);
  if (titled !== undefined) return { speaker: titled.key, speakerText: titled.text, byVerb: true, named: start };
  if (!INTRODUCES.test(ctx.text.slice(start, end))) return undefined;
  // Whoever stands right before the verb of speaking speaks, whatever the article's few cues typed them as; a name
  // elsewhere in the sentence may be what was said of ("A Kraft representative confirmed Hiller is in custody").
  // (Or with an apposition between them: "Ann Lee, a voter in the capital, said: ¶ “…”".)
  const talker = named.find((m) => SPEAKS_AFTER_RE.test(ctx.text.slice(m.end, m.end + 40)) || SPEAKS_AFTER_APPOSITION_RE.test(ctx.text.slice(m.end, m.end + 120)));
  if (talker !== undefined) return { speaker: talker.key, speakerText: talker.text, byVerb: true, named: talker.end };
  // "He explained that companies can pay dividends. ¶ “…”": a pronoun that speaks stands for whom the sentences
  // before are about, as after a quote.
  const pronoun = PRONOUN_SPEAKS_RE.exec(ctx.text.slice(start, end))?.[1]?.toLowerCase();
  if (pronoun === undefined) return undefined;
  const before = lastSubject(ctx, start, PRONOUN_CHAIN);
  if (before === undefined || (ctx.pronounOf.get(before.key) ?? pronoun) !== pronoun) return undefined;
  return { speaker: before.key, speakerText: before.text, byVerb: true, named: start };
}

const VERBS = [...SPEECH_VERBS].join('|');
/** A sentence that opens with "the" and a title noun, right before a verb of saying ("The commissioner says …"). */
const TITLE_SPEAKS_RE = new RegExp(`^\\s*[Tt]he\\s+(\\p{Ll}{3,})\\s+(?:${VERBS})\\b`, 'u');
/** Characters before a sentence within which the person its title stands for is looked for. */
const TITLED_REACH = 1500;

/**
 * The person the article named last, before `before`, with the title right
 * before the name ("Commissioner Ramsey", "Police commissioner Charles
 * Ramsey"): whom "the commissioner" stands for. None when it named two
 * people so.
 */
function titledPerson(ctx: Ctx, before: number, title: string): Found | undefined {
  const titledBefore = new RegExp(`\\b${title}\\s+$`, 'iu');
  const titled = ctx.mentions.filter((m) => m.end <= before && m.start >= before - TITLED_REACH && ctx.types(m.key) === 'person' && !ctx.quoted(m.start) && titledBefore.test(ctx.text.slice(Math.max(0, m.start - title.length - 2), m.start)));
  return new Set(titled.map((m) => m.key)).size === 1 ? titled.at(-1) : undefined;
}
/** A comma, a capitalised name, perhaps an apposition between commas, and a verb of saying that ends the paragraph. */
const UNCLOSED_ATTRIBUTION_RE = new RegExp(`,\\s+(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}\\p{Lu}[\\p{L}'’-]+(?:,\\s+[^,“”"«»]{1,120},)?\\s+(?:${VERBS})\\s*[.!]?\\s*$`, 'u');
const VERB_RE = new RegExp(`\\b(${VERBS})\\b`, 'gi');
/** Any verb of speaking, tested without state. */
const ATTRIBUTION_VERB_RE = new RegExp(`\\b(?:${VERBS})\\b`, 'i');
/** The verbs that say who said something (not "reported", "chanted"): after a bare noun, before a repeated pronoun. */
const SAYING = 'said|says|told|tells|added|adds|stated|wrote|announced|confirmed|explained';
/** Prepositions of time or place after a subject ("said the coach after the game"; not "of": "the head of UNRWA"). */
const SETTING_WORDS = 'on|at|during|before|after|ahead\\s+of|following|while';
/** Auxiliaries: a phrase ending in one, or a word that is one, is a clause, not a noun phrase. */
const AUXILIARIES = 'has|have|had|is|was|are|were|will|would|can|could|did|does';
/** "Lee’s rep", "Davis ’ s sister": a possessive and the lower-case words that follow it. */
const OWNER_AFTER_RE = /^\s*[’']\s?s?\s+(\p{Ll}+(?:\s+\p{Ll}+)?)/u;
const SAYING_RE = new RegExp(`^(?:${SAYING})$`, 'i');
/** The last comma of a sentence, a subject and a verb of saying that ends it: ", the report said.", ", police said." */
const CLOSING_ATTRIBUTION_RE = new RegExp(`,\\s+([^,;“”"«»]{2,50}?)\\s+(?:${SAYING})\\s*[.!]?\\s*$`, 'u');
/** A subject, a verb of saying, and nothing after it but when or where it was said ("said earlier that …" reports). */
const ATTRIBUTION_LINE_RE = new RegExp(`^[^“”"«»‘’]{1,90}?\\s(?:\\p{Ll}+ly\\s+)?(?:${SAYING}|continued|continues)(?:\\s*[.!?]\\s*$|\\s+(?:${SETTING_WORDS}|as|when|in|later|earlier|yesterday|today|tonight|last|this|outside|inside)\\b(?![^“”"«»]*\\bthat\\b)[^“”"«»]*$)`, 'u');
const ENDS_IN_AUXILIARY_RE = new RegExp(`\\b(?:${AUXILIARIES})$`);
/** "…”, Putin remarked" / "…”, he added" / "…,” the Kremlin chief replied". */
const SUBJECT_VERB_RE = new RegExp(`^\\s*[,.]?\\s*([^“”"«»]{1,70}?)\\s+(?:\\p{Ll}+ly\\s+)?(${VERBS})\\b`, 'iu');
/**
 * A subject, an apposition between commas, and the verb: "Ann Lee, director of …, said" / "the mayor, Ann Lee, said".
 * The subject opens with a capital or an article ("while Tom Fry, …, said" is another clause's), and neither part
 * runs past a paragraph.
 */
const APPOSED_SUBJECT_RE = new RegExp(`^[^\\S\\n]*[,.]?[^\\S\\n]*((?:\\p{Lu}|(?:the|a|an|one|another)\\s)[^,“”"«»\\n]{0,60}?),\\s+([^,;“”"«»\\n]{1,120}?),\\s+(?:\\p{Ll}+ly\\s+)?(?:${VERBS})\\b`, 'ud');
/** What may stand before the name in an apposition that names the subject: nothing, or title words ("regional official "). */
const TITLE_THEN_NAME = /^(?:(?:the|a|an)\s+)?(?:(?!(?:of|for|with|to|at|from|by|on|in|and)\s)[\p{Ll}-]+\s+){0,3}$/u;
/** A preposition before a name: the name says whose or for whom ("a spokesman for Governor Tom Fry"), not who. */
const PREPOSITION_RE = /\b(?:of|for|with|to|at|from|by|on|in)\s/i;
/** A subject longer than this is a clause, not a name. */
const MAX_SUBJECT_WORDS = 8;

/** `spans`: the paragraph's quoteSpans, when the caller has them already. */
export function findQuotes(paragraph: string, base: number, ctx: Ctx, spans: Span[] = quoteSpans(paragraph)): FoundQuote[] {
  const out: FoundQuote[] = [];
  spans.forEach((sp, k) => {
    const inner = paragraph.slice(sp.open + 1, sp.close);
    const textTrim = quotedText(inner);
    const words = textTrim.split(/\s+/);
    // (Words too few to be a statement still tell, by their attribution, whose the quote they close or the one after
    // them is: "Right now! ”", "“Yeah, definitely,” he said. ¶ “The one record we want …”".)
    const fragment = tooFewWords(textTrim);
    const start = base + sp.open + 1 + (inner.length - inner.trimStart().length);
    const end = start + textTrim.length;
    // (Only such words as close a quote, end in their own attribution or open a quote that runs on past the
    // paragraph ("Lee said: “Yes. ¶ It was a short list.”"): a scare quote inside a sentence, "an “earwitness”
    // heard a cop yell", lends its neighbour no speaker.)
    const runsOn = sp.close >= paragraph.length;
    if (fragment && sp.open !== -1 && !runsOn && !attributedAfter(ctx.text, end) && attributionPronoun(ctx.text, end) === undefined) return;
    // "The Big Lebowski", "Operation Sindoor": a quoted title, not words someone said. ("Yes." opening a quote that
    // runs on is a fragment kept for its attribution, never shown.)
    if (!(runsOn && fragment) && words.length <= MAX_TITLE_WORDS && words.every((w) => /^[\p{Lu}\d]/u.test(w) || MINOR.has(w))) return;
    const q: FoundQuote = { text: textTrim, sentence: ctx.sentenceAt(start), start, end, byVerb: false };
    if (fragment) q.fragment = true;
    const prevEnd = k > 0 ? base + (spans[k - 1]?.close ?? 0) + 1 : base;
    // (The last quote of a paragraph that its close ends may have its attribution on the next line.)
    const nextOpen = k + 1 < spans.length ? base + (spans[k + 1]?.open ?? paragraph.length) : paragraph.slice(sp.close + 1).trim() === '' ? attributionLineEnd(ctx.text, base + paragraph.length) : base + paragraph.length;
    let sp2 = speaker(ctx, base + sp.open, base + sp.close + 1, prevEnd, nextOpen);
    // A quote that only continues the previous one ("“…,” X said. “…”") keeps its speaker.
    const prev = out[out.length - 1];
    if (sp2 === undefined && prev?.speakerText !== undefined) {
      // The people named between the two quotes: looked for only when a speaker is still wanted.
      const between = ctx.mentions.filter((m) => m.start >= prevEnd && m.end <= base + sp.open && couldBePerson(ctx, m.key));
      if (between.length === 0 || between[0]?.key === prev.speaker) {
        sp2 = { text: prev.speakerText, byVerb: prev.byVerb, inferred: true };
        if (prev.speaker !== undefined) sp2.key = prev.speaker;
      }
    }
    if (sp2 !== undefined) {
      // "“…,” the letter read": written words are their writer's, where the article named who wrote them.
      const writer = sp2.key === undefined ? documentWriter(ctx, base + sp.open, sp2.text) : undefined;
      if (writer !== undefined) sp2 = { ...sp2, key: writer.key, text: writer.text, byVerb: true };
      if (sp2.key !== undefined) q.speaker = sp2.key;
      else sp2.text = namedDescription(ctx.text, base + sp.open, sp2.text);
      q.speakerText = sp2.text;
      q.byVerb = sp2.byVerb;
      if (sp2.inferred === true) q.inferred = true;
    }
    out.push(q);
  });
  return out;
}

interface Who {
  /** Undefined when the speaker is described, not named ("Reid's rep"). */
  key?: string;
  text: string;
  byVerb: boolean;
  inferred?: boolean;
}

function speaker(ctx: Ctx, qs: number, qe: number, prevEnd: number, nextOpen: number): Who | undefined {
  const { text } = ctx;
  // After: up to the end of the sentence or the next quote.
  const tailEnd = Math.min(nextOpen, qe + ATTRIBUTION_WINDOW, sentenceEnd(text, qe));
  const tail = text.slice(qe, tailEnd);
  const verbFirst = /^\s*[,.]?\s*(\p{Ll}+)\s+/u.exec(tail);
  if (verbFirst !== null && SPEECH_VERBS.has((verbFirst[1] ?? '').toLowerCase())) {
    const after = qe + verbFirst[0].length;
    // "…,” said Hansbrough, who sat beside coach Roy Williams": the name right after the verb speaks, however the
    // article's few cues typed it (a place excepted), not a person named further on.
    // Only a name complete in itself: not an employer or a title before the name ("said WCCO TV Managing Editor Ann
    // Lee", "said Acme security expert Ann Lee"), nor an owner ("said Lee's attorney").
    const next = ctx.mentions.find((m) => m.start === after);
    if (next !== undefined && ctx.types(next.key) !== 'place' && !ctx.quoted(next.start) && endsName(text, next.end)) return { key: next.key, text: next.text, byVerb: true };
    // "…,” said the 29-year-old on the eve of the South African Open": who speaks is named before the words that set
    // when or where they spoke, not inside them.
    // "…,” says a source close to the talks, because Ann Lee …": a comma before a clause of its own ends who speaks.
    const subjectEnd = clauseAfterComma(text, after, settingAt(text, after, Math.min(tailEnd, after + 60)));
    const who = subjectAt(ctx, after, subjectEnd, 'first') ?? described(describedHead(/^\s*([^,.;]+)/.exec(text.slice(after, subjectEnd))?.[1]));
    if (who !== undefined) return who;
  }
  // "“…,” the Daily News quoted witness Ann Lee as saying": the one quoted speaks, not who quotes them.
  const quotedAfter = /quot(?:ed|ing)\s+(.+?)\s+as\s+saying/i.exec(tail);
  if (quotedAfter !== null) {
    const s = qe + (quotedAfter.index ?? 0);
    const who = subjectAt(ctx, s, s + quotedAfter[0].length, 'first');
    if (who !== undefined) return who;
  }
  // "“…,” Ann Lee, director of the Freedom Foundation for Human Rights, said": the name before an apposition speaks,
  // however long the apposition.
  const apposed = APPOSED_SUBJECT_RE.exec(tail);
  if (apposed !== null && !ATTRIBUTION_VERB_RE.test(apposed[1] ?? '') && (apposed[1] ?? '').split(/\s+/).length <= MAX_SUBJECT_WORDS) {
    // The subject is a name when it ends in one: "Ann Lee", "City Councilman Tom Hale" (not "Tom Fry's lawyer", "a
    // spokesman for Governor Tom Fry": whose, or for whom, is not who).
    const [from, to] = (apposed.indices?.[1] ?? [0, 0]).map((x) => qe + x) as [number, number];
    const named = ctx.mentions.find((x) => x.start >= from && x.end === to && couldBePerson(ctx, x.key) && !PREPOSITION_RE.test(ctx.text.slice(from, x.start)));
    if (named !== undefined) return { key: named.key, text: named.text, byVerb: true };
    // "“…,” the candidate, regional official Ann Lee, said": an apposition that is a title and a name is who the
    // description is ("Tom Fry's lawyer, Ann Lee,"); not one that names someone else ("a friend of Ann Lee").
    const [aFrom, aTo] = (apposed.indices?.[2] ?? [0, 0]).map((x) => qe + x) as [number, number];
    const name = ctx.mentions.find((x) => x.start >= aFrom && x.end === aTo && couldBePerson(ctx, x.key) && TITLE_THEN_NAME.test(ctx.text.slice(aFrom, x.start)));
    if (name !== undefined) return { key: name.key, text: name.text, byVerb: true };
    // "“…,” the coach, who spoke to Ann Lee, said": a described speaker, not the person the apposition names.
    const unnamed = described(apposed[1]);
    if (unnamed !== undefined) return unnamed;
  }

  const m = SUBJECT_VERB_RE.exec(tail);
  if (m !== null && (m[1] ?? '').split(/\s+/).length <= MAX_SUBJECT_WORDS) {
    // "“…,” Willoughby's letter continued": what a person wrote is theirs.
    const writer = writerOf(ctx, qe, m[1] ?? '');
    if (writer !== undefined) return writer;
    // "…,” a spokesman for Tom Hale said": the spokesman speaks, not the one he speaks for.
    if (ON_BEHALF_RE.test((m[1] ?? '').trim())) return described(m[1]);
    // "“…,” Captain Ann Lee, Chief Public Relations Officer, Defence, said": a name that ends the words before the first
    // comma is the subject; the commas after it set off what describes them, however many.
    const lead = leadingName(ctx, qe + m[0].indexOf(m[1] ?? ''), m[1] ?? '');
    if (lead !== undefined) return lead;
    const who = subjectAt(ctx, qe, qe + m[0].length - (m[2] ?? '').length, 'last');
    if (who !== undefined) return who;
    // “…,” Williams wrote: a name that is the whole subject of the verb speaks, whatever the article typed it as.
    const subject = (m[1] ?? '').trim();
    const whole = ctx.mentions.find((x) => x.start >= qe && x.text === subject);
    if (whole !== undefined) return { key: whole.key, text: whole.text, byVerb: true };
    // “…,” King said: a surname the name-finder took for a title, after the full name ("Billy King") was given.
    const named = surnameOf(ctx, subject, qe);
    if (named !== undefined) return { key: named.key, text: subject, byVerb: true };
    const unnamed = described(m[1]);
    if (unnamed !== undefined) return unnamed;
    // “…,” police said: a body named by a bare common noun ("police", "officials", "witnesses") speaks as such.
    // (Only with a verb of saying: "…,” witnesses reported" tells who saw it, not who said it.)
    if (/^\p{Ll}{3,}$/u.test(subject) && !PRONOUNS.has(subject) && !ATTRIBUTION_VERB_RE.test(subject) && SAYING_RE.test(m[2] ?? '')) return { text: subject, byVerb: false };
  }
  // "… acting “contrary to principles of ethical conduct” in the matter, the report said.": an attribution that closes
  // the sentence after its last comma covers a quote inside the sentence.
  const closing = CLOSING_ATTRIBUTION_RE.exec(tail);
  if (closing !== null && !/[\n.!?]/.test(tail.slice(0, closing.index).replace(/^\s*[,.]?\s*[”"’»]/u, ''))) {
    const subject = closing[1] ?? '';
    const from = qe + closing.index + closing[0].indexOf(subject);
    const who = subjectAt(ctx, from, from + subject.length, 'last') ?? described(subject) ?? (/^\p{Ll}{3,}$/u.test(subject) && !PRONOUNS.has(subject) ? { text: subject, byVerb: false } : undefined);
    if (who !== undefined) return who;
  }
  // Before: from the previous quote (or sentence start) up to the opening mark.
  const headStart = Math.max(prevEnd, qs - ATTRIBUTION_WINDOW, sentenceStart(text, qs));
  const head = text.slice(headStart, qs);
  const quoted = /quot(?:ed|ing)\s+(.+?)\s+as\s+saying/i.exec(head);
  if (quoted !== null) {
    const s = headStart + (quoted.index ?? 0);
    const who = subjectAt(ctx, s, s + quoted[0].length, 'first');
    if (who !== undefined) return who;
  }
  // "Jenna Coleman revealed that she is “so excited” to welcome Peter Capaldi …, adding: “…”": a participle of saying
  // speaks for the sentence's subject, named first, not for the last name before it.
  if (PARTICIPLE_SAYING_RE.test(head)) {
    const who = subjectAt(ctx, sentenceStart(text, qs), qs, 'first');
    if (who?.key !== undefined && ctx.types(who.key) === 'person') return who;
  }
  // "After telling reporters that he would “never quit,” coach Tom Fry resigned": words said in a clause of saying that
  // opens the sentence are the main clause's subject's.
  const fronted = frontedSayer(ctx, qs, qe);
  if (fronted !== undefined) return fronted;
  let verbAt = -1;
  for (const m of allMatches(VERB_RE, head)) verbAt = headStart + (m.index ?? 0);
  if (verbAt >= 0 && reportedBy(ctx, verbAt, qs)) {
    const who = appositionSubject(ctx, headStart, verbAt) ?? subjectAt(ctx, headStart, verbAt, 'last') ?? described(text.slice(headStart, verbAt));
    if (who !== undefined) return who;
  }
  // "Mr. Kiir … rejected the accusations as “utterly baseless”", "what he called a “military invasion”": words put
  // in quotes as what someone called something, in the same sentence, are that person's.
  let namingAt = -1;
  for (const m of allMatches(NAMING_RE, head)) namingAt = headStart + (m.index ?? 0);
  if (namingAt >= 0 && !/[.!?]\s/.test(text.slice(namingAt, qs))) {
    const who = subjectAt(ctx, Math.max(sentenceStart(text, qs), namingAt - NAMING_SUBJECT_REACH), namingAt, 'last');
    if (who?.key !== undefined && ctx.types(who.key) === 'person') return who;
  }
  if (/:\s*$/.test(head)) {
    // "Showrunner, 51, adds that Malcolm Tucker will not cast a shadow: “…”": a name inside what a verb of speaking
    // reports ("that …") is not who speaks; the verb's subject is.
    const reports = verbAt >= 0 && /^\S+\s+that\b/i.test(text.slice(verbAt, qs));
    // "A witness told the Daily News: “…”": the description before the verb, when no one is named.
    const who = subjectAt(ctx, headStart, reports ? verbAt : qs, 'last', undefined, false) ?? (verbAt >= 0 ? described(text.slice(headStart, verbAt)) : undefined);
    if (who !== undefined) return who;
  }
  // "According to the NYPD's statement, the officers saw one ‘break away from the group’": the source the sentence
  // opens with, when nothing else in it speaks.
  const lead = ACCORDING_LEAD_RE.exec(text.slice(sentenceStart(text, qs), qs));
  if (lead !== null) {
    const s = sentenceStart(text, qs) + lead[0].indexOf(lead[1] as string);
    const who = subjectAt(ctx, s, s + (lead[1] as string).length, 'first') ?? described(lead[1]);
    if (who !== undefined) return who;
  }
  // "“…,” BBC One posted on Twitter": what a name put out on a platform is theirs, whatever the verb.
  const posted = POSTED_ON_RE.exec(tail);
  if (posted !== null) {
    const s = qe + posted[0].indexOf(posted[1] as string);
    // (An account's name the name-finder missed, "BBCOne", is still who posted.)
    return subjectAt(ctx, s, s + (posted[1] as string).length, 'last') ?? { text: (posted[1] as string).trim(), byVerb: false };
  }
  const acc = /according to\s+/i.exec(tail);
  if (acc !== null) {
    const s = qe + (acc.index ?? 0) + acc[0].length;
    const who = subjectAt(ctx, s, Math.min(tailEnd, s + 80), 'first');
    if (who !== undefined) return who;
  }
  return neighbourSpeaker(ctx, qs, qe, prevEnd, nextOpen);
}

/** A sentence that opens with its source: "According to the NYPD's statement, …". */
const ACCORDING_LEAD_RE = /^\s*according to\s+([^,;“”"«»]{2,60}),/iu;
/** An attribution by a platform: "“…,” BBC One posted on Twitter", "… wrote on its website". */
const POSTED_ON_RE = /^\s*[,.]?\s*(\p{Lu}[^,;“”"«»]{0,40}?)\s+(?:\p{Ll}+ly\s+)?\p{Ll}{3,}(?:ed|ote)\s+(?:on|via)\s+(?:Twitter|Facebook|Instagram|YouTube|X|its website|(?:his|her|their|its) (?:blog|website|page|account)|the website)\b/u;

/** A comma that opens a clause of its own (", because Ann Lee is …", ", and …"), not an apposition or a relative clause that may name the speaker ("the woman, who was identified as Juror No. 12"). */
const CLAUSE_AFTER_COMMA_RE = /,\s+(?:because|as|when|after|before|while|since|although|though|but|and|so)\b/u;

/** "says a source with knowledge of the discussions": a long description of who speaks stands by its head. */
function describedHead(subject: string | undefined): string | undefined {
  if (subject === undefined || subject.trim().split(/\s+/).length <= MAX_DESCRIPTION_WORDS) return subject;
  return /^(\s*(?:a|an|the|one|another)\s.+?)\s+(?:with|of|for|close to|familiar with|at|from)\s/iu.exec(subject)?.[1] ?? subject;
}

/** Where the words after a verb of saying stop naming its subject: at a comma that opens another clause, else `to`. */
function clauseAfterComma(text: string, from: number, to: number): number {
  const m = CLAUSE_AFTER_COMMA_RE.exec(text.slice(from, to));
  return m === null ? to : from + m.index;
}

/** Where the words that set when or where something was said begin ("on the eve of …", "at the scene"), or `to`. */
function settingAt(text: string, from: number, to: number): number {
  const m = SETTING_RE.exec(text.slice(from, to));
  return m === null ? to : from + m.index;
}
/** A preposition of time or place after a subject. */
const SETTING_RE = new RegExp(`\\s(?:${SETTING_WORDS})\\s`);

/** The person named right before the first comma of a subject that opens at `from` ("Captain Ann Lee, …"), if one is. */
function leadingName(ctx: Ctx, from: number, subject: string): Who | undefined {
  const comma = subject.indexOf(',');
  if (comma <= 0) return undefined;
  const end = from + subject.slice(0, comma).trimEnd().length;
  const named = ctx.mentions.find((x) => x.start >= from && x.end === end && couldBePerson(ctx, x.key) && !PREPOSITION_RE.test(ctx.text.slice(from, x.start)));
  return named === undefined ? undefined : { key: named.key, text: named.text, byVerb: true };
}

/** The person whose written words a subject names ("Willoughby's letter", "Ann Lee's statement"), if one is named so. */
function writerOf(ctx: Ctx, from: number, subject: string): Who | undefined {
  const owned = WRITTEN_BY_RE.exec(subject.trim());
  if (owned === null) return undefined;
  const name = owned[1] ?? '';
  const m = ctx.mentions.find((x) => x.start >= from && x.text === name && ctx.types(x.key) === 'person') ?? surnameOf(ctx, name, from);
  return m === undefined ? undefined : { key: m.key, text: m.text, byVerb: true };
}

/** A name's written words: "Willoughby's letter", "Ann Lee's statement". */
const WRITTEN_BY_RE = /^(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*?)['’]s?\s+(?:letter|statement|note|email|e-mail|memo|post|tweet|message|blog)$/u;

/** The person named in full before `pos` whose last name is the one capitalised word `word`. */
function surnameOf(ctx: Ctx, word: string, pos: number): Found | undefined {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return undefined;
  const tail = ` ${word.toLowerCase()}`;
  const people = ctx.mentions.filter((x) => x.end <= pos && x.key.endsWith(tail) && ctx.types(x.key) === 'person');
  return new Set(people.map((x) => x.key)).size === 1 ? people[0] : undefined;
}

/**
 * A speaker the attribution describes without naming ("…,” a local barber
 * told the paper / said a senior officer): the description, so no one
 * named nearby is taken for them.
 */
function described(subject: string | undefined): Who | undefined {
  // "said the company in a statement": where it was said is no part of who said it.
  const phrase = (subject?.trim() ?? '').replace(MEDIUM_RE, '');
  // "A statement from Waitrose", "a spokesman for Acme Corp": a document or a voice of someone named, as it stands.
  if (ON_BEHALF_RE.test(phrase) && !ATTRIBUTION_VERB_RE.test(phrase)) return { text: phrase, byVerb: false };
  if (!DESCRIPTION_RE.test(phrase) || phrase.split(/\s+/).length > MAX_DESCRIPTION_WORDS) return undefined;
  // A description names someone; it does not report them or act ("the official said", "The Marshals have" are clauses).
  if (ATTRIBUTION_VERB_RE.test(phrase) || ENDS_IN_AUXILIARY_RE.test(phrase)) return undefined;
  return { text: phrase, byVerb: false };
}
/**
 * "the report" as the article named it before, with the capitalised words
 * it gave it ("The NCAA report says …" → "the NCAA report"); the
 * description as it stands otherwise.
 */
function namedDescription(text: string, before: number, description: string): string {
  const noun = /^the\s+(\p{Ll}{3,})$/u.exec(description)?.[1];
  if (noun === undefined) return description;
  let found: string | undefined;
  for (const m of text.slice(Math.max(0, before - NAMED_DESCRIPTION_REACH), before).matchAll(new RegExp(`\\b(?:[Tt]he|[Aa]n?|[Ii]ts)\\s+((?:\\p{Lu}[\\p{L}.&'’-]*\\s+){1,3})${noun}\\b`, 'gu'))) found = m[1];
  return found === undefined ? description : `the ${found.trim()} ${noun}`;
}
/** Characters before a quote within which a description's fuller naming is looked for. */
const NAMED_DESCRIPTION_REACH = 1500;

/** Written words that speak for their writer: "the letter read", "the statement said". */
const DOCUMENT_NOUNS = new Set(['letter', 'statement', 'note', 'memo', 'email', 'e-mail', 'message', 'post', 'tweet', 'release', 'essay', 'column']);
/** Verbs of writing or putting out a document, between its writer and its noun ("wrote a heartfelt letter"). */
const WROTE_RE = /^\s*,?(?:[^.!?;“”"]{0,120},)?\s+(?:also\s+)?(?:wrote|writes|sent|penned|pens|issued|released|posted|signed|published)\s+(?:an?|the|his|her|their)\s+(?:[\p{Ll}-]+\s+){0,3}$/u;

/**
 * The writer of a document a quote is told by ("“…,” the letter read"):
 * the person or body the article said wrote it, before the quote ("Matthew
 * Willoughby, the school's principal, wrote a heartfelt letter …") or
 * whose it is ("Willoughby's letter"); none when it names two such.
 */
function documentWriter(ctx: Ctx, before: number, description: string): Found | undefined {
  const noun = /^the\s+(\p{Ll}[\p{Ll}-]+)$/u.exec(description.trim())?.[1];
  if (noun === undefined || !DOCUMENT_NOUNS.has(noun)) return undefined;
  const nounAt = new RegExp(`^\\s*(?:[\\p{Ll}-]+\\s+){0,3}?${noun}\\b`, 'u');
  const writers = ctx.mentions.filter((m) => {
    if (m.end > before || m.start < before - NAMED_DESCRIPTION_REACH || ctx.quoted(m.start) || (ctx.types(m.key) !== 'person' && ctx.types(m.key) !== 'organization')) return false;
    // (A name after a preposition writes nothing: "Ann Lee of Riverton High, wrote a letter".)
    if (/\b(?:of|at|from|for|with|by|in)\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, m.start - 12), m.start))) return false;
    const after = ctx.text.slice(m.end, m.end + 200);
    // "Willoughby's letter", or the name, its verb of writing and the noun ("wrote a heartfelt letter").
    // (An owner is no subject: "Gray's school principal, Ann Lee, wrote a letter" is Lee's.)
    if (/^\s?['’]\s?s\s/u.test(after)) return nounAt.test(after.replace(/^\s?['’]\s?s/u, ''));
    const upTo = after.search(new RegExp(`\\b${noun}\\b`, 'u'));
    return upTo > 0 && WROTE_RE.test(after.slice(0, upTo));
  });
  return new Set(writers.map((m) => m.key)).size === 1 ? writers.at(-1) : undefined;
}

/** A statement, release or spokesperson of a named body or person: "a statement from Waitrose", "the spokesman for Acme Corp". */
const ON_BEHALF_RE = /^(?:[Aa]|[Aa]n|[Tt]he)\s+(?:\p{Ll}+\s+)?(?:statement|release|letter|e-?mail|spokesman|spokeswoman|spokesperson|representative)\s+(?:from|by|for|of)\s+(?:the\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,4}$/u;
/** How words were put out, after who put them out ("the company in a statement", "the club in an email"). */
const MEDIUM_RE = /\s+(?:in|via|through)\s+(?:a|an|its|his|her|their)\s+(?:\p{Ll}+\s+)?(?:statement|email|e-mail|release|letter|post|tweet|message|interview)$/u;

/** An indefinite or definite noun phrase of lower-case words ("a local barber", "the officer", "one witness", "the 29-year-old"), up to three capitalised words or acronyms allowed first ("a Western diplomat", "the US software giant", "a Surrey Police spokeswoman"). */
const DESCRIPTION_RE = /^(?:[Aa]|[Aa]n|[Tt]he|[Oo]ne|[Aa]nother)\s+(?:\p{Lu}[\p{L}.]*\s+){0,3}(?:\d+-)?[\p{Ll}\s-]+$/u;
const MAX_DESCRIPTION_WORDS = 6;

/**
 * "Ken Isaacs, vice president of programs at Samaritan's Purse, told …": a
 * name set off by an apposition before the verb is its subject, whatever
 * the names inside the apposition are.
 */
function appositionSubject(ctx: Ctx, from: number, verbAt: number): Who | undefined {
  const first = ctx.mentions.find((m) => m.start >= from && m.end <= verbAt);
  if (first === undefined || ctx.quoted(first.start) || ctx.text.slice(from, first.start).trim() !== '') return undefined;
  // (An initial's stop ends no apposition: "Aleem Siddique, a U. N. spokesman, said".)
  if (!/^\s*,(?:(?<!\p{L})\p{Lu}\.|[^.;:“”"])*,\s*(?:\p{Ll}+ly\s+)?$/u.test(ctx.text.slice(first.end, verbAt))) return undefined;
  return { key: first.key, text: first.text, byVerb: true };
}

/**
 * Whether the speech verb at `verbAt` governs the quote at `qs`: close
 * enough ("X said he was “…”"), or further on in the clause it reports when
 * no one else is named on the way, who could be the one quoted ("Tim Mead
 * confirmed Sunday the team had withdrawn its offer and was “out of it”").
 */
function reportedBy(ctx: Ctx, verbAt: number, qs: number): boolean {
  const gap = ctx.text.slice(verbAt, qs).split(/\s+/).length;
  if (gap <= MAX_GAP_WORDS + 1) return true;
  if (gap > MAX_REPORTED_WORDS) return false;
  // "King said that when he broke the news to Tom Hale, “He asked why …”": a person named in a clause that only sets
  // the scene of the quote is no speaker of it.
  return SCENE_CLAUSE_RE.test(ctx.text.slice(verbAt, qs)) || !ctx.mentions.some((m) => m.start > verbAt && m.end <= qs && ctx.types(m.key) === 'person');
}
/** A verb of saying, "that", a clause of time or condition, and the comma that closes it before the quote. */
const SCENE_CLAUSE_RE = /^\p{L}+\s+(?:that\s+)?(?:when|after|before|as|once|while|if|until)\s[^“”"«».;:]+,\s*$/u;

/** Verbs that introduce a speaker's words in the sentence before them ("Mayor Ann Lee spoke to reporters."). */
const INTRODUCES = new RegExp(`\\b(?:${VERBS}|spoke|speaks|speaking|addressed|wrote in|put it)\\b`, 'i');

/**
 * A quote that is a sentence of its own, its speaker named in the sentence
 * before ("Mayor Ann Lee spoke to reporters on Monday. “We are looking into
 * it.”") or after ("“…” That was how Mayor Ann Lee put it."), with a verb
 * of speaking there. Only a person speaks this way.
 */
function neighbourSpeaker(ctx: Ctx, qs: number, qe: number, prevEnd: number, nextOpen: number): Who | undefined {
  const { text } = ctx;
  const start = sentenceStart(text, qs);
  // The quote opens its sentence and closes it.
  const closes = /[.!?…]\s*[”"’»]?$/.test(text.slice(qs, qe)) || /^\s*[.!?]/.test(text.slice(qe));
  if (text.slice(start, qs).trim() !== '' || !closes) return undefined;
  const person = (from: number, to: number): Found | undefined => ctx.mentions.find((m) => m.start >= from && m.end <= to && ctx.types(m.key) === 'person');
  const prevStart = start > 1 ? Math.max(prevEnd, sentenceStart(text, start - 1)) : start;
  if (prevStart < start && !text.slice(prevStart, start).includes('\n') && INTRODUCES.test(text.slice(prevStart, start))) {
    const p = person(prevStart, start);
    if (p !== undefined) return { key: p.key, text: p.text, byVerb: true, inferred: true };
  }
  const nextEnd = Math.min(nextOpen, sentenceEnd(text, qe + 2));
  const after = text.slice(qe, nextEnd);
  if (!after.slice(0, after.search(/\S/) + 2).includes('\n') && INTRODUCES.test(after)) {
    const p = person(qe, nextEnd);
    if (p !== undefined) return { key: p.key, text: p.text, byVerb: true, inferred: true };
  }
  return undefined;
}

/**
 * The speaker named in [from, to): a person mention if any (nearest to the
 * verb), else a pronoun or "the … <title>" resolved backwards, else any
 * named entity (an organisation can speak: "Kremlin: “…”").
 */
function subjectAt(ctx: Ctx, from: number, to: number, prefer: 'first' | 'last', segStart?: number, byVerb = true): Who | undefined {
  // Whom words were told to ("A witness told the Daily News: “…”") did not say them.
  // "The US software giant said": a name that only qualifies the noun after it is not who speaks; the noun phrase is.
  const all = ctx.mentions.filter((m) => m.start >= from && m.end <= to && !ADDRESSEE_THE_RE.test(ctx.text.slice(Math.max(0, m.start - 16), m.start)) && !qualifiesNoun(ctx.text, m, to));
  // "Ben Stephenson, controller of BBC Drama, said": a name after "of" or "at" describes the speaker.
  // "Acme Research analyst Ann Berg said": a name before a title and another name is whose the title is.
  const heads = all.filter((m) => !modifies(ctx.text, m.start) && !employs(ctx.text, m.end));
  const inside = heads.length > 0 ? heads : all;
  const people = inside.filter((m) => ctx.types(m.key) === 'person');
  const pick = (list: Found[]): Found | undefined => (prefer === 'first' ? list[0] : list[list.length - 1]);
  const p = pick(people);
  if (p !== undefined) {
    // "Reid's rep told Us": the speaker is the rep, whom the quote does not name.
    const owner = OWNER_AFTER_RE.exec(ctx.text.slice(p.end, to));
    if (owner !== null) return { text: `${p.text}’s ${owner[1]}`, byVerb: false };
    return { key: p.key, text: p.text, byVerb };
  }
  const seg = ctx.text.slice(segStart ?? from, to).toLowerCase();
  const words: string[] = seg.match(/\p{L}+/gu) ?? [];
  // "her rep", "his spokesman": someone described through another, not that other; a relative of the one the pronoun
  // stands for is shown as whose relative ("…,” her father said" after a sentence about Lohan: "Lohan’s father").
  if (/^(?:his|her|their|its)$/.test(words[0] ?? '') && words.length > 1) return ownedKin(ctx, from, words);
  if (words.some((w) => PRONOUNS.has(w))) {
    // "Nichols' mother expressed their sentiments. “…,” she said.": kin named by whose they are, of the pronoun's sex.
    const kin = ownedKinBefore(ctx, from, words.find((w) => w === 'he' || w === 'she'));
    if (kin !== undefined) return kin;
    const r = lastSubject(ctx, from, PRONOUN_CHAIN);
    // "Detective Dom Reyes said he asked how she felt. “…,” she said.": a "she" is not the one the article calls "he".
    const pronoun = words.find((w) => w === 'he' || w === 'she');
    const other = r === undefined ? undefined : ctx.pronounOf.get(r.key);
    if (r !== undefined && pronoun !== undefined && other !== undefined && other !== pronoun) return undefined;
    if (r !== undefined) return { key: r.key, text: r.text, byVerb, inferred: true };
  }
  // "the officer said": the last person named, if the article gave them that title somewhere.
  const title = words.includes('the') ? words.find((w) => TITLES.has(w)) : undefined;
  if (title !== undefined) {
    const r = lastSubject(ctx, from);
    if (r !== undefined && titledAs(ctx, r.key, title)) return { key: r.key, text: r.text, byVerb, inferred: true };
    // Otherwise the description is all the article gives of the speaker ("The manager said, …").
    const unnamed = described(ctx.text.slice(segStart ?? from, to).replace(/[,:]\s*$/, ''));
    if (unnamed !== undefined) return unnamed;
  }
  // An organisation can speak ("Kremlin: “…”"); a place cannot ("Gaza City" is where, not who), but what it owns can
  // ("according to Japan's coast guard").
  const owned = inside.map((m) => ({ m, owner: OWNER_AFTER_RE.exec(ctx.text.slice(m.end, to)) })).find((x) => x.owner !== null && ctx.types(x.m.key) === 'place');
  if (owned?.owner != null) return { text: `${owned.m.text}’s ${owned.owner[1]}`, byVerb: false };
  const speakers = inside.filter((m) => ctx.types(m.key) !== 'place');
  const any = pick(speakers);
  if (any !== undefined) return { key: any.key, text: any.text, byVerb: byVerb && speakers.length === 1 };
  return undefined;
}

/**
 * The person the nearest earlier sentence is about: of those it names, the
 * one right before a speech verb ("Putin told …") if any, else the first
 * (the subject, in English word order). `chain`: how many sentences that
 * open with a pronoun may be followed back (for a pronoun; a title names
 * no one there).
 */
function lastSubject(ctx: Ctx, pos: number, chain = 0): Found | undefined {
  // The nearest sentence of the narrative that names anyone or anything but a place: a pronoun stands for someone
  // named there or for no one the article names (a ship or a firm named last is no "he").
  const before = ctx.mentions.filter(
    (m) =>
      m.end <= pos &&
      !ctx.quoted(m.start) &&
      (ctx.types(m.key) !== 'place' || couldBePerson(ctx, m.key)) &&
      !ADDRESSEE_RE.test(ctx.text.slice(Math.max(0, m.start - 12), m.start)) &&
      !modifies(ctx.text, m.start) &&
      // "Abed Sultan's father": the owner is not who the sentence is about.
      !/^['’]s?\s/u.test(ctx.text.slice(m.end, m.end + 3)),
  );
  const last = before[before.length - 1];
  if (last === undefined) return undefined;
  // "He did not say what Reid was treated for. “…,” he said.": a sentence whose subject is already a pronoun names
  // the one it stands for nowhere; the names in it are what it speaks of. Its pronoun stands for whom the sentences
  // before it are about ("Capaldi said he … . He revealed he was filming in Prague. “…,” he said."), a few back at most.
  const opening = sentenceStart(ctx.text, last.start);
  if (/^\s*(?:he|she|they)\b/i.test(ctx.text.slice(opening, last.start))) return chain > 0 ? lastSubject(ctx, opening, chain - 1) : undefined;
  // People, and names of people the article's few cues left untyped ("Kim Jong Un" in an article that never titles him).
  const same = before.filter((m) => m.sentence === last.sentence && couldBePerson(ctx, m.key));
  const talker = same.find((m) => SPEAKS_AFTER_RE.test(ctx.text.slice(m.end, m.end + 40)) || SPEAKS_AFTER_APPOSITION_RE.test(ctx.text.slice(m.end, m.end + 120))) ?? surnameTalker(ctx, sentenceStart(ctx.text, last.start), pos);
  // The sentence's subject: a name its verb follows ("Capaldi described himself …"), else the first.
  const actor = same.find((m) => ACTS_AFTER_RE.test(ctx.text.slice(m.end, m.end + ACTS_WINDOW)));
  return talker ?? actor ?? same[0];
}

/** Kin a news sentence names by whose they are, by the pronoun that stands for them. */
const KIN_BY_PRONOUN: Record<'he' | 'she', string> = {
  she: 'mother|wife|sister|daughter|grandmother|aunt|widow|girlfriend|fiancee|niece',
  he: 'father|husband|brother|son|grandfather|uncle|widower|boyfriend|fiance|nephew',
};

/**
 * The speaker a "he" or "she" stands for when the sentence before the
 * quote's has for its subject a relative of someone named, of the pronoun's
 * sex ("Nichols' mother expressed their sentiments. “…,” she said."): shown as
 * the article calls them, "Nichols' mother".
 */
function ownedKinBefore(ctx: Ctx, pos: number, pronoun: string | undefined): Who | undefined {
  if (pronoun !== 'he' && pronoun !== 'she') return undefined;
  const here = sentenceStart(ctx.text, pos);
  if (here < 2) return undefined;
  const before = sentenceStart(ctx.text, here - 2);
  // (Opening the sentence, or its main clause after an opening one: "As she came in, Nichols' mother expressed …".)
  const m = new RegExp(`(?:^|,)\\s*((?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}\\p{Lu}[\\p{L}.-]*)\\s?['’]\\s?s?\\s+(${KIN_BY_PRONOUN[pronoun]})\\s+\\p{Ll}+(?:ed|s)\\b`, 'u').exec(ctx.text.slice(before, here));
  return m === null ? undefined : { text: `${m[1] as string}’s ${m[2] as string}`.replace(/s’s /u, 's’ '), byVerb: false };
}

/** Kin a possessive pronoun ties to someone: "her father", "his mother" (not a rep or a spokesman, whom the quote does not name). */
const OWNED_KIN_RE = new RegExp(`^(?:${KIN_BY_PRONOUN.she}|${KIN_BY_PRONOUN.he})$`);

/**
 * "…,” her father said": the person the pronoun stands for, by the rule a
 * "she said" follows back (the last person named before), only when the
 * article itself calls that person by that pronoun, and the relative as
 * whose they are. Two words only ("her father"), nothing when no one is found.
 */
function ownedKin(ctx: Ctx, from: number, words: string[]): Who | undefined {
  const [owner, kin] = words;
  if (words.length !== 2 || owner === undefined || kin === undefined || !OWNED_KIN_RE.test(kin) || owner === 'its' || owner === 'their') return undefined;
  const r = lastSubject(ctx, from, PRONOUN_CHAIN);
  if (r === undefined || !couldBePerson(ctx, r.key)) return undefined;
  // (Only someone the article itself calls by that pronoun: the last person named is as often a suspect or an officer.)
  const sex = owner === 'his' ? 'he' : 'she';
  if (ctx.pronounOf.get(r.key) !== sex) return undefined;
  return { text: `${r.text}’s ${kin}`.replace(/s’s /u, 's’ '), byVerb: false };
}

/** Sentences that open with a pronoun a pronoun is followed back through to a name. */
const PRONOUN_CHAIN = 2;

/**
 * "King said the area was lit …": a surname before a verb of speaking that
 * the name-finder took for a title, of the one person named in full with it
 * earlier ("Tishana King").
 */
function surnameTalker(ctx: Ctx, from: number, pos: number): Found | undefined {
  const end = Math.min(pos, sentenceEnd(ctx.text, from));
  for (const m of ctx.text.slice(from, end).matchAll(/\b\p{Lu}\p{Ll}+\b/gu)) {
    const at = from + (m.index ?? 0);
    if (ctx.quoted(at) || !SPEAKS_AFTER_RE.test(ctx.text.slice(at + m[0].length, at + m[0].length + 40))) continue;
    const named = surnameOf(ctx, m[0], at);
    if (named !== undefined) return named;
  }
  return undefined;
}

/**
 * Whether a pronoun may stand for a name the article's few cues typed
 * otherwise: a person, or an untyped name that acts somewhere in the
 * article ("McDermott now has …"), or a name written as a person's is
 * ("Kim Jong Un", "Ken Isaacs") that acts — never an organisation.
 */
function couldBePerson(ctx: Ctx, key: string): boolean {
  const type = ctx.types(key);
  // "INS Mysore", "USS Cole", "MV Gibe": a name led by an abbreviation is a vessel or a body, whatever its votes.
  if (ctx.acronymLed.has(key)) return false;
  if (type === 'person') return true;
  if (type === 'organization') return false;
  // "Hansbrough" beside "Tyler Hansbrough" and "Gene Hansbrough": the surname of people named in full is a person, one of them.
  if (!key.includes(' ') && ctx.surnames.has(key)) return true;
  return ctx.actors.has(key) && (type === 'other' || ctx.nameShaped.has(key));
}

/** A verb right after a name: the name is its subject. */
/** How far after a name its verb is looked for: past a relative clause that describes it ("Producer Ann Lee, who also wrote the show, is sure that …"). */
const ACTS_WINDOW = 120;
const ACTS_AFTER_RE = /^(?:,\s+who\b[^,.;:“”"]*,)?,?\s+(?:(?:now|also|then|still|just|later|\p{Ll}+ly)\s+)?(?:has|have|had|is|was|were|will|would|can|could|did|does|\p{Ll}{3,}ed|\p{Ll}{2,}s)\b/u;

/** Whether some mention of `key` has `title` within a few words of it ("Captain Ann Lee", "Ann Lee, the chief officer"). */
function titledAs(ctx: Ctx, key: string, title: string): boolean {
  const near = new RegExp(`\\b${title}\\b`, 'i');
  return ctx.mentions.some((m) => {
    if (m.key !== key) return false;
    // Within the mention's own sentence: "… a Rite Aid. The manager said" gives the store no manager's title.
    const before = ctx.text.slice(Math.max(0, m.start - TITLE_REACH), m.start).split(/[.!?]\s+|\n/).at(-1) ?? '';
    const after = ctx.text.slice(m.end, m.end + TITLE_REACH).split(/[.!?](?:\s|$)|\n/)[0] ?? '';
    return near.test(before) || near.test(after);
  });
}
/** How far (characters) around a name its title may stand. */
const TITLE_REACH = 40;

/** A preposition that makes the name after it part of a description ("controller of X", "analyst at Y"). */
const MODIFIER_BEFORE_RE = /\b(?:of|at|for|from)\s+(?:(?:the|a|an|his|her|their|its)\s+(?:\p{Ll}+\s+){0,3})?$/iu;
/** How far before a name the preposition that makes it a modifier may stand ("of a first female Doctor"). */
const MODIFIER_WINDOW = 40;

/** "Ann Lee, who …, said she": a name, then within its clause a verb of saying and the pronoun that repeats its subject. */
const SAID_PRONOUN_RE = new RegExp(`^[^.;!?“”"]{0,80}?\\b(?:${SAYING})\\s+(?:\\p{Ll}+\\s+)?(he|she)\\b`, 'u');
/** An honorific before a name. */
const HONORIFIC_RE = /\b(Mr|Mrs|Ms|Miss)\.?\s+$/;

/**
 * The pronoun an article uses for each person, where its text shows one and
 * only one: an honorific ("Mr. Hale", "Ms. Lee"), or the pronoun that repeats
 * the subject after a verb of saying ("Ann Lee said she would stay"). No
 * names list: only what the article itself writes.
 */
function pronouns(text: string, mentions: Found[]): Map<string, 'he' | 'she'> {
  const seen = new Map<string, Set<'he' | 'she'>>();
  const add = (key: string, p: 'he' | 'she'): void => {
    (seen.get(key) ?? seen.set(key, new Set()).get(key) ?? new Set()).add(p);
  };
  const owner = (o: Found): boolean => /^[’']/u.test(text.slice(o.end, o.end + 1));
  const byStart = [...mentions].sort((a, b) => a.start - b.start);
  byStart.forEach((m, i) => {
    // An owner ("Lee's lawyer said he") is not the subject.
    if (owner(m)) return;
    const honorific = HONORIFIC_RE.exec(text.slice(Math.max(0, m.start - 6), m.start))?.[1];
    if (honorific !== undefined) add(m.key, honorific === 'Mr' ? 'he' : 'she');
    const said = SAID_PRONOUN_RE.exec(text.slice(m.end, m.end + 120));
    if (said === null) return;
    // Only when no other name (but an owner: "at Lee's hearing") stands between the subject and its pronoun.
    const upTo = m.end + (said.index ?? 0) + said[0].length;
    for (let k = i + 1; k < byStart.length && (byStart[k]?.start ?? Infinity) < upTo; k++) if (!owner(byStart[k] as Found)) return;
    add(m.key, said[1] as 'he' | 'she');
  });
  const out = new Map<string, 'he' | 'she'>();
  for (const [k, ps] of seen) if (ps.size === 1) out.set(k, [...ps][0] as 'he' | 'she');
  return out;
}

/** One to three lower-case words, none an auxiliary, then the end or a verb of saying ("software giant said"). */
const NOUN_BEFORE_VERB_RE = new RegExp(`^(?:\\s+(?!(?:${AUXILIARIES}|also|then|still|now)\\b)\\p{Ll}[\\p{Ll}-]*){1,3}?(?=\\s*$|\\s+(?:\\p{Ll}+ly\\s+)?(?:${SAYING})\\b)`, 'u');

/** Whether a name stands between an article and the lower-case noun that ends the subject ("The US software giant"). */
function qualifiesNoun(text: string, m: Found, to: number): boolean {
  if (!/(?:^|\s)(?:[Tt]he|[Aa]n?)\s+$/.test(text.slice(Math.max(0, m.start - 5), m.start))) return false;
  const rest = text.slice(m.end, to);
  const noun = NOUN_BEFORE_VERB_RE.exec(rest);
  return noun !== null && noun[0].trim() !== '';
}

/** A lower-case title right after a name (a word or two of its kind before it), then another name ("Acme Research analyst Ann Berg", "McAfee security expert Ann Berg"). */
const TITLE_THEN_NAME_RE = /^\s+(?:\p{Ll}+\s+){0,2}?(\p{Ll}+)\s+\p{Lu}/u;

/** Whether the name ending at `end` is the employer in "<name> <title> <Name>": the title, and the name after it, are someone else's. */
function employs(text: string, end: number): boolean {
  const m = TITLE_THEN_NAME_RE.exec(text.slice(end, end + 40));
  return m !== null && TITLES.has(m[1] ?? '');
}

/** Whether what follows a name ends it: a mark, the end, or a lower-case word that is not an employer's title; not a possessive. */
function endsName(text: string, end: number): boolean {
  const after = text.slice(end, end + 40);
  if (/^[’']/u.test(after)) return false;
  return /^(?:[,.;:!?]|\s*$|\s+\p{Ll})/u.test(after) && !employs(text, end);
}

/**
 * Whether the name at `start` describes another noun rather than standing for
 * someone: after "of", "at", "for" or "from", with the noun phrase it opens
 * ("head of BBC Drama", "an attorney for the Gray family", "the hope of a
 * first female Doctor").
 */
function modifies(text: string, start: number): boolean {
  return MODIFIER_BEFORE_RE.test(text.slice(Math.max(0, start - MODIFIER_WINDOW), start));
}

/** Whom words were said to ("she told Us Weekly", "speaking to Ann Lee") is not who said them. */
const ADDRESSEE_RE = /\b(?:told|tells|telling|to|asked)\s+$/i;
/** The same with an article ("told the Daily News"): only after a verb of telling, as "to the" often names a place. */
const ADDRESSEE_THE_RE = /\b(?:told|tells|telling|asked)\s+(?:the\s+)?$/i;
/**
 * A reporter words were told to, named with the outlet they work for: "told NBC10's ", "told the Daily News' ", its
 * mark spaced as scraped text spaces it ("told the Los Angeles Times ' Big Picture blog"). (Not
 * "asked Ann Lee": who is asked answers; not a bare "told Ann Lee", who may answer too.)
 */
const TOLD_TO_REPORTER_RE = /\b(?:told|tells|telling)\s+(?:the\s+)?(?:\p{Lu}[\p{L}\d.&-]*\s+){0,3}?\p{Lu}[\p{L}\d.&-]*\s?['’](?:\s?s)?\s+(?:\p{Ll}+\s+)?$/u;

/** Participles of saying, whose words are their subject's. */
const SAYING_PARTICIPLES = 'adding|saying|noting|explaining|insisting|warning|stressing|declaring|claiming|vowing|promising|admitting|denying|writing|announcing|stating|arguing';
/** A participle of saying after a comma that ends the words before a quote: ", adding: “…”", ", saying “…”". */
const PARTICIPLE_SAYING_RE = new RegExp(String.raw`,\s+(?:${SAYING_PARTICIPLES})(?:\s+that)?\s*:?\s*$`, 'iu');
/** A sentence that opens with a clause of saying, up to the quote: "After telling People in October that she didn't ". */
const FRONTED_SAYING_RE = new RegExp(String.raw`^\s*(?:After|Before|While|Since|Despite|Upon|On)\s+(?:\p{Ll}+ly\s+)?(?:telling|${SAYING_PARTICIPLES})\b[^,;:.!?“”"«»]*$`, 'u');
/** Characters after the quote within which the main clause names its subject. */
const MAIN_SUBJECT_REACH = 100;

/** A past form, which the tagger may read as a noun ("officers chased"): no word before a subject's name. */
const PAST_FORM_RE = /\b\p{Ll}{2,}ed\b/u;
/** Tags of the words that may open a main clause before its subject's name: "the", "“American Pie” actress and former travel reporter". */
const SUBJECT_LEAD_TAGS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'CCONJ', 'PUNCT', 'NUM']);

/**
 * The speaker of a quote inside a clause of saying that opens the sentence
 * ("After telling People that she didn't “need to do any of that,” actress
 * Ann Lee checked into a clinic"): the person whose name opens the main
 * clause right after the quote, which closes the opening clause. Not when
 * the opening clause reports someone else's words ("After telling reporters
 * that Ann Lee had called him “a liar,” …"), nor a name the main clause
 * reaches through a verb or a preposition ("officers chased Tom Fry",
 * "supporters of Tom Fry stormed …").
 */
function frontedSayer(ctx: Ctx, qs: number, qe: number): Who | undefined {
  const start = sentenceStart(ctx.text, qs);
  const opening = ctx.text.slice(start, qs);
  if (!FRONTED_SAYING_RE.test(opening)) return undefined;
  // The quote closes the opening clause: "…,”" or "…”,".
  if (!/,\s*[”"’»]?\s*$/u.test(ctx.text.slice(qs, qe)) && !/^\s*,/u.test(ctx.text.slice(qe))) return undefined;
  const that = /\bthat\b/u.exec(opening);
  if (that !== null && (NAMING_WORDS_RE.test(opening.slice(that.index)) || ctx.mentions.some((m) => m.start >= start + that.index && m.end <= qs && couldBePerson(ctx, m.key)))) return undefined;
  // (To the sentence's end, past a quoted title in the subject: "“American Pie” actress Ann Lee".)
  const end = Math.min(sentenceEnd(ctx.text, qe), qe + MAIN_SUBJECT_REACH);
  const subject = ctx.mentions.find((m) => m.start >= qe && m.end <= end && !ctx.quoted(m.start) && ctx.types(m.key) === 'person');
  if (subject === undefined || !ctx.tags(qe, subject.start).every((t) => SUBJECT_LEAD_TAGS.has(t)) || PAST_FORM_RE.test(ctx.text.slice(qe, subject.start)) || !ACTS_AFTER_RE.test(ctx.text.slice(subject.end, subject.end + ACTS_WINDOW))) return undefined;
  return { key: subject.key, text: subject.text, byVerb: true };
}

/** Verbs that name or judge something, whose words for it are often quoted ("called it “a disgrace”", "rejected … as “baseless”"). */
const NAMING_WORDS = String.raw`called|calls|described|describes|dismissed|dismisses|rejected|rejects|branded|brands|labell?ed|termed|denounced|condemned|condemns`;
/** The same, and verbs of saying: a clause of saying that reports such words reports another's. */
const NAMING_WORDS_RE = new RegExp(`\\b(?:${NAMING_WORDS}|${VERBS})\\b`, 'iu');
const NAMING_RE = new RegExp(`\\b(?:${NAMING_WORDS})\\b`, 'giu');
/** Characters before such a verb within which its subject is looked for. */
const NAMING_SUBJECT_REACH = 200;
/** A verb in the past right after a name ("Mr Gunness denied", "Ann Lee disagreed"), an adverb allowed between. */
const PAST_VERB_AFTER_RE = /^(?:\s+\p{Ll}+ly)?\s+\p{Ll}{3,}ed\b/u;
/** A possessive after a name: the name owns what follows ("Ramarley’s father"). */
const OWNER_RE = /^\s?['’]\s?s\b/u;
/** A sentence that opens with a person's pronoun and a verb of speaking ("He explained that …", "She added:"). */
const PRONOUN_SPEAKS_RE = new RegExp(`^\\s*(he|she)\\s+(?:\\p{Ll}+ly\\s+|also\\s+|then\\s+)?(?:${SAYING}|continued|went on)\\b`, 'iu');
/** Verbs of sending words out, in the past: what a sentence ending in a colon introduces was sent so. */
const SENDING = `sent(?:\\s+out)?|tweeted|posted|wrote|published|shared|issued|put\\s+out|${SAYING}`;
/** A name's verb of sending, right after it: "Ann Lee sent out the following message:". */
const SENDS_AFTER_RE = new RegExp(`^(?:\\s+(?:\\p{Ll}+ly|also|then|later))?\\s+(?:${SENDING})\\b`, 'u');
/** "… as he tweeted:": a person's pronoun, its verb of sending, and the colon that ends the sentence. */
const PRONOUN_SENDS_RE = new RegExp(`\\b(he|she)\\s+(?:\\p{Ll}+ly\\s+)?(?:${SENDING})\\b[^.!?]*:\\s*$`, 'iu');
const SPEAKS_AFTER_RE = new RegExp(`^,?(?:\\s+(?:\\p{Ll}+ly|also|then|later|again))?\\s+(?:${VERBS})\\b`, 'u');
/** A name, an apposition of lower-case words set off by commas ("a voter in the capital", "security analyst with Acme"), then a verb of speaking. */
const SPEAKS_AFTER_APPOSITION_RE = new RegExp(`^,\\s+\\p{Ll}[^.;:“”"]{0,80},(?:\\s+\\p{Ll}+ly)?\\s+(?:${VERBS})\\b`, 'u');
/** A name led by capitals ("INS Mysore", "USS Cole"). */
const ACRONYM_LED_RE = /^\p{Lu}{2,4}\s+\p{Lu}/u;

/**
 * Whether a name's leading capitals are a title ("GM Tom Fry"), not a company's, a club's or a vessel's letters ("GM
 * Korea", "RB Leipzig", "USS Cole"): title letters, then a given name and a surname, the surname written alone
 * elsewhere in the article for the same person ("Fry was asked"), as news refers to people and not to firms.
 */
function titleLetters(m: Found, mentions: Found[]): boolean {
  const words = m.text.split(/\s+/);
  const lead = (words[0] as string).toLowerCase();
  if (!(TITLES.has(lead) || ABBREVIATED_TITLES.has(lead)) || words.length < 3 || !words.slice(1).every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return false;
  const surname = words[words.length - 1] as string;
  return mentions.some((x) => x.key === m.key && x.text === surname);
}

/** An untyped name a pronoun may stand for: capitalised words only ("Kim Jong Un"), not "AK-47s" or "The Three Musketeers". */
const NAME_SHAPED_RE = /^(?!The\s)\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}.]*)+$/u;

/** Characters either side of a full stop that decide whether it ends a sentence (an initial, an abbreviation, a decimal). */
const BOUNDARY_CONTEXT = 40;

function sentenceEnd(text: string, from: number): number {
  const mark = /[.!?](?=\s|$)/g;
  mark.lastIndex = from;
  for (let m = mark.exec(text); m !== null; m = mark.exec(text)) {
    const end = m.index + 1;
    // "Kenneth J. Montgomery", "Sgt. Ann Lee", "9. 25": a stop that ends no sentence.
    if (!falseBoundary(text.slice(Math.max(from, end - BOUNDARY_CONTEXT), end), text.slice(end, end + BOUNDARY_CONTEXT))) return end;
  }
  return text.length;
}

/** What follows a sentence's final mark: a closing quote, then spaces. */
const AFTER_FINAL_MARK = /[”"’]?\s+/y;

/**
 * Where the sentence holding `from` starts: after the last sentence mark
 * before it, if spaces follow that mark (an earlier mark cannot start it:
 * the last one lies between), and never before the paragraph.
 */
function sentenceStart(text: string, from: number): number {
  const head = text.slice(0, from);
  const paragraphStart = head.lastIndexOf('\n') + 1;
  let before = head.length;
  while (before > paragraphStart) {
    const mark = Math.max(head.lastIndexOf('.', before - 1), head.lastIndexOf('!', before - 1), head.lastIndexOf('?', before - 1));
    if (mark < paragraphStart) break;
    AFTER_FINAL_MARK.lastIndex = mark + 1;
    const m = AFTER_FINAL_MARK.exec(head);
    if (m === null) break;
    const start = mark + 1 + m[0].length;
    // A stop that ends no sentence ("Kenneth J. Montgomery, …") is inside this one: look further back.
    if (!falseBoundary(head.slice(Math.max(paragraphStart, mark + 1 - BOUNDARY_CONTEXT), mark + 1), text.slice(start, start + BOUNDARY_CONTEXT))) return start;
    before = mark;
  }
  return paragraphStart;
}

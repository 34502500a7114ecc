import { agree, sameSlot } from './numbers.js';
import { family } from './families.js';
import { stem } from './text.js';
import { valuesAgree } from './values.js';
import { quantityKind, sharedContentCount, type Unit } from './units.js';

/**
 * Aligning claim units across articles. Candidates come from an inverted
 * index over the units' terms (very common terms are skipped when
 * generating candidates so the work stays near-linear); each candidate pair
 * is scored by weighted cosine plus evidence that paraphrase cannot hide: the
 * same quantity (a different value of one kind is for the fact slots to
 * dispute or tell apart) and a shared quote.
 * Clusters are grown greedily from the best pair down, one unit per
 * article, and only while the average similarity to the cluster holds.
 */

/** A pair at least this similar is the same statement. */
export const ALIGN_THRESHOLD = 0.32;
/** Average similarity a unit must keep with every member of the cluster it joins. */
const AVERAGE_THRESHOLD = 0.28;
/** Similarity kept between units that name disjoint people as what they are about. */
const SUBJECT_FACTOR = 0.6;
/** Similarity every pair of members of one claim must keep. */
const MIN_LINK = 0.16;
/** The same quantity in both (40 seconds / about 40 seconds). */
const NUMBER_BONUS = 0.18;
/** Fewer shared terms (entity keys included) than this is no evidence of the same statement. */
const MIN_SHARED_TERMS = 2;
/** Cosine over content words (names and frame words out) below which two units are not one statement. */
const MIN_CONTENT_COSINE = 0.15;
/** Cosine at which two units are the same wording, content words or not. */
const VERBATIM = 0.8;
/** Similarity kept between a unit that asserts its matter and one that holds it possible. */
const MODE_FACTOR = 0.6;
/** Similarity kept when all that two units share is said in a side clause of one of them. */
const ASIDE_FACTOR = 0.6;
/** Similarity kept between a unit that ranks its occasion past the first ("third night") and one that ranks none. */
const OCCASION_FACTOR = 0.6;
/** Content words (besides months) two units must share for the same date to count as evidence of one statement. */
const DATE_MIN_SHARED_CONTENT = 2;
/** Month names as content keys: the words of a date, not of what happened on it. */
const MONTH_KEYS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].flatMap((m) => [m, stem(m)]));
/** Cosine below which a shared kind of quantity is no evidence. */
const NUMBER_MIN_COSINE = 0.15;
/** Counted nouns that name people in general: counts of them are of many different groups in one story. */
const PEOPLE = new Set(['people', 'person', 'persons', 'man', 'men', 'woman', 'women', 'child', 'children', 'resident', 'residents']);
/** The same quote (merged across wordings) in both. */
const QUOTE_BONUS = 0.25;
/** Cosine over the rarer terms below which a pair is not worth scoring: unrelated sentences share only common words. */
const MIN_PARTIAL = 0.1;
/** Candidates kept per unit: bounds the work on big stories. */
const TOP_K = 12;
/**
 * Terms in more units than this do not generate candidates (they still
 * score): a fixed cap keeps candidate generation linear in the story size,
 * and statements worth aligning share rarer words too.
 */
const COMMON_POSTINGS = 60;

/** `numbers: false` scores the words alone (a dispute needs statements that are the same on their words). */
export function pairScore(a: Unit, b: Unit, quotes: Map<number, Set<number>>, numbers = true): number {
  // A measured quantity on one side only: the other is a vaguer statement that does not carry the
  // figure ("shook hands" vs "shook hands for 40 seconds"), so it must not count as its support.
  if (measured(a) !== measured(b)) return 0;
  const qa = quotes.get(a.id);
  const qb = quotes.get(b.id);
  const sameQuote = qa !== undefined && qb !== undefined && [...qa].some((q) => qb.has(q));
  const { shared, dot, contentDot } = overlap(a, b);
  // One shared word ("great") is coincidence in short sentences, whatever the cosine says.
  if (!sameQuote && shared < MIN_SHARED_TERMS) return 0;
  // Who a sentence is about (the story's protagonists) and how it is framed ("asked", "said") do
  // not make two sentences the same statement: they must agree on what happened.
  let s = dot / (a.norm * b.norm);
  // (A near-verbatim copy — "I ate and drank whatever." — is its own evidence, plain as its words may be.)
  if (!sameQuote && s < VERBATIM && contentDot / (a.norm * b.norm) < MIN_CONTENT_COSINE) return 0;
  // "Convicted in 2004" and "returned to prison in 2009": the same words about two moments are two statements.
  if (!sameQuote && datesApart(a, b)) return 0;
  // "Killed by police on Saturday night" and "… on Sunday night": two days (one night told from either side of midnight
  // aside) are two occasions, or one told two ways, which the facts of its day dispute where they are read; never one statement.
  if (!sameQuote && a.weekdays.length > 0 && b.weekdays.length > 0 && !a.weekdays.some((x) => b.weekdays.some((y) => valuesAgree('day', x, y)))) return 0;
  // "Coming sometime this month" and "will release it next month", in reports that do not say when they were written:
  // two periods, or one told two ways, which the words cannot tell; never one statement.
  if (!sameQuote && periodsApart(a, b)) return 0;
  // "With 7:42 left" and "with 7:41 to go": two moments of a game are two plays, or one told two ways; never one statement.
  if (!sameQuote && a.gameClocks.length > 0 && b.gameClocks.length > 0 && !a.gameClocks.some((t) => b.gameClocks.includes(t))) return 0;
  // "Planes bombed the camp at 3:00 pm" and "… at 4:10 pm": times of day that do not agree are two moments, or one told
  // two ways, which is for the fact of its time to dispute; never one statement.
  if (!sameQuote && a.clockTimes.length > 0 && b.clockTimes.length > 0 && !a.clockTimes.some((x) => b.clockTimes.some((y) => valuesAgree('time', x, y)))) return 0;
  // "24 monthly payments" and "20 additional monthly payments", "after four days" and "after eight days": counts
  // or measures of one thing with no value in common,
  // however alike the rest of the words (a line of statistics about two players).
  if (!sameQuote && countsApart(a, b)) return 0;
  // "The flaw infected as many as 10,000 websites" / "more than two million computers have been infected": counts of
  // different things, none agreeing, are two statements however alike their verbs.
  if (!sameQuote && differentThingsCounted(a, b)) return 0;
  // "About 100 people were at the plant, which makes cookies" hardly states "Kraft makes cookies there":
  // what two sentences share only in a side clause of one is weaker evidence of one statement.
  // Shared only in side clauses of both ("Drake, which had beaten Bradley, closed to 47-44" / "Drake, which had
  // beaten Bradley, ran out of gas"), it is the statement of neither (unless a figure both give says otherwise).
  if (!sameQuote && s < VERBATIM) {
    const asides = Number(asideOnly(a, b)) + Number(asideOnly(b, a));
    if (asides > 0) s *= ASIDE_FACTOR ** asides;
  }
  // "The third night of rioting" is another occasion than "the second night", and likely than an unranked one.
  if (!sameQuote && a.occasion !== b.occasion) {
    if (a.occasion !== undefined && b.occasion !== undefined) return 0;
    if (!(a.occasion ?? b.occasion ?? '').startsWith('1 ')) s *= OCCASION_FACTOR;
  }
  // "Voting began at 8am on Sunday" and "the election ended Sunday evening": the start and the end of one thing,
  // told in the same words, are two moments of it.
  if (!sameQuote && s < VERBATIM && a.phase !== undefined && b.phase !== undefined && a.phase !== b.phase) return 0;
  // "Scored 12 points in the first half" and "… in the second half", "revenue fell in the second quarter" and "… in
  // the third quarter": two stretches of one game or year are two moments, however alike the words.
  if (!sameQuote && a.stretch !== undefined && b.stretch !== undefined && a.stretch !== b.stretch) return 0;
  // "Ross has pulled out of negotiations to direct the sequel" is not "Ross is in negotiations to direct the sequel":
  // who withdraws from something is news of its own, however alike the words around it.
  if (!sameQuote && a.withdraws !== b.withdraws) return 0;
  // "A facility approved by prosecutors" is not "prosecutors have not approved that facility", however alike the words.
  if (!sameQuote && (denies(a, b) || denies(b, a))) return 0;
  // "Asked whether Russia would help" or "could help" is not "Russia will help": the same matter, not the same claim.
  // A question puts its matter without asserting it at all; a possibility half asserts it.
  if (a.mode !== b.mode && !sameQuote) s *= a.mode === 'question' || b.mode === 'question' ? 0 : MODE_FACTOR;
  // The same quantity only confirms sentences that already talk alike: ages and durations are everywhere in the news.
  // (Different values of one kind are for the fact slots to tell apart or dispute: "within 10 days" is not "four days".)
  if (numbers && s >= NUMBER_MIN_COSINE && a.numbers.some((x) => !a.commonQuantities.has(quantityKind(x)) && b.numbers.some((y) => sameSlot(x, y) && agree(x, y) && x.value === y.value && (x.max ?? x.value) === (y.max ?? y.value)))) s += NUMBER_BONUS;
  // So does the same date, written as precisely, when it is not the story's own day ("finished his career in 1978" /
  // "the 1978 season"; "met in 2008" / "In 2008, last time the pair met"). Not a bound: "the first time since 2005" and
  // "no notable win since 2005" are about different things.
  // A year alone is no evidence of one statement ("relegated in 2008" / "won the cup in 2008"): the two must share
  // what happened too, two content words beside the date's own.
  if (numbers && s >= NUMBER_MIN_COSINE && sharesPointDate(a, b) && sharedContentCount(a, b, MONTH_KEYS) >= DATE_MIN_SHARED_CONTENT) s += NUMBER_BONUS;
  // Two sentences that each open with a "he" or "she" going on with different people (the last each article named
  // before: "He made multiple plays on several possessions" after Echenique / "He played the high-low possessions well"
  // after Artino) are about two people, as two sentences naming them would be.
  if (!sameQuote && s < VERBATIM && a.pronounRef !== undefined && b.pronounRef !== undefined && a.pronounRef !== b.pronounRef) s *= SUBJECT_FACTOR;
  // Different people doing the thing ("Teixeira is seeking…" / "Lowe is seeking…") are different statements.
  // So are people one statement is about and the other never names ("Also seen were X and Y, linked to…").
  if (!sameQuote && (a.people.size > 0 || b.people.size > 0) && ![...a.people].some((p) => b.people.has(p))) s *= SUBJECT_FACTOR;
  if (sameQuote) s += QUOTE_BONUS;
  return s;
}

/** Shared keys, the weighted dot product, and the part of it made of content words (a merge of sorted keys). */
function overlap(a: Unit, b: Unit): { shared: number; dot: number; contentDot: number } {
  const x = a.sparse;
  const y = b.sparse;
  let i = 0;
  let j = 0;
  let shared = 0;
  let dot = 0;
  let contentDot = 0;
  while (i < x.keys.length && j < y.keys.length) {
    const kx = x.keys[i] as number;
    const ky = y.keys[j] as number;
    if (kx < ky) i++;
    else if (kx > ky) j++;
    else {
      const p = (x.weights[i] as number) * (y.weights[j] as number);
      shared++;
      dot += p;
      if (x.content[i] === 1 && y.content[j] === 1) contentDot += p;
      i++;
      j++;
    }
  }
  return { shared, dot, contentDot };
}

/** Whether both units put something on one date that is not the story's own day (most units have none: no array). */
function sharesPointDate(a: Unit, b: Unit): boolean {
  for (const d of a.pointDates) if (!a.commonDates.has(d) && b.pointDates.has(d)) return true;
  return false;
}

/**
 * Whether both units are dated and no date of one can be a date of the
 * other, compared at the month: a year holds its months ("2010" and "May
 * 2010" agree), and days are left aside (a weekday resolved against two
 * publication dates, or an event across midnight, differs by a day).
 */
export function datesApart(a: Unit, b: Unit): boolean {
  const months = (u: Unit): string[] => u.dates.flatMap((d) => (d.iso === undefined ? [] : [d.precision === 'year' ? d.iso.slice(0, 4) : d.iso.slice(0, 7)]));
  const x = months(a);
  const y = months(b);
  if (x.length === 0 || y.length === 0) return false;
  const compatible = (p: string, q: string): boolean => p.startsWith(q) || q.startsWith(p);
  return !x.some((p) => y.some((q) => compatible(p, q)));
}

/** Whether both units name a period of one kind relative to their unknown day ("this month", "next month") and never the same. */
export function periodsApart(a: Unit, b: Unit): boolean {
  if (a.relativePeriods.size === 0 || b.relativePeriods.size === 0) return false;
  const kind = (p: string): string => p.slice(0, p.indexOf(':'));
  const kinds = new Set([...a.relativePeriods].map(kind));
  const shared = [...b.relativePeriods].filter((p) => kinds.has(kind(p)));
  return shared.length > 0 && !shared.some((p) => a.relativePeriods.has(p));
}

/** Whether every content word `a` shares with `b` is one `a` says only in a side clause. */
function asideOnly(a: Unit, b: Unit): boolean {
  if (a.aside.size === 0) return false;
  let shared = 0;
  for (const k of a.content) {
    if (!b.content.has(k)) continue;
    shared++;
    if (!a.aside.has(k)) return false;
  }
  return shared > 0;
}

/**
 * Whether `a` denies what `b` states: a word `a` negates that `b`, which
 * denies nothing, says. (Two denials are compared by their words: "denied
 * they carried out the strike" and "denied striking" name their object
 * differently.)
 */
function denies(a: Unit, b: Unit): boolean {
  if (b.denied.size > 0) return false;
  for (const k of a.denied) if (b.content.has(k)) return true;
  return false;
}

/**
 * Whether both units count or measure one thing ("payments", "days") and
 * no value of it agrees across them. Counts of people are left out: "30
 * people killed" and "350 people sheltering" are counts of two groups, and
 * a toll two reports give differently is for the fact slots to dispute.
 */
export function countsApart(a: Unit, b: Unit): boolean {
  for (const x of a.numbers) {
    if (x.unit === '' && (x.counts === undefined || PEOPLE.has(x.counts))) continue;
    const mine = a.numbers.filter((n) => sameSlot(n, x));
    const theirs = b.numbers.filter((n) => sameSlot(n, x));
    if (theirs.length > 0 && !mine.some((m) => theirs.some((t) => agree(m, t)))) return true;
  }
  return false;
}

/**
 * Whether both units count things (not people in general) in what they state, none the same thing, and no count
 * of one agrees with a count of the other. (A count agreeing, "seven rifles" / "seven guns", "more than 10,000
 * websites" / "about 12,000 sites", may be one count named two ways; a count in a side clause, "EYP, which has 500
 * employees", is a detail, not what the unit states.)
 */
function differentThingsCounted(a: Unit, b: Unit): boolean {
  const x = statedCounts(a);
  const y = statedCounts(b);
  if (x.length === 0 || y.length === 0) return false;
  if (x.some((m) => y.some((n) => stem(m.counts ?? '') === stem(n.counts ?? '')))) return false;
  return !x.some((m) => y.some((n) => agree(m, n)));
}

/** Each unit's stated counts, read once: alignment asks for them pair by pair. */
const statedCountsOf = new WeakMap<Unit, Unit['numbers']>();

/**
 * The counts of things a unit gives outside its side clauses, each with its noun right after the figure ("10,000
 * websites"; not "2.5 million people eligible cast", where the noun read as counted is another word).
 */
function statedCounts(u: Unit): Unit['numbers'] {
  let counts = statedCountsOf.get(u);
  if (counts === undefined) {
    counts = u.numbers.filter((n) => n.unit === '' && n.counts !== undefined && !PEOPLE.has(n.counts) && !u.aside.has(family(stem(n.counts))) && nounAfter(u.text, n.text, n.counts));
    statedCountsOf.set(u, counts);
  }
  return counts;
}

/** Whether `noun` (or its plural) is the word right after the figure written `figure` in `text`. */
function nounAfter(text: string, figure: string, noun: string): boolean {
  const at = text.indexOf(figure);
  if (at < 0) return false;
  const next = /^\s*-?\s*(\p{L}+)/u.exec(text.slice(at + figure.length))?.[1]?.toLowerCase();
  return next !== undefined && stem(next) === stem(noun);
}

function measured(u: Unit): boolean {
  return u.numbers.some((n) => n.unit !== '');
}

/** `apart(a, b)`: two units that must never be one claim (they give different values of one disputed fact). */
export function alignUnits(units: Unit[], quotes: Map<number, Set<number>>, apart: (a: Unit, b: Unit) => boolean = () => false): number[][] {
  // Postings over interned keys carry the weight too, so the hot loop below does no map look-ups.
  let maxKey = -1;
  for (const u of units) for (const k of u.sparse.keys) if (k > maxKey) maxKey = k;
  const postIds: number[][] = Array.from({ length: maxKey + 1 }, () => []);
  const postWeights: number[][] = Array.from({ length: maxKey + 1 }, () => []);
  for (const u of units) {
    const { keys, weights } = u.sparse;
    for (let i = 0; i < keys.length; i++) {
      (postIds[keys[i] as number] as number[]).push(u.id);
      (postWeights[keys[i] as number] as number[]).push(weights[i] as number);
    }
  }
  const articleOf = Int32Array.from(units, (u) => u.articleIndex);
  const pairs: { a: number; b: number; s: number }[] = [];
  const cache = new Map<number, number>();
  const pairKey = (a: number, b: number): number => (a < b ? a * units.length + b : b * units.length + a);
  // Dense accumulator + touched list: no Map churn in the hot loop.
  const acc = new Float64Array(units.length);
  const touched: number[] = [];
  for (const u of units) {
    const mine = articleOf[u.id];
    const { keys: uKeys, weights: uWeights } = u.sparse;
    for (let t = 0; t < uKeys.length; t++) {
      const ids = postIds[uKeys[t] as number] as number[];
      if (ids.length > COMMON_POSTINGS) continue;
      const weights = postWeights[uKeys[t] as number] as number[];
      const w = uWeights[t] as number;
      for (let i = 0; i < ids.length; i++) {
        const v = ids[i] as number;
        if (v <= u.id || articleOf[v] === mine) continue;
        if (acc[v] === 0) touched.push(v);
        acc[v] = (acc[v] ?? 0) + w * (weights[i] ?? 0);
      }
    }
    const top: [number, number][] = [];
    for (const v of touched) {
      const partial = (acc[v] ?? 0) / (u.norm * (units[v] as Unit).norm);
      if (partial >= MIN_PARTIAL) top.push([v, partial]);
    }
    top.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    top.length = Math.min(top.length, TOP_K);
    for (const v of touched) acc[v] = 0;
    touched.length = 0;
    for (const [v] of top) {
      const s = apart(u, units[v] as Unit) ? 0 : pairScore(u, units[v] as Unit, quotes);
      cache.set(pairKey(u.id, v), s);
      if (s >= ALIGN_THRESHOLD) pairs.push({ a: u.id, b: v, s });
    }
  }
  pairs.sort((x, y) => y.s - x.s || x.a - y.a || x.b - y.b);

  const clusterOf = units.map((u) => u.id);
  const members = new Map<number, number[]>(units.map((u) => [u.id, [u.id]]));
  const sim = (a: number, b: number): number => {
    const key = pairKey(a, b);
    let s = cache.get(key);
    if (s === undefined) {
      s = apart(units[a] as Unit, units[b] as Unit) ? 0 : pairScore(units[a] as Unit, units[b] as Unit, quotes);
      cache.set(key, s);
    }
    return s;
  };
  for (const p of pairs) {
    const ca = clusterOf[p.a] as number;
    const cb = clusterOf[p.b] as number;
    if (ca === cb) continue;
    const ma = members.get(ca) ?? [];
    const mb = members.get(cb) ?? [];
    const articlesA = new Set(ma.map((m) => units[m]?.articleIndex));
    if (mb.some((m) => articlesA.has(units[m]?.articleIndex))) continue;
    let total = 0;
    let weakest = Infinity;
    for (const x of ma)
      for (const y of mb) {
        const v = sim(x, y);
        total += v;
        if (v < weakest) weakest = v;
      }
    if (total / (ma.length * mb.length) < AVERAGE_THRESHOLD) continue;
    // A member nearly unrelated to another member joined through a hub (a sentence that makes two
    // statements) would make the claim say both: every pair must hold at least loosely.
    if (weakest < MIN_LINK) continue;
    const merged = [...ma, ...mb].sort((x, y) => x - y);
    const root = Math.min(ca, cb);
    members.delete(ca);
    members.delete(cb);
    members.set(root, merged);
    for (const m of merged) clusterOf[m] = root;
  }
  return [...members.values()].sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
}

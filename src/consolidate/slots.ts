import { CONTRASTIVE } from '../analyze/facts/read.js';
import { COUNTRIES, DISTINCT_EVENTS, EXCLUSIVE_ROLES, LIGHT_VERBS } from '../analyze/facts/lexicon.js';
import type { AnalyzedArticle, Fact, FactValue } from '../types.js';
import type { EntityIndex } from './entities.js';
import { oneSpelling } from './text.js';
import { MONEY_UNITS } from '../analyze/lexicon.js';
import { periodKind } from '../analyze/dates.js';
import { oneDigitApart, sameMagnitude, sameValue, valuesAgree } from './values.js';

/**
 * Alignment by slot. Every fact of every article is placed in a slot: facts
 * are in one slot when they are of the same kind and say the same thing is
 * measured — the same thing counted (a family of nouns: "rifles", "guns"),
 * qualified alike ("AK-47" fits "AK-47 assault"; "other" and "Somali" tell
 * sets apart), under the same event (a family of verbs: "seized",
 * "confiscated", "recovered"; a verb that says nothing happened, "included",
 * fits any), by the same holder (whose age, whose record), with the same
 * scope (a running total is not the figure of one event) — and their figures
 * are of one magnitude. The sentences around them do not matter: two reports
 * of one fact rarely share their words, and two different facts often do.
 */

export interface PlacedFact {
  fact: Fact;
  /** Places the fact's sentence names (canonical keys), the holder left out: where it happened. */
  places: Set<string>;
  /** The other counts its sentence gives ("five dead" beside "16 injured"), by thing and event: what else happened in that event. */
  siblings: { key: string; value: FactValue }[];
  /** Days its sentence gives (day-fact keys): when it happened. */
  days: Set<string>;
  /** Clock times its sentence gives: at what hour it happened. */
  clocks: FactValue[];
  /** Results its sentence gives ("a 71-57 win", "won 77-68"): which game it was. */
  results: string[];
  /** The people among its participants (canonical keys): a team or a police force takes part in many acts, a person in few. */
  people: Set<string>;
  /** Its participants that its sentence names (not a "he" read as someone named before). */
  namedHere: Set<string>;
  article: string;
  articleIndex: number;
  /** The sentence the fact is read from, as written. */
  sentence: string;
  /** Index of the sentence in its article. */
  sentenceIndex: number;
}

/** A name is the source a clause is told by when "according to" opens the phrase it is in ("according to a Samaritan's Purse press release"), not past a word of place ("according to police in Athens"). */
const ACCORDING_TO_BEFORE = /\baccording to\b(?:(?!\b(?:in|at|near|outside|inside|from|across|throughout)\b)[^,;:])*$/iu;

export interface Slot {
  kind: Fact['kind'];
  members: PlacedFact[];
}

/** The predicate of "finished with" / "ended with" a figure: the tally of whatever event the figure counts. */
const TALLY = 'finish_with';

/** What a measure is of when nothing says more than its unit. */
const GENERIC_MEASURES = new Set(['amount', 'length', 'share', 'weight', 'degrees']);

/** Kinds whose slot is fixed by the holder alone: one person has one age, one record, one rank, one home, one title of a class; a named work one year. */
const HOLDER_KINDS = new Set<Fact['kind']>(['age', 'record', 'rank', 'home', 'colour', 'direction', 'ordinal', 'condition', 'year', 'role']);

export function placeFacts(articles: AnalyzedArticle[], ents: EntityIndex, sameAs: Map<string, string> = new Map()): PlacedFact[] {
  // Canonical key, a one-report slip of a name read as the name ("Brian Dalton" → "Bryant Dalton").
  const person = (key: string): string => {
    const k = ents.canonical(key);
    return sameAs.get(k) ?? k;
  };
  const out: PlacedFact[] = [];
  articles.forEach((a, ai) => {
    const placeMentions = a.entities.filter((e) => ents.type(ents.canonical(e.key)) === 'place');
    const facts = a.facts ?? [];
    const nameAt = surnameReader(a, person);
    const sentenceNames = new Map<number, Set<string>>();
    for (const e of a.entities) (sentenceNames.get(e.sentence) ?? sentenceNames.set(e.sentence, new Set()).get(e.sentence) ?? new Set()).add(person(e.key));
    // A sentence's results, read once for all the facts it gives.
    const resultsOf = new Map<number, string[]>();
    for (const f of facts) {
      const sentence = a.sentences[f.sentence];
      if (sentence === undefined) continue;
      const fact: Fact = f.holder !== undefined && named(f.holder) ? { ...f, holder: nameAt(f.holder, f.valueStart) } : { ...f };
      if (fact.kind === 'party') {
        // A person is called by name, not by capitals: "lost another RB" beside "Reggie Bush" names a running back.
        if (/^\p{Lu}{2,6}$/u.test(f.value.text) && ents.type(fact.holder ?? '') === 'person') continue;
        // A party is its value: two spellings of one name ("EDS Corp." / "EDS") are one party.
        fact.value = { ...fact.value, key: fact.holder ?? '' };
      }
      if (f.participants !== undefined) fact.participants = [...new Set(f.participants.map((p) => (p === '?' ? p : nameAt(p, f.valueStart))))].sort();
      // Where and when, as the fact's own clause says ("… since the conflict began on December 27" dates another event).
      // (Not the source it is told by: "according to a Samaritan's Purse press release, planes dropped …".)
      const places = new Set(placeMentions.filter((e) => e.sentence === f.sentence && (e.start ?? -1) >= f.start && (e.start ?? -1) < f.end && !ACCORDING_TO_BEFORE.test(sentence.text.slice(Math.max(0, f.start - sentence.start), (e.start ?? 0) - sentence.start))).map((e) => ents.canonical(e.key)).filter((p) => p !== fact.holder));
      const siblings = facts.filter((g) => g !== f && g.sentence === f.sentence && g.kind === 'count').map((g) => ({ key: `${g.thing ?? ''}|${g.predicate ?? ''}`, value: g.value }));
      // (Days only: a year or a month is a stretch many events fall in.)
      const days = new Set(facts.filter((g) => g !== f && g.sentence === f.sentence && g.kind === 'day' && periodKind(g.value.key) === undefined && g.valueStart >= f.start && g.valueStart < f.end).map((g) => g.value.key ?? ''));
      const clocks = f.kind === 'time' ? [] : facts.filter((g) => g.sentence === f.sentence && g.kind === 'time').map((g) => g.value);
      // (A name written in capitals, "EYP MCF", is a body's, whatever a few cues typed it.)
      const people = new Set((fact.participants ?? []).filter((p) => p !== '?' && ents.type(p) === 'person' && !/^[\p{Lu}\d\s.&-]+$/u.test(ents.name(p))));
      const namedHere = new Set((fact.participants ?? []).filter((p) => sentenceNames.get(f.sentence)?.has(p)));
      const results = resultsOf.get(f.sentence) ?? gameResults(sentence.text);
      resultsOf.set(f.sentence, results);
      out.push({ fact, places, siblings, days, clocks, results, people, namedHere, article: a.article.id, articleIndex: ai, sentence: sentence.text, sentenceIndex: f.sentence });
    }
  });
  return designationsAsQualifiers(out);
}

/**
 * A name as the story knows it, at a place in one article. A surname the
 * story reads as its person ("Hansbrough" → Tyler Hansbrough) is that person
 * in an article that names another person of that surname in full (his
 * father, Gene Hansbrough) only where that person is the one named in full
 * last before it; otherwise it stays the surname, whom no fact of the
 * story's person takes.
 */
export function surnameReader(a: AnalyzedArticle, person: (key: string) => string): (key: string, at?: number) => string {
  const full = a.entities.filter((e) => e.key.includes(' ') && e.start !== undefined).sort((x, y) => (x.start ?? 0) - (y.start ?? 0));
  return (key, at) => {
    const whole = person(key);
    if (key.includes(' ') || whole === key || at === undefined) return whole;
    const namesake = full.filter((e) => e.key.slice(e.key.lastIndexOf(' ') + 1) === key);
    if (!namesake.some((e) => person(e.key) !== whole)) return whole;
    const last = namesake.filter((e) => (e.start ?? 0) < at).pop();
    return last !== undefined && person(last.key) === whole ? whole : key;
  };
}

/**
 * "seven AK-47s" and "seven AK-47 assault rifles": a model name standing as
 * the head is the qualifier of the thing other reports count under that
 * name.
 */
function designationsAsQualifiers(facts: PlacedFact[]): PlacedFact[] {
  const under = new Map<string, Map<string, number>>();
  for (const p of facts) {
    if (p.fact.kind !== 'count' || p.fact.thing === undefined) continue;
    for (const q of p.fact.qualifiers ?? []) {
      if (!/\d/.test(q)) continue;
      const m = under.get(q) ?? new Map<string, number>();
      m.set(p.fact.thing, (m.get(p.fact.thing) ?? 0) + 1);
      under.set(q, m);
    }
  }
  return facts.map((p) => {
    const thing = p.fact.thing;
    if (p.fact.kind !== 'count' || thing === undefined || !/\d/.test(thing)) return p;
    const best = [...(under.get(thing) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (best === undefined) return p;
    return { ...p, fact: { ...p.fact, thing: best[0], qualifiers: [...new Set([...(p.fact.qualifiers ?? []), thing])].sort() } };
  });
}

function bucketOf(f: Fact): string | undefined {
  switch (f.kind) {
    case 'count':
      return f.thing === undefined ? undefined : `count|${f.thing}`;
    case 'measure':
      return `measure|${f.value.unit ?? ''}|${f.thing ?? ''}`;
    case 'time':
    case 'day':
      // The day news of an event was given is another fact than the day of the event ("said Tuesday it has arrested").
      return f.predicate === undefined ? undefined : `${f.kind}|${f.predicate}${f.role === 'reported' ? '|reported' : ''}`;
    case 'identifier':
      return 'identifier';
    case 'calibre':
      return `calibre|${f.thing ?? ''}`;
    case 'role':
      // One person's role told twice: whose, and which ("CEO" and "chief executive officer" are one).
      return f.holder === undefined ? undefined : `role|${f.holder}|${exclusiveClass(f) ?? f.value.key ?? ''}`;
    case 'party':
      // Who a deed was done to, and which deed ("acquire" / "purchase" are one).
      return f.predicate === undefined || f.holder === undefined ? undefined : `party|${f.predicate}|${f.holder}`;
    case 'ordinal':
      // Which time of which act, a streak apart from a career's count ("his 16th straight fight" / "his 58th fight").
      return f.thing === undefined ? undefined : `ordinal|${f.thing}|${(f.qualifiers ?? []).join(',')}`;
    default:
      if (!HOLDER_KINDS.has(f.kind) || f.holder === undefined) return undefined;
      // The age a person comes to ("will turn 29 in April") is another fact than the age they are ("Lee, 28,").
      return f.kind === 'age' && f.predicate === 'turn' ? `age|${f.holder}|coming` : `${f.kind}|${f.holder}`;
  }
}

/**
 * Whether two sentences ("article#sentence") count one thing under one
 * event and share no figure of it ("injuring at least two people" / "About
 * 100 people have been injured"; "Lee scored 14 points" / "Gray scoring 14
 * points", two people's): whatever words they share, they are not one
 * statement. Figures of one magnitude that differ are a slot's
 * disagreement already; this holds them apart across magnitudes too, where
 * they are two quantities and no dispute. Asked pair by pair as alignment
 * needs it: a long story counts one thing in hundreds of sentences.
 */
export function figuresApart(placed: PlacedFact[]): (a: string, b: string) => boolean {
  // Sentence → bucket (thing, event, scope) → the figures it gives there; and thing → the figures it gives under no
  // event ("He had just 269 yards rushing"), which may be of any event.
  const figures = new Map<string, Map<string, PlacedFact[]>>();
  const bare = new Map<string, Map<string, PlacedFact[]>>();
  const things = new Map<string, Map<string, PlacedFact[]>>();
  const add = (index: Map<string, Map<string, PlacedFact[]>>, at: string, key: string, p: PlacedFact): void => {
    const buckets = index.get(at) ?? index.set(at, new Map()).get(at) ?? new Map<string, PlacedFact[]>();
    (buckets.get(key) ?? buckets.set(key, []).get(key) ?? []).push(p);
  };
  // And what a sentence gives of a named person's attribute (a record, an age, a rank) over a stretch.
  const attributes = new Map<string, Map<string, PlacedFact[]>>();
  for (const p of placed) {
    const f = p.fact;
    // (Roles only within a class held one at a time: "owner" and "chairman" of one person are no two values of anything.)
    if (HOLDER_KINDS.has(f.kind) && named(f.holder) && (f.kind !== 'role' || exclusiveClass(f) !== undefined)) add(attributes, `${p.article}#${p.sentenceIndex}`, `${f.kind}|${f.holder}|${(f.qualifiers ?? []).join()}`, p);
    if (f.kind !== 'count' || f.thing === undefined) continue;
    const at = `${p.article}#${p.sentenceIndex}`;
    add(things, at, f.thing, p);
    if (light(f.predicate)) add(bare, at, f.thing, p);
    else add(figures, at, `${f.thing}|${f.predicate ?? ''}|${f.scope ?? ''}`, p);
  }
  // One figure of one fact: the same value, and not two people's ("Lee scored 14" / "Gray scoring 14").
  const together = (v: PlacedFact, w: PlacedFact): boolean => sameValue('count', v.fact.value, w.fact.value) && !twoPeople(v, w);
  const noneShared = (xs: PlacedFact[], ys: PlacedFact[]): boolean => !xs.some((v) => ys.some((w) => together(v, w)));
  // A sentence whose one count is under no event ("He had just 269 yards rushing") states that figure: it meets every
  // count of its thing on the other side ("rushed for 716 yards"). (One that counts more may share another of its facts.)
  const bareApart = (from: string, to: string): boolean => {
    const mine = bare.get(from);
    const theirs = things.get(to);
    const all = [...(things.get(from)?.values() ?? [])].flat();
    if (mine === undefined || theirs === undefined || all.length !== 1) return false;
    // (Both give one figure of the thing: "scored 30 …, two points shy of his career high of 32 points" may hold the
    // figure in words the reader did not count.)
    for (const [thing, xs] of mine) {
      const ys = theirs.get(thing);
      if (ys !== undefined && ys.length === 1 && noneShared(xs, ys)) return true;
    }
    return false;
  };
  // "Lee compiled a 162-139 record in three seasons" / "Lee compiled a mark of 122-147 in three seasons": two values of
  // one person's attribute over one stretch are never one statement, whichever slots they fell in.
  const attributesApart = (a: string, b: string): boolean => {
    const x = attributes.get(a);
    const y = attributes.get(b);
    if (x === undefined || y === undefined) return false;
    for (const [key, xs] of x) {
      const ys = y.get(key);
      if (ys !== undefined && !xs.some((v) => ys.some((w) => valuesAgree(v.fact.kind, v.fact.value, w.fact.value)))) return true;
    }
    return false;
  };
  return (a, b) => {
    const x = figures.get(a);
    const y = figures.get(b);
    if (x !== undefined && y !== undefined) {
      for (const [bucket, xs] of x) {
        const ys = y.get(bucket);
        if (ys !== undefined && noneShared(xs, ys)) return true;
      }
    }
    return bareApart(a, b) || bareApart(b, a) || attributesApart(a, b);
  };
}

/** Whether two figures are each a different named person's. */
function twoPeople(x: PlacedFact, y: PlacedFact): boolean {
  const [a, b] = [x.fact.holder, y.fact.holder];
  return named(a) && named(b) && a !== b && x.people.has(a as string) && y.people.has(b as string);
}

/** A holder given by name (an entity key), not by description ("the driver"). */
export function named(holder: string | undefined): boolean {
  return holder !== undefined && !holder.startsWith('the ');
}

function light(p: string | undefined): boolean {
  return p === undefined || LIGHT_VERBS.has(p);
}

/** Demonyms, colours and model names: qualifiers of one class that tell two sets apart when they differ. */
function closedClass(q: string): string | undefined {
  if (q.startsWith('by ')) return 'cause';
  if (/\d/.test(q)) return 'designation';
  if (/^(?:black|white|red|blue|green|yellow|orange|purple|pink|brown|gray|silver|gold|beige)$/.test(q)) return 'colour';
  if (/(?:an|ese|ish|i)$/.test(q) && q.length > 3 && !/man$/.test(q)) return 'nation';
  return undefined;
}

/**
 * Whether two qualifier sets can describe one set of things: a contrastive
 * word ("other", "additional") on one side only, two different members of
 * a closed class ("Somali"/"Yemeni"), or noun qualifiers on both sides with
 * nothing in common ("speed boats"/"fishing boats") make two sets.
 */
export function qualifiersFit(a: string[], b: string[]): boolean {
  const contrastA = a.filter((q) => CONTRASTIVE.has(q));
  const contrastB = b.filter((q) => CONTRASTIVE.has(q));
  if (contrastA.join() !== contrastB.join()) return false;
  const classes = new Map<string, Set<string>>();
  for (const q of a) {
    const c = closedClass(q);
    if (c !== undefined) (classes.get(c) ?? classes.set(c, new Set()).get(c) ?? new Set()).add(q);
  }
  for (const q of b) {
    const c = closedClass(q);
    const mine = c === undefined ? undefined : classes.get(c);
    if (mine !== undefined && !mine.has(q)) return false;
  }
  return true;
}

function compatible(x: PlacedFact, y: PlacedFact): boolean {
  const a = x.fact;
  const b = y.fact;
  if (a.kind === 'party') return oneDeed(x, y);
  // Guards for different values apply to bounds that merely hold each other too ("at least seven" and "at least 12").
  const agree = sameValue(a.kind, a.value, b.value, a.scope === 'total' || b.scope === 'total');
  // An article that gives two values in one bucket tells two things apart ("12 AK-47 guns, three rifles"): two slots.
  // (An earlier figure beside the latest one is one thing reported twice.)
  if (x.article === y.article && !agree && a.tense !== 'earlier' && b.tense !== 'earlier') return false;
  // A running total and a figure that does not say what stretch it covers are one figure when they are equal and
  // counted under one named event ("at least 70 injured so far" / "at least 70 injured"); a different figure may be
  // the total beside one event's, and an equal one under no event may be anyone's ("six carries this season" / "30
  // yards on six carries" in one game).
  if ((a.scope ?? '') !== (b.scope ?? '') && !(agree && totalOrUnsaid(a.scope) && totalOrUnsaid(b.scope) && (oneEvent(a, b) || samePeople(x, y)))) return false;
  if (a.holder !== undefined && b.holder !== undefined && a.holder !== b.holder && !oneEventTwoSides(a, b)) return false;
  if (a.kind === 'count' && (holderAbsent(x, y) || holderAbsent(y, x))) return false;
  if (!sameMagnitude(a.value, b.value)) return false;
  // Guards only a difference needs: a set named more narrowly on one side ("12 Somali pirates" / "23 pirates"),
  // or sentences set in different places, may be another set, not another count of the same one.
  // (A named holder fixes whose age, record or rank it is wherever the sentence is set.)
  if (!agree && !HOLDER_KINDS.has(a.kind) && (otherPlaces(x.places, y.places) || otherEvent(x, y) || otherHours(x, y) || otherResults(x, y) || otherPeople(x, y) || (a.kind !== 'day' && disjoint(x.days, y.days)))) return false;
  // A moment of one event told by counts that disagree ("three Gazans were killed … on Tuesday" / "a strike that killed
  // about 40 … Tuesday") may be another event's, even on the same day: no corroboration.
  if ((a.kind === 'day' || a.kind === 'time') && agree && (otherEvent(x, y) || otherCounts(x, y))) return false;
  // A minimum against a figure beyond its range ("at least 40 killed in the bombing of a market in Baghdad" / "about
  // 100 killed in a wave of bombings across Iraq") disputes only where the two name no different places: a minimum is
  // often a part's.
  if (!agree && aboveMinimum(a.value, b.value) && [...x.places].sort().join() !== [...y.places].sort().join()) return false;
  // A count that names its thing only by the figure before it ("… and hijacked nearly 40") agrees, it never disputes.
  if (!agree && a.kind === 'count' && (a.phrase === undefined || b.phrase === undefined)) return false;
  switch (a.kind) {
    case 'identifier':
      return agree || oneDigitApart(a.value.key ?? '', b.value.key ?? '');
    case 'count':
    case 'measure':
      if (!qualifiersFit(a.qualifiers ?? [], b.qualifiers ?? [])) return false;
      // "a deal worth $80 million" and "a sponsorship deal worth $60 million": a kind of deal on one side may be another deal.
      if (!agree && a.kind === 'measure' && MONEY_UNITS.has(a.value.unit ?? '') && (a.qualifiers ?? []).join() !== (b.qualifiers ?? []).join()) return false;
      if (!agree && ((!sameClosedQualifiers(a.qualifiers ?? [], b.qualifiers ?? []) && farApart(a.value, b.value)) || !descriptionsMeet(a.qualifiers ?? [], b.qualifiers ?? []))) return false;
      // "got into an altercation with the two women" says nothing of how many women anything happened to ("gunned
      // down two women"): a figure a light verb reaches only through a preposition is no figure of another's event.
      if (light(a.predicate) !== light(b.predicate) && (oblique(a) || oblique(b))) return false;
      if (!light(a.predicate) && !light(b.predicate)) {
        // "finished with 716 yards" tallies what "rushed for 716 yards" did.
        if (!oneEvent(a, b)) return false;
        if ((a.role ?? 'theme') !== (b.role ?? 'theme') && !tallies(a, b)) return false;
      }
      return true;
    case 'day':
      if (dayKeyType(a.value.key) !== dayKeyType(b.value.key)) return false;
      // Two years or months of one act are as often two occasions of it ("made the playoffs in 2002" / "in 2003") as
      // a dispute: they corroborate when they agree, and are otherwise two facts.
      if (!agree && periodKind(a.value.key) !== undefined) return false;
      // Dates weeks apart are two events ("fired March 2" / "fired on June 8"), not two reports of one.
      if (!agree && daysApart(a.value.key, b.value.key) > MAX_DAYS_APART) return false;
      return a.thing === undefined || b.thing === undefined || a.thing === b.thing;
    case 'time':
      return a.thing === undefined || b.thing === undefined || a.thing === b.thing;
    case 'record':
      // One person's records over different stretches ("22-30 in two seasons" / "a 40-50 career record") are two records.
      return agree || (a.qualifiers ?? []).join() === (b.qualifiers ?? []).join();
    default:
      return true;
  }
}

/**
 * Whether two reports of a deed done to one party can be one deed: not when
 * each names another doer ("Acme bought Zorg" / "Initech bought Zorg"), nor
 * when they date it on different days ("arrested Tom Fry on Monday" /
 * "arrested Tom Fry in March").
 */
function oneDeed(x: PlacedFact, y: PlacedFact): boolean {
  return !disjoint(new Set(x.fact.participants ?? []), new Set(y.fact.participants ?? [])) && !disjoint(x.days, y.days);
}

/** Prepositions through which a light verb's clause names who was with, near or against its subject, not what it did. */
const OBLIQUE_ROLES = new Set(['with', 'among', 'against', 'near', 'beside', 'between', 'alongside']);

/** A figure under a light verb ("got", "had", "was") in a phrase of accompaniment ("with the two women"). */
function oblique(f: Fact): boolean {
  return light(f.predicate) && f.predicate !== undefined && OBLIQUE_ROLES.has(f.role ?? '');
}

function totalOrUnsaid(scope: Fact['scope']): boolean {
  return scope === undefined || scope === 'total';
}

/** Whether two facts name one event, or one names it and the other tallies it ("rushed for 716 yards" / "finished with 716 yards"). */
function oneEvent(a: Fact, b: Fact): boolean {
  return !light(a.predicate) && !light(b.predicate) && (a.predicate === b.predicate || tallies(a, b));
}

function tallies(a: Fact, b: Fact): boolean {
  return a.predicate === TALLY || b.predicate === TALLY;
}

/** The class of a role held one at a time ("chief officer" for CEO, COO …), if it is one. */
function exclusiveClass(f: Fact): string | undefined {
  return f.kind === 'role' ? EXCLUSIVE_ROLES.get(f.value.key ?? '') : undefined;
}

/** Whether both sentences name people taking part and share one ("He had 793 yards" read as Thomas's / "Thomas … posting 793 total yards"). */
function samePeople(x: PlacedFact, y: PlacedFact): boolean {
  return x.people.size > 0 && y.people.size > 0 && !disjoint(x.people, y.people);
}

/** Whether the sentences around two facts count one thing under one event with figures that disagree. */
function otherCounts(x: PlacedFact, y: PlacedFact): boolean {
  return x.siblings.some((s) => y.siblings.some((t) => s.key === t.key && !valuesAgree('count', s.value, t.value)));
}

/** Whether one value is a minimum and the other a figure above it (beyond its range, when they disagree). */
function aboveMinimum(a: FactValue, b: FactValue): boolean {
  const [bound, other] = a.lowerBound === true ? [a, b] : [b, a];
  return bound.lowerBound === true && other.lowerBound !== true && (other.number ?? 0) > (bound.number ?? 0);
}

/**
 * "Carter had 12 points" and "14 points from Will Artino": a count one side
 * gives as a named person's, the other as the figure of people its sentence
 * names, that person not among them, are two people's figures, equal or not.
 * (A "he" read as someone named before counts for nothing here: that reading
 * is the weaker one.)
 */
function holderAbsent(x: PlacedFact, y: PlacedFact): boolean {
  const holder = x.fact.holder;
  if (!named(holder) || !x.people.has(holder as string) || y.fact.holder !== undefined) return false;
  return y.namedHere.size > 0 && !y.namedHere.has(holder as string);
}

/**
 * "Korkoneas killed Grigoropoulos on Sunday" and "the fatal shooting of
 * Grigoropoulos on Saturday": a moment whose holder on one side (the subject
 * of its clause) takes part in the other side's event is one event told from
 * either of its parties.
 */
function oneEventTwoSides(a: Fact, b: Fact): boolean {
  if ((a.kind !== 'day' && a.kind !== 'time') || a.predicate === undefined || a.predicate !== b.predicate) return false;
  return (b.participants ?? []).includes(a.holder ?? '') || (a.participants ?? []).includes(b.holder ?? '');
}

/**
 * Whether the sentences around two figures report another event: they give
 * counts of one thing under one event whose figures are of different
 * magnitude ("at least five dead and 16 injured" beside "43 killed and 55
 * wounded" are two attacks, whatever their injured).
 */
function otherEvent(x: PlacedFact, y: PlacedFact): boolean {
  return x.siblings.some((s) => y.siblings.some((t) => s.key === t.key && !sameMagnitude(s.value, t.value)));
}

/**
 * Two reports that name different people or bodies taking part ("Bush missed eight games" / "Thomas missed 10"),
 * or a person described but not named, may tell of two events; so may two that name different people beside a
 * name they share ("the Saints signed Tom Fry on Tuesday" / "the Saints signed Ann Lee on Wednesday").
 */
function otherPeople(x: PlacedFact, y: PlacedFact): boolean {
  const pa = x.fact.participants ?? [];
  const pb = y.fact.participants ?? [];
  if (pa.includes('?') || pb.includes('?')) return true;
  return disjoint(new Set(pa), new Set(pb)) || (namesOthers(x.people, pb) && namesOthers(y.people, pa));
}

/** Whether a report names a person taking part whom the other report does not name. */
function namesOthers(people: Set<string>, other: string[]): boolean {
  for (const p of people) if (!other.includes(p)) return true;
  return false;
}

function disjoint(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const k of a) if (b.has(k)) return false;
  return true;
}

/**
 * A sentence that gives a result the other does not give ("finished with 22 points, as Louisville opened with a
 * 71-57 win" / "finished his team's victory with 25 points") may tell of another game: a player's figures differ
 * from game to game, and a round-up tells of many.
 */
function otherResults(x: PlacedFact, y: PlacedFact): boolean {
  return x.results.join(' ') !== y.results.join(' ');
}

/**
 * The results of games a sentence gives: a score called a win or a loss ("a 71-57 win"), or the score a team won
 * or lost by ("won 77-68", "beat Duke 79-67"); not a record ("Klitschko (52-3, 46 KOs)", "improved to 52-3").
 */
function gameResults(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(RESULT)) {
    const at = m.index ?? 0;
    const before = sentence.slice(Math.max(0, at - RESULT_CONTEXT), at);
    const after = sentence.slice(at + m[0].length, at + m[0].length + RESULT_CONTEXT);
    if (RESULT_NOUN_AFTER.test(after) || RESULT_VERB_BEFORE.test(before)) out.push(`${m[1]}-${m[2]}`);
  }
  return out.sort();
}

/** A result or a record as written: two whole numbers of up to three digits joined by a dash ("71-57", "10 - 0"). */
const RESULT = /(?<![\d.,:\/-])(\d{1,3}) ?[-–] ?(\d{1,3})(?![\d.,:\/-]?\d)/g;
/** Characters either side of a score read for what makes it a result. */
const RESULT_CONTEXT = 40;
const RESULT_NOUN_AFTER = /^\s*(?:win|victory|loss|defeat|triumph|rout|upset|decision|lead|drubbing|thrashing)\b/i;
/** "won 77-68", "beat Mississippi 77-68", "topped the Wildcats, 79-67", "by a score of 3-1". */
const RESULT_VERB_BEFORE = /\b(?:won|wins|beat|beats|defeated|defeats|lost|loses|edged|edges|top|topped|tops|edge|downed|routed|thrashed|score of)\b(?:\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*){0,3},?\s*$/u;

/** Sentences set at clock times that do not agree ("around 8:30 p.m." / "at about 8 p.m."): two occasions. */
function otherHours(x: PlacedFact, y: PlacedFact): boolean {
  return x.clocks.length > 0 && y.clocks.length > 0 && !x.clocks.some((a) => y.clocks.some((b) => valuesAgree('time', a, b)));
}

/** Places with none in common, a place spelled two ways ("Jabaliya" / "Jabalya") being one. */
function otherPlaces(a: Set<string>, b: Set<string>): boolean {
  // A country on one side may hold the other side's town ("riots across Greece" / "in Athens"): towns are
  // compared with towns and countries with countries ("Greece" / "Istanbul, Turkey" are two places).
  const [ca, cb] = [countriesOf(a, true), countriesOf(b, true)];
  const [fa, fb] = [countriesOf(a, false), countriesOf(b, false)];
  return (ca.size > 0 && cb.size > 0 && apart(ca, cb)) || (fa.size > 0 && fb.size > 0 && apart(fa, fb));
}

/** Two sets of places with none in common, not even one spelt two ways. */
function apart(a: Set<string>, b: Set<string>): boolean {
  if (!disjoint(a, b)) return false;
  for (const k of a) for (const l of b) if (oneSpelling(k, l)) return false;
  return true;
}

/** The countries among places (`countries`), or the other places. */
function countriesOf(places: Set<string>, countries: boolean): Set<string> {
  return new Set([...places].filter((p) => COUNTRIES.has(p) === countries));
}

/**
 * A part is well short of its whole: "12 Somali pirates" beside "23 pirates". Figures within a fifth of each
 * other ("40 Palestinians" / "42 people") count one set however it is named.
 */
function farApart(a: FactValue, b: FactValue): boolean {
  const x = a.number ?? 0;
  const y = b.number ?? 0;
  return Math.abs(x - y) > PART_GAP * Math.max(Math.abs(x), Math.abs(y));
}

const PART_GAP = 0.2;

/** Whether two qualifier sets hold the same demonyms, colours and model names (none on either side counts as a difference). */
function sameClosedQualifiers(a: string[], b: string[]): boolean {
  const closed = (qs: string[]): string => qs.filter((q) => closedClass(q) !== undefined).sort().join('|');
  return closed(a) === closed(b);
}

/**
 * Whether two descriptions of a thing can name one set: "assault rifles"
 * and "machine guns" cannot, "AK-47 assault rifles" and "AK-47 guns" can.
 * A description on one side only says nothing either way.
 */
function descriptionsMeet(a: string[], b: string[]): boolean {
  const plain = (qs: string[]): string[] => qs.filter((q) => closedClass(q) === undefined && !CONTRASTIVE.has(q));
  const pa = plain(a);
  const pb = plain(b);
  return pa.length === 0 || pb.length === 0 || pa.some((q) => pb.includes(q));
}

/** Reports of one event's date differ by a day or two; dates further apart are of other events. */
const MAX_DAYS_APART = 3;

function daysApart(a: string | undefined, b: string | undefined): number {
  const parse = (k: string | undefined): number | undefined => {
    const m = /^--(\d\d)-(\d\d)$/.exec(k ?? '');
    return m === null ? undefined : Date.UTC(2001, Number(m[1]) - 1, Number(m[2]));
  };
  const x = parse(a);
  const y = parse(b);
  return x === undefined || y === undefined ? 0 : Math.abs(x - y) / 86400000;
}

/**
 * A day is compared with a day written the same way: a weekday with a
 * weekday, a calendar date with a calendar date; and a year or a month an
 * event is dated by ("retired in 1993") with a year or a month.
 */
function dayKeyType(key: string | undefined): string {
  if (key === undefined) return '';
  if (key.startsWith('--')) return 'date';
  return periodKind(key) ?? 'weekday';
}

/** How well a fact fits a slot already holding others: shared qualifiers and the same event count. */
function fitScore(x: PlacedFact, slot: Slot): number {
  let s = 0;
  for (const m of slot.members) {
    if (m.fact.predicate !== undefined && m.fact.predicate === x.fact.predicate) s += 2;
    for (const q of x.fact.qualifiers ?? []) if ((m.fact.qualifiers ?? []).includes(q)) s += 1;
  }
  return s / slot.members.length;
}

/**
 * Slots of a story. Facts are taken in article order and each joins the
 * slot whose every member it is compatible with (complete linkage: no
 * chaining from "rifles" through "guns" to "weapons"), the best-fitting one
 * when several are, else opens its own.
 */
export function buildSlots(placed: PlacedFact[]): Slot[] {
  const buckets = new Map<string, PlacedFact[]>();
  for (const p of placed) {
    const key = bucketOf(p.fact);
    if (key === undefined) continue;
    (buckets.get(key) ?? buckets.set(key, []).get(key) ?? []).push(p);
  }
  const slots: Slot[] = [];
  for (const key of [...buckets.keys()].sort()) {
    const inBucket: Slot[] = [];
    for (const p of buckets.get(key) ?? []) {
      let best: Slot | undefined;
      let bestScore = -1;
      for (const s of inBucket) {
        if (!s.members.every((m) => compatible(m, p))) continue;
        const score = fitScore(p, s);
        if (score > bestScore) {
          best = s;
          bestScore = score;
        }
      }
      if (best !== undefined) best.members.push(p);
      else inBucket.push({ kind: p.fact.kind, members: [p] });
    }
    slots.push(...inBucket);
  }
  return slots;
}

export interface SlotValue {
  value: FactValue;
  members: PlacedFact[];
}

/**
 * The values a slot's articles give, one per article: an article that
 * gives two values that disagree for one slot (a subtotal and a total it
 * did not tell apart) says nothing certain of it and is left out.
 */
export function slotValues(slot: Slot): SlotValue[] {
  const byArticle = new Map<string, PlacedFact[]>();
  for (const m of slot.members) (byArticle.get(m.article) ?? byArticle.set(m.article, []).get(m.article) ?? []).push(m);
  const groups: { members: PlacedFact[] }[] = [];
  for (const all of byArticle.values()) {
    // An article's earlier figure gives way to its latest.
    const latest = all.filter((f) => f.fact.tense !== 'earlier');
    const facts = latest.length > 0 ? latest : all;
    const first = facts[0] as PlacedFact;
    if (facts.some((f) => !valuesAgree(slot.kind, f.fact.value, first.fact.value, first.fact.scope === 'total'))) continue;
    // A value joins the group whose every value it agrees with (hedges do not chain: "about 20:45" agrees with
    // 20:48 and 20:42, which do not agree with each other).
    // Only one figure reported twice corroborates: a bound joins the figures it names, not every figure it holds.
    const g = groups.find((x) => x.members.every((m) => sameValue(slot.kind, m.fact.value, first.fact.value, first.fact.scope === 'total')));
    if (g !== undefined) g.members.push(first);
    else groups.push({ members: [first] });
  }
  return groups.map((g) => ({ value: representative(g.members), members: g.members }));
}

/** The value a group shows: the one most of its members give as written, else the first. */
function representative(members: PlacedFact[]): FactValue {
  const counts = new Map<string, { n: number; v: FactValue }>();
  for (const m of members) {
    const k = m.fact.value.text.toLowerCase();
    const c = counts.get(k) ?? { n: 0, v: m.fact.value };
    c.n++;
    counts.set(k, c);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.v ?? (members[0] as PlacedFact).fact.value;
}

/**
 * Whether agreeing reports of a slot's value make a claim of their own: a
 * sum or a length that names neither whose it is nor what it is of ("worth
 * about $160 million") may be any of a story's figures, and two such that
 * agree may still be two different deals.
 */
export function corroborates(value: SlotValue): boolean {
  if (value.members.some((m) => m.fact.kind === 'measure' && m.fact.thing === 'duration')) return durationCorroborates(value);
  return value.members.some((m) => !(m.fact.kind === 'measure' && GENERIC_MEASURES.has(m.fact.thing ?? '') && !named(m.fact.holder)));
}

/**
 * A length of time is everywhere in a report ("for another eight minutes",
 * "within ten days"): two that agree are one fact only when every side says
 * whose time it is, or two say what went on for it in the same words
 * ("shook hands for 40 seconds" twice), not when one side names no act at
 * all.
 */
function durationCorroborates(value: SlotValue): boolean {
  // Whose time it is, named on every side ("the second in two days" said of one player is not "added in the last two days").
  if (value.members.every((m) => named(m.fact.holder))) return true;
  const acts = new Map<string, number>();
  for (const m of value.members) {
    const act = m.fact.predicate;
    if (act === undefined || LIGHT_VERBS.has(act)) continue;
    acts.set(act, (acts.get(act) ?? 0) + 1);
  }
  return [...acts.values()].some((n) => n >= 2);
}

/**
 * The values of a slot that dispute one another, when they make a dispute a
 * reader can check from the sentences: each given by at least one report
 * that names the event (a figure under "included" alone is not enough) or
 * whose holder is named, and for slots fixed by their holder ("the
 * 41-year-old American" may be anyone) a named holder on every side.
 * Values that give no such anchor stay out of the dispute.
 */
export function disputedValues(slot: Slot, values: SlotValue[]): SlotValue[] | undefined {
  if (values.length < 2) return undefined;
  if (slot.kind === 'identifier') return values;
  // A party is fixed by its slot: reports of it can only agree.
  if (slot.kind === 'party') return undefined;
  const anchored = (v: SlotValue): boolean =>
    v.members.some((m) => {
      const f = m.fact;
      // A reader cannot tell from "killed in those bombings" which bombings: that sentence anchors nothing.
      if (f.pointsBack === true) return false;
      // Where a facility is agrees across reports but disputes nothing: a report may name the city, another its county.
      if (f.role === 'site') return false;
      // One person holds many roles at once: two contradict each other only within a class held one at a time
      // ("CEO" / "COO"), said of a named person.
      if (f.kind === 'role') return exclusiveClass(f) !== undefined && named(f.holder) && !(f.qualifiers ?? []).includes('changing');
      if (HOLDER_KINDS.has(slot.kind)) return named(f.holder);
      // A calibre names its weapon by the noun after it ("a .38-caliber revolver"): a story's revolver has one bore.
      if (f.kind === 'calibre') return true;
      // A moment dates an event a reader can tell apart: what it happened to, or who took part.
      if (f.kind === 'time' || f.kind === 'day') return !light(f.predicate) && (f.thing !== undefined || named(f.holder) || (f.participants ?? []).some((p) => p !== '?') || DISTINCT_EVENTS.has(f.predicate ?? ''));
      // A part of the event ("in the second half") is too loosely bounded to contradict anything.
      if (f.scope === 'part') return false;
      if (f.role === 'attribute') return named(f.holder);
      // A tally ("finished with 716 yards") is anyone's until the clause names whose: "the rookie" may be another player.
      if (f.predicate === TALLY) return named(f.holder);
      // A sum or a length with nothing to tell what it is of ("$160 million", "finished at $24.13") may be any of a story's figures.
      if (f.kind === 'measure' && GENERIC_MEASURES.has(f.thing ?? '') && !named(f.holder)) return false;
      return !light(f.predicate) || (f.kind === 'measure' && f.thing !== undefined && f.holder !== undefined);
    });
  const sides = values.filter(anchored);
  // Values that all hold one another ("at least 70" and "about 100") are not a dispute, only not a corroboration.
  const total = slot.members[0]?.fact.scope === 'total';
  const contradict = sides.some((x, i) => sides.some((y, j) => j > i && !valuesAgree(slot.kind, x.value, y.value, total)));
  return sides.length >= 2 && contradict ? sides : undefined;
}

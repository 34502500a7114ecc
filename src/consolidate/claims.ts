import { WEEKDAYS } from '../analyze/dates.js';
import type { AnalyzedArticle, Claim, ClaimConflict, EntityType } from '../types.js';
import { containment, contentStems, oneSpelling, sameWording } from './text.js';
import { agree, sameSlot } from './numbers.js';
import { OPENING_CONNECTIVES, sharedContentCount, sharedHeadEnd, type Unit } from './units.js';

/**
 * Claims from aligned clusters: the most central member's sentence speaks
 * for the claim; support counts sources, independent support counts
 * independence groups; values that disagree become conflicts.
 */

export interface BuiltClaim {
  claim: Claim;
  /** The statement units of its sentences (those long enough to be units): what the summary compares. */
  units: Unit[];
  /** Earliest relative position among members, for ordering the summary. */
  position: number;
  /** Where the claim first appears (article index, sentence index): the last key of the claim order. */
  firstArticle: number;
  firstSentence: number;
  /** The sentences of its sources, as "article#sentence index". */
  sentences: string[];
  /** A claim about who someone is ("Scott Boras, agent"), listed after the claims about what happened. */
  minor?: true;
}

export interface NameInfo {
  type: (key: string) => EntityType;
  name: (key: string) => string;
  /** The independence group of an article. */
  group: (article: string) => string;
  /** Whether an article names the entity anywhere. */
  names: (article: string, key: string) => boolean;
}

export function buildClaims(clusters: number[][], units: Unit[], groupOf: (id: string) => string, sim: (a: Unit, b: Unit) => number, names: NameInfo): BuiltClaim[] {
  const groupsOfUnits = clusters.flatMap((c) => withoutStrays(c.map((i) => units[i] as Unit).sort((a, b) => a.articleIndex - b.articleIndex), sim));
  return groupsOfUnits.map(({ members, rep }) => {
    const groups = new Set(members.map((m) => groupOf(m.article)));
    // Figures, times and days are compared fact by fact (facts.ts); a statement claim disputes only a name one source puts in another's place.
    const conflicts = nameConflicts(members, names);
    const claim: Claim = {
      id: '',
      text: withoutUnsharedDays(wording(rep, members), rep, members),
      sources: members.map((m) => ({ source: m.article, sentence: m.text })),
      support: members.length,
      independentSupport: groups.size,
      status: conflicts.length > 0 ? 'disputed' : groups.size >= 2 ? 'corroborated' : 'single-source',
      conflicts,
    };
    const first = members[0] as Unit;
    return { claim, units: members, position: Math.min(...members.map((m) => m.position)), firstArticle: first.articleIndex, firstSentence: first.sentence, sentences: members.map((m) => `${m.article}#${m.sentence}`) };
  });
}

/** Share of the chosen wording's content words a member must say to stand behind it. */
const MIN_WORDING_SHARE = 0.5;
/** Likeness to the wording (the same quote counts) at which a member stands behind it however few words it shares. */
const CLOSE_LIKENESS = 0.5;

/**
 * A claim's members, in the order they are shown, with its chosen wording;
 * those that say too little of the wording to state it are claims of their
 * own ("The record is set, but history is still waiting." beside two copies
 * of "North Carolina waited for Hansbrough to make history, then cruised to
 * a lopsided victory").
 */
function withoutStrays(members: Unit[], sim: (a: Unit, b: Unit) => number): { members: Unit[]; rep: Unit }[] {
  const rep = central(members, sim);
  if (members.length < 2 || rep.content.size === 0) return [{ members, rep }];
  // (Not one the words tie closely anyway: the same quote, whose words are the speaker's and no content of either.)
  const strays = members.filter((m) => m !== rep && sharedContentCount(rep, m) / rep.content.size < MIN_WORDING_SHARE && sim(m, rep) < CLOSE_LIKENESS);
  if (strays.length === 0) return [{ members, rep }];
  const kept = members.filter((m) => !strays.includes(m));
  return [{ members: kept, rep: central(kept, sim) }, ...strays.map((m) => ({ members: [m], rep: m }))];
}

/**
 * The claim's text: its chosen sentence, without a trailing clause that none
 * of the other sources says anything of ("Cheeks was fired on Saturday, and
 * DiLeo will coach the rest of the season" beside reports of the firing
 * alone): what the sources state together, not what one adds.
 */
export function wording(rep: Unit, members: Unit[], keep = 0): string {
  if (members.length < 2) return rep.text;
  // (A clause after the head stays only if every other source says some of it; a fact claim, `keep` given, also ends
  // before a second verb phrase joined by "and".)
  const end = sharedHeadEnd(rep, members.filter((m) => m !== rep), keep > 0);
  // (`keep`: an offset in the text the head must reach past, a fact claim's value.)
  if (end === undefined || end < keep) return rep.text;
  // (A quote left open by the cut would read as a fragment: keep the whole sentence then.)
  const head = rep.text.slice(0, end).replace(/[\s,;:]+$/u, '');
  return unbalancedQuotes(head) ? rep.text : `${head}.`;
}

/**
 * The claim's text without the day its sentence dates it by when another of
 * its sources does not give that day ("The Hawks placed Tom Fry on injured
 * reserve on Wednesday" beside "The Hawks have placed Tom Fry on injured
 * reserve"): the claim states what all its sources state. Only a day that
 * closes a phrase of the clause ("on Wednesday", "sentenced Saturday
 * morning to life"), and only a day, never a year or a month (which tell
 * one occasion from another); never one that opens the sentence, qualifies a noun
 * ("the Dec. 6 killing", "Wednesday's game"), bounds a stretch ("since
 * Monday", "by Saturday") or stands inside a quote.
 */
export function withoutUnsharedDays(text: string, rep: Unit, members: Unit[]): string {
  const others = members.filter((m) => m !== rep);
  if (others.length === 0) return text;
  // The days the text names: weekdays as written (an article resolves them only when it is dated), and dates to the day.
  const days: { from: number; to: number; says: (m: Unit) => boolean }[] = [];
  for (const w of text.matchAll(WEEKDAY_RE)) {
    const day = (w[1] as string).toLowerCase();
    // (Its "late" or "early" goes with it only where a source without the day does not say that word too: "took off two
    // hours late Friday" beside "took off two hours late" keeps "late".)
    const hedge = /^(late|early)\s+/iu.exec(w[0]);
    const saysDay = (m: Unit): boolean => m.text.toLowerCase().includes(day);
    const keepHedge = hedge !== null && others.some((m) => !saysDay(m) && new RegExp(`\\b${(hedge[1] as string).toLowerCase()}\\b`, 'iu').test(m.text));
    const from = (w.index ?? 0) + (keepHedge ? (hedge as RegExpExecArray)[0].length : 0);
    days.push({ from, to: (w.index ?? 0) + w[0].length, says: saysDay });
  }
  for (const d of rep.dates) {
    // (A year or a month tells one occasion from another, "spent time at the clinic in 2010": only a day goes.)
    if (d.start === undefined || d.end === undefined || d.precision !== 'day' || WEEKDAY_NAME_RE.test(d.text)) continue;
    days.push({ from: d.start - rep.start, to: d.end - rep.start, says: (m) => m.dates.some((x) => x.iso === d.iso) });
  }
  let out = text;
  let cuts = 0;
  for (const d of days.sort((x, y) => y.from - x.from)) {
    if (d.from <= 0 || d.to > out.length || others.every(d.says) || unbalancedQuotes(out.slice(0, d.from))) continue;
    const before = out.slice(0, d.from);
    const after = out.slice(d.to);
    // (Not a day that opens the sentence, "On Tuesday, team officials …".)
    if (!DAY_CLOSES_RE.test(after) || DAY_BOUND_BEFORE_RE.test(before) || /^\s*(?:\p{L}+\s+)?$/u.test(before)) continue;
    // The space before it, and the "on" that ties it.
    const cut = /\s+(?:on\s+)?$/u.exec(before)?.[0].length ?? 0;
    if (cut === 0) continue;
    out = `${before.slice(0, before.length - cut)}${after}`;
    cuts++;
  }
  // (", on Wednesday, the team …" leaves two commas.)
  if (cuts === 0) return text;
  return out.replace(/,\s*,/gu, ',').replace(/\s+([.,;:])/gu, '$1').replace(/,([.;:])/gu, '$1');
}

/** A weekday as a sentence dates something by ("Wednesday", "Saturday night"). */
const WEEKDAY_NAMES = WEEKDAYS.map((d) => `${(d[0] as string).toUpperCase()}${d.slice(1)}`).join('|');
/** (With the "late" or "early" that places it in the day: "late Thursday night", "Early Friday".) */
const WEEKDAY_RE = new RegExp(`\\b(?:(?:[Ll]ate|[Ee]arly)\\s+)?(${WEEKDAY_NAMES})(?:\\s+(?:night|morning|afternoon|evening))?\\b`, 'gu');
const WEEKDAY_NAME_RE = new RegExp(`\\b(?:${WEEKDAY_NAMES})\\b`, 'u');

/** After a day that closes a phrase: the end, a comma, or a word that opens another phrase or clause. */
const DAY_CLOSES_RE = /^(?:\s*[.,;:!?]|\s*$|\s+(?:because|after|before|when|as|in|at|to|for|with|from|while|amid|despite|following)\b)/u;
/** Before a day that is a bound, a noun's qualifier or another word's object: "since", "by", "the", a possessive, "a release date of", "planned for". */
const DAY_BOUND_BEFORE_RE = /(?:\b(?:since|by|until|till|through|from|before|after|the|a|an|this|last|next|every|each|of|for|in|at|to|with|during|between|than)|['’]s?)\s+$/iu;

/**
 * Claims with one wording whose sentences are all sentences of another such
 * claim are that claim: two facts of one sentence ("seizing 12 Somali and 11
 * Yemeni pirates": the Somalis and the Yemenis) would otherwise list the
 * sentence twice, and a sentence that one fact of it puts in a claim with
 * other reports would be listed again as a claim of its one report (shown
 * single-source beside the same words shown corroborated). The claim with
 * the most sentences keeps every fact and every conflict of the others, and
 * names what it is about by each. (A fact claim of one report stays its own
 * claim beside one of more reports in its words.)
 */
export function mergeRepeats(built: BuiltClaim[]): BuiltClaim[] {
  const sentencesOf = (b: BuiltClaim): Set<string> => new Set(b.claim.sources.map((x) => `${x.source}\u0000${x.sentence}`));
  const byText = new Map<string, { b: BuiltClaim; sentences: Set<string> }[]>();
  // The widest claims of a wording first, so that each narrower one finds the claim that holds it.
  const widestFirst = built.map((b, i) => ({ b, i, sentences: sentencesOf(b) })).sort((x, y) => y.sentences.size - x.sentences.size || x.i - y.i);
  const into = new Map<BuiltClaim, BuiltClaim>();
  // (A fact of one source is no part of a claim of more: its slot would read as corroborated, or disputed, by them.)
  const folds = (b: BuiltClaim, into: BuiltClaim): boolean => b.claim.facts === undefined || b.claim.status !== 'single-source' || into.claim.status === 'single-source';
  for (const { b, sentences } of widestFirst) {
    const same = byText.get(b.claim.text) ?? byText.set(b.claim.text, []).get(b.claim.text) ?? [];
    const holder = same.find((k) => folds(b, k.b) && [...sentences].every((x) => k.sentences.has(x)));
    if (holder === undefined) same.push({ b, sentences });
    else into.set(b, holder.b);
  }
  const out: BuiltClaim[] = [];
  for (const b of built) {
    const kept = into.get(b);
    if (kept === undefined) {
      out.push(b);
      continue;
    }
    const c = kept.claim;
    if (b.claim.facts !== undefined) c.facts = [...(c.facts ?? []), ...b.claim.facts];
    for (const k of b.claim.conflicts) if (!c.conflicts.includes(k)) c.conflicts.push(k);
    if (b.claim.status === 'disputed') c.status = 'disputed';
    if (b.claim.about !== undefined) c.about = withSlot(c.about, b.claim.about);
    for (const u of b.units) if (!kept.units.includes(u)) kept.units.push(u);
    kept.position = Math.min(kept.position, b.position);
    if (b.minor !== true) delete kept.minor;
  }
  return out;
}

/** What a claim is about with one more slot named ("number of Somali seized; number of Yemeni nationals seized"). */
function withSlot(about: string | undefined, slot: string): string {
  if (about === undefined) return slot;
  return about.split('; ').includes(slot) ? about : `${about}; ${slot}`;
}

/** Stable order and ids: most independent support first, then most support, then where it first appears. */
export function numberClaims(built: BuiltClaim[]): BuiltClaim[] {
  built.sort(
    (a, b) =>
      Number(a.minor === true) - Number(b.minor === true) ||
      b.claim.independentSupport - a.claim.independentSupport ||
      b.claim.support - a.claim.support ||
      a.firstArticle - b.firstArticle ||
      a.firstSentence - b.firstSentence ||
      a.claim.text.localeCompare(b.claim.text),
  );
  built.forEach((b, i) => (b.claim.id = `c${i + 1}`));
  return built;
}

/** Words beyond which a member sentence reads worse as the claim's wording. */
const LONG_WORDS = 30;
/** Cost per 10 words beyond LONG_WORDS. */
const LENGTH_COST = 0.1;
/** Cost of a wording that leans on its context: a leading pronoun, a clause fragment, a colon left open at its end. */
const DANGLING_COST = 1;

/** A piece of a quote cut by the sentence splitter ("…; they are also trying to develop space”."). */
function unbalancedQuotes(text: string): boolean {
  const open = (text.match(/[“«„]/g) ?? []).length;
  const close = (text.match(/[”»]/g) ?? []).length;
  // Single quotes: an opening ‘ after a space, a closing ’ before a space or punctuation (not "Kim’s").
  const openSingle = (text.match(/(?:^|[\s([—–-])‘/g) ?? []).length;
  const closeSingle = (text.match(/’(?=[\s.,;:!?)\]—–-]|$)/g) ?? []).length;
  return open !== close || (text.match(/"/g) ?? []).length % 2 === 1 || openSingle > closeSingle;
}

/**
 * Weight of how much of a wording every other source says too: the claim's text should state what all its sources
 * state, not a longer sentence of which one gives only a part ("Bush hurt his knee on October 19 and missed
 * four games", twice, beside "Bush hurt his knee on October 19"). Above likeness to the others, which two copies
 * of the longer sentence would otherwise win on.
 */
export const SHARED_WEIGHT = 1.5;

/** The share of a unit's content words that every other member says too: the least any of them says of it. */
export function sharedShare(m: Unit, members: Unit[]): number {
  return leastShare(m.content, members.filter((o) => o !== m).map((o) => o.content));
}

/** The share of a set of words that every other set holds too: the least any of them holds of it (none when there is no other). */
export function leastShare(mine: ReadonlySet<string>, others: ReadonlySet<string>[]): number {
  if (mine.size === 0 || others.length === 0) return 0;
  let least = 1;
  for (const theirs of others) {
    let n = 0;
    for (const w of mine) if (theirs.has(w)) n++;
    least = Math.min(least, n / mine.size);
  }
  return least;
}

/** A wording that opens with a pronoun, after any connective ("He …", "But they …"): it leans on the sentence before. */
const PRONOUN_LEAD = new RegExp(String.raw`^${OPENING_CONNECTIVES}(?:he|she|they|it|this|these|those|his|her|their|all this|others)\b`, 'i');

/** What a wording loses by its length and by leaning on its context. */
export function standingCost(text: string): number {
  const words = text.split(/\s+/).length;
  let cost = (LENGTH_COST * Math.max(0, words - LONG_WORDS)) / 10;
  // (A sentence that opens with a figure reads worse: often one cut from its start, ".358 with 13 home runs", and
  // "Twelve people were killed" reads better than "12 people were killed" anyway.)
  if (PRONOUN_LEAD.test(text) || /^[\p{Ll}\d]/u.test(text) || /:\s*$/.test(text) || unbalancedQuotes(text)) cost += DANGLING_COST;
  return cost;
}

/** The member most similar to the others and most said by them, preferring wordings that stand on their own. */
function central(members: Unit[], sim: (a: Unit, b: Unit) => number): Unit {
  let best = members[0] as Unit;
  let bestScore = -Infinity;
  for (const m of members) {
    let s = SHARED_WEIGHT * sharedShare(m, members) - standingCost(m.text);
    for (const o of members) if (o !== m) s += sim(m, o);
    if (s > bestScore + 1e-9) {
      best = m;
      bestScore = s;
    }
  }
  return best;
}

/** Kinds of names whose substitution is a contradiction (a place, a named thing such as a rocket), and how to call it. */
const NAME_KINDS: Partial<Record<EntityType, string>> = { place: 'place', other: 'name' };
/** Characters either side of a name read as the role it fills. */
const ROLE_CONTEXT_CHARS = 50;

/**
 * Names that replace one another: sources that each name exactly one
 * thing of a kind the others do not ("at Vostochny" / "at Baikonur";
 * "the Angara" / "the Soyuz-2"), and whose articles never name the other
 * source's thing at all — an outlet that names both elsewhere is not
 * contradicting, only saying something else in this sentence. Names every
 * member shares, and members that name nothing of the kind, say nothing.
 */
function nameConflicts(members: Unit[], names: NameInfo): ClaimConflict[] {
  if (members.length < 2) return [];
  const out: ClaimConflict[] = [];
  // Sentences that give different figures of one kind ("killed 12" / "killed 16") tell of two events, not of one named two ways.
  if (otherFigures(members)) return [];
  for (const [kind, about] of Object.entries(NAME_KINDS) as [EntityType, string][]) {
    // A nationality ("Somali", "Yemeni") qualifies a thing; it names none.
    const per = members.map((m) => ({ m, keys: [...m.contentEntities].filter((k) => names.type(k) === kind && !nationality(names.name(k))) }));
    const counts = new Map<string, number>();
    for (const p of per) for (const k of p.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    const distinctive = per.filter((p) => p.keys.length === 1 && (counts.get(p.keys[0] as string) ?? 0) < members.length && !listed(p.m, p.keys[0] as string));
    const values = new Map<string, string[]>();
    for (const d of distinctive) {
      const k = d.keys[0] as string;
      // Only a name the other naming sources never use anywhere replaces theirs.
      // (Two sentences word for word alike name one thing, however each article resolved the name: "the Doctor".)
      const rivals = distinctive.filter((o) => o.keys[0] !== k && !sameWording(o.m.text, d.m.text));
      if (rivals.length === 0 || rivals.some((o) => names.names(o.m.article, k) || names.names(d.m.article, o.keys[0] as string))) continue;
      const list = values.get(k) ?? [];
      if (!list.includes(d.m.article)) list.push(d.m.article);
      values.set(k, list);
    }
    // Exactly two rival names, in surroundings that share a word (the role they fill: "toured the X
    // launch site" / "the Y space launch rocket"); more names than two is a list, not a substitution.
    const [first, second] = [...values.keys()];
    // The two names must come from independent outlets: copies of one report disagree with nothing.
    const groups = new Set([...values.values()].flat().map((a) => names.group(a)));
    if (groups.size < 2 || [first, second].some((k) => k === undefined || !namelike(names.name(k)))) continue;
    const role = values.size === 2 && !spellings(first ?? '', second ?? '') && samePlaces(distinctive, names) ? sharedRole(distinctive.map((d) => ({ unit: d.m, key: d.keys[0] as string }))) : undefined;
    if (role !== undefined) {
      out.push({ about: `${about} in “${role}”`, kind: 'contradiction', values: [...values.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, sources]) => ({ value: names.name(k), sources })) });
    }
  }
  return out;
}

/**
 * Whether the two sides of a name rivalry may be about one place: sentences
 * that set their thing in different places ("Asma school in Gaza City" /
 * "Fakhura school in the Jabalya camp") are about two things, not one named
 * two ways.
 */
function samePlaces(sides: { m: Unit; keys: string[] }[], names: NameInfo): boolean {
  const byName = new Map<string, Set<string>>();
  for (const d of sides) {
    const k = d.keys[0] as string;
    const places = byName.get(k) ?? new Set<string>();
    for (const p of d.m.places) if (p !== k) places.add(p);
    byName.set(k, places);
  }
  const [a, b] = [...byName.values()];
  if (a === undefined || b === undefined || a.size === 0 || b.size === 0) return true;
  return [...a].some((p) => b.has(p));
}

/**
 * A name that is one item of a list ("makes Ritz crackers, Lorna Doone cookies and other baked goods"):
 * one of several, it stands in for no other name.
 */
function listed(unit: Unit, key: string): boolean {
  const at = unit.mentionAt.get(key);
  if (at === undefined) return false;
  // Two separators of a list around the name ("Ritz crackers, Lorna Doone cookies, and …"), not an apposition
  // ("the Angara, Russia's new space launch rocket, is assembled").
  const around = unit.text.slice(Math.max(0, at[0] - unit.start - 60), at[1] - unit.start + 60);
  const name = unit.text.slice(at[0] - unit.start, at[1] - unit.start);
  const item = String.raw`\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*(?:\s+\p{Ll}+){0,2}`;
  const list = new RegExp(String.raw`${item},\s+${item},?\s+(?:and|or)\s`, 'u');
  const m = list.exec(around);
  return m !== null && m[0].includes(name);
}

function nationality(name: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:an|ese|ish|i)s?$/u.test(name);
}

/** Whether members give figures of one kind that do not agree. */
function otherFigures(members: Unit[]): boolean {
  for (const a of members)
    for (const b of members) {
      if (a.article >= b.article) continue;
      for (const x of a.numbers) for (const y of b.numbers) if (sameSlot(x, y) && !agree(x, y)) return true;
    }
  return false;
}

/** A name a reader recognises as one: not an abbreviation ("Calif."), not a single letter pair. */
function namelike(name: string): boolean {
  return name.length > 2 && !name.endsWith('.');
}

/** Share of the shorter name's words the other must carry to be another spelling of it, not a rival. */
const SPELLING_CONTAINMENT = 0.6;

/**
 * Names that do not replace one another: one thing spelled two ways ("Central Election Commission" /
 * "Central Elections Commission"), or a part and its whole under one proper name ("Gaza City" /
 * "Gaza Strip", "Windows Update" / "Windows Internet Explorer"). Rivals share at most their head
 * noun ("Vostochny Cosmodrome" / "Baikonur Cosmodrome").
 */
function spellings(a: string, b: string): boolean {
  // Transliterations and hyphenation of one name ("Salahaddin" / "Salahuddin", "Co-operation").
  if (oneSpelling(a, b)) return true;
  const wa = contentStems(a);
  const wb = contentStems(b);
  if (wa.length > 1 && wb.length > 1 && wa[0] === wb[0]) return true;
  return containment(new Set(wa), new Set(wb)).score >= SPELLING_CONTAINMENT;
}

/** Words kept either side of the elided name when the sentence names the role. */
const FRAME_WORDS = 6;

/**
 * The role two rival names fill, shown as the sentence around the first
 * name with the name left out ("Putin met Kim at the … on Wednesday"), when
 * the surroundings of the two names share a word; none when they share none
 * — then they are not rivals.
 */
function sharedRole(named: { unit: Unit; key: string }[]): string | undefined {
  const contexts = named.map(({ unit, key }) => {
    const at = unit.mentionAt.get(key);
    if (at === undefined) return { key, unit, rel: undefined, stems: new Set<string>() };
    const rel: [number, number] = [at[0] - unit.start, at[1] - unit.start];
    const around = `${unit.text.slice(Math.max(0, rel[0] - ROLE_CONTEXT_CHARS), rel[0])} ${unit.text.slice(rel[1], rel[1] + ROLE_CONTEXT_CHARS)}`;
    const own = new Set(contentStems(unit.text.slice(rel[0], rel[1])));
    return { key, unit, rel, stems: new Set(contentStems(around).filter((x) => !own.has(x))) };
  });
  for (let i = 0; i < contexts.length; i++)
    for (let j = i + 1; j < contexts.length; j++) {
      const a = contexts[i] as (typeof contexts)[number];
      const b = contexts[j] as (typeof contexts)[number];
      if (a.key === b.key || a.rel === undefined || ![...a.stems].some((x) => b.stems.has(x))) continue;
      const before = a.unit.text.slice(0, a.rel[0]).trim().split(/\s+/).slice(-FRAME_WORDS).join(' ');
      const after = a.unit.text.slice(a.rel[1]).trim().split(/\s+/).slice(0, FRAME_WORDS).join(' ').replace(/[.,;:]+$/, '');
      return `${before} … ${after}`.trim();
    }
  return undefined;
}

export type { AnalyzedArticle };

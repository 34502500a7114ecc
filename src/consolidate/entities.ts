import { aliasMap, entityKey, SLIP_RATIO, slipOf } from '../analyze/keys.js';
import { sameGivenName } from './given-names.js';
import { agesOf } from './names.js';
import { oneSpelling } from './text.js';
import type { AnalyzedArticle, BriefEntity, EntityType } from '../types.js';

/**
 * Entities across the story: keys merged again over all articles (one
 * outlet writes "Kim", another only "Kim Jong Un"), typed by the majority of
 * their typed mentions, named by their most frequent full spelling.
 */

export interface EntityIndex {
  /** Any key seen → canonical key. */
  canonical: (key: string) => string;
  /** Canonical key → display name. */
  name: (key: string) => string;
  type: (key: string) => EntityType;
  entities: BriefEntity[];
}

/** How much more a typed mention by the full name counts than a short form. */
const FULL_NAME_WEIGHT = 10;
/** How many times more often a shorter full name must be written than the canonical one to be shown instead. */
const DISPLAY_SHORT_RATIO = 3;
/** An entity nobody typed and only one source names is noise ("Earth" in "low Earth orbit"). */
const MIN_SOURCES_UNTYPED = 2;

export function indexEntities(articles: AnalyzedArticle[]): EntityIndex {
  const counts = new Map<string, number>();
  const order: string[] = [];
  const acronyms = new Set<string>();
  const namedIn = new Map<string, Set<string>>();
  for (const a of articles)
    for (const e of a.entities) {
      if (!counts.has(e.key)) order.push(e.key);
      counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
      if (/^\p{Lu}{2,6}$/u.test(e.text)) acronyms.add(e.key);
      (namedIn.get(e.key) ?? namedIn.set(e.key, new Set()).get(e.key) ?? new Set()).add(a.article.id);
    }
  const alias = aliasMap(counts, order, acronyms);
  // "US" for "United States", "UN" for "United Nations": an acronym is the initials of a longer name.
  const byInitials = new Map<string, string[]>();
  for (const k of order) if (k.includes(' ')) (byInitials.get(initials(k)) ?? byInitials.set(initials(k), []).get(initials(k)) ?? []).push(k);
  for (const acr of acronyms) {
    if (alias.has(acr)) continue;
    const full = [...(byInitials.get(acr.replace(/ /g, '')) ?? [])];
    const best = full.sort((x, y) => (counts.get(y) ?? 0) - (counts.get(x) ?? 0))[0];
    if (best !== undefined) alias.set(acr, alias.get(best) ?? best);
  }
  misspellings(order, namedIn, counts, alias);
  const person = personKeys(typeVotes(articles));
  slips(order, counts, alias, person);
  familiarNames(order, namedIn, alias, person, agesOf(articles, (k) => alias.get(k) ?? k));
  protagonistSurnames(order, namedIn, alias, person);
  const canonical = (k: string): string => alias.get(k) ?? k;

  const types = new Map<string, Map<EntityType, number>>();
  const spellings = new Map<string, Map<string, number>>();
  // Spellings of two words or more shorter than the canonical key ("Peter Capaldi" for "peter capaldi takes").
  const shortNames = new Map<string, Map<string, number>>();
  // And of one word ("Capaldi"): what outlets call the entity for short.
  const oneWordNames = new Map<string, Map<string, number>>();
  const sources = new Map<string, Set<string>>();
  const mentions = new Map<string, number>();
  for (const a of articles) {
    for (const e of a.entities) {
      const k = canonical(e.key);
      const inFull = canonicalSpelling(e.text, k);
      // Mentions by the full name carry the article's best evidence; short forms and acronyms
      // ("US", typed by shape alone) count only when nothing fuller was typed.
      const t = types.get(k) ?? new Map<EntityType, number>();
      t.set(e.type, (t.get(e.type) ?? 0) + (inFull ? FULL_NAME_WEIGHT : 1));
      types.set(k, t);
      // Full spellings, else shorter ones of several words, else one-word ones.
      const byKind = inFull ? spellings : e.text.trim().includes(' ') ? shortNames : oneWordNames;
      const sp = byKind.get(k) ?? new Map<string, number>();
      sp.set(e.text, (sp.get(e.text) ?? 0) + 1);
      byKind.set(k, sp);
      const s = sources.get(k) ?? new Set<string>();
      s.add(a.article.id);
      sources.set(k, s);
      mentions.set(k, (mentions.get(k) ?? 0) + 1);
    }
  }
  const typeOf = (k: string): EntityType => {
    const t = types.get(canonical(k));
    if (t === undefined) return 'other';
    let best: EntityType = 'other';
    let n = 0;
    for (const ty of ['person', 'organization', 'place'] as const) {
      const c = t.get(ty) ?? 0;
      if (c > n) {
        best = ty;
        n = c;
      }
    }
    return best;
  };
  // Names are asked for once per quote and entity: each is worked out once.
  const names = new Map<string, string>();
  const nameOf = (k: string): string => {
    const c = canonical(k);
    const known = names.get(c);
    if (known !== undefined) return known;
    const name = displayName(c);
    names.set(c, name);
    return name;
  };
  const displayName = (c: string): string => {
    const mostFrequent = (m: Map<string, number> | undefined): [string, number] | undefined => [...(m ?? new Map<string, number>()).entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0];
    const full = mostFrequent(spellings.get(c));
    // A full name written once, where outlets write a shorter full name many times over, is a slip of the name-finder
    // (a headline verb or a title in title case: "Peter Capaldi Takes", "GM Ed Stefanski"): show the name outlets use.
    // It must hold the word outlets call the entity by ("Capaldi"), so that a name merged in by mistake is never shown.
    const short = mostFrequent(shortNames.get(c));
    const one = mostFrequent(oneWordNames.get(c));
    const holdsWord = short !== undefined && one !== undefined && short[0].split(/\s+/).includes(one[0]);
    if (short !== undefined && holdsWord && (full === undefined || short[1] >= DISPLAY_SHORT_RATIO * full[1])) return short[0];
    // A key no mention spells in full ("u s" of "U.S.") shows as an outlet writes it.
    return full?.[0] ?? short?.[0] ?? one?.[0] ?? c;
  };
  const entities: BriefEntity[] = [];
  for (const [k, s] of sources) {
    const type = typeOf(k);
    if (type === 'other' && s.size < MIN_SOURCES_UNTYPED) continue;
    entities.push({ name: nameOf(k), type, sources: [...s].sort(), mentions: mentions.get(k) ?? 0 });
  }
  entities.sort((a, b) => b.sources.length - a.sources.length || b.mentions - a.mentions || a.name.localeCompare(b.name));
  return { canonical, name: nameOf, type: typeOf, entities };
}

/** A spelling names the canonical entity in full when its key has as many words. */
function canonicalSpelling(text: string, key: string): boolean {
  // Counted on the text's own key, so that initials count as words ("U.N. Security Council", "J.J. Redick").
  const words = entityKey(text).split(' ').length;
  return words >= key.split(' ').length;
}

const MINOR_WORDS = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'de', 'du', 'la']);

function initials(key: string): string {
  return key
    .split(' ')
    .filter((w) => !MINOR_WORDS.has(w))
    .map((w) => w[0] ?? '')
    .join('');
}

/** How many times more articles must name the story's person in full than the next of that surname. */
const PROTAGONIST_RATIO = 2;

/**
 * A longer person's name written far less often than a person's name it
 * ends with is a slip of the name-finder: "ERS Fired Jim O'Brien" (a
 * headline in capitals) once beside "Jim O'Brien" many times is Jim
 * O'Brien. (People only: "West Palm Beach" is not "Palm Beach".)
 */
function slips(order: string[], counts: Map<string, number>, alias: Map<string, string>, person: (key: string) => boolean): void {
  for (const long of order) {
    const tokens = long.split(' ');
    if (tokens.length < 3 || alias.has(long) || !person(long)) continue;
    // The shorter names of two words or more it ends with, written far more often, all one person.
    const held = new Set(order.filter((short) => person(short) && slipOf(short.split(' '), tokens) && (counts.get(short) ?? 0) >= SLIP_RATIO * (counts.get(long) ?? 0)).map((short) => alias.get(short) ?? short));
    const [target] = held;
    if (held.size === 1 && target !== undefined) alias.set(long, target);
  }
}

/** Each key's typed mentions, by type (mentions typed by nothing do not vote). */
function typeVotes(articles: AnalyzedArticle[]): Map<string, Map<EntityType, number>> {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const a of articles)
    for (const e of a.entities) {
      if (e.type === 'other') continue;
      const m = votes.get(e.key) ?? votes.set(e.key, new Map()).get(e.key) ?? new Map<EntityType, number>();
      m.set(e.type, (m.get(e.type) ?? 0) + 1);
    }
  return votes;
}

/** Whether a key is a person's name: typed a person at least as often as a place or a body. */
function personKeys(votes: Map<string, Map<EntityType, number>>): (key: string) => boolean {
  return (k) => {
    const m = votes.get(k);
    const people = m?.get('person') ?? 0;
    return people > 0 && people >= Math.max(m?.get('place') ?? 0, m?.get('organization') ?? 0);
  };
}

/**
 * One person called by a familiar given name and by the full one ("Mo
 * Cheeks" / "Maurice Cheeks", "Chris Ivory" / "Christopher Ivory"): the
 * rarer name is the other's, when the story names no third person of that
 * surname whose given name fits too ("Chris Lee" beside "Christopher Lee"
 * and "Christine Lee" stays itself).
 */
function familiarNames(order: string[], namedIn: Map<string, Set<string>>, alias: Map<string, string>, person: (key: string) => boolean, ages: Map<string, Set<number>>): void {
  const canonicalOf = (k: string): string => alias.get(k) ?? k;
  const people = [...new Set(order.map(canonicalOf))].filter((k) => /^[a-z]+ [a-z' -]+$/.test(k) && person(k));
  const articles = (k: string): number => namedIn.get(k)?.size ?? 0;
  const given = (k: string): string => k.slice(0, k.indexOf(' '));
  const surname = (k: string): string => k.slice(k.indexOf(' ') + 1);
  // The other people of the surname whose given name may be this one's.
  const fitting = (k: string): string[] => people.filter((m) => m !== k && surname(m) === surname(k) && sameGivenName(given(k), given(m)));
  for (const k of people) {
    // (Two names that come with different ages are two people: "Christopher Okafor, 45" / "Chris Okafor, 19".)
    const sameAge = (m: string): boolean => !ages.has(k) || !ages.has(m) || [...(ages.get(k) ?? [])].some((n) => ages.get(m)?.has(n));
    // (Any name it may stand for counts against the merge; only one that is not a feminine form built on it is merged.)
    const fits = fitting(k).filter(sameAge);
    const [other] = fits;
    if (other === undefined || fits.length > 1 || !sameGivenName(given(k), given(other), true)) continue;
    // (The name fewer articles use gives way to the other; of two named by as many, the shorter: "Mo" to "Maurice".)
    const yields = articles(k) < articles(other) || (articles(k) === articles(other) && k.length < other.length);
    if (!yields || fitting(other).length > 1) continue;
    for (const key of order) if (canonicalOf(key) === k) alias.set(key, other);
    alias.set(k, other);
  }
}

/**
 * A surname alone that the plain rule of short forms left unresolved
 * (it ends several names) is a person's when it ends one person's full name
 * only (beside names a headline made: "Hansbrough Sets Scoring Record"); and
 * where it ends two people's ("Hansbrough" beside "Tyler Hansbrough" and his
 * father "Gene Hansbrough"; "Gray" beside "Kimani Gray" and his sister
 * "Mahnefah Gray"), it is, as news writes it, the story's person: the one
 * named in full by at least twice as many articles as any other. Where none
 * stands out so, it stays a name of its own.
 */
function protagonistSurnames(order: string[], namedIn: Map<string, Set<string>>, alias: Map<string, string>, person: (key: string) => boolean): void {
  const canonicalOf = (k: string): string => alias.get(k) ?? k;
  const articlesOf = new Map<string, Set<string>>();
  for (const k of order) {
    const c = canonicalOf(k);
    const set = articlesOf.get(c) ?? articlesOf.set(c, new Set()).get(c) ?? new Set<string>();
    for (const id of namedIn.get(k) ?? []) set.add(id);
  }
  const people = [...new Set(order.map(canonicalOf))].filter((k) => k.includes(' ') && person(k));
  for (const k of order) {
    if (k.includes(' ') || alias.has(k)) continue;
    const candidates = people.filter((p) => p.slice(p.lastIndexOf(' ') + 1) === k).sort((x, y) => (articlesOf.get(y)?.size ?? 0) - (articlesOf.get(x)?.size ?? 0) || x.localeCompare(y));
    const [first, second] = candidates;
    if (first === undefined) continue;
    // (One person's, beside names of other kinds a headline made: "Hansbrough Sets Scoring Record".)
    if (second === undefined || (articlesOf.get(first)?.size ?? 0) >= PROTAGONIST_RATIO * (articlesOf.get(second)?.size ?? 0)) alias.set(k, first);
  }
}

/** A misspelt name is in no more articles than this. */
const MAX_MISSPELT_SOURCES = 1;
/** The name it misspells is in at least this many. */
const MIN_WELL_SPELT_SOURCES = 3;

/**
 * One outlet's misspelling of a name the others agree on ("Klitchsko" for
 * "Klitschko"): a name in one article only whose last word is another
 * spelling of the last word of a name at least three articles give, never
 * in the same article (an article that writes both means two people)
 * unless it is written only once.
 */
function misspellings(order: string[], namedIn: Map<string, Set<string>>, counts: Map<string, number>, alias: Map<string, string>): void {
  const common = order.filter((k) => (namedIn.get(k)?.size ?? 0) >= MIN_WELL_SPELT_SOURCES);
  const lastWord = (k: string): string => k.slice(k.lastIndexOf(' ') + 1);
  for (const k of order) {
    if (alias.has(k) || (namedIn.get(k)?.size ?? 0) > MAX_MISSPELT_SOURCES) continue;
    const own = namedIn.get(k) ?? new Set<string>();
    const word = lastWord(k);
    // (A slip of the keyboard once in an article that spells the name right elsewhere is still a slip.)
    const once = counts.get(k) === 1;
    const target = common.find((m) => m !== k && lastWord(m) !== word && lastWord(m)[0] === word[0] && oneSpelling(lastWord(m), word) && (once || ![...own].some((a) => namedIn.get(m)?.has(a))));
    if (target !== undefined) alias.set(k, alias.get(target) ?? target);
  }
}

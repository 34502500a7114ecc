import type { AnalyzedArticle, Claim } from '../types.js';
import type { BuiltClaim } from './claims.js';
import type { EntityIndex } from './entities.js';
import { isGivenName } from './given-names.js';
import { editDistance } from './text.js';

/**
 * One person's name written two ways by different outlets: "Bryant Dalton"
 * in four reports and "Brian Dalton" in one. Two full names are one person
 * spelled two ways when they share the surname, their first names are near
 * spellings of each other (same first letter, few edits), no report writes
 * both — a report that names both names two people ("Dorothy Brown and
 * LaTonya Brown") — and one of them is the spelling of several reports, the
 * other of one, and the reports give them no different ages. A nickname
 * ("Alexis" / "Alexandros") or another name ("Ravi Singh" / "Manpreet
 * Singh") is no dispute, nor a short form ("Steve" / "Steven") or a British
 * spelling ("Organisation"). Such a slip of spelling is read as the agreed
 * name; it becomes a disputed claim about the name, with the first sentence
 * of each report that writes it, only when the slip is a given name of its
 * own (otherGivenNames): not a slip that is no name ("Malcom" for "Malcolm")
 * or one name transliterated two ways ("Gurbanguli" / "Gurbanguly", "Sergey"
 * / "Sergei").
 */

/** Edits (insert, delete, substitute) two first names may differ by: "Bryant" / "Brian" is two. */
const MAX_EDITS = 2;
/** And at most a third of the longer name's letters. */
const MAX_EDIT_SHARE = 1 / 3;
/** First names shorter than this are initials or too short to tell a slip from another name ("Jon" / "Jan"). */
const MIN_FIRST_NAME = 4;
/** Reports that must agree on a spelling before one report's other spelling is a slip, not another person. */
const MIN_MAJORITY = 2;

interface FirstSentence {
  index: number;
  text: string;
  articleIndex: number;
}

export interface Spelling {
  key: string;
  first: string;
  surname: string;
  /** How the reports write the name, with counts: the dispute shows the most written ("LaTonya Brown", not the one report's "LaTonya Sharon Brown"). */
  written: Map<string, number>;
  /** Article id → the first sentence that writes the name. */
  sentences: Map<string, FirstSentence>;
}

/**
 * A spelling several reports agree on, against each near spelling that one
 * report alone writes (a third spelling joins the same dispute): two
 * spellings one report each may be two people ("Mark Kelly" / "Mary
 * Kelly"), so only a slip against an agreed name is a dispute.
 */
export function nameVariantClaims(variants: NameVariants, ents: EntityIndex, groupOf: (id: string) => string): BuiltClaim[] {
  return variants.groups.flatMap((g) => {
    const disputed = otherGivenNames(g);
    return disputed.length >= 2 ? [disputeOf(disputed, ents, groupOf)] : [];
  });
}

/**
 * The spellings of a group that disagree on who is named: the agreed one and
 * each slip that is a given name of its own ("Brian" beside "Bryant", "Dana"
 * beside "Dina"; "Malcolm" written once beside "Malcom" written twice: the
 * reports' own spelling may be the slip): which name is right is a question
 * for the reader. A slip that is no name ("Malcom" beside "Malcolm", "Anre"
 * beside "Andre") or the agreed name transliterated another way
 * ("Gurbanguli" / "Gurbanguly", "Sergei" / "Sergey") only misspells the one
 * person: it still stands for them (sameAs), but disputes nothing.
 */
function otherGivenNames(group: Spelling[]): Spelling[] {
  const [agreed, ...slips] = group;
  if (agreed === undefined) return [];
  return [agreed, ...slips.filter((s) => isGivenName(s.first) && !transliterations(agreed.first, s.first))];
}

/**
 * Two writings of one name that differ in a final "y" or "i", one of them no
 * given name of the lists ("Sergey" / "Sergei", "Yury" / "Yuri"): one name
 * transliterated two ways. (Both in the lists, they are two names: "Terry" /
 * "Terri", "Tony" / "Toni".)
 */
function transliterations(a: string, b: string): boolean {
  return a.replace(/y$/u, 'i') === b.replace(/y$/u, 'i') && !(isGivenName(a) && isGivenName(b));
}

/** The name disputes of a story: each group the agreed spelling first, then its slips. */
export interface NameVariants {
  groups: Spelling[][];
  /** A slip's entity key → the agreed spelling's: one person, whose facts are one person's. */
  sameAs: Map<string, string>;
}

export function nameVariants(articles: AnalyzedArticle[], ents: EntityIndex): NameVariants {
  // Compared within a surname only: a story of many reports names many people.
  const bySurname = new Map<string, Spelling[]>();
  for (const s of personSpellings(articles, ents)) (bySurname.get(s.surname) ?? bySurname.set(s.surname, []).get(s.surname) ?? []).push(s);
  const ages = agesOf(articles, ents.canonical);
  // Two spellings that come with different ages ("Francis Dalton, 31" / "Frances Dalton, 54") are two people.
  const sameAge = (a: Spelling, b: Spelling): boolean => {
    const x = ages.get(a.key);
    const y = ages.get(b.key);
    return x === undefined || y === undefined || [...x].some((n) => y.has(n));
  };
  const out: Spelling[][] = [];
  for (const spellings of bySurname.values()) {
    const used = new Set<Spelling>();
    for (const agreed of spellings) {
      if (used.has(agreed) || agreed.sentences.size < MIN_MAJORITY) continue;
      const slips = spellings.filter(
        (s) => s !== agreed && !used.has(s) && s.sentences.size === 1 && nearSpellings(agreed.first, s.first) && ![...s.sentences.keys()].some((id) => agreed.sentences.has(id)) && sameAge(agreed, s),
      );
      if (slips.length === 0) continue;
      for (const s of [agreed, ...slips]) used.add(s);
      out.push([agreed, ...slips]);
    }
  }
  const sameAs = new Map<string, string>();
  for (const [agreed, ...slips] of out) for (const s of slips) sameAs.set(s.key, (agreed as Spelling).key);
  return { groups: out, sameAs };
}

/** The ages the reports give each person (canonical key → ages). */
export function agesOf(articles: AnalyzedArticle[], canonical: (key: string) => string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const a of articles)
    for (const f of a.facts ?? []) {
      if (f.kind !== 'age' || f.holder === undefined || f.value.number === undefined) continue;
      const k = canonical(f.holder);
      (out.get(k) ?? out.set(k, new Set()).get(k) ?? new Set()).add(f.value.number);
    }
  return out;
}

/** Full names of people (two words or more), each with the reports that write it. */
function personSpellings(articles: AnalyzedArticle[], ents: EntityIndex): Spelling[] {
  const byKey = new Map<string, Spelling>();
  articles.forEach((a, articleIndex) => {
    for (const e of a.entities) {
      const key = ents.canonical(e.key);
      if (ents.type(key) !== 'person') continue;
      const words = key.split(' ').filter((w) => w.length > 0);
      if (words.length < 2) continue;
      const first = words[0] as string;
      if (first.length < MIN_FIRST_NAME) continue;
      const s = byKey.get(key) ?? { key, first, surname: words[words.length - 1] as string, written: new Map(), sentences: new Map() };
      byKey.set(key, s);
      if (e.text.includes(' ')) s.written.set(e.text, (s.written.get(e.text) ?? 0) + 1);
      const sentence = a.sentences[e.sentence];
      if (sentence !== undefined && !s.sentences.has(a.article.id)) s.sentences.set(a.article.id, { index: e.sentence, text: sentence.text, articleIndex });
    }
  });
  // The most written first, so the dispute lists the majority's spelling first.
  return [...byKey.values()].filter((s) => s.sentences.size > 0).sort((x, y) => y.sentences.size - x.sentences.size || x.key.localeCompare(y.key));
}

/** Near spellings of one name: same first letter, at most MAX_EDITS edits and MAX_EDIT_SHARE of the longer. */
export function nearSpellings(a: string, b: string): boolean {
  if (a === b || a[0] !== b[0] || Math.min(a.length, b.length) < MIN_FIRST_NAME) return false;
  // A short form is the same name ("Steve" / "Steven"), and so is a British spelling ("Organisation" / "Organization").
  if (a.startsWith(b) || b.startsWith(a) || a.replace(/s/g, 'z') === b.replace(/s/g, 'z')) return false;
  const d = editDistance(a, b);
  return d <= MAX_EDITS && d <= MAX_EDIT_SHARE * Math.max(a.length, b.length);
}

function disputeOf(spellings: Spelling[], ents: EntityIndex, groupOf: (id: string) => string): BuiltClaim {
  const names = spellings.map((s) => [...s.written.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? ents.name(s.key));
  const about = `name of ${names[0] as string}`;
  const members = spellings.flatMap((s) => [...s.sentences.entries()]).sort((x, y) => x[1].articleIndex - y[1].articleIndex || x[1].index - y[1].index);
  const first = (members[0] as [string, FirstSentence])[1];
  const reports = (n: number): string => `${n} report${n === 1 ? '' : 's'}`;
  const claim: Claim = {
    id: '',
    // Said in words of the brief's own: no one sentence states the disagreement.
    text: `Name written ${spellings.length === 2 ? 'two' : String(spellings.length)} ways: ${spellings.map((s, k) => `${names[k] as string} (${reports(s.sentences.size)})`).join(', ')}.`,
    sources: members.map(([id, s]) => ({ source: id, sentence: s.text })),
    support: members.length,
    independentSupport: new Set(members.map(([id]) => groupOf(id))).size,
    status: 'disputed',
    conflicts: [{ about, kind: 'contradiction', values: spellings.map((s, k) => ({ value: names[k] as string, sources: [...s.sentences.keys()].sort() })) }],
    about,
  };
  return { claim, units: [], position: 1, firstArticle: first.articleIndex, firstSentence: first.index, sentences: members.map(([id, s]) => `${id}#${s.index}`) };
}

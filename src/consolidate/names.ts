import type { AnalyzedArticle, Claim } from '../types.js';
import type { BuiltClaim } from './claims.js';
import type { EntityIndex } from './entities.js';

/**
 * One person's name written two ways by different outlets: "Bryant Dalton"
 * in four reports and "Brian Dalton" in one, "LaTonya Brown" and "Latoya
 * Brown". Two full names are one person spelled two ways when they share
 * the surname, their first names are near spellings of each other (same
 * first letter, few edits), and no report writes both — a report that names
 * both names two people ("Dorothy Brown and LaTonya Brown"). A nickname
 * ("Alexis" / "Alexandros") or another name ("Ravi Singh" / "Manpreet
 * Singh") is no dispute, nor a short form ("Steve" / "Steven") or a
 * British spelling ("Organisation"): only a slip of spelling or another
 * transliteration ("Gurbanguli" / "Gurbanguly") is. Each becomes a
 * disputed claim about the name, with the first sentence of each report
 * that writes it.
 */

/** Edits (insert, delete, substitute, swap) two first names may differ by: "Bryant" / "Brian" is two. */
const MAX_EDITS = 2;
/** And at most this share of the longer name's letters. */
const MAX_EDIT_SHARE = 0.34;
/** First names shorter than this are initials or too short to tell a slip from another name ("Jon" / "Jan"). */
const MIN_FIRST_NAME = 4;

interface Spelling {
  key: string;
  first: string;
  surname: string;
  /** Article id → the index and text of the first sentence that writes the name. */
  sentences: Map<string, { index: number; text: string; articleIndex: number }>;
}

export function nameVariantClaims(articles: AnalyzedArticle[], ents: EntityIndex, groupOf: (id: string) => string): BuiltClaim[] {
  const spellings = personSpellings(articles, ents);
  const out: BuiltClaim[] = [];
  const used = new Set<string>();
  for (let i = 0; i < spellings.length; i++) {
    const a = spellings[i] as Spelling;
    for (let j = i + 1; j < spellings.length; j++) {
      const b = spellings[j] as Spelling;
      if (used.has(a.key) || used.has(b.key) || a.surname !== b.surname || !nearSpellings(a.first, b.first)) continue;
      if ([...a.sentences.keys()].some((id) => b.sentences.has(id))) continue;
      used.add(a.key);
      used.add(b.key);
      out.push(disputeOf(a, b, ents, groupOf));
    }
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
      const s = byKey.get(key) ?? { key, first, surname: words[words.length - 1] as string, sentences: new Map() };
      byKey.set(key, s);
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

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++)
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
    }
  return (d[rows - 1] as number[])[cols - 1] as number;
}

function disputeOf(a: Spelling, b: Spelling, ents: EntityIndex, groupOf: (id: string) => string): BuiltClaim {
  const nameA = ents.name(a.key);
  const nameB = ents.name(b.key);
  const about = `name of ${nameA}`;
  const members = [...a.sentences.entries(), ...b.sentences.entries()].sort((x, y) => x[1].articleIndex - y[1].articleIndex || x[1].index - y[1].index);
  const first = (members[0] as [string, { index: number; text: string; articleIndex: number }])[1];
  const majority = a.sentences.values().next().value as { text: string };
  const claim: Claim = {
    id: '',
    text: majority.text,
    sources: members.map(([id, s]) => ({ source: id, sentence: s.text })),
    support: members.length,
    independentSupport: new Set(members.map(([id]) => groupOf(id))).size,
    status: 'disputed',
    conflicts: [
      {
        about,
        kind: 'contradiction',
        values: [
          { value: nameA, sources: [...a.sentences.keys()].sort() },
          { value: nameB, sources: [...b.sentences.keys()].sort() },
        ],
      },
    ],
    about,
  };
  return { claim, units: [], position: 1, firstArticle: first.articleIndex, firstSentence: first.index, sentences: members.map(([id, s]) => `${id}#${s.index}`) };
}

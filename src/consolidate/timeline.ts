import type { AnalyzedArticle, Brief } from '../types.js';
import type { BuiltClaim } from './claims.js';

/**
 * Dated statements in time order: each resolved date in a claim's member
 * sentence dates that claim (the analyzer resolved relative dates against
 * publishedAt). Sources are the claim's sources that carry the date. An
 * entry reads as the claim where the claim's wording gives the date as the
 * sentence writes it; otherwise as the sentence that gives it ("1967" is not
 * the date of "Police announced Ann Lee was arrested Friday", the wording of
 * a claim whose other source says the killings were in 1967).
 */
export function buildTimeline(articles: AnalyzedArticle[], built: BuiltClaim[]): Brief['timeline'] {
  const claimsOf = new Map<string, { b: BuiltClaim; start: number; end: number; text: string }[]>();
  for (const b of built) for (const u of b.units) {
    const k = `${u.article}#${u.sentence}`;
    (claimsOf.get(k) ?? claimsOf.set(k, []).get(k) ?? []).push({ b, start: u.start, end: u.end, text: u.text });
  }
  const entries = new Map<string, { when: string; text: string; sources: Set<string> }>();
  for (const a of articles) {
    for (const d of a.dates) {
      if (d.iso === undefined) continue;
      // The claim of the clause the date stands in.
      const options = claimsOf.get(`${a.article.id}#${d.sentence}`) ?? [];
      const at = options.find((o) => d.start !== undefined && d.start >= o.start && d.start < o.end) ?? options[0];
      if (at === undefined) continue;
      const b = at.b;
      // (The whole sentence, not the clause: a clause may be a fragment, "and Sept. 11, 2001 conspirator Zacarias Moussaoui".)
      const text = givesDate(b.claim.text, d.text) ? b.claim.text : (a.sentences[d.sentence]?.text ?? at.text);
      const key = `${d.iso}|${text === b.claim.text ? b.claim.id : text}`;
      const e = entries.get(key) ?? { when: d.iso, text, sources: new Set<string>() };
      e.sources.add(a.article.id);
      entries.set(key, e);
    }
  }
  return [...entries.values()]
    .sort((x, y) => x.when.localeCompare(y.when) || x.text.localeCompare(y.text))
    .map((e) => ({ when: e.when, text: e.text, sources: [...e.sources].sort() }));
}

/**
 * Whether a wording writes a date as a sentence did, its preposition and
 * part of the day aside ("early Tuesday" is given by "on Tuesday"; "on
 * March 11, 2005" by "March 11, 2005" and by "March 11"), case, commas and
 * spacing aside.
 */
function givesDate(text: string, written: string): boolean {
  const squeeze = (x: string): string => ` ${x.toLowerCase().replace(/[,.]/g, ' ').replace(/\s+/g, ' ').trim()} `;
  const date = squeeze(written)
    .replace(/^ (?:(?:on|in|at|by|since|from|early|late|this|last|next) )+/, ' ')
    .replace(/ (?:morning|afternoon|evening|night) $/, ' ');
  // ("October 5" gives "October 5, 2013": the year is the entry's own.)
  const withoutYear = date.replace(/ \d{4} $/, ' ');
  const wording = squeeze(text);
  return date.trim() !== '' && (wording.includes(date) || (withoutYear !== date && /\d/.test(withoutYear) && wording.includes(withoutYear)));
}

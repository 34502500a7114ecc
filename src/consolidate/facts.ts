import type { AnalyzedArticle, Claim, ClaimConflict, ClaimFact, FactValue } from '../types.js';
import { describeAge, describeAttribute, describeParty, describeRole, describeSlot } from './about.js';
import { type BuiltClaim, leastShare, SHARED_WEIGHT, standingCost, wording } from './claims.js';
import type { EntityIndex } from './entities.js';
import { buildSlots, corroborates, disputedValues, figuresApart, placeFacts, slotValues, type PlacedFact, type Slot, type SlotValue } from './slots.js';
import { contentOf, type Unit } from './units.js';
import { contentStems } from './text.js';
import { valuesAgree } from './values.js';

/**
 * Claims made of facts: every slot that two or more articles fill, with the
 * values they give. A slot whose values disagree, where each value comes
 * from a report that names the event, is a conflict; when the values were
 * reported at different times in the direction a running figure moves (a
 * toll that grows), or one outlet marks its figure as an earlier one, the
 * conflict is a revision, and the brief says "revised from X to Y".
 */

/** Kinds of fact a sentence tells in passing, about something else: their claim is worded as the attribute alone. */
const ATTRIBUTE_KINDS = new Set<Slot['kind']>(['year', 'colour', 'home', 'rank', 'calibre']);

export interface FactClaim {
  slot: Slot;
  about: string;
  /** The claim's own wording where no sentence of it states just the fact (a role: "Scott Boras, agent"). */
  wording?: string;
  values: SlotValue[];
  /** One fact per article, the first it gives. */
  members: PlacedFact[];
  conflict?: ClaimConflict;
}

/**
 * The fact claims of a story, and the values of every slot its reports
 * disagree on, disputed or not: sentences that give different values of
 * one fact never corroborate each other, even where the disagreement is
 * too loosely anchored to show as a dispute.
 */
export function factClaims(articles: AnalyzedArticle[], ents: EntityIndex, sameAs: Map<string, string> = new Map()): { claims: FactClaim[]; disagreements: SlotValue[][]; figuresApart: (a: string, b: string) => boolean } {
  const published = new Map(articles.map((a) => [a.article.id, a.article.publishedAt]));
  const out: FactClaim[] = [];
  const placed = placeFacts(articles, ents, sameAs);
  const disagreements: SlotValue[][] = [];
  for (const slot of buildSlots(placed)) {
    const all = slotValues(slot);
    if (all.length >= 2) disagreements.push(all);
    const sides = disputedValues(slot, all);
    // Without a dispute, the claim is what most of its reports agree on; values nobody anchors stay out of it.
    const values = sides ?? [...all].sort((a, b) => b.members.length - a.members.length).slice(0, 1).filter(corroborates);
    const members = values.flatMap((v) => v.members);
    if (new Set(members.map((m) => m.article)).size < 2) continue;
    const about = describeSlot(slot, ents);
    const claim: FactClaim = { slot, about, values, members: members.sort((a, b) => a.articleIndex - b.articleIndex || a.fact.valueStart - b.fact.valueStart) };
    // A role is said in passing ("agent Scott Boras countered …"): the sentences state other things, the claim only the role.
    if (slot.kind === 'role' && sides === undefined) claim.wording = describeRole(slot, ents);
    // So is an age ("the 33-year-old actress's rep told …", "Reid, 33, was photographed …"): the claim is the age alone.
    if (slot.kind === 'age' && sides === undefined) claim.wording = describeAge(slot, ents);
    // And a deed done to a named party ("Hewlett-Packard's purchase of Electronic Data Systems could mean …"): the deed alone.
    if (slot.kind === 'party') claim.wording = describeParty(slot, ents);
    // And an attribute ("who shot to fame in 1999 movie American Pie, decided to check in"): the attribute alone.
    if (ATTRIBUTE_KINDS.has(slot.kind) && sides === undefined) claim.wording = describeAttribute(slot, ents);
    if (sides !== undefined) {
      const ordered = orderValues(sides, published);
      claim.conflict = {
        about,
        kind: ordered.revision ? 'revision' : 'contradiction',
        values: ordered.values.map((v) => {
          const members = sideMembers(v, ordered.values, slot);
          return { value: sideLabel(v.value, members), sources: [...new Set(members.map((m) => m.article))].sort() };
        }),
      };
    }
    out.push(claim);
  }
  return { claims: withoutDisputedSentences(out, disagreements), disagreements, figuresApart: figuresApart(placed) };
}

/** Written forms a side's label shows at most: its value as most write it, then others that agree with it. */
const MAX_SIDE_FORMS = 3;

/**
 * How a side of a dispute reads: the ways its reports write its value, up to
 * MAX_SIDE_FORMS, so that a source is not shown with another report's words
 * ("2:53 p.m. or approximately 3:00 pm", not "2:53 p.m." for a report of
 * "approximately 3:00 pm"; "$80 million or nearly $80 million"). Forms that
 * differ only in case or spacing are one.
 */
function sideLabel(shown: FactValue, members: PlacedFact[]): string {
  // (A hedged or bounded figure keeps its words: "nearly 40" is not "about 40"; a figure written with other digits keeps
  // them: "1500 GMT" is not "3 p.m.". A plain figure spelt in words or with a suffix is the same form: "eleven", "11th".)
  const plain = (v: FactValue): boolean => v.number !== undefined && v.approximate !== true && v.lowerBound !== true && v.upperBound !== true;
  const text = (t: string): string => t.toLowerCase().replace(/\s+/g, ' ').trim();
  const digits = (t: string): string => t.replace(/\D/g, '');
  const same = (a: FactValue, b: FactValue): boolean =>
    text(a.text) === text(b.text) ||
    (plain(a) && plain(b) && a.number === b.number && a.max === b.max && a.unit === b.unit && (digits(a.text) === digits(b.text) || digits(a.text) === '' || digits(b.text) === ''));
  const forms: FactValue[] = [shown];
  for (const m of members) if (!forms.some((f) => same(f, m.fact.value))) forms.push(m.fact.value);
  const all = forms.map((f) => f.text);
  return all.length <= MAX_SIDE_FORMS ? all.join(' or ') : `${all.slice(0, MAX_SIDE_FORMS).join(', ')} or another form`;
}

/**
 * The reports a side of a dispute stands for: not a bound that holds every
 * other side's figure too ("more than 30 hours" beside "30 hours" against
 * "40 hours"; "at least four" against "five"), which takes neither side.
 * (A side made only of such bounds keeps them: it is what the side says.)
 */
function sideMembers(side: SlotValue, sides: SlotValue[], slot: Slot): PlacedFact[] {
  const others = sides.filter((o) => o !== side);
  const firm = side.members.filter((m) => !others.every((o) => valuesAgree(slot.kind, m.fact.value, o.value)));
  return firm.length > 0 ? firm : side.members;
}

/**
 * A role claim (and an age's, a deed's) keeps out the sentences that would make it carry two sides
 * of one dispute: "owner John Henry, CEO Larry Lucchino and …" beside "owner
 * John Henry, COO Larry Lucchino and …" agree on the owner, but a claim of
 * both would either hide the dispute over Lucchino's title or be marked
 * disputed over a role nobody disputes. It keeps the side most of its
 * sentences give (and every sentence that gives none); a role claim left
 * with one report is none.
 */
function withoutDisputedSentences(claims: FactClaim[], disagreements: SlotValue[][]): FactClaim[] {
  const sidesOf = (values: SlotValue[]): Set<string>[] => values.map((v) => new Set(v.members.map((m) => `${m.article}#${m.sentenceIndex}`)));
  const disputes = claims.filter((c) => c.conflict !== undefined).map((c) => sidesOf(c.values));
  // A deed's claim keeps out the sides of any disagreement, disputed or not ("Sixty-year-old Ann Lee is accused" /
  // "Ann Lee, 61, was charged"): it states the deed only, and should not seem to vouch for both ages.
  const disagreeing = disagreements.map(sidesOf);
  if (disputes.length === 0 && !claims.some((c) => c.slot.kind === 'party')) return claims;
  const out: FactClaim[] = [];
  for (const c of claims) {
    if (c.wording === undefined) {
      out.push(c);
      continue;
    }
    const drop = new Set<string>();
    const mine = new Set(c.members.map((m) => `${m.article}#${m.sentenceIndex}`));
    for (const sides of c.slot.kind === 'party' ? [...disputes, ...disagreeing] : disputes) {
      const held = sides.map((side) => [...mine].filter((k) => side.has(k)));
      if (held.filter((h) => h.length > 0).length < 2) continue;
      const kept = held.reduce((best, h) => (h.length > best.length ? h : best), [] as string[]);
      for (const h of held) if (h !== kept) for (const k of h) drop.add(k);
    }
    const members = c.members.filter((m) => !drop.has(`${m.article}#${m.sentenceIndex}`));
    if (new Set(members.map((m) => m.article)).size < 2) continue;
    out.push({ ...c, members, values: c.values.map((v) => ({ ...v, members: v.members.filter((m) => members.includes(m)) })) });
  }
  return out;
}

/**
 * Values in the order a reader should see them, and whether they are a
 * revision: every report of one value published before every report of the
 * next (publication times known for all), or all but one value marked as
 * earlier figures. Otherwise the most reported value first.
 */
function orderValues(values: SlotValue[], published: Map<string, string | undefined>): { values: SlotValue[]; revision: boolean } {
  const byCount = [...values].sort((a, b) => b.members.length - a.members.length || (a.value.number ?? 0) - (b.value.number ?? 0));
  const earlier = values.filter((v) => v.members.every((m) => m.fact.tense === 'earlier'));
  if (values.length === 2 && earlier.length === 1) {
    const latest = values.find((v) => !earlier.includes(v)) as SlotValue;
    return { values: [...earlier, latest], revision: true };
  }
  const times = values.map((v) => v.members.map((m) => published.get(m.article)));
  if (times.every((ts) => ts.every((t) => t !== undefined && !Number.isNaN(Date.parse(t))))) {
    const spans = values.map((v, i) => {
      const ms = (times[i] as string[]).map((t) => Date.parse(t));
      return { v, from: Math.min(...ms), to: Math.max(...ms) };
    });
    spans.sort((a, b) => a.from - b.from);
    const separated = spans.every((s, i) => i === 0 || (spans[i - 1] as { to: number }).to < s.from);
    if (separated) return { values: spans.map((s) => s.v), revision: true };
  }
  return { values: byCount, revision: false };
}

/**
 * Units on two sides of a slot's disagreement, or whose sentences count one
 * thing with no figure in common (`sentencesApart`), as a test over unit
 * ids: two such units never make one statement claim.
 */
export function apartUnits(disagreements: SlotValue[][], units: Unit[], sentencesApart: (a: string, b: string) => boolean = () => false): (a: Unit, b: Unit) => boolean {
  const idsAt = new Map<string, number[]>();
  for (const u of units) (idsAt.get(`${u.article}#${u.sentence}`) ?? idsAt.set(`${u.article}#${u.sentence}`, []).get(`${u.article}#${u.sentence}`) ?? []).push(u.id);
  const n = units.length;
  const apart = new Set<number>();
  for (const values of disagreements) {
    const sides = values.map((v) => v.members.flatMap((m) => idsAt.get(`${m.article}#${m.sentenceIndex}`) ?? []));
    sides.forEach((x, i) =>
      sides.forEach((y, j) => {
        if (j <= i) return;
        for (const a of x) for (const b of y) apart.add(a < b ? a * n + b : b * n + a);
      }),
    );
  }
  return (a, b) => (apart.size > 0 && apart.has(a.id < b.id ? a.id * n + b.id : b.id * n + a.id)) || (a.article !== b.article && sentencesApart(`${a.article}#${a.sentence}`, `${b.article}#${b.sentence}`));
}

/**
 * Fact claims beside the statement claims. A fact claim whose sentences
 * are all members of one statement claim adds its slot to that claim (the
 * statement already says it, with the same support); any other becomes a
 * claim of its own, its sentences one per source.
 */
export function mergeFactClaims(statements: BuiltClaim[], facts: FactClaim[], units: Unit[], groupOf: (id: string) => string): BuiltClaim[] {
  const unitsAt = new Map<string, Unit[]>();
  for (const u of units) (unitsAt.get(`${u.article}#${u.sentence}`) ?? unitsAt.set(`${u.article}#${u.sentence}`, []).get(`${u.article}#${u.sentence}`) ?? []).push(u);
  const claimOf = new Map<string, BuiltClaim>();
  for (const b of statements) for (const u of b.units) claimOf.set(`${u.article}#${u.sentence}`, b);
  const out = [...statements];
  for (const fc of facts) {
    const keys = fc.members.map((m) => `${m.article}#${m.sentenceIndex}`);
    const home = claimOf.get(keys[0] as string);
    const shown = fc.members.map(claimFact);
    if (fc.conflict === undefined && home !== undefined && keys.every((k) => claimOf.get(k) === home) && home.claim.support === fc.members.length) {
      home.claim.facts = [...(home.claim.facts ?? []), ...shown];
      continue;
    }
    out.push(factClaim(fc, shown, unitsAt, groupOf));
  }
  spreadConflicts(out, facts);
  return out;
}

/**
 * A claim whose sentences give different values of a disputed slot is
 * disputed over that slot too, whatever its own subject: its wording states
 * one of the values ("The 32-year-old Klitschko (52-3, 46 KOs) won …"),
 * which another of its sources denies. Calling it corroborated would hide
 * the dispute.
 */
function spreadConflicts(claims: BuiltClaim[], facts: FactClaim[]): void {
  const claimsAt = new Map<string, BuiltClaim[]>();
  for (const b of claims) for (const k of new Set(b.sentences)) (claimsAt.get(k) ?? claimsAt.set(k, []).get(k) ?? []).push(b);
  for (const fc of facts) {
    if (fc.conflict === undefined) continue;
    const sidesOf = new Map<BuiltClaim, Set<number>>();
    fc.values.forEach((v, i) => {
      for (const m of v.members) for (const b of claimsAt.get(`${m.article}#${m.sentenceIndex}`) ?? []) (sidesOf.get(b) ?? sidesOf.set(b, new Set()).get(b) ?? new Set()).add(i);
    });
    for (const [b, sides] of sidesOf) {
      if (sides.size < 2 || b.claim.conflicts.includes(fc.conflict)) continue;
      b.claim.conflicts.push(fc.conflict);
      b.claim.status = 'disputed';
    }
  }
}

function claimFact(m: PlacedFact): ClaimFact {
  const f = m.fact;
  const c: ClaimFact = { source: m.article, kind: f.kind, value: f.value.text };
  if (f.predicate !== undefined) c.predicate = f.predicate;
  if (f.thing !== undefined) c.thing = f.thing;
  if (f.qualifiers !== undefined && f.qualifiers.length > 0) c.qualifiers = f.qualifiers;
  if (f.holder !== undefined) c.holder = f.holder;
  if (f.scope !== undefined) c.scope = f.scope;
  return c;
}

/** Words beyond which a sentence reads worse as the claim's wording. */
const LONG_SENTENCE_WORDS = 30;

function factClaim(fc: FactClaim, shown: ClaimFact[], unitsAt: Map<string, Unit[]>, groupOf: (id: string) => string): BuiltClaim {
  const groups = new Set(fc.members.map((m) => groupOf(m.article)));
  const unitOf = new Map(fc.members.map((m) => [m, (unitsAt.get(`${m.article}#${m.sentenceIndex}`) ?? []).find((u) => m.fact.valueStart >= u.start && m.fact.valueStart < u.end)]));
  const mine = fc.members.map((m) => unitOf.get(m)).filter((u): u is Unit => u !== undefined);
  // The wording: a sentence of the most reported value, the one whose words the other sources say most, that stands
  // on its own: "He played 11 seasons, was an assistant for seven and was named coach in 2005" is not what a source
  // saying "he played 11 seasons with the team" states; the shorter sentence is what both do.
  const main = [...fc.values].sort((a, b) => b.members.length - a.members.length)[0] as SlotValue;
  // (A sentence too short to be a unit of its own, "Tom Fry died in 2006.", is weighed by its words alike.)
  const sentenceStems = new Map(fc.members.map((m) => [m, new Set(contentStems(m.sentence))]));
  // A sentence is weighed as it would be shown: without the clauses the others say nothing of ("Jo Reyes caught 52
  // passes for 440 yards." cut from "… and returned three punts", beside "Jo Reyes rushed for 404 yards and also caught
  // 52 passes for 440 yards": the first).
  const shownTexts = new Map<PlacedFact, string>();
  const shownText = (m: PlacedFact, unit: Unit): string => {
    const text = shownTexts.get(m) ?? wording(unit, mine, m.fact.valueEnd - unit.start);
    shownTexts.set(m, text);
    return text;
  };
  const cost = (m: PlacedFact): number => {
    const unit = unitOf.get(m);
    if (unit !== undefined && unit.text === m.sentence) {
      const text = shownText(m, unit);
      const others = mine.filter((o) => o !== unit).map((o) => o.content);
      return wordingCost(text) - (SHARED_WEIGHT * leastShare(text === unit.text ? unit.content : contentOf(unit, text), others) - standingCost(text));
    }
    if (unit !== undefined) return wordingCost(m.sentence);
    const others = fc.members.filter((o) => o.article !== m.article).map((o) => sentenceStems.get(o) ?? new Set<string>());
    return wordingCost(m.sentence) - (SHARED_WEIGHT * leastShare(sentenceStems.get(m) ?? new Set<string>(), others) - standingCost(m.sentence));
  };
  const rep = [...main.members].map((m) => ({ m, cost: cost(m) })).sort((a, b) => a.cost - b.cost || a.m.articleIndex - b.m.articleIndex)[0]?.m as PlacedFact;
  // The sentence without a trailing clause the others say nothing of, where the sentence is one unit and its value is
  // before the cut.
  const repUnit = mine.find((u) => u.article === rep.article && rep.fact.valueStart >= u.start && rep.fact.valueStart < u.end);
  const text = repUnit !== undefined && repUnit.text === rep.sentence ? shownText(rep, repUnit) : rep.sentence;
  const claim: Claim = {
    id: '',
    text: fc.wording ?? text,
    sources: fc.members.map((m) => ({ source: m.article, sentence: m.sentence })),
    support: fc.members.length,
    independentSupport: groups.size,
    status: fc.conflict !== undefined ? 'disputed' : groups.size >= 2 ? 'corroborated' : 'single-source',
    conflicts: fc.conflict !== undefined ? [fc.conflict] : [],
    about: fc.about,
    facts: shown,
  };
  const first = fc.members[0] as PlacedFact;
  // Units in the claim's order, the representative's first: the summary reads the first as the claim's wording.
  const ordered = [...mine.filter((u) => u.article === rep.article), ...mine.filter((u) => u.article !== rep.article)];
  const built: BuiltClaim = {
    claim,
    // (A claim worded as a role, an age, a deed or an attribute is minor: the summary reads none of them. Its units still
    // date it on the timeline.)
    units: ordered,
    position: Math.min(1, ...mine.map((u) => u.position)),
    firstArticle: first.articleIndex,
    firstSentence: first.sentenceIndex,
    sentences: fc.members.map((m) => `${m.article}#${m.sentenceIndex}`),
  };
  if (fc.wording !== undefined) built.minor = true;
  return built;
}

function wordingCost(sentence: string): number {
  const words = sentence.split(/\s+/).length;
  return Math.max(0, words - LONG_SENTENCE_WORDS) + (/^\p{Ll}/u.test(sentence) ? 10 : 0);
}

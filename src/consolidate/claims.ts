import type { AnalyzedArticle, Claim, ClaimConflict, EntityType, NumberMention } from '../types.js';
import { agree, describeSlot, sameSlot } from './numbers.js';
import { ALIGN_THRESHOLD } from './align.js';
import { containment, contentStems, stem } from './text.js';
import { quantityKind, type Unit } from './units.js';

/**
 * Claims from aligned clusters: the most central member's sentence speaks
 * for the claim; support counts sources, independent support counts
 * independence groups; values that disagree become conflicts.
 */

export interface BuiltClaim {
  claim: Claim;
  units: Unit[];
  /** Earliest relative position among members, for ordering the summary. */
  position: number;
}

export interface NameInfo {
  type: (key: string) => EntityType;
  name: (key: string) => string;
  /** Whether an article names the entity anywhere. */
  names: (article: string, key: string) => boolean;
}

export function buildClaims(
  clusters: number[][],
  units: Unit[],
  groupOf: (id: string) => string,
  sim: (a: Unit, b: Unit) => number,
  names: NameInfo,
  /** Similarity on the words alone, without the bonus for a shared kind of quantity. */
  wordSim: (a: Unit, b: Unit) => number = sim,
): BuiltClaim[] {
  const built = clusters.map((c) => {
    const members = c.map((i) => units[i] as Unit).sort((a, b) => a.articleIndex - b.articleIndex);
    const rep = central(members, sim);
    const groups = new Set(members.map((m) => groupOf(m.article)));
    const bySource = new Map(members.map((m) => [m.article, m]));
    // A contradiction needs two sources that say the same thing directly, not through a chain of members,
    // and in the same words: a shared kind of quantity cannot make two statements one and then dispute it.
    const directAt =
      (threshold: number) =>
      (c: ClaimConflict): boolean =>
        c.values.some((v, i) =>
          c.values.some((w, j) => j > i && v.sources.some((x) => w.sources.some((y) => wordSim(bySource.get(x) as Unit, bySource.get(y) as Unit) >= threshold))),
        );
    const direct = directAt(ALIGN_THRESHOLD);
    // Figures of a kind the story is full of (dollars in a contract story) and bare counts differ between
    // statements all the time: a dispute over one needs sentences that are plainly the same.
    const directCommon = directAt(COMMON_KIND_DISPUTE);
    const numeric = findConflicts(members, rep).filter((k) => (k.common ? directCommon(k.conflict) : direct(k.conflict))).map((k) => k.conflict);
    // Name conflicts carry their own guard (neither source ever names the other's name).
    const conflicts = [...numeric, ...dateConflicts(members).filter(direct), ...nameConflicts(members, names)];
    const claim: Claim = {
      id: '',
      text: rep.text,
      sources: members.map((m) => ({ source: m.article, sentence: m.text })),
      support: members.length,
      independentSupport: groups.size,
      status: conflicts.length > 0 ? 'disputed' : groups.size >= 2 ? 'corroborated' : 'single-source',
      conflicts,
    };
    return { claim, units: members, position: Math.min(...members.map((m) => m.position)) };
  });
  // Stable order: most independent support first, then most support, then where it first appears.
  built.sort(
    (a, b) =>
      b.claim.independentSupport - a.claim.independentSupport ||
      b.claim.support - a.claim.support ||
      (a.units[0]?.articleIndex ?? 0) - (b.units[0]?.articleIndex ?? 0) ||
      (a.units[0]?.sentence ?? 0) - (b.units[0]?.sentence ?? 0),
  );
  built.forEach((b, i) => (b.claim.id = `c${i + 1}`));
  return built;
}

/** Similarity on words two sources must reach to dispute a figure of a kind common in the story. */
const COMMON_KIND_DISPUTE = 0.45;

/** Words beyond which a member sentence reads worse as the claim's wording. */
const LONG_WORDS = 30;
/** Cost per 10 words beyond LONG_WORDS. */
const LENGTH_COST = 0.1;
/** Cost of a wording that leans on its context: a leading pronoun or a clause fragment. */
const DANGLING_COST = 0.3;

/** A piece of a quote cut by the sentence splitter ("…; they are also trying to develop space”."). */
function unbalancedQuotes(text: string): boolean {
  const open = (text.match(/[“«„]/g) ?? []).length;
  const close = (text.match(/[”»]/g) ?? []).length;
  // Single quotes: an opening ‘ after a space, a closing ’ before a space or punctuation (not "Kim’s").
  const openSingle = (text.match(/(?:^|[\s([—–-])‘/g) ?? []).length;
  const closeSingle = (text.match(/’(?=[\s.,;:!?)\]—–-]|$)/g) ?? []).length;
  return open !== close || (text.match(/"/g) ?? []).length % 2 === 1 || openSingle > closeSingle;
}

/** The member most similar to the others, preferring wordings that stand on their own. */
function central(members: Unit[], sim: (a: Unit, b: Unit) => number): Unit {
  let best = members[0] as Unit;
  let bestScore = -Infinity;
  for (const m of members) {
    let s = 0;
    for (const o of members) if (o !== m) s += sim(m, o);
    const words = m.text.split(/\s+/).length;
    s -= (LENGTH_COST * Math.max(0, words - LONG_WORDS)) / 10;
    if (/^(?:he|she|they|it|this|these|those|his|her|their)\b/i.test(m.text) || /^\p{Ll}/u.test(m.text) || unbalancedQuotes(m.text)) s -= DANGLING_COST;
    if (s > bestScore + 1e-9) {
      best = m;
      bestScore = s;
    }
  }
  return best;
}

/**
 * Numbers of one kind whose values do not agree. Values are grouped by
 * agreement with the first value of each group; a group per distinct value
 * with its sources. A source that gives several values of the kind is
 * read by its first.
 */
function findConflicts(members: Unit[], rep: Unit): { conflict: ClaimConflict; common: boolean }[] {
  if (members.length < 2) return [];
  const out: { conflict: ClaimConflict; common: boolean }[] = [];
  const done = new Set<string>();
  const topic = topicOf(members, rep);
  for (const m of members) {
    for (const n of m.numbers) {
      const slotKey = `${n.unit}|${n.unit === '' ? n.counts : ''}`;
      if (done.has(slotKey)) continue;
      done.add(slotKey);
      const values: { n: NumberMention; sources: string[] }[] = [];
      let carriers = 0;
      for (const o of members) {
        // A dispute compares like with like: the same thing measured or counted, named the same way
        // or unnamed on both sides ("the 36-year-old driver" is not "a 66-year-old Johnson").
        const all = o.numbers.filter((x) => sameSlot(x, n) && sameThing(x, o, n, m));
        const mine = all[0];
        if (mine === undefined) continue;
        // A sentence giving several figures of the kind ("189 yards … 404 yards") does not say which is this one.
        if (all.some((x) => !agree(x, mine))) continue;
        carriers++;
        const g = values.find((v) => agree(v.n, mine));
        if (g !== undefined) {
          if (!g.sources.includes(o.article)) g.sources.push(o.article);
        } else values.push({ n: mine, sources: [o.article] });
      }
      if (carriers >= 2 && values.length >= 2) {
        out.push({
          conflict: { about: describeSlot(n, topic, members.map((x) => x.text)), values: values.map((v) => ({ value: v.n.text, sources: v.sources })) },
          // Bare counts ("two touchdowns", "nine games") fill sports and tallies: they need the stricter test too.
          common: n.unit === '' || rep.commonQuantities.has(quantityKind(n)),
        });
      }
    }
  }
  return out;
}

/**
 * Whether two numbers of one slot measure the same thing: named alike, or
 * unnamed on one side in a sentence that still mentions the other's thing
 * ("stands at 42.7 meters tall" in a sentence about the rocket).
 */
function sameThing(x: NumberMention, xu: Unit, y: NumberMention, yu: Unit): boolean {
  if (x.counts === y.counts) return true;
  if (x.counts !== undefined && y.counts !== undefined) return false;
  const [named, other] = x.counts !== undefined ? [x.counts, yu] : [y.counts as string, xu];
  const want = stem(named);
  return contentStems(other.text).includes(want);
}

/**
 * Different days for the same statement ("on Tuesday" against "on
 * Wednesday", once resolved). Only day-precise dates compare; a source
 * giving several dates is read by its first.
 */
function dateConflicts(members: Unit[]): ClaimConflict[] {
  const values = new Map<string, { text: string; sources: string[] }>();
  for (const m of members) {
    const d = m.dates.find((x) => x.precision === 'day' && x.iso !== undefined);
    if (d?.iso === undefined) continue;
    const v = values.get(d.iso) ?? { text: `${d.text.trim()} (${d.iso})`, sources: [] };
    if (!v.sources.includes(m.article)) v.sources.push(m.article);
    values.set(d.iso, v);
  }
  if (values.size < 2) return [];
  return [{ about: 'date', values: [...values.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([, v]) => ({ value: v.text, sources: v.sources })) }];
}

/** Kinds of names whose substitution is a contradiction (a place, a named thing such as a rocket), and how to call it. */
const NAME_KINDS: Partial<Record<EntityType, string>> = { place: 'place', other: 'name' };

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
  for (const [kind, about] of Object.entries(NAME_KINDS) as [EntityType, string][]) {
    const per = members.map((m) => ({ m, keys: [...m.contentEntities].filter((k) => names.type(k) === kind) }));
    const counts = new Map<string, number>();
    for (const p of per) for (const k of p.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    const distinctive = per.filter((p) => p.keys.length === 1 && (counts.get(p.keys[0] as string) ?? 0) < members.length);
    const values = new Map<string, string[]>();
    for (const d of distinctive) {
      const k = d.keys[0] as string;
      // Only a name the other naming sources never use anywhere replaces theirs.
      const rivals = distinctive.filter((o) => o.keys[0] !== k);
      if (rivals.length === 0 || rivals.some((o) => names.names(o.m.article, k) || names.names(d.m.article, o.keys[0] as string))) continue;
      const list = values.get(k) ?? [];
      if (!list.includes(d.m.article)) list.push(d.m.article);
      values.set(k, list);
    }
    // Exactly two rival names, in surroundings that share a word (the role they fill: "toured the X
    // launch site" / "the Y space launch rocket"); more names than two is a list, not a substitution.
    const [first, second] = [...values.keys()];
    if (values.size === 2 && !spellings(first ?? '', second ?? '') && sameRole(distinctive.map((d) => ({ unit: d.m, key: d.keys[0] as string })))) {
      out.push({ about, values: [...values.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, sources]) => ({ value: names.name(k), sources })) });
    }
  }
  return out;
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
  const flat = (k: string): string => k.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const fa = flat(a);
  const fb = flat(b);
  if (Math.min(fa.length, fb.length) >= MIN_VARIANT_LENGTH && editDistance(fa, fb) <= MAX_VARIANT_EDITS) return true;
  const wa = contentStems(a);
  const wb = contentStems(b);
  if (wa.length > 1 && wb.length > 1 && wa[0] === wb[0]) return true;
  return containment(new Set(wa), new Set(wb)).score >= SPELLING_CONTAINMENT;
}

/** Names at least this long that differ by at most MAX_VARIANT_EDITS letters are spellings of one name. */
const MIN_VARIANT_LENGTH = 6;
const MAX_VARIANT_EDITS = 2;

/** Levenshtein distance (names are short). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Characters either side of a name read as the role it fills. */
const ROLE_CONTEXT_CHARS = 50;

function sameRole(named: { unit: Unit; key: string }[]): boolean {
  const contexts = named.map(({ unit, key }) => {
    const at = unit.mentionAt.get(key);
    if (at === undefined) return { key, stems: new Set<string>() };
    const rel = [at[0] - unit.start, at[1] - unit.start];
    const around = `${unit.text.slice(Math.max(0, (rel[0] ?? 0) - ROLE_CONTEXT_CHARS), rel[0])} ${unit.text.slice(rel[1], (rel[1] ?? 0) + ROLE_CONTEXT_CHARS)}`;
    const own = new Set(contentStems(unit.text.slice(rel[0], rel[1])));
    return { key, stems: new Set(contentStems(around).filter((x) => !own.has(x))) };
  });
  return contexts.some((a, i) => contexts.some((b, j) => j > i && a.key !== b.key && [...a.stems].some((x) => b.stems.has(x))));
}

/** The content word the members share most (after names): what the claim is about. */
function topicOf(members: Unit[], rep: Unit): string | undefined {
  const counts = new Map<string, number>();
  for (const m of members) for (const k of m.vector.keys()) if (!k.startsWith('e:')) counts.set(k, (counts.get(k) ?? 0) + 1);
  let best: string | undefined;
  let score = 0;
  for (const [k, c] of counts) {
    const w = (rep.vector.get(k) ?? 0) * c;
    if (c >= 2 && w > score && !/^(second|minute|hour|day|year|meter|metre|tall|around|about|almost|nearly)$/.test(k)) {
      best = k;
      score = w;
    }
  }
  return best;
}

export type { AnalyzedArticle };

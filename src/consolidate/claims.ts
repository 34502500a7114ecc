import type { AnalyzedArticle, Claim, ClaimConflict, NumberMention } from '../types.js';
import { agree, describeSlot, sameSlot } from './numbers.js';
import type { Unit } from './units.js';

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

export function buildClaims(clusters: number[][], units: Unit[], groupOf: (id: string) => string, sim: (a: Unit, b: Unit) => number): BuiltClaim[] {
  const built = clusters.map((c) => {
    const members = c.map((i) => units[i] as Unit).sort((a, b) => a.articleIndex - b.articleIndex);
    const rep = central(members, sim);
    const groups = new Set(members.map((m) => groupOf(m.article)));
    const conflicts = findConflicts(members, rep);
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

function central(members: Unit[], sim: (a: Unit, b: Unit) => number): Unit {
  let best = members[0] as Unit;
  let bestScore = -Infinity;
  for (const m of members) {
    let s = 0;
    for (const o of members) if (o !== m) s += sim(m, o);
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
function findConflicts(members: Unit[], rep: Unit): ClaimConflict[] {
  if (members.length < 2) return [];
  const out: ClaimConflict[] = [];
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
        const mine = o.numbers.find((x) => sameSlot(x, n));
        if (mine === undefined) continue;
        carriers++;
        const g = values.find((v) => agree(v.n, mine));
        if (g !== undefined) {
          if (!g.sources.includes(o.article)) g.sources.push(o.article);
        } else values.push({ n: mine, sources: [o.article] });
      }
      if (carriers >= 2 && values.length >= 2) {
        out.push({ about: describeSlot(n, topic), values: values.map((v) => ({ value: v.n.text, sources: v.sources })) });
      }
    }
  }
  return out;
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

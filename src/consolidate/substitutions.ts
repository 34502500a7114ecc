import type { AnalyzedArticle, EntityType } from '../types.js';
import type { EntityIndex } from './entities.js';
import { contentStems } from './text.js';
import type { Unit } from './units.js';

/**
 * Named things that stand in for one another across sources: one outlet
 * says the leaders toured "the Soyuz-2 space rocket launch center", the
 * others "the Angara, Russia's new space launch rocket". The sentences are
 * too differently worded to align, but the names play the same role: their
 * surroundings share words, and no source names both. The minority name's
 * sentence is moved into the claim of the majority name, where the name
 * conflict check then reports both names with their sources.
 */

/** Kinds of names that can substitute: named things (vehicles, products, facilities). */
const KINDS: EntityType[] = ['other'];
/** Characters either side of a mention read as its surroundings. */
const CONTEXT_CHARS = 70;
/** Words-only similarity a moved sentence must have with some member of the claim it joins (every member keeps as much). */
const MIN_RELATED = 0.16;
/** Shared surrounding stems needed to call two names the same role. */
const MIN_SHARED_CONTEXT = 3;
/** Cosine of the surroundings' stem counts needed as well. */
const MIN_CONTEXT_COSINE = 0.25;

interface Named {
  key: string;
  sources: Set<string>;
  context: Map<string, number>;
  /** Units that mention the name, in unit order. */
  units: Unit[];
}

/**
 * `related(a, b)`: the words-only similarity of two units; a moved sentence
 * must be loosely like some sentence of the claim it joins.
 */
export function substituteNames(clusters: number[][], units: Unit[], articles: AnalyzedArticle[], ents: EntityIndex, related: (a: Unit, b: Unit) => number): number[][] {
  const named = collect(units, articles, ents);
  if (named.size < 2) return clusters;
  const clusterOf = new Map<number, number>();
  clusters.forEach((c, i) => c.forEach((u) => clusterOf.set(u, i)));
  const out = clusters.map((c) => [...c]);
  const list = [...named.values()].sort((a, b) => b.sources.size - a.sources.size || a.key.localeCompare(b.key));
  for (const minor of list) {
    let best: { major: Named; score: number } | undefined;
    for (const major of list) {
      if (major === minor || major.sources.size < minor.sources.size || major.sources.size < 2) continue;
      if ([...minor.sources].some((s) => major.sources.has(s))) continue;
      const score = similarity(minor.context, major.context);
      if (score !== undefined && (best === undefined || score > best.score)) best = { major, score };
    }
    if (best === undefined) continue;
    // The claim where the majority name is most often stated.
    const votes = new Map<number, number>();
    for (const u of best.major.units) {
      const c = clusterOf.get(u.id);
      if (c !== undefined) votes.set(c, (votes.get(c) ?? 0) + 1);
    }
    const target = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    const mover = minor.units[0];
    if (target === undefined || target[1] < 2 || mover === undefined) continue;
    const from = clusterOf.get(mover.id);
    const into = out[target[0]] ?? [];
    // Only a statement nothing else claims moves, and only into a claim its source is not yet in.
    if (from === undefined || (out[from]?.length ?? 0) !== 1 || into.some((u) => units[u]?.articleIndex === mover.articleIndex)) continue;
    // The two names stand in the same statement only if the rest of the sentence says the same thing as one of the claim's.
    if (!into.some((u) => related(mover, units[u] as Unit) >= MIN_RELATED)) continue;
    out[from] = [];
    into.push(mover.id);
    into.sort((a, b) => a - b);
    clusterOf.set(mover.id, target[0]);
  }
  return out.filter((c) => c.length > 0);
}

function collect(units: Unit[], articles: AnalyzedArticle[], ents: EntityIndex): Map<string, Named> {
  const byArticle = new Map(articles.map((a) => [a.article.id, a]));
  const named = new Map<string, Named>();
  for (const u of units) {
    const art = byArticle.get(u.article);
    if (art === undefined) continue;
    for (const e of art.entities) {
      if (e.sentence !== u.sentence || e.start === undefined || e.end === undefined || e.start < u.start || e.start >= u.end) continue;
      const key = ents.canonical(e.key);
      if (!KINDS.includes(ents.type(key))) continue;
      const n = named.get(key) ?? { key, sources: new Set<string>(), context: new Map<string, number>(), units: [] };
      n.sources.add(u.article);
      if (!n.units.includes(u)) n.units.push(u);
      const own = new Set(contentStems(e.text));
      const around = `${art.article.text.slice(Math.max(u.start, e.start - CONTEXT_CHARS), e.start)} ${art.article.text.slice(e.end, Math.min(u.end, e.end + CONTEXT_CHARS))}`;
      for (const s of contentStems(around)) if (!own.has(s) && /\p{L}/u.test(s)) n.context.set(s, (n.context.get(s) ?? 0) + 1);
      named.set(key, n);
    }
  }
  // A name's sources are every article naming it anywhere, not only in body units.
  for (const a of articles) for (const e of a.entities) named.get(ents.canonical(e.key))?.sources.add(a.article.id);
  return named;
}

function similarity(a: Map<string, number>, b: Map<string, number>): number | undefined {
  let shared = 0;
  let dot = 0;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined) continue;
    shared++;
    dot += v * w;
  }
  if (shared < MIN_SHARED_CONTEXT) return undefined;
  const norm = (m: Map<string, number>): number => Math.sqrt([...m.values()].reduce((s, v) => s + v * v, 0));
  const cos = dot / (norm(a) * norm(b) || 1);
  return cos >= MIN_CONTEXT_COSINE ? cos : undefined;
}

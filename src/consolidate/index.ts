import type { AnalyzedArticle, Brief, BriefSource, DerivationEdge, Relations } from '../types.js';
import { alignUnits, pairScore } from './align.js';
import { buildClaims, mergeRepeats, numberClaims } from './claims.js';
import { apartUnits, factClaims, mergeFactClaims } from './facts.js';
import { indexEntities } from './entities.js';
import { nameVariantClaims, nameVariants } from './names.js';
import { clusterQuotes } from './quotes.js';
import { substituteNames } from './substitutions.js';
import { chooseHeadline, summarize } from './summary.js';
import { buildTimeline } from './timeline.js';
import { buildUnits, type Unit } from './units.js';

/**
 * consolidate: one story's analysed articles + their relations → Brief.
 * Articles are taken in id order so the output (claim ids included) does
 * not depend on input order.
 */
export function consolidate(articles: AnalyzedArticle[], relations: Relations, options: { storyId?: string } = {}): Brief {
  const sorted = [...articles].sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  const groupOf = new Map<string, string>();
  for (const g of relations.groups) for (const m of g.members) groupOf.set(m, g.id);
  const group = (id: string): string => groupOf.get(id) ?? id;

  const ents = indexEntities(sorted);
  const quoteClusters = clusterQuotes(sorted, ents);
  const units = buildUnits(sorted, ents);
  const unitQuotes = new Map<number, Set<number>>();
  for (const u of units) {
    // A quote belongs to the clause it starts in (the whole sentence when offsets are unknown).
    const q = (quoteClusters.bySentence.get(`${u.article}#${u.sentence}`) ?? []).filter((x) => x.start === undefined || (x.start >= u.start && x.start < u.end));
    if (q.length > 0) unitQuotes.set(u.id, new Set(q.map((x) => x.cluster)));
  }
  // Names one report slips on ("Brian Dalton" where four write "Bryant Dalton") are one person's: their facts are too.
  const variants = nameVariants(sorted, ents);
  const { claims: facts, disagreements, figuresApart } = factClaims(sorted, ents, variants.sameAs);
  // Sentences on two sides of a disputed fact never make one statement claim: the claim would hide the dispute.
  const clusters = substituteNames(alignUnits(units, unitQuotes, apartUnits(disagreements, units, figuresApart)), units, sorted, ents, (a, b) => pairScore(a, b, unitQuotes, false));
  const named = new Map<string, Set<string>>(sorted.map((a) => [a.article.id, new Set(a.entities.map((e) => ents.canonical(e.key)))]));
  const names = { type: ents.type, name: ents.name, group, names: (article: string, key: string) => named.get(article)?.has(key) === true };
  const statements = buildClaims(clusters, units, group, (a: Unit, b: Unit) => pairScore(a, b, unitQuotes), names);
  const statementsAndFacts = numberClaims(mergeRepeats(mergeFactClaims(statements, facts, units, group)));
  // A name spelled two ways by different outlets is a dispute of its own (names.ts), listed after the claims of substance.
  const nameDisputes = nameVariantClaims(variants, ents, group);
  nameDisputes.forEach((b, k) => (b.claim.id = `c${statementsAndFacts.length + k + 1}`));
  const built = [...statementsAndFacts, ...nameDisputes];

  const edgesTo = new Map<string, DerivationEdge[]>();
  for (const e of relations.edges) (edgesTo.get(e.to) ?? edgesTo.set(e.to, []).get(e.to) ?? []).push(e);
  const dates = sorted.map((a) => a.article.publishedAt).filter((d): d is string => d !== undefined).sort();
  const story: Brief['story'] = { id: options.storyId ?? 'story', headline: chooseHeadline(sorted) };
  if (dates.length > 0) {
    story.firstSeen = dates[0] as string;
    story.lastSeen = dates[dates.length - 1] as string;
    story.seenFrom = 'published';
  }
  return {
    schemaVersion: 1,
    story,
    sources: sorted.map((a) => sourceOf(a, group(a.article.id), edgesTo.get(a.article.id) ?? [])),
    // (A dispute over how a name is spelt has no statement to summarise.)
    summary: summarize(built.filter((b) => b.units.length > 0 && b.minor !== true)),
    claims: built.map((b) => b.claim).sort((x, y) => Number(x.id.slice(1)) - Number(y.id.slice(1))),
    quotes: quoteClusters.quotes,
    entities: ents.entities,
    timeline: buildTimeline(sorted, built),
  };
}

function sourceOf(a: AnalyzedArticle, group: string, edges: DerivationEdge[]): BriefSource {
  const art = a.article;
  const s: BriefSource = { id: art.id, title: art.title, language: art.language, group, derivedFrom: [] };
  if (art.siteName !== undefined) s.siteName = art.siteName;
  if (art.url !== undefined) s.url = art.url;
  if (art.publishedAt !== undefined) s.publishedAt = art.publishedAt;
  if (art.attribution !== undefined) s.attribution = art.attribution;
  s.derivedFrom = edges
    .map((e) => ({ source: e.from, kind: e.kind, score: e.score }))
    .sort((x, y) => y.score - x.score || x.source.localeCompare(y.source));
  return s;
}

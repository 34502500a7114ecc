/**
 * `npm run bench -- relate`: derivation detection.
 *
 * 1. Quality on a labelled syndication set built here from ecbplus-dev: each
 *    article of at least MIN_SENTENCES lines gets derived versions (exact copy
 *    in other page furniture, truncated, sentences dropped, paragraphs
 *    reordered, lightly edited, numbers rounded, heavily reworded "spun"
 *    copy). The whole pool (originals + derived) goes through the
 *    DerivationIndex one article at a time, in a shuffled order. Positives:
 *    pairs with the same original. Negatives: pairs of different originals,
 *    in particular of one event (independent reports that share facts) and of
 *    one topic. Pairs whose originals already share text in the corpus (real
 *    syndication inside ECB+, shingle containment >= AMBIGUOUS_CONTAINMENT)
 *    are neither: they are counted and left out.
 * 2. The seed articles: edges and groups through the real pipeline.
 * 3. Speed: one new article against STORED (100 000) stored ones, the LSH
 *    index vs brute force (a MinHash scan of every stored signature, and the
 *    full comparison on a few queries) in the same run.
 * Flags: --stored=N (default 100000), --quick (stored 20 000).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/analyze/index.js';
import { extract, ExtractError } from '../src/extract/index.js';
import { buildProfile, compareProfiles, DerivationIndex, estimateJaccard, relate, resolveSettings } from '../src/relate/index.js';
import { shingleHashes, unquotedTokens, type ArticleProfile } from '../src/relate/profile.js';
import { STOP_WORDS } from '../src/relate/text.js';
import type { AnalyzedArticle, DerivationEdge, DerivationKind } from '../src/types.js';
import { prng, SHARED_DATA, table, writeResult } from './lib.js';

/** Originals shorter than this many lines get no derived versions (still in the pool as negatives). */
const MIN_SENTENCES = 5;
/** Pairs of originals sharing at least this share of shingles are real derivations inside ECB+: unlabelled. */
const AMBIGUOUS_CONTAINMENT = 0.05;
const DEFAULT_STORED = 100_000;
const QUERIES = 200;
/** The MinHash scan runs on the first queries only (it is linear in the stored count). */
const BRUTE_SCAN_QUERIES = 20;
/** The full comparison is timed on this many stored articles and queries; its rate per pair does not depend on the store size. */
const BRUTE_FULL_STORED = 2000;
const BRUTE_FULL_QUERIES = 2;
const SEED = 20240917;

interface EcbRow {
  id: string;
  event: string;
  topic: string;
  text: string;
}

type Variant = 'furniture' | 'truncated' | 'dropped' | 'reordered' | 'edited' | 'rounded' | 'spun';
const VARIANTS: Variant[] = ['furniture', 'truncated', 'dropped', 'reordered', 'edited', 'rounded', 'spun'];

interface PoolItem {
  id: string;
  root: string;
  variant: Variant | 'original';
  event: string;
  topic: string;
  text: string;
}


function shuffle<T>(xs: T[], rnd: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const NAV = ['Home', 'World', 'Politics', 'Business', 'Tech', 'Sport', 'Entertainment', 'Opinion', 'Video', 'Subscribe'];
const TAIL = ['Share this:', 'Facebook', 'Twitter', 'WhatsApp', 'Leave a Reply', 'Please enter your comment!', 'Stay Connected', 'Latest posts'];

/** Light edits: word swaps a copy editor or a spinner makes without changing facts. */
const SYNONYMS: Record<string, string> = {
  said: 'stated', says: 'states', told: 'informed', big: 'large', large: 'big', began: 'started', started: 'began',
  killed: 'left dead', people: 'persons', help: 'assist', show: 'indicate', showed: 'indicated', about: 'around',
  after: 'following', before: 'prior to', announced: 'revealed', new: 'fresh', major: 'significant', also: 'additionally',
  police: 'officers', officials: 'authorities', home: 'house', homes: 'houses', arrested: 'detained', died: 'passed away',
  expected: 'anticipated', reported: 'noted', according: 'as per', but: 'however', near: 'close to', during: 'throughout',
  government: 'administration', attack: 'assault', company: 'firm', country: 'nation', city: 'town', week: 'seven days',
  man: 'male', woman: 'female', car: 'vehicle', fire: 'blaze', deal: 'agreement', meeting: 'talks', leader: 'head',
  support: 'backing', agreed: 'consented', including: 'among them', many: 'numerous', several: 'various', quickly: 'rapidly',
};

function editWords(sentence: string, rnd: () => number, rate: number): string {
  return sentence.replace(/[A-Za-z]+/g, (w) => {
    const lower = w.toLowerCase();
    const syn = SYNONYMS[lower];
    if (syn && rnd() < Math.min(1, rate * 4)) return w[0] === w[0]!.toUpperCase() ? syn[0]!.toUpperCase() + syn.slice(1) : syn;
    if (w.length >= 6 && w === lower && rnd() < rate / 3) return ''; // drop a modifier-like word
    return w;
  });
}

/** A spun copy: every sentence reworded and its clauses rotated; names, numbers and order of sentences kept. */
function spin(sentence: string, rnd: () => number): string {
  let s = editWords(sentence, rnd, 0.5);
  const clauses = s.split(/,\s+/);
  if (clauses.length > 1) s = [...clauses.slice(1), clauses[0]!].join(', ');
  s = s.replace(/\b(the|a|an|that|which|has|have|had|was|were|is|are)\s+/gi, () => (rnd() < 0.5 ? '' : 'the '));
  return s.replace(/\s+/g, ' ').trim();
}

function roundNumbers(text: string): string {
  return text.replace(/\d+(?:[.,]\d+)*/g, (raw) => {
    const v = Number(raw.replace(/,/g, ''));
    if (!Number.isFinite(v)) return raw;
    if (!Number.isInteger(v)) return String(Math.round(v));
    if (v >= 100) {
      const mag = 10 ** (String(v).length - 2);
      return String(Math.round(v / mag) * mag);
    }
    return raw;
  });
}

export function derive(row: EcbRow, lines: string[], variant: Variant, rnd: () => number, titles: string[]): string {
  switch (variant) {
    case 'furniture': {
      const nav = shuffle(NAV, rnd).slice(0, 6).join(' | ');
      const recent = shuffle(titles, rnd).slice(0, 4).flatMap((t) => [t, `${1 + Math.floor(rnd() * 9)} hours ago`]);
      return [nav, 'Breaking News', ...lines, 'Recent Posts', ...recent, ...TAIL].join('\n\n');
    }
    case 'truncated':
      return lines.slice(0, Math.max(3, Math.ceil(lines.length * (0.4 + rnd() * 0.3)))).join('\n\n');
    case 'dropped':
      return lines.filter((_, i) => i < 2 || rnd() > 0.25).join('\n\n');
    case 'reordered': {
      // Move blocks of paragraphs around, as editors do when re-running a story.
      const cut = 2 + Math.floor(rnd() * Math.max(1, lines.length - 3));
      const body = lines.slice(2);
      const k = Math.min(body.length, Math.max(1, cut - 2));
      return [...lines.slice(0, 2), ...body.slice(k), ...body.slice(0, k)].join('\n\n');
    }
    case 'edited':
      return lines.map((l) => (rnd() < 0.5 ? editWords(l, rnd, 0.15) : l)).join('\n\n');
    case 'rounded':
      return roundNumbers(lines.join('\n\n'));
    case 'spun':
      return lines.map((l) => spin(l, rnd)).join('\n\n');
  }
  throw new Error(`unknown variant ${variant as string} of ${row.id}`);
}

function analyzed(item: { id: string; text: string }): AnalyzedArticle | null {
  try {
    return analyze(extract({ id: item.id, origin: item.id, format: 'text', content: item.text, contentHash: item.id }));
  } catch (err) {
    if (err instanceof ExtractError) return null;
    throw err;
  }
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function round(x: number, d = 3): number {
  return Math.round(x * 10 ** d) / 10 ** d;
}

interface QualityResult {
  rows: (string | number)[][];
  falseRootPairs: number;
  summary: Record<string, number>;
}

interface Tally {
  rows: (string | number)[][];
  falseRoots: Map<string, string[]>;
  precision: number;
  recall: number;
  sameEventCopies: number;
  sameEventAny: number;
  ambiguousPredicted: number;
  posTotal: number;
}

/** Precision and recall of a set of predicted edges on the labelled pool. */
function tally(edges: DerivationEdge[], pool: PoolItem[], byId: Map<string, PoolItem>, present: Set<string>, ambiguous: Set<string>, sameEventPairs: number): Tally {
  const predicted = new Map<string, DerivationKind>();
  for (const e of edges) predicted.set(pairKey(e.from, e.to), e.kind);
  // Tally predictions.
  const perKind = new Map<string, { tp: number; fp: number }>();
  let tp = 0;
  let fp = 0;
  let sameEventCopies = 0;
  let sameEventAny = 0;
  let ambiguousPredicted = 0;
  const falseRoots = new Map<string, string[]>();
  for (const [key, kind] of predicted) {
    const [a, b] = key.split('\u0000') as [string, string];
    const pa = byId.get(a)!;
    const pb = byId.get(b)!;
    if (pa.root !== pb.root && ambiguous.has(pairKey(pa.root, pb.root))) {
      ambiguousPredicted++;
      continue;
    }
    const k = perKind.get(kind) ?? { tp: 0, fp: 0 };
    if (pa.root === pb.root) {
      tp++;
      k.tp++;
    } else {
      fp++;
      k.fp++;
      const rk = `${pairKey(pa.root, pb.root).replace('\u0000', ' ')}${pa.event === pb.event ? ' (same event)' : ''}`;
      falseRoots.set(rk, [...(falseRoots.get(rk) ?? []), `${pa.variant}/${pb.variant}:${kind}`]);
      if (pa.event === pb.event) {
        sameEventAny++;
        if (kind === 'copy') sameEventCopies++;
      }
    }
    perKind.set(kind, k);
  }
  // Recall per variant: the (original, derived) pair must carry an edge.
  const rows: (string | number)[][] = [];
  let posTotal = 0;
  let posFound = 0;
  for (const v of VARIANTS) {
    const items = pool.filter((p) => p.variant === v && present.has(p.root));
    const found = items.filter((p) => predicted.has(pairKey(p.root, p.id)));
    const kinds = new Map<string, number>();
    for (const p of found) kinds.set(predicted.get(pairKey(p.root, p.id))!, (kinds.get(predicted.get(pairKey(p.root, p.id))!) ?? 0) + 1);
    posTotal += items.length;
    posFound += found.length;
    rows.push([`recall: ${v}`, items.length, found.length, round(found.length / Math.max(1, items.length)), [...kinds].map(([k, n]) => `${k} ${n}`).join(', ')]);
  }
  for (const [kind, k] of [...perKind].sort()) rows.push([`precision: ${kind} edges`, k.tp + k.fp, k.tp, round(k.tp / Math.max(1, k.tp + k.fp)), '']);
  const precision = tp / Math.max(1, tp + fp);
  const recall = posFound / Math.max(1, posTotal);
  rows.push(['**overall precision** (pairs)', tp + fp, tp, round(precision), '']);
  rows.push(['**overall recall** (original–derived pairs)', posTotal, posFound, round(recall), '']);
  rows.push(['same-event independent pairs called a copy', sameEventPairs, sameEventCopies, round(sameEventCopies / Math.max(1, sameEventPairs), 4), `linked at all: ${sameEventAny}`]);
  return { rows, falseRoots, precision, recall, sameEventCopies, sameEventAny, ambiguousPredicted, posTotal };
}

function quality(rows: EcbRow[], verbose: boolean): QualityResult {
  const rnd = prng(SEED);
  const titles = rows.map((r) => r.text.split('\n').find((l) => l.length > 20 && !l.startsWith('http')) ?? r.id);
  const pool: PoolItem[] = [];
  for (const r of rows) {
    const lines = r.text.split('\n').filter((l) => l.trim().length > 0);
    pool.push({ id: r.id, root: r.id, variant: 'original', event: r.event, topic: r.topic, text: lines.join('\n\n') });
    if (lines.length < MIN_SENTENCES) continue;
    for (const v of VARIANTS) pool.push({ id: `${r.id}~${v}`, root: r.id, variant: v, event: r.event, topic: r.topic, text: derive(r, lines, v, rnd, titles) });
  }
  // Real derivations already inside ECB+ (shared text between originals): unlabelled.
  const shingles = new Map(rows.map((r) => [r.id, shingleHashes(unquotedTokens(r.text), 5)]));
  const ambiguous = new Set<string>();
  let sameEventPairs = 0;
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      if (rows[i]!.topic !== rows[j]!.topic) continue;
      const A = shingles.get(rows[i]!.id)!;
      const B = shingles.get(rows[j]!.id)!;
      let inter = 0;
      for (const h of A) if (B.has(h)) inter++;
      if (inter / Math.max(1, Math.min(A.size, B.size)) >= AMBIGUOUS_CONTAINMENT) ambiguous.add(pairKey(rows[i]!.id, rows[j]!.id));
      else if (rows[i]!.event === rows[j]!.event) sameEventPairs++;
    }
  }
  const order = shuffle(pool, rnd);
  const index = new DerivationIndex();
  const edges: DerivationEdge[] = [];
  const analyzedPool: AnalyzedArticle[] = [];
  let unextractable = 0;
  const usable: PoolItem[] = [];
  const start = process.hrtime.bigint();
  for (const item of order) {
    const a = analyzed(item);
    if (!a) {
      unextractable++;
      continue;
    }
    usable.push(item);
    analyzedPool.push(a);
    edges.push(...index.add(a));
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // The same pool as one batch through relate(): candidate pairs from the whole batch (candidates.ts) instead of the incremental index.
  const batchStart = process.hrtime.bigint();
  const batchEdges = relate(analyzedPool).edges;
  const batchSeconds = Number(process.hrtime.bigint() - batchStart) / 1e9;
  pool.splice(0, pool.length, ...usable);
  const byId = new Map(pool.map((p) => [p.id, p]));
  const present = new Set(pool.map((p) => p.id));

  const index_ = tally(edges, pool, byId, present, ambiguous, sameEventPairs);
  const batch = tally(batchEdges, pool, byId, present, ambiguous, sameEventPairs);
  // One row per measure, index and batch side by side (a kind only one of them predicts gets an empty side).
  const batchRow = new Map(batch.rows.map((r) => [r[0]!, r]));
  const out = index_.rows.map((r) => [...r.slice(0, 4), batchRow.get(r[0]!)?.[2] ?? '', batchRow.get(r[0]!)?.[3] ?? '', r[4]!]);
  for (const r of batch.rows) if (!index_.rows.some((x) => x[0] === r[0])) out.push([r[0]!, r[1]!, '', '', r[2]!, r[3]!, r[4]!]);
  const { falseRoots, precision, recall, sameEventCopies, sameEventAny, ambiguousPredicted, posTotal } = index_;
  if (verbose) {
    for (const [rk, list] of [...falseRoots].sort((x, y) => y[1].length - x[1].length)) process.stdout.write(`false link ${rk}: ${list.join(' ')}\n`);
    for (const [rk, list] of [...batch.falseRoots].sort((x, y) => y[1].length - x[1].length)) process.stdout.write(`batch false link ${rk}: ${list.join(' ')}\n`);
  }
  return {
    rows: out,
    falseRootPairs: falseRoots.size,
    summary: {
      articles: pool.length,
      unextractable,
      originals: rows.length,
      derived: posTotal,
      ambiguousOriginalPairs: ambiguous.size,
      edgesOnAmbiguousPairs: ambiguousPredicted,
      sameEventIndependentPairs: sameEventPairs,
      sameEventCalledCopy: sameEventCopies,
      sameEventLinked: sameEventAny,
      originalPairsFalselyLinked: falseRoots.size,
      precision: round(precision, 4),
      recall: round(recall, 4),
      f1: round((2 * precision * recall) / Math.max(1e-9, precision + recall), 4),
      candidatesChecked: index.candidatesChecked,
      articlesPerSecond: round(pool.length / seconds, 1),
      batchPrecision: round(batch.precision, 4),
      batchRecall: round(batch.recall, 4),
      batchSameEventLinked: batch.sameEventAny,
      batchSeconds: round(batchSeconds, 2),
    },
  };
}

interface MixedRow extends EcbRow {
  lang: string;
}

/**
 * Translations: each article of ecbplus-dev-mixed that is not English, beside its English original
 * (the same id in ecbplus-dev). Recall: pairs related on their own (relate of the two) as a
 * translation. False links: the whole pool (originals and translations) through the
 * DerivationIndex one article at a time and through relate() at once; a cross-language edge between
 * two articles whose English originals are different articles counts as false unless the
 * originals already share text (containment >= AMBIGUOUS_CONTAINMENT, real syndication in ECB+) or
 * relate links the originals themselves (copies or rewrites of each other).
 */
function translations(rows: EcbRow[], mixed: MixedRow[]): { rows: (string | number)[][]; summary: Record<string, number> } {
  const originals = new Map<string, AnalyzedArticle>();
  for (const r of rows) {
    const a = analyzed(r);
    if (a) originals.set(r.id, a);
  }
  const translated: { root: string; lang: string; article: AnalyzedArticle }[] = [];
  for (const r of mixed) {
    if (r.lang === 'en') continue;
    const a = analyzed({ id: `${r.id}~${r.lang}`, text: r.text });
    if (a && originals.has(r.id)) translated.push({ root: r.id, lang: r.lang, article: a });
  }
  let found = 0;
  const byLang = new Map<string, { pairs: number; found: number }>();
  for (const t of translated) {
    const e = relate([originals.get(t.root)!, t.article]).edges[0];
    const hit = e?.kind === 'translation' ? 1 : 0;
    found += hit;
    const l = byLang.get(t.lang) ?? { pairs: 0, found: 0 };
    l.pairs++;
    l.found += hit;
    byLang.set(t.lang, l);
  }
  const rootOf = (id: string): string => id.replace(/~.*$/, '');
  const shingles = new Map(rows.map((r) => [r.id, shingleHashes(unquotedTokens(r.text), 5)]));
  const originalEdges = new Set(relate([...originals.values()]).edges.map((e) => pairKey(e.from, e.to)));
  const related = (a: string, b: string): boolean => {
    if (originalEdges.has(pairKey(a, b))) return true;
    const A = shingles.get(a)!;
    const B = shingles.get(b)!;
    let inter = 0;
    for (const h of A) if (B.has(h)) inter++;
    return inter / Math.max(1, Math.min(A.size, B.size)) >= AMBIGUOUS_CONTAINMENT;
  };
  const pool = [...originals.values(), ...translated.map((t) => t.article)];
  const falseLinks = (edges: DerivationEdge[]): number =>
    edges.filter((e) => {
      const [a, b] = [rootOf(e.from), rootOf(e.to)];
      return e.from.includes('~') !== e.to.includes('~') || (e.from.includes('~') && e.to.includes('~')) ? a !== b && !related(a, b) : false;
    }).length;
  const index = new DerivationIndex();
  const indexEdges = shuffle(pool, prng(SEED + 2)).flatMap((a) => index.add(a));
  const batchEdges = relate(pool).edges;
  const ownOriginal = (edges: DerivationEdge[]): number =>
    new Set(edges.filter((e) => e.kind === 'translation' && rootOf(e.from) === rootOf(e.to) && e.from.includes('~') !== e.to.includes('~')).map((e) => (e.from.includes('~') ? e.from : e.to))).size;
  const out: (string | number)[][] = [...byLang].sort().map(([lang, l]) => [`${lang} beside its English original: found as a translation`, l.pairs, l.found, round(l.found / Math.max(1, l.pairs))]);
  out.push(['**all languages**', translated.length, found, round(found / Math.max(1, translated.length))]);
  out.push(['pool, DerivationIndex (shuffled): translation edge to its own original', translated.length, ownOriginal(indexEdges), round(ownOriginal(indexEdges) / Math.max(1, translated.length))]);
  out.push(['pool, relate() at once: translation edge to its own original', translated.length, ownOriginal(batchEdges), round(ownOriginal(batchEdges) / Math.max(1, translated.length))]);
  out.push(['pool, DerivationIndex: edges across languages between unrelated originals', indexEdges.length, falseLinks(indexEdges), '']);
  out.push(['pool, relate() at once: edges across languages between unrelated originals', batchEdges.length, falseLinks(batchEdges), '']);
  return {
    rows: out,
    summary: {
      pairs: translated.length,
      found,
      recall: round(found / Math.max(1, translated.length), 4),
      indexOwnOriginal: ownOriginal(indexEdges),
      batchOwnOriginal: ownOriginal(batchEdges),
      indexFalseLinks: falseLinks(indexEdges),
      batchFalseLinks: falseLinks(batchEdges),
    },
  };
}

function seeds(): { edges: DerivationEdge[]; groups: { id: string; members: string[] }[] } | null {
  const dir = path.join(SHARED_DATA, 'seeds');
  if (!existsSync(dir)) return null;
  const arts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => analyzed({ id: f.replace(/\..*$/, ''), text: readFileSync(path.join(dir, f), 'utf8') }));
  return relate(arts.filter((a): a is AnalyzedArticle => a !== null));
}

/** Synthetic independent articles: Zipf-distributed words, names and numbers; no two share text by design. */
function syntheticProfiles(n: number, rnd: () => number): ArticleProfile[] {
  const s = resolveSettings();
  // The most frequent ranks are real function words, as in English text (about half of all tokens).
  const vocab = [...STOP_WORDS, ...Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`)];
  const names = Array.from({ length: 5_000 }, (_, i) => `Nm${i.toString(36)}`);
  const zipf = (): number => Math.min(vocab.length - 1, Math.floor(Math.exp(rnd() * Math.log(vocab.length))) - 1);
  const out: ArticleProfile[] = [];
  for (let i = 0; i < n; i++) {
    const paragraphs: string[] = [];
    const sentences = 6 + Math.floor(rnd() * 8);
    for (let k = 0; k < sentences; k++) {
      const ws: string[] = [];
      const len = 12 + Math.floor(rnd() * 14);
      for (let w = 0; w < len; w++) {
        const r = rnd();
        ws.push(r < 0.08 ? names[Math.floor(rnd() * names.length)]! : r < 0.11 ? String(Math.floor(rnd() * 1000)) : vocab[zipf()]!);
      }
      paragraphs.push(`${ws.join(' ')}.`);
    }
    const a: AnalyzedArticle = {
      article: { id: `syn${i}`, title: '', language: 'en', text: paragraphs.join('\n\n'), paragraphs },
      sentences: [],
      entities: [],
      numbers: [],
      dates: [],
      quotes: [],
    };
    out.push(buildProfile(a, s));
  }
  return out;
}

function speed(stored: number): { rows: (string | number)[][]; summary: Record<string, number> } {
  const rnd = prng(SEED + 1);
  const s = resolveSettings();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const profiles = syntheticProfiles(stored + QUERIES / 2, rnd);
  const buildSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const index = new DerivationIndex(s);
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < stored; i++) index.addProfile(profiles[i]!);
  const indexSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  // Queries: half fresh articles, half copies of stored ones (same profile under a new id).
  const queries: ArticleProfile[] = [];
  for (let q = 0; q < QUERIES; q++) {
    if (q % 2 === 0) queries.push(profiles[stored + q / 2]!);
    else queries.push({ ...profiles[Math.floor(rnd() * stored)]!, id: `copy${q}` });
  }
  const checkedBefore = index.candidatesChecked;
  let found = 0;
  const tq = process.hrtime.bigint();
  for (const q of queries) found += index.query(q).length > 0 && q.id.startsWith('copy') ? 1 : 0;
  const indexPerQuery = Number(process.hrtime.bigint() - tq) / 1e9 / QUERIES;
  const candidatesPerQuery = (index.candidatesChecked - checkedBefore) / QUERIES;
  // Brute force 1: scan every stored MinHash signature (the cheapest exhaustive copy search).
  const stored0 = profiles.slice(0, stored);
  let bruteFound = 0;
  const tb = process.hrtime.bigint();
  const scanQueries = queries.slice(0, BRUTE_SCAN_QUERIES);
  for (const q of scanQueries) {
    let hit = false;
    for (const p of stored0) if (estimateJaccard(q.signature, p.signature) >= s.copyResemblance) hit = true;
    if (hit && q.id.startsWith('copy')) bruteFound++;
  }
  const brutePerQuery = Number(process.hrtime.bigint() - tb) / 1e9 / scanQueries.length;
  const scanCopies = scanQueries.filter((q) => q.id.startsWith('copy')).length;
  // Brute force 2: the full comparison (copies and alignment) against every stored article, on a few queries.
  const tf = process.hrtime.bigint();
  const fullSet = stored0.slice(0, BRUTE_FULL_STORED);
  for (let q = 0; q < BRUTE_FULL_QUERIES; q++) for (const p of fullSet) compareProfiles(p, queries[q]!, s);
  const fullPerQuery = ((Number(process.hrtime.bigint() - tf) / 1e9 / BRUTE_FULL_QUERIES) * stored) / fullSet.length;
  const copies = QUERIES / 2;
  const rows: (string | number)[][] = [
    ['LSH index (newsfuse)', round(indexPerQuery * 1000, 3), Math.round(stored / indexPerQuery), round(candidatesPerQuery, 1), `${found}/${copies}`, 1],
    ['brute force: MinHash scan of all signatures', round(brutePerQuery * 1000, 3), Math.round(stored / brutePerQuery), stored, `${bruteFound}/${scanCopies}`, round(brutePerQuery / indexPerQuery, 1)],
    [`brute force: full comparison with all (timed on ${BRUTE_FULL_STORED})`, round(fullPerQuery * 1000, 1), Math.round(stored / fullPerQuery), stored, '-', round(fullPerQuery / indexPerQuery, 0)],
  ];
  return {
    rows,
    summary: {
      stored,
      queries: QUERIES,
      indexMsPerQuery: round(indexPerQuery * 1000, 4),
      bruteScanMsPerQuery: round(brutePerQuery * 1000, 3),
      bruteFullMsPerQuery: round(fullPerQuery * 1000, 1),
      pairsPerSecondIndex: Math.round(stored / indexPerQuery),
      pairsPerSecondBruteScan: Math.round(stored / brutePerQuery),
      pairsPerSecondBruteFull: Math.round(stored / fullPerQuery),
      speedupVsScan: round(brutePerQuery / indexPerQuery, 1),
      speedupVsFull: round(fullPerQuery / indexPerQuery, 0),
      candidatesPerQuery: round(candidatesPerQuery, 2),
      copiesFoundIndex: found,
      copiesFoundScan: bruteFound,
      copiesAmongScanQueries: scanCopies,
      profileBuildSeconds: round(buildSeconds, 1),
      indexBuildSeconds: round(indexSeconds, 1),
      heapMiBForProfilesAndIndex: round(heapMiB, 0),
    },
  };
}

export async function run(flags: string[]): Promise<void> {
  const storedFlag = flags.find((f) => f.startsWith('--stored='));
  const stored = storedFlag ? Number(storedFlag.split('=')[1]) : flags.includes('--quick') ? 20_000 : DEFAULT_STORED;
  const file = path.join(SHARED_DATA, 'ecbplus-dev.jsonl');
  const result: Record<string, unknown> = {};
  if (existsSync(file)) {
    const rows = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim().length > 0)
      .map((l) => JSON.parse(l) as EcbRow);
    const q = quality(rows, flags.includes('--verbose'));
    process.stdout.write(`### Syndication set from ecbplus-dev (${q.summary.articles} articles, ${q.summary.derived} derived)\n\n`);
    process.stdout.write(`${table(['measure', 'pairs', 'index: hits', 'index: value', 'batch: hits', 'batch: value', 'index: kinds'], q.rows)}\n\n`);
    process.stdout.write(
      `index: DerivationIndex.add one article at a time (shuffled); batch: relate() on the whole pool at once (${q.summary.batchSeconds} s, candidate pairs from candidates.ts); same-event independent pairs linked by the batch: ${q.summary.batchSameEventLinked}.\n\n`,
    );
    process.stdout.write(
      `Left out: ${q.summary.ambiguousOriginalPairs} pairs of ECB+ originals that already share text (real syndication in the corpus); edges found on them: ${q.summary.edgesOnAmbiguousPairs}.\n\n`,
    );
    result.quality = q.summary;
    result.qualityTable = q.rows;
    const mixedFile = path.join(SHARED_DATA, 'ecbplus-dev-mixed.jsonl');
    if (existsSync(mixedFile)) {
      const mixed = readFileSync(mixedFile, 'utf8')
        .split('\n')
        .filter((l) => l.trim().length > 0)
        .map((l) => JSON.parse(l) as MixedRow);
      const t = translations(rows, mixed);
      process.stdout.write(`### Translations: ecbplus-dev-mixed beside ecbplus-dev\n\n${table(['measure', 'pairs / edges', 'hits', 'value'], t.rows)}\n\n`);
      result.translations = t.summary;
    }
    if (flags.includes('--quality-only')) return;
  } else process.stdout.write(`(skipped quality: ${file} not found)\n\n`);
  const sd = seeds();
  if (sd) {
    process.stdout.write('### Seeds\n\n');
    process.stdout.write(`${table(['from', 'to', 'kind', 'score'], sd.edges.map((e) => [e.from, e.to, e.kind, e.score]))}\n\n`);
    process.stdout.write(`${table(['group', 'members'], sd.groups.map((g) => [g.id, g.members.join(', ')]))}\n\n`);
    result.seeds = { edges: sd.edges.map((e) => ({ from: e.from, to: e.to, kind: e.kind, score: e.score })), groups: sd.groups };
  }
  const sp = speed(stored);
  process.stdout.write(`### One new article against ${stored} stored (${QUERIES} queries, half of them copies)\n\n`);
  process.stdout.write(`${table(['method', 'ms per new article', 'pairs checked per s', 'articles compared', 'copies found', 'index is × faster'], sp.rows)}\n\n`);
  result.speed = sp.summary;
  process.stdout.write(`wrote ${writeResult('relate', result)}\n`);
}

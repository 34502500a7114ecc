/**
 * Entity keys: one spelling for all the ways outlets write a name
 * ("Kim Jong-un", "Kim Jong Un", "KIM JONG UN" → "kim jong un").
 */
export function entityKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    key = computeKey(name);
    if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
    keyCache.set(name, key);
  }
  return key;
}

/**
 * Keys of names already seen: names recur within and across articles, and
 * the normalisation (NFKD and six passes of replacement) is costly. Cleared
 * when full, so memory stays bounded in a long-running process.
 */
const KEY_CACHE_MAX = 50_000;
const keyCache = new Map<string, string>();

function computeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]s\b/g, '')
    .replace(/[-‐‑–—.’'`]/g, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How many times more often a name of two words or more must be written
 * than a longer name that adds words before it to be a name of its own.
 */
export const SLIP_RATIO = 3;

/**
 * Short mentions ("Kim", "Putin", "Kim Jong") map to the longer name whose
 * first or last words they are; when several longer names fit, the most
 * frequent wins (ties: the earliest seen), which is what a reader assumes.
 * A name of two words or more written at least three times as often as a
 * longer one that adds words before it stays itself: "Jim O'Brien" beside
 * one "ERS Fired Jim O'Brien" (a headline in capitals) is the man. (A middle
 * name left out is no such case: "Anthony LaSalle" is "Anthony Phillip
 * LaSalle" however often it is written.)
 */
export function aliasMap(counts: Map<string, number>, order: string[], acronyms: Set<string> = new Set()): Map<string, string> {
  const keys = [...counts.keys()];
  const byTokens = keys.map((k) => ({ key: k, tokens: k.split(' ') }));
  const rank = new Map(order.map((k, i) => [k, i]));
  // Longer names indexed by first and last word: a short form can only be an edge of those.
  const byEdge = new Map<string, { key: string; tokens: string[] }[]>();
  for (const long of byTokens) {
    if (long.tokens.length < 2) continue;
    const first = long.tokens[0] as string;
    const last = long.tokens[long.tokens.length - 1] as string;
    for (const w of first === last ? [first] : [first, last]) (byEdge.get(w) ?? byEdge.set(w, []).get(w) ?? []).push(long);
  }
  const out = new Map<string, string>();
  for (const short of byTokens) {
    // "UN" is not the end of "Kim Jong Un".
    if (acronyms.has(short.key)) continue;
    // The best is the most frequent, then the earliest: no tie between two keys, so neither the
    // order of the candidates nor a candidate met twice (under both edges) changes it.
    let best: string | undefined;
    const candidates: { key: string; tokens: string[] }[] = [];
    for (const edge of [short.tokens[0] as string, short.tokens[short.tokens.length - 1] as string]) {
      for (const long of byEdge.get(edge) ?? []) {
        if (long.tokens.length <= short.tokens.length) continue;
        if (!isEdge(short.tokens, long.tokens)) continue;
        if (slipOf(short.tokens, long.tokens) && (counts.get(short.key) ?? 0) >= SLIP_RATIO * (counts.get(long.key) ?? 0)) continue;
        candidates.push(long);
        if (best === undefined || better(long.key, best, counts, rank)) best = long.key;
      }
    }
    // "McDermott" beside "Doug McDermott" and "Greg McDermott": two people, and the short form may be either.
    const ambiguous = candidates.some((a) => candidates.some((b) => a !== b && !isEdge(a.tokens, b.tokens) && !isEdge(b.tokens, a.tokens)));
    if (best !== undefined && !ambiguous) out.set(short.key, best);
  }
  // Chains ("kim" → "kim jong" → "kim jong un") resolve to the end.
  for (const [k, v] of out) {
    let target = v;
    for (let i = 0; i < 5 && out.has(target); i++) target = out.get(target) ?? target;
    out.set(k, target);
  }
  return out;
}

function isEdge(short: string[], long: string[]): boolean {
  const prefix = short.every((t, i) => long[i] === t);
  const suffix = short.every((t, i) => long[long.length - short.length + i] === t);
  // "Anthony LaSalle" for "Anthony Phillip LaSalle", "Raj Chohan" for "Raj K. Chohan": the middle name left out.
  return prefix || suffix || middleOut(short, long);
}

/**
 * Whether a long name may be a slip around a short one: words before a name
 * of two words or more ("ERS Fired" before "Jim O'Brien"; an initial or the
 * "O" of "O'Brien" is no word of its own here).
 */
export function slipOf(short: string[], long: string[]): boolean {
  if (short.filter((t) => t.length > 1).length < 2 || long.length <= short.length) return false;
  return short.every((t, i) => long[long.length - short.length + i] === t);
}

/** Whether the short name is the long one without its middle name ("Raj Chohan" for "Raj K. Chohan"). */
export function middleOut(short: string[], long: string[]): boolean {
  return short.length === 2 && long.length >= 3 && long[0] === short[0] && long[long.length - 1] === short[1];
}

function better(a: string, b: string, counts: Map<string, number>, rank: Map<string, number>): boolean {
  const ca = counts.get(a) ?? 0;
  const cb = counts.get(b) ?? 0;
  if (ca !== cb) return ca > cb;
  return (rank.get(a) ?? Infinity) < (rank.get(b) ?? Infinity);
}

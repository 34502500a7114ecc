/**
 * Light word normalisation for comparing wordings (quotes, titles): lower
 * case, stop words out, a crude suffix stemmer so "cooperation" meets
 * "cooperating" and "countries" meets "country". Sentence alignment uses the
 * analyzer's lemmas instead; this is for short strings compared by overlap.
 */
const STOP = new Set(
  ('a an the and or but if of in on at to from by for with as is are was were be been being am i you he she it we they me him her us them my your his its our their this that these those there here ' +
    'not no so do does did done have has had will would shall should can could may might must also very just than then too into over about after before up down out off again only own same such ' +
    'what which who whom whose when where why how all any both each few more most other some s t don now said says say told')
    .split(' '),
);

export function isStopWord(w: string): boolean {
  return STOP.has(w);
}

/** Stems already computed: a story repeats its vocabulary thousands of times. */
const STEM_CACHE = new Map<string, string>();
/** Entries beyond which the cache starts over (bounds memory in a long-running server). */
const STEM_CACHE_MAX = 200_000;

export function stem(w: string): string {
  const hit = STEM_CACHE.get(w);
  if (hit !== undefined) return hit;
  const s = computeStem(w);
  if (STEM_CACHE.size >= STEM_CACHE_MAX) STEM_CACHE.clear();
  STEM_CACHE.set(w, s);
  return s;
}

function computeStem(w: string): string {
  let s = w.toLowerCase().replace(/[’']/g, '');
  if (s.length > 4 && s.endsWith('ies')) s = `${s.slice(0, -3)}y`;
  for (const suf of ['ations', 'ation', 'ating', 'ated', 'ates', 'ate', 'ances', 'ance', 'ments', 'ment', 'ions', 'ion', 'ings', 'ing', 'ed', 'es', 's', 'ly']) {
    if (s.length - suf.length >= 4 && s.endsWith(suf)) {
      // A final "s" of "-ss", "-us", "-is" is the word's own ("address", "status", "crisis"), not a plural.
      if (suf === 's' && /[sui]s$/.test(s)) break;
      s = s.slice(0, -suf.length);
      break;
    }
  }
  // A silent final "e" comes and goes with suffixes ("promise"/"promised", "issue"/"issues").
  if (s.length > 4 && s.endsWith('e')) s = s.slice(0, -1);
  return s.replace(/our$/, 'or');
}

export function contentStems(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu) ?? [];
  const out: string[] = [];
  for (const w of words) {
    const bare = w.replace(/[’']s$/, '');
    if (STOP.has(bare) || bare.length < 2) continue;
    out.push(stem(bare));
  }
  return out;
}

/** |A∩B| / min(|A|,|B|) over sets, and the intersection size. */
export function containment(a: Set<string>, b: Set<string>): { score: number; shared: number } {
  if (a.size === 0 || b.size === 0) return { score: 0, shared: 0 };
  let shared = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) shared++;
  return { score: shared / small.size, shared };
}

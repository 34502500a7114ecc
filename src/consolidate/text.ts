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
    // Contractions of small words ("can't", "we're", "I'm", "that's") are as empty as the words.
    if (/n[’']t$/.test(bare) || STOP.has(bare.split(/[’']/)[0] ?? '')) continue;
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

/**
 * Whether two names are spellings of one ("Salahaddin" / "Salahuddin",
 * "Jabaliya" / "Jabalya", "Co-operation"): at least MIN_VARIANT_LENGTH
 * letters and at most MAX_VARIANT_EDITS apart, case and punctuation aside.
 */
export function oneSpelling(a: string, b: string): boolean {
  const flat = (k: string): string => k.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const fa = flat(a);
  const fb = flat(b);
  if (fa === fb) return true;
  return Math.min(fa.length, fb.length) >= MIN_VARIANT_LENGTH && Math.abs(fa.length - fb.length) <= MAX_VARIANT_EDITS && editDistance(fa, fb) <= MAX_VARIANT_EDITS;
}

/** Names at least this long that differ by at most MAX_VARIANT_EDITS letters are spellings of one name. */
const MIN_VARIANT_LENGTH = 6;
const MAX_VARIANT_EDITS = 2;

/** Levenshtein distance (names are short). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Whether two texts are word for word the same, whatever their case, punctuation and spacing ("Hello , world" / "hello, world"). */
export function sameWording(a: string, b: string): boolean {
  const words = (t: string): string => (t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  return words(a) === words(b);
}

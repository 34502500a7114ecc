import type { Alignment } from './align.js';
import type { SentenceFingerprints } from './profile.js';

/**
 * A sentence's skeleton: its figures and punctuation marks, in order. A
 * translation rewrites every word but keeps the figures and, sentence by
 * sentence, nearly all the punctuation (the commas of a list, the quotation
 * marks around what someone said, the parentheses of an aside); two
 * independent reports of one fact build their sentences each their own way.
 * The sentence-final stop is left out: every sentence has one.
 */

/** Figures (separators dropped, so "30,000", "30.000" and "30 000" agree) and the marks that survive translation. */
const SKELETON_TOKEN = /\d+(?:[.,]\d+)*|[,;:()?!"“”«»„]/g;
/** Quotation marks of every language are one mark. */
const QUOTE_MARKS = '"“”«»„';

function skeleton(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(SKELETON_TOKEN)) {
    const t = m[0];
    out.push(QUOTE_MARKS.includes(t) ? '"' : t.replace(/[.,]/g, ''));
  }
  return out;
}

/** Length of the longest common subsequence of two short sequences. */
function commonSubsequence(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * Mean agreement of the aligned sentences' skeletons (common subsequence over the longer
 * skeleton, 0..1), over the pairs where either sentence has one; 0 when none has.
 */
export function skeletonAgreement(al: Alignment, a: SentenceFingerprints, b: SentenceFingerprints): number {
  let sum = 0;
  let counted = 0;
  for (const p of al.pairs) {
    const x = skeleton(a.texts[p.a]!);
    const y = skeleton(b.texts[p.b]!);
    const longer = Math.max(x.length, y.length);
    if (longer === 0) continue;
    sum += commonSubsequence(x, y) / longer;
    counted++;
  }
  return counted === 0 ? 0 : sum / counted;
}

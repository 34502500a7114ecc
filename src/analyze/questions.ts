/**
 * Whether a sentence asks. A sentence that ends in a question mark asks,
 * unless the question is only a tag of a known shape after a statement
 * ("McDermott now has 2,029 points, but who's counting?", "It was a record,
 * wasn't it?", "…, right?"): the clause before the tag is asserted like any
 * other. A second clause that casts doubt ("…, or was it 16?") is no tag.
 */

/**
 * A statement never opens with these: a sentence that does is a question however it ends ("Where did he go, and
 * why?", "But were 40 people really killed, or more?"), a leading "and", "but" or "so" aside.
 */
const QUESTION_OPENING = /^\W*(?:(?:and|but|so)\s+)?(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|am|do|does|did|can|could|will|would|shall|should|may|might|must|has|have|had|isn|aren|wasn|weren|don|doesn|didn|can't|won't)\b/i;
/** Words the statement before a tag must have at least. */
const MIN_STATEMENT_WORDS = 4;
/** An auxiliary and a pronoun ("wasn't it", "did he", "isn ’ t it"). */
const AUX_PRONOUN_TAG = /^(?:is|was|are|were|do|does|did|can|could|will|would|has|have|had|should)(?:\s?n\s?['’]\s?t)?\s+(?:it|he|she|they|we|you|i|there|that)$/i;
/** One-word tags, and the rhetorical ones news writes ("but who's counting?"). */
const WORD_TAG = /^(?:right|eh|huh|ok|okay|no|yes|(?:but\s+|and\s+)?who(?:\s?['’]\s?s|\s+is)\s+counting|(?:but\s+)?who\s+knows|(?:but\s+)?who\s+cares)$/i;

export function asksQuestion(text: string): boolean {
  return /\?["”’]?\s*$/.test(text) && questionTagAt(text) === undefined;
}

/** Where the question tag of a statement starts (its comma's offset in `text`), if the sentence ends in one. */
export function questionTagAt(text: string): number | undefined {
  const t = text.trimEnd();
  if (!/\?["”’]?$/.test(t) || QUESTION_OPENING.test(t)) return undefined;
  // The last comma that separates words, not the digits of a number ("1,200?").
  const comma = lastClauseComma(t);
  if (comma < 0) return undefined;
  const tag = t
    .slice(comma + 1)
    .replace(/[?"”’\s]+$/u, '')
    .trim();
  if (!AUX_PRONOUN_TAG.test(tag) && !WORD_TAG.test(tag)) return undefined;
  // "…, or 16, right?": a statement that offers another value asks which.
  if (/,\s*or\b/i.test(t.slice(0, comma))) return undefined;
  const statement = t.slice(0, comma).match(/[\p{L}\p{N}]+/gu) ?? [];
  return statement.length >= MIN_STATEMENT_WORDS ? comma : undefined;
}

function lastClauseComma(t: string): number {
  for (let i = t.length - 1; i >= 0; i--) {
    if (t[i] !== ',') continue;
    if (/\d/.test(t[i - 1] ?? '') && /^\s?\d/.test(t.slice(i + 1, i + 3))) continue;
    return i;
  }
  return -1;
}

/**
 * Whether a sentence asks. A sentence that ends in a question mark asks,
 * unless the question is only a short tag after a statement ("McDermott now
 * has 2,029 points, but who's counting?", "It was a record, wasn't it?"):
 * the clause before the tag is asserted like any other.
 */

/** Words at most in a tag after the statement's last comma. */
const MAX_TAG_WORDS = 4;
/** A statement never opens with these: a sentence that does is a question however it ends ("Where did he go, and why?"). */
const QUESTION_OPENING = /^\W*(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|am|do|does|did|can|could|will|would|shall|should|may|might|must|has|have|had|isn|aren|wasn|weren|don|doesn|didn|can't|won't)\b/i;
/** A word, its clitic kept with it though the text spaces it off ("who ’ s"). */
const WORD = /[\p{L}\p{N}]+(?:\s?['’]\s?\p{L}+)?/gu;
/** Words the statement before a tag must have at least. */
const MIN_STATEMENT_WORDS = 4;

export function asksQuestion(text: string): boolean {
  return /\?["”’]?\s*$/.test(text) && questionTagAt(text) === undefined;
}

/** Where the question tag of a statement starts (its comma's offset in `text`), if the sentence ends in one. */
export function questionTagAt(text: string): number | undefined {
  const t = text.trimEnd();
  if (!/\?["”’]?$/.test(t) || QUESTION_OPENING.test(t)) return undefined;
  const comma = t.lastIndexOf(',');
  if (comma < 0) return undefined;
  // A quoted question ("'Why now?' she asked") is a question of its own.
  if (/["“”]/.test(t.slice(comma))) return undefined;
  const tag = t.slice(comma + 1).match(WORD) ?? [];
  const statement = t.slice(0, comma).match(WORD) ?? [];
  return tag.length <= MAX_TAG_WORDS && statement.length >= MIN_STATEMENT_WORDS ? comma : undefined;
}

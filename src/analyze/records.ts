/**
 * Win–loss records as sports reports write them: "52-3", "45-7-2",
 * "58 - 3" (detokenised). The number reader refuses these (a range never
 * falls), so they are read here; whether one is a record, and whose, is for
 * the fact reader to say from what surrounds it (a name before a bracket,
 * "improved to").
 */

export interface RecordMention {
  /** As written. */
  text: string;
  /** Normalised: "52-3", "45-7-2". */
  key: string;
  start: number;
  end: number;
}

const RECORD_RE = /(?<![\d.,$€£:/-]|[\d.$€£:/-]\s)(\d{1,3})\s?[-–]\s?(\d{1,3})(?:\s?[-–]\s?(\d{1,3}))?(?![\d%:]|\.\d|\s?[-–]?\s?(?:year|yr|month|week|day|hour|minute|second|point|pt|inning|mile|km|kilometre|kilometer|metre|meter|foot|feet|yard|lb|pound|kg|percent|per cent)s?\b)/gi;

export function findRecords(text: string, base: number): RecordMention[] {
  if (!/\d\s?[-–]\s?\d/.test(text)) return [];
  const out: RecordMention[] = [];
  for (const m of text.matchAll(RECORD_RE)) {
    const parts = [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number);
    const at = m.index ?? 0;
    // Ranges rise ("10-20 people"), and a year is no record; a losing record is one only where the words say so.
    if ((parts[0] ?? 0) >= 1000 || ((parts[0] ?? 0) < (parts[1] ?? 0) && !namedRecord(text, at, at + m[0].length))) continue;
    out.push({ text: m[0], key: parts.join('-'), start: base + at, end: base + at + m[0].length });
  }
  return out;
}

/**
 * Whether the words around a pair of figures call it a record: "a 122-147
 * record", "a 40-42 overall mark", "a record of 9-14", "his record … stands
 * at 3-5", or a form of "be" before it and a stretch of play after it
 * ("Lee is 22-30 in two seasons", "is 5-9 this season", "was 8-12 as head
 * coach"). Only these let a losing record past the reader of ranges.
 */
function namedRecord(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - RECORD_CONTEXT), start);
  const after = text.slice(end, end + RECORD_CONTEXT);
  if (/^\s?(?:[a-z-]+\s)?(?:record|mark)\b/i.test(after)) return true;
  if (/\b(?:record|mark)\s(?:of|at|to|is|was)\s?$/i.test(before)) return true;
  if (/\b(?:stands?|stood)\sat\s?$/i.test(before) && /\b(?:record|mark)\b/i.test(text.slice(0, start))) return true;
  return /\b(?:is|was|are|were)\s(?:now\s)?$/i.test(before) && RECORD_STRETCH.test(after);
}

/** Characters either side of a pair of figures read for the words that name it a record. */
const RECORD_CONTEXT = 60;

/** A stretch of play after "is 22-30": "in two seasons", "this season", "lifetime", "as head coach". */
const RECORD_STRETCH = /^\s?(?:lifetime|overall|all-time|career|(?:this|last|on the) season|(?:in|over) (?:(?:just |a little )?(?:over|under|more than) )?(?:\w+(?:[- ]plus)? )?(?:seasons|years|games)|as (?:an? )?(?:head )?(?:coach|manager|starter))\b/i;

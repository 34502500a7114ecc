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

const RECORD_RE = /(?<![\d.,$€£:/-]|[\d.$€£:/-]\s)(\d{1,3})\s?[-–]\s?(\d{1,3})(?:\s?[-–]\s?(\d{1,3}))?(?![\d%:.]|\s?[-–]?\s?(?:year|yr|month|week|day|hour|minute|second|point|pt|inning|mile|km|kilometre|kilometer|metre|meter|foot|feet|yard|lb|pound|kg|percent|per cent)s?\b)/gi;

export function findRecords(text: string, base: number): RecordMention[] {
  if (!/\d\s?[-–]\s?\d/.test(text)) return [];
  const out: RecordMention[] = [];
  for (const m of text.matchAll(RECORD_RE)) {
    const parts = [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number);
    // Ranges rise ("10-20 people"); a record's wins outnumber its losses in the reports that quote it, and a year is no record.
    if ((parts[0] ?? 0) < (parts[1] ?? 0) || (parts[0] ?? 0) >= 1000) continue;
    const at = m.index ?? 0;
    out.push({ text: m[0], key: parts.join('-'), start: base + at, end: base + at + m[0].length });
  }
  return out;
}

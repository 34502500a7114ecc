/**
 * Clock times as news writes them: "8.49pm", "3.45 p.m.", "7 p. m.",
 * "2045 GMT", "1100 hrs IST", "06: 00 BST", "at 1230 hours", "10am",
 * "noon", with a hedge before ("about", "shortly after"). Values are
 * minutes after midnight, so "8.49pm" and "2049 GMT" compare; the zone is
 * not converted (outlets of one story mostly write the local time).
 */

export interface ClockMention {
  /** As written, hedge included. */
  text: string;
  /** Minutes after midnight. */
  minutes: number;
  approximate: boolean;
  /** Offsets into the article text. */
  start: number;
  end: number;
}

const HEDGE = String.raw`(?:(?:at\s+)?(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|shortly\s+(?:after|before)|just\s+(?:after|before)|soon\s+after|before|after|by)\s+)?`;
const MERIDIEM = String.raw`(?<ap>[ap])\.?\s?m\b\.?`;
const ZONE = String.raw`(?<zone>GMT|BST|IST|UTC|CET|CEST|EST|EDT|CST|CDT|PST|PDT|hrs|hours|h)\b`;

const PATTERNS: RegExp[] = [
  // 8.49pm, 3.45 p.m., 9. 25 a. m., 7:01 p. m.
  new RegExp(String.raw`(?<![\d.:])${HEDGE}(?<h>\d{1,2})\s?[.:]\s?(?<m>[0-5]\d)\s?${MERIDIEM}`, 'giy'),
  // 7 p.m., 10am
  new RegExp(String.raw`(?<![\d.:])${HEDGE}(?<h>\d{1,2})\s?${MERIDIEM}`, 'giy'),
  // 2045 GMT, 1100 hrs IST, 1230 hours
  new RegExp(String.raw`(?<![\d.:])${HEDGE}(?<h>[01]\d|2[0-3])(?<m>[0-5]\d)\s?${ZONE}`, 'giy'),
  // 06: 00 BST, 20:45 GMT, 9.30 hrs
  new RegExp(String.raw`(?<![\d.:])${HEDGE}(?<h>\d{1,2})\s?[:.]\s?(?<m>[0-5]\d)\s?${ZONE}`, 'giy'),
  // noon, midnight
  new RegExp(String.raw`(?<![\p{L}])${HEDGE}(?<word>noon|midday|midnight)\b`, 'giuy'),
];

/** Characters from the start of a hedge ("shortly after ") to the digits of its time. */
const MAX_HEDGE_REACH = 28;

/** A cheap test every clock time passes: a digit, or "noon"/"midnight". */
const HINT = /\d|noon|midday|midnight/i;

/** Clock times in one sentence; `base` is its offset in the article text. */
export function findClocks(text: string, base: number): ClockMention[] {
  if (!HINT.test(text)) return [];
  const out: ClockMention[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A match starts at a digit, a hedge word or "noon": letters and digits only.
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) continue;
    if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1] ?? '')) continue;
    // Hedge words are tried only where a digit or "noon" follows closely.
    if (c > 57 && !/\d|noon|midday|midnight/i.test(text.slice(i, i + MAX_HEDGE_REACH))) continue;
    let found: ClockMention | undefined;
    for (const re of PATTERNS) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m === null) continue;
      const minutes = minutesOf(m.groups ?? {});
      if (minutes === undefined) continue;
      const written = m[0].replace(/^at\s+/i, '');
      const lead = m[0].length - written.length;
      found = { text: written.trim(), minutes, approximate: /^(?:about|around|approx|roughly|some|nearly|almost|shortly|just|soon|before|after|by)/i.test(written), start: base + i + lead, end: base + i + m[0].trimEnd().length };
      break;
    }
    if (found === undefined) continue;
    out.push(found);
    i = found.end - base - 1;
  }
  return out;
}

function minutesOf(g: Record<string, string | undefined>): number | undefined {
  if (g.word !== undefined) return g.word.toLowerCase() === 'midnight' ? 0 : 720;
  let h = Number(g.h);
  const m = g.m !== undefined ? Number(g.m) : 0;
  if (!Number.isFinite(h) || h > 24 || m > 59) return undefined;
  const ap = g.ap?.toLowerCase();
  if (ap !== undefined) {
    if (h < 1 || h > 12) return undefined;
    if (ap === 'p' && h < 12) h += 12;
    if (ap === 'a' && h === 12) h = 0;
  }
  return (h % 24) * 60 + m;
}

/** "20:49" for minutes after midnight. */
export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

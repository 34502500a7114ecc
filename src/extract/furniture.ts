/**
 * Classifiers of page furniture shared by the text and HTML paths. Each test
 * looks at the SHAPE of a line first (length, punctuation, what it starts
 * with) and only then at a short vocabulary of interface words, so unknown
 * sites with the same furniture are caught too.
 */

const MONTH =
  '(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sep(?:t(?:ember)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)';
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|\\.)?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR = '\\d{4}';
const TIME = '\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?';

/**
 * Dates as page headers print them: "Sunday, June 23, 2024", "Mon. Dec 4th, 2023", "2024-06-23 10:00", "23.06.2024",
 * "Updated: June 23, 2024 | 10:00". (The last form, its label left out, takes "June 23, 2024" and "23 June 2024"
 * with or without a weekday and a time too: they have no form of their own. That shrinks the regex's bytecode from
 * 69 to 39 KB: compiling it, once in each process, took 10-16 ms of its first use and 3-4 ms more for its native
 * code, now 5-7 and 2.)
 */
const DATE_LINE = new RegExp(
  [
    `^\\d{4}-\\d{2}-\\d{2}(?:[T\\s]${TIME})?$`,
    `^\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}(?:[,\\s]+${TIME})?$`,
    `^(?:updated|published|posted|last updated|date)?:?\\s*(?:on\\s+)?(?:${WEEKDAY}[,.]?\\s+)?(?:${MONTH}\\s+${DAY},?\\s+${YEAR}|${DAY}\\s+${MONTH},?\\s+${YEAR})(?:[,\\s|]+(?:at\\s+)?${TIME})?$`,
  ].join('|'),
  'i',
);

const DIGIT = /\d/;

/** "5 hours ago", "2 days ago", "yesterday", "just now": the timestamps of teaser lists. */
const RELATIVE_TIME = /^(?:\d+|an?|one)\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?\s+ago$|^(?:yesterday|just now|today)$/i;

/** A line this long is never a date, label or credit line, whatever whitespace it wastes: the tests below look no further (a 16 MiB one-line text must not be normalised for nothing). */
const FURNITURE_MAX_RAW_CHARS = 400;

export function isDateLine(line: string): boolean {
  if (line.length > FURNITURE_MAX_RAW_CHARS) return false;
  const t = line.trim().replace(/\s+/g, ' ');
  if (t.length > 60) return false;
  // Every date form below has a digit; without one only "yesterday", "an hour ago" and the like are left, and the
  // long alternation is neither run nor (on a page without dates) compiled.
  if (!DIGIT.test(t)) return RELATIVE_TIME.test(t);
  if (DATE_LINE.test(t) || RELATIVE_TIME.test(t)) return true;
  // Any language: a short line with a year and a clock time and no sentence ("segunda-feira, 22 de janeiro de 2018 às 0:13").
  return wordCount(t) <= 9 && /\b(?:19|20)\d{2}\b/.test(t) && /\b\d{1,2}[:h]\d{2}\b/.test(t) && !/[.!?]$/.test(t);
}

export function isRelativeTime(line: string): boolean {
  return RELATIVE_TIME.test(line.trim());
}

/** Breadcrumbs: "Home » World", "Home > News", or the scraped "HomeWorld News..." where the separators were lost. */
export function isBreadcrumb(line: string): boolean {
  if (line.length > FURNITURE_MAX_RAW_CHARS) return false;
  const t = line.trim();
  if (/^home\s*[»>›/|•·]/i.test(t)) return true;
  if (/^Home[A-Z]/.test(t)) return true;
  // Three or more short items joined by arrow-like separators.
  const parts = t.split(/\s*[»›>]\s*/);
  return parts.length >= 3 && parts.every((p) => p.length > 0 && p.split(/\s+/).length <= 6);
}

/**
 * Interface words of comment forms, share bars, subscription boxes and
 * teaser lists. Matched only on SHORT lines, where they are labels rather
 * than prose that happens to use the word.
 */
const INTERFACE_PHRASES = [
  /\benter your (?:comment|name|email|e-mail)\b/i,
  /^(?:leave|post|add|write) a (?:reply|comment|response)\b/i,
  /^(?:\d+\s+)?(?:comments?|responses?|replies)\b\s*(?:\(\d+\))?:?$/i,
  /^share(?: (?:this|post|article|story|on)\b.*)?:?$/i,
  /^(?:share|tweet|email|print|pin|whatsapp|facebook|twitter|linkedin|telegram|reddit)(?:\s*[|·•,]\s*\w+)*$/i,
  /^(?:more like this|you (?:may|might) (?:also )?like|recommended(?: for you)?|read next|up next|don't miss|must read)\b/i,
  /^(?:related|recent|latest|popular|trending|top|more|other)\s+(?:articles?|posts?|stories|news|reads?|videos?|headlines|from\b.*)$/i,
  /^(?:stay connected|follow us\b.*|subscribe\b.*|sign up\b.*|newsletter|join (?:us|our)\b.*|get the latest\b.*)$/i,
  /^(?:advertisements?|advert|advertising|sponsored(?: content)?|ad|ads|promoted|anzeige|werbung|publicité|publicidad|pubblicità|reklama|annonse|annons|mainos)$/i,
  // WordPress shortcodes left unrendered: [button link="…" type="big"].
  /^\[\/?[a-z_-]+(?:\s[^\]]*)?\](?:.*\[\/[a-z_-]+\])?$/i,
  /^(?:tags?|topics?|categories|filed under|related topics)\s*:?/i,
  /^(?:save my name|notify me|cancel reply|log ?in to (?:reply|comment)|you must be logged in)\b/i,
  /^(?:previous|next)\s+(?:article|post|story)\b/i,
  /^(?:click here|read more|continue reading|see more|load more|show more)\b/i,
  // A prompt to comment: "Sound off in the comments below!", "Let us know in the comments."
  /\b(?:in|to) the comments?(?: (?:below|section))?[.!]?$/i,
  // Credits, corrections and notes about the page that close or open an article as short sentences.
  /\bcontributed(?: reporting)? to this (?:report|story|article)\b|\bcontributed reporting\b/i,
  /^(?:this (?:story|article|report) (?:has been|was) (?:corrected|updated)|an earlier version of this|updated at\b|this (?:story|article) was originally published)/i,
  /^(?:photos?|video|graphics?|illustrations?) by\b/i,
  /\b(?:is|was) a (?:staff|freelance|contributing|senior) (?:writer|reporter|editor|correspondent)\b|\bcan be reached at\b/i,
  /^(?:listen to this|skip to|watch the video|please enable|accept cookies|thank you for reading|see the full|read the full story|our journalism|support (?:local )?journalism|we want to hear from you|this content is not available)/i,
  /^(?:all rights reserved|copyright\b|©)/i,
];

/** Short lines that are part of the site, not of the article. */
export function isInterfaceLine(line: string, maxWords = 12): boolean {
  if (line.length > FURNITURE_MAX_RAW_CHARS) return false;
  const t = line.trim().replace(/\s+/g, ' ');
  if (t.length === 0) return false;
  if (wordCount(t) > maxWords) return false;
  return INTERFACE.test(t);
}

/** The phrases as one alternation: one scan per line instead of one per phrase. */
const INTERFACE = new RegExp(INTERFACE_PHRASES.map((re) => `(?:${re.source})`).join('|'), 'i');

/** Labels after which a page only has site furniture: a comment form, a teaser list, a follow box. */
const END_LABELS = [
  /^(?:recent|latest|related|popular|trending|more|top|other)\s+(?:articles?|posts?|stories|news|reads?|headlines)$/i,
  /^(?:more like this|you (?:may|might) (?:also )?like|recommended(?: for you)?|read next|stay connected)$/i,
  /^(?:leave|post|add|write) a (?:reply|comment|response)$/i,
  /^please enter your (?:comment|name)/i,
  /^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$/i,
  /^(?:tell us what you think|what do you think|have your say|join the (?:discussion|conversation)|comment on this (?:story|article))\b/i,
];

export function isEndLabel(line: string): boolean {
  if (line.length > 80) return false;
  const t = line.trim().replace(/[:!.]+$/, '').replace(/\s+/g, ' ');
  return t.length <= 60 && END_LABELS.some((re) => re.test(t));
}

/** "Also read: …", "Read more: …", "See also – …": teasers for other articles, with or without a link. */
export function isTeaser(line: string): boolean {
  const t = line.trim();
  return /^(?:also read|read also|read more|see also|also see|related|more|recommended|must read|watch|listen|also watch|read)\s*[:–—|-]\s*\S/i.test(t)
    || /^(?:also read|read also|see also|read more)\b/i.test(t) && wordCount(t) <= 20;
}

/**
 * Attribution lines: "Source: Krone", "Sources By Agencies", "Source – Language Input",
 * "(With inputs from agencies)", "With agency inputs". Returns the credited party.
 */
export function attributionOf(line: string): string | undefined {
  if (line.length > FURNITURE_MAX_RAW_CHARS) return undefined;
  const t = line.trim().replace(/\s+/g, ' ');
  if (t.length === 0 || t.length > 80) return undefined;
  let m = /^\(?\s*(?:sources?|credits?|courtesy|via)\s*(?:by|from|of)?\s*[:–—-]?\s*([^()]{2,60}?)\s*\)?\.?$/i.exec(t);
  if (m && /^(?:sources?|credits?|courtesy|via)\b(?:\s*(?:by|from|of)\b|\s*[:–—-])/i.test(t.replace(/^\(\s*/, ''))) {
    return cleanCredit(m[1] ?? '');
  }
  m = /^\(?\s*(?:with (?:inputs?|reporting|contributions?) (?:from|by)|inputs? from|reporting by|written by .* with)\s+(.{2,60}?)\s*\)?\.?$/i.exec(t);
  if (m) return cleanCredit(m[1] ?? '');
  m = /^\(?\s*with\s+(agency|agencies|wire)\s+inputs?\s*\)?\.?$/i.exec(t);
  if (m) return 'Agencies';
  return undefined;
}

function cleanCredit(s: string): string | undefined {
  const c = s.replace(/^(?:the|a)\s+/i, '').replace(/[.;,:]+$/, '').trim();
  if (c.length < 2 || wordCount(c) > 6) return undefined;
  return /^agenc(?:y|ies)$/i.test(c) ? 'Agencies' : c;
}

/** News agencies, as they credit themselves. */
const WIRE_NAMES = ['AP', 'AFP', 'Reuters', 'dpa', 'DPA', 'Bloomberg', 'PTI', 'IANS', 'ANI', 'UPI', 'APA', 'EFE', 'ANSA', 'Xinhua', 'TASS', 'Interfax', 'Kyodo', 'Yonhap', 'CNN', 'AAP', 'CP', 'The Canadian Press', 'Associated Press', 'Agence France-Presse', 'SDA', 'KNA', 'epd', 'ots', 'Anadolu', 'Tanjug', 'Lusa', 'CTK', 'PAP', 'MTI', 'NTB', 'TT', 'STT', 'Ritzau', 'Belga', 'ATS', 'HINA', 'BTA', 'WAFA', 'IRNA', 'ENA', 'APS', 'MAP', 'Bernama', 'Antara', 'PNA'];
const WIRE = `(?:${WIRE_NAMES.join('|')})`;
/** Wire credits that open a paragraph: "(AP) —", "WASHINGTON (Reuters) -", "BERLIN (dpa) -". */
const WIRE_DATELINE = new RegExp(`^(?:[A-ZÀ-Ý][A-ZÀ-Ý .,'-]{1,40}\\s*)?\\(\\s*(${WIRE}|Reuters\\/[A-Za-z]+)\\s*\\)\\s*[-–—:]`);

export function wireCreditOf(paragraph: string): string | undefined {
  const m = WIRE_DATELINE.exec(paragraph.trim());
  return m ? m[1] : undefined;
}

const WIRE_REPORT = new RegExp(`(?:,\\s*(?:the\\s+)?(?:[A-Z][a-z]+\\s+)?(?:news\\s+agency\\s+)?(${WIRE})\\s+(?:reported|reports|said|says|wrote|writes)\\b|\\baccording\\s+to\\s+(?:the\\s+)?(?:[A-Z][a-z]+\\s+)?(?:news\\s+agency\\s+)?(${WIRE})\\b)`);
/** Paragraphs of the lead in which a wire named as the reporter makes it the article's source. */
const LEAD_PARAGRAPHS = 2;

/**
 * "…, dpa reported." / "according to the news agency Reuters": a wire the
 * lead names as its reporter is the article's source, as a dateline credit
 * would be.
 */
export function wireReportOf(paragraphs: string[]): string | undefined {
  for (const p of paragraphs.slice(0, LEAD_PARAGRAPHS)) {
    const m = WIRE_REPORT.exec(p);
    if (m !== null) return m[1] ?? m[2];
  }
  return undefined;
}

/** A person's name alone on a line: two to four capitalised words, no punctuation except a hyphen or apostrophe. */
export function isNameLine(line: string): boolean {
  const t = line.trim().replace(/^by\s+/i, '');
  return /^\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]+|van|von|de|da|del|der|bin|al|le|la)){1,3}$/u.test(t);
}

export function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Ends like a sentence: . ! ? or a closing quote/bracket after one, or the CJK full stop. */
export function endsLikeSentence(s: string): boolean {
  return /[.!?。！？…:;]["'”’»)\]]*\s*$/.test(s) && !/(?:\.\.\.|…)["'”’»)\]]*\s*$/.test(s);
}

/** Truncated teaser snippets end with an ellipsis. */
export function endsWithEllipsis(s: string): boolean {
  return /(?:\.\.\.|…)["'”’»)\]]*\s*$/.test(s);
}

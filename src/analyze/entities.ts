import type { EntityMention, EntityType } from '../types.js';
import { charClass, LOWER, UPPER } from './chars.js';
import { aliasMap, entityKey } from './keys.js';
import { ABBREVIATED_TITLES, MOTION_BEFORE_TO, NOT_NAMES, ORG_HEAD, ORG_SUFFIX, PLACE_CUES, PLACE_PREFIX, PLACE_SUFFIX, TITLES } from './lexicon.js';
import type { Token, TokenizedSentence } from './nlp.js';
import { COUNTRIES } from './facts/lexicon.js';

/**
 * Named entities from capitalisation, the only signal the lite model leaves
 * us: runs of capitalised words (joined across hyphens and across "of"/"for"
 * inside institution names), titles stripped off the front, then typed by
 * weighted evidence gathered over the whole article — a title before the
 * name or a speech verb makes a person, a head noun an organisation or a
 * place, a locative preposition a (weak) place.
 */

/** Nouns of settlements and areas that name a place after "of" ("the town of Banstead"). */
const SETTLEMENTS = new Set(['city', 'town', 'village', 'region', 'province', 'district', 'state', 'county', 'capital', 'port', 'island', 'suburb', 'borough', 'neighborhood', 'neighbourhood', 'camp', 'municipality']);

/** Evidence weights: a title or a suffix is near proof; a preposition is a hint. */
const STRONG = 10;
/** A head noun ("Committee", "Cosmodrome") outweighs a title seen nearby. */
const HEAD_NOUN = 12;
const WEAK = 1;
/** Multi-word proper names with no other cue are mostly people in news prose. */
const NAME_SHAPE = 0.6;
/** Indefinite articles: a name after one is a kind ("a Tar Heel", "a Democrat"), not somebody. */
const INDEFINITE = new Set(['a', 'an']);
/** How far back (tokens) a lowercase role word may stand before a name ("spokesman Dmitry Peskov"). */
const ROLE_LOOKBACK = 2;

export interface Found extends EntityMention {
  start: number;
  end: number;
  /** Token count of the name. */
  size: number;
}

export interface EntityResult {
  mentions: Found[];
  /** key → type votes, for later stages to merge across articles. */
  votes: Map<string, Record<EntityType, number>>;
}

function isCap(t: Token): boolean {
  return (t.type === 'word' || t.type === 'number') && (charClass(t.value, 0) & UPPER) !== 0 && !NOT_NAMES.has(t.lower);
}

/** Code units of the longest acronym: four letters with dots, each letter perhaps a surrogate pair. */
const MAX_ACRONYM_UNITS = 12;

function isAcronym(t: Token): boolean {
  const v = t.value;
  // Quick refusals: too short or too long for either form, or a lower-case second letter ("Putin").
  if (v.length < 2 || v.length > MAX_ACRONYM_UNITS) return false;
  const second = v.charCodeAt(1);
  if (second >= 0x61 && second <= 0x7a) return false;
  return /^\p{Lu}{2,6}$/u.test(v) || /^(?:\p{Lu}\.){2,4}$/u.test(v);
}

/** "Russian", "North Korean", "Chinese" before a noun: adjectives, not names. */
function isDemonym(t: Token, next?: Token): boolean {
  if (!endsWithAny(t.lower, DEMONYM_ENDINGS)) return false;
  return t.pos === 'ADJ' || (next !== undefined && endsWithAny(t.lower, NOUN_DEMONYM_ENDINGS) && startsLower(next.value) && next.pos === 'NOUN');
}

/** A capitalised word shaped like a nationality ("American", "Ukrainian", "Somali", "Chinese"). */
function nationalityShape(t: Token): boolean {
  return /^\p{Lu}\p{Ll}+(?:an|ese|ish|i)$/u.test(t.value);
}

/** Endings of demonyms ("Russian", "Chinese", "British", "Iraqi", "Arctic", "Southern"). */
const DEMONYM_ENDINGS = ['an', 'ese', 'ish', 'i', 'ic', 'ern'];
/** Endings of demonyms that also name people ("a Russian", "the Chinese"), told apart by the noun after. */
const NOUN_DEMONYM_ENDINGS = ['ian', 'ean', 'ese', 'ish', 'can', 'ern'];

function endsWithAny(word: string, endings: string[]): boolean {
  for (const e of endings) if (word.endsWith(e)) return true;
  return false;
}

/** Whether the first character is a lower-case letter (/^\p{Ll}/u). */
function startsLower(s: string): boolean {
  return s.length > 0 && (charClass(s, 0) & LOWER) !== 0;
}

/** Titles that are also common surnames. */
const SURNAME_TITLES = new Set(['king', 'pope']);

/** A title word, its abbreviation dot dropped ("Gen." → "gen"). */
function isTitle(lower: string): boolean {
  return TITLES.has(lower.endsWith('.') ? lower.slice(0, -1) : lower);
}

/**
 * A position or title written as capitals before a person's full name
 * ("Saints RB Pierre Thomas", "Super Bowl MVP Drew Brees", "Angels GM Tony
 * Reagins"): the name starts after it. Only before two capitalised words
 * or more that no organisation or place word ends ("GM Korea", "GM Daewoo
 * Motors" are companies).
 */
function abbreviatedTitle(toks: Token[], a: number, k: number, b: number): boolean {
  const t = toks[k] as Token;
  if (!ABBREVIATED_TITLES.has(t.lower) || t.value !== t.value.toUpperCase() || b - k - 1 < 2) return false;
  // (Letters that also open companies' names, "GM South Africa", "CB Richard Ellis", only after whose they are: "Angels GM Tony Reagins".)
  if (COMPANY_LETTERS.has(t.lower) && k === a) return false;
  const rest = toks.slice(k + 1, b);
  if (COUNTRIES.has(rest.map((x) => x.lower).join(' '))) return false;
  const last = rest[rest.length - 1] as Token;
  // (Capitalised words, whatever their tags: "Drew Brees" reads as a verb and a name.)
  return rest.every((x) => x.type === 'word' && /^\p{Lu}\p{Ll}/u.test(x.value)) && !ORG_SUFFIX.has(last.lower) && !PLACE_SUFFIX.has(last.lower);
}

/** Last words of the names of contests, prizes and festivals ("Super Bowl", "World Cup", "Golden Globe Awards"). */
const EVENT_NAME_HEADS = new Set(['bowl', 'cup', 'open', 'championship', 'championships', 'olympics', 'games', 'series', 'classic', 'tournament', 'award', 'awards', 'prize', 'prix', 'festival', 'marathon', 'derby']);

/** Of ABBREVIATED_TITLES, the letters that also open companies' names ("GM", "CB Richard Ellis"). */
const COMPANY_LETTERS = new Set(['gm', 'cb']);

/** One capitalised run inside a sentence: token index range [a, b). */
function runs(tokens: Token[], midCaps: Set<string>, lowerSeen: Set<string>, titleCase: boolean): [number, number][] {
  const out: [number, number][] = [];
  // In a headline written in title case ("Yvonne Hiller Charged With Two Counts Of Murder") every word is
  // capitalised: there a word the article also writes in lower case ends a name, in whatever form it writes it
  // ("76ers Fire Coach Jim Lee, Hire Tom Hale" beside "fired", "hired").
  const nameWord = (t: Token): boolean => isCap(t) && !(titleCase && writtenLower(t.lower, lowerSeen) && !isAcronym(t));
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t === undefined || !nameWord(t) || (isInitial(tokens, i) && !startsName(t, tokens[i + 1], midCaps))) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const n = tokens[j];
      if (n === undefined) break;
      if (nameWord(n) && n.start <= (tokens[j - 1]?.end ?? 0) + 1) {
        j++;
        continue;
      }
      // "Jong-un", "Soo-suk": hyphen glued on both sides.
      const after = tokens[j + 1];
      if (n.value === '-' && n.start === tokens[j - 1]?.end && after !== undefined && after.start === n.end && (after.type === 'number' || startsLower(after.value))) {
        j += 2;
        continue;
      }
      // "Juror No. 12", "Gate No. 5": the number a name's "No." announces is part of it.
      if (n.type === 'number' && /^no\.?$/.test(tokens[j - 1]?.lower ?? '') && j - 1 > i) {
        j++;
        break;
      }
      // "Stade de Suisse", "Charles de Gaulle", "Ludwig van Beethoven": a name particle between two capitalised words.
      if (NAME_PARTICLES.has(n.value) && j > i && tokens[j + 1] !== undefined && isCap(tokens[j + 1] as Token) && n.start <= (tokens[j - 1]?.end ?? 0) + 1) {
        j += 2;
        continue;
      }
      // "Space Science and Technology Committee": "and" inside a name that ends in an organisation noun.
      if (n.lower === 'and') {
        let k = j + 1;
        while (tokens[k] !== undefined && isCap(tokens[k] as Token)) k++;
        if (k > j + 1 && ORG_SUFFIX.has(tokens[k - 1]?.lower ?? '')) {
          j = k;
          continue;
        }
      }
      // "Institute for Strategic Studies", "Republic of Korea": a connector inside an institution name.
      if ((n.lower === 'of' || n.lower === 'for') && j > i && institutional(tokens[j - 1]) && tokens[j + 1] !== undefined) {
        let k = j + 1;
        if (tokens[k]?.lower === 'the') k++;
        const nk = tokens[k];
        if (nk !== undefined && isCap(nk)) {
          j = k + 1;
          continue;
        }
      }
      break;
    }
    // "Creighton All - American Kyle Korver", "a four-time All-Star": a word that opens a hyphened compound
    // ("All-American", "Pro-Bowl", "Ex-President") describes what follows; it ends no name.
    if (j - 1 > i && COMPOUND_LEADS.has(tokens[j - 1]?.lower ?? '') && tokens[j]?.value === '-' && tokens[j + 1] !== undefined && isCap(tokens[j + 1] as Token)) {
      out.push([i, j - 1]);
      i = j + 2;
      continue;
    }
    out.push([i, j]);
    i = j;
  }
  return out;
}

/** Words that open a hyphened compound describing a name ("All-American", "Pro-Bowl", "Ex-President"), never a name's last word. */
const COMPOUND_LEADS = new Set(['all', 'pro', 'anti', 'non', 'ex', 'pre', 'post', 'self', 'multi', 'mid', 'inter', 'trans', 'semi']);

/** The end of a sentence: a stop, perhaps in quotes, that a headline does without. */
const HEADLINE_END_RE = /[.!?]\s*["”’]?\s*$/;

/** Where, in tokens [a, b), the longest tail of two words or more that the article writes as a name elsewhere begins (else `a`). */
function knownTail(toks: Token[], a: number, b: number, names: Set<string>): number {
  if (names.has(joinLower(toks, a, b))) return a;
  // (A full name at least: "Drew Brees" in a headline stays whole though the article writes only "Brees" after it.)
  for (let k = a + 1; k < b - 1; k++) if (names.has(joinLower(toks, k, b))) return k;
  return a;
}

/** Where, in tokens [a, b), the longest head that the article writes as a name elsewhere ends (else `b`). */
function knownHead(toks: Token[], a: number, b: number, names: Set<string>): number {
  for (let k = b; k > a; k--) if (names.has(joinLower(toks, a, k))) return k;
  return b;
}

function joinLower(toks: Token[], a: number, b: number): string {
  return toks
    .slice(a, b)
    .map((t) => t.lower)
    .join(' ');
}

/** Whether the article writes the word in lower case, as it stands or inflected ("hire": "hires", "hired", "hiring"). */
function writtenLower(word: string, lowerSeen: Set<string>): boolean {
  if (lowerSeen.has(word)) return true;
  const base = word.replace(/e$/, '');
  return INFLECTIONS.some((end) => lowerSeen.has(`${word}${end}`) || lowerSeen.has(`${base}${end}`));
}
/** Endings of a verb's or a noun's other forms. */
const INFLECTIONS = ['s', 'es', 'd', 'ed', 'ing'];

/** Lower-case particles inside personal and place names (written in lower case, as they are inside names). */
const NAME_PARTICLES = new Set(['de', 'du', 'del', 'della', 'di', 'da', 'dos', 'das', 'van', 'von', 'der', 'den', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'ben']);

/** Share of capitalised words above which a line is written in title case. */
const TITLE_CASE_SHARE = 0.6;
/** Words a line needs before its capitals say anything about its case. */
const TITLE_CASE_MIN_WORDS = 4;

function titleCased(tokens: Token[]): boolean {
  let words = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.type !== 'word') continue;
    words++;
    if ((charClass(t.value, 0) & UPPER) !== 0) caps++;
  }
  return words >= TITLE_CASE_MIN_WORDS && caps / words >= TITLE_CASE_SHARE;
}

/** Marks after which a word is capitalised whatever it is: quotes, a bracket, a colon, dashes. */
const INITIAL_AFTER = new Set(['“', '”', '"', '‘', '«', '„', '(', ':', '—', '–', '-']);
const OPEN_QUOTE = new Set(['“', '"', '‘']);
const CLOSE_QUOTE = new Set(['”', '"', '’']);

/** First word of a sentence, of a quote, or after a colon: capitalised whatever it is. */
function isInitial(tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const p = tokens[i - 1];
  return p !== undefined && p.type === 'punctuation' && INITIAL_AFTER.has(p.value);
}

/**
 * An initial capital is a name only if tagged a proper noun and the same
 * word is capitalised somewhere not at a start (or another capital follows):
 * "Payloads are launched" is not a name, "Putin took" is.
 */
function startsName(t: Token, next: Token | undefined, midCaps: Set<string>): boolean {
  if (isAcronym(t)) return true;
  if (t.stop || /^i['’]/.test(t.lower)) return false;
  return t.pos === 'PROPN' && (midCaps.has(t.lower) || (next !== undefined && isCap(next) && next.start <= t.end + 1));
}

function institutional(t: Token | undefined): boolean {
  if (t === undefined) return false;
  return ORG_HEAD.has(t.lower) || ORG_SUFFIX.has(t.lower) || PLACE_SUFFIX.has(t.lower) || t.lower === 'international';
}

function emptyVotes(): Record<EntityType, number> {
  return { person: 0, organization: 0, place: 0, other: 0 };
}

export function findEntities(sentences: TokenizedSentence[], text: string): EntityResult {
  const mentions: Found[] = [];
  const votes = new Map<string, Record<EntityType, number>>();
  // Names a place cue reaches only as modifiers of a noun ("in the Teixeira sweepstakes", "at the Aleppo market"):
  // a place's vote, cast at the end for those that nothing else types a person or a body.
  const deferredPlace: string[] = [];
  const vote = (key: string, type: EntityType, w: number): void => {
    let v = votes.get(key);
    if (v === undefined) {
      v = emptyVotes();
      votes.set(key, v);
    }
    v[type] += w;
  };

  const midCaps = new Set<string>();
  const lowerSeen = new Set<string>();
  for (const s of sentences) {
    // Most words are lower-case: isCap refuses them before isInitial looks back.
    s.tokens.forEach((t, i) => {
      if (isCap(t) && !isInitial(s.tokens, i)) midCaps.add(t.lower);
      else if (t.type === 'word' && (charClass(t.value, 0) & LOWER) !== 0) lowerSeen.add(t.lower);
    });
  }
  const titleCaseOf = sentences.map((s) => titleCased(s.tokens));
  const runsOf = sentences.map((s, si) => runs(s.tokens, midCaps, lowerSeen, titleCaseOf[si] === true));
  // The names the article writes outside its title-case lines: what such a line's capitals may be trusted for.
  const plainNames = new Set<string>();
  sentences.forEach((s, si) => {
    if (titleCaseOf[si] !== true) for (const [a, b] of runsOf[si] ?? []) plainNames.add(joinLower(s.tokens, a, b));
  });
  sentences.forEach((s, si) => {
    const toks = s.tokens;
    // A headline: a title-case line that no stop ends ("Kim Jong Un thanked Putin." is a sentence of names).
    const headline = titleCaseOf[si] === true && !HEADLINE_END_RE.test(text.slice(s.start, s.end));
    for (const [a0, b0] of runsOf[si] ?? []) {
      // "Sixers Hire Maurice Cheeks as Head Coach": in a headline, a run that ends in a name the article writes
      // elsewhere is that name; the capitals before it are the headline's.
      let a = headline ? knownTail(toks, a0, b0, plainNames) : a0;
      // "Microsoft Launches Emergency Patch": else one that opens with such a name is that name, and the rest headline.
      let b = headline && a === a0 ? knownHead(toks, a0, b0, plainNames) : b0;
      let titled = false;
      // Split after an organisation head word followed by more names ("Presidential Office Dmitry Peskov").
      for (let k = a; k < b - 1; k++) {
        const tk = toks[k];
        const nk = toks[k + 1];
        if (tk !== undefined && ORG_SUFFIX.has(tk.lower) && k > a && nk !== undefined && isCap(nk) && !toks.slice(k + 1, b).some((x) => ORG_SUFFIX.has(x.lower) || PLACE_SUFFIX.has(x.lower))) {
          emit(a, k + 1, false);
          a = k + 1;
        }
      }
      // Leading demonyms and titles ("Russian Defense Minister Sergei Shoigu").
      let lastTitle = -1;
      for (let k = a; k < b; k++) {
        const tk = toks[k];
        if (tk !== undefined && (isTitle(tk.lower) || abbreviatedTitle(toks, a, k, b))) lastTitle = k;
      }
      if (lastTitle >= a && lastTitle < b - 1) {
        a = lastTitle + 1;
        titled = true;
      }
      while (a < b - 1 && toks[a] !== undefined && isDemonym(toks[a] as Token, toks[a + 1]) && !PLACE_SUFFIX.has(toks[b - 1]?.lower ?? '')) a++;
      // "American Hasim Rahman": a nationality before a person's full name (two names or more) describes them.
      if (b - a >= 3 && toks[a] !== undefined && nationalityShape(toks[a] as Token) && toks.slice(a + 1, b).every((t) => t.pos === 'PROPN') && !ORG_SUFFIX.has(toks[b - 1]?.lower ?? '') && !PLACE_SUFFIX.has(toks[b - 1]?.lower ?? '')) a++;
      emit(a, b, titled);
    }

    function emit(a: number, b: number, titled: boolean): void {
      const first = toks[a];
      const last = toks[b - 1];
      if (first === undefined || last === undefined || a >= b) return;
      if (b - a === 1 && first.type === 'number') return;
      // A lone capitalised function word ("The" opening a sentence inside a quote) names nothing.
      if (b - a === 1 && first.stop && !isAcronym(first)) return;
      // "Press Secretary", "Defense Minister": a title alone names nobody. A royal title after a given name is a
      // surname ("Billy King", "Alexander Pope"); after a nationality it is still the title ("Saudi King").
      // (Alone, such a surname is the person named in full with it before: "Tishana King … King told The News";
      // not "the King", nor "King of Spain".)
      if (TITLES.has(last.lower) && !(SURNAME_TITLES.has(last.lower) && b - a >= 2 && !isTitle(first.lower) && !nationalityShape(first) && !isDemonym(first, toks[a + 1])) && !(b - a === 1 && SURNAME_TITLES.has(last.lower) && toks[a - 1]?.lower !== 'the' && toks[b]?.lower !== 'of' && mentions.some((m) => m.size >= 2 && m.key.endsWith(` ${last.lower}`)))) return;
      // A demonym-only run ("Russian", "North Korean") is an adjective, not a name.
      if (isDemonym(last, toks[b]) && toks.slice(a, b - 1).every((t) => isDemonym(t) || PLACE_PREFIX.has(t.lower))) return;
      if (/^i['’]/.test(first.lower)) return;
      const surface = text.slice(first.start, last.end);
      const key = entityKey(surface);
      if (key.length < 2) return;
      mentions.push({ text: surface, key, type: 'other', sentence: si, start: first.start, end: last.end, size: b - a });
      const lastLower = last.lower;
      if (titled || roleBefore(toks, a) || roleAfter(toks, b)) vote(key, 'person', STRONG);
      const prevAt = toks[a - 1]?.lower === 'the' ? a - 2 : a - 1;
      // "the Super Bowl", "the World Cup", "the US Open": a name whose last word heads an event names no one.
      if (b - a >= 2 && EVENT_NAME_HEADS.has(lastLower)) vote(key, 'other', HEAD_NOUN);
      else if (ORG_SUFFIX.has(lastLower) || toks.slice(a, b).some((t) => ORG_HEAD.has(t.lower)) || (teamShape(toks, a, b) && !placeCueAt(toks, prevAt))) vote(key, 'organization', HEAD_NOUN);
      else if (PLACE_SUFFIX.has(lastLower) || (PLACE_PREFIX.has(first.lower) && b - a > 1)) vote(key, 'place', HEAD_NOUN);
      if (b - a === 1 && isAcronym(first)) vote(key, 'organization', WEAK);
      // ("in the Teixeira sweepstakes", "at the Betty Ford clinic": the preposition governs the noun the name modifies.)
      const cued = placeCueAt(toks, prevAt);
      const modifier = cued && modifiesNoun(toks, a, b);
      if (modifier) deferredPlace.push(key);
      else if (cued || cityStateAt(toks, a, b)) vote(key, 'place', WEAK);
      // "the city of Khan Younis", "the village of Qana": a settlement noun before "of" names a place.
      if (toks[a - 1]?.lower === 'of' && SETTLEMENTS.has(toks[a - 2]?.lower ?? '')) vote(key, 'place', STRONG);
      // "the Baltimore Orioles": a plural name after "the" is a team or a body, never a person.
      const plural = b - a >= 2 && pluralShape(last.lower) && toks[a - 1]?.lower === 'the';
      if (plural) vote(key, 'organization', WEAK);
      // "2,301 points as a Tar Heel": a name that "a" or "an" opens and that ends its phrase is a kind of person, not
      // somebody, so its shape casts no person vote ("a Kraft Foods plant" is the company's: the noun after it heads
      // the phrase). Other mentions of the name vote as ever: "a John Smith, 42, … John Smith denied it" is a person.
      else if (b - a >= 2 && !modifier && !kindOfPerson(toks, a, b) && toks.slice(a, b).every((t) => t.pos === 'PROPN' || t.value === '-' || startsLower(t.value))) vote(key, 'person', NAME_SHAPE);
      // A name standing alone in quotes is a title ("“American Pie” star"), not a person.
      if (OPEN_QUOTE.has(toks[a - 1]?.value ?? '') && CLOSE_QUOTE.has(toks[b]?.value ?? '')) vote(key, 'other', STRONG);
      vote(key, 'other', 0.1);
    }
  });

  // Aliases: short forms take the key of the full name.
  const counts = new Map<string, number>();
  const order: string[] = [];
  for (const m of mentions) {
    if (!counts.has(m.key)) order.push(m.key);
    counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
  }
  const acronyms = new Set(mentions.filter((m) => /^\p{Lu}{2,6}$/u.test(m.text)).map((m) => m.key));
  const alias = aliasMap(counts, order, acronyms);
  acronymAliases(mentions, text, alias);
  for (const m of mentions) {
    const to = alias.get(m.key);
    if (to === undefined) continue;
    const v = votes.get(m.key);
    if (v !== undefined) for (const t of Object.keys(v) as EntityType[]) vote(to, t, v[t]);
    m.key = to;
  }
  // (After the aliases, so that "Teixeira" counts the person votes of "Mark Teixeira".)
  for (const k of deferredPlace) {
    const to = alias.get(k) ?? k;
    const v = votes.get(to);
    if (v === undefined || (v.person === 0 && v.organization === 0)) vote(to, 'place', WEAK);
  }
  for (const m of mentions) m.type = bestType(votes.get(m.key));
  return { mentions, votes };
}

/**
 * "the New York Yankees", "Los Angeles Angels": a place's name of two words
 * a prefix of place opens, followed by a plural, is a team or a body, not
 * the place ("New Orleans", "Las Vegas" and "Palm Springs" are places: the
 * plural is part of the place's own name, or a word of places). (Not a name
 * of one word before the plural: "Jordan Matthews", "Georgia Roberts" are
 * people as often as "Texas Rangers" is a team; and not after a word of place,
 * which the caller checks: "in New South Wales".)
 */
function teamShape(toks: Token[], a: number, b: number): boolean {
  const last = toks[b - 1]?.lower ?? '';
  if (b - a < 3 || !pluralShape(last) || PLACE_SUFFIX.has(last)) return false;
  return PLACE_PREFIX.has(toks[a]?.lower ?? '');
}

/** Whether the token at k is a preposition of place ("in", "near"), or a "to" after a word of going ("flew to"). */
function placeCueAt(toks: Token[], k: number): boolean {
  const cue = toks[k]?.lower;
  if (cue === undefined) return false;
  return PLACE_CUES.has(cue) || (cue === 'to' && MOTION_BEFORE_TO.has(toks[k - 1]?.lower ?? ''));
}

/** Nouns after a place's name that still make it the place ("in the Boston area", "in the Gaza region"). */
const AREA_NOUNS = new Set([...SETTLEMENTS, 'area', 'areas', 'suburbs', 'outskirts', 'countryside', 'regions', 'vicinity']);
/** Nouns of time after a name that say when, not what the name modifies ("in the Netherlands today"). */
const TIME_NOUNS = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'morning', 'afternoon', 'evening', 'night', 'week', 'weekend', 'month', 'year', 'season', 'time']);

/**
 * Whether the name from a to b, after "the", modifies the common noun right
 * after it ("the Teixeira sweepstakes", "the Betty Ford clinic", "the Obama
 * administration"): a preposition before it governs that noun, and is no
 * evidence that the name is a place (unless the noun is an area: "the Boston area").
 */
function modifiesNoun(toks: Token[], a: number, b: number): boolean {
  const next = toks[b];
  if (toks[a - 1]?.lower !== 'the' || next === undefined || next.type !== 'word' || next.pos !== 'NOUN') return false;
  return startsLower(next.value) && !AREA_NOUNS.has(next.lower) && !TIME_NOUNS.has(next.lower);
}

/** Whether the name from a to b is opened by "a" or "an" and ends its phrase (punctuation, a function word or nothing after it). */
function kindOfPerson(toks: Token[], a: number, b: number): boolean {
  const next = toks[b];
  return INDEFINITE.has(toks[a - 1]?.lower ?? '') && (next === undefined || next.type === 'punctuation' || next.stop);
}

/**
 * "from Huntsville, Texas,": a name of one word (or two, "New Mexico") set
 * off by commas after a name a place cue opens is the larger place. (A list
 * goes on with "and", a clause with a verb: "in Seattle, Reggie Bush and …".)
 */
function cityStateAt(toks: Token[], a: number, b: number): boolean {
  if (toks[a - 1]?.value !== ',') return false;
  if (!(b - a === 1 || (b - a === 2 && PLACE_PREFIX.has(toks[a]?.lower ?? '')))) return false;
  const after = toks[b];
  if (after !== undefined && after.type !== 'punctuation') return false;
  let j = a - 2;
  while (j >= 0 && toks[j]?.pos === 'PROPN') j--;
  return j < a - 2 && placeCueAt(toks, j);
}

/** "Korean Central News Agency (KCNA)": the acronym in brackets is an alias of the name before it. */
function acronymAliases(mentions: Found[], text: string, alias: Map<string, string>): void {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const m = mentions[i] as Found;
    const n = mentions[i + 1] as Found;
    if (!/^\s*\($/.test(text.slice(m.end, n.start)) || text[n.end] !== ')') continue;
    if (!/^\p{Lu}{2,6}$/u.test(n.text) || m.size < 2) continue;
    if (!alias.has(n.key)) alias.set(n.key, alias.get(m.key) ?? m.key);
  }
}

export function bestType(v: Record<EntityType, number> | undefined): EntityType {
  if (v === undefined) return 'other';
  let best: EntityType = 'other';
  let score = 0.5;
  for (const t of ['person', 'organization', 'place', 'other'] as const) {
    if (v[t] > score) {
      best = t;
      score = v[t];
    }
  }
  return best;
}

/** "-s" but not "-ss" or "-us": the shape of an English plural (/[^su]s$/). */
function pluralShape(lower: string): boolean {
  if (lower.length < 2 || !lower.endsWith('s')) return false;
  const before = lower[lower.length - 2];
  return before !== 's' && before !== 'u';
}

function roleBefore(toks: Token[], a: number): boolean {
  for (let k = a - 1; k >= Math.max(0, a - ROLE_LOOKBACK); k--) {
    const t = toks[k];
    if (t === undefined) break;
    if (isTitle(t.lower)) return true;
    if (t.value !== ',') break;
  }
  return false;
}

/** "Joseph Dempsey, a defense researcher at …": an apposition of lower-case words ending in a role. */
function roleAfter(toks: Token[], b: number): boolean {
  if (toks[b]?.value !== ',') return false;
  for (let k = b + 1; k < Math.min(toks.length, b + 6); k++) {
    const t = toks[k];
    if (t === undefined || t.type !== 'word' || !startsLower(t.value) || t.lower === 'and' || t.lower === 'who') break;
    if (TITLES.has(t.lower)) return true;
  }
  return false;
}

/** Marks speakers as people: whoever says something in quotes is a person, unless strongly otherwise. */
export function votePerson(votes: Map<string, Record<EntityType, number>>, key: string): void {
  const v = votes.get(key) ?? emptyVotes();
  v.person += STRONG;
  votes.set(key, v);
}

import type { Fact, FactKind, FactValue, NumberMention } from '../../types.js';
import { ORG_SUFFIX, SMALL_NUMBERS, SPEECH_VERBS, TITLES } from '../lexicon.js';
import { periodKeyOf, periodKind } from '../dates.js';
import type { Item } from './items.js';
import { partyFact } from './party.js';
import {
  ANIMATE, COLOURS, DIRECTIONS, ROLES, PAST_ROLE, DISTINCT_EVENTS, EARLIER_REPORT, EVENT_NOUNS, knownEvent, LIGHT_VERBS, NOT_ASSERTED, NOT_COUNTED, RANK_PREFIXES, RANKS, STATE_ADJECTIVES, TOLL_NOUNS, eventFamily, eventNounFamily, singular, thingFamily,
} from './lexicon.js';
import { HAVE_FORMS, SPEECH_LEMMAS, clauseOf, eventAt, governorOf, isPassive, isVerb, negated, phraseAfter, phraseStartBefore, verbLemma, wholeFigureAfterOf, type Governor } from './phrases.js';

/**
 * Facts of one sentence. Each reader below takes one shape of English that
 * states a value — a figure and the noun it counts, an age after a name, a
 * record in brackets after a name, a clock time or a day and the event it
 * dates, a rank before a name, "of Place" after a person, a colour before a
 * thing, a compass direction from a place, a telephone number — and says
 * what the value is of: the slot two reports must share before their values
 * can agree or contradict.
 */

export interface SentenceItems {
  items: Item[];
  sentence: number;
  /** The sentence asks, or reports a question: it states no fact. */
  question: boolean;
  /** The person a pronoun at this offset stands for: the last one named before it, when known. */
  personBefore?: (offset: number) => string | undefined;
  /** The last thing the sentence before counted, and its words ("points"), for a bare figure someone has. */
  countBefore?: { thing: string; phrase: string };
}

/** Ages beyond this are not ages ("LaSalle, 36," is; "Route, 120," is not). */
const MAX_AGE = 110;
/** Qualifiers that make a count another set than the plain one ("two other rifles", "an additional six engines"). */
export const CONTRASTIVE = new Set(['other', 'additional', 'further', 'more', 'another', 'extra', 'remaining', 'rest', 'new', 'else', 'first', 'last', 'next', 'previous', 'final', 'past', 'initial', 'opening']);
/** Contrastive words by what they say: more of the same ("a further four") or the rest ("two other rifles"). */
const CONTRAST_SENSE: Record<string, string> = {
  additional: 'additional', further: 'additional', more: 'additional', another: 'additional', extra: 'additional', new: 'additional',
  other: 'other', remaining: 'other', rest: 'other', else: 'other',
  // "his first 11 seasons", "the last three games": a stretch of the whole, not the whole.
  first: 'first', last: 'last', next: 'next', previous: 'previous', final: 'last', past: 'last', initial: 'first', opening: 'first',
};
/** Adjectives that say what a length is. */
const DIMENSION_ADJECTIVES: Record<string, string> = { tall: 'height', high: 'height', long: 'length', wide: 'width', deep: 'depth', away: 'distance', thick: 'thickness', sure: 'certainty', certain: 'certainty', old: 'age' };
/** Words that only grade or frame a count and never name what is counted. */
const FRAME_NOUNS = new Set(['number', 'total', 'group', 'couple', 'pair', 'dozen', 'handful', 'series', 'string', 'list', 'set', 'lot', 'kind', 'type', 'sort', 'part', 'share', 'majority', 'rest', 'percent', 'per', 'cent', 'top', 'bottom', 'end']);
/** Verbs after which "to N-N" is a record ("improved to 52-3"). */
const RECORD_VERBS = new Set(['improve', 'drop', 'fall', 'move', 'go', 'slip', 'rise', 'raise', 'climb', 'run', 'push', 'take', 'bring', 'stand', 'sit']);

export function readFacts(s: SentenceItems): Fact[] {
  if (s.question) return [];
  const out: Fact[] = [];
  const { items } = s;
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as Item;
    if (it.quoted) continue;
    switch (it.kind) {
      case 'number': {
        out.push(...numberFacts(s, i));
        // The upper end of a range was read with its lower end.
        if (rangeEnd(items, i) !== undefined) i += 2;
        break;
      }
      case 'record': {
        const f = recordFact(s, i);
        if (f !== undefined) out.push(f);
        break;
      }
      case 'clock': {
        const f = momentFact(s, i, 'time');
        if (f !== undefined) out.push(f);
        break;
      }
      case 'date': {
        // (A year before a work's name dates the work: "the 1999 movie American Pie".)
        const f = yearOfWork(s, i) ?? momentFact(s, i, 'day');
        if (f !== undefined) out.push(f);
        break;
      }
      case 'name': {
        out.push(...nameFacts(s, i));
        const party = partyFact(items, i, s.sentence);
        if (party !== undefined) out.push(party);
        break;
      }
      case 'word':
        out.push(...wordFacts(s, i));
        break;
      default:
        break;
    }
  }
  return out.filter((f) => asserted(s, f));
}

// ------------------------------------------------------------ shared steps

function base(s: SentenceItems, i: number, kind: FactKind, value: FactValue, clause: [number, number]): Fact {
  const it = s.items[i] as Item;
  const first = s.items[clause[0]] as Item;
  const last = s.items[clause[1] - 1] as Item;
  const f: Fact = { kind, sentence: s.sentence, start: first.start, end: last.end, valueStart: it.start, valueEnd: it.end, value };
  if (earlier(s.items, i)) f.tense = 'earlier';
  if (pointsBack(s.items, clause)) f.pointsBack = true;
  const who = participantsOf(s, clause, i);
  if (who.length > 0) f.participants = who;
  // A figure per unit of time ("$21 million a year"); a day or a clock time is never one ("on Friday sparked a week of marches").
  if ((kind === 'count' || kind === 'measure') && rate(s.items, i, clause)) f.scope = 'rate';
  return f;
}

/**
 * "seven people were killed in those bombings", "in the same attack": the
 * clause names its event only by pointing to another sentence.
 */
function pointsBack(items: Item[], clause: [number, number]): boolean {
  for (let k = clause[0]; k + 1 < clause[1]; k++) {
    const w = (items[k] as Item).lower;
    if (w !== 'those' && w !== 'these' && w !== 'that' && w !== 'this' && !(w === 'same' && items[k - 1]?.lower === 'the')) continue;
    const next = items[k + 1] as Item;
    if (next.kind === 'word' && EVENT_NOUNS[singular(next.lower)] !== undefined) return true;
  }
  return false;
}

/** Verbs and phrases that mark a name as the source of the words, not as a party to the event. */
const SPEAKER_BEFORE = new Set(['according', 'said', 'says', 'told', 'tells', 'quoted', 'reported', 'by']);
/**
 * Verbs after a name that make it the speaker. Not "posted" ("Lawson posted 15 points"), "claimed" ("the
 * blast claimed 40 lives") or "reported": those are as often the event itself.
 */
const SAYS = new Set(['said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'explained', 'noted', 'wrote', 'writes', 'declared', 'announced', 'insisted', 'warned', 'argued', 'confirmed', 'remarked', 'replied', 'responded', 'commented', 'recalled', 'stressed', 'emphasized', 'emphasised', 'acknowledged', 'admitted', 'testified']);

/**
 * The people the clause names as taking part, speakers
 * left out ("…, Navy spokesman Nirad Sinha said"); "he"/"she" read as the
 * last person named before; "?" when the clause's subject is a person
 * described but not named ("The 23-year-old finished … scoring two
 * touchdowns"), whom no other report can be matched with.
 */
function participantsOf(s: SentenceItems, clause: [number, number], value: number): string[] {
  const { items } = s;
  const out = new Set<string>();
  let beforeVerb = true;
  const earlierAct = earlierDatedMember(items, clause[0], value);
  for (let k = ownActStart(items, clause[0], value, earlierAct); k < clause[1]; k++) {
    const it = items[k] as Item;
    if (k < earlierAct && !beforeVerb) continue;
    // ", and rookie Joique Bell, who …": a new member of a list after the value is another clause's business.
    if (k > value && it.text === ',' && ['and', 'but', 'or'].includes(items[k + 1]?.lower ?? '')) break;
    // "signed Tom Fry on Tuesday and Ann Lee today": a later member of the list with a time of its own was another act.
    if (k > value && (it.lower === 'and' || it.lower === 'but') && ownTime(items, k + 1, clause[1])) break;
    if (isVerb(items, k) || (it.kind === 'word' && it.pos === 'AUX')) beforeVerb = false;
    if (it.quoted || it.kind !== 'name' || items[k - 1]?.kind === 'number') {
      if (it.kind === 'word' && it.pos === 'PRON' && (it.lower === 'he' || it.lower === 'she') && !SAYS.has(items[k + 1]?.lower ?? '')) {
        const who = sentenceSubject(items, k) ?? s.personBefore?.(it.start);
        if (who !== undefined) out.add(who);
      }
      // "Hansbrough finished with 20 points": a proper noun opening the clause before its verb is its subject,
      // named though the article gave the name-finder no other sighting of it.
      if (beforeVerb && k === clause[0] && it.kind === 'word' && it.pos === 'PROPN' && isVerb(items, k + 1) && !commonNoun(it)) out.add(it.lower);
      continue;
    }
    // "the Ukrainian-born fighter", "a Texas-based firm": an adjective made of a name names no one.
    if (/-\p{Ll}+$/u.test(it.text)) continue;
    const before = items[k - 1]?.lower ?? '';
    const after = items[k + 1];
    const speaks = SPEAKER_BEFORE.has(before) || accordingTo(items, k) || (after?.kind === 'word' && SAYS.has(after.lower)) || (after?.text === ',' && speakerApposition(items, k + 1));
    if (speaks) continue;
    // People anywhere in the clause; other names as its subject only ("the Washington Nationals made an offer",
    // "Gregory Echenique scored"): one organisation goes by many names in one story (the Navy, INS Tabar), a person by one.
    // (The subject of an action takes part in it whatever the article's few cues typed it: "McDermott led".)
    if (it.name?.type === 'person' || subjectOfVerb(items, k) || (it.name?.type !== 'place' && beforeVerb)) {
      out.add(it.lower);
    }
  }
  // "Hansbrough passed Ford … while posting 20 points": a clause that opens with its verb has the subject of the clause
  // before; so does one that opens with an adverb and a participle in "-ing" ("while also grabbing seven rebounds"; not
  // "while still missing are seven others", whose subject follows, nor a finite verb after the adverb).
  let opening = clause[0];
  while (opening < clause[1] - 1 && items[opening]?.pos === 'ADV') opening++;
  const participleAfterAdverb = opening > clause[0] && /ing$/.test(items[opening]?.lower ?? '') && !BE_FORMS.has(items[opening + 1]?.lower ?? '');
  if (out.size === 0 && (opening === clause[0] || participleAfterAdverb) && isVerb(items, opening) && clause[0] > 0) {
    const before = clauseOf(items, clause[0] - 2);
    const subject = items.slice(before[0], clause[0]).find((x, j) => (x.kind === 'name' || (x.kind === 'word' && x.pos === 'PROPN' && j === 0)) && subjectOfVerb(items, before[0] + j));
    if (subject !== undefined && subject.name?.type !== 'place') out.add(subject.lower);
  }
  // "DeShawn Wynn, who was signed on Tuesday": the relative clause is about the name before it.
  const opener = items[clause[0] - 1];
  if (opener !== undefined && ['who', 'whom', 'whose'].includes(opener.lower)) {
    const antecedent = items[clause[0] - 2]?.text === ',' ? items[clause[0] - 3] : items[clause[0] - 2];
    if (antecedent?.kind === 'name' && antecedent.name?.type === 'person') out.add(antecedent.lower);
  }
  if (out.size === 0 && describedSubject(items, clause, value)) out.add('?');
  return [...out].sort();
}

/**
 * "Artino picked up the slack as he scored seven points": a "he" or "she"
 * later in the sentence stands for the name the sentence opens with as its
 * subject (a name typed neither a place nor a body, or a proper noun the
 * name-finder missed). With another person named between them ("Jim Cole
 * hugged Bob Gray after he scored") either may be meant: "?", someone not
 * named. Teams and places between change nothing ("Artino beat the Hawks as
 * he scored").
 */
function sentenceSubject(items: Item[], pronoun: number): string | undefined {
  const first = items[0];
  // "The member of the 1983 team started his career in Portland, where he finished 162-139": a person described, not
  // named, opens the sentence; "he" is that person, no one named before.
  // ("The veteran guard Tom Lee scored 20 points, and he now has 2,000": a name after the description is the subject.)
  const verb = firstVerb(items, pronoun);
  // (Not a name inside a phrase of the description: "The former coach of Tom Lee … he" is the coach.)
  const apposed = items.slice(1, verb).some((x, j) => x.kind === 'name' && !/^(?:of|for|to|with|by)$/.test(items[j]?.lower ?? ''));
  if (first?.pos === 'DET' && pronoun > 1 && !apposed && personDescription(items, 1, verb)) return '?';
  if (first === undefined || pronoun === 0 || !subjectOfVerb(items, 0)) return undefined;
  // Another person (or a name of no known type) between them: either may be meant, so no one named is ("?").
  for (let k = 1; k < pronoun; k++) {
    const x = items[k] as Item;
    // ("the Hawks": a name after "the" is a team or a body.)
    if (items[k - 1]?.lower === 'the') continue;
    if (personLike(items, k) || (x.kind === 'name' && (x.name?.type === 'person' || x.name?.type === 'other'))) return '?';
  }
  if (first.kind === 'name') return first.name?.type === 'place' || first.name?.type === 'organization' ? undefined : first.lower;
  return first.kind === 'word' && first.pos === 'PROPN' && !commonNoun(first) ? first.lower : undefined;
}

/** The first verb of a sentence before `limit`, or `limit` when none. */
function firstVerb(items: Item[], limit: number): number {
  for (let k = 0; k < limit; k++) if (isVerb(items, k) || items[k]?.pos === 'AUX') return k;
  return limit;
}

/** Whether the list member from k on (up to a comma or the clause's end) is dated by a time of its own: "… and Ann Lee today". */
function ownTime(items: Item[], k: number, end: number): boolean {
  for (let j = k; j < end && j < k + OWN_TIME_WORDS; j++) {
    const it = items[j] as Item;
    if (it.kind === 'date' || it.kind === 'clock') return true;
    if (it.text === ',') return false;
  }
  return false;
}
/**
 * "arrested Tom Fry on Monday and Ann Lee on Friday": where the list member
 * before the value's ends in a time of its own, that member was another act;
 * the index of its "and" (objects before it are not the value's), or -1.
 */
function earlierDatedMember(items: Item[], from: number, value: number): number {
  for (let a = value - 1; a > from; a--) {
    const w = (items[a] as Item).lower;
    if ((w === 'and' || w === 'but') && (items[a - 1]?.kind === 'date' || items[a - 1]?.kind === 'clock')) return a;
  }
  return -1;
}
/** "Tom Fry was arrested on Monday and Ann Lee was charged on Friday": where the value's member has a verb of its own, its subject is not shared either. */
function ownActStart(items: Item[], from: number, value: number, a = earlierDatedMember(items, from, value)): number {
  for (let j = a + 1; a >= 0 && j < value; j++) if (isVerb(items, j)) return a + 1;
  return from;
}
/** Words a list member may put before its own time ("and rookie running back Ann Lee on Wednesday"). */
const OWN_TIME_WORDS = 8;

/** "according to UN agency spokesman Christopher Gunness": a name the attribution ends in, titles between. */
function accordingTo(items: Item[], k: number): boolean {
  for (let j = k - 1; j >= Math.max(1, k - ATTRIBUTION_WORDS); j--) {
    if (items[j]?.lower === 'to' && items[j - 1]?.lower === 'according') return true;
    if (isVerb(items, j) || items[j]?.text === ',') return false;
  }
  return false;
}
/** Words an attribution may put between "according to" and the name (the source's title and employer). */
const ATTRIBUTION_WORDS = 10;

/** A capitalised common noun opening a sentence ("Police seized", "Officers found"): no name. */
function commonNoun(it: Item): boolean {
  const one = singular(it.lower);
  return ANIMATE.has(one) || PERSON_NOUNS.has(one) || thingFamily(one) !== one || ORG_SUFFIX.has(it.lower) || ANIMATE.has(singular(it.lemma.toLowerCase()));
}

/** Whether the name at k is followed by its verb (auxiliaries and adverbs between): "Echenique scored", "Dorsey's been". */
function subjectOfVerb(items: Item[], k: number): boolean {
  let v = k + 1;
  if (/^['’]s$/.test(items[v]?.text ?? '')) v++;
  // "The nation's leading scorer, Stephen Curry, posted …": the name closes an apposition before its verb.
  if (items[v]?.text === ',' && isVerb(items, v + 1)) v++;
  while (items[v]?.kind === 'word' && (items[v]?.pos === 'AUX' || items[v]?.pos === 'ADV')) v++;
  return isVerb(items, v) && !SAYS.has(items[v]?.lower ?? '');
}

/** ", a navy spokesman, said" / ", Microsoft security lead, said": an apposition that ends in a speech verb. */
function speakerApposition(items: Item[], comma: number): boolean {
  for (let k = comma + 1; k < Math.min(items.length, comma + 12); k++) {
    const it = items[k] as Item;
    if (it.text === ',') return SAYS.has(items[k + 1]?.lower ?? '');
    if (it.kind === 'punct') return false;
  }
  return false;
}

/** Whether the clause's subject is a person given only by a description ("The 23-year-old", "the third-year star"), the figure not part of it. */
function describedSubject(items: Item[], clause: [number, number], value: number): boolean {
  let verb = -1;
  for (let k = clause[0]; k < clause[1] && k < value; k++) {
    if (isVerb(items, k) || (items[k] as Item).pos === 'AUX') {
      verb = k;
      break;
    }
  }
  // "who spent his first 11 seasons": the relative pronoun stands for the phrase before the clause.
  let end = verb;
  if (verb === clause[0] && ['who', 'which'].includes(items[verb - 1]?.lower ?? '')) end = items[verb - 2]?.text === ',' ? verb - 2 : verb - 1;
  if (end <= 0) return false;
  // The clause's first noun phrase, when it opens with a determiner: "The third-year star from Southern California was …".
  if ((items[clause[0]] as Item | undefined)?.pos === 'DET' && personDescription(items, clause[0] + 1, end)) return true;
  let head: Item | undefined;
  let age = false;
  let k = end - 1;
  for (; k >= 0; k--) {
    const it = items[k] as Item;
    if (it.kind === 'number' && it.number?.unit === 'year') age = true;
    else if (it.text === '-' || it.text === '–' || it.lower === 'old') continue;
    else if (it.kind === 'word' && (it.pos === 'NOUN' || it.pos === 'ADJ' || /^['’]s$/.test(it.text) || PERSON_NOUNS.has(it.lower))) {
      // ("the forward" is read as an adverb by the tagger.)
      if ((it.pos === 'NOUN' || PERSON_NOUNS.has(it.lower)) && head === undefined) head = it;
    } else break;
  }
  // A description opens with a determiner ("the forward", "The 23-year-old"); a name would have been a name.
  if ((items[k] as Item | undefined)?.pos !== 'DET') return false;
  if (age && head === undefined) return true;
  if (head === undefined) return false;
  // One person described ("the driver"); a group ("the Indian commandos") is the same group in every report.
  if (head.lower !== head.lemma.toLowerCase() && head.lower.endsWith('s')) return false;
  const h = singular(head.lemma.toLowerCase());
  return age || ANIMATE.has(h) || PERSON_NOUNS.has(h);
}

/** Whether the words from k on (up to `end`) describe one person: "third-year star", "23-year-old", "forward". */
function personDescription(items: Item[], k: number, end: number): boolean {
  let head: Item | undefined;
  let age = false;
  for (let j = k; j < end; j++) {
    const it = items[j] as Item;
    if (it.kind === 'number' && it.number?.unit === 'year') age = true;
    else if (it.text === '-' || it.text === '–' || it.lower === 'old') continue;
    else if (it.kind === 'word' && (it.pos === 'NOUN' || it.pos === 'ADJ')) {
      if (it.pos === 'NOUN') head = it;
    } else break;
  }
  if (head === undefined) return age;
  if (head.lower !== head.lemma.toLowerCase() && head.lower.endsWith('s')) return false;
  const h = singular(head.lemma.toLowerCase());
  return age || ANIMATE.has(h) || PERSON_NOUNS.has(h);
}

/** Nouns that describe a person (beyond the groups of ANIMATE): roles in news reports. */
const PERSON_NOUNS = new Set(['star', 'actress', 'actor', 'singer', 'player', 'coach', 'driver', 'rookie', 'veteran', 'champion', 'fighter', 'boxer', 'back', 'quarterback', 'receiver', 'guard', 'forward', 'pitcher', 'batter', 'striker', 'goalkeeper', 'suspect', 'defendant', 'victim', 'mother', 'father', 'grandmother', 'grandfather', 'husband', 'wife', 'executive', 'chief', 'president', 'official', 'spokesman', 'spokeswoman', 'employee', 'worker', 'teenager', 'youth', 'man', 'woman']);

/** A figure per unit or on average: "averaged more than 30 home runs", "$23 million per season", "a year". */
function rate(items: Item[], i: number, clause: [number, number]): boolean {
  // "averaged 30 home runs", "each logged 22 points" — not past a verb joined on with "and": "averaged 5.2 yards a
  // carry and finished with 716 yards" gives a total after the average.
  for (let k = clause[0]; k < i; k++) {
    if (averageOver(items, k, i) || ((items[k] as Item).lower === 'each' && isVerb(items, k + 1))) {
      let joined = false;
      for (let j = k + 1; j < i; j++) if (coordinatedVerb(items, j)) joined = true;
      if (!joined) return true;
      break;
    }
  }
  // "20.2 points": a count with a fraction is an average.
  const n = (items[i] as Item).number;
  if (n !== undefined && n.unit === '' && !Number.isInteger(n.value)) return true;
  const next = words(items.slice(i + 1, Math.min(clause[1], i + 4)));
  if (/\b(?:per|a|an|each|every) (?:season|year|game|month|week|day|hour|minute|match|night|head|capita|person|outing|contest|start|appearance)\b|\bannually\b|\bapiece\b|\beach\b/.test(next)) return true;
  // "hit at least 30 homers and drove in 105 runs in each of the past five seasons": the figures of every one of them —
  // not past a comma, nor a figure dated by a stretch of its own ("40 goals this season and at least 30 in each …").
  let end = i + 1;
  while (end < clause[1] && (items[end] as Item).text !== ',') end++;
  const after = words(items.slice(i + 1, end));
  const each = EACH_OF.exec(after);
  return each !== null && !TOTAL_RE.test(after.slice(0, each.index));
}

/**
 * Whether the word "average" at k makes the figure at i an average ("averaged 30 home runs", "an average of 30
 * points and 10 rebounds"): not when the noun has its own figure before it and the list goes on after a comma or
 * "and" ("a .308 average, 33 homers and 121 RBIs" lists totals beside an average).
 */
function averageOver(items: Item[], k: number, i: number): boolean {
  if (!/^averag/.test((items[k] as Item).lower)) return false;
  // (Its own figure: a number, or a mark a tagger leaves as a word, ".308".)
  const before = items[k - 1];
  if (before === undefined || (before.kind !== 'number' && !/^[\d.,]*\d$/u.test(before.text))) return true;
  for (let j = k + 1; j < i; j++) if (/^(?:,|;|and|or)$/.test((items[j] as Item).lower)) return false;
  return true;
}

/** Whether the figure at i opens a hyphened compound before a noun: "three - point play", "five-boat attack". */
function compoundBefore(items: Item[], i: number): boolean {
  const dash = items[i + 1];
  const joined = items[i + 2];
  const head = items[i + 3];
  if (!((dash?.text === '-' || dash?.text === '–') && joined?.kind === 'word' && /^\p{L}+$/u.test(joined.text) && head?.kind === 'word' && /^\p{L}/u.test(head.text))) return false;
  // "a 10-point lead", "Obama's 12-point margin": the figure measures the lead, a figure other reports give ("led by 12 points").
  if (MARGIN_HEADS.has(head.lower)) return false;
  // "a 10-fight winning streak", "a three-game losing streak": a streak counts its members.
  return !STREAK_HEADS.test(`${head.lower} ${items[i + 4]?.lower ?? ''}`);
}

/** Heads of a compound whose figure measures them: a lead, a margin, a win. */
const MARGIN_HEADS = new Set(['lead', 'margin', 'deficit', 'advantage', 'edge', 'gap', 'win', 'victory', 'loss', 'defeat', 'swing', 'cushion']);

/** Heads of a compound that make its figure a count of a run of things. */
const STREAK_HEADS = /^(?:(?:winning|losing|unbeaten|winless|scoring|hitting) )?(?:streak|run|skid|slide)\b|^(?:winning|losing|unbeaten|winless) /;

/**
 * Whether a determiner opens the phrase of the figure at i, adjectives
 * between: "a three-point play", "the traditional three - point play",
 * "Lee's three-point play", "his 10-point lead".
 */
function determinedCompound(items: Item[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && items[k]?.kind === 'word' && items[k]?.pos === 'ADJ') k--;
  const x = items[k];
  // (A figure before it counts the compounds: "two three-point plays", "scored two traditional three - point plays".)
  return x !== undefined && (COMPOUND_DETERMINERS.has(x.lower) || possessiveAt(items, k) !== undefined || x.kind === 'number');
}

/**
 * Where the possessor of a possessive ending at k stands: "Lee's", "Lee'",
 * or "Lee ’ s" as detokenised text writes it; undefined when k ends none.
 */
function possessiveAt(items: Item[], k: number): number | undefined {
  if (items[k]?.lower === 's' && /^['’]$/.test(items[k - 1]?.text ?? '')) return k - 2;
  return /^['’]s?$/.test(items[k]?.text ?? '') ? k - 1 : undefined;
}

/** Determiners of a phrase whose figure only describes its noun ("a three-point play", "their 10-point lead"). */
const COMPOUND_DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that']);

/** A stretch of several periods, every one of which the figures before it hold for. */
const EACH_OF = /\b(?:in|for|during) each of (?:the|his|her|their|its) (?:\w+ )?(?:\w+ )?(?:seasons|years|games|months|weeks|days|matches|races)\b/;

/** Whether the fact's clause asserts it: no modal, condition, negation or question word before its value. */
function asserted(s: SentenceItems, f: Fact): boolean {
  let doubted = false;
  for (const it of s.items) {
    if (it.start < f.start) continue;
    if (it.start >= f.valueStart) break;
    // The calendar asserts an age to come: "Lee will turn 29 in April" is no plan.
    if (it.lower === 'will' && f.kind === 'age' && f.predicate === 'turn') continue;
    // (A capital "Will" before a capitalised word is a name, "Will Artino scored 14 points": a question would end in "?".)
    if (willName(s.items, it)) continue;
    if (it.kind === 'word' && NOT_ASSERTED.has(it.lower) && !monthMay(s.items, it) && !(it.lower === 'no' && s.items.some((x) => x.start > it.start && x.start < f.valueStart && x.kind === 'number'))) doubted = true;
    // "would not retaliate for the bombing of Guffa on Tuesday": an event named by a noun after the doubt happened; its
    // moment is not doubted with the verb.
    else if (doubted && (f.kind === 'day' || f.kind === 'time') && it.kind === 'word' && it.pos === 'NOUN' && eventNounFamily(it.lower) !== undefined) doubted = false;
  }
  return !doubted;
}

/** "Will Artino scored": a capital "Will" before a capitalised word names someone. */
function willName(items: Item[], it: Item): boolean {
  const next = items[items.indexOf(it) + 1];
  return it.text === 'Will' && next !== undefined && /^\p{Lu}/u.test(next.text) && next.kind !== 'punct';
}

/** "since his loss in May": a capital "May" inside a sentence is the month, not the modal. */
function monthMay(items: Item[], it: Item): boolean {
  return it.text === 'May' && items[0] !== it;
}

function earlier(items: Item[], upTo: number): boolean {
  return EARLIER_REPORT.test(words(items.slice(0, upTo)));
}

/** A running total: "so far", "in all", "this year", "since the offensive began", "a total of". */
const TOTAL_RE = /\b(?:now (?:has|have|stands at|totals)|so far|thus far|in total|for (?:his|her|their|its) career|career (?:high|best|total)|in all|overall|altogether|to date|this (?:year|season|month|week)|a total of|all told|till now|until now|up to now|(?:in|over) the (?:past|last) \w+ (?:days|weeks|months|years)|since (?:the (?:\w+ )?(?:conflict|offensive|war|assault|campaign|operation|fighting|start|beginning|attack|crisis|uprising)s? (?:began|started|erupted)|(?:it|they|he|she) (?:began|started))|in (?:the |their |its |his |her )?(?:\w+ )?(?:operations|attacks|missions|raids|seasons|games|fights|bouts)\b)/;

/**
 * A stretch that starts at a numbered point of a season ("since Week 11",
 * "since the start of Week 11", "since Game 3"): a part of the season, whose
 * figure neither is the season's total nor disputes another stretch's ("11
 * touchdowns this year, eight since Week 11"). ("Killed since March" is a
 * running toll, the figure reports dispute.)
 */
const SINCE_POINT_RE = /\bsince (?:the (?:start|beginning|end|middle) of )?(?:week|game|round|stage|leg)[ -]\d+/;

/** Words that give a conjunct a time of its own ("… and now has 2,302"). */
const OWN_TIME = new Set(['now', 'then', 'later', 'since', 'still']);

/** Whether "and"/"but" at k joins on another verb ("… and now has", "… but was"): a conjunct of its own. */
function coordinatedVerb(items: Item[], k: number): boolean {
  if (items[k]?.lower !== 'and' && items[k]?.lower !== 'but') return false;
  let j = k + 1;
  while (items[j]?.kind === 'word' && items[j]?.pos === 'ADV') j++;
  return isVerb(items, j) || HAVE_FORMS.has(items[j]?.lower ?? '') || items[j]?.pos === 'AUX';
}

function scopeOf(items: Item[], i: number): Fact['scope'] | undefined {
  // The stretch between commas around the figure: a running total is said next to it ("have been killed so far",
  // "killed since the assault began").
  // From the clause's start: "has seized a total of 14 rifles, 31 magazines and 923 rounds" totals every member of the list.
  const a = clauseOf(items, i)[0];
  let b = i + 1;
  // (A verb joined on by "and now" has its own frame: "finished with 20 points and now has 2,302 for his career";
  // "killed 30 and wounded 50 since the offensive began" share theirs.)
  while (b < items.length && items[b]?.text !== ',' && items[b]?.text !== ';' && !(coordinatedVerb(items, b) && OWN_TIME.has(items[b + 1]?.lower ?? ''))) b++;
  const around = words(items.slice(a, b));
  // (Not for a count in the bracket after a name: "Bowe (45-1, 33 KOs) had been training since September" gives his
  // career's knockouts.)
  if (SINCE_POINT_RE.test(around) && bracketHolder(items, i) === undefined) return 'part';
  if (TOTAL_RE.test(around)) return 'total';
  if (PART_RE.test(around)) return 'part';
  // "Artino picked up the slack in the first half as he scored seven points": a clause of time shares the stretch of
  // the clause it hangs on.
  if (a > 1 && SUBORDINATORS.has(items[a - 1]?.lower ?? '') && PART_RE.test(words(items.slice(clauseOf(items, a - 2)[0], a - 1)))) return 'part';
  // A sentence-opening frame covers the whole sentence: "In their five operations so far, the personnel … have confiscated 14 rifles".
  const opening: Item[] = [];
  for (const it of items) {
    if (it.text === ',') break;
    opening.push(it);
  }
  if (opening.length < items.length && opening.every((x) => x.start < (items[i] as Item).start) && TOTAL_RE.test(words(opening))) return 'total';
  return undefined;
}

/**
 * A stretch of the event: "during the game's deciding run", "in the second
 * half", "in the first round", "at halftime", "through three quarters"; or
 * of an absence that ended: "missed nine games before coming back", "until
 * his return".
 */
const PART_RE = /\b(?:(?:before|until) (?:coming back|returning|(?:his|her|their|its) return)\b|during (?:the|a|an|that|this) (?:[\w'’]+ ){0,3}(?:run|stretch|spell|span|quarter|half|period|inning|round|minutes?|overtime)\b|in the (?:first|second|third|fourth|final|last|opening|closing) (?:(?:\d+(?: ?[.,] ?\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|few|several)(?: ?[½¼¾])? )?(?:quarter|half|period|inning|round|minutes?|seconds?|set|game|hours?)|at (?:the )?(?:half|halftime|half - time|half-time|break|interval)(?!\s?-\s?\w)|by (?:halftime|the break)|through (?:one|two|three|four|\d) (?:quarters|periods|innings|rounds))\b/;

/** Words that open a clause of time hanging on the clause before ("while" sets two facts side by side, not one in the other). */
const SUBORDINATORS = new Set(['as', 'when']);

function words(items: Item[]): string {
  return items.map((x) => x.lower).join(' ');
}

/** "Israelis", "Somalis", "Palestinians": a plural of a nationality, people of that nation. */
function demonymPlural(it: Item): string | undefined {
  const lower = it.text.toLowerCase();
  // (Not an acronym's plural, capitals and a small "s": "RBIs", "UAVs" are no people; "SOMALIS" in capitals still are.)
  if (!/^\p{Lu}/u.test(it.text) || /^\p{Lu}{2,}s$/u.test(it.text) || !/s$/.test(lower) || /\s/.test(lower)) return undefined;
  const one = singular(lower);
  return /(?:an|ese|ish|i|ic)$/.test(one) ? one : undefined;
}

/** "Somali", "Yemeni", "Russian" as a qualifier. */
function isNationality(it: Item): boolean {
  return /^\p{Lu}/u.test(it.text) && /(?:an|ese|ish|i|ic)$/.test(it.lower) && !/s$/.test(it.lower);
}

/**
 * Modifiers that tell one set of things from another: nouns of a compound
 * ("assault rifles", "speed boats"), names and model names, nationalities,
 * colours and contrastive words ("other"). Plain adjectives and participles
 * ("foreign vessels", "loaded magazines") describe the same set.
 */
function tellsApart(m: Item): boolean {
  if (m.kind === 'designation' || m.kind === 'name') return true;
  if (m.kind !== 'word' || NOT_COUNTED.has(m.lower)) return false;
  if (m.pos === 'NOUN' || m.pos === 'PROPN') return true;
  return COLOURS[m.lower] !== undefined || CONTRASTIVE.has(m.lower) || isNationality(m);
}

/** The normal form of a qualifier word. */
function qualifier(it: Item): string {
  if (it.kind === 'designation') return it.lower;
  if (COLOURS[it.lower] !== undefined) return COLOURS[it.lower] as string;
  if (CONTRAST_SENSE[it.lower] !== undefined) return CONTRAST_SENSE[it.lower] as string;
  if (it.kind === 'name') return it.text.toLowerCase();
  return (it.pos === 'NOUN' ? singular(it.lemma) : it.lemma).toLowerCase();
}

// ------------------------------------------------------------ counts and measures

const UNIT_DIMENSION: Record<string, string> = {
  second: 'duration', hour: 'duration', day: 'duration', week: 'duration', month: 'duration', year: 'duration',
  metre: 'length', kilogram: 'weight', percent: 'share', degree: 'degrees', magnitude: 'magnitude',
};

/** The largest set "the" names as one already known ("the two nations", "the three victims"): larger ones are counts. */
const DEFINITE_SET_MAX = 3;
/** Words that open a relative clause after a noun ("the three men who were killed"). */
const RELATIVE_OPENERS = new Set(['who', 'that', 'which', 'whom']);
/** Prepositions of company or place before such a set ("between the two nations", "with the three victims"). */
const SET_PREPOSITIONS = new Set(['between', 'with', 'among', 'amongst', 'aboard', 'alongside', 'beside']);

/** Whether the whole figure at i is a small set "the" names after a preposition of company or place ("on board the two boats"). */
function knownSmallSet(items: Item[], i: number, n: NumberMention): boolean {
  if (items[i - 1]?.lower !== 'the' || !Number.isInteger(n.value) || n.value > DEFINITE_SET_MAX) return false;
  const before = items[i - 2]?.lower ?? '';
  return SET_PREPOSITIONS.has(before) || (before === 'board' && items[i - 3]?.lower === 'on');
}

function numberFacts(s: SentenceItems, i: number): Fact[] {
  const { items } = s;
  const it = items[i] as Item;
  const n = it.number as NumberMention;
  if (n.ordinal === true) return ordinalFacts(s, i, n.value);
  // "a two-time champion", "2-Time": how often, not how many; ". 38 - caliber": a bore (calibreFacts).
  if (/^[-–]\s?times?\b/i.test(textAfter(items, i)) || /^\s?[-–]?\s?calib(?:er|re)\b/i.test(textAfter(items, i))) return [];
  const clause = clauseOf(items, i);
  if (items[i + 1]?.lower === 'times') {
    const f = timesFact(s, i, clause);
    return f === undefined ? [] : [f];
  }
  // An age: "a 66-year-old woman", "66 years old".
  const age = ageAfter(items, i);
  if (age !== undefined) {
    const f = base(s, i, 'age', { ...numericValue(n), text: String(n.value) }, clause);
    if (age.holder !== undefined) f.holder = age.holder;
    else return [];
    return [f];
  }
  // "Lee will turn 29 in April", "Lee, who turns 29 on April 11": the age a person comes to, not the age they are.
  const coming = comingAgeHolder(items, i);
  if (coming !== undefined) {
    const f = base(s, i, 'age', { ...numericValue(n), text: String(n.value) }, clause);
    f.holder = coming;
    f.predicate = 'turn';
    return [f];
  }
  const value = numericValue(n);
  const upper = rangeEnd(items, i);
  if (upper !== undefined) {
    const b = (items[upper] as Item).number as NumberMention;
    value.max = b.max ?? b.value;
    value.approximate = true;
    value.text = `${n.text} ${(items[i + 1] as Item).text} ${b.text}`;
  }
  if (n.unit !== '') return measureFacts(s, i, value, clause);
  // "Anthony LaSalle, 36, of Minneapolis": an age after a name, between commas.
  const apposed = appositionAge(items, i);
  if (apposed !== undefined) {
    const f = base(s, i, 'age', value, clause);
    f.holder = apposed;
    return [f];
  }
  // "a three-point play", "a 10 - point lead", "a five-boat attack": one thing the figure describes, no count.
  // (A fraction measures the thing instead: "a 3.2-megapixel camera" is read as before.)
  if (determinedCompound(items, i) && Number.isInteger(n.value) && compoundBefore(items, i)) return [];
  // "the BlackBerry 10 platform", "a Windows 8 tablet": a figure right after a name and before one thing names a model.
  if (modelNumber(items, i)) return [];
  // "a. 357 Magnum": a figure after a lone decimal point is a fraction (a bore), and counts nothing.
  if (afterDecimalPoint(items, i)) return [];
  const counted = countedThing(s, i);
  if (counted === undefined) return [];
  // "strained ties between the two nations", "worked with the three victims", "on board the two boats": a small set
  // that "the" names after a preposition of company or place is one the article knows already (the story's two
  // countries, its victims), the figure no news of its own. (As the subject or object of a verb, "the two gunmen were
  // shot", "seized the two boats", it is the news; so it is where a relative clause says what befell the set.)
  if (knownSmallSet(items, i, n) && upper === undefined && !RELATIVE_OPENERS.has(items[counted.end]?.lower ?? '')) return [];
  const f = base(s, i, 'count', value, clause);
  f.thing = counted.thing;
  // "a further four appliances", "an additional six engines", "another 10": another set than the first.
  const before = items[i - 1];
  if (before?.kind === 'word' && CONTRASTIVE.has(before.lower)) counted.qualifiers = sortUnique([...counted.qualifiers, CONTRAST_SENSE[before.lower] ?? before.lower]);
  // "scored six touchdowns and added three more": a figure "more" follows (not "more than", a difference) is another set too.
  else if (items[i + 1]?.lower === 'more' && items[i + 2]?.lower !== 'than') counted.qualifiers = sortUnique([...counted.qualifiers, 'additional']);
  // "killed by friendly fire", "hit by rocket fire": the cause tells the set apart.
  const cause = causeAfter(items, counted.end, clause[1]);
  if (cause !== undefined) counted.qualifiers = sortUnique([...counted.qualifiers, `by ${cause}`]);
  const phrase = phraseText(items, i + 1, counted.end);
  if (phrase !== '') f.phrase = phrase;
  if (counted.qualifiers.length > 0) f.qualifiers = counted.qualifiers;
  if (counted.part) f.scope = 'part';
  if (counted.reported === true) delete f.participants;
  const scope = scopeOf(items, i);
  if (scope !== undefined && f.scope === undefined) f.scope = scope;
  // "Klitschko (52-3, 46 KOs)": a count in the bracket after a name is that person's, under no event of the clause;
  // "Buford's school scoring record of 2,116 points" is Buford's total.
  const recordOf = recordValueOwner(items, i);
  if (recordOf !== undefined) {
    f.scope = 'total';
    f.qualifiers = sortUnique([...(f.qualifiers ?? []), 'record']);
    // "needing 11 points to break Buford's record of 2,106": the record counts what the figure before counts.
    if (f.phrase === undefined && counted.borrowed !== undefined && counted.borrowed !== '') f.phrase = counted.borrowed;
  }
  const attributeOf = bracketHolder(items, i) ?? recordOf;
  // "Hansbrough, who now has 2,302 points, made the basket": a possessive "have" before the figure is its verb.
  const gov = counted.event !== undefined || attributeOf !== undefined || possessedAt(items, i) ? undefined : governorOf(items, i, counted.end, clause);
  if (attributeOf !== undefined) {
    f.holder = attributeOf;
    f.role = 'attribute';
  } else if (counted.event !== undefined) {
    f.predicate = counted.event;
    f.role = 'theme';
    f.phrase = 'people';
  } else if (gov !== undefined) {
    // "one bomb, which did not explode": the event denied is no event.
    if (negated(items, items.indexOf(gov.verb))) return [];
    applyGovernor(f, gov, items, counted.end);
  }
  if (counted.holder !== undefined) f.holder = counted.holder;
  // "Klitschko landed 28 of his 68 punches thrown", "Rahman connected on just 30 of 207 punches": whose punches, from the clause's subject.
  if (f.holder === undefined && counted.thing !== 'people') {
    const subject = clauseSubject(items, i, clause, possessedAt(items, i));
    if (subject !== undefined) f.holder = subject;
    // "Carter had 12 points": what a named person has is that person's, as "(52-3, 46 KOs)" after a name is.
    if (subject !== undefined && f.predicate === undefined && possessedAt(items, i)) {
      f.role = 'attribute';
      // "… and now has 2,302": the figure counts what the figure before it counted, as plainly.
      if (f.phrase === undefined && counted.borrowed !== undefined && counted.borrowed !== '' && endsPhrase(items, i)) f.phrase = counted.borrowed;
    }
  }
  // "fired 11 shots": shots fired are rounds ("seven bullets fired"), not the punches a boxer's shots are.
  if (f.thing === 'punch' && f.predicate === 'fire' && /\bshots?$/i.test(f.phrase ?? '') && !/^\s*(?:on|at)\s+(?:goal|target|net)\b/i.test(textAfter(items, counted.end - 1))) f.thing = 'round';
  // "won 16 fights in a row", "a 10-fight winning streak": a streak, the same fact as "his 16th straight fight".
  const streak = streakOf(s, i, f);
  // A figure tied to nothing that happened ("a group of five boats" with no verb) still names a slot by its thing alone.
  return streak === undefined ? [f] : [f, streak];
}

/** The streak a count states ("won 16 fights in a row", "a 10-fight winning streak"), as the ordinal fact of its last member. */
function streakOf(s: SentenceItems, i: number, count: Fact): Fact | undefined {
  const { items } = s;
  if (count.thing === undefined) return undefined;
  const after = items
    .slice(i + 1, i + 7)
    .map((x) => x.lower)
    .join(' ');
  const run = /^[-–]?\s?(\p{L}+)\s+(?:(?:winning|unbeaten)\s+)?(?:streak|run)\b/u.exec(after);
  const said = run !== null || STREAK_WORDS.has(items[i + 1]?.lower ?? '') || /^(?:\S+\s+){1,3}in a row\b/.test(after);
  const noun = run !== null ? singular((run[1] as string).toLowerCase()) : (count.thing as string);
  if (!said || !inSeries(noun)) return undefined;
  const f: Fact = { ...count, kind: 'ordinal', thing: seriesThing(noun), qualifiers: ['in a row'] };
  delete f.phrase;
  delete f.predicate;
  delete f.role;
  const subject = clauseSubject(items, i, clauseOf(items, i)) ?? leadingName(items, clauseOf(items, i));
  if (f.holder === undefined && subject !== undefined) f.holder = subject;
  if (f.holder === undefined && f.participants?.length === 1 && f.participants[0] !== '?') f.holder = f.participants[0];
  return f;
}

function applyGovernor(f: Fact, gov: Governor, items: Item[], phraseEnd: number): void {
  // "claimed more than 660 lives", "took 600 lives": a toll, whatever the verb, and the toll of all that the taker
  // (a war, an epidemic, a storm) has done so far.
  if (f.thing === 'people' && /^(?:claim|take|cost)$/.test(gov.verb.lemma) && /^li(?:fe|ves)$/.test(items[phraseEnd - 1]?.lower ?? '')) {
    f.predicate = 'kill';
    f.role = 'theme';
    if (f.scope === undefined) f.scope = 'total';
    return;
  }
  f.predicate = gov.predicate;
  f.verb = gov.verb.lower;
  // "setting fire to three banks": what the fire was set to is what burned.
  if (gov.predicate === 'burn' && gov.role === 'to') {
    f.role = 'theme';
    return;
  }
  // What cannot act was acted with: "two shells struck the school" counts shells that hit, as "three shells landed" does,
  // and as "the school was struck by two shells" does.
  const actedWith = gov.role === 'agent' || (gov.role === 'by' && gov.passive === true);
  f.role = actedWith && f.thing !== undefined && !ANIMATE.has(f.thing) ? 'theme' : gov.role;
  if (gov.passive) f.passive = true;
  if (gov.subject !== undefined && (gov.subject.name?.type === 'person' || gov.subject.name?.type === 'organization') && f.role === 'theme' && !gov.passive) f.holder = gov.subject.lower;
}

/** The words of items [from, to) as written, without edge punctuation. */
function phraseText(items: Item[], from: number, to: number): string {
  const xs = items.slice(from, to);
  while (xs.length > 0 && (xs[0] as Item).kind === 'punct') xs.shift();
  while (xs.length > 0 && (xs[xs.length - 1] as Item).kind === 'punct') xs.pop();
  const first = xs[0];
  const last = xs[xs.length - 1];
  if (first === undefined || last === undefined) return '';
  return xs.map((x, k) => (k > 0 && (xs[k - 1] as Item).end < x.start ? ' ' : '') + x.text).join('');
}

/**
 * The upper end of a range written with its unit twice ("between $140
 * million and $150 million", "$140 million to $160 million"): the index of
 * the second figure, when the items at i, i+1, i+2 are such a range.
 */
function rangeEnd(items: Item[], i: number): number | undefined {
  const a = items[i]?.number;
  const link = items[i + 1];
  const b = items[i + 2]?.number;
  if (a === undefined || b === undefined || link?.kind !== 'word' || !['and', 'to'].includes(link.lower)) return undefined;
  if (a.unit !== b.unit || b.value < a.value) return undefined;
  // "and" joins two figures as a range only after "between".
  if (link.lower === 'and' && !/^between\b/i.test(a.text) && items[i - 1]?.lower !== 'between') return undefined;
  return i + 2;
}

function numericValue(n: NumberMention): FactValue {
  const v: FactValue = { text: n.text, number: n.value };
  if (n.max !== undefined) v.max = n.max;
  if (n.unit !== '') v.unit = n.unit;
  if (n.approximate) v.approximate = true;
  if (n.bound === 'lower') v.lowerBound = true;
  if (n.bound === 'upper') v.upperBound = true;
  return v;
}

interface Counted {
  thing: string;
  qualifiers: string[];
  /** Index after the counted phrase. */
  end: number;
  part?: boolean;
  /** The event, when the phrase itself states it ("30 dead", "the death toll … at 40"). */
  event?: string;
  /** A toll someone gives ("Gunness put the death toll at 40"): the clause's subject reports, it takes no part. */
  reported?: boolean;
  holder?: string;
  /** The words of the figure before whose thing a bare figure counts ("20 points and now has 2,302"). */
  borrowed?: string;
}

/**
 * What a bare figure counts: the head of the phrase after it, with the
 * words that qualify it; or, when nothing follows, the thing of a partitive
 * ("three of the boats"), of "a crowd of 22,000", of a toll ("put the death
 * toll at 40"), of a state ("30 dead and 55 wounded"), or of the figure
 * before it in a list ("attacked 100 vessels and hijacked 40").
 */
function countedThing(s: SentenceItems, i: number): Counted | undefined {
  const { items } = s;
  const np = phraseAfter(items, i);
  const after = items[np.end];
  // "the 12 Somali and 11 Yemeni pirates": a nationality whose noun comes after the next figure.
  if (np.head !== undefined && np.modifiers.length === 0 && isNationality(np.head) && after?.lower === 'and' && items[np.end + 1]?.kind === 'number') {
    const later = phraseAfter(items, np.end + 1);
    if (later.head !== undefined) return { thing: thingFamily(singular(later.head.lemma)), qualifiers: [np.head.lower], end: np.end };
  }
  if (np.head !== undefined && !FRAME_NOUNS.has(np.head.lower)) {
    const holder = holderAfter(items, np.end);
    const head = np.head;
    const nation = demonymPlural(head);
    const quals = np.modifiers.filter(tellsApart).map(qualifier);
    if (nation !== undefined) return withHolder({ thing: 'people', qualifiers: sortUnique([...quals, nation]), end: np.end }, holder);
    if (head.kind === 'word' && NOT_COUNTED.has(head.lower)) return undefined;
    const noun = head.kind === 'designation' ? head.lower : singular(head.lemma.toLowerCase());
    // "30 dead and 55 wounded" (a state word read as a noun): people, by that state.
    const stateHead = head.kind === 'word' && np.modifiers.length === 0 ? STATE_ADJECTIVES[head.lower] : undefined;
    if (stateHead !== undefined) return withHolder({ thing: 'people', qualifiers: [], end: np.end, event: stateHead }, holder);
    // "others injured", "55 others": people, by the state that follows.
    if (noun === 'other' || noun === 'people' || noun === 'person') {
      const state = stateAfter(items, np.end);
      if (state !== undefined) return withHolder({ thing: 'people', qualifiers: sortUnique(quals), end: np.end + 1, event: state }, holder);
    }
    return withHolder({ thing: thingFamily(noun), qualifiers: sortUnique(quals), end: np.end }, holder);
  }
  // Nothing counted after the figure.
  const state = stateAfter(items, i + 1);
  if (state !== undefined) return { thing: 'people', qualifiers: [], end: i + 2, event: state };
  const grave = gravelyAfter(items, i + 1);
  if (grave !== undefined) return { thing: 'people', qualifiers: [grave.degree], end: grave.end, event: 'injure' };
  const numberOf = numberOfConstruction(items, i);
  if (numberOf !== undefined) return numberOf;
  // "28 of his 68 punches", "10 of the Saints' 16 games": the thing of the figure after.
  const wholeAt = after?.lower === 'of' ? wholeFigureAfterOf(items, np.end) : undefined;
  if (wholeAt !== undefined) {
    const whole = phraseAfter(items, wholeAt);
    // (No phrase of its own: a part, "3 of his 11 rebounds" in one run of a game, agrees with a count but disputes none.)
    if (whole.head !== undefined) return { thing: thingFamily(singular(whole.head.lemma)), qualifiers: sortUnique(whole.modifiers.filter(tellsApart).map(qualifier)), end: i + 1 };
  }
  if (after?.lower === 'of' && ['the', 'them', 'those', 'these', 'its', 'their', 'his', 'her'].includes(items[np.end + 1]?.lower ?? '')) {
    const whole = phraseAfter(items, np.end + (items[np.end + 1]?.pos === 'DET' ? 1 : 1));
    // "17 of the hijacked ships" counts hijacked ships; "five of them", "three of those boats" a part of a set counted before.
    const part = items[np.end + 1]?.lower !== 'the';
    if (whole.head !== undefined && !FRAME_NOUNS.has(whole.head.lower)) return { thing: thingFamily(singular(whole.head.lemma)), qualifiers: sortUnique(whole.modifiers.filter(tellsApart).map(qualifier)), end: whole.end, ...(part ? { part: true } : {}) };
    return undefined;
  }
  // "178 of 369 punches": the thing of the figure after.
  if (after?.lower === 'of' && items[np.end + 1]?.kind === 'number') {
    const whole = phraseAfter(items, np.end + 1);
    if (whole.head !== undefined) return { thing: thingFamily(singular(whole.head.lemma)), qualifiers: sortUnique(whole.modifiers.map(qualifier)), end: i + 1 };
  }
  const toll = tollBefore(items, i);
  if (toll !== undefined) return { thing: toll[1], qualifiers: toll[2], end: i + 1, event: toll[0], reported: true };
  // "a crowd of 22,000": the noun before "of" (not a record's: "needing 11 points to break his record of 2,106" counts
  // what the figure before counts).
  if (items[i - 1]?.lower === 'of' && items[i - 2]?.kind === 'word' && items[i - 2]?.pos === 'NOUN' && !FRAME_NOUNS.has(items[i - 2]?.lower ?? '') && !RECORD_NOUNS.has(items[i - 2]?.lower ?? '')) {
    return { thing: thingFamily(singular((items[i - 2] as Item).lemma)), qualifiers: [], end: i + 1 };
  }
  // "attacked nearly 100 vessels … and hijacked nearly 40": the thing of the figure before, in the same sentence.
  for (let k = i - 1; k >= 0; k--) {
    const prev = items[k] as Item;
    // (An apostrophe of a possessive is no break: "11 points to break Buford ’ s record of 2,106".)
    if (prev.kind === 'punct' && prev.text !== ',' && !/^['’]$/.test(prev.text)) break;
    if (prev.kind === 'number' && prev.number?.unit === '') {
      const earlierPhrase = phraseAfter(items, k);
      if (earlierPhrase.head !== undefined && earlierPhrase.end <= i && !FRAME_NOUNS.has(earlierPhrase.head.lower) && earlierPhrase.head.kind === 'word' && !NOT_COUNTED.has(earlierPhrase.head.lower)) {
        const thing = thingFamily(singular(earlierPhrase.head.lemma));
        // (Its words, to count as plainly, only when every figure before counts that thing: "20 points and 12 rebounds and now has 2,302" is unclear.)
        const plain = countedBefore(items, k).every((t) => t === thing);
        return { thing, qualifiers: [], end: i + 1, ...(plain ? { borrowed: phraseText(items, k + 1, earlierPhrase.end) } : {}) };
      }
      break;
    }
  }
  // "Ford finished his career with 2,290 points. Hansbrough now has 2,301.": what a person has, the thing of the
  // sentence before.
  if (possessedAt(items, i) && s.countBefore !== undefined && endsPhrase(items, i) && clauseSubject(items, i, clauseOf(items, i), true) !== undefined) return { thing: s.countBefore.thing, qualifiers: [], end: i + 1, borrowed: s.countBefore.phrase };
  return undefined;
}

/** The things the unitless figures before k count, by the noun after each. */
function countedBefore(items: Item[], k: number): string[] {
  const out: string[] = [];
  for (let j = 0; j < k; j++) {
    if (items[j]?.kind !== 'number' || items[j]?.number?.unit !== '') continue;
    const np = phraseAfter(items, j);
    if (np.head !== undefined && np.head.kind === 'word') out.push(thingFamily(singular(np.head.lemma)));
  }
  return out;
}

/**
 * Whether a bare figure stands for the whole of what it counts: it ends its
 * clause ("now has 2,301.") or only "for his career" follows. ("Had four in a
 * row" counts a run, not the whole.)
 */
function endsPhrase(items: Item[], i: number): boolean {
  const next = items[i + 1];
  if (next === undefined || (next.kind === 'punct' && next.text !== '-' && next.text !== '–')) return true;
  return next.lower === 'for' && /^(?:his|her|their|its)$/.test(items[i + 2]?.lower ?? '') && /^(?:career|season)$/.test(items[i + 3]?.lower ?? '');
}

/** "… killed by friendly fire": the agent phrase of the participle right after a counted phrase. */
function causeAfter(items: Item[], from: number, to: number): string | undefined {
  let k = from;
  if (items[k]?.kind === 'word' && items[k]?.pos === 'VERB') k++;
  else return undefined;
  if (items[k]?.lower !== 'by' || k >= to) return undefined;
  const np = phraseAfter(items, k + (items[k + 1]?.pos === 'DET' ? 1 : 0));
  if (np.head === undefined) return undefined;
  return [...np.modifiers, np.head].map((x) => x.lower).join(' ');
}

/** Whether a lone decimal point stands right before the figure at `i` ("a . 357", "a. 357" as scraped text spaces ".357"). */
function afterDecimalPoint(items: Item[], i: number): boolean {
  const before = items[i - 1];
  return before !== undefined && (before.text === '.' || /^(?:a|an|the)\.$/i.test(before.text)) && before.end < (items[i] as Item).start;
}

/** The text right after item i, up to a few characters. */
function textAfter(items: Item[], i: number): string {
  return items
    .slice(i + 1, i + 3)
    .map((x) => x.text)
    .join(items[i + 1]?.end === items[i + 2]?.start ? '' : ' ');
}

/**
 * A person named as the subject of the clause's verb before the figure
 * ("Klitschko landed 178 punches"): the figure is theirs. Only a name right
 * before the verb counts, and only when the figure is not itself the subject.
 */
function clauseSubject(items: Item[], i: number, clause: [number, number], throughAnd = false): string | undefined {
  for (let k = i - 1; k >= clause[0]; k--) {
    if (!isVerb(items, k) && !possessing(items, k, i)) continue;
    let bracketed = false;
    for (let j = k - 1; j >= 0; j--) {
      const it = items[j] as Item;
      // "Klitschko (52-3, 46 KOs) retained …": a bracket between the subject and its verb describes the subject (its
      // commas split no clause).
      if (it.text === ')') {
        while (j > 0 && items[j]?.text !== '(') j--;
        bracketed = true;
        continue;
      }
      // "…, said VanDeest, who had 13 points": the name a relative "who" stands for.
      if (it.lower === 'who' && items[j - 1]?.text === ',' && personLike(items, j - 2)) return items[j - 2]?.lower;
      // "McDermott, a junior, now has …": an apposition between the subject and its verb describes the subject.
      if (it.text === ',' && !bracketed) {
        const opening = appositionStart(items, j);
        if (opening !== undefined) {
          j = opening;
          bracketed = true;
          continue;
        }
      }
      if (j < clause[0] && !bracketed) return undefined;
      if (it.kind === 'name') return it.name?.type === 'person' || it.name?.type === 'other' ? it.lower : undefined;
      // "Hansbrough now has 2,301 points": a proper noun opening the sentence is its subject, though the name-finder
      // had no other sighting of it.
      if (j === 0 && personLike(items, j)) return it.lower;
      if (it.kind === 'word' && (it.pos === 'ADV' || it.pos === 'AUX')) continue;
      // "Hansbrough finished with 20 points and now has 2,302": a verb joined on by "and" shares the first one's subject
      // (asked only for what a person has: elsewhere the first verb's subject may be a body, "Fire and Rescue").
      if (throughAnd && coordinatedVerb(items, j)) return clauseSubject(items, j, [0, clause[1]]);
      return undefined;
    }
    return undefined;
  }
  return undefined;
}

/**
 * Where an apposition that closes at the comma at `close` opens: ", a
 * junior," right after a name — the comma before "a"/"an"/"the", when a
 * name stands before it and the apposition is a few words long.
 */
function appositionStart(items: Item[], close: number): number | undefined {
  for (let k = close - 1; k >= Math.max(1, close - APPOSITION_WORDS); k--) {
    const it = items[k] as Item;
    if (it.text === ',') return undefined;
    if ((it.lower === 'a' || it.lower === 'an' || it.lower === 'the') && items[k - 1]?.text === ',' && items[k - 2]?.kind === 'name') return k - 1;
  }
  return undefined;
}

/** Words an apposition after a name may have. */
const APPOSITION_WORDS = 6;

/** A person's name, or a proper noun that is no common noun (a surname the name-finder saw nowhere else). */
function personLike(items: Item[], k: number): boolean {
  const it = items[k];
  if (it === undefined) return false;
  if (it.kind === 'name') return it.name?.type === 'person';
  return it.kind === 'word' && it.pos === 'PROPN' && !commonNoun(it);
}

/**
 * "Carter had 12 points", "Hansbrough now has 2,302": a form of "have"
 * right before the figure (adverbs between) is the clause's verb, which the
 * tagger reads as an auxiliary.
 */
function possessing(items: Item[], k: number, figure: number): boolean {
  if (!HAVE_FORMS.has((items[k] as Item).lower)) return false;
  for (let j = k + 1; j < figure; j++) if ((items[j] as Item).pos !== 'ADV') return false;
  return true;
}


/** Whether the figure at i is the object of a possessive "have" ("had 12 points", "now has 2,302"). */
function possessedAt(items: Item[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    if (possessing(items, k, i)) return true;
    if ((items[k] as Item).pos !== 'ADV') return false;
  }
  return false;
}

function withHolder(c: Counted, holder: string | undefined): Counted {
  if (holder !== undefined) c.holder = holder;
  return c;
}

function sortUnique(xs: string[]): string[] {
  return [...new Set(xs.filter((x) => x.length > 0))].sort();
}

/** Degrees of injury after a bare figure: "55 wounded, 15 critically", "five of them critically", "10 of whom remain critical". */
const GRAVITY: Record<string, string> = { critically: 'critical', critical: 'critical', seriously: 'serious', serious: 'serious', gravely: 'critical', severely: 'serious' };

function gravelyAfter(items: Item[], k: number): { degree: string; end: number } | undefined {
  let j = k;
  if (items[j]?.lower === 'of' && ['them', 'whom', 'those'].includes(items[j + 1]?.lower ?? '')) j += 2;
  if (['remain', 'remained', 'remains', 'are', 'were', 'is', 'was', 'in'].includes(items[j]?.lower ?? '')) j++;
  if (items[j]?.lower === 'a' || items[j]?.lower === 'an') return undefined;
  const degree = GRAVITY[items[j]?.lower ?? ''];
  if (degree === undefined) return undefined;
  // "15 critically injured" names its state itself; "in critical condition" is the same degree.
  if (items[j + 1]?.lower === 'condition') j++;
  return { degree, end: j + 1 };
}

/**
 * "bringing to 10 the number of Israelis who have been killed", "the
 * number of people evacuated rose to 60": the figure counts the noun after
 * "number of", under the event its participle or relative clause names.
 */
function numberOfConstruction(items: Item[], i: number): Counted | undefined {
  let k = -1;
  if (items[i + 1]?.lower === 'the' && items[i + 2]?.lower === 'number' && items[i + 3]?.lower === 'of') k = i + 3;
  else {
    const [from] = clauseOf(items, i);
    for (let j = i - 1; j > from; j--) if (items[j]?.lower === 'number' && items[j + 1]?.lower === 'of') {
      k = j + 1;
      break;
    }
  }
  if (k < 0) return undefined;
  const np = phraseAfter(items, k);
  if (np.head === undefined) return undefined;
  const nation = demonymPlural(np.head);
  const thing = nation !== undefined ? 'people' : thingFamily(singular(np.head.lemma));
  const qualifiers = sortUnique([...np.modifiers.filter(tellsApart).map(qualifier), ...(nation !== undefined ? [nation] : [])]);
  // The event: a participle right after the noun, or the verb of a relative clause after it.
  let v = np.end;
  if (['who', 'that', 'which'].includes(items[v]?.lower ?? '')) v++;
  while (v < items.length && (items[v]?.pos === 'AUX' || items[v]?.lower === 'have' || items[v]?.lower === 'has' || items[v]?.lower === 'been')) v++;
  const verb = items[v];
  const out: Counted = { thing, qualifiers, end: i + 1 };
  if (verb !== undefined && verb.kind === 'word' && verb.pos === 'VERB') out.event = eventFamily(verbLemma(items, v));
  return out.event !== undefined ? out : undefined;
}

/** "30 for Rahman": whose figure it is. */
function holderAfter(items: Item[], k: number): string | undefined {
  if (items[k]?.lower === 'for' && items[k + 1]?.kind === 'name' && items[k + 1]?.name?.type === 'person') return items[k + 1]?.lower;
  return undefined;
}

/** A state adjective right after a figure ("30 dead", "55 wounded") → its event. */
function stateAfter(items: Item[], k: number): string | undefined {
  const it = items[k];
  if (it === undefined || it.kind !== 'word') return undefined;
  return STATE_ADJECTIVES[it.lower];
}

/** "put the death toll at 40", "the toll rose to 43", "pushing the death toll above 680": [event, thing, qualifiers]. */
function tollBefore(items: Item[], i: number): [string, string, string[]] | undefined {
  const [from] = clauseOf(items, i);
  for (let k = i - 1; k >= from; k--) {
    const it = items[k] as Item;
    if (it.kind !== 'word') continue;
    const two = `${items[k - 1]?.lower ?? ''} ${it.lower}`;
    const toll = TOLL_NOUNS[two] ?? TOLL_NOUNS[it.lower];
    if (toll === undefined) continue;
    const qualifiers = items
      .slice(Math.max(from, k - 3), k)
      .filter((x) => isNationality(x))
      .map((x) => x.lower);
    return [toll[0], toll[1], qualifiers];
  }
  return undefined;
}

/** "a 66-year-old woman", "66 years old", "the 36-year-old LaSalle": the age and whose it is. */
/** Whether the name at k opens a hyphened compound ("Glasgow - born", "Boston-based"): it describes, it names no one. */
function compoundOpener(items: Item[], k: number): boolean {
  const it = items[k] as Item;
  if (/-\p{Ll}+$/u.test(it.text)) return true;
  return (items[k + 1]?.text === '-' || items[k + 1]?.text === '–') && items[k + 2]?.kind === 'word' && /^\p{Ll}/u.test(items[k + 2]?.text ?? '');
}

/** The noun a hyphened compound opened at k describes ("Glasgow - born actor" → "actor"), if one follows it. */
function nounAfterCompound(items: Item[], k: number): Item | undefined {
  const after = /-\p{Ll}+$/u.test((items[k] as Item).text) ? k + 1 : k + 3;
  const it = items[after];
  return it?.kind === 'word' && it.pos === 'NOUN' ? it : undefined;
}

function ageAfter(items: Item[], i: number): { holder?: string } | undefined {
  const it = items[i] as Item;
  const n = it.number as NumberMention;
  if (n.unit !== 'year') return undefined;
  let k = i + 1;
  while (items[k]?.kind === 'punct' && (items[k]?.text === '-' || items[k]?.text === '–')) k++;
  if (items[k]?.lower !== 'old') return undefined;
  k++;
  while (items[k]?.kind === 'punct' && (items[k]?.text === '-' || items[k]?.text === '–')) k++;
  // Whose: the name or noun after ("-year-old LaSalle", "-year-old woman"), else the name before ("Klitschko, 36 years old").
  const np = phraseAfter(items, k - 1);
  // (A name that opens a hyphened compound describes: "Glasgow-born", "Boston-based"; so does one a word follows in the
  // phrase, "the 28-year-old Maryland native", "a 36-year-old Dayton man": the word it describes is whose age it is.)
  const named = items.slice(k, np.end).find((x, j) => x.kind === 'name' && x.name?.type !== 'place' && !isNationality(x) && !compoundOpener(items, k + j) && !describesWordAfter(items, k + j, np.end));
  if (named !== undefined) return { holder: named.lower };
  const described = items[np.end - 1];
  if (np.head?.kind === 'name' && described?.kind === 'word' && describesWordAfter(items, items.indexOf(np.head), np.end)) return { holder: `the ${singular(described.lemma.toLowerCase())}` };
  // "the 41-year-old American": a nationality describes, it does not name.
  const nation = items.slice(k, np.end).find((x) => isNationality(x));
  if (nation !== undefined && np.head === nation) return { holder: `the ${nation.lower}` };
  // ("the 55-year-old Glasgow - born actor": the noun after the compound.)
  const head = np.head !== undefined && np.head.kind === 'name' && compoundOpener(items, items.indexOf(np.head)) ? nounAfterCompound(items, items.indexOf(np.head)) : np.head;
  if (head !== undefined) return { holder: `the ${singular(head.lemma.toLowerCase())}` };
  const before = items[i - 1]?.text === ',' ? items[i - 2] : undefined;
  if (before?.kind === 'name') return { holder: before.lower };
  return {};
}

/** Whether a word (no name) stands after the name at j before the phrase ends at `end`: the name describes it ("Maryland native"). */
function describesWordAfter(items: Item[], j: number, end: number): boolean {
  // (An adverb the phrase skips, "Klitschko easily defended", describes the verb after, not a word of the phrase.)
  return items.slice(j + 1, end).some((y) => y.kind === 'word' && y.pos !== 'ADV');
}

/** Words after an age a person comes to that say when ("turns 29 on April 11", "will be 29 next month"). */
const WHEN_AFTER = new Set(['in', 'on', 'next', 'this', 'later', 'when']);
/** Words between a person's name and the verb of coming to an age ("Lee, who will turn"). */
const BEFORE_TURNING = new Set(['who', 'will', '’ll', "'ll", 'is', 'to', 'soon', ',', '-', '--', '–', '—']);

/**
 * The person who comes to the age the figure gives: "Lee will turn 29",
 * "Lee, who turns 29 on April 11", "Lee will be 29 in April" (a bare "will
 * be 29" must say when: "will be 29 points" is no age). Undefined unless a
 * person's name stands before the verb.
 */
function comingAgeHolder(items: Item[], i: number): string | undefined {
  const it = items[i] as Item;
  const n = it.number as NumberMention;
  if (n.unit !== '' || n.approximate || !Number.isInteger(n.value) || n.value < 1 || n.value > MAX_AGE || !/^\d+$/.test(it.text)) return undefined;
  const verb = items[i - 1]?.lower;
  const after = items[i + 1];
  const whenAfter = after?.kind === 'date' || (after?.kind === 'word' && WHEN_AFTER.has(after.lower));
  let k: number;
  if (verb === 'turns' || verb === 'turning' || (verb === 'turn' && (items[i - 2]?.lower === 'will' || items[i - 2]?.lower === 'to'))) {
    if (after !== undefined && after.kind !== 'punct' && !whenAfter) return undefined;
    k = i - 2;
  } else if (verb === 'be' && items[i - 2]?.lower === 'will' && whenAfter) k = i - 2;
  else return undefined;
  while (k >= 0 && BEFORE_TURNING.has((items[k] as Item).lower)) k--;
  const name = items[k];
  if (name?.kind !== 'name' || name.name?.type === 'place' || name.name?.type === 'organization') return undefined;
  return name.lower;
}

/** "Anthony LaSalle, 36, of Minneapolis", "Ann Lee, age 61,": a bare figure between commas right after a person's name. */
function appositionAge(items: Item[], i: number): string | undefined {
  const it = items[i] as Item;
  const n = it.number as NumberMention;
  if (n.approximate || !Number.isInteger(n.value) || n.value < 1 || n.value > MAX_AGE || !/^\d+$/.test(it.text)) return undefined;
  // ", 36," or ", age 36," / ", aged 36,".
  const labelled = items[i - 1]?.lower === 'age' || items[i - 1]?.lower === 'aged' ? 1 : 0;
  const before = items[i - 1 - labelled];
  const name = items[i - 2 - labelled];
  const after = items[i + 1];
  if (before?.text !== ',' || name?.kind !== 'name' || name.name?.type === 'place' || name.name?.type === 'organization') return undefined;
  if (after !== undefined && !(after.text === ',' || after.text === '.' || after.text === ')' || after.lower === 'of' || after.lower === 'and' || after.lower === 'from')) return undefined;
  return name.lower;
}

function measureFacts(s: SentenceItems, i: number, value: FactValue, clause: [number, number]): Fact[] {
  const { items } = s;
  const n = (items[i] as Item).number as NumberMention;
  const f = base(s, i, 'measure', value, clause);
  const dimension = UNIT_DIMENSION[n.unit] ?? 'amount';
  const out: Fact[] = [f];
  // Whether the sum's holder is what was sold ("the $1.6 billion purchase of Opsware"), which no subject overrides.
  let sold = false;
  const next = items[i + 1];
  // "150 nautical miles west of Aden": a distance from a place, and a direction.
  if (dimension === 'magnitude') {
    // A sentence that sets a quake beside another time or another quake ("the strongest since the 2010 magnitude 7.0
    // quake", "larger than") may give either's size: left unread.
    if (OTHER_TIME.test(words(items)) || OTHER_QUAKE.test(words(items))) return [];
    // The size of the quake the sentence tells of: the main one unless it names an aftershock or a foreshock.
    f.thing = /\b(?:aftershock|foreshock)s?\b/i.test(words(items.slice(i + 1, Math.min(items.length, i + 4)))) ? 'aftershock' : 'earthquake';
  } else if (next?.kind === 'word' && DIRECTIONS.has(next.lower) && items[i + 2]?.lower === 'of' && items[i + 3]?.kind === 'name') {
    f.thing = 'distance';
    f.holder = items[i + 3]?.lower as string;
    const d = base(s, i + 1, 'direction', { text: next.text, key: next.lower.replace('-', '') }, clause);
    d.holder = f.holder;
    out.push(d);
  } else if (next?.kind === 'word' && (next.lower === 'from' || next.lower === 'off' || (next.lower === 'away' && items[i + 2]?.lower === 'from'))) {
    f.thing = 'distance';
    const place = items.slice(i + 2, i + 5).find((x) => x.kind === 'name' || (x.kind === 'word' && x.pos === 'NOUN'));
    if (place !== undefined) f.holder = place.kind === 'name' ? place.lower : `the ${singular(place.lemma)}`;
  } else if (next?.kind === 'word' && DIMENSION_ADJECTIVES[next.lower] !== undefined) {
    f.thing = DIMENSION_ADJECTIVES[next.lower] as string;
  } else if (dimension === 'amount' && next?.kind === 'word' && DEAL_NOUNS.has(next.lower) && items[i + 2]?.lower === 'of' && items[i + 3]?.kind === 'name') {
    // "the $1.6 billion purchase of Opsware": the price of what was bought.
    f.thing = 'amount';
    f.holder = items[i + 3]?.lower as string;
    sold = true;
  } else if (dimension === 'amount' && worthOf(items, i) !== undefined) {
    // "a five-year deal worth nearly $80 million", "a stake valued at $2 billion": the sum is what the noun is worth.
    const worth = worthOf(items, i) as number;
    f.thing = thingFamily(singular((items[worth] as Item).lemma));
    const kinds = premodifiers(items, worth);
    if (kinds.length > 0) f.qualifiers = kinds;
  } else if (next?.kind === 'word' && next.pos === 'NOUN' && !ANIMATE.has(thingFamily(singular(next.lemma))) && (/[-–]\s?\p{L}+$/u.test((items[i] as Item).text) || dimension === 'amount')) {
    // (A "200-pound woman" is a woman's weight, not a woman measured as a thing: the dimension stays.)
    // "a 10-metre dhow", "a 15-nautical-mile radius", "a 20 year sentence"; "an $82 million contract" is a deal's worth.
    f.thing = dimension === 'amount' ? thingFamily(singular(next.lemma)) : singular(next.lemma);
    // "a $60 million sponsorship deal": what kind of deal tells it from another.
    const kinds = dimension === 'amount' ? premodifiers(items, i + 1) : [];
    if (kinds.length > 0) f.qualifiers = kinds;
  } else if (items[i - 1]?.lower === 'of' && items[i - 2]?.kind === 'word' && items[i - 2]?.pos === 'NOUN') {
    // "a blood alcohol level of 0.41%".
    f.thing = singular((items[i - 2] as Item).lemma);
  } else {
    f.thing = dimension;
  }
  const described = describedBy(items, i) ?? namedAfter(items, i);
  if (described !== undefined) {
    // "Comeaux, a 6-foot, 200-pound man, was serving …": the apposition measures the person, not what the clause says.
    f.holder = described;
    f.role = 'attribute';
    if (f.thing === 'length') f.thing = 'height';
    return out;
  }
  const gov = governorOf(items, i, i + 1, clause);
  if (gov !== undefined && !(gov.predicate === 'be' && f.thing !== dimension)) {
    f.predicate = gov.predicate === 'spend' ? spentOn(items, i) ?? gov.predicate : gov.predicate;
    if (gov.predicate === 'be') copulaSubject(f, items, gov, clause);
  }
  oneOffer(f);
  // "turnout was almost 90%", "turnout reached 93.87 percent", "unemployment rose to 7.5 percent": the level of the noun.
  const level = f.thing === dimension ? levelOf(items, i, clause) : undefined;
  if (level !== undefined) {
    f.thing = level;
    f.predicate = 'level';
    delete f.verb;
    // The noun whose level it is takes no part in anything ("Turnout" opening a sentence was read as a name).
    const others = f.participants?.filter((p) => p !== level);
    if (others !== undefined && others.length > 0) f.participants = others;
    else delete f.participants;
  }
  // "after 30 hours of deliberation", "five days of fighting": a length of an activity named by its noun is that activity's.
  // (Not when the clause's own verb is a distinct event: "convicted him after 12 hours of deliberation" times the verdict.)
  const activity = dimension === 'duration' && !DISTINCT_EVENTS.has(f.predicate ?? '') ? activityAfter(items, i) : undefined;
  if (activity !== undefined) f.predicate = activity;
  const scope = scopeOf(items, i);
  if (scope !== undefined) f.scope = scope;
  // "… and the Orioles have offered seven years": whose offer is the subject of the verb, not the sentence's first name.
  if (gov?.subject?.kind === 'name' && gov.subject.name?.type !== 'place' && !gov.passive && !sold) f.holder = gov.subject.lower;
  // "bought Compaq for $19 billion", "including Opsware for $1.6 billion": a sum for a named thing is its price.
  const bought = dimension === 'amount' ? pricedName(items, i, clause) : undefined;
  if (bought !== undefined) f.holder = bought;
  // A named thing's price is that price, whatever frame of totals the sentence sets ("20 deals in the last few years,
  // including Opsware for $1.6 billion").
  if (bought !== undefined || sold) delete f.scope;
  // "Dorsey's been at the plant for 37 years" and "Hiller has worked for 15 years": each their own.
  // (Not one who only says or believes what the figure is: "Silverman believes it to be for eight years".)
  if (f.holder === undefined && !f.participants?.includes('?') && !opinedBefore(items, clause[0], i)) {
    const subject = leadingName(items, clause);
    if (subject !== undefined) f.holder = subject;
  }
  return out;
}

/** Verbs of holding an opinion: what follows is what their subject thinks, not what the subject did or has. */
const OPINION_LEMMAS = new Set(['believe', 'think', 'expect', 'estimate', 'reckon', 'suspect', 'guess', 'assume', 'figure', 'feel', 'hope', 'suggest', 'predict']);

/**
 * Whether a verb of opinion stands in items[from, to) (not one of speech:
 * "Lee said he spent 10 years there" is his; nor a passive hedge, "the
 * Angels are believed to have offered $160 million", which holds no one's
 * opinion and leaves the subject the one who did it).
 */
function opinedBefore(items: Item[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const it = items[k] as Item;
    if (it.kind === 'word' && it.pos === 'VERB' && OPINION_LEMMAS.has(it.lemma) && !isPassive(items, k)) return true;
  }
  return false;
}

/**
 * The noun whose level a figure states: "<noun> was / reached / hit N",
 * "<noun> stood at N", "<noun> rose / fell to N" (not "rose by N", a change).
 */
function levelOf(items: Item[], i: number, clause: [number, number]): string | undefined {
  const verb = levelVerbBefore(items, i);
  if (verb === undefined) return undefined;
  const head = subjectHead(items, verb);
  if (head === undefined) return undefined;
  // "Youth unemployment", "voter turnout": a kind of the noun, which a plain one may not be; left unread.
  const before = items[head - 1];
  if (before?.kind === 'word' && (before.pos === 'ADJ' || before.pos === 'NOUN' || before.pos === 'PROPN')) return undefined;
  // A level at another time or place ("four years ago", "in March", "in Spain") is another level; left unread.
  // (A day is compared as any fact's: levels on two different days are two slots.)
  if (OTHER_TIME.test(words(items)) || items.slice(clause[0], clause[1]).some((x) => x.kind === 'name' && x.name?.type === 'place')) return undefined;
  return commonHead(items[head] as Item, head);
}

/** The level verb before the figure at i ("was", "reached", "stood at", "rose to"), as its index. */
function levelVerbBefore(items: Item[], i: number): number | undefined {
  let k = i - 1;
  const prep = items[k]?.lower === 'at' || items[k]?.lower === 'to' ? (items[k] as Item).lower : '';
  if (prep !== '') k--;
  const verb = items[k];
  if (verb?.kind !== 'word' || (verb.pos !== 'VERB' && verb.pos !== 'AUX')) return undefined;
  return LEVEL_VERBS[verb.lemma] === prep ? k : undefined;
}

/** The head noun of the subject before the verb: "turnout", and "price" in "the price of a barrel of crude". */
function subjectHead(items: Item[], verb: number): number | undefined {
  let k = verb - 1;
  while (items[k]?.kind === 'word' && items[k]?.pos === 'ADV') k--;
  for (;;) {
    let j = k - 1;
    while (items[j]?.kind === 'word' && (items[j]?.pos === 'DET' || items[j]?.pos === 'ADJ' || items[j]?.pos === 'NUM')) j--;
    if (items[j]?.lower === 'of' && items[j - 1]?.kind === 'word' && items[j - 1]?.pos === 'NOUN') {
      k = j - 1;
      continue;
    }
    // "Unemployment in the region rose to 8 percent": the noun before the verb is another preposition's object.
    if (items[j]?.kind === 'word' && items[j]?.pos === 'ADP') return undefined;
    return k >= 0 ? k : undefined;
  }
}

/**
 * The noun at k as a thing measured, or nothing: a person or a frame noun
 * ("the total was 40") names nothing measured, and a capitalised word
 * opening the sentence (taken for a name: "Turnout stood at 62 percent")
 * counts only with a common noun's ending, not as a surname ("Johnson").
 */
function commonHead(noun: Item, k: number): string | undefined {
  const taken = k === 0 && (noun.kind === 'name' || noun.pos === 'PROPN') && !/\s/.test(noun.text);
  const lemma = taken ? noun.text.toLowerCase() : noun.lemma;
  if (taken ? !NOMINAL_ENDING.test(lemma) : noun.kind !== 'word' || noun.pos !== 'NOUN') return undefined;
  const one = singular(lemma);
  return ANIMATE.has(thingFamily(one)) || FRAME_NOUNS.has(lemma) ? undefined : one;
}

/** Words that set a quake beside another one. */
const OTHER_QUAKE = /\b(?:since|than|strongest|largest|biggest|deadliest|(?:19|20)\d\d)\b/;

/** Words that set a figure at another time than the report's. */
const OTHER_TIME = /\b(?:ago|previous|previously|earlier|last (?:year|month|week|time)|a year before|in \d{4}|in (?:january|february|march|april|may|june|july|august|september|october|november|december))\b/;

/** Endings of abstract common nouns. */
const NOMINAL_ENDING = /(?:ment|tion|sion|ity|out|ness|ance|ence|rate)$/;

/** Verbs that state a level, with the preposition each takes before the figure ("" for none). */
const LEVEL_VERBS: Record<string, string> = { be: '', reach: '', hit: '', top: '', remain: '', stand: 'at', rise: 'to', climb: 'to', jump: 'to', fall: 'to', drop: 'to', increase: 'to', decrease: 'to' };

/**
 * The noun a sum is the worth of: "a deal worth $80 million", "a stake,
 * valued at $2 billion," — the noun right before "worth" or "valued at".
 */
function worthOf(items: Item[], i: number): number | undefined {
  let k = i - 1;
  if (items[k]?.lower === 'at' && items[k - 1]?.lower === 'valued') k -= 1;
  else if (items[k]?.lower !== 'worth') return undefined;
  k -= 1;
  if (items[k]?.text === ',') k -= 1;
  const noun = items[k];
  return noun?.kind === 'word' && noun.pos === 'NOUN' && !ANIMATE.has(thingFamily(singular(noun.lemma))) ? k : undefined;
}

/**
 * The words before a noun that say which kind it is ("sponsorship deal",
 * "defence contract", "new contract" read as "additional"): nouns and
 * adjectives back to a determiner, a figure or a punctuation mark.
 */
function premodifiers(items: Item[], noun: number): string[] {
  const out: string[] = [];
  for (let k = noun - 1; k >= 0; k--) {
    const x = items[k] as Item;
    if (x.kind !== 'word' || (x.pos !== 'NOUN' && x.pos !== 'ADJ') || items[k + 1]?.text === '-' || items[k - 1]?.text === '-') break;
    out.push(CONTRAST_SENSE[x.lower] ?? x.lower);
  }
  return sortUnique(out);
}

/**
 * The person an apposition describes, when the measure stands in it:
 * "Name, a 6-foot, 200-pound man," — back over figures, commas and
 * adjectives to "a", a comma and a name that is no place.
 */
function describedBy(items: Item[], i: number): string | undefined {
  for (let k = i - 1; k >= Math.max(0, i - APPOSITION_REACH); k--) {
    const it = items[k] as Item;
    if (it.kind === 'number' || it.text === ',' || (it.kind === 'word' && it.pos === 'ADJ')) continue;
    if (it.kind !== 'word' || (it.lower !== 'a' && it.lower !== 'an')) return undefined;
    const name = items[k - 2];
    if (items[k - 1]?.text !== ',' || name?.kind !== 'name' || name.name?.type === 'place' || name.name?.type === 'organization') return undefined;
    return name.lower;
  }
  return undefined;
}
/** Items between an apposition's "a" and the measure in it. */
const APPOSITION_REACH = 6;
/** Items a measure before a name may stand from it ("the 6-foot-9, 260-pound Lee"). */
const BEFORE_NAME_REACH = 4;

/**
 * The name a measure written before it describes: "signed the 6-foot-8
 * Lee", "the 6-foot-9, 260-pound Echenique" — Lee's height, not the
 * clause's subject's.
 */
function namedAfter(items: Item[], i: number): string | undefined {
  for (let k = i + 1; k <= Math.min(items.length - 1, i + BEFORE_NAME_REACH); k++) {
    const it = items[k] as Item;
    if (it.kind === 'name') return it.name?.type === 'place' || it.name?.type === 'organization' ? undefined : it.lower;
    if (!(it.kind === 'number' || it.text === ',')) return undefined;
  }
  return undefined;
}

/** A name that opens the clause before its verb: the clause's subject. */
function leadingName(items: Item[], clause: [number, number]): string | undefined {
  for (let k = clause[0]; k < clause[1]; k++) {
    const it = items[k] as Item;
    if (it.kind === 'name') {
      // A subject is followed by its verb ("Dorsey's been", "Hiller has worked"), not by a speech verb or an apposition.
      let v = k + 1;
      if (/^['’]s$/.test(items[v]?.text ?? '')) v++;
      while (items[v]?.kind === 'word' && (items[v]?.pos === 'AUX' || items[v]?.pos === 'ADV')) v++;
      const follows = items[v] !== undefined && (isVerb(items, v) || items[v - 1]?.pos === 'AUX');
      return it.name?.type === 'place' || !follows || SPEECH_VERBS.has(items[v]?.lower ?? '') ? undefined : it.lower;
    }
    if (it.kind === 'word' && (it.pos === 'DET' || it.pos === 'ADJ' || it.pos === 'ADV')) continue;
    return undefined;
  }
  return undefined;
}

/**
 * "was shot eleven times", "had been arrested four times", "fired 11 times
 * at the car": how often the event of the verb before the figure happened, a
 * count of its occasions (`thing: 'time'`) held by the clause's named
 * subject. Not a multiple ("three times as many", "four times the size",
 * "five times higher") nor a frequency ("three times a week").
 */
function timesFact(s: SentenceItems, i: number, clause: [number, number]): Fact | undefined {
  const { items } = s;
  const after = items[i + 2];
  if (after !== undefined && (MULTIPLE_AFTER.has(after.lower) || (after.kind === 'word' && (after.pos === 'ADJ' || after.pos === 'ADV') && /(?:er|more|less)$/.test(after.lower)))) return undefined;
  if (after !== undefined && /^(?:a|an|per|each|every|daily|weekly|monthly|yearly|annually)$/.test(after.lower)) return undefined;
  // "the two times world champion", "a three-times winner": how often, as a description of someone.
  if (items[i - 1]?.pos === 'DET' || (after !== undefined && (after.kind === 'name' || (after.kind === 'word' && (after.pos === 'NOUN' || after.pos === 'ADJ' || after.pos === 'PROPN'))))) return undefined;
  // The verb right before it, past an object ("stabbed him 20 times", "shot Lee 11 times") or an adverb.
  let k = i - 1;
  let object: Item | undefined;
  for (let steps = 0; k >= clause[0] && !isVerb(items, k) && steps < TIMES_VERB_REACH; k--, steps++) {
    const x = items[k] as Item;
    if (!(x.kind === 'name' || (x.kind === 'word' && (x.pos === 'PRON' || x.pos === 'ADV' || x.pos === 'DET' || x.pos === 'NOUN')))) return undefined;
    if (x.kind === 'name' || (x.kind === 'word' && (x.pos === 'PRON' || x.pos === 'NOUN'))) object = x;
  }
  if (k < clause[0] || !isVerb(items, k)) return undefined;
  const { predicate } = eventAt(items, k);
  if (LIGHT_VERBS.has(predicate) || SPEECH_LEMMAS.has(predicate)) return undefined;
  const f = base(s, i, 'count', numericValue((items[i] as Item).number as NumberMention), clause);
  f.thing = 'time';
  f.phrase = 'times';
  const scope = scopeOf(items, i);
  if (scope !== undefined) f.scope = scope;
  f.predicate = predicate;
  f.verb = (items[k] as Item).lower;
  // What was done to someone ("was shot 11 times", "shot Lee 11 times") is another count than what someone did
  // ("officers fired 11 times"): the shots that hit are not the shots fired.
  const passive = isPassive(items, k);
  f.role = passive || object !== undefined ? 'theme' : 'agent';
  if (passive) f.passive = true;
  // Someone shot or hit N times was hit by N rounds: "was shot seven times", "hitting Gray seven times" and "seven
  // bullets hit Gray" are one count (not "officers fired 11 times": the rounds fired).
  if (f.role === 'theme' && (predicate === 'fire' || predicate === 'hit')) {
    f.predicate = 'hit';
    f.thing = 'round';
  }
  // Done to a named object by a named subject ("Putin has met Kim three times"): the subject's count, not the object's
  // (Xi has met Kim another number of times).
  const subject = clauseSubject(items, i, clause) ?? leadingName(items, clause);
  const holder = object?.kind === 'name' && subject === undefined ? object.lower : object === undefined || object.kind === 'name' ? subject : undefined;
  if (holder !== undefined) f.holder = holder;
  else if (object === undefined && f.participants?.length === 1 && f.participants[0] !== '?') f.holder = f.participants[0];
  return f;
}

/** Words after "N times" that make it a multiple of something, not a count of occasions. */
const MULTIPLE_AFTER = new Set(['as', 'the', 'that', 'than', 'more', 'less', 'over', 'higher', 'larger', 'bigger', 'greater', 'faster', 'longer']);
/** Words back from "N times" within which its verb stands. */
const TIMES_VERB_REACH = 3;

/** "spent around 40 seconds shaking his hand" → shake. */
function spentOn(items: Item[], i: number): string | undefined {
  const next = items[i + 1];
  if (next?.kind === 'word' && next.pos === 'VERB' && next.lower.endsWith('ing')) return eventFamily(next.lemma);
  return undefined;
}

/** "His blood-alcohol level was 0.41 percent": the copula's subject names what is measured. */
function copulaSubject(f: Fact, items: Item[], gov: Governor, clause: [number, number]): void {
  const at = items.indexOf(gov.verb);
  for (let k = at - 1; k >= clause[0]; k--) {
    const it = items[k] as Item;
    if (it.kind === 'word' && it.pos === 'NOUN') {
      f.thing = singular(it.lemma);
      return;
    }
  }
}

// ------------------------------------------------------------ ordinals and streaks

/**
 * Which one of a person's or a body's series a thing is: "Klitschko's sixth
 * defense of the belt", "retained the title for the fifth time", "won his
 * 16th straight fight". A part of an event ("the sixth round", "the second
 * half") or a place in a row of things ("the third floor") is no such fact.
 */
function ordinalFacts(s: SentenceItems, i: number, place: number): Fact[] {
  const { items } = s;
  // "for the first time", "his first title": what is new, not a count of anything.
  if (place < 2) return [];
  const clause = clauseOf(items, i);
  let k = i + 1;
  let streak = false;
  const kinds: string[] = [];
  while (items[k]?.kind === 'word' && (items[k]?.pos === 'ADJ' || items[k]?.pos === 'ADV')) {
    if (STREAK_WORDS.has(items[k]?.lower ?? '')) streak = true;
    else kinds.push(items[k]?.lower ?? '');
    k++;
  }
  const head = items[k];
  const office = officeAt(items, k);
  if (office !== undefined) return officeOfSubject(items, i, office.at) ? [officeFact(s, i, place, office, clause)] : [];
  if (head?.kind !== 'word' || head.pos !== 'NOUN') return [];
  const noun = singular(head.lemma);
  let thing: string;
  let phrase: string | undefined;
  if (noun === 'time' && items[i - 1]?.lower === 'the' && items[i - 2]?.lower === 'for') {
    // "retained his title for the fifth time": the how-many-th of what the clause's verb did.
    const gov = governorOf(items, i, k + 1, clause);
    if (gov === undefined) return [];
    thing = eventFamily(gov.verb.lemma);
  } else {
    if (!inSeries(noun)) return [];
    thing = seriesThing(noun);
    // The series as written names the claim ("which parliamentary election"): its words up to the noun, one of it.
    phrase = [...items.slice(i + 1, k).map((it) => it.lower), noun].join(' ');
  }
  if (/^in a row\b/.test(textAfter(items, k))) streak = true;
  const f = base(s, i, 'ordinal', { text: (items[i] as Item).text, number: place, key: String(place) }, clause);
  f.thing = thing;
  if (streak) f.qualifiers = ['in a row'];
  else if (KINDED_SERIES.has(noun) && kinds.length > 0) f.qualifiers = kinds.sort();
  if (phrase !== undefined) f.phrase = phrase;
  const holder = seriesHolder(s, i, clause) ?? (f.participants?.length === 1 && f.participants[0] !== '?' ? f.participants[0] : undefined);
  if (holder !== undefined) f.holder = holder;
  return [f];
}

/** Offices held by one person after another: "the 11th Doctor", "the 21st head coach", "the 44th president". */
const OFFICES = new Set(['president', 'premier', 'chancellor', 'coach', 'manager', 'pope', 'king', 'queen', 'emperor', 'governor', 'mayor', 'chairman', 'chairwoman', 'ceo', 'commissioner', 'doctor', 'secretary-general']);

/** The office an ordinal names and where its noun stands: at k or after one more word of it ("head coach", "prime minister"). */
function officeAt(items: Item[], k: number): { office: string; at: number } | undefined {
  for (const at of [k, k + 1]) {
    const it = items[at];
    if (it === undefined || (it.kind !== 'word' && it.kind !== 'name')) return undefined;
    // (A name may carry the office: "the 11th Doctor Who".)
    const office = it.lower.split(' ').find((w) => OFFICES.has(w));
    if (office !== undefined) return { office, at };
    if (at === k && !(it.kind === 'word' && (it.pos === 'NOUN' || it.pos === 'ADJ'))) return undefined;
  }
  return undefined;
}

/** Determiners of "the Nth <office>" ("the 21st coach", "its 12th doctor", "their 5th manager"). */
const OFFICE_DETERMINERS = new Set(['the', 'its', 'their']);
/** Verbs of a body choosing the holder whose object is "its Nth <office>" ("has finally selected its 12th doctor: Peter Capaldi"). */
const OFFICE_CHOOSING = new Set(['selected', 'chose', 'chosen', 'picked', 'named', 'hired', 'appointed', 'unveiled', 'announced']);
/** Words before "the Nth <office>" that make the subject its holder: "was named the 21st coach", "unveiled as the 11th Doctor". */
const HOLDING_BEFORE = new Set(['as', 'named', 'became', 'become', 'becomes', 'is', 'was', 'be', 'been', 'appointed', 'elected', 'hired', 'sworn']);

/**
 * Whether "the Nth <office>" at i (its noun at `at`) names which holder
 * the clause's subject is: the complement of a verb of being or naming, not
 * an apposition ("replaced Tom Fry, the 20th coach"), a possessive ("the
 * club's 4th manager"), or a ranking of another act ("the 2nd manager fired",
 * "the 3rd president to visit Cuba").
 */
function officeOfSubject(items: Item[], i: number, at: number): boolean {
  if (!OFFICE_DETERMINERS.has(items[i - 1]?.lower ?? '') || !HOLDING_BEFORE.has(items[i - 2]?.lower ?? '') && !OFFICE_CHOOSING.has(items[i - 2]?.lower ?? '')) return false;
  const after = items[at + 1];
  return !(after?.lower === 'to' || after?.lower === 'since' || (after?.kind === 'word' && after.pos === 'VERB'));
}

/** The last word of the name after "<office> of (the)", the office's noun at `at`: whose line of office it is; undefined when none is named. */
function officeBody(items: Item[], at: number): string | undefined {
  if (items[at + 1]?.lower !== 'of') return undefined;
  let k = items[at + 2]?.lower === 'the' ? at + 3 : at + 2;
  let last: string | undefined;
  for (; k < items.length; k++) {
    const it = items[k] as Item;
    if (!(it.kind === 'name' || it.kind === 'number' || (it.kind === 'word' && /^[\p{Lu}\d]/u.test(it.text)))) break;
    last = it.lower.split(' ').pop();
    // "the 76ers": a figure glued to the word after it is one name with it.
    const next = items[k + 1];
    if ((it.kind === 'number' || it.pos === 'NUM') && next?.kind === 'word' && next.start === it.end && /^\p{L}/u.test(next.text)) {
      last = `${last ?? ''}${next.lower}`;
      k++;
    }
  }
  return last;
}

/**
 * Which holder of an office a person is ("unveiled as the 11th Doctor",
 * "was named the 21st head coach in team history"): an ordinal of the
 * office, held by the clause's named subject when it has one.
 */
function officeFact(s: SentenceItems, i: number, place: number, office: { office: string; at: number }, clause: [number, number]): Fact {
  const f = base(s, i, 'ordinal', { text: (s.items[i] as Item).text, number: place, key: String(place) }, clause);
  f.thing = office.office;
  f.role = 'office';
  const holder = leadingName(s.items, clause);
  if (holder !== undefined) f.holder = holder;
  // "the 21st head coach of the Hawks" and "the 15th head coach of the Bulls" are two lines of office.
  // (By the last word of its name: "the 76ers" and "the Philadelphia 76ers" are one team.)
  const team = officeBody(s.items, office.at);
  if (team !== undefined) f.qualifiers = [team];
  return f;
}

/** What a series counts, by its act: a fight or a bout is a win of the series, a defense a holding. */
function seriesThing(noun: string): string {
  return eventFamily(EVENT_NOUNS[noun] ?? SERIES_NOUNS[noun] ?? thingFamily(noun));
}

/** Ordinals written as words, at the place they name. */
const ORDINAL_WORDS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
/** Words that make a series a streak. */
const STREAK_WORDS = new Set(['straight', 'consecutive', 'successive', 'unbeaten', 'winning']);
/** Nouns of a series named by the act: "his sixth defense" is the sixth time he defended. */
const SERIES_NOUNS: Record<string, string> = { defense: 'defend', defence: 'defend', win: 'win', victory: 'win', success: 'succeed', title: 'win', election: 'election' };
/**
 * Series that come in kinds, each counted on its own: a country's fourth
 * parliamentary election is not its fourth presidential one. The adjectives
 * between the ordinal and the noun name the kind.
 */
const KINDED_SERIES = new Set(['election']);
/**
 * Whether a noun names an act a series is made of (a fight, a defense, an
 * attack), not a place in a sequence (a round, a floor, a grade, a year).
 */
function inSeries(noun: string): boolean {
  return EVENT_NOUNS[noun] !== undefined || SERIES_NOUNS[noun] !== undefined;
}

/** Whose series: "Klitschko's sixth", "his sixth" (the person last named), or the clause's subject. */
function seriesHolder(s: SentenceItems, i: number, clause: [number, number]): string | undefined {
  const { items } = s;
  const before = items[i - 1];
  if (/^['’]s$/.test(before?.text ?? '') && items[i - 2]?.kind === 'name') return items[i - 2]?.lower;
  if (before?.kind === 'name' && before.name?.type !== 'place') return before.lower;
  if (before !== undefined && /^(?:his|her)$/.test(before.lower)) {
    // The nearest name before in the sentence that can own a series ("The 32-year-old Klitschko (52-3) won his 10th …").
    for (let k = i - 2; k >= 0; k--) {
      const it = items[k] as Item;
      // What a bracket holds ("(52-3, 46 KOs)") describes the name before it.
      if (it.text === ')') while (k > 0 && items[k]?.text !== '(') k--;
      else if (it.kind === 'name' && it.name?.type !== 'place' && it.name?.type !== 'organization') return it.lower;
    }
    return s.personBefore?.(before.start);
  }
  const subject = clauseSubject(items, i, clause) ?? leadingName(items, clause);
  if (subject !== undefined) return subject;
  // "Klitschko (52-3) retained his title for the fifth time": "his" says the sentence's first name is a person's,
  // however the article's few cues typed it.
  const his = items.slice(0, i).some((x) => x.kind === 'word' && /^(?:his|her)$/.test(x.lower));
  const first = items[0];
  return his && first?.kind === 'name' && first.name?.type !== 'organization' ? first.lower : undefined;
}

// ------------------------------------------------------------ records, times, days

function recordFact(s: SentenceItems, i: number): Fact | undefined {
  const { items } = s;
  const it = items[i] as Item;
  const clause = clauseOf(items, i);
  let holder: string | undefined;
  // "Klitschko (52-3, 46 KOs)", "Rahman, 45-7-2,".
  const open = items[i - 1];
  // (Set off by commas on both sides: "beat visiting Evansville, 91-73." ends with a score.)
  const close = items[i + 1]?.text ?? '.';
  const setOff = open?.text === '(' || (open?.text === ',' && !/^[.!?]$/.test(close));
  if (setOff && items[i - 2]?.kind === 'name' && items[i - 2]?.name?.type !== 'place') holder = items[i - 2]?.lower;
  // "improved to 52-3", "dropped to 45-7-2", "fell to 36 - 3": the subject's.
  if (holder === undefined && items[i - 1]?.lower === 'to') {
    const verbAt = i - 2;
    if (isVerb(items, verbAt) && RECORD_VERBS.has(verbLemma(items, verbAt))) {
      // The verb's own subject, right before it ("Tom Lee hit a basket and the Heat improved to 52-3" is the Heat's).
      let k = verbAt - 1;
      while (k > 0 && items[k]?.kind === 'word' && (items[k]?.pos === 'ADV' || items[k]?.pos === 'AUX')) k--;
      if (items[k]?.text === ')') while (k > 0 && items[k]?.text !== '(') k--;
      if (items[k]?.text === '(') k--;
      // "Thompson, the mandatory challenger named by the IBF, fell to 36-3": past an apposition set off by commas.
      if (items[k]?.text === ',') {
        let j = k - 1;
        while (j > 0 && k - j <= SET_OFF_REACH && items[j]?.text !== ',') j--;
        if (items[j]?.text === ',') k = j - 1;
      }
      const x = items[k];
      // ("the Heat": a name after "the" is a team, whatever typed it.)
      if (x?.kind === 'name' && x.name?.type === 'person' && items[k - 1]?.lower !== 'the') holder = x.lower;
    }
  }
  // "Lee is 22-30 in two seasons", "Lee compiled a 22-30 record", "Lee's record of 22-30": a record the sentence
  // states, over the stretch of play its words give (one in brackets, or one a fighter "improved to", is the career's).
  let stretch: string[] = [];
  if (holder === undefined) {
    // ("took a 4-1 lead", "went on a 12-0 run": a pair before another noun is no record.)
    const next = items[i + 1];
    if (next?.kind === 'word' && next.pos === 'NOUN' && !RECORD_NOUNS.has(next.lower) && !STRETCH_WORDS.has(next.lower)) return undefined;
    holder = recordOwner(items, i, clause) ?? recordSubject(s, i, clause);
    stretch = recordStretch(items, i, clause);
  }
  if (holder === undefined) return undefined;
  const f = base(s, i, 'record', { text: it.text, key: it.lower }, clause);
  f.holder = holder;
  if (stretch.length > 0) f.qualifiers = stretch;
  // The rest of the bracket: "(52-3, 46 KOs)" also counts knockouts.
  return f;
}

/**
 * Whose record "record" or "mark" says by a possessor: "Lee's 22-30
 * record", "Lee's career mark of 22-30", "Lee record as head coach stands
 * at 22-30".
 */
function recordOwner(items: Item[], i: number, clause: [number, number]): string | undefined {
  let noun: number | undefined;
  if (RECORD_NOUNS.has(items[i + 1]?.lower ?? '')) noun = i + 1;
  else if (items[i + 1]?.kind === 'word' && RECORD_NOUNS.has(items[i + 2]?.lower ?? '')) noun = i + 2;
  else if (RECORD_NOUNS.has(items[i - 2]?.lower ?? '') && ['of', 'at', 'to', 'is', 'was'].includes(items[i - 1]?.lower ?? '')) noun = i - 2;
  else if (items[i - 1]?.lower === 'at' && items[i - 2]?.lemma === 'stand') {
    // "Lee record as head coach with both clubs stands at 22-30".
    for (let k = i - 3; k >= Math.max(clause[0], i - RECORD_NOUN_REACH); k--) {
      if (RECORD_NOUNS.has(items[k]?.lower ?? '')) {
        noun = k;
        break;
      }
    }
  }
  if (noun === undefined) return undefined;
  // The possessor stands before the noun phrase: "Lee's 22-30 record" (the figure first) or "Lee's career record of".
  let k = noun < i ? noun - 1 : i - 1;
  if (items[k]?.kind === 'word' && items[k]?.pos === 'ADJ' || ['career', 'overall', 'coaching', 'lifetime'].includes(items[k]?.lower ?? '')) k--;
  k = possessiveAt(items, k) ?? k;
  return k >= clause[0] && (personLike(items, k) || items[k]?.name?.type === 'other') ? items[k]?.lower : undefined;
}

/**
 * Whose record a clause states by its verb: the subject of "is 22-30" (a
 * form of "be" right before it) or of a verb that holds a record ("compiled
 * a 22-30 record", "has a record of 22-30", "finished with a 22-30 mark").
 * "He" is the sentence's subject, or the person named last before it.
 */
function recordSubject(s: SentenceItems, i: number, clause: [number, number]): string | undefined {
  const { items } = s;
  let v = i - 1;
  if (items[v]?.lower === 'now') v--;
  if (!BE_FORMS.has(items[v]?.lower ?? '')) {
    v = -1;
    for (let k = i - 1; k >= Math.max(clause[0], i - RECORD_VERB_REACH); k--) {
      const x = items[k] as Item;
      // (The noun "record" of "an overall record of 80-90" holds nothing; the verb "recorded" does.)
      if (x.kind === 'word' && ((HOLDING_VERBS.has(x.lemma) && !RECORD_NOUNS.has(x.lower)) || RECORD_VERBS.has(x.lemma) || HAVE_FORMS.has(x.lower))) {
        v = k;
        break;
      }
      // ("beat a team with a 9-14 record": another verb's object is no holding of the subject's.)
      if (x.kind === 'name' || x.text === ',' || isVerb(items, k)) break;
    }
    if (v < 0) v = ledTo(items, i, clause) ?? -1;
    if (v < 0) return undefined;
  }
  let k = v - 1;
  while (k >= clause[0] && items[k]?.kind === 'word' && (items[k]?.pos === 'ADV' || items[k]?.pos === 'AUX')) k--;
  // "Lee is 22-30 this season and has a 400-250 career record": a verb joined on by "and" shares the first one's subject.
  if (coordinatedVerb(items, k)) {
    for (let j = k - 1; j >= 0; j--) if (personLike(items, j) && items[j - 1]?.lower !== 'the' && (isVerb(items, j + 1) || items[j + 1]?.pos === 'AUX' || BE_FORMS.has(items[j + 1]?.lower ?? ''))) return items[j]?.lower;
    return undefined;
  }
  const x = items[k];
  if (x === undefined || k < clause[0] - 1) return undefined;
  if (x.kind === 'word' && (x.lower === 'he' || x.lower === 'she') && x.pos === 'PRON') {
    const who = sentenceSubject(items, k) ?? s.personBefore?.(x.start);
    return who === '?' ? undefined : who;
  }
  // "…, who was 22-30": the name the relative stands for.
  if (x.lower === 'who' && items[k - 1]?.text === ',' && personLike(items, k - 2)) return items[k - 2]?.lower;
  // ("the Heat improved to 52-3": a name after "the" is a team or a body.)
  return k >= clause[0] && items[k - 1]?.lower !== 'the' && (personLike(items, k) || x.name?.type === 'other') ? x.lower : undefined;
}

/**
 * The stretch of play a record covers, in the words around it: "career"
 * (career, lifetime, overall, all-time, in the record's own phrase),
 * "season" (this season, this year, on the season), the number of seasons
 * or years ("in three-plus seasons", "over the past two seasons" →
 * "seasons:2"), "since" a moment, the last few games, home or road; and
 * any other words after the record, which may narrow it, as written ("in
 * the playoffs" → "+in the playoffs"; not "as head coach", nor "with 46
 * knockouts"). The words after the record run to a comma, another record
 * or a verb joined on by "and"; a sentence-opening frame adds its seasons,
 * season and "since". Two records of one person over different stretches
 * are two records.
 */
function recordStretch(items: Item[], i: number, clause: [number, number]): string[] {
  let end = i + 1;
  while (end < clause[1] && items[end]?.kind !== 'record' && items[end]?.text !== ',' && !coordinatedVerb(items, end)) end++;
  const after = words(items.slice(i + 1, end));
  const own = `${words(items.slice(Math.max(clause[0], i - 3), i))} ${after}`;
  // A frame that opens the sentence before a comma ("In just over three seasons at the helm, Lee compiled …").
  const comma = items.findIndex((x) => x.text === ',');
  const opening = comma > 0 && comma < i ? words(items.slice(0, comma)) : '';
  const out = new Set<string>();
  if (/\b(?:career|lifetime|overall|all - time|all-time)\b/.test(own)) out.add('career');
  let rest = ` ${after} `;
  const take = (re: RegExp, token: (m: RegExpExecArray) => string | undefined): void => {
    for (const text of [rest, ` ${opening} `]) {
      const m = re.exec(text);
      if (m === null) continue;
      const t = token(m);
      if (t !== undefined) out.add(t);
      if (text === rest) rest = rest.replace(m[0], ' ');
    }
  };
  take(/\b(?:this|the|on the) (?:season|year)\b/, () => 'season');
  take(/\b(?:in|over|across|during) (?:the (?:past|last) )?(?:(?:just|a little|a bit) )?(?:(?:over|under|more than|less than) )?(\w+)(?: - plus|-plus| plus)? (?:seasons|years)\b/, (m) => {
    const w = m[1] ?? '';
    const n = SMALL_NUMBERS[w] ?? Number(w);
    return Number.isInteger(n) && n > 0 && n < 100 ? `seasons:${n}` : undefined;
  });
  take(/\bsince\b.*$/, () => 'since');
  take(/\b(?:in (?:his|her|their|its|the) )?(?:last|past|previous|first|next|final) (\w+) (?:games|fights|bouts|starts|matches|outings|contests)\b/, (m) => `last:${m[1] ?? ''}`);
  take(/\bat home\b/, () => 'home');
  take(/\bon the road\b/, () => 'road');
  // A coach's record as coach is the whole of it; any other words after it may narrow it ("with the Falcons", "in the
  // playoffs", "in conference play", "when leading after three quarters", "in 2007"): they are a stretch of their own,
  // as written, its years and figures kept ("in 2007" and "in 2008" are two seasons).
  // ("with 46 knockouts", "with a remarkable 46 wins by knockout": what the record comes with, not a stretch.)
  rest = rest.replace(/\bwith (?:an? )?(?:\w+ )?\d.*$/, ' ');
  rest = rest.replace(/\bas (?:an? )?(?:head )?(?:coach|manager)\b/g, ' ').replace(/\b(?:record|mark|career|lifetime|overall|all - time|all-time)\b/g, ' ').replace(/[^\p{L}\p{N}\s-]/gu, ' ');
  const narrowing = rest.split(/\s+/).filter((w) => w !== '' && w !== '-').join(' ');
  if (narrowing !== '') out.add(`+${narrowing}`);
  return [...out].sort();
}

/** Words right after a pair of figures that say what stretch a record covers, not what else the pair is. */
const STRETCH_WORDS = new Set(['career', 'lifetime', 'overall', 'record', 'mark', 'season', 'home', 'road']);

const RECORD_NOUNS = new Set(['record', 'mark']);
const BE_FORMS = new Set(['is', 'was', 'are', 'were']);
/** Verbs whose subject holds the record of their object ("compiled a 22-30 record", "recorded a mark of 22-30"). */
const HOLDING_VERBS = new Set(['compile', 'post', 'finish', 'own', 'hold', 'carry', 'sport', 'boast', 'amass', 'take', 'bring', 'enter', 'go', 'record']);
/** Verbs by which a coach or a leader takes a team to a record ("led the Hawks to a 43-39 record"): the record is theirs too. */
const LEADING_VERBS = new Set(['lead', 'guide', 'coach', 'steer', 'pilot']);
/** Words back from the "to" of "led the Hawks to a 43-39 record" to its verb: the team between them. */
const LED_TEAM_REACH = 5;

/**
 * The verb of "led the Hawks to a 43-39 record", "guided his team to a
 * 10-2 mark": a leading verb whose object is taken "to" a record the words
 * "record" or "mark" name (a score a team "led" by is no record).
 */
function ledTo(items: Item[], i: number, clause: [number, number]): number | undefined {
  if (!RECORD_NOUNS.has(items[i + 1]?.lower ?? '')) return undefined;
  let k = i - 1;
  if (items[k]?.lower === 'a' || items[k]?.lower === 'an') k--;
  if (items[k]?.lower !== 'to') return undefined;
  for (let j = k - 1; j >= Math.max(clause[0], k - LED_TEAM_REACH); j--) {
    const x = items[j] as Item;
    if (x.kind === 'word' && LEADING_VERBS.has(x.lemma) && isVerb(items, j)) return j;
    if (x.text === ',') return undefined;
  }
  return undefined;
}
/** Words of an apposition set off by commas between a subject and its verb ("Thompson, the challenger named by the IBF, fell to"). */
const SET_OFF_REACH = 10;
/** Words back from a figure to the "record" of "record of 22-30" or "record … stands at 22-30". */
const RECORD_NOUN_REACH = 16;
/** Words back from "a 22-30 record" to the verb that holds it. */
const RECORD_VERB_REACH = 5;

/**
 * Whose record a figure after "record of" is: the possessor of "record"
 * ("Rodney Buford's school scoring record of 2,116 points", "Buford ’ s
 * scoring record of 2,106"), the words before "record" nouns or adjectives.
 */
function recordValueOwner(items: Item[], i: number): string | undefined {
  if (items[i - 1]?.lower !== 'of' || !RECORD_NOUNS.has(items[i - 2]?.lower ?? '')) return undefined;
  let k = i - 3;
  while (k >= 0 && items[k]?.kind === 'word' && (items[k]?.pos === 'NOUN' || items[k]?.pos === 'ADJ' || items[k]?.pos === 'VERB') && items[k]?.lower.endsWith('ing') === (items[k]?.pos === 'VERB')) k--;
  const at = possessiveAt(items, k);
  if (at === undefined) return undefined;
  k = at;
  const owner = items[k];
  return owner !== undefined && (personLike(items, k) || owner.name?.type === 'other') ? owner.lower : undefined;
}

/** Knockout counts and the like inside "(52-3, 46 KOs)" belong to the name before the bracket. */
export function bracketHolder(items: Item[], i: number): string | undefined {
  for (let k = i - 1; k >= 0; k--) {
    const it = items[k] as Item;
    if (it.text === '(') return items[k - 1]?.kind === 'name' ? items[k - 1]?.lower : undefined;
    if (it.text === ')' || BARRIER_WORDS.has(it.lower)) return undefined;
    // "Wladimir Klitschko, 53-3, 47 KO's,": a record set off by commas after a name.
    if (it.text === ',' && items[k - 1]?.kind === 'record' && items[k - 2]?.text === ',' && items[k - 3]?.kind === 'name') return items[k - 3]?.lower;
  }
  return undefined;
}

const BARRIER_WORDS = new Set([';', ':']);

/**
 * A clock time or a day and the event it dates ("broke out … at 8.49pm",
 * "on Thursday foiled a piracy attempt", "the November 18 sinking of a
 * trawler"). A moment of a verb that says nothing happened ("was") dates
 * nothing a report could contradict.
 */
function momentFact(s: SentenceItems, i: number, kind: 'time' | 'day'): Fact | undefined {
  const { items } = s;
  const it = items[i] as Item;
  const clause = clauseOf(items, i);
  let value: FactValue;
  if (kind === 'time') {
    const c = it.clock;
    if (c === undefined) return undefined;
    value = { text: c.text, number: c.minutes };
    if (c.approximate) value.approximate = true;
  } else {
    const d = it.date;
    if (d === undefined) return undefined;
    const key = d.precision === 'year' || d.precision === 'month' ? periodKey(items, i) : dayKey(d.text, d.iso, d.precision);
    if (key === undefined) return undefined;
    value = { text: d.text.replace(/^(?:on|in)\s+/i, ''), key };
  }
  // "its November 22, 2013 release date", "the May 14 launch date": the day of what the noun before "date" names.
  const scheduled = kind === 'day' ? scheduledEvent(items, i) : undefined;
  if (scheduled !== undefined) {
    const f = base(s, i, kind, value, clause);
    f.predicate = scheduled;
    return f;
  }
  // "the November 18 sinking of a Thai trawler", "the Wednesday bombings": the event noun after the date;
  // "The fatal shooting of a boy on Saturday sparked …": the event noun of the subject before it.
  const next = items[i + 1];
  const subjectNoun = next?.kind === 'word' && next.pos === 'NOUN' && eventNounFamily(next.lower) !== undefined ? i + 1 : subjectEventNoun(items, clause, i);
  // (The clause's subject is no party to an event a noun after its verb names: "Kiir would not retaliate for the bombing".)
  // ("over the course of Saturday's protests": a day of a possessive dates the noun after it.)
  const possessive = /^['’]s?$/.test(items[i + 1]?.text ?? '') || /['’]s$/.test(it.text);
  // The verb that governs the moment names the event when it is one ("thwarted an attack by pirates on Thursday");
  // an event noun the moment closes names it when the verb is none ("would not retaliate for the bombing … on Tuesday").
  const governor = subjectNoun === undefined ? governorNear(items, i, clause) : undefined;
  const candidate = subjectNoun === undefined && !possessive && !modifiesNoun(items, i) && (governor === undefined || !knownEvent(governor.predicate)) ? eventNounBefore(items, i, clause) : undefined;
  const objectNoun = candidate !== undefined && nounDated(items, candidate, clause, governor?.predicate) ? candidate : undefined;
  const noun = subjectNoun ?? objectNoun;
  if (noun === undefined && kind === 'day' && modifiesNoun(items, i)) return undefined;
  // A year or a month dates careers, whose clauses run on ("joined the Hawks in 2001 and retired in 2009"): only a
  // verb of its own stretch of the clause, or one after it, is dated by it.
  if (noun === undefined && periodKind(value.key) !== undefined && governor !== undefined && governor.at < stretchStart(items, i, clause)) return undefined;
  let predicate: string | undefined;
  let thing: string | undefined;
  let reported = false;
  let spoken = false;
  // The word the event is told by ("died", "killing"): a death and a killing are one family of facts, not one word.
  let word: string | undefined;
  if (noun !== undefined) {
    word = (items[noun] as Item).lower;
    predicate = fatal(items, noun) ? 'kill' : eventNounFamily((items[noun] as Item).lower);
    const of = items[noun + 1]?.lower === 'of' ? objectHead(items, noun + 2) : undefined;
    if (of !== undefined) thing = thingFamily(singular(of.lemma));
  } else {
    const gov = governor;
    if (gov === undefined) return undefined;
    predicate = gov.predicate;
    thing = gov.thing;
    reported = gov.reported === true;
    spoken = gov.spoken === true;
    word = gov.word;
  }
  // "told reporters Friday", "announced on May 13", "a poll published Sunday": the day of a report, not of the event.
  // (An announcement of a thing is an event of its own: "announced its new Doctor on Sunday", "The announcement came
  // Sunday"; "announced on Monday that …" reports.)
  const announced = predicate === 'announce' && (noun !== undefined || thing !== undefined || !spoken);
  if (predicate === undefined || LIGHT_VERBS.has(predicate) || (SPEECH_LEMMAS.has(predicate) && !announced) || PUBLISHING.has(predicate)) return undefined;
  const f = base(s, i, kind, value, clause);
  f.predicate = predicate;
  if (word !== undefined) f.verb = word;
  if (thing !== undefined) f.thing = thing;
  // (The day the news of the event was given: "said Monday it has agreed to buy EYP".)
  if (reported) f.role = 'reported';
  // Whose event it dates ("She was hit around 5 a.m." and "Chohan was struck about 7 p.m." may be two victims).
  const who = objectNoun === undefined ? momentSubject(s, clause, i) : undefined;
  if (who !== undefined) f.holder = who;
  return f;
}

/**
 * The event of "<day> <noun> date": "a November 22, 2013 release date", "its
 * May 14 launch date", "the March 3 trial date" (the noun's verb, in its
 * family, as the verb would be read).
 */
function scheduledEvent(items: Item[], i: number): string | undefined {
  const noun = items[i + 1];
  if (noun?.kind !== 'word' || (noun.pos !== 'NOUN' && noun.pos !== 'VERB') || items[i + 2]?.lower !== 'date') return undefined;
  // A date given up is none: "moved the film from its original November 22 release date to December 20".
  for (let k = i - 1; k >= Math.max(0, i - SUPERSEDED_REACH); k--) if (SUPERSEDED.has(items[k]?.lower ?? '')) return undefined;
  return eventNounFamily(noun.lower) ?? (SCHEDULED_NOUNS.has(noun.lemma) ? eventFamily(noun.lemma) : undefined);
}

/** Nouns of a scheduled event before "date" that no event noun names: "release date", "trial date". */
const SCHEDULED_NOUNS = new Set(['release', 'launch', 'trial', 'hearing', 'premiere', 'opening', 'debut', 'sentencing']);
/** Words before a date that say it was given up ("from its original November 22 release date"). */
const SUPERSEDED = new Set(['from', 'original', 'originally', 'initial', 'previous', 'earlier', 'old', 'former', 'planned']);
/** Words back from a date within which a word of SUPERSEDED gives it up. */
const SUPERSEDED_REACH = 3;

/**
 * "retaliate for the bombing of Guffa in Upper Nile state on Tuesday": an
 * event noun the moment follows through prepositional phrases only (names,
 * nouns and their words between) is the event it dates.
 */
function eventNounBefore(items: Item[], i: number, clause: [number, number]): number | undefined {
  let k = i - 1;
  if (items[k]?.lower === 'on' || items[k]?.lower === 'at') k--;
  for (let steps = 0; k >= clause[0] && steps < EVENT_NOUN_REACH; k--, steps++) {
    const it = items[k] as Item;
    // (Of a distinct event only: "the bombing of Guffa on Tuesday"; games and reports happen many times in a story.)
    // (The noun heads the phrases: a preposition follows it, "the bombing of Guffa"; "the injury report" is a report.)
    if (it.kind === 'word' && it.pos === 'NOUN' && eventNounFamily(it.lower) !== undefined) return DISTINCT_EVENTS.has(eventNounFamily(it.lower) ?? '') && (k + 1 === i || items[k + 1]?.pos === 'ADP') ? k : undefined;
    const passes = it.kind === 'name' || (it.kind === 'word' && (it.pos === 'ADP' || it.pos === 'DET' || it.pos === 'NOUN' || it.pos === 'ADJ' || it.pos === 'PROPN'));
    if (!passes) return undefined;
  }
  return undefined;
}

/**
 * Whether a moment after an event noun dates the noun's event rather than
 * the verb's: where the verb is denied ("would not retaliate for the
 * bombing … on Tuesday"), where it only says the event befell its subject
 * ("suffered a knee injury … on October 19"), or where the noun stands in a
 * phrase of time or cause ("denied arson following a fire … on Sunday").
 * A verb that reacts to the event is dated itself ("condemned the attack on
 * the market on Monday").
 */
function nounDated(items: Item[], noun: number, clause: [number, number], verb: string | undefined): boolean {
  // (A denial only: "plan to discuss the attack on Monday" dates the discussion to come.)
  if (items.slice(clause[0], noun).some((x) => x.kind === 'word' && DENIALS.has(x.lower))) return true;
  if (verb !== undefined && BEFALLING.has(verb)) return true;
  let k = noun - 1;
  while (k >= clause[0] && items[k]?.kind === 'word' && (items[k]?.pos === 'DET' || items[k]?.pos === 'ADJ' || items[k]?.pos === 'NOUN')) k--;
  return TIME_PREPOSITIONS.has(items[k]?.lower ?? '');
}

/** Words that deny the verb after them. */
const DENIALS = new Set(['not', "n't", 'never', 'no']);
/** Verbs that say an event befell their subject ("suffered an injury"). */
const BEFALLING = new Set(['suffer', 'sustain', 'undergo', 'survive', 'experience']);
/** Prepositions of time or cause before an event noun ("following a fire", "after the attack"). */
const TIME_PREPOSITIONS = new Set(['following', 'after', 'before', 'since', 'during', 'amid', 'in', 'from']);

/** Verbs of putting out a report: their day is the report's ("a poll published Sunday"). */
const PUBLISHING = new Set(['publish', 'broadcast', 'air', 'print']);

/** Words back from a moment to the event noun whose phrase it closes. */
const EVENT_NOUN_REACH = 10;

/**
 * The event of the noun in "of <noun>" after a length of time: an event noun
 * ("of riots" is no event noun, "of bombing" is), a noun made from a verb
 * with "-ation" ("deliberation" → deliberate, "negotiations" → negotiate),
 * or an "-ing" form ("of questioning").
 */
function activityAfter(items: Item[], i: number): string | undefined {
  if (items[i + 1]?.lower !== 'of') return undefined;
  const w = items[i + 2];
  if (w === undefined || w.kind !== 'word' || (w.pos !== 'NOUN' && w.pos !== 'VERB')) return undefined;
  const event = eventNounFamily(w.lower);
  if (event !== undefined) return event;
  const noun = singular(w.lower);
  if (noun.length > 7 && noun.endsWith('ation')) return eventFamily(`${noun.slice(0, -3)}e`);
  if (w.lower.endsWith('ing') && w.lemma !== w.lower) return eventFamily(w.lemma);
  return undefined;
}

/** Nouns of a sale: a sum before them is the price of what follows "of". */
const DEAL_NOUNS = new Set(['purchase', 'acquisition', 'buy', 'buyout', 'takeover', 'sale']);
/** Lemmas that make a sentence one about a sale, where "X for $N" is X's price: the nouns of a sale and its verbs. */
const SALE_WORDS = new Set([...DEAL_NOUNS, 'acquire', 'sell']);

/**
 * The name a sum is the price of: the name right before "for" and the sum
 * ("Opsware for $1.6 billion"), unless the clause pairs lists of names and
 * sums ("Iguodala and Williams for $80 million and $25 million,
 * respectively").
 */
function pricedName(items: Item[], i: number, clause: [number, number]): string | undefined {
  if (items[i - 1]?.lower !== 'for') return undefined;
  // Only in a sentence about a sale: "sued Oracle for $4 billion" prices nothing.
  if (!items.some((x) => x.kind === 'word' && SALE_WORDS.has(x.lemma))) return undefined;
  const name = items[i - 2];
  if (name?.kind !== 'name' || name.name?.type === 'place' || items[i - 3]?.lower === 'and') return undefined;
  for (let k = clause[0]; k < clause[1]; k++) if (items[k]?.lower === 'respectively') return undefined;
  return name.lower;
}

/**
 * "a Sunday walk", "the Friday deadline", "New Orleans' Sept. 20 win": a
 * day between an article (or a possessive) and a noun modifies that noun
 * and dates that thing, not the clause's event; the tagger's reading of the
 * noun does not matter ("walk" as a verb). A day opening a clause ("On
 * Monday police arrested …") is the clause's.
 */
function modifiesNoun(items: Item[], i: number): boolean {
  const before = items[i - 1];
  const next = items[i + 1];
  if (before === undefined || next === undefined || next.kind !== 'word' || /^\p{Lu}/u.test(next.text)) return false;
  const determined = /^(?:a|an|the)$/.test(before.lower) || /^['’]s?$/.test(before.text);
  return determined && (next.pos === 'NOUN' || next.pos === 'VERB' || next.pos === 'ADJ');
}

/** Words a subject's event noun may be followed by before the moment it is dated by: its "of" phrase and a place. */
const NOUN_PHRASE_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADP', 'PUNCT', 'CCONJ']);
/** How far back from a moment its subject's event noun may be. */
const SUBJECT_NOUN_REACH = 10;

/**
 * "The fatal shooting of a teenager in the capital on Saturday sparked …":
 * a moment inside the subject of its clause, before any verb, dates the
 * event noun that heads that subject, not the verb after it (what the
 * shooting sparked happened later). Only in the subject: after a verb
 * ("arrested him after the shooting on Monday") the moment may be the
 * verb's, and is left to it.
 */
function subjectEventNoun(items: Item[], clause: [number, number], i: number): number | undefined {
  for (let k = clause[0]; k < i; k++) if (isVerb(items, k) && !eventNominal(items, k)) return undefined;
  for (let k = i - 1; k >= Math.max(clause[0], i - SUBJECT_NOUN_REACH); k--) {
    const it = items[k] as Item;
    // The head of its phrase only: "the injury report for Wednesday" dates a report, not an injury.
    if (eventNominal(items, k)) return items[k + 1]?.pos === 'NOUN' ? undefined : k;
    if (it.kind === 'word' && !NOUN_PHRASE_POS.has(it.pos)) return undefined;
  }
  return undefined;
}

/**
 * A word that names an event as a noun: tagged so, or an "-ing" form after
 * a determiner or a modifier ("the fatal stabbing of …", which the tagger
 * reads as a verb).
 */
function eventNominal(items: Item[], k: number): boolean {
  const it = items[k] as Item;
  if (it.kind !== 'word' || eventNounFamily(it.lower) === undefined) return false;
  if (it.pos === 'NOUN') return true;
  const prev = items[k - 1];
  return it.pos === 'VERB' && it.lower.endsWith('ing') && prev !== undefined && (prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'NOUN');
}

/** "the fatal shooting", "a deadly police stabbing": an event that killed is a killing. */
function fatal(items: Item[], k: number): boolean {
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
    const w = items[j] as Item;
    if (w.lower === 'fatal' || w.lower === 'deadly' || w.lower === 'fatally') return true;
    if (w.kind !== 'word' || (w.pos !== 'NOUN' && w.pos !== 'ADJ')) return false;
  }
  return false;
}

/** The verb of the clause a moment dates: the nearest verb before it, else after it; with the head of its object when it has one. */
function governorNear(items: Item[], i: number, clause: [number, number]): { predicate: string; thing?: string; reported?: true; spoken?: true; at: number; word: string } | undefined {
  // A finite verb before the moment, else after it; a participle ("vessels transiting the Gulf on Friday") only when there is none.
  const finite = (k: number): boolean => isVerb(items, k) && !(items[k] as Item).lower.endsWith('ing');
  const find = (test: (k: number) => boolean): number | undefined => {
    for (let k = i - 1; k >= clause[0]; k--) if (test(k)) return k;
    for (let k = i + 1; k < clause[1]; k++) if (test(k)) return k;
    return undefined;
  };
  // "HP Monday announced", "Police on Friday arrested": a verb right after the moment is its own, when no verb stands
  // before the moment in its clause ("the storm that hit Florida Sunday killed 12" dates the hitting).
  let segment = i;
  while (segment > clause[0] && items[segment - 1]?.text !== ',' && !/^(?:and|but)$/.test(items[segment - 1]?.lower ?? '')) segment--;
  const verbBefore = items.slice(segment, i).some((_, j) => isVerb(items, segment + j));
  const best = (!verbBefore && finite(i + 1) ? i + 1 : undefined) ?? finiteBeforeAside(items, clause, i, finite) ?? find(finite) ?? find((k) => isVerb(items, k));
  if (best === undefined) return undefined;
  // "said on Monday it has agreed to buy EYP": a report of an event it tells as done dates that event's news.
  if (SPEECH_LEMMAS.has(verbLemma(items, best))) {
    const reported = reportedEvent(items, best);
    if (reported !== undefined) return { ...governorAt(items, reported), reported: true, at: best, word: (items[reported] as Item).lower };
  }
  return { ...governorAt(items, best), at: best, word: (items[best] as Item).lower };
}

/**
 * Where the stretch of a clause a moment stands in begins: after the last
 * comma or relative pronoun before it, or an "and" or "but" that joins a
 * verb phrase ("Tom Fry, who joined the Hawks in 2001, retired in 2009";
 * "joined the Hawks in 2001 and retired in 2009": "retired in 2009"; not
 * "promoted to vice president and general manager in 2003").
 */
function stretchStart(items: Item[], i: number, clause: [number, number]): number {
  let k = i;
  const joinsVerb = (at: number): boolean => /^(?:and|but)$/.test(items[at]?.lower ?? '') && isVerb(items, at + 1);
  while (k > clause[0] && items[k - 1]?.text !== ',' && !/^(?:who|which|that)$/.test(items[k - 1]?.lower ?? '') && !joinsVerb(k - 1)) k--;
  return k;
}

/**
 * "signed DeShawn Wynn (Florida) on Tuesday to serve as a backup": a clause
 * that a bracketed aside interrupts goes on after it, so a moment right after
 * the aside, with no verb before it on its side, is dated by the finite verb
 * of the clause before the aside, not by an infinitive after it.
 */
function finiteBeforeAside(items: Item[], clause: [number, number], i: number, finite: (k: number) => boolean): number | undefined {
  const close = clause[0] - 1;
  if (items[close]?.text !== ')') return undefined;
  for (let k = clause[0]; k < i; k++) if (finite(k)) return undefined;
  let open = close - 1;
  while (open >= 0 && items[open]?.text !== '(') open--;
  if (open <= 0) return undefined;
  const before = clauseOf(items, open - 1);
  for (let k = open - 1; k >= before[0]; k--) if (finite(k)) return k;
  return undefined;
}

/**
 * The event a speech verb reports as done, in the perfect: "said it has
 * agreed to buy EYP", "announced that it has signed a definitive agreement
 * to acquire EYP" (an agreement to do something is news of that thing), "said
 * they have arrested two men". None for anything else ("said it would buy",
 * "said it is considering").
 */
function reportedEvent(items: Item[], verb: number): number | undefined {
  const end = Math.min(items.length, verb + REPORTED_REACH);
  for (let k = verb + 1; k < end; k++) {
    const x = items[k] as Item;
    if (x.kind === 'word' && HAVE_FORMS.has(x.lower) && isVerb(items, k + 1)) {
      const done = k + 1;
      if (!AGREEING.has((items[done] as Item).lemma)) return negated(items, done) ? undefined : done;
      // "agreed to buy", "signed an agreement to acquire": the thing agreed on.
      for (let j = done + 1; j < Math.min(items.length, done + AGREED_REACH); j++) if (items[j]?.lower === 'to' && isVerb(items, j + 1)) return j + 1;
      return done;
    }
    // Only "that", the subject and its words come between the report and what it reports.
    if (x.kind === 'word' && (x.pos === 'VERB' || x.pos === 'AUX' || x.lower === 'if' || x.lower === 'whether')) return undefined;
  }
  return undefined;
}

/** Words after a speech verb within which its reported perfect is looked for. */
const REPORTED_REACH = 8;
/** Words after "agreed"/"signed" within which "to <verb>" says what was agreed. */
const AGREED_REACH = 6;
/** Verbs of agreeing whose news is what was agreed. */
const AGREEING = new Set(['agree', 'sign', 'reach', 'decide', 'vote']);

function governorAt(items: Item[], best: number): { predicate: string; thing?: string; spoken?: true } {
  const lemma = verbLemma(items, best);
  // "since the fatal police shooting of a boy Saturday night", "fatally shot him on Saturday": a deadly event is a
  // killing, when the word is the event itself ("The deadly fire broke out at 3 a.m." dates the outbreak).
  const killing = (eventNominal(items, best) && fatal(items, best)) || items[best - 1]?.lower === 'fatally';
  const out: { predicate: string; thing?: string; spoken?: true } = { predicate: killing ? 'kill' : eventAt(items, best).predicate };
  // (The verb itself one of saying, "announced on Monday", not one an announcement came by: "The announcement came Sunday".)
  if (SPEECH_LEMMAS.has(lemma)) out.spoken = true;
  // "Three shells hit the school at about 3pm": when a weapon hits, the moment is the attack's.
  const subject = items[best - 1];
  if (out.predicate === 'hit' && subject?.kind === 'word' && WEAPONS.has(thingFamily(singular(subject.lemma)))) out.predicate = 'attack';
  // "dropped four bombs on the camp on Thursday", "Four bombs were dropped at 3pm": bombs dropped are a bombing, the
  // attack's moment; the bombs are not what was attacked.
  if (lemma === 'drop' && droppedBombs(items, best)) return { predicate: 'attack' };
  // "Sudan bombed the camp on Thursday", "the school was shelled": a place bombed or shelled was attacked, as "the
  // bombing" is an attack (not "shelled out $5 million", "the film bombed", "he was shelled for six runs").
  if ((lemma === 'bomb' || lemma === 'shell') && bombedPlace(items, best)) return { predicate: 'attack' };
  // What the event happened to: its object ("sunk a fishing trawler", "foiled a five-boat pirate attack").
  // ("took place at 8.30pm": the noun of a verb phrase that names one event is part of the verb, no object.)
  const phrase = !lemma.includes('_') && lemma !== (items[best] as Item).lemma;
  const head = phrase ? undefined : objectHead(items, best + (lemma.includes('_') ? 2 : 1));
  // "Police made the arrest on Friday", "conducted a raid": a verb that only performs the event its object names is that event.
  const carriedOut = lemma === 'carry' && items[best + 1]?.lower === 'out' ? objectHead(items, best + 2) : undefined;
  const performedNoun = carriedOut ?? (head !== undefined && SUPPORT_VERBS.has(lemma) ? head : undefined);
  // (One event: "made the arrest", not "made 86 arrests", many events on many days.)
  const act = performedNoun !== undefined && singular(performedNoun.lower) === performedNoun.lower ? eventNounFamily(performedNoun.lower) : undefined;
  // (Acts only: "made an arrest", not "made a fire".)
  const performed = act !== undefined && PERFORMED_ACTS.has(act) ? act : undefined;
  if (performed !== undefined) return { predicate: performed };
  // ("shot 11 times on Saturday": how often is no object of the act.)
  if (head !== undefined && singular(head.lemma) !== 'time') out.thing = thingFamily(singular(head.lemma));
  return out;
}

/** Verbs that only put forward the offer or bid their object names ("made an offer", "submitted a bid", "extended an offer"). */
const OFFERING_VERBS = new Set(['make', 'submit', 'extend']);
/** Nouns of offers, and the verb each is. */
const OFFER_NOUNS = new Map([['offer', 'offer'], ['bid', 'bid'], ['counteroffer', 'offer']]);

/**
 * One offer told by its noun or by its verb: "made Tom Fry a $20 million
 * offer" is "offered Tom Fry $20 million"; and what is offered, "a deal
 * worth $20 million", is the offer, not a contract signed.
 */
function oneOffer(f: Fact): void {
  const verb = OFFER_NOUNS.get(f.thing ?? '');
  if (verb !== undefined && OFFERING_VERBS.has(f.predicate ?? '')) f.predicate = verb;
  if (f.predicate === 'offer' && f.thing === 'contract') f.thing = 'offer';
}

/** Events a support verb performs ("made an arrest", "carried out a raid"). */
const PERFORMED_ACTS = new Set(['arrest', 'attack', 'rescue', 'seize', 'evacuate', 'hijack']);

/** Verbs that perform the event their object names ("made an arrest", "conducted a raid"; "carried out" has its particle). */
const SUPPORT_VERBS = new Set(['make', 'conduct', 'mount']);

/** Things that strike as an attack does. */
const WEAPONS = new Set(['shell', 'rocket', 'missile', 'bomb', 'grenade', 'airstrike', 'strike', 'projectile', 'drone', 'bullet', 'round']);
/** Words before a passive "dropped" back to its subject ("Four bombs were reportedly dropped"). */
const DROPPED_SUBJECT_REACH = 3;

/** Whether the "drop" at `verb` drops weapons (WEAPONS): as its object ("dropped four bombs") or its passive subject ("bombs were dropped"). */
function droppedBombs(items: Item[], verb: number): boolean {
  const munition = (x: Item | undefined): boolean => x !== undefined && x.kind === 'word' && WEAPONS.has(thingFamily(singular(x.lemma)));
  if (munition(objectHead(items, verb + 1))) return true;
  const subject = passiveSubject(items, verb);
  return subject !== undefined && munition(items[subject]);
}

/** Places and buildings an attack is made on ("bombed the camp", "the school was shelled"). */
const TARGET_NOUNS = new Set([
  'camp', 'school', 'village', 'town', 'city', 'house', 'home', 'building', 'hospital', 'market', 'marketplace', 'mosque', 'church',
  'base', 'compound', 'area', 'district', 'neighborhood', 'neighbourhood', 'region', 'port', 'airport', 'bridge', 'convoy', 'position',
  'target', 'refinery', 'factory', 'station', 'embassy', 'headquarters', 'capital', 'border', 'outskirts', 'stronghold',
]);

/** Whether the "bomb" or "shell" at `verb` is done to a place: its object, or its passive subject, names one. */
function bombedPlace(items: Item[], verb: number): boolean {
  // (A name is a place by its type or by its last word: "the Yida Refugee Camp".)
  const target = (x: Item | undefined): boolean =>
    x !== undefined && ((x.kind === 'word' && TARGET_NOUNS.has(singular(x.lemma))) || (x.kind === 'name' && (x.name?.type === 'place' || TARGET_NOUNS.has(x.lower.split(' ').pop() ?? ''))));
  // ("shelled out $5 million": a particle makes another verb.)
  if (items[verb + 1]?.lower === 'out') return false;
  if (target(objectHead(items, verb + 1)) || (items[verb + 1]?.kind === 'name' && target(items[verb + 1]))) return true;
  const subject = passiveSubject(items, verb);
  return subject !== undefined && target(items[subject]);
}

/**
 * The head of the subject of a passive verb ("Four bombs were reportedly
 * dropped", "the camp was bombed"): the noun or name right before its
 * auxiliaries, when it heads the subject, not a phrase after a preposition
 * ("charges against the pilots over the four bombs were dropped" are charges).
 */
function passiveSubject(items: Item[], verb: number): number | undefined {
  let k = verb - 1;
  while (k >= 0 && verb - k <= DROPPED_SUBJECT_REACH && items[k]?.kind === 'word' && (items[k]?.pos === 'AUX' || items[k]?.pos === 'ADV')) k--;
  if (k >= verb - 1 || k < 0) return undefined;
  // (A possessive's mark is in the phrase too: "South Sudan's Unity state".)
  const inPhrase = (x: Item | undefined): boolean => x !== undefined && (x.kind === 'number' || x.kind === 'name' || ['DET', 'ADJ', 'NOUN', 'NUM', 'PROPN'].includes(x.pos) || /^['’]s?$/.test(x.text));
  // Back over the noun phrase to its start, and over a phrase of a preposition that follows the subject's head ("the
  // Yida camp in South Sudan was bombed", "charges against the pilots over the bombs were dropped") to that head.
  for (let hops = 0; hops <= PHRASE_HOPS; hops++) {
    let start = k;
    while (start > 0 && inPhrase(items[start - 1])) start--;
    if (items[start - 1]?.pos !== 'ADP') return k;
    if (!inPhrase(items[start - 2])) return undefined;
    k = start - 2;
  }
  return undefined;
}

/** Phrases of prepositions followed back from a passive verb to its subject's head. */
const PHRASE_HOPS = 3;

/** The head noun of the noun phrase starting at k: determiners, figures, hyphens and modifiers skipped. */
function objectHead(items: Item[], k: number): Item | undefined {
  let head: Item | undefined;
  // "the attack came on the school": what an attack came on is what it happened to.
  if (items[k]?.lower === 'on' || items[k]?.lower === 'against') k++;
  // "hit Fakhura, a girls elementary school": a name is told by the noun of its apposition (past a bracketed aside:
  // "acquire EYP (eypmcf.com), a consulting company").
  if (items[k]?.kind === 'name') {
    let after = k + 1;
    if (items[after]?.text === '(') while (after < items.length && items[after]?.text !== ')') after++;
    if (items[after]?.text === ')') after++;
    if (items[after]?.text === ',' && /^(?:a|an|the)$/.test(items[after + 1]?.lower ?? '')) k = after + 1;
  }
  for (let j = k; j < items.length; j++) {
    const it = items[j] as Item;
    if (it.kind === 'number' || (it.kind === 'punct' && (it.text === '-' || it.text === '–'))) continue;
    if (it.kind !== 'word') break;
    if (it.pos === 'DET' || it.pos === 'ADJ' || it.pos === 'NUM') continue;
    if (it.pos === 'NOUN') {
      head = it;
      continue;
    }
    break;
  }
  return head;
}

/** A person as the subject of the clause a moment dates: a name, or "he"/"she" standing for the last person named. */
function momentSubject(s: SentenceItems, clause: [number, number], i: number): string | undefined {
  const { items } = s;
  for (let k = ownActStart(items, clause[0], i); k < clause[1]; k++) {
    const it = items[k] as Item;
    if (k !== i && isVerb(items, k)) break;
    if (it.kind === 'name' && it.name?.type === 'person') return it.lower;
    if (it.kind === 'word' && (it.lower === 'he' || it.lower === 'she') && it.pos === 'PRON') return s.personBefore?.(it.start);
  }
  return undefined;
}

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Opening quotation marks, before a title. */
const OPENING_QUOTES = new Set(['"', '“', "'", '‘']);
/** Nouns of works a year before the name dates: "the 1999 movie American Pie", "her 2005 album Taradise". */
const WORK_NOUNS = new Set(['movie', 'film', 'album', 'song', 'single', 'book', 'novel', 'show', 'series', 'sitcom', 'play', 'musical', 'hit', 'comedy', 'drama', 'thriller', 'documentary', 'memoir', 'opera', 'record', 'video']);
/** Words between a year and the name it dates that say what the name is ("movie", "reality show"). */
const MAX_KIND_WORDS = 3;

/**
 * The year of a named work or event, written before its name: "1999's
 * "American Pie"", "the 1999 movie American Pie", "the 2005 reality show
 * Taradise". A year before a verb, a preposition or a noun that names
 * nothing after it ("the 1967 killings of two women") dates no name.
 */
function yearOfWork(s: SentenceItems, i: number): Fact | undefined {
  const { items } = s;
  const d = (items[i] as Item).date;
  if (d === undefined || d.precision !== 'year' || d.iso === undefined) return undefined;
  let k = i + 1;
  const possessive = /^['’]s?$/.test(items[k]?.text ?? '');
  if (possessive) k++;
  else {
    const from = k;
    while (k - from < MAX_KIND_WORDS && items[k]?.kind === 'word' && (items[k]?.pos === 'NOUN' || items[k]?.pos === 'ADJ')) k++;
    // Only a work is dated so ("the 1999 movie American Pie"): "the 2014 World Cup final" recurs, "2008 Boston" is a place.
    if (k === from || !WORK_NOUNS.has(singular((items[k - 1] as Item).lower))) return undefined;
  }
  const quoted = items[k]?.kind === 'punct' && OPENING_QUOTES.has(items[k]?.text ?? '');
  while (items[k]?.kind === 'punct' && OPENING_QUOTES.has(items[k]?.text ?? '')) k++;
  // "1999's "American Pie"": after a possessive only a quoted title is a work ("2014's World Cup final" is an event that recurs).
  if (possessive && !quoted) return undefined;
  const name = items[k];
  if (name?.kind !== 'name' || name.name?.type === 'place') return undefined;
  // "American Pie 2": a sequel's number the name leaves out makes another work.
  if (items[k + 1]?.kind === 'number') return undefined;
  const year = d.iso.slice(0, 4);
  const f = base(s, i, 'year', { text: year, key: year }, clauseOf(items, i));
  f.holder = name.lower;
  return f;
}

/** Words before a year or a month that make it a bound of a stretch, not the moment of an event ("since 2005", "by June 2014"). */
const PERIOD_BOUNDS = new Set(['since', 'until', 'till', 'through', 'by', 'before', 'after', 'from', 'between', 'to', 'than', 'of']);

/**
 * What a year or a month an event is dated by is compared by ("retired in
 * 1993" → "y1993", "goes on sale in June 2013" → "m2013-06"): a year
 * written out ("in 1993", or "last year", told from the day of
 * publication), or a month with its year; never one that bounds a stretch
 * ("since 2005"), nor "this year", a running total's stretch.
 */
function periodKey(items: Item[], i: number): string | undefined {
  const d = (items[i] as Item).date;
  if (d?.iso === undefined) return undefined;
  const text = d.text.toLowerCase();
  if (!/^(?:in\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?\d{4}$/.test(text) && text !== 'last year') return undefined;
  if (PERIOD_BOUNDS.has(items[i - 1]?.lower ?? '')) return undefined;
  return periodKeyOf(d.precision === 'year' ? 'year' : 'month', d.iso);
}

/**
 * What two days are compared by: the ISO date when it was resolved to the
 * day; else the month and day as written ("November 18" → "11-18"); else
 * the weekday name. Relative words ("yesterday") without a publication date
 * compare nothing.
 */
function dayKey(text: string, iso: string | undefined, precision: string | undefined): string | undefined {
  // A resolved day compares by month and day: outlets of one story rarely disagree on the year, and an unresolved "November 18" has none.
  if (iso !== undefined && precision === 'day') return `--${iso.slice(5)}`;
  const lower = text.toLowerCase();
  const md = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b/.exec(lower) ?? /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/.exec(lower);
  if (md !== null) {
    const [a, b] = [md[1] as string, md[2] as string];
    const month = MONTH_NAMES.indexOf(/\d/.test(a) ? b : a) + 1;
    const day = Number(/\d/.test(a) ? a : b);
    return `--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  const wd = WEEKDAY_NAMES.find((w) => lower.includes(w));
  if (wd !== undefined && !/\b(?:last|next|this)\b/.test(lower)) return wd;
  return undefined;
}

// ------------------------------------------------------------ names: ranks and homes

function nameFacts(s: SentenceItems, i: number): Fact[] {
  const { items } = s;
  const it = items[i] as Item;
  const clause = clauseOf(items, i);
  // "the Betty Ford Center in Rancho Mirage": where a named facility is.
  const site = siteAfter(items, i);
  if (site !== undefined) {
    const f = base(s, site, 'home', { text: (items[site] as Item).text, key: (items[site] as Item).lower }, clause);
    f.holder = it.lower;
    f.role = 'site';
    return [f];
  }
  // An article types a name from its own few cues; a rank before it or ", 36, of" after it says person enough.
  if (it.name?.type === 'place' || it.name?.type === 'organization') return [];
  const out: Fact[] = [];
  // "navy spokesman Commander Nirad Sinha", "Commodore Nirad Sinha": the rank written before the name.
  const rank = rankBefore(items, i);
  if (rank !== undefined) {
    const f = base(s, rank.at, 'rank', { text: rank.text, key: rank.key }, clause);
    f.holder = it.lower;
    f.valueStart = (items[rank.at] as Item).start;
    f.valueEnd = (items[i - 1] as Item).end;
    out.push(f);
  }
  // Inside the name itself: entity spans may keep a leading rank ("Commander Nirad Sinha").
  const inner = /^(\S+)\s+\S/.exec(it.text);
  if (rank === undefined && inner !== null && RANKS.has((inner[1] as string).toLowerCase().replace(/\.$/, ''))) {
    const word = (inner[1] as string).replace(/\.$/, '');
    const f = base(s, i, 'rank', { text: word, key: RANKS.get(word.toLowerCase()) as string }, clause);
    f.holder = it.lower.split(' ').slice(1).join(' ');
    f.valueEnd = it.start + (inner[1] as string).length;
    out.push(f);
  }
  // "agent Scott Boras", "Teixeira's agent, Scott Boras,", "Peter Gross, chief executive officer of EYP": a role.
  const role = roleBefore(items, i) ?? roleAfter(items, i) ?? roleByCopula(items, i);
  if (role !== undefined) {
    const f = base(s, role.at, 'role', { text: role.text, key: role.key }, clause);
    f.holder = it.lower;
    if (changingRoles(items)) f.qualifiers = ['changing'];
    out.push(f);
  } else if (inner !== null && ROLES.has((inner[1] as string).toLowerCase()) && rank === undefined) {
    // Inside the name itself: "COO Larry Lucchino", "GM Tony Reagins" (a name-finder keeps capitals together).
    const word = inner[1] as string;
    const f = base(s, i, 'role', { text: word, key: ROLES.get(word.toLowerCase()) as string }, clause);
    f.holder = it.lower.split(' ').slice(1).join(' ');
    if (changingRoles(items)) f.qualifiers = ['changing'];
    f.valueEnd = it.start + word.length;
    out.push(f);
  }
  // "Anthony LaSalle, 36, of Minneapolis", "Raj Chohan, who lived in South Ozone Park".
  const home = homeAfter(items, i);
  if (home !== undefined) {
    const f = base(s, home, 'home', { text: (items[home] as Item).text, key: (items[home] as Item).lower }, clause);
    f.holder = it.lower;
    out.push(f);
  }
  return out;
}

function rankBefore(items: Item[], i: number): { at: number; text: string; key: string } | undefined {
  let k = i - 1;
  const prev = items[k];
  if (prev === undefined || prev.kind !== 'word') return undefined;
  const word = prev.lower.replace(/\.$/, '');
  const key = RANKS.get(word);
  if (key === undefined) return undefined;
  let at = k;
  // "Vice Admiral", "Lieutenant Colonel".
  while (at > 0 && RANK_PREFIXES.has((items[at - 1] as Item).lower.replace(/\.$/, ''))) at--;
  const text = items
    .slice(at, i)
    .map((x) => x.text)
    .join(' ');
  const full = items
    .slice(at, i)
    .map((x) => x.lower.replace(/\.$/, ''))
    .map((w) => RANKS.get(w) ?? w)
    .join(' ');
  k = at;
  return { at: k, text, key: full };
}

/**
 * The role (ROLES) that the n plain words from item `from` spell, with the
 * role it is under ("assistant"). A one-word role tagged as a verb is the
 * verb ("each week they host Ann Lee"); "running back" is two words.
 */
function roleOfWords(items: Item[], from: number, n: number): { at: number; text: string; key: string } | undefined {
  if (from < 0) return undefined;
  const words = items.slice(from, from + n);
  if (words.length < n || words.some((x) => x.kind !== 'word' && x.text !== '-') || (n === 1 && words[0]?.pos === 'VERB')) return undefined;
  const key = ROLES.get(words.map((x) => x.lower).join(' '));
  return key === undefined ? undefined : subordinate(items, { at: from, text: words.map((x) => x.text).join(' '), key });
}

/** A role of one to three words that ends at item `end` (inclusive), with its first item; not a cleric's honorific. */
function roleEndingAt(items: Item[], end: number): { at: number; text: string; key: string } | undefined {
  for (let n = ROLE_WORDS; n >= 1; n--) {
    const role = roleOfWords(items, end - n + 1, n);
    if (role !== undefined && !honorific(items, end - n + 1, items.slice(end - n + 1, end + 1))) return titled(items, role);
  }
  return undefined;
}

/**
 * A role written as a title keeps the capitalised words of the title before
 * it in its wording ("Defence Minister Sergei Shoigu", "Police Commissioner
 * Raymond Kelly"): "minister" alone says less than the reports do. The role
 * itself (its key) is unchanged.
 */
function titled(items: Item[], role: { at: number; text: string; key: string }): { at: number; text: string; key: string } {
  if (!/^\p{Lu}/u.test(role.text)) return role;
  let at = role.at;
  while (at > 0 && at > role.at - TITLE_WORDS) {
    const x = items[at - 1] as Item;
    if (x.kind !== 'word' || !/^\p{Lu}\p{Ll}/u.test(x.text) || (x.pos !== 'NOUN' && x.pos !== 'ADJ' && x.pos !== 'PROPN')) break;
    at--;
  }
  if (at === role.at) return role;
  return { ...role, text: `${items.slice(at, role.at).map((x) => x.text).join(' ')} ${role.text}` };
}

/** Capitalised words of a title before its role, at most ("Russian Defence Minister"). */
const TITLE_WORDS = 2;

/** A role of one to three words that starts at item `start`, with its last item. */
function roleStartingAt(items: Item[], start: number): { end: number; text: string; key: string } | undefined {
  for (let n = ROLE_WORDS; n >= 1; n--) {
    const role = roleOfWords(items, start, n);
    if (role !== undefined) return { end: start + n - 1, text: role.text, key: role.key };
  }
  return undefined;
}

/**
 * "Father Tom Fry", "Sister Ann Lee": a capitalised word of kin right
 * before a name, owned by no one, is a cleric's honorific, not a tie of kin.
 */
function honorific(items: Item[], at: number, words: Item[]): boolean {
  if (words.length !== 1 || !KIN_HONORIFICS.has((words[0] as Item).lower) || !/^\p{Lu}/u.test((words[0] as Item).text)) return false;
  const prev = items[at - 1];
  return !(prev !== undefined && (/^['’]s?$/.test(prev.text) || /^(?:his|her|their|its|my|our|your)$/.test(prev.lower)));
}

/** Words of kin that are also clerics' titles. */
const KIN_HONORIFICS = new Set(['father', 'sister', 'brother', 'mother']);

/** "assistant general manager", "deputy mayor": the role under the one named, another role. */
function subordinate(items: Item[], role: { at: number; text: string; key: string }): { at: number; text: string; key: string } {
  const prev = items[role.at - 1];
  if (prev === undefined || !SUBORDINATE_ROLE.has(prev.lower)) return role;
  return { at: role.at - 1, text: `${prev.text} ${role.text}`, key: `${prev.lower} ${role.key}` };
}

/** Words that make a role the one under it ("assistant coach" is not the coach). */
const SUBORDINATE_ROLE = new Set(['assistant', 'deputy', 'associate', 'under', 'vice', 'acting', 'interim']);

/**
 * Whether the sentence tells of a role changing hands ("promoted COO Ann
 * Lee", "named Ann Lee chief executive", "will succeed"): its titles are of
 * two moments, and dispute nothing.
 */
function changingRoles(items: Item[]): boolean {
  return items.some((x) => x.kind === 'word' && x.pos === 'VERB' && ROLE_CHANGES.has(x.lemma));
}

/** Verbs of a role changing hands. */
const ROLE_CHANGES = new Set(['promote', 'appoint', 'name', 'succeed', 'replace', 'resign', 'retire', 'hire', 'fire', 'elect', 'nominate', 'demote', 'step', 'become', 'oust']);

/** Longest role in words ("chief executive officer"). */
const ROLE_WORDS = 3;

/**
 * The role written right before a person's name: "agent Scott Boras", "CB
 * Michael Lehan", "his sister Mahnefah Gray", and set off by a comma after a
 * possessive, "Teixeira's agent, Scott Boras,". Not "free agent Mark
 * Teixeira" (a status, not an agent).
 */
function roleBefore(items: Item[], i: number): { at: number; text: string; key: string } | undefined {
  let end = i - 1;
  if (items[end]?.text === ',') {
    end--;
    const role = roleEndingAt(items, end);
    // (Past a word or two that say which role: "the show's executive producer, Steven Moffat,".)
    let b = role === undefined ? -1 : role.at - 1;
    while (b >= 0 && role !== undefined && role.at - b <= ROLE_MODIFIERS && plainModifier(items[b])) b--;
    const before = items[b];
    const owned = role !== undefined && before !== undefined && (/^['’]s?$/.test(before.text) || /^(?:his|her|their|its)$/.test(before.lower));
    // An apposition closes after the name ("Teixeira's agent, Scott Boras, entered", "according to her publicist, Jack
    // Ketsoyan."); "Flanked by his attorney, Tom Fry pleaded" opens with a phrase whose person is another.
    const closed = /^[,.;)]$/.test(items[i + 1]?.text ?? '.');
    if (owned && closed && role !== undefined && !pastRole(items, role.at)) return role;
    return frontedRole(items, i);
  }
  const role = roleEndingAt(items, end);
  if (role === undefined || items[role.at - 1]?.lower === 'free' || pastRole(items, role.at)) return undefined;
  return role;
}

/**
 * A role that opens the sentence as an apposition to the name after its
 * comma: "Director at security company Acme, Ann Lee said …", "The chief
 * executive of Acme, Tom Fry, told …". Only the role and what it is of
 * (a preposition and plain words or names) may stand before the comma:
 * "Flanked by his attorney, Tom Fry pleaded …" opens with another phrase.
 */
function frontedRole(items: Item[], i: number): { at: number; text: string; key: string } | undefined {
  const comma = i - 1;
  let start = 0;
  if (items[start]?.kind === 'word' && items[start]?.pos === 'DET') start++;
  // "The show's executive producer, Steven Moffat, said": an owner and a word or two that say which role.
  const owned = pastOwner(items, start, comma);
  if (owned !== start) {
    const owner = owned - 1;
    start = owned;
    while (start < comma && roleStartingAt(items, start) === undefined && plainModifier(items[start]) && start - owner <= ROLE_MODIFIERS) start++;
  }
  const role = roleStartingAt(items, start);
  if (role === undefined || role.end >= comma || pastRole(items, start)) return undefined;
  if (role.end + 1 < comma) {
    if (!FRONTED_ROLE_PREPOSITIONS.has(items[role.end + 1]?.lower ?? '')) return undefined;
    const plain = items.slice(role.end + 2, comma).every((x) => x.kind === 'name' || (x.kind === 'word' && (x.pos === 'NOUN' || x.pos === 'ADJ' || x.pos === 'PROPN' || x.pos === 'DET')));
    if (!plain) return undefined;
  }
  // The name is the subject of what follows: its verb, or a closing comma ("…, Tom Fry, told"); not of a parenthetical
  // attribution ("The coach, Tom Fry said, was fired" is Fry's word about someone).
  const next = items[i + 1];
  if (next === undefined || !(next.text === ',' || (next.kind === 'word' && (next.pos === 'VERB' || next.pos === 'AUX')))) return undefined;
  if (next.kind === 'word' && SPEECH_LEMMAS.has(next.lemma) && items[i + 2]?.text === ',') return undefined;
  return titled(items, { at: start, text: role.text, key: role.key });
}

/** Where a role may start after an owner that opens at k ("the show's", "the Hawks'", "Acme's"), before `end`; k when none does. */
function pastOwner(items: Item[], k: number, end: number): number {
  let owner = k;
  while (owner < end && (items[owner]?.kind === 'name' || (items[owner]?.kind === 'word' && (items[owner]?.pos === 'NOUN' || items[owner]?.pos === 'PROPN')))) owner++;
  return owner > k && /^['’]s?$/.test(items[owner]?.text ?? '') ? owner + 1 : k;
}

/** Plain words between an owner and a role that say which role ("the show's executive producer"). */
const ROLE_MODIFIERS = 2;

/** What a fronted role may be of: "Director at Acme", "chief executive of Acme", "an analyst with Acme". */
const FRONTED_ROLE_PREPOSITIONS = new Set(['at', 'of', 'with', 'for']);

/** Whether a role starting at `at` is one held before ("former CEO", "ex - coach", "former basketball coach"). */
function pastRole(items: Item[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - PAST_ROLE_REACH); k--) {
    const x = items[k] as Item;
    if (PAST_ROLE.has(x.lower)) return true;
    // Past the words that qualify the role ("basketball", "NBA", "head"), not past the phrase.
    if (!(x.text === '-' || x.kind === 'name' || (x.kind === 'word' && (x.pos === 'NOUN' || x.pos === 'ADJ' || x.pos === 'PROPN')))) return false;
  }
  return false;
}

/** Words back from a role within which "former" makes it a past one. */
const PAST_ROLE_REACH = 3;

/**
 * The role in an apposition after a person's name: "Peter Gross, chief
 * executive officer of EYP MCF,", "Ford, now an assistant coach with the
 * Bobcats,", "Mahnefah Gray, sister of the teen", "Mark Guibert, vice
 * president, corporate marketing": the role within a few words of the comma,
 * ending the apposition or followed by what it is of.
 */
function roleAfter(items: Item[], i: number): { at: number; text: string; key: string } | undefined {
  if (items[i + 1]?.text !== ',') return undefined;
  for (let k = i + 2; k < Math.min(items.length, i + 2 + ROLE_APPOSITION_REACH); k++) {
    const role = roleStartingAt(items, k);
    if (role !== undefined) {
      if (items.slice(i + 2, k).some((x) => PAST_ROLE.has(x.lower))) return undefined;
      const next = items[role.end + 1];
      if (next === undefined || /^(?:,|\.|of|for|with|at|in|to|and)$/.test(next.lower)) return { at: k, text: role.text, key: role.key };
      return undefined;
    }
    const x = items[k] as Item;
    const modifier = x.kind === 'name' || /^['’]s$/.test(x.text) || (x.kind === 'word' && (x.pos === 'DET' || x.pos === 'ADJ' || x.pos === 'PROPN' || x.pos === 'NOUN' || /^(?:now|also|currently|formerly|then)$/.test(x.lower)));
    // "Paul Fry, security and forensic analyst at Acme": "and" between two plain words of the role's description
    // (not between names: "Ann Lee, Tom Fry and coach Bob Gray" lists three people).
    if (!modifier && !(x.lower === 'and' && plainModifier(items[k - 1]) && plainModifier(items[k + 1]))) return undefined;
  }
  return undefined;
}

/** A lower-case noun or adjective: a word that may describe a role. */
function plainModifier(x: Item | undefined): boolean {
  return x !== undefined && x.kind === 'word' && (x.pos === 'NOUN' || x.pos === 'ADJ') && !/^\p{Lu}/u.test(x.text);
}

/**
 * The role a form of "be" gives the name, as the subject of its clause or
 * of a relative clause after it: "Tom Fry is the Hawks' general manager",
 * "Ann Lee, who is the chief executive of Acme, said". The role closes its
 * phrase or is followed by what it is of; a role held before or to come
 * ("is the former coach", "was the coach", "will be coach") is none, and
 * so is one the sentence does not assert ("denied that Tom Fry is …").
 */
function roleByCopula(items: Item[], i: number): { at: number; text: string; key: string } | undefined {
  const relative = items[i + 1]?.text === ',' && items[i + 2]?.lower === 'who';
  // (The name opens its clause: not "the wife of Tom Fry is the mayor", "the man who shot Tom Fry is the son of …".)
  const prev = items[i - 1];
  if (!(prev === undefined || /^[,;:]$/.test(prev.text) || (prev.kind === 'word' && (prev.pos === 'CCONJ' || prev.pos === 'SCONJ')))) return undefined;
  if (/^['’]s?$/.test(items[i + 1]?.text ?? '')) return undefined;
  // (Only what the sentence asserts: not "Police denied that Tom Fry is the owner", "If Ann Lee is the driver, …".)
  if (items.slice(0, i).some((x) => x.kind === 'word' && (UNASSERTING.has(x.lower) || UNASSERTING.has(x.lemma)))) return undefined;
  let k = relative ? i + 3 : i + 1;
  if (!COPULA_FORMS.has(items[k]?.lower ?? '')) return undefined;
  k++;
  if (items[k]?.kind === 'word' && items[k]?.pos === 'DET') k++;
  // An owner ("the Hawks' general manager", "Acme's chief executive").
  k = pastOwner(items, k, items.length);
  for (let steps = 0; steps <= ROLE_MODIFIERS; steps++, k++) {
    const role = roleStartingAt(items, k);
    if (role !== undefined) {
      if (pastRole(items, k)) return undefined;
      const next = items[role.end + 1];
      return next === undefined || /^(?:,|\.|of|for|with|at|in|and)$/.test(next.lower) ? { at: k, text: role.text, key: role.key } : undefined;
    }
    if (!plainModifier(items[k])) return undefined;
  }
  return undefined;
}

/** Forms of "be" that give a role held now ("Tom Fry was the chief executive until 2010" may be a role given up). */
const COPULA_FORMS = new Set(['is', "'s", 'are']);
/** Words before a clause that keep it from asserting what it says: a condition, a question, a denial. */
const UNASSERTING = new Set(['if', 'whether', 'unless', 'deny', 'not', "n't", 'never', 'ask']);

/** Words after a name's comma within which its apposition's role stands ("now an assistant coach"). */
const ROLE_APPOSITION_REACH = 5;

/** Last words of the names of places people are kept, treated or gathered in: a facility stays where it is. */
const FACILITY_HEADS = new Set(['center', 'centre', 'clinic', 'hospital', 'school', 'university', 'college', 'prison', 'jail', 'penitentiary', 'facility', 'recovery', 'stadium', 'arena', 'hotel', 'airport', 'plant', 'factory', 'museum', 'courthouse']);

/**
 * Index of the place in "<facility> in <Place>" ("the Betty Ford Center in
 * Rancho Mirage, Calif.", "Morningside Recovery in Newport Beach"): a
 * name whose last word heads a facility, "in", and a name that is no
 * person's and not run on into another name.
 */
function siteAfter(items: Item[], i: number): number | undefined {
  const it = items[i] as Item;
  // (The head word says facility whatever a few cues typed the name: "Morningside Recovery" reads like a person's name.)
  const words = it.lower.split(' ');
  if (words.length < 2 || !FACILITY_HEADS.has(words[words.length - 1] ?? '')) return undefined;
  // Only a name typed a place ("in Intensive Care", "in Room 404" are parts of the facility).
  const place = items[i + 2];
  if (items[i + 1]?.lower !== 'in' || place?.kind !== 'name' || place.name?.type !== 'place' || /\d/.test(place.text)) return undefined;
  return items[i + 3]?.kind === 'name' || items[i + 3]?.kind === 'number' ? undefined : i + 2;
}

/** Index of the place item after "X, of Place" / "X, 36, of Place" / "X, who lived in Place". */
function homeAfter(items: Item[], i: number): number | undefined {
  let k = i + 1;
  if (items[k]?.text !== ',') return undefined;
  k++;
  const aged = items[k]?.kind === 'number' && items[k + 1]?.text === ',';
  if (aged) k += 2;
  // "of College Point": a place, whatever its words made it ("College" heads organisations too); after an age
  // (", 59, of") even a name shaped like a person's is where the person lives.
  if (items[k]?.lower === 'of' && items[k + 1]?.kind === 'name' && (aged || items[k + 1]?.name?.type !== 'person')) {
    const after = items[k + 2];
    if (after === undefined || after.text === ',' || after.text === '.' || after.lower === 'was' || after.lower === 'is' || after.lower === 'and') return k + 1;
    return undefined;
  }
  if (items[k]?.lower === 'who' && /^(?:lived|lives|resided|resides)$/.test(items[k + 1]?.lower ?? '')) {
    for (let j = k + 2; j < Math.min(items.length, k + 8); j++) {
      const x = items[j] as Item;
      if (x.kind === 'name' && x.name?.type !== 'person') return items[j - 1]?.lower === 'in' ? j : undefined;
    }
  }
  return undefined;
}

// ------------------------------------------------------------ words: colours, telephone numbers

/** The word that makes the figure before it a gun's bore: ".38-caliber", ". 357 calibre". */
const CALIBRE_WORDS = new Set(['caliber', 'calibre']);

/** The figure written before "caliber" (".38-", ". 357", "38 -"), as its digits; undefined when there is none. */
function calibreBefore(items: Item[], i: number): { at: number; digits: string } | undefined {
  let k = i - 1;
  while (k >= 0 && /^[-–]$/.test((items[k] as Item).text)) k--;
  const m = /^\.?(\d{2,3})$/.exec(items[k]?.text ?? '');
  return m === null ? undefined : { at: k, digits: m[1] as string };
}

/**
 * A gun's calibre ("a loaded .38-caliber revolver", "a . 357 caliber
 * revolver"): of the weapon named after it, whatever the clause's verb
 * (found, pointed, carried), as one weapon has one bore.
 */
function calibreFacts(s: SentenceItems, i: number): Fact[] {
  const { items } = s;
  const figure = calibreBefore(items, i);
  if (figure === undefined) return [];
  // Written as news writes it without the leading point ("a 38-caliber revolver"), in the report's spelling.
  const clause = clauseOf(items, i);
  const f = base(s, figure.at, 'calibre', { text: `${figure.digits}-${(items[i] as Item).lower}`, key: figure.digits }, clause);
  const weapon = items[i + 1];
  f.thing = weapon?.kind === 'word' && weapon.pos === 'NOUN' ? thingFamily(singular(weapon.lemma)) : 'weapon';
  delete f.participants;
  // Whose weapon, when the clause opens with a name: two shooters' revolvers are two slots.
  const holder = leadingName(items, clause);
  if (holder !== undefined) f.holder = holder;
  return [f];
}

/** Set phrases whose colour word names no colour: "the red carpet" of a premiere, "a black market", "a grey area" (by the colour's key: "grey" is "gray"). */
const COLOUR_IDIOMS = new Set([
  'red carpet', 'red tape', 'red flag', 'red card', 'yellow card', 'green card', 'green light', 'red light', 'black market', 'black hole',
  'black box', 'gray area', 'blue chip', 'white paper', 'black belt', 'red zone', 'white knight', 'black sheep', 'white lie', 'gray matter',
  'red line',
]);

function wordFacts(s: SentenceItems, i: number): Fact[] {
  const { items } = s;
  const it = items[i] as Item;
  if (CALIBRE_WORDS.has(it.lower)) return calibreFacts(s, i);
  const place = ORDINAL_WORDS.indexOf(it.lower);
  if (place > 0) return ordinalFacts(s, i, place);
  if (CONDITIONS.has(it.lower) && items[i + 1]?.lower === 'condition') return conditionFacts(s, i);
  const colour = COLOURS[it.lower];
  // "a silver Toyota Camry" (tagged a noun before a name) as well as "a gray car".
  if (colour === undefined || !(it.pos === 'ADJ' || ((it.pos === 'NOUN' || it.pos === 'PROPN') && /^\p{Ll}/u.test(it.text)))) return [];
  // "an ice cream shop", "a fire engine red": right after a noun, the word is the second half of a compound, no colour.
  const before = items[i - 1];
  if (before?.kind === 'word' && before.pos === 'NOUN') return [];
  // "a gray 2013 Toyota Camry", "a silver Toyota Camry": the colour of the named thing (or the noun) after it.
  let k = i + 1;
  while (items[k]?.kind === 'number' || (items[k]?.kind === 'word' && items[k]?.pos === 'ADJ')) k++;
  const thing = items[k];
  if (thing === undefined) return [];
  let holder: string | undefined;
  // A name right after a colour is a thing with that colour ("a silver Toyota Camry"), whatever its shape made it.
  if (thing.kind === 'name' && thing.name?.type !== 'place') holder = thing.lower;
  else if (thing.kind === 'word' && thing.pos === 'NOUN' && !TITLES.has(thing.lower) && !COLOUR_IDIOMS.has(`${colour} ${singular(thing.lemma)}`)) holder = `the ${singular(thing.lemma)}`;
  if (holder === undefined) return [];
  const clause = clauseOf(items, i);
  const f = base(s, i, 'colour', { text: it.text, key: colour }, clause);
  f.holder = holder;
  return [f];
}

/**
 * Whether the figure at `i` is part of a model's or an edition's name: it comes right after a name ("BlackBerry 10",
 * "Windows 8") and a singular noun follows it ("platform", "tablet"), which no figure above one counts.
 */
function modelNumber(items: Item[], i: number): boolean {
  const n = (items[i] as Item).number as NumberMention;
  const name = items[i - 1];
  const next = items[i + 1];
  if (name?.kind !== 'name' || n.value <= 1 || !Number.isInteger(n.value) || next?.kind !== 'word' || next.pos !== 'NOUN') return false;
  // ("In Baghdad 120 people were killed": people are counted, whatever their plural looks like.)
  if (ANIMATE.has(thingFamily(singular(next.lemma)))) return false;
  return next.lower === next.lemma.toLowerCase() && !/s$/.test(next.lower);
}

/** Hospital conditions, as hospitals and police report them. */
const CONDITIONS = new Set(['critical', 'serious', 'stable', 'fair', 'good', 'grave', 'satisfactory']);

/**
 * "Bryant Dalton, 39, … is hospitalized in critical condition", "He was
 * later listed in stable condition": a person's condition, when the
 * sentence opens with that person as the subject of the clause the
 * condition ends. Conditions of several people in one sentence ("one in
 * critical condition, two in stable condition") are nobody's, and a mixed
 * or denied one ("critical but stable", "not in critical condition") is
 * none.
 */
function conditionFacts(s: SentenceItems, i: number): Fact[] {
  const { items } = s;
  if (items.filter((x, k) => x.kind === 'word' && CONDITIONS.has(x.lower) && items[k + 1]?.lower === 'condition').length > 1) return [];
  if (CONDITION_BREAKERS.has(items[i - 1]?.lower ?? '')) return [];
  const holder = conditionHolder(s, i);
  if (holder === undefined) return [];
  const it = items[i] as Item;
  const f = base(s, i, 'condition', { text: `${it.text} condition`, key: it.lower }, clauseOf(items, i));
  f.valueEnd = (items[i + 1] as Item).end;
  f.holder = holder;
  return [f];
}

/** Words right before a condition that mix or deny it. */
const CONDITION_BREAKERS = new Set(['but', 'and', 'not', 'no', 'or']);

/**
 * Whose condition: the person's name (or the "he"/"she") that opens the
 * sentence, when nothing between it and the condition can be a subject of
 * its own — no possessive ("Ann Lee's husband"), no speech verb ("He said
 * the driver was …"), no other name (a place aside) or pronoun ("…, and his
 * passenger was …"), no relative or "that" clause.
 */
function conditionHolder(s: SentenceItems, i: number): string | undefined {
  const { items } = s;
  const opening = conditionSubject(s);
  if (opening === undefined) return undefined;
  for (let k = opening.after; k < i; k++) {
    const x = items[k] as Item;
    // (A name after a preposition is where or by whom, no subject: "taken to Mercy Hospital and listed in …".)
    const governed = items[k - 1]?.kind === 'word' && items[k - 1]?.pos === 'ADP';
    if ((x.kind === 'name' && !governed && x.name?.type !== 'place') || /^['’]s$/.test(x.text) || x.text === ',' || x.text === ';') return undefined;
    if (x.kind === 'word' && (x.pos === 'PRON' || SAYS.has(x.lower) || SUBJECT_OPENERS.has(x.lower))) return undefined;
    // "… but the other driver was listed in …", "… and a passenger was …": a conjunction before a new subject.
    const next = items[k + 1];
    if (x.kind === 'word' && CLAUSE_JOINERS.has(x.lower) && next !== undefined && (next.kind === 'name' || next.pos === 'DET' || next.pos === 'NOUN' || next.pos === 'PRON')) return undefined;
  }
  return opening.holder;
}

/** Conjunctions that may join a clause with a subject of its own. */
const CLAUSE_JOINERS = new Set(['and', 'but', 'while', 'whereas', 'or']);

/**
 * The person a sentence opens with and where the rest begins: a name (with an
 * age or apposition after it: "Bryant Dalton, 39, …"), "he"/"she" (the
 * person named before), or a noun phrase with the name in apposition ("The
 * third victim, Ann Lee, …").
 */
function conditionSubject(s: SentenceItems): { holder: string | undefined; after: number } | undefined {
  const { items } = s;
  const first = items[0];
  if (first === undefined) return undefined;
  if (first.kind === 'word' && (first.lower === 'he' || first.lower === 'she')) return { holder: s.personBefore?.(first.start), after: 1 };
  let name = 0;
  if (first.kind !== 'name') {
    // "The third victim, Ann Lee, was …": determiner, adjectives and a noun, then the name between commas.
    const comma = items.findIndex((x) => x.text === ',');
    if (comma < 1 || comma > APPOSITION_WORDS || !items.slice(0, comma).every((x) => x.kind === 'word' && ['DET', 'ADJ', 'NOUN', 'NUM'].includes(x.pos))) return undefined;
    name = comma + 1;
    if (items[name]?.kind !== 'name' || items[name + 1]?.text !== ',') return undefined;
  }
  const it = items[name] as Item;
  if (it.kind !== 'name' || it.name?.type !== 'person') return undefined;
  let after = name + 1;
  // "Bryant Dalton, 39, …", "Tom Fry, a driver, …": an age or an apposition right after the name.
  if (items[after]?.text === ',') {
    const close = items.findIndex((x, j) => j > after && x.text === ',');
    if (name === 0 && (close < 0 || close > after + APPOSITION_WORDS + 1)) return undefined;
    after = name === 0 ? close + 1 : after + 1;
  }
  return { holder: it.lower, after };
}

/** Words that open a clause with a subject of its own. */
const SUBJECT_OPENERS = new Set(['that', 'who', 'whom', 'whose', 'which', 'said', 'says']);

/** Telephone numbers ("0845 125 2222", "0800 555111"): digits only, with the name of whom to call when written before. */
export function identifierFacts(s: SentenceItems, text: string, offset: number): Fact[] {
  const out: Fact[] = [];
  for (const m of text.matchAll(/(?<![\d-])(?:\+?\d{1,4}[ -]?)?(?:\(?\d{2,5}\)?[ -]?)\d{3}[ -]?\d{3,4}(?![\d-])/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 9 || digits.length > 13) continue;
    const start = offset + (m.index ?? 0);
    const at = s.items.findIndex((x) => x.start <= start && x.end > start);
    if (at < 0 || (s.items[at] as Item).quoted) continue;
    const clause = clauseOf(s.items, at);
    const f = base(s, at, 'identifier', { text: m[0], key: digits }, clause);
    f.valueStart = start;
    f.valueEnd = start + m[0].length;
    out.push(f);
  }
  return out;
}

/** A light verb dates or counts nothing on its own. */
export function lightPredicate(p: string | undefined): boolean {
  return p === undefined || LIGHT_VERBS.has(p);
}

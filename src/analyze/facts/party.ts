import type { Fact } from '../../types.js';
import type { Item } from './items.js';
import { eventFamily, LIGHT_VERBS, NOT_ASSERTED } from './lexicon.js';
import { SPEECH_LEMMAS, clauseOf, isPassive, isVerb, negated, subjectBefore, verbLemma } from './phrases.js';

/**
 * Parties: who an event was done to, by name ("Hewlett-Packard agreed to
 * acquire Electronic Data Systems", "the arrest of Tom Fry", "Tom Fry was
 * arrested by state police"). Two reports of one story rarely word its central deed
 * alike, and the deed often carries no figure at all; the named party and
 * the event family are what they share. A party fact corroborates and
 * disputes nothing by its value (the value is the party, fixed by the slot):
 * it lets the reports that tell of the deed meet in one claim.
 */

/** Descriptive words a name may stand behind as its verb's object ("buy technology services provider Electronic Data Systems"). */
const OBJECT_REACH = 4;

/** Words an apposition between a subject and its verb may hold. */
const APPOSITION_REACH = 8;

/** Verbs whose object is no party to a deed: saying, thinking, perceiving, naming, being and having. */
const NO_DEED = new Set([...SPEECH_LEMMAS, ...LIGHT_VERBS, 'call', 'name', 'dub', 'quote', 'cite', 'thank', 'see', 'watch', 'hear', 'know', 'like', 'love', 'expect', 'consider', 'contact', 'reach', 'accord', 'bear', 'make', 'become', 'remain', 'follow', 'mention', 'read', 'urge', 'let', 'help', 'want', 'need', 'feature', 'involve', 'compare', 'represent', 'face', 'join', 'resemble', 'lead', 'leave', 'enter', 'visit', 'attend', 'exit', 'tour', 'host', 'play', 'use', 'run', 'give', 'grant', 'offer', 'pay', 'send', 'wish']);

/** Nouns of deeds done to someone, with the verb each names ("the acquisition of", "the arrest of"). */
const DEED_NOUNS: Record<string, string> = {
  acquisition: 'acquire', purchase: 'purchase', takeover: 'take_over', buyout: 'buy', arrest: 'arrest', capture: 'capture', murder: 'murder', killing: 'kill',
  assassination: 'kill', kidnapping: 'kidnap', abduction: 'kidnap', rescue: 'rescue', release: 'release', signing: 'sign', hiring: 'hire', appointment: 'appoint',
  dismissal: 'dismiss', sacking: 'sack', ouster: 'oust', conviction: 'convict', sentencing: 'sentence', indictment: 'indict', stabbing: 'stab', extradition: 'extradite',
  election: 'elect', nomination: 'nominate', suspension: 'suspend', impeachment: 'impeach', execution: 'execute', rape: 'rape', beating: 'beat', selection: 'select',
};

/** Words before a deed noun that say it has not happened ("a possible acquisition of", "the alleged murder of"). */
const UNREAL_DEED = new Set(['possible', 'potential', 'proposed', 'planned', 'rumored', 'rumoured', 'failed', 'attempted', 'alleged', 'expected', 'likely', 'prospective', 'would-be', 'mooted', 'reported']);

/** Heads before "to" that make the verb after it a deed agreed, not one wished for ("agreed to buy", "a deal to acquire"). */
const AGREED_TO = new Set(['agree', 'agreed', 'agrees', 'decision', 'deal', 'agreement']);

/** Names that can be done something to: people and bodies; not places ("flew to Paris") or things ("used Internet Explorer"). */
function partyLike(it: Item): boolean {
  return it.kind === 'name' && (it.name?.type === 'person' || it.name?.type === 'organization');
}

/** Names that can do a deed: any but a place (a body a few cues left untyped, "Zorgcorp's acquisition of …", acts too). */
function doerLike(it: Item | undefined): boolean {
  return it !== undefined && it.kind === 'name' && it.name?.type !== 'place';
}

function descriptive(it: Item): boolean {
  return it.kind === 'word' && (it.pos === 'DET' || it.pos === 'ADJ' || (it.pos === 'NOUN' && /^\p{Ll}/u.test(it.text)));
}

/**
 * The name stands as a whole noun phrase and the deed's direct object: no
 * possession or head noun after it ("Apple shares", "EDS's unit", "Superior
 * Court Judge Ann Lee"), nor a second object that makes it the one the
 * deed was for ("offered Tom Fry an eight-year deal", "paid Ann Lee $3
 * million").
 */
function wholePhrase(items: Item[], i: number): boolean {
  const next = items[i + 1];
  if (next === undefined) return true;
  if (/^['’]s?$/.test(next.text) || next.kind === 'name' || next.kind === 'number' || next.kind === 'designation') return false;
  return !(next.kind === 'word' && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'DET' || next.pos === 'NUM' || (next.pos === 'PRON' && POSSESSIVES.has(next.lower))));
}

const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'my', 'our', 'your']);

/**
 * The family of a deed's verb. Firing someone is dismissing them ("fired
 * coach Tom Fry"); shooting is what one fires at someone with.
 */
function deedFamily(lemma: string): string {
  return DISMISSING.has(lemma) ? 'dismiss' : eventFamily(lemma);
}

const DISMISSING = new Set(['fire', 'dismiss', 'sack', 'oust', 'relieve', 'axe', 'ax']);

interface Deed {
  verb: number;
  /** The lemma of the verb, or of the verb a deed noun names. */
  lemma: string;
  agent?: Item;
  /** Where the deed's words start, its doer left out: the verb (with "agreed to"), the deed noun, or the party of a passive. */
  from: number;
  to: number;
  passive: boolean;
  /** How the party is tied to the deed: as its object (`theme`), or by "of" after a deed noun. */
  role: 'theme' | 'of';
  /** An apposition between a passive's party and its verb, [from, to): left out of the deed's words. */
  aside?: [number, number];
}

/** "acquire Electronic Data Systems", "hired coach Tom Fry": the name as a verb's direct object. */
function objectOf(items: Item[], i: number, clause: [number, number]): Deed | undefined {
  let k = i - 1;
  let reach = 0;
  while (k >= clause[0] && reach < OBJECT_REACH && descriptive(items[k] as Item)) {
    k--;
    reach++;
  }
  if (k < clause[0]) return undefined;
  const at = items[k] as Item;
  if (at.lower === 'of') return deedNounOf(items, k, i, clause);
  if (!isVerb(items, k) || isPassive(items, k) || negated(items, k)) return undefined;
  // "is negotiating to buy", "plans to acquire": a deed wished for is none done; "agreed to buy" is a deal struck.
  if (items[k - 1]?.lower === 'to' && !AGREED_TO.has(items[k - 2]?.lower ?? '')) return undefined;
  const lemma = verbLemma(items, k);
  if (NO_DEED.has(lemma)) return undefined;
  // ("Acme agreed to buy Zorg": the deed's words and its doer start before "agreed to".)
  const from = items[k - 1]?.lower === 'to' ? k - 2 : k;
  // (A name right before the verb is its subject: the doer, unless it is a place.)
  const subject = subjectBefore(items, from, clause[0]);
  const agent = doerLike(subject) ? subject : undefined;
  return { verb: k, lemma, ...(agent !== undefined ? { agent } : {}), from, to: i + 1, passive: false, role: 'theme' };
}

/** "the acquisition of Electronic Data Systems", "Hewlett-Packard's $13.9 billion purchase of EDS". */
function deedNounOf(items: Item[], of: number, i: number, clause: [number, number]): Deed | undefined {
  const noun = items[of - 1];
  if (noun === undefined || noun.kind !== 'word' || noun.pos !== 'NOUN') return undefined;
  const lemma = DEED_NOUNS[noun.lower];
  if (lemma === undefined) return undefined;
  // The words before the noun: an owner ("Hewlett-Packard's"), a sum, adjectives; none that makes the deed unreal.
  let k = of - 2;
  let agent: Item | undefined;
  for (; k >= clause[0] && k >= of - 6; k--) {
    const it = items[k] as Item;
    if (UNREAL_DEED.has(it.lower)) return undefined;
    if (/^['’]s?$/.test(it.text) && doerLike(items[k - 1])) {
      agent = items[k - 1] as Item;
      break;
    }
    if (it.kind === 'number' || (it.kind === 'word' && (it.pos === 'ADJ' || it.pos === 'NUM' || it.pos === 'DET'))) continue;
    break;
  }
  return { verb: of - 1, lemma, ...(agent !== undefined ? { agent } : {}), from: of - 1, to: i + 1, passive: false, role: 'of' };
}

/** Whether the name opens its clause as its subject: only descriptions before it ("rookie Chris Ivory", "Fulton killer Brian Nichols"), or a conjunction. */
function opensClause(items: Item[], i: number, clause: [number, number]): boolean {
  for (let k = i - 1; k >= clause[0]; k--) {
    const it = items[k] as Item;
    if (descriptive(it) || it.kind === 'name') continue;
    return it.kind === 'word' && (it.pos === 'CCONJ' || it.pos === 'SCONJ');
  }
  return true;
}

/** "Tom Fry was arrested (by state police)": the name as a passive verb's subject. */
function passiveSubjectOf(items: Item[], i: number, clause: [number, number]): Deed | undefined {
  // (Not a name inside another phrase: "the acquisition of Zorg Systems was discussed".)
  if (!opensClause(items, i, clause)) return undefined;
  let k = i + 1;
  // An apposition between the subject and its verb ("Ann Lee, 60, was charged"; "Tom Fry, the club's coach, was fired").
  if (items[k]?.text === ',') {
    const close = items.findIndex((x, j) => j > k && j <= k + APPOSITION_REACH && x.text === ',');
    if (close < 0) return undefined;
    k = close + 1;
  }
  const verbFrom = k;
  while (k < items.length && k <= verbFrom + 4 && (items[k] as Item).kind === 'word' && ((items[k] as Item).pos === 'AUX' || (items[k] as Item).pos === 'ADV' || (items[k] as Item).pos === 'PART')) {
    // "Tom Fry could be arrested", "was not charged": no deed done.
    if (NOT_ASSERTED.has((items[k] as Item).lower)) return undefined;
    k++;
  }
  if (k === verbFrom || k >= items.length || !isVerb(items, k) || !isPassive(items, k)) return undefined;
  const lemma = verbLemma(items, k);
  if (NO_DEED.has(lemma)) return undefined;
  const by = items[k + 1]?.lower === 'by' && doerLike(items[k + 2]) ? (items[k + 2] as Item) : undefined;
  return { verb: k, lemma, ...(by !== undefined ? { agent: by } : {}), from: i, to: k + 1, passive: true, role: 'theme', ...(verbFrom > i + 1 ? { aside: [i + 1, verbFrom] as [number, number] } : {}) };
}

/** The party fact of the name at i, when it is what a deed was done to. */
export function partyFact(items: Item[], i: number, sentence: number): Fact | undefined {
  const it = items[i] as Item;
  if (!partyLike(it) || !wholePhrase(items, i)) return undefined;
  const clause = clauseOf(items, i);
  const deed = objectOf(items, i, clause) ?? passiveSubjectOf(items, i, clause);
  if (deed === undefined) return undefined;
  const first = items[clause[0]] as Item;
  const last = items[clause[1] - 1] as Item;
  const fromItem = items[deed.from] as Item;
  const toItem = items[deed.to - 1] as Item;
  const end = complementEnd(items, deed);
  const f: Fact = {
    kind: 'party',
    sentence,
    start: Math.min(first.start, fromItem.start),
    end: Math.max(last.end, toItem.end),
    valueStart: it.start,
    valueEnd: it.end,
    predicate: deedFamily(deed.lemma),
    holder: it.lower,
    role: deed.role,
    participants: deed.agent !== undefined ? [deed.agent.lower] : [],
    // The deed as written, its doer left out ("agreed to buy Zorg Systems", "Tom Fry was arrested", "acquisition of Zorg"):
    // what every report of it says.
    phrase: deed.aside === undefined ? written(items, deed.from, end) : `${written(items, deed.from, deed.aside[0])} ${written(items, deed.aside[1], end)}`,
    verb: (items[deed.verb] as Item).text,
    value: { text: it.text, key: it.lower },
  };
  if (deed.passive) f.passive = true;
  return f;
}

/** Prepositions whose phrase completes a deed ("placed on injured reserve", "charged with murder", "fired as coach"). */
const COMPLEMENT_PREPOSITIONS = new Set(['on', 'to', 'with', 'as', 'into', 'for', 'in']);
/** Words a deed's complement may hold. */
const COMPLEMENT_REACH = 4;

/**
 * Where the deed's words end: after the phrase that completes its verb,
 * when one follows ("Tom Fry was placed on injured reserve", "charged with
 * murder"), up to a comma, a day, a figure or another preposition; else
 * where the deed ends. Not after a deed noun, whose party ends it.
 */
function complementEnd(items: Item[], deed: Deed): number {
  if (deed.role === 'of') return deed.to;
  const prep = items[deed.to];
  // (After an object, "for" and "in" more often give a price or a place than complete the verb: "bought Zorg for $3 billion".)
  if (prep === undefined || prep.kind !== 'word' || !COMPLEMENT_PREPOSITIONS.has(prep.lower) || (!deed.passive && (prep.lower === 'for' || prep.lower === 'in'))) return deed.to;
  let k = deed.to + 1;
  // (A participle before a noun qualifies it: "on injured reserve".)
  const inPhrase = (x: Item, next: Item | undefined): boolean => descriptive(x) || x.kind === 'name' || (x.kind === 'word' && (x.pos === 'PROPN' || (x.pos === 'VERB' && /ed$/.test(x.lower) && next?.pos === 'NOUN')));
  while (k < items.length && k <= deed.to + COMPLEMENT_REACH && inPhrase(items[k] as Item, items[k + 1])) k++;
  // (A phrase cut short, "placed on the", says less than none.)
  const last = items[k - 1] as Item;
  return k > deed.to + 1 && last.pos !== 'DET' && last.pos !== 'ADJ' ? k : deed.to;
}

/** Items [from, to) as written, spaced as in the text. */
function written(items: Item[], from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) {
    const it = items[k] as Item;
    out += k > from && (items[k - 1] as Item).end < it.start ? ` ${it.text}` : it.text;
  }
  return out;
}

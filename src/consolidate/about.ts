import { MONEY_UNITS } from '../analyze/lexicon.js';
import { UNACCUSATIVE } from '../analyze/facts/lexicon.js';
import type { Fact } from '../types.js';
import type { EntityIndex } from './entities.js';
import type { Slot } from './slots.js';
import { periodKind } from '../analyze/dates.js';

/**
 * What a slot is about, in words a reader reads at a glance: "number of
 * AK-47 assault rifles seized", "age of Anthony Phillip LaSalle", "time the
 * fire broke out". Built from the slot's facts (the phrase as an outlet
 * wrote it, the event, the holder's name), never from stems.
 */

/** Past participles of the event families, for "number of rifles seized", "time the fire broke out". */
const PARTICIPLES: Record<string, string> = {
  kill: 'killed', injure: 'injured', seize: 'seized', arrest: 'arrested', rescue: 'rescued', evacuate: 'evacuated', hijack: 'hijacked',
  attack: 'attacked', fire: 'fired', hit: 'hit', foil: 'foiled', fight: 'fighting the fire', send: 'sent', break_out: 'broke out', sink: 'sunk',
  hold: 'held', charge: 'charged', sentence: 'sentenced', convict: 'convicted', win: 'won', lose: 'lost', escape: 'escaped', shelter: 'sheltering',
  throw: 'thrown', connect: 'landed', shake: 'shaking hands', drag: 'dragged', intercept: 'intercepted', report: 'reported', close: 'closed',
  reopen: 'reopened', collapse: 'collapsed', damage: 'damaged', stab: 'stabbed', sign: 'signed', offer: 'offered', pay: 'paid', die: 'died',
  missing: 'missing', trap: 'trapped', displace: 'displaced', hospitalize: 'hospitalised',
};

/** Nouns of events, for "time of the outbreak", "day of the arrival". */
const NOMINALS: Record<string, string> = {
  break_out: 'outbreak', arrive: 'arrival', attack: 'attack', meet: 'meeting', sink: 'sinking', kill: 'killing', arrest: 'arrest', escape: 'escape',
  hit: 'crash', foil: 'foiled attack', fire: 'firing', win: 'win', charge: 'charging', report: 'report', die: 'death', rescue: 'rescue',
  hijack: 'hijacking', evacuate: 'evacuation', close: 'closure', reopen: 'reopening', collapse: 'collapse', sentence: 'sentencing', convict: 'conviction',
  intercept: 'interception', seize: 'seizure', send: 'dispatch', leave: 'departure', land: 'landing', launch: 'launch', sign: 'signing', stab: 'stabbing',
  buy: 'purchase', announce: 'announcement', check: 'check-in', release: 'release', retire: 'retirement', promote: 'promotion', revive: 'revival',
  appoint: 'appointment', elect: 'election', resign: 'resignation', marry: 'marriage', graduate: 'graduation',
};

/** Nouns of deeds done to a named party, where the event's own noun names the doer's side ("win") or another deed ("crash"). */
const DEEDS: Record<string, string> = { win: 'defeat', lose: 'loss', hit: 'hitting', fire: 'shooting', dismiss: 'dismissal', hold: 'holding', send: 'sending' };

function participle(p: string | undefined, verb: string | undefined): string {
  if (p === undefined) return '';
  // The verb as the outlets wrote it when that is a participle ("finished"); else the participle of its lemma:
  // "number of passes caught", not "number of passes catching".
  const written = verb !== undefined && (/(?:ed|en|wn)$/.test(verb) || PAST_FORMS.has(verb)) ? verb : undefined;
  return PARTICIPLES[p] ?? written ?? IRREGULAR_PARTICIPLES[p] ?? regularPast(p.replace(/_/g, ' '));
}

/** "time spent shaking hands" for an activity, "time taken", "time offered" for a deed. */
function timeOf(done: string): string {
  return /ing\b/.test(done) ? `time spent ${done}` : `time ${done}`;
}

/** Past participles English does not form with -ed ("made", not "maked"). */
const IRREGULAR_PARTICIPLES: Record<string, string> = Object.fromEntries(
  (
    'be:been begin:begun bear:borne beat:beaten bite:bitten blow:blown break:broken bring:brought build:built buy:bought catch:caught choose:chosen ' +
    'come:come cut:cut deal:dealt dig:dug do:done draw:drawn drive:driven eat:eaten fall:fallen feed:fed feel:felt find:found flee:fled fly:flown ' +
    'forget:forgotten freeze:frozen get:got give:given go:gone grow:grown hang:hung have:had hear:heard hide:hidden hurt:hurt keep:kept know:known ' +
    'lay:laid lead:led leave:left lend:lent let:let light:lit make:made mean:meant meet:met put:put quit:quit read:read ride:ridden ring:rung ' +
    'rise:risen run:run say:said see:seen seek:sought sell:sold set:set shoot:shot show:shown shut:shut sing:sung sit:sat sleep:slept speak:spoken ' +
    'spend:spent split:split spread:spread stand:stood steal:stolen stick:stuck strike:struck swear:sworn swim:swum take:taken teach:taught ' +
    'tear:torn tell:told think:thought wake:woken wear:worn win:won write:written'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** The irregular participles, as written forms of a verb that are participles already. */
const PAST_FORMS = new Set(Object.values(IRREGULAR_PARTICIPLES));

/** "arrive" → "arrived", "carry" → "carried", "drop" → "dropped" (a word of one syllable ending in one vowel and one consonant doubles it). */
function regularPast(lemma: string): string {
  if (lemma.endsWith('e')) return `${lemma}d`;
  if (/[^aeiou]y$/.test(lemma)) return `${lemma.slice(0, -1)}ied`;
  return `${doubled(lemma)}ed`;
}

function gerund(lemma: string): string {
  const base = lemma.replace(/_/g, ' ');
  // "tie" → "tying", "die" → "dying".
  if (/ie$/.test(base)) return `${base.slice(0, -2)}ying`;
  if (/[^e]e$/.test(base)) return `${base.slice(0, -1)}ing`;
  return `${doubled(base)}ing`;
}

/** "drop" → "dropp", "run" → "runn", "spot" → "spott"; "visit", "open", "show" stay. */
function doubled(word: string): string {
  return /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(word) ? `${word}${word.slice(-1)}` : word;
}

/** "Klitschko’s", "the Tar Heels’": a possessive, with the apostrophe alone after a plural in -s. */
function possessive(name: string): string {
  return /s$/.test(name) ? `${name}’` : `${name}’s`;
}

/** "the outbreak", "the arrival", or "the meeting": the event as a noun phrase. */
function eventNoun(p: string | undefined): string {
  if (p === undefined) return 'the event';
  return `the ${NOMINALS[p] ?? gerund(p)}`;
}

/** Words of killing ("killed", "killing", "murder", "slaying", "shot", "stabbed", "executed", "gunned"), as a fact's event is told. */
const KILLING_WORDS = /^(?:kill|murder|slain|slay|shot|shoot|stabb|assassinat|execut|gunn|beat)/;

/**
 * The event a moment dates, in words: a death is a killing only when a
 * report tells it by a word of killing ("Niyazov died in 2006" is the year
 * of his death, while "was killed on Saturday" dates a killing); deaths and
 * killings are one family of facts, so that tolls meet whichever word a
 * report uses.
 */
function momentNoun(slot: Slot, predicate: string | undefined): string {
  if (predicate === 'kill' && !slot.members.some((m) => KILLING_WORDS.test(m.fact.verb ?? 'kill'))) return eventNoun('die');
  return eventNoun(predicate);
}

/** The facts' most common value of a field. */
function common<T>(facts: Fact[], pick: (f: Fact) => T | undefined): T | undefined {
  const counts = new Map<T, number>();
  for (const f of facts) {
    const v = pick(f);
    if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Nouns that are sums already: "price", not "value of the price". */
const AMOUNT_NOUNS = new Set(['price', 'cost', 'value', 'fee', 'fine', 'salary', 'wage', 'budget', 'bill', 'revenue', 'profit', 'loss', 'debt', 'amount', 'sum', 'range']);

export function describeSlot(slot: Slot, ents: EntityIndex): string {
  const facts = slot.members.map((m) => m.fact);
  const f = facts[0] as Fact;
  const holder = common(facts, (x) => x.holder);
  const who = holder === undefined ? undefined : holderName(holder, ents);
  const predicate = common(facts, (x) => x.predicate);
  const verb = common(facts, (x) => x.verb);
  switch (slot.kind) {
    case 'count': {
      // How often it was done: "number of times Kimani Gray was shot", "number of times the officers fired".
      // (Rounds that hit someone, told as "shot seven times" by one report: "number of times Kimani Gray was hit".)
      const hits = predicate === 'hit' && f.thing === 'round' && facts.some((x) => x.phrase === 'times');
      if (f.thing === 'time' || hits) {
        const done = verb !== undefined && !/ing$/.test(verb) ? verb : participle(predicate, undefined);
        if (who === undefined) return `number of times ${done}`;
        return f.role === 'agent' ? `number of times ${who} ${done}` : `number of times ${who} was ${done}`;
      }
      // The wording the outlets use most for the thing ("AK-47 assault rifles").
      const phrase = common(facts, (x) => (x.phrase !== undefined && x.phrase.length > 0 ? x.phrase : undefined)) ?? plural(f.thing ?? 'items');
      const event = predicate === undefined || predicate === 'be' ? '' : ` ${participle(predicate, verb)}`;
      // A running total reads as one: "total number of points (Tyler Hansbrough)", not "number of points in all".
      const total = f.scope === 'total' && !/^total\b/i.test(phrase) ? 'total ' : '';
      return `${total}number of ${phrase}${event}${who !== undefined ? ` (${who})` : ''}`.replace(/\s+/g, ' ');
    }
    case 'measure': {
      // "value of the contract": a sum named by what it buys or is worth.
      const worth = MONEY_UNITS.has(f.value.unit ?? '') && f.thing !== undefined && f.thing !== 'amount' && !AMOUNT_NOUNS.has(f.thing) ? `value of ${who !== undefined ? possessive(who) : 'the'} ${f.thing}` : undefined;
      if (worth !== undefined) return worth;
      if (f.value.unit === 'magnitude') return `magnitude of the ${f.thing ?? 'earthquake'}`;
      const thing = f.thing === 'distance' && who !== undefined ? `distance from ${who}` : f.thing === 'duration' && predicate !== undefined ? timeOf(participle(predicate, verb)) : (f.thing ?? 'amount');
      return who !== undefined && f.thing !== 'distance' ? `${thing} of ${who}` : thing;
    }
    case 'age':
      return `age of ${who ?? 'the person'}`;
    case 'record':
      return `${possessive(who ?? 'the fighter')} record`;
    case 'rank':
      return `rank of ${who ?? 'the officer'}`;
    case 'home':
      // (A facility is where it stands: "the Betty Ford Center in Rancho Mirage".)
      return f.role === 'site' ? `where ${who ?? 'the facility'} is` : `where ${who ?? 'the person'} lives`;
    case 'condition':
      return `condition of ${who ?? 'the patient'}`;
    case 'colour':
      return `colour of ${who ?? 'the vehicle'}`;
    case 'direction':
      return `direction from ${who ?? 'the place'}`;
    case 'time':
      return f.thing !== undefined && predicate !== undefined && !UNACCUSATIVE.has(predicate) ? `time the ${f.thing} was ${participle(predicate, verb)}` : `time of ${momentNoun(slot, predicate)}`;
    case 'day': {
      // (A year or a month an event is dated by: "year of retirement".)
      const unit = periodKind(f.value.key) ?? 'day';
      if (f.role === 'reported') return `${unit} ${eventNoun(predicate)}${f.thing !== undefined ? ` of the ${f.thing}` : ''} was announced`;
      return f.thing !== undefined && predicate !== undefined && !UNACCUSATIVE.has(predicate) ? `${unit} the ${f.thing} was ${participle(predicate, verb)}` : `${unit} of ${momentNoun(slot, predicate)}`;
    }
    case 'role':
      // A class of roles held one at a time is a title ("title of Larry Lucchino": CEO or COO); any other, the role itself.
      if (facts.some((x) => x.value.key !== f.value.key)) return `title of ${who ?? 'the person'}`;
      return `${who ?? 'the person'} as ${f.value.key ?? f.value.text.toLowerCase()}`;
    case 'calibre':
      return `calibre of the ${f.thing ?? 'weapon'}`;
    case 'party':
      // "purchase of Electronic Data Systems", "arrest of Tom Fry", "defeat of Tony Thompson" (a win's party is who lost).
      return `${DEEDS[predicate ?? ''] ?? eventNoun(predicate).replace(/^the /, '')} of ${who ?? 'the party'}`;
    case 'year':
      return `year of ${who ?? 'the work'}`;
    case 'identifier':
      return 'telephone number';
    case 'ordinal': {
      // "which fight in a row (Wladimir Klitschko)", "which time held (…)", "which coach in line (Maurice Cheeks)".
      // A series the reports name alike is named so ("which parliamentary election (Turkmenistan)").
      const series = common(facts, (x) => x.phrase);
      const what = f.qualifiers?.includes('in a row') === true ? `${f.thing ?? 'one'} in a row` : f.role === 'office' ? `${f.thing ?? 'one'} in line` : (series ?? `${f.thing ?? 'one'} of the series`);
      return `which ${what}${who !== undefined ? ` (${who})` : ''}`;
    }
    default:
      return slot.kind;
  }
}

/**
 * The wording of a role claim, the role as the reports write it most often
 * after the person's name: "Scott Boras, agent", "Peter Gross, chief
 * executive officer". The claim states exactly what its reports agree on;
 * the sentences they say it in may be about anything else.
 */
export function describeRole(slot: Slot, ents: EntityIndex): string {
  const facts = slot.members.map((m) => m.fact);
  const holder = common(facts, (x) => x.holder);
  // As written, but the capital of a one-word role that only opens a sentence or a name ("Coach Sean Payton") dropped;
  // "CEO" and a title ("Russian President", "Defence Minister") kept.
  const written = common(facts, (x) => (/^[\p{Lu}\s.-]+$/u.test(x.value.text) || x.value.text.includes(' ') ? x.value.text : x.value.text.toLowerCase())) ?? '';
  // (A role slot always has a holder: bucketOf keeps none without one.)
  return `${holderName(holder ?? '', ents)}, ${written}`;
}

/** An age claim's own wording: "Tara Reid, 33", "the driver, 36" (a slot of ages always has a holder). */
export function describeAge(slot: Slot, ents: EntityIndex): string {
  const facts = slot.members.map((m) => m.fact);
  const holder = common(facts, (x) => x.holder);
  const value = common(facts, (x) => x.value.text) ?? '';
  return `${holderName(holder ?? '', ents)}, ${value}`;
}

/**
 * The wording of a claim of an attribute told in passing, as its reports
 * write it most often: the year of a work ("American Pie, 1999"), a
 * colour ("Toyota Camry, silver"), where a facility stands or a person
 * lives ("Betty Ford Center, Rancho Mirage"), a rank before a name
 * ("Commander Nirad Sinha"), a gun's bore ("38-caliber revolver"). The
 * sentences that tell it are about other things; the claim is the
 * attribute, which all of them state.
 */
export function describeAttribute(slot: Slot, ents: EntityIndex): string {
  const facts = slot.members.map((m) => m.fact);
  const holder = common(facts, (x) => x.holder);
  const value = common(facts, (x) => x.value.text) ?? (facts[0] as Fact).value.text;
  const thing = common(facts, (x) => x.thing);
  if (slot.kind === 'calibre') return `${value} ${thing ?? 'weapon'}`;
  // (A slot of these kinds always has a holder: bucketOf keeps none without one.)
  if (slot.kind === 'rank') return `${value} ${holderName(holder ?? '', ents)}`;
  return capitalised(`${holderName(holder ?? '', ents)}, ${value}`);
}

/**
 * A party claim's own wording: the deed as a report writes it, its doer
 * left out unless every report names the same one ("Acme agreed to buy
 * Zorg Systems"), which is all every report says: a wording with the party
 * as its subject first ("Tom Fry was arrested"), then a noun of the deed
 * ("acquisition of Zorg Systems"), then a verb and its object; among each,
 * the one most reports use.
 */
export function describeParty(slot: Slot, ents: EntityIndex): string {
  const facts = slot.members.map((m) => m.fact);
  const doers = new Set(facts.map((f) => (f.participants ?? [])[0] ?? ''));
  const doer = doers.size === 1 && !doers.has('') ? [...doers][0] : undefined;
  const counts = new Map<string, number>();
  for (const f of facts) if (f.phrase !== undefined) counts.set(f.phrase, (counts.get(f.phrase) ?? 0) + 1);
  // (A deed noun ties its party by "of": "acquisition of Zorg".)
  const shape = (f: Fact): number => (f.passive === true ? 0 : f.role === 'of' ? 1 : 2);
  const best = [...facts].filter((f) => f.phrase !== undefined).sort((a, b) => shape(a) - shape(b) || (counts.get(b.phrase as string) ?? 0) - (counts.get(a.phrase as string) ?? 0) || (a.phrase as string).length - (b.phrase as string).length)[0];
  if (best === undefined) return capitalised(describeSlot(slot, ents));
  // The party by the name the story knows it by ("Subryan was charged" → "Vishwanand Subryan was charged").
  const holder = common(facts, (x) => x.holder);
  const deed = holder === undefined ? (best.phrase as string) : (best.phrase as string).replace(best.value.text, holderName(holder, ents));
  return capitalised(doer !== undefined && shape(best) === 2 ? `${ents.name(doer)} ${deed}` : deed);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A holder's display name: the entity's most frequent spelling, or the noun ("the driver"). */
function holderName(holder: string, ents: EntityIndex): string {
  // (A name read with the article of a description, "the raj chohan" from "59 - year old Raj Chohan", is the name.)
  const rest = holder.startsWith('the ') ? ents.canonical(holder.slice(4)) : '';
  if (rest.includes(' ') && ents.name(rest) !== rest) return ents.name(rest);
  return holder.startsWith('the ') ? holder : ents.name(holder);
}

function plural(noun: string): string {
  if (/(?:s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

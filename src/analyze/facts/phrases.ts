import type { Item } from './items.js';
import { CATENATIVES, UNACCUSATIVE, eventFamily, eventNounFamily, knownEvent } from './lexicon.js';

/**
 * Phrase structure read off part-of-speech tags, as much of it as the fact
 * reader needs: the noun phrase a figure belongs to (its head and the words
 * that qualify it), the clause around it, and the verb that governs it with
 * the role it plays (who did it, what it was done to, the preposition that
 * ties it). English word order carries most of this: a noun phrase followed
 * by a verb is its subject, one after a verb its object.
 */

/** Items that end a clause: no fact reaches across them. */
const BARRIER_PUNCT = new Set([';', ':', '(', ')', '[', ']', '—', '–', '--', '“', '”', '"', '?', '!']);
/** Words that open a clause of their own (a relative or subordinate clause). */
const CLAUSE_OPENERS = new Set(['which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'whereas', 'although', 'though', 'because', 'unless', 'whether', 'if', 'until']);
/** Subordinators that open a clause only when a verb follows before the next noun ("after the fight" is a phrase, "after he fled" a clause). */
const MAYBE_OPENERS = new Set(['after', 'before', 'since', 'as', 'once']);
/** Prepositions that end the noun phrase before them. */
const NOUN_POS = new Set(['NOUN', 'PROPN']);
/** Parts of speech that may stand inside a noun phrase before its head. */
const PREMODIFIER_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);

export function isBarrier(items: Item[], i: number): boolean {
  const it = items[i];
  if (it === undefined) return true;
  if (it.kind === 'punct') return BARRIER_PUNCT.has(it.text) || (it.text === '-' && spacedDash(items, i));
  if (it.kind !== 'word') return false;
  if (CLAUSE_OPENERS.has(it.lower)) return true;
  if (it.lower === 'that' && (it.pos === 'SCONJ' || it.pos === 'PRON')) return true;
  if (MAYBE_OPENERS.has(it.lower)) return opensClause(items, i);
  return false;
}

/** A dash with spaces on both sides between two words of two clauses (not "multi - boat", which joins two words). */
function spacedDash(items: Item[], i: number): boolean {
  const prev = items[i - 1];
  const next = items[i + 1];
  if (prev === undefined || next === undefined) return true;
  const glued = prev.end === items[i]?.start || next.start === items[i]?.end;
  if (glued) return false;
  // Detokenised compounds ("multi - boat", "36 - year - old", "58 - 3") join a word or a number to a lower-case word or a number.
  const joinable = (x: Item): boolean => x.kind === 'number' || x.kind === 'record' || (x.kind === 'word' && x.pos !== 'PUNCT' && x.text.length <= 14);
  // (A compound's first word is singular: "rocket - propelled"; "others riding motorcycles - attacked" closes an aside.)
  const plural = prev.kind === 'word' && prev.pos === 'NOUN' && prev.lower !== prev.lemma && prev.lower.endsWith('s');
  return plural || !(joinable(prev) && joinable(next) && /^[\p{Ll}\d]/u.test(next.text));
}

function opensClause(items: Item[], i: number): boolean {
  for (let k = i + 1; k < Math.min(items.length, i + 5); k++) {
    const it = items[k] as Item;
    if (isVerb(items, k)) return true;
    if (it.kind === 'punct') return false;
    if (it.kind === 'word' && it.pos === 'NOUN' && items[k + 1]?.pos !== 'VERB' && items[k + 1]?.pos !== 'AUX') return false;
  }
  return false;
}

/** The clause holding item i: [from, to) between barriers. */
export function clauseOf(items: Item[], i: number): [number, number] {
  let a = i;
  while (a > 0 && !isBarrier(items, a - 1)) a--;
  let b = i + 1;
  while (b < items.length && !isBarrier(items, b)) b++;
  return [a, b];
}

/** A verb of the clause, not a participle that qualifies a noun ("fully loaded magazines", "suspected pirates"). */
export function isVerb(items: Item[], i: number): boolean {
  const it = items[i];
  if (it === undefined || it.kind !== 'word' || it.pos !== 'VERB') return false;
  if (it.lemma === 'accord') return false;
  const next = items[i + 1];
  const prev = items[i - 1];
  const beforeNoun = next !== undefined && (NOUN_POS.has(next.pos) || next.pos === 'ADJ') && next.kind !== 'number';
  // "rocket-propelled grenades": glued to the word before by a hyphen, a participle is part of a compound.
  if (prev !== undefined && (prev.text === '-' || prev.text === '–') && items[i - 2]?.kind === 'word' && !spacedDash(items, i - 1)) return false;
  // "one rocket propelled grenade launcher": a participle between nouns of a counted phrase ("three shells hit Fakhura"
  // has a verb: no participle's ending, and a name after it).
  if (beforeNoun && next?.kind === 'word' && /(?:ed|en)$/.test(it.lower) && prev?.pos === 'NOUN' && (items[i - 2]?.kind === 'number' || items[i - 2]?.pos === 'NUM')) return false;
  // "placed on injured reserve", "families from damaged homes": a participle between a preposition and its noun.
  if (beforeNoun && next?.kind === 'word' && /(?:ed|en)$/.test(it.lower) && prev?.kind === 'word' && prev.pos === 'ADP') return false;
  const inPhrase =
    prev !== undefined &&
    (prev.pos === 'DET' || prev.pos === 'ADJ' || prev.kind === 'number' || prev.pos === 'NUM' || /^['’]s$/.test(prev.text) || (prev.pos === 'ADV' && /ly$/.test(prev.lower) && ['DET', 'NUM', 'ADJ'].includes(items[i - 2]?.pos ?? '')));
  return !(beforeNoun && inPhrase);
}

/** Verbs that say an event took place, and nothing more. */
const OCCURRING = new Set(['come', 'happen', 'occur', 'unfold']);

/**
 * Whether the verb at i only says its subject's event took place: a verb of
 * occurring, "took place", or a passive "was made" / "was (later) carried
 * out" (the active "police made an arrest" has a subject of its own).
 */
function happening(items: Item[], i: number, lemma: string): boolean {
  if (OCCURRING.has(lemma)) return true;
  if (lemma === 'take') return items[i + 1]?.lower === 'place';
  return (lemma === 'make' || (lemma === 'carry' && items[i + 1]?.lower === 'out')) && isPassive(items, i);
}

export interface NounPhrase {
  /** Index of the first item after the phrase. */
  end: number;
  /** The head noun (or name, or designation) item, when there is one. */
  head?: Item;
  /** Items between the figure and the head that qualify the head. */
  modifiers: Item[];
}

/**
 * The noun phrase a figure at index i opens: qualifiers and a head to its
 * right ("seven AK-47 assault rifles", "13 fully loaded magazines"), up to a
 * word that cannot be part of it. A phrase of only qualifiers has no head.
 */
export function phraseAfter(items: Item[], i: number): NounPhrase {
  const modifiers: Item[] = [];
  let head: Item | undefined;
  let j = i + 1;
  for (; j < items.length; j++) {
    const it = items[j] as Item;
    if (it.kind === 'designation' || it.kind === 'name') {
      if (head !== undefined) modifiers.push(head);
      head = it;
      continue;
    }
    if (it.kind === 'punct') {
      // A glued hyphen joins a compound ("rocket-propelled"); anything else ends the phrase.
      if ((it.text === '-' || it.text === '–') && items[j - 1]?.end === it.start && items[j + 1]?.start === it.end) continue;
      if ((it.text === '-' || it.text === '–') && items[j + 1]?.kind === 'word' && !spacedDash(items, j)) continue;
      break;
    }
    if (it.kind !== 'word') break;
    if (it.pos === 'ADV' && /ly$/.test(it.lower) && ['ADJ', 'VERB'].includes(items[j + 1]?.pos ?? '')) continue;
    if (it.pos === 'VERB' && !isVerb(items, j)) {
      modifiers.push(it);
      continue;
    }
    if (it.pos === "PART" && (it.lower === "'s" || it.lower === '’s')) break;
    if (!PREMODIFIER_POS.has(it.pos)) break;
    if (it.pos === 'NUM') break;
    // "two boats closing in": an -ing word after the head opens a participle phrase.
    if (head !== undefined && it.lower.endsWith('ing') && it.pos !== 'PROPN') break;
    if (NOUN_POS.has(it.pos)) {
      if (head !== undefined) modifiers.push(head);
      head = it;
    } else modifiers.push(it);
  }
  return { end: j, head, modifiers: modifiers.filter((m) => m !== head) };
}

/** Index of the first item of the noun phrase that ends right before index i (determiner and qualifiers included). */
export function phraseStartBefore(items: Item[], i: number): number {
  let k = i;
  while (k > 0) {
    const it = items[k - 1] as Item;
    if (it.kind === 'name' || it.kind === 'designation' || it.kind === 'number') {
      k--;
      continue;
    }
    if (it.kind !== 'word') break;
    if (PREMODIFIER_POS.has(it.pos) || it.pos === 'DET' || (it.pos === 'VERB' && !isVerb(items, k - 1))) {
      k--;
      if (it.pos === 'DET') break;
      continue;
    }
    break;
  }
  return k;
}

export interface Governor {
  /** The verb item. */
  verb: Item;
  /** Its event family ("seize"); particle verbs joined ("break_out"). */
  predicate: string;
  passive: boolean;
  /** `theme`, `agent`, or the preposition that ties the phrase to the verb. */
  role: string;
  /** A name standing as the verb's subject, when the phrase is its object. */
  subject?: Item;
}

/** Verb + noun phrases that name one event. */
const MULTIWORD_EVENTS: Record<string, string> = {
  'take shelter': 'shelter', 'take refuge': 'shelter', 'seek shelter': 'shelter', 'seek refuge': 'shelter', 'find shelter': 'shelter', 'find refuge': 'shelter', 'take cover': 'shelter',
  'lose life': 'die', 'lose lives': 'die', 'claim lives': 'kill', 'take lives': 'kill',
  // "the shooting took place at 8.30pm": a verb of occurring, like "happened".
  'take place': 'happen',
  // "setting fire to three banks": arson, whatever the verb.
  'set fire': 'burn', 'set ablaze': 'burn', 'set alight': 'burn',
  // "finished with 22 points", "ended with 10 rebounds": the tally at the end of whatever the figure counts.
  'finish with': 'finish_with', 'end with': 'finish_with',
};

const PARTICLES = new Set(['out', 'up', 'in', 'off', 'down', 'over', 'back', 'away']);
const BE_FORMS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", '’s', 'got', 'get', 'gets']);

/** The lemma of the verb at i with its particle, when the pair is a known phrasal verb ("broke out" → "break_out"). */
export function verbLemma(items: Item[], i: number): string {
  const it = items[i] as Item;
  const next = items[i + 1];
  // "were taking shelter", "sought refuge", "lost their lives".
  const object = items[i + 1]?.pos === 'DET' || items[i + 1]?.pos === 'PRON' ? items[i + 2] : next;
  const phrase = MULTIWORD_EVENTS[`${it.lemma} ${object?.lower ?? ''}`];
  // ("took the place of" is no occurring: "took place" has no determiner.)
  if (phrase !== undefined && !(phrase === 'happen' && object !== next)) return phrase;
  if (next !== undefined && next.kind === 'word' && PARTICLES.has(next.lower)) {
    const phrasal = `${it.lemma}_${next.lower}`;
    if (knownEvent(phrasal)) return phrasal;
  }
  return it.lemma;
}

/** Whether the verb at i is passive: a form of "be" (or "get") before it, adverbs and "not" between. */
export function isPassive(items: Item[], i: number): boolean {
  // "were sheltering" is progressive: only a participle ("were seized", "was hit") makes a passive.
  if ((items[i] as Item).lower.endsWith('ing')) return false;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const it = items[k] as Item;
    if (it.kind !== 'word') return false;
    if (BE_FORMS.has(it.lower) || (it.pos === 'AUX' && it.lemma === 'be')) return true;
    if (it.pos === 'ADV' || it.pos === 'PART' || it.lower === 'been' || it.lower === 'being' || it.lower === 'also') continue;
    return false;
  }
  return false;
}

/** The event family of the verb at i, with the verb after a catenative ("tried to flee" → flee). */
/** The event a verb states: its family, the verb after a catenative ("tried to board"), or what occurred ("the attack came"). */
export function eventAt(items: Item[], i: number): { at: number; predicate: string } {
  const lemma = verbLemma(items, i);
  // "the attack came at 3.45pm", "the blast happened on Monday", "The arrest was made Friday": a verb that only says
  // its subject's event took place dates the event its subject names.
  if (happening(items, i, lemma)) {
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      // "the shootings happened": a plural names the event as well.
      const event = eventNounFamily(items[k]?.lower ?? '');
      if (items[k]?.kind === 'word' && event !== undefined) return { at: i, predicate: eventFamily(event) };
      if (items[k]?.pos !== 'AUX' && items[k]?.pos !== 'ADV') break;
    }
  }
  if (CATENATIVES.has(lemma) && items[i + 1]?.lower === 'to' && isVerb(items, i + 2)) return { at: i + 2, predicate: eventFamily(verbLemma(items, i + 2)) };
  return { at: i, predicate: eventFamily(lemma) };
}

/**
 * The verb that governs the phrase [from, to): the verb it is the subject
 * of when a verb follows it (after an apposition or a relative pronoun:
 * "Nine Israelis, including three civilians, have been killed", "26 pirates
 * who were captured"), a participle right after it ("punches thrown"), else
 * the nearest verb before it in the clause, across the other members of a
 * list of objects ("seized seven rifles, two pistols and 13 magazines").
 */
export function governorOf(items: Item[], from: number, to: number, clause: [number, number]): Governor | undefined {
  // A participle right after the phrase: a reduced relative ("punches thrown", "Palestinians killed").
  const after = items[to];
  if (after !== undefined && after.kind === 'word' && after.pos === 'VERB' && /(?:ed|en|wn)$/.test(after.lower) && isVerb(items, to) && !isPassive(items, to)) {
    const e = eventAt(items, to);
    return { verb: after, predicate: e.predicate, passive: true, role: 'theme' };
  }
  // "won 18 of its next 23 games": the 23 is the whole the 18 is part of; the verb governs the part only.
  if (wholeOfPart(items, from)) return undefined;
  const left = verbBefore(items, from, clause);
  // The subject of a verb right after it ("40 people were killed", "He said 40 people died"), or, with no verb
  // before it in the clause, of the verb after an apposition, a list or a relative pronoun.
  const subjectOf = directVerbAfter(items, to) ?? (left === undefined ? verbAfter(items, to) : undefined);
  if (subjectOf !== undefined) {
    const e = eventAt(items, subjectOf);
    const passive = isPassive(items, subjectOf);
    const theme = passive || UNACCUSATIVE.has(verbLemma(items, subjectOf)) || UNACCUSATIVE.has(e.predicate);
    return { verb: items[subjectOf] as Item, predicate: e.predicate, passive, role: theme ? 'theme' : 'agent' };
  }
  if (left === undefined) return undefined;
  // Reported speech is not an event the figure takes part in ("Ging said about 350 Palestinians were inside").
  if (SPEECH_LEMMAS.has(items[left.at]?.lemma ?? '')) return undefined;
  const e = eventAt(items, left.at);
  const passive = isPassive(items, left.at);
  const g: Governor = { verb: items[left.at] as Item, predicate: e.predicate, passive, role: left.role };
  const subject = subjectBefore(items, left.at, clause[0]);
  if (subject !== undefined) g.subject = subject;
  return g;
}

function wholeOfPart(items: Item[], from: number): boolean {
  let k = from - 1;
  // "10 of the Saints' 16 games", "10 of the team's 16 games", "18 of its next 23 games".
  const skippable = (at: number): boolean => {
    const it = items[at] as Item;
    return it.pos === 'DET' || it.pos === 'PRON' || it.kind === 'name' || POSSESSIVE_MARK.test(it.text) || ORDER_WORDS.has(it.lower) || possessorNoun(items, at);
  };
  while (k >= 0 && skippable(k)) k--;
  return items[k]?.lower === 'of' && items[k - 1]?.kind === 'number';
}

/** Words that pick a stretch of a whole out by its place in order ("its next 23 games", "the team's first 16"). */
const ORDER_WORDS = new Set(['next', 'last', 'first', 'previous']);

/** The mark of a possessive as the tokenizer splits it off ("team ’s", "Saints '"). */
const POSSESSIVE_MARK = /^['’]s?$/;

/** A common noun that owns what follows it ("the team's 16 games"). */
function possessorNoun(items: Item[], at: number): boolean {
  const it = items[at];
  return it?.kind === 'word' && it.pos === 'NOUN' && POSSESSIVE_MARK.test(items[at + 1]?.text ?? '');
}

/**
 * Index of the figure of the whole that a part is counted out of, after
 * the "of" at `of`: "28 of his 68 punches", "10 of the Saints' 16 games",
 * "10 of the team's first 16 games". None when no figure follows its determiner
 * and owner.
 */
export function wholeFigureAfterOf(items: Item[], of: number): number | undefined {
  let k = of + 1;
  if (['his', 'her', 'its', 'their', 'the', 'our', 'my', 'your'].includes(items[k]?.lower ?? '')) k++;
  // An owner of one or two words and its mark: "the Saints' ", "the team's".
  for (const width of [1, 2]) {
    const owner = items.slice(k, k + width);
    if (owner.length === width && owner.every((it) => it.kind === 'name' || (it.kind === 'word' && it.pos === 'NOUN')) && POSSESSIVE_MARK.test(items[k + width]?.text ?? '')) {
      k += width + 1;
      break;
    }
  }
  while (ORDER_WORDS.has(items[k]?.lower ?? '')) k++;
  return k > of + 1 && items[k]?.kind === 'number' ? k : undefined;
}

/** Verbs of saying and thinking: their object is a clause, not a thing counted. */
export const SPEECH_LEMMAS = new Set(['say', 'tell', 'add', 'state', 'report', 'believe', 'think', 'estimate', 'announce', 'confirm', 'note', 'explain', 'insist', 'warn', 'write', 'indicate', 'suggest', 'show', 'reveal', 'stress', 'announce', 'declare', 'disclose', 'ask', 'answer', 'reply', 'respond', 'comment', 'describe']);

/**
 * The nearest verb before the phrase in its clause, across the other
 * members of a list of objects, with the preposition that ties the phrase
 * to it ("from the 12 Somali and 11 Yemeni pirates": both members "from").
 */
function verbBefore(items: Item[], from: number, clause: [number, number]): { at: number; role: string } | undefined {
  let k = from - 1;
  let role = 'theme';
  for (;;) {
    while (k >= clause[0] && (items[k] as Item).kind === 'word' && (items[k] as Item).pos === 'DET') k--;
    const prep = items[k];
    // "attacked a police station in the town as well as three banks": "as well as" joins another object of the verb.
    if (prep?.lower === 'as' && items[k - 1]?.lower === 'well' && items[k - 2]?.lower === 'as') {
      for (let j = k - 3; j >= clause[0]; j--) if (isVerb(items, j)) return { at: j, role: 'theme' };
      return undefined;
    }
    if (k >= clause[0] && prep !== undefined && prep.kind === 'word' && (prep.pos === 'ADP' || (prep.pos === 'PART' && prep.lower === 'to'))) {
      role = prep.lower;
      break;
    }
    // A conjunct: the role is that of the member before ("12 Somali and 11 Yemeni pirates", "with six rifles, 12 magazines").
    if (k >= clause[0] && prep !== undefined && (prep.lower === 'and' || prep.lower === 'or' || prep.text === ',')) {
      k = phraseStartBefore(items, k) - 1;
      continue;
    }
    break;
  }
  // A form of "have" the tagger read as an auxiliary is the verb of what it holds ("Lee scored 14 and Fry had 11
  // points, 11 rebounds": the rebounds are had, not scored), and of a figure a preposition ties to what it holds ("rushed
  // for 404 yards and had 52 catches for 440 yards": the 440 yards are no rushing).
  const prepAt = k;
  for (; k >= clause[0]; k--) if (isVerb(items, k) || (HAVE_FORMS.has((items[k] as Item).lower) && (items[k] as Item).kind === 'word' && (role === 'theme' || holdsCount(items, k, prepAt)))) return { at: k, role };
  return undefined;
}

/** Whether a figure stands between a form of "have" at k and the preposition at `prep` (what "had 52 catches for" holds). */
function holdsCount(items: Item[], k: number, prep: number): boolean {
  // (Not across a comma: "beat the Jets, who had 3 turnovers, by 10 points" is no margin had.)
  const between = items.slice(k + 1, prep);
  return between.some((it) => it.kind === 'number') && !between.some((it) => it.kind === 'punct' && it.text === ',');
}

/** Forms of "have", a verb of holding whatever the tagger reads them as. */
export const HAVE_FORMS = new Set(['has', 'have', 'had']);

/** "did not explode", "never returned", "wasn't injured": a negation among the few words before a verb. */
export function negated(items: Item[], verb: number): boolean {
  for (let k = verb - 1; k >= Math.max(0, verb - 3); k--) {
    const w = (items[k] as Item).lower;
    if (w === 'not' || w === "n't" || w === 'never' || w === 'no') return true;
    if ((items[k] as Item).kind !== 'word') return false;
  }
  return false;
}

/** A verb (after auxiliaries and adverbs) right after the phrase: the phrase is its subject. A copula is no event. */
function directVerbAfter(items: Item[], to: number): number | undefined {
  for (let k = to; k < Math.min(items.length, to + 5); k++) {
    const it = items[k] as Item;
    if (it.kind !== 'word') return undefined;
    if (it.pos === 'AUX' || it.lower === 'have' || it.lower === 'has' || it.lower === 'had') {
      if (it.lemma === 'be' && !isVerb(items, k + 1) && !isVerb(items, k + 2) && items[k + 1]?.lower !== 'being' && items[k + 1]?.lower !== 'been') return undefined;
      continue;
    }
    if (it.pos === 'ADV' || (it.pos === 'PART' && it.lower !== 'to')) continue;
    // "40 Palestinians seeking shelter": a participle phrase, not the verb of the clause.
    if (k === to && it.lower.endsWith('ing')) return undefined;
    return isVerb(items, k) ? k : undefined;
  }
  return undefined;
}

/**
 * Index of the verb the phrase ending before `to` is the subject of: the
 * next item (auxiliaries and adverbs skipped) is a verb, or follows an
 * apposition set off by commas, or a relative pronoun.
 */
function verbAfter(items: Item[], to: number): number | undefined {
  const limit = Math.min(items.length, to + 30);
  let k = to;
  // "26 pirates who were captured": the relative clause's verb.
  if (items[k]?.kind === 'word' && ['who', 'which', 'that'].includes(items[k]?.lower ?? '')) k++;
  else if (items[k]?.text === ',' && ['who', 'which'].includes(items[k + 1]?.lower ?? '')) k += 2;
  else if (items[k]?.text === ',' && /^(?:including|who|which|among|aged|all|both|each|mostly|many)$/.test(items[k + 1]?.lower ?? '')) {
    // An inserted phrase between commas: "Nine Israelis, including three civilians hit by rocket fire, have been killed".
    let c = k + 1;
    while (c < limit && items[c]?.text !== ',' && !BARRIER_PUNCT.has(items[c]?.text ?? '')) c++;
    if (items[c]?.text !== ',') return undefined;
    k = c + 1;
  }
  let depth = 0;
  for (; k < limit; k++) {
    const it = items[k] as Item;
    if (it.kind === 'punct') {
      if (it.text === ',') continue;
      if (it.text === '(') depth++;
      else if (it.text === ')') depth--;
      else if (BARRIER_PUNCT.has(it.text) || it.text === '.') return undefined;
      continue;
    }
    if (depth > 0 || it.kind !== 'word') continue;
    if (it.pos === 'AUX') continue;
    if (it.pos === 'VERB' && isVerb(items, k)) {
      // A participle after a comma or an active -ing form belongs to an inserted phrase, not the clause.
      if (/ing$/.test(it.lower) && (items[k - 1]?.text === ',' || (!isPassive(items, k) && items[k - 1]?.pos !== 'AUX'))) continue;
      return k;
    }
    if (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'ADP', 'CCONJ', 'ADV', 'PART', 'VERB', 'PRON'].includes(it.pos)) continue;
    return undefined;
  }
  return undefined;
}

/** A name right before the verb at k (auxiliaries and adverbs between): the subject of an active clause ("Klitschko landed 178 punches"). */
export function subjectBefore(items: Item[], k: number, clauseStart: number): Item | undefined {
  for (let j = k - 1; j >= clauseStart; j--) {
    const it = items[j] as Item;
    if (it.kind === 'name') return it;
    if (it.kind === 'word' && (it.pos === 'AUX' || it.pos === 'ADV' || it.pos === 'PART')) continue;
    return undefined;
  }
  return undefined;
}

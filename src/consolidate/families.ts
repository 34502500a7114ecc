import { spelling } from '../analyze/terms.js';
import { stem } from './text.js';

/**
 * Word families of news English: words that report one event in different
 * wordings ("assist"/"help"/"aid"/"support", "build"/"develop"), folded into
 * one key so a paraphrase still shares its predicate. General vocabulary
 * only; a family key is a term like any other, so its weight still comes
 * from how rare it is within the story — a family that every sentence uses
 * says little. Speech and question verbs are the frame of a report, not its
 * content: they count, but lightly.
 */

/** Each line: the family key first, then its members. */
const FAMILIES: string[] = [
  'help assist assistance aid support',
  'promise pledge vow offer assure commit guarantee willing willingness ready',
  'build develop construct development construction create',
  'meet meeting summit encounter',
  'discuss talk discussion negotiate negotiation',
  'weapon arm arms munition ammunition armament',
  'supply provide deliver delivery sell supplier provision',
  'deny refute reject dismiss',
  'accuse allege allegation accusation',
  'kill slay',
  'injure wound hurt injury',
  'arrest detain detention',
  'attack assault raid',
  'begin start commence',
  'end finish conclude',
  'increase rise grow climb',
  'decrease fall drop decline',
  'buy purchase acquire acquisition',
  'country nation',
  'visit tour',
  'welcome greet reception',
  'thank gratitude grateful',
  'shake handshake',
  'fail failure unsuccessful',
  'cooperate cooperation collaborate collaboration partnership',
  'sanction embargo',
];

/** Words that frame a report (who said or asked), and the commonest words of English: neither tells what happened. */
const FRAME_WORDS = [
  'say', 'state', 'tell', 'remark', 'respond', 'response', 'reply', 'add', 'stress', 'emphasize', 'note', 'announce', 'declare',
  'comment', 'explain', 'continue', 'ask', 'question', 'inquire', 'report', 'quote', 'cite', 'claim', 'insist', 'highlight',
  'underline', 'express', 'convey', 'acknowledge', 'mention', 'reporter', 'journalist', 'media', 'medium', 'press', 'conference',
  'according', 'accord', 'statement', 'interview',
  // The commonest content words of English: present in any two sentences by chance, whatever the story.
  'people', 'person', 'thing', 'way', 'time', 'good', 'best', 'great', 'new', 'first', 'last', 'many', 'much', 'well', 'even',
  'still', 'just', 'really', 'think', 'know', 'want', 'come', 'see', 'look', 'need', 'feel', 'give', 'find', 'try', 'use',
  'work', 'call', 'keep', 'let', 'put', 'seem', 'show', 'turn', 'lot', 'anymore', 'right', 'now', 'back', 'today',
  // When, in a sequence, something happened is no part of what happened (adverbs only: "finally" and "recently" would stem to
  // the adjectives "final" and "recent", which do tell what).
  'soon', 'later', 'again', 'already', 'yet', 'ever', 'ago',
];

/** A nationality adjective ("North Korean", "Russian") qualifies who is meant; it does not tell what happened. */
const DEMONYM = /(?:\b(?:North|South|East|West|Central)\s+)?\b\p{Lu}\p{Ll}+(?:an|ese|ish|ic|i)\b/gu;

/** Lower-cased words of the nationality adjectives in a text. */
export function demonymWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(DEMONYM)) for (const w of m[0].toLowerCase().split(/\s+/)) out.add(w);
  return out;
}

/** Weight of a frame word relative to a content word. */
export const FRAME_WEIGHT = 0.3;

const FAMILY = new Map<string, string>();
for (const line of FAMILIES) {
  const words = line.split(' ');
  const key = stem(spelling(words[0] as string));
  // Terms come through the analyzer's spelling folds ("promise" → "promize"): key both forms.
  for (const w of words) for (const f of [stem(w), stem(spelling(w))]) if (!FAMILY.has(f)) FAMILY.set(f, key);
}
const FRAME = new Set(FRAME_WORDS.flatMap((w) => [stem(w), stem(spelling(w))]));

/** A reported question ("asked whether Russia would help…"): it puts the matter, it does not assert it. */
const QUESTION = /\bwhether\b|\b(?:ask|asks|asked|asking|question|questions|questioned|wondered|inquired)\s+(?:[\p{L}’']+\s+){0,3}?if\b/iu;

/** After the question, the words that report its answer: a speech verb or an opening quotation mark. */
const ANSWER = /\b(?:said|says|responded|replied|answered|stated|told|added|saying|explained|insisted)\b|[“«]/;

/** A possibility ("supplies could help Russia…") is not a report that it happened. */
const POSSIBLE = /\b(?:could|might|may)\b(?!\s+not\b)/;

/** How a unit states its matter: asserted, asked about, or held possible. */
export type Mode = 'assert' | 'question' | 'possible';

export function modeOf(text: string): Mode {
  // Cheap guard first: the full pattern backtracks over every word of long sentences.
  const lower = text.toLowerCase();
  if (lower.includes('whether') || lower.includes('if')) {
    const q = QUESTION.exec(text);
    // "When asked if …, Putin responded, “…”": the answer is what the sentence asserts.
    if (q !== null && !ANSWER.test(text.slice(q.index + q[0].length))) return 'question';
  }
  return POSSIBLE.test(text) ? 'possible' : 'assert';
}

/** The family key of a stem (the stem itself when it has no family). */
export function family(s: string): string {
  return FAMILY.get(s) ?? s;
}

/** Whether a stem frames a report rather than telling its content. */
export function isFrame(s: string): boolean {
  return FRAME.has(s);
}

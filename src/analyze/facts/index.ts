import type { Fact } from '../../types.js';
import type { TokenizedSentence } from '../nlp.js';
import { asksQuestion, questionTagAt } from '../questions.js';
import { byStart, itemsOf, type Mentions } from './items.js';
import { identifierFacts, readFacts } from './read.js';

/**
 * Facts of an article: each sentence folded into items (tokens with the
 * mentions found in them), then read by the shape rules of read.ts. Only
 * body sentences speak for the outlet; words inside quotes are the
 * speaker's and are left to the quotes.
 */
export interface FactInput {
  sentences: { tokens: TokenizedSentence['tokens']; index: number; text: string; start: number; statement: boolean }[];
  text: string;
  mentions: Mentions;
  quoted: (pos: number) => boolean;
}

/** "the " as a word right before a name ("from the Comets"; not "loathe Jesse Jackson"). */
const TEAM_BEFORE = /(?:^|[^\p{L}])the\s+$/iu;

export function findFacts(input: FactInput): Fact[] {
  const out: Fact[] = [];
  const persons = input.mentions.names.filter((m) => m.type === 'person').sort((a, b) => a.end - b.end);
  const personKeys = new Set(persons.map((m) => m.key));
  // Whom a "he" may stand for: no plural name written after "the" ("fired from the Blazers"), a team or a body whatever
  // typed it ("the Dalai Lama" is still a person).
  const people = persons.filter((m) => !(TEAM_BEFORE.test(input.text.slice(Math.max(0, m.start - 5), m.start)) && /[^su]s$/i.test(m.key)));
  const bodyKeys = new Set(input.mentions.names.filter((m) => m.type === 'organization' || m.type === 'place').map((m) => m.key));
  const lastPersonBefore = (offset: number): string | undefined => {
    let lo = 0;
    let hi = people.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((people[mid] as { end: number }).end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return people[lo - 1]?.key;
  };
  // A surname alone that two of the article's people share ("Thomas" beside "Pierre Thomas" and "David Thomas") is typed
  // no one's, but it is still a person opening a sentence.
  const surnameCounts = new Map<string, number>();
  for (const key of personKeys) surnameCounts.set(key.split(' ').pop() as string, (surnameCounts.get(key.split(' ').pop() as string) ?? 0) + 1);
  const openers = [...people, ...input.mentions.names.filter((m) => m.type !== 'person' && !m.key.includes(' ') && (surnameCounts.get(m.key) ?? 0) >= 2)];
  const subjects = sentenceSubjects(input.sentences, openers, input.quoted);
  // A "he" that opens its sentence goes on with the one person the sentence before named and opened with (though
  // that person's surname alone is typed no one's, and others were named in sentences before); any other "he" stands
  // for the last person named.
  const personBefore = (offset: number): string | undefined => subjects.get(offset) ?? lastPersonBefore(offset);
  const mentions = byStart(input.mentions);
  let last: { sentence: number; thing: string; phrase: string } | undefined;
  for (const s of input.sentences) {
    if (!s.statement || s.tokens.length === 0) continue;
    const tag = questionTagAt(s.text);
    // A question tag ("…, but who's counting?") states nothing: the statement before it is read alone.
    const items = itemsOf(s.tokens, input.text, mentions, input.quoted).filter((it) => tag === undefined || it.start < s.start + tag);
    const question = tag === undefined && asksQuestion(s.text);
    const countBefore = last !== undefined && last.sentence === s.index - 1 ? { thing: last.thing, phrase: last.phrase } : undefined;
    const sentence = { items, sentence: s.index, question, personBefore, ...(countBefore !== undefined ? { countBefore } : {}) };
    const facts = [...readFacts(sentence), ...identifierFacts(sentence, s.text, s.start)];
    out.push(...implicitOthers(facts));
    // (Not a body's count: what a team did, "Carolina committed 14 turnovers", is no thing a player "now has".)
    const counted = facts.filter((f) => f.kind === 'count' && f.thing !== undefined && f.phrase !== undefined && (f.holder === undefined || personKeys.has(f.holder)) && !(f.participants ?? []).some((k) => bodyKeys.has(k))).pop();
    last = counted === undefined ? undefined : { sentence: s.index, thing: counted.thing as string, phrase: counted.phrase as string };
  }
  return out.sort((a, b) => a.valueStart - b.valueStart || a.kind.localeCompare(b.kind));
}

/**
 * In a list that counts two sets of one kind of thing, the one named more
 * plainly is the rest: "12 AK-47 guns, three rifles" holds three other
 * rifles, not three rifles in all.
 */
function implicitOthers(facts: Fact[]): Fact[] {
  const counts = facts.filter((f) => f.kind === 'count' && f.thing !== undefined);
  for (const f of counts) {
    if ((f.qualifiers ?? []).length > 0) continue;
    const richer = counts.some((g) => g !== f && g.thing === f.thing && g.predicate === f.predicate && (g.qualifiers ?? []).some((q) => /\d/.test(q)) && g.valueStart < f.valueStart);
    if (richer) f.qualifiers = ['other'];
  }
  return facts;
}

/** Words that may open a sentence before its subject ("But he …", "And Thomas …"). */
const SENTENCE_OPENERS = new Set(['but', 'and', 'yet', 'so', 'still', 'then', 'however', 'meanwhile', 'now', 'also']);

/**
 * What each "he" or "she" that opens a sentence stands for, by offset, where
 * the sentence before names one person only and opens with them (their name,
 * or such a "he" or "she"): "Thomas came into 2010 as the team's leading
 * rusher. He had 793 yards … But he missed 10 games". A sentence that names
 * two people ("Ann Lee hired Tom Fry.") or opens with someone's possession
 * ("Tom Fry's wife, Ann Lee, …") or inside a quote leaves the pronoun to the
 * last person named.
 */
function sentenceSubjects(sentences: FactInput['sentences'], openers: { key: string; start: number; end: number }[], quoted: (pos: number) => boolean): Map<number, string> {
  const sorted = [...openers].sort((a, b) => a.start - b.start);
  const pronounAt = new Map<number, string>();
  let previous: string | undefined;
  for (const s of sentences) {
    const end = s.start + s.text.length;
    const named = new Set(sorted.filter((m) => m.start >= s.start && m.end <= end && !quoted(m.start)).map((m) => m.key));
    let subject: string | undefined;
    const tokens = s.tokens;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k] as (typeof tokens)[number];
      if (t.type === 'punctuation' || SENTENCE_OPENERS.has(t.lower)) continue;
      if (quoted(t.start)) break;
      const opener = sorted.find((m) => m.start === t.start);
      if (opener !== undefined) {
        const after = tokens.slice(k).find((x) => x.start >= opener.end);
        // (Whose possession opens the sentence is not its subject: "Tom Fry's wife, Ann Lee, spoke".)
        if (!/^['’]s?$/.test(after?.value ?? '') && named.size === 1) subject = opener.key;
      } else if ((t.lower === 'he' || t.lower === 'she') && previous !== undefined) {
        pronounAt.set(t.start, previous);
        if (named.size === 0) subject = previous;
      }
      break;
    }
    previous = subject;
  }
  return pronounAt;
}

import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The one wink-nlp instance of the process, made on first use: loading the
 * model costs ~100 ms, so no import-time work. Only sentence boundaries and
 * part-of-speech tags are needed (lemmas come with POS); NER, negation and
 * sentiment are off to keep analysis fast (entities are built by our rules).
 */
type Nlp = ReturnType<typeof winkNLP>;
let instance: Nlp | undefined;

export function nlp(): Nlp {
  instance ??= winkNLP(withModelLexiconLookups(model), ['sbd', 'pos']);
  return instance;
}

/** The part of wink's lexicon (its cache) that the tokenizer consults. */
interface WinkLexicon {
  /** Index of a text (or the expansions of a contraction), null when unknown. */
  lookup(text: string): number[] | null;
  /** Number of lexemes in the model itself; words read later get higher indices. */
  intrinsicSize(): number;
}

type WinkModel = typeof model & { featureFn: (config: unknown) => Record<string, (text: string, category: number, lexicon: WinkLexicon) => unknown> };

/**
 * wink adds every word it reads to its lexicon, and its tokenizer asks the
 * lexicon whether a piece of text is a known word before splitting it (at
 * hyphens, dots, brackets): a word met once would be kept whole from then on,
 * so an article's tokens, and all that follows from them, would depend on
 * what the process had read before (8 of 560 test articles did). Here the
 * tokenizer's look-ups know only the model's own words, as in a fresh
 * process, while wink still adds new words to give them ids. The lexicon is
 * not exposed; wink hands it to the model's feature functions when it adds
 * its first new word, which is before any look-up could find one; those
 * functions look up the new word itself, so they keep the full lexicon.
 */
function withModelLexiconLookups(base: typeof model): typeof model {
  const original = base as WinkModel;
  let unrestricted: WinkLexicon | undefined;
  const patch = (lexicon: WinkLexicon): WinkLexicon => {
    unrestricted = Object.assign(Object.create(null) as WinkLexicon, lexicon);
    const lookup = unrestricted.lookup;
    const modelSize = lexicon.intrinsicSize();
    lexicon.lookup = (text) => {
      const found = lookup(text);
      return found !== null && found.length === 1 && found[0]! >= modelSize ? null : found;
    };
    return unrestricted;
  };
  const featureFn: WinkModel['featureFn'] = (config) => {
    const features = original.featureFn(config);
    const wrapped: typeof features = {};
    for (const [name, fn] of Object.entries(features)) {
      wrapped[name] = (text, category, lexicon) => fn(text, category, unrestricted ?? patch(lexicon));
    }
    return wrapped;
  };
  return { ...original, featureFn } as typeof model;
}

/** One token as analysis needs it. */
export interface Token {
  /** As written. */
  value: string;
  /** Lower-cased. */
  lower: string;
  /** wink token type: word, number, punctuation, symbol, … */
  type: string;
  /** Universal POS tag. */
  pos: string;
  lemma: string;
  stop: boolean;
  /** Character offsets into Article.text. */
  start: number;
  end: number;
}

/**
 * What wink tells of a word, kept by its lexeme id (its.uniqueId): reading
 * value, type, stop-word flag and lemma of every token cost wink a few
 * lexicon look-ups each, and lemmatising besides, more than the rest of our
 * tokenizing; the same words recur in every article. wink works the value,
 * the type and the stop-word flag out from the id alone, and the lemma from
 * the id and the POS (the lexeme's own lemma, or its rule-based lemmatiser
 * over the normal form, which consults only the model's built-in lexicon);
 * a word nearly always has the same POS, so the last one's lemma is kept.
 * The parts of a contraction ("ca" + "n't") take their stop-word flag and
 * lemma from the contraction: those two are always read from the document.
 * Ids are those of the one instance nlp() makes, so the list grows only as
 * its lexicon does (wink adds every word it has not seen before).
 */
interface LexemeFacts {
  value: string | undefined;
  /** (value ?? '') lower-cased. */
  lower: string;
  type: string | undefined;
  /** Undefined until a token of the word that is no contraction's part is read. */
  stop: boolean | undefined;
  lemma: string | undefined;
  /** The POS the lemma was read for. */
  lemmaPos: string | undefined;
}

const factsById: (LexemeFacts | undefined)[] = [];

/** A wink document's tokens. */
type WinkTokens = ReturnType<ReturnType<Nlp['readDoc']>['tokens']>;
type Its = Nlp['its'];

/** What `out(its.x)` over all tokens gives for token i, read for that token alone. */
function readToken<T>(tokens: WinkTokens, i: number, what: (its: Its) => unknown): T {
  const its = nlp().its;
  return tokens.itemAt(i).out(what(its) as typeof its.value) as T;
}

/** The facts of token i's word, all read from the document (one item of it) the first time the word is met. */
function factsOf(tokens: WinkTokens, i: number, id: number, pos: string, contraction: boolean): LexemeFacts {
  let facts = factsById[id];
  if (facts === undefined) {
    const its = nlp().its;
    const item = tokens.itemAt(i);
    const value = item.out(its.value) as string | undefined;
    const own = !contraction;
    facts = {
      value,
      lower: (value ?? '').toLowerCase(),
      type: item.out(its.type) as string | undefined,
      stop: own ? (item.out(its.stopWordFlag) as unknown) === true : undefined,
      lemma: own ? ((item.out(its.lemma as unknown as typeof its.value) as string | undefined) ?? value ?? '').toLowerCase() : undefined,
      lemmaPos: own ? pos : undefined,
    };
    // Filled up to the id first: a list with holes would fall back to a slow dictionary.
    while (factsById.length < id) factsById.push(undefined);
    factsById[id] = facts;
  }
  return facts;
}

function isStopWord(tokens: WinkTokens, i: number, facts: LexemeFacts, contraction: boolean): boolean {
  if (contraction) return readToken<unknown>(tokens, i, (its) => its.stopWordFlag) === true;
  facts.stop ??= readToken<unknown>(tokens, i, (its) => its.stopWordFlag) === true;
  return facts.stop;
}

/** The lower-cased lemma of token i (its value when wink has none). */
function lemmaOf(tokens: WinkTokens, i: number, facts: LexemeFacts, pos: string, contraction: boolean, value: string): string {
  if (!contraction && facts.lemmaPos === pos && facts.lemma !== undefined) return facts.lemma;
  const lemma = (readToken<string | undefined>(tokens, i, (its) => its.lemma) ?? value).toLowerCase();
  if (!contraction) {
    facts.lemma = lemma;
    facts.lemmaPos = pos;
  }
  return lemma;
}

export interface TokenizedSentence {
  paragraph: number;
  start: number;
  end: number;
  tokens: Token[];
}

/**
 * Sentences of a whole article with tokens located in the article text.
 * One wink document per article (half the cost of one per paragraph): the
 * paragraphs are joined by blank lines, which wink treats as sentence
 * breaks, and any sentence that still crosses a paragraph is cut there.
 * wink returns token values as written, so each is found by a forward
 * search from the previous token's end; that keeps offsets exact whatever
 * the spacing of the source. `bases` are the paragraphs' offsets in the
 * article text.
 */
export function tokenizeArticle(paragraphs: string[], bases: number[]): TokenizedSentence[] {
  const n = nlp();
  const its = n.its;
  const joined = paragraphs.join(PARAGRAPH_JOIN);
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.length + PARAGRAPH_JOIN.length;
  }
  const doc = n.readDoc(joined);
  const all = doc.tokens();
  const ids = all.out(its.uniqueId) as unknown as number[];
  const pos = all.out(its.pos) as string[];
  const contractions = all.out(its.contractionFlag) as unknown as boolean[];
  const tokens: Token[] = new Array<Token>(ids.length);
  const paraOf: number[] = new Array<number>(ids.length);
  let cursor = 0;
  let pi = 0;
  for (let i = 0; i < ids.length; i++) {
    const tag = pos[i] ?? 'X';
    const contraction = contractions[i] === true;
    const facts = factsOf(all, i, ids[i]!, tag, contraction);
    const v = facts.value ?? '';
    const found = joined.indexOf(v, cursor);
    const local = found >= 0 && found - cursor < MAX_SKIP ? found : cursor;
    cursor = local + (found >= 0 ? v.length : 0);
    while (pi + 1 < starts.length && local >= (starts[pi + 1] ?? Infinity)) pi++;
    const base = (bases[pi] ?? 0) - (starts[pi] ?? 0);
    paraOf[i] = pi;
    tokens[i] = {
      value: v,
      lower: facts.lower,
      type: facts.type ?? 'word',
      pos: tag,
      lemma: lemmaOf(all, i, facts, tag, contraction, v),
      stop: isStopWord(all, i, facts, contraction),
      start: base + local,
      end: base + local + v.length,
    };
  }
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const out: TokenizedSentence[] = [];
  for (const [a, b] of spans) {
    let from = a;
    for (let i = a; i <= b + 1; i++) {
      if (i <= b && paraOf[i] === paraOf[from]) continue;
      // wink keeps line breaks as tokens; they are not words of any sentence.
      const toks: Token[] = [];
      for (let k = from; k < i; k++) if (tokens[k]!.value.trim() !== '') toks.push(tokens[k]!);
      const first = toks[0];
      const last = toks[toks.length - 1];
      if (first !== undefined && last !== undefined) out.push({ paragraph: paraOf[from] ?? 0, start: first.start, end: last.end, tokens: toks });
      from = i;
    }
  }
  return out;
}

/** How paragraphs are joined for wink: a blank line, a sentence break to wink. */
const PARAGRAPH_JOIN = '\n\n';
/** A token not found within this many characters of the cursor is placed at the cursor (never expected). */
const MAX_SKIP = 64;

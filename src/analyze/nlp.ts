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
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
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
  const values = all.out(its.value) as string[];
  const types = all.out(its.type) as string[];
  const pos = all.out(its.pos) as string[];
  const lemmas = all.out(its.lemma as unknown as typeof its.value) as string[];
  const stops = all.out(its.stopWordFlag) as unknown as boolean[];
  const tokens: Token[] = new Array<Token>(values.length);
  const paraOf: number[] = new Array<number>(values.length);
  let cursor = 0;
  let pi = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? '';
    const found = joined.indexOf(v, cursor);
    const local = found >= 0 && found - cursor < MAX_SKIP ? found : cursor;
    cursor = local + (found >= 0 ? v.length : 0);
    while (pi + 1 < starts.length && local >= (starts[pi + 1] ?? Infinity)) pi++;
    const base = (bases[pi] ?? 0) - (starts[pi] ?? 0);
    paraOf[i] = pi;
    tokens[i] = {
      value: v,
      lower: v.toLowerCase(),
      type: types[i] ?? 'word',
      pos: pos[i] ?? 'X',
      lemma: (lemmas[i] ?? v).toLowerCase(),
      stop: stops[i] === true,
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

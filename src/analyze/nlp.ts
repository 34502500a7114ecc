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
 * Sentences of one paragraph with tokens located in the article text.
 * wink returns token values as written, so each is found by a forward
 * search from the previous token's end; that keeps offsets exact whatever
 * the spacing of the source.
 */
export function tokenizeParagraph(text: string, paragraph: number, base: number): TokenizedSentence[] {
  const n = nlp();
  const its = n.its;
  const doc = n.readDoc(text);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const types = all.out(its.type) as string[];
  const pos = all.out(its.pos) as string[];
  const lemmas = all.out(its.lemma as unknown as typeof its.value) as string[];
  const stops = all.out(its.stopWordFlag) as unknown as boolean[];
  const starts: number[] = new Array<number>(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? '';
    const at = text.indexOf(v, cursor);
    starts[i] = at >= 0 && at - cursor < 64 ? at : cursor;
    cursor = (starts[i] ?? cursor) + (at >= 0 ? v.length : 0);
  }
  const tokens: Token[] = values.map((v, i) => ({
    value: v,
    lower: v.toLowerCase(),
    type: types[i] ?? 'word',
    pos: pos[i] ?? 'X',
    lemma: (lemmas[i] ?? v).toLowerCase(),
    stop: stops[i] === true,
    start: base + (starts[i] ?? 0),
    end: base + (starts[i] ?? 0) + v.length,
  }));
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  return spans.map(([a, b]) => {
    const toks = tokens.slice(a, b + 1);
    const first = toks[0];
    const last = toks[toks.length - 1];
    return { paragraph, start: first?.start ?? base, end: last?.end ?? base, tokens: toks };
  });
}

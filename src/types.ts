/**
 * The records that flow through the pipeline. Every stage is a set of pure
 * functions from one of these shapes to another; I/O lives only in ingest,
 * store, server and cli. Shapes marked "contract" are published JSON (see
 * DESIGN.md and schema/brief.schema.json): extend them, never break them.
 */

// ---------------------------------------------------------------- ingest

/**
 * A row of JSONL input (`cluster`, `ingest`, `brief`), contract. One of
 * text/html is required, or, for a headline-only item, a title. `id` is kept
 * to a safe set of characters, others percent-encoded (src/ingest/ids.ts);
 * `publishedAt` is parsed at the boundary (src/ingest/dates.ts).
 */
export interface Document {
  id: string;
  text?: string;
  html?: string;
  title?: string;
  url?: string;
  publishedAt?: string;
  source?: string;
}

/** What ingest hands to extract: decoded, size-checked, not yet understood. */
export interface RawDocument {
  /** File base name without extensions, a Document's own id, or a hash of the canonical URL. */
  id: string;
  /** Where it came from, for messages: a path, a URL, `file.jsonl:12`, `archive.warc.gz#3`. */
  origin: string;
  /** `html` for markup, `text` for scraped plain text. */
  format: 'html' | 'text';
  /** The decoded content. */
  content: string;
  /** Metadata the container already knew (a Document row, a feed item, HTTP headers). */
  url?: string;
  title?: string;
  publishedAt?: string;
  source?: string;
  /** Charset the transport declared (HTTP Content-Type), if any. */
  declaredCharset?: string;
  /** sha256 (hex) of the content as received, the key of idempotent ingest. */
  contentHash: string;
  /** What the boundary dropped or changed on the way in ("publishedAt … dropped: in the future"), for a warning naming `origin`. */
  warnings?: string[];
}

/** What `extract` needs of a document: its content and what it is; the rest is optional. */
export type ExtractInput = Pick<RawDocument, 'id' | 'format' | 'content'> & Partial<Omit<RawDocument, 'id' | 'format' | 'content'>>;

/** One input a batch could not use; batches report these and go on. */
export interface InputProblem {
  input: string;
  reason: string;
  /** The id the input would have had, when it is known (for an error row `{ "id", "error" }`). */
  id?: string;
}

// ---------------------------------------------------------------- extract

/** contract: `newsfuse extract` prints one per input. */
export interface Article {
  id: string;
  url?: string;
  title: string;
  byline?: string;
  publishedAt?: string;
  siteName?: string;
  /** BCP-47 primary tag ("en", "de"), "und" when unknown. */
  language: string;
  /** Wire or origin credit: "Krone", "AP", "Agencies", "Language Input". */
  attribution?: string;
  /** The body only: paragraphs joined by blank lines. */
  text: string;
  paragraphs: string[];
  /**
   * Indexes into `paragraphs` of in-body subheadings ("Will Russia help North
   * Korea build satellites?"). They are kept for reading order and text
   * fidelity but are not statements: later stages should not make claims of them.
   */
  headings?: number[];
}

// ---------------------------------------------------------------- analyze

export type EntityType = 'person' | 'organization' | 'place' | 'other';

export interface Sentence {
  /** Position in the article, from 0. */
  index: number;
  /** Index into Article.paragraphs. */
  paragraph: number;
  text: string;
  /** Character offsets into Article.text. */
  start: number;
  end: number;
  /** Lower-cased word tokens, punctuation dropped, in order. */
  tokens: string[];
  /** Content-word stems (stop words dropped): the vocabulary of alignment and clustering. */
  terms: string[];
  /** `heading` for a headline-like line (no verb, or a lone unpunctuated line): not a statement. */
  kind?: 'body' | 'heading';
  /** When the sentence joins two statements ("…; …", "…, but …"): each clause, offsets into Article.text. */
  clauses?: { start: number; end: number; terms: string[] }[];
}

export interface EntityMention {
  /** As written. */
  text: string;
  /** Normalised key shared by aliases ("kim jong un" for "Kim Jong-un"). */
  key: string;
  type: EntityType;
  sentence: number;
  /** Character offsets into Article.text. */
  start?: number;
  end?: number;
}

export interface NumberMention {
  /** As written: "almost 40 seconds", "42.7-metre", "two". */
  text: string;
  value: number;
  /** Normalised unit: "second", "metre", "percent", "usd", "year", "" when a bare count. */
  unit: string;
  /** Hedge words change comparison tolerance: "almost 40" agrees with "about 40". */
  approximate: boolean;
  /** The noun or phrase the number counts, when known ("missiles", "anniversary"). */
  counts?: string;
  sentence: number;
  /** Upper bound of a range ("between ten and eleven million": value 1e7, max 1.1e7). */
  max?: number;
  /** "75th": a rank, not a quantity. */
  ordinal?: boolean;
  /** "more than 600" (`lower`: the value may be higher), "up to 40" (`upper`). */
  bound?: 'lower' | 'upper';
  /** Character offsets into Article.text. */
  start?: number;
  end?: number;
}

export interface DateMention {
  text: string;
  /** ISO date (YYYY-MM-DD) when it could be resolved, against publishedAt for relative dates. */
  iso?: string;
  sentence: number;
  /** How much of `iso` is known: "1948" is a year, "2023-09" a month. */
  precision?: 'day' | 'month' | 'year';
  /** Character offsets into Article.text. */
  start?: number;
  end?: number;
}

export interface QuoteMention {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** Canonical entity key of the speaker when found. */
  speaker?: string;
  /** The speaker as written in the article. */
  speakerText?: string;
  sentence: number;
  /** Character offsets into Article.text of the quoted words. */
  start?: number;
  end?: number;
}

/**
 * What a fact states: how many of something (`count`), how much (`measure`:
 * a length, duration, weight, share or sum), someone's `age`, a sporting
 * `record` ("52-3"), a clock `time`, a `day` (weekday or calendar date), where
 * someone lives (`home`), someone's `rank` ("Commander"), the `colour` of a
 * thing, the `direction` of a place from another ("west of Aden"), an
 * `identifier` (a telephone number), an `ordinal` (which time, which in
 * line: "his 10th straight win", "the 11th Doctor"), a patient's
 * `condition`, the `year` of a named work, a gun's `calibre`, and a person's
 * `role` (a post, a job, a place on a team, a tie of kin or business:
 * "agent Scott Boras"; not to be confused with `Fact.role`, the syntactic
 * role of a counted thing), and a `party`: who a deed was done to, by name
 * ("acquire Electronic Data Systems", "the arrest of Tom Fry"; the holder
 * and the value are the party, the participants its named doer).
 */
export type FactKind = 'count' | 'measure' | 'age' | 'record' | 'time' | 'day' | 'year' | 'home' | 'rank' | 'colour' | 'direction' | 'identifier' | 'ordinal' | 'condition' | 'calibre' | 'role' | 'party';

/** The value of a fact, as written and as compared. */
export interface FactValue {
  /** As written, hedge included: "about 300", "seven", "52-3", "8.49pm", "Commodore". */
  text: string;
  /** Numeric value in the normalised unit (counts, measures, ages; minutes after midnight for a time). */
  number?: number;
  /** Upper bound of a range ("between ten and eleven"). */
  max?: number;
  /** Normalised unit of a measure ("metre", "second", "usd", "percent"). */
  unit?: string;
  /** Hedged ("about", "nearly"): compared with a tolerance. */
  approximate?: boolean;
  /** "at least", "more than": the true value may be higher. */
  lowerBound?: boolean;
  /** "less than", "up to": the true value may be lower. */
  upperBound?: boolean;
  /** Normalised non-numeric value: an entity key, a colour, a weekday, an ISO date, a rank, digits. */
  key?: string;
}

/**
 * A clause-level statement read from one sentence: a predicate (the event:
 * seized, killed, broke out) with the argument it measures or names, and the
 * value it gives. Facts are the unit the brief aligns across articles: two
 * facts are about the same slot when their kind, predicate and thing (or
 * holder) agree, whatever the rest of their sentences say.
 */
export interface Fact {
  kind: FactKind;
  sentence: number;
  /** The clause, offsets into Article.text. */
  start: number;
  end: number;
  /** Where the value is written, offsets into Article.text. */
  valueStart: number;
  valueEnd: number;
  /** The event, as a lemma of its family ("seize" for seized/confiscated/recovered). */
  predicate?: string;
  /** Whether the predicate's wording is passive ("were seized") or active. */
  passive?: boolean;
  /** Head of what is counted or measured, as a family lemma ("rifle"), or of what the event happened to. */
  thing?: string;
  /** Words that tell this thing from others of its kind ("ak-47", "other", "somali"), sorted. */
  qualifiers?: string[];
  /** The syntactic role of the counted thing: `theme` (what the event was done to), `agent` (who did it), or the preposition that introduces it; for a day, `reported` when it is the day the event was announced ("said Monday it has agreed to buy EYP"). */
  role?: string;
  /** Whose attribute it is (age, record, rank, home; the agent of a count): an entity key, or a description ("the driver") when no name is given. */
  holder?: string;
  /** `total`: a running total ("so far", "in all", "this year"); `part`: a part of a larger group ("five of them"); `rate`: an average or a figure per unit ("averaged 30 home runs", "$23 million per season"). */
  scope?: 'total' | 'part' | 'rate';
  /**
   * Who takes part in the event, as the clause names them (entity keys; "he"/"she" read as the last person
   * named before), speakers left out; "?" for a person described but not named ("the 23-year-old").
   */
  participants?: string[];
  /** `earlier`: reported as an earlier figure ("the UN said earlier it had confirmed 30 dead"). */
  tense?: 'earlier';
  /** The event is named only by pointing back to another sentence ("killed in those bombings"): it anchors no dispute. */
  pointsBack?: true;
  /** The counted or measured phrase as written, for naming the slot ("AK-47 assault rifles"). */
  phrase?: string;
  /** The verb as written ("confiscated"). */
  verb?: string;
  value: FactValue;
}

export interface AnalyzedArticle {
  article: Article;
  sentences: Sentence[];
  entities: EntityMention[];
  numbers: NumberMention[];
  dates: DateMention[];
  quotes: QuoteMention[];
  /** Facts of the statements the article makes in its own words (not inside quotes, not questions or possibilities); absent in analyses stored before facts were read. */
  facts?: Fact[];
  /** Set when the text was longer than analysis reads: how many characters of it were read. */
  analysedChars?: number;
}

// ---------------------------------------------------------------- relate

export type DerivationKind = 'copy' | 'rewrite' | 'translation' | 'shared-origin';

/** Aligned passages that justify an edge. */
export interface AlignedPassage {
  fromText: string;
  toText: string;
  score: number;
}

/**
 * `from` is the origin, `to` the article derived from it (who copied whom:
 * `to` copied `from`). For `shared-origin` neither copied the other and the
 * pair is ordered by id.
 */
export interface DerivationEdge {
  from: string;
  to: string;
  kind: DerivationKind;
  /** 0..1, higher is surer. */
  score: number;
  evidence: AlignedPassage[];
}

/** Articles that are not independent of one another (connected by edges above the group threshold). */
export interface IndependenceGroup {
  /** Stable: the smallest member id. */
  id: string;
  members: string[];
}

export interface Relations {
  edges: DerivationEdge[];
  groups: IndependenceGroup[];
}

// ---------------------------------------------------------------- cluster

/** contract: a row of `newsfuse cluster` output. */
export interface StoryAssignment {
  id: string;
  story: string;
}

/** A merge of two stories by late evidence; `from` now resolves to `into`. */
export interface StoryMerge {
  from: string;
  into: string;
  /** The article whose arrival caused the merge. */
  trigger: string;
}

// ---------------------------------------------------------------- consolidate (contract: Brief, schemaVersion 1)

export type ClaimStatus = 'corroborated' | 'single-source' | 'disputed';

export interface BriefSource {
  id: string;
  title: string;
  siteName?: string;
  url?: string;
  publishedAt?: string;
  language: string;
  attribution?: string;
  /** IndependenceGroup id. */
  group: string;
  derivedFrom: { source: string; kind: DerivationKind; score: number }[];
}

export interface ClaimConflict {
  /** What the values are of, in words: "number of AK-47 rifles seized", "rocket the leaders were shown". */
  about: string;
  /**
   * `contradiction`: outlets give incompatible values; `revision`: the value
   * changed over time (later reports give another figure), values in time order.
   */
  kind: 'contradiction' | 'revision';
  values: { value: string; sources: string[] }[];
}

/** A fact as the brief shows it under its claim (for debugging and for tools): which source states what. */
export interface ClaimFact {
  source: string;
  kind: FactKind;
  predicate?: string;
  thing?: string;
  qualifiers?: string[];
  holder?: string;
  scope?: 'total' | 'part' | 'rate';
  value: string;
}

export interface Claim {
  id: string;
  text: string;
  sources: { source: string; sentence: string }[];
  support: number;
  independentSupport: number;
  status: ClaimStatus;
  conflicts: ClaimConflict[];
  /**
   * The slot a fact claim is about ("number of AK-47 rifles seized"); the slots, joined by "; ", of a sentence that
   * states several ("number of Somali seized; number of Yemeni nationals seized"); absent for a claim made of whole
   * statements.
   */
  about?: string;
  /** The facts the claim groups, one per source and slot (fact claims only). */
  facts?: ClaimFact[];
}

export interface BriefQuote {
  speaker?: string;
  text: string;
  sources: { source: string; text: string }[];
}

export interface BriefEntity {
  name: string;
  type: EntityType;
  sources: string[];
  mentions: number;
}

/**
 * What a story's firstSeen/lastSeen are: its articles' publication times
 * (when any article has one), or, for a story of undated articles only, the
 * times they were ingested into the store.
 */
export type SeenFrom = 'published' | 'ingested';

export interface Brief {
  schemaVersion: 1;
  story: { id: string; headline: string; firstSeen?: string; lastSeen?: string; seenFrom?: SeenFrom };
  sources: BriefSource[];
  summary: { text: string; claims: string[]; sources: string[] }[];
  claims: Claim[];
  quotes: BriefQuote[];
  entities: BriefEntity[];
  timeline: { when: string; text: string; sources: string[] }[];
}

// ---------------------------------------------------------------- store / server

/** contract: a row of `newsfuse stories --format json`. */
export interface StorySummary {
  id: string;
  headline: string;
  firstSeen?: string;
  lastSeen?: string;
  /** Present with firstSeen: whether the times are publication or ingest times. */
  seenFrom?: SeenFrom;
  articles: number;
  independentSources: number;
  claims: { corroborated: number; singleSource: number; disputed: number };
}

/** The outcome of ingesting a batch. */
export interface IngestReport {
  added: string[];
  duplicates: string[];
  failed: InputProblem[];
  /** What was dropped from inputs that were stored all the same (a date that could not be used). */
  warnings?: InputProblem[];
}

// ---------------------------------------------------------------- outlets (user-supplied, optional)

/**
 * What the user's outlets file says about one outlet, by its domain. Only
 * `domain` is required; newsfuse ships no ratings: every field is the user's.
 */
export interface OutletRecord {
  /** Lower-case host name without "www.": matches that host and its subdomains. */
  domain: string;
  name?: string;
  /** As the user writes it (ISO 3166 codes are a good choice). */
  country?: string;
  owner?: string;
  /** wire, public broadcaster, tabloid, … as the user names kinds. */
  kind?: string;
  /** Any other columns of the file, as text. */
  extra: Record<string, string>;
}

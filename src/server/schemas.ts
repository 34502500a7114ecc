import { z } from 'zod';
import { MAX_ID_CHARS } from '../ingest/ids.js';
import type { Fact, FactKind } from '../types.js';

/**
 * The API's inputs, validated with zod at the edge, and its outputs, described
 * with zod so that /openapi.json is generated from the same definitions.
 */

/** Largest page of stories one request may ask for. */
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;
/** Longest search query; longer ones are a mistake or an attack, not a search. */
export const MAX_QUERY = 200;
export const MAX_SEARCH_RESULTS = 50;
/** Most documents one POST may carry; bigger batches belong to `newsfuse ingest`. */
export const MAX_BATCH = 500;

/** Ids are opaque strings (file names, hashes); only their length and printability are checked. */
const Id = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

export const IdParams = z.object({ id: Id });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
});

export const SearchQuery = z.object({
  q: z.string().trim().min(1, 'needs a non-empty "q"').max(MAX_QUERY),
  limit: z.coerce.number().int().min(1).max(MAX_SEARCH_RESULTS).default(20),
});

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/**
 * The JSONL `Document` row of DESIGN.md, as the API validates it and
 * /openapi.json describes it. The readers of files and streams check the same
 * rules by hand (ingest/document.ts, no schema library to load); a test keeps
 * the two in agreement.
 */
export const DocumentSchema = z
  .object({
    id: z.string().trim().min(1, 'must not be empty').max(MAX_ID_CHARS, `longer than ${MAX_ID_CHARS} characters`),
    text: z.string().optional(),
    html: z.string().optional(),
    title: z.string().optional(),
    url: z.string().optional(),
    publishedAt: z.string().optional().describe('a date in any common form (ISO 8601, RFC 2822, "March 5, 2024"); stored as ISO 8601 UTC'),
    source: z.string().optional(),
  })
  .passthrough()
  .refine((d) => !(blank(d.text) && blank(d.html) && blank(d.title)), { message: 'needs a non-empty "text", "html" or "title"' });

const DocumentList = z.array(DocumentSchema).min(1, 'an empty array: send at least one Document').max(MAX_BATCH, `more than ${MAX_BATCH} Documents: send them in several requests`);

/** One Document or an array of them. */
export const DocumentsBody = z.union([DocumentSchema, DocumentList]);

/** Issues named in one 400 message; more are counted. */
const MAX_ISSUES_SHOWN = 5;

/** `[2].id`, `limit`, `text` — a zod path as a reader writes it. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/**
 * The issues of a failed parse, with a union's failure replaced by the issues
 * of the branch that fits the value's shape (an array, or an object): a bad
 * array then says which element and field, not "Invalid input".
 */
function flatIssues(issues: readonly z.core.$ZodIssue[]): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ path: [...issue.path], message: issue.message }];
    const wrongShape = (branch: readonly z.core.$ZodIssue[]): boolean => branch.some((i) => i.path.length === 0 && i.code === 'invalid_type');
    const branch = issue.errors.find((b) => !wrongShape(b)) ?? issue.errors[0]!;
    return flatIssues(branch).map((i) => ({ path: [...issue.path, ...i.path], message: i.message }));
  });
}

/** "invalid body: [2].id: must not be empty; [4]: needs a non-empty …" — every issue (up to a few) with its path, for a 400's message. */
export function describeIssues(error: z.ZodError, where: string): string {
  const issues = flatIssues(error.issues);
  if (issues.length === 0) return `invalid ${where}`;
  const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => (issue.path.length > 0 ? `${pathText(issue.path)}: ${issue.message}` : issue.message));
  const more = issues.length > MAX_ISSUES_SHOWN ? `; and ${issues.length - MAX_ISSUES_SHOWN} more` : '';
  return `invalid ${where}: ${shown.join('; ')}${more}`;
}

// ---------------------------------------------------------------- outputs (documentation)

const ClaimCounts = z.object({ corroborated: z.number().int(), singleSource: z.number().int(), disputed: z.number().int() });

const SeenFrom = z.enum(['published', 'ingested']).describe('what firstSeen and lastSeen are: publication times, or (a story of undated articles) ingest times');

export const StorySummarySchema = z.object({
  id: z.string(),
  headline: z.string(),
  firstSeen: z.string().optional(),
  lastSeen: z.string().optional(),
  seenFrom: SeenFrom.optional(),
  articles: z.number().int(),
  independentSources: z.number().int(),
  claims: ClaimCounts,
});

export const StoryPageSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  stories: z.array(StorySummarySchema),
});

const DerivationKind = z.enum(['copy', 'rewrite', 'translation', 'shared-origin']);

/** Every kind of fact, as src/types.ts names them: the compiler refuses a list that leaves one out. */
export const FACT_KINDS = ['count', 'measure', 'age', 'record', 'time', 'day', 'year', 'home', 'rank', 'colour', 'direction', 'identifier', 'ordinal', 'condition', 'calibre', 'role', 'party'] as const satisfies readonly FactKind[];
export const FACT_SCOPES = ['total', 'part', 'rate'] as const satisfies readonly NonNullable<Fact['scope']>[];
type Unlisted = Exclude<FactKind, (typeof FACT_KINDS)[number]> | Exclude<NonNullable<Fact['scope']>, (typeof FACT_SCOPES)[number]>;
const everyKindListed: [Unlisted] extends [never] ? true : never = true;
void everyKindListed;

export const BriefSchema = z.object({
  schemaVersion: z.literal(1),
  story: z.object({ id: z.string(), headline: z.string(), firstSeen: z.string().optional(), lastSeen: z.string().optional(), seenFrom: SeenFrom.optional() }),
  sources: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      siteName: z.string().optional(),
      url: z.string().optional(),
      publishedAt: z.string().optional(),
      language: z.string(),
      attribution: z.string().optional(),
      group: z.string(),
      derivedFrom: z.array(z.object({ source: z.string(), kind: DerivationKind, score: z.number() })),
    }),
  ),
  summary: z.array(z.object({ text: z.string(), claims: z.array(z.string()), sources: z.array(z.string()) })),
  claims: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      sources: z.array(z.object({ source: z.string(), sentence: z.string() })),
      support: z.number().int(),
      independentSupport: z.number().int(),
      status: z.enum(['corroborated', 'single-source', 'disputed']),
      about: z.string().optional(),
      facts: z
        .array(
          z.object({
            source: z.string(),
            kind: z.enum(FACT_KINDS),
            predicate: z.string().optional(),
            thing: z.string().optional(),
            qualifiers: z.array(z.string()).optional(),
            holder: z.string().optional(),
            scope: z.enum(FACT_SCOPES).optional(),
            value: z.string(),
          }),
        )
        .optional(),
      conflicts: z.array(
        z.object({ about: z.string(), kind: z.enum(['contradiction', 'revision']), values: z.array(z.object({ value: z.string(), sources: z.array(z.string()) })) }),
      ),
    }),
  ),
  quotes: z.array(
    z.object({
      speaker: z.string().optional(),
      text: z.string(),
      sources: z.array(z.object({ source: z.string(), text: z.string() })),
    }),
  ),
  entities: z.array(
    z.object({
      name: z.string(),
      type: z.enum(['person', 'organization', 'place', 'other']),
      sources: z.array(z.string()),
      mentions: z.number().int(),
    }),
  ),
  timeline: z.array(z.object({ when: z.string(), text: z.string(), sources: z.array(z.string()) })),
});

export const ArticleViewSchema = z.object({
  article: z.object({
    id: z.string(),
    url: z.string().optional(),
    title: z.string(),
    byline: z.string().optional(),
    publishedAt: z.string().optional(),
    siteName: z.string().optional(),
    language: z.string(),
    attribution: z.string().optional(),
    text: z.string(),
    paragraphs: z.array(z.string()),
  }),
  ingestedAt: z.string().optional().describe('when the store received the article; its publication time is article.publishedAt'),
  story: z.string().nullable(),
  group: z.string().nullable(),
  claims: z.array(z.object({ id: z.string(), text: z.string(), status: z.string(), sentence: z.string() })),
});

/** A search snippet: pieces of text, `mark: true` on the words that match. */
const Snippet = z.array(z.object({ text: z.string(), mark: z.literal(true).optional() }));

export const SearchResultSchema = z.object({
  stories: z.array(StorySummarySchema.extend({ snippet: Snippet })),
  articles: z.array(
    z.object({ id: z.string(), title: z.string(), story: z.string().nullable(), siteName: z.string().optional(), url: z.string().optional(), publishedAt: z.string().optional(), snippet: Snippet }),
  ),
  claims: z.array(z.object({ story: z.string(), id: z.string(), text: z.string(), status: z.string(), snippet: Snippet })),
});

export const IngestReportSchema = z.object({
  added: z.array(z.string()),
  duplicates: z.array(z.string()),
  failed: z.array(z.object({ input: z.string(), reason: z.string() })),
  warnings: z.array(z.object({ input: z.string(), reason: z.string() })).optional(),
});

export const RevisionSchema = z.object({ revision: z.number() });
export const HealthSchema = z.object({ ok: z.boolean(), revision: z.number().optional() });
export const ErrorSchema = z.object({ statusCode: z.number().int(), error: z.string(), message: z.string() });

import { z } from 'zod';
import {
  ArticleViewSchema,
  BriefSchema,
  DocumentsBody,
  ErrorSchema,
  HealthSchema,
  IngestReportSchema,
  PageQuery,
  RevisionSchema,
  SearchQuery,
  SearchResultSchema,
  StoryPageSchema,
} from './schemas.js';

type JsonObject = Record<string, unknown>;

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1) of a zod schema, without the `$schema` key. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonObject {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
  return rest;
}

/** Query parameters of an object schema, one OpenAPI parameter each. */
function queryParameters(schema: z.ZodObject): JsonObject[] {
  const js = jsonSchema(schema, 'input') as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: (js.required ?? []).includes(name),
    schema: s,
  }));
}

const idParam = (what: string): JsonObject => ({ name: 'id', in: 'path', required: true, description: `${what} id`, schema: { type: 'string', minLength: 1, maxLength: 512 } });

function ok(ref: string, description: string): JsonObject {
  return { description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } };
}

const error = (description: string): JsonObject => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

/** A user's outlet record (src/outlets), as the outlets route returns it. */
const OutletRecordSchema = z.object({
  domain: z.string(),
  name: z.string().optional(),
  country: z.string().optional(),
  owner: z.string().optional(),
  kind: z.string().optional(),
  extra: z.record(z.string(), z.string()),
});
const SupportShares = z.array(z.object({ value: z.string(), groups: z.number().int(), sources: z.array(z.string()) }));
const OutletSupportSchema = z.object({
  outlets: z.number().int(),
  sources: z.record(z.string(), OutletRecordSchema),
  by: z.object({ country: SupportShares, owner: SupportShares, kind: SupportShares }),
  flags: z.array(z.object({ claim: z.string(), field: z.enum(['owner', 'country']), value: z.string() })),
});

/** A GET of a story that answers with a file (Content-Disposition: attachment), except feeds. */
function download(summary: string, type: string): JsonObject {
  return {
    get: {
      summary,
      parameters: [idParam('story')],
      responses: {
        '200': { description: summary, content: { [type]: { schema: { type: 'string' } } } },
        '400': error('invalid id'),
        '401': error('token required'),
        '404': error('no such story'),
      },
    },
  };
}

/** The OpenAPI 3.1 document served at /openapi.json. */
export function openApiDocument(version: string): JsonObject {
  const readErrors = { '400': error('invalid input, the message says why'), '401': error('token required') };
  return {
    openapi: '3.1.0',
    info: {
      title: 'newsfuse',
      version,
      description:
        'Stories fused from many news reports: cited briefs, claims with their support by independent sources, conflicts, quotes. ' +
        'Reads need a Bearer token when the server is bound beyond loopback without --public-read; writes always need it.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        StoryPage: jsonSchema(StoryPageSchema),
        Brief: jsonSchema(BriefSchema),
        ArticleView: jsonSchema(ArticleViewSchema),
        SearchResult: jsonSchema(SearchResultSchema),
        Documents: jsonSchema(DocumentsBody, 'input'),
        IngestReport: jsonSchema(IngestReportSchema),
        Revision: jsonSchema(RevisionSchema),
        Health: jsonSchema(HealthSchema),
        Error: jsonSchema(ErrorSchema),
        OutletSupport: jsonSchema(OutletSupportSchema),
      },
    },
    paths: {
      '/api/stories': {
        get: {
          summary: 'Stories, newest first, with counts',
          parameters: queryParameters(PageQuery),
          responses: { '200': ok('StoryPage', 'a page of stories'), ...readErrors },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary: "A story's brief",
          parameters: [idParam('story')],
          responses: { '200': ok('Brief', 'the brief (schemaVersion 1)'), ...readErrors, '404': error('no such story') },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'An article with the claims it carries',
          parameters: [idParam('article')],
          responses: { '200': ok('ArticleView', 'the article'), ...readErrors, '404': error('no such article') },
        },
      },
      '/api/search': {
        get: {
          summary: 'Stories and articles matching a query',
          parameters: queryParameters(SearchQuery),
          responses: { '200': ok('SearchResult', 'matches'), ...readErrors },
        },
      },
      '/api/stories/{id}/brief.json': download('The brief as JSON (the contract, schemaVersion 1), as a file', 'application/json'),
      '/api/stories/{id}/brief.md': download('The brief as Markdown (outlet details and flags from the outlets file)', 'text/markdown'),
      '/api/stories/{id}/brief.html': download('The brief as one self-contained HTML page (no script, inline style)', 'text/html'),
      '/api/stories/{id}/claims.csv': download('The claims as CSV: claim_id, status, claim, support, independent_support, outlets, source_ids, conflicts, flags', 'text/csv'),
      '/api/stories/{id}/claimreview.jsonld': download('The disputed claims as schema.org ClaimReview (JSON-LD); no truth rating, the rating names the dispute', 'application/ld+json'),
      '/api/stories/{id}/feed.atom': download("Atom feed of the story's updates: one entry per report that joined it", 'application/atom+xml'),
      '/api/stories/{id}/outlets': {
        get: {
          summary: "The story's support by the outlets file's country, owner and kind, and the claims whose independent support shares one owner or country",
          parameters: [idParam('story')],
          responses: { '200': ok('OutletSupport', 'empty when no outlets file was loaded'), ...readErrors, '404': error('no such story') },
        },
      },
      '/api/feed.atom': {
        get: {
          summary: 'Atom feed of the stories, newest first',
          responses: { '200': { description: 'an Atom feed', content: { 'application/atom+xml': { schema: { type: 'string' } } } }, '401': readErrors['401'] },
        },
      },
      '/api/revision': {
        get: {
          summary: 'A number that grows whenever stored content changes (poll it for live updates)',
          responses: { '200': ok('Revision', 'the current revision'), '401': readErrors['401'] },
        },
      },
      '/api/events': {
        get: {
          summary: 'Server-sent events: `event: revision` with `{ revision }` whenever stored content changes',
          responses: { '200': { description: 'an event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, '401': readErrors['401'] },
        },
      },
      '/api/documents': {
        post: {
          summary: 'Ingest one Document or an array of them',
          security: [{ bearer: [] }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Documents' } } } },
          responses: {
            '200': ok('IngestReport', 'what was added, what was already there, what failed'),
            '400': error('not a Document, the message names the field'),
            '401': error('missing or wrong token'),
            '403': error('writes are disabled: the server has no token'),
            '413': error('body too large'),
            '415': error('not JSON'),
          },
        },
      },
      '/healthz': { get: { summary: 'Liveness and store reachability', responses: { '200': ok('Health', 'up'), '503': ok('Health', 'store unreachable') } } },
    },
  };
}

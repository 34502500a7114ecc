import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Catalog } from '../store/catalog.js';
import type { Document } from '../types.js';
import { registerExports } from './exports.js';
import { HttpError, parse } from './http.js';
import { openApiDocument } from './openapi.js';
import { DocumentSchema, DocumentsBody, IdParams, PageQuery, SearchQuery } from './schemas.js';

export { HttpError } from './http.js';

/** Keeps only the contract fields of a Document (the schema lets unknown keys through). */
function toDocument(d: z.output<typeof DocumentSchema>): Document {
  const doc: Document = { id: d.id };
  for (const key of ['text', 'html', 'title', 'url', 'publishedAt', 'source'] as const) {
    const v = d[key];
    if (typeof v === 'string') doc[key] = v;
  }
  return doc;
}

export function registerApi(app: FastifyInstance, catalog: Catalog, version: string): void {
  const openapi = openApiDocument(version);

  app.get('/openapi.json', async () => openapi);

  app.get('/healthz', async (_req, reply) => {
    try {
      return { ok: true, revision: await catalog.revision() };
    } catch {
      return reply.code(503).send({ ok: false });
    }
  });

  app.get('/api/revision', async () => ({ revision: await catalog.revision() }));

  app.get('/api/stories', async (req) => {
    const { limit, offset } = parse(PageQuery, req.query, 'query');
    const page = await catalog.listStories({ limit, offset });
    return { total: page.total, limit, offset, stories: page.stories };
  });

  app.get('/api/stories/:id', async (req) => {
    const { id } = parse(IdParams, req.params, 'story id');
    const brief = await catalog.getBrief(id);
    if (!brief) throw new HttpError(404, `no story "${id}"`);
    return brief;
  });

  app.get('/api/articles/:id', async (req) => {
    const { id } = parse(IdParams, req.params, 'article id');
    const view = await catalog.getArticle(id);
    if (!view) throw new HttpError(404, `no article "${id}"`);
    return view;
  });

  app.get('/api/search', async (req) => {
    const { q, limit } = parse(SearchQuery, req.query, 'query');
    return catalog.search(q, limit);
  });

  registerExports(app, catalog);

  app.post('/api/documents', async (req) => {
    if (req.body === undefined || req.body === null) throw new HttpError(400, 'the body must be a JSON Document or an array of them');
    const body = parse(DocumentsBody, req.body, 'body');
    const docs = (Array.isArray(body) ? body : [body]).map(toDocument);
    return catalog.ingest(docs);
  });
}

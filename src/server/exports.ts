import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OutletDirectory, outletSupport } from '../outlets/index.js';
import { renderAtom, renderClaimReview, renderClaimsCsv, renderHtml, renderJson, renderMarkdown, storyEntries, storyUpdateEntries } from '../render/index.js';
import type { Catalog } from '../store/catalog.js';
import type { Brief } from '../types.js';
import { HttpError, parse } from './http.js';
import { IdParams } from './schemas.js';

/**
 * What a reader takes away from a story: the brief as JSON, Markdown or a
 * self-contained HTML page, its claims as CSV, its disputed claims as
 * ClaimReview JSON-LD, Atom feeds of the stories and of one story's updates,
 * and the support of a story by the user's outlet metadata.
 */

/** Stories in the feed of stories. */
const FEED_STORIES = 50;

/** The CSP of the self-contained HTML brief: its own inline stylesheet, nothing else. */
const BRIEF_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The user's outlets, re-read from the store only when its revision moved (loading a file bumps it). */
class OutletCache {
  private revision = -1;
  private directory: OutletDirectory | undefined;

  constructor(private readonly catalog: Catalog) {}

  async get(): Promise<OutletDirectory | undefined> {
    if (!this.catalog.outlets) return undefined;
    const revision = await this.catalog.revision();
    if (revision !== this.revision) {
      const records = await this.catalog.outlets();
      this.directory = records.length > 0 ? new OutletDirectory(records) : undefined;
      this.revision = revision;
    }
    return this.directory;
  }
}

/** This server's address as the request reached it: feeds and JSON-LD need absolute links. */
function baseUrl(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

/** A file name safe in a Content-Disposition header, from an opaque id. */
function fileName(id: string, ext: string): string {
  return `story-${id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)}.${ext}`;
}

function download(reply: FastifyReply, type: string, name: string, body: string): FastifyReply {
  return reply.type(type).header('content-disposition', `attachment; filename="${name}"`).send(body);
}

export function registerExports(app: FastifyInstance, catalog: Catalog): void {
  const outlets = new OutletCache(catalog);

  const briefOf = async (req: FastifyRequest): Promise<Brief> => {
    const { id } = parse(IdParams, req.params, 'story id');
    const brief = await catalog.getBrief(id);
    if (!brief) throw new HttpError(404, `no story "${id}"`);
    return brief;
  };
  const storyUrl = (req: FastifyRequest, id: string) => `${baseUrl(req)}/stories/${encodeURIComponent(id)}`;

  app.get('/api/stories/:id/brief.json', async (req, reply) => {
    const brief = await briefOf(req);
    return download(reply, 'application/json; charset=utf-8', fileName(brief.story.id, 'json'), renderJson(brief));
  });

  app.get('/api/stories/:id/brief.md', async (req, reply) => {
    const brief = await briefOf(req);
    return download(reply, 'text/markdown; charset=utf-8', fileName(brief.story.id, 'md'), renderMarkdown(brief, { outlets: await outlets.get() }));
  });

  app.get('/api/stories/:id/brief.html', async (req, reply) => {
    const brief = await briefOf(req);
    reply.header('content-security-policy', BRIEF_PAGE_CSP);
    return download(reply, 'text/html; charset=utf-8', fileName(brief.story.id, 'html'), renderHtml(brief, { outlets: await outlets.get() }));
  });

  app.get('/api/stories/:id/claims.csv', async (req, reply) => {
    const brief = await briefOf(req);
    return download(reply, 'text/csv; charset=utf-8; header=present', fileName(brief.story.id, 'csv'), renderClaimsCsv(brief, { outlets: await outlets.get() }));
  });

  app.get('/api/stories/:id/claimreview.jsonld', async (req, reply) => {
    const brief = await briefOf(req);
    const body = renderClaimReview(brief, { storyUrl: storyUrl(req, brief.story.id), reviewed: new Date(), outlets: await outlets.get() });
    return download(reply, 'application/ld+json; charset=utf-8', fileName(brief.story.id, 'jsonld'), body);
  });

  app.get('/api/stories/:id/feed.atom', async (req, reply) => {
    const brief = await briefOf(req);
    const page = storyUrl(req, brief.story.id);
    const xml = renderAtom({
      id: page,
      title: `${brief.story.headline || '(untitled story)'} — reports`,
      subtitle: 'Each report that joined this story, newest first.',
      selfUrl: `${baseUrl(req)}/api/stories/${encodeURIComponent(brief.story.id)}/feed.atom`,
      pageUrl: page,
      updated: brief.story.lastSeen,
      entries: storyUpdateEntries(brief, (id) => `${baseUrl(req)}/articles/${encodeURIComponent(id)}`, await outlets.get()),
    });
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  });

  app.get('/api/feed.atom', async (req, reply) => {
    const { stories } = await catalog.listStories({ limit: FEED_STORIES, offset: 0 });
    const xml = renderAtom({
      id: `${baseUrl(req)}/`,
      title: 'newsfuse: stories',
      subtitle: 'Stories fused from many reports, newest first.',
      selfUrl: `${baseUrl(req)}/api/feed.atom`,
      pageUrl: `${baseUrl(req)}/`,
      entries: storyEntries(stories, (id) => storyUrl(req, id)),
    });
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  });

  app.get('/api/stories/:id/outlets', async (req) => {
    const brief = await briefOf(req);
    const directory = await outlets.get();
    if (!directory) return { outlets: 0, sources: {}, by: { country: [], owner: [], kind: [] }, flags: [] };
    return { outlets: directory.size, ...outletSupport(brief, directory) };
  });
}

import type { FastifyInstance } from 'fastify';
import type { WebAssets } from './assets.js';

/** How often pages ask /api/revision whether something new arrived. */
export const DEFAULT_POLL_MS = 3000;

/**
 * The HTML every page route answers with: no data at all, only the bundled
 * script and stylesheet, which fetch the JSON API and build the DOM with
 * textContent. Article text therefore never passes through an HTML parser.
 */
export function pageShell(assets: WebAssets, pollMs: number): string {
  const v = assets.version;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="newsfuse-poll-ms" content="${Math.max(250, Math.round(pollMs))}">
<title>newsfuse</title>
<link rel="stylesheet" href="/assets/app.css?v=${v}">
<script type="module" src="/assets/app.js?v=${v}"></script>
</head>
<body>
<header class="top"><a class="brand" href="/">newsfuse</a><span class="tagline">many reports, one cross-checked story</span><span id="live" class="live" aria-live="polite"></span></header>
<main id="app"><p class="loading">Loading…</p></main>
<noscript><p>This page needs JavaScript. The same data is served as JSON under <code>/api/</code> (see <code>/openapi.json</code>).</p></noscript>
</body>
</html>
`;
}

/** Page routes and the two assets. Pages carry no data, so they need no token even when reads do. */
export function registerPages(app: FastifyInstance, assets: WebAssets, pollMs = DEFAULT_POLL_MS): void {
  const shell = pageShell(assets, pollMs);
  const sendShell = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(shell);
  app.get('/', sendShell);
  app.get('/stories/:id', sendShell);
  app.get('/articles/:id', sendShell);
  const asset = (body: Buffer, type: string) => async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type(type).header('cache-control', 'public, max-age=3600').header('etag', `"${assets.version}"`).send(body);
  app.get('/assets/app.js', asset(assets.js, 'text/javascript; charset=utf-8'));
  app.get('/assets/app.css', asset(assets.css, 'text/css; charset=utf-8'));
  // Browsers ask for it on every site; an empty answer keeps the console clean.
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).header('cache-control', 'public, max-age=86400').send());
}

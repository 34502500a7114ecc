import type { FastifyInstance } from 'fastify';
import type { WebAssets } from './assets.js';

/** The icon: overlapping reports (three sheets) fused into one, in the header's colours. */
const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0f172a"/><rect x="5" y="7" width="13" height="17" rx="2" fill="#60a5fa"/><rect x="10" y="5" width="13" height="17" rx="2" fill="#fbbf24" opacity=".9"/><rect x="15" y="9" width="12" height="17" rx="2" fill="#34d399" opacity=".9"/><path d="M18 14h6M18 18h6M18 22h4" stroke="#0f172a" stroke-width="1.6"/></svg>`;

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
<meta name="color-scheme" content="light dark">
<title>newsfuse</title>
<link rel="icon" type="image/svg+xml" href="/favicon.svg">
<link rel="alternate" type="application/atom+xml" title="newsfuse: stories" href="/api/feed.atom">
<link rel="stylesheet" href="/assets/app.css?v=${v}">
<script type="module" src="/assets/app.js?v=${v}"></script>
</head>
<body>
<a class="skip" href="#app">Skip to content</a>
<header class="top"><a class="brand" href="/">newsfuse</a><span class="tagline">many reports, one cross-checked story</span><span id="live" class="live" role="status" aria-live="polite"></span></header>
<main id="app" tabindex="-1"><p class="loading">Loading…</p></main>
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
  // Browsers ask for /favicon.ico on every site; both names get the same small SVG.
  const favicon = async (_req: unknown, reply: import('fastify').FastifyReply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG);
  app.get('/favicon.svg', favicon);
  app.get('/favicon.ico', favicon);
}

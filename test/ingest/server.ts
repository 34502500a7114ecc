import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local news site for fetch tests: pages, a feed with ETag, a big page, a slow page, a redirect. No network. */
export interface NewsSite {
  base: string;
  /** Request log: path and the headers that matter. */
  requests: { path: string; userAgent?: string; ifNoneMatch?: string }[];
  close(): Promise<void>;
}

export function articlePage(title: string, sentences: string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${sentences.map((s) => `<p>${s}</p>`).join('')}</article><footer>© Example</footer></body></html>`;
}

const PAGES: Record<string, string> = {
  '/a1': articlePage('Council approves new tram line', [
    'The city council approved a new tram line on Wednesday that will link the central station with the university campus and the hospital in the north.',
    'Construction is expected to start next year and to last three years, the transport department said, at a cost of about 180 million euros.',
    'Opponents said the money would be better spent on buses, but a majority of councillors argued that trams carry more people and pollute less.',
  ]),
  '/a2': articlePage('Museum returns stolen painting', [
    'A painting stolen from a private collection forty years ago has been returned to the family of its owner after it was found at an auction house.',
    'The auction house said it had withdrawn the work from sale as soon as a researcher noticed that it matched a picture in a database of stolen art.',
    'The family said they were delighted and planned to lend the painting to the regional museum so that the public could see it for the first time.',
  ]),
};

export async function startNewsSite(): Promise<NewsSite> {
  const requests: NewsSite['requests'] = [];
  let base = '';
  const feed = (): string => `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>
    <item><title>Tram</title><link>${base}/a1?utm_medium=feed</link><pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate></item>
    <item><title>Painting</title><link>${base}/a2</link></item></channel></rss>`;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path, userAgent: req.headers['user-agent'], ifNoneMatch: req.headers['if-none-match'] as string | undefined });
    if (path === '/feed') {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(feed());
      return;
    }
    if (PAGES[path]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGES[path]);
      return;
    }
    if (path === '/redirect') {
      res.writeHead(302, { location: '/a1' }).end();
      return;
    }
    if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><body>${'x'.repeat(2 * 2 ** 20)}</body></html>`);
      return;
    }
    if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
      return; // never ends
    }
    if (path === '/image') {
      res.writeHead(200, { 'content-type': 'image/png' }).end('PNG');
      return;
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

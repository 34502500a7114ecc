import assert from 'node:assert/strict';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { openCatalog } from '../../src/store/index.js';
import type { Document, IngestReport } from '../../src/types.js';
import { call, messageOf, postJson, serve, tempDir } from './helpers.js';
import { MemoryCatalog, fixtureBrief } from './memory-catalog.js';

const TOKEN = 'hardening-token-5c81d2';
const doc = { id: 'h-1', title: 'Harbour opens', text: 'The harbour opened on Monday. Ships came in the afternoon.' };

/** Raw GET with the given Accept-Encoding: status, headers and the body as bytes. */
function rawGet(url: string, encoding: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
  });
}

/** Opens an event stream and resolves with its status once the headers are in (the stream stays open until destroyed). */
function openStream(url: string): Promise<{ status: number; close: () => void; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      res.on('data', () => undefined);
      resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, close: () => req.destroy() });
    });
    req.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err);
    });
  });
}

describe('server hardening', () => {
  it('answers 415 to a body that is not JSON, and names the path and the problem of a bad Document', async () => {
    const srv = await serve(new MemoryCatalog([]), { token: TOKEN });
    try {
      const auth = { authorization: `Bearer ${TOKEN}` };
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'text/html; charset=utf-8']) {
        const r = await call(`${srv.url}/api/documents`, { method: 'POST', headers: { ...auth, 'content-type': type }, body: JSON.stringify(doc) });
        assert.equal(r.status, 415, type);
        assert.match(messageOf(r.body), /JSON/);
      }
      const bad = await postJson(`${srv.url}/api/documents`, [doc, { id: '', text: 'x' }, { id: 'c', url: 'u' }, { id: 7, text: 'x' }], TOKEN);
      assert.equal(bad.status, 400);
      const m = messageOf(bad.body);
      assert.match(m, /\[1\]\.id: must not be empty/);
      assert.match(m, /\[2\]: needs a non-empty "text", "html" or "title"/);
      assert.match(m, /\[3\]\.id: .*expected string/);
      assert.doesNotMatch(m, /Invalid input$/);
      const one = await postJson(`${srv.url}/api/documents`, { id: 'x', text: 5 }, TOKEN);
      assert.equal(one.status, 400);
      assert.match(messageOf(one.body), /^invalid body: text: /);
      const headline = await postJson(`${srv.url}/api/documents`, { id: 'headline', title: 'A headline alone is an article' }, TOKEN);
      assert.equal(headline.status, 200);
    } finally {
      await srv.close();
    }
  });

  it('compresses JSON and assets with brotli or gzip, as the client accepts', async () => {
    const srv = await serve(new MemoryCatalog([fixtureBrief()]));
    try {
      const plain = await rawGet(`${srv.url}/openapi.json`, 'identity');
      assert.equal(plain.headers['content-encoding'], undefined);
      const br = await rawGet(`${srv.url}/openapi.json`, 'br, gzip');
      assert.equal(br.headers['content-encoding'], 'br');
      assert.deepEqual(JSON.parse(brotliDecompressSync(br.body).toString()), JSON.parse(plain.body.toString()));
      assert.ok(br.body.length * 3 < plain.body.length, `${br.body.length} of ${plain.body.length} bytes`);
      const gz = await rawGet(`${srv.url}/api/stories/s-vostochny`, 'gzip');
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal((JSON.parse(gunzipSync(gz.body).toString()) as { story: { id: string } }).story.id, 's-vostochny');
    } finally {
      await srv.close();
    }
  });

  it('caps event streams per client and in all, with 503 and Retry-After beyond', async () => {
    const srv = await serve(new MemoryCatalog([fixtureBrief()]), { eventStreams: { perClient: 2, total: 3 } });
    const open: { close: () => void }[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const s = await openStream(`${srv.url}/api/events`);
        open.push(s);
        assert.equal(s.status, 200);
      }
      const third = await openStream(`${srv.url}/api/events`);
      open.push(third);
      assert.equal(third.status, 503);
      assert.equal(third.retryAfter, '30');
      // Another address (::1 is this machine too, seen as a different client) fits within the total, then the total is full.
      open[0]!.close();
      await new Promise((r) => setTimeout(r, 100));
      const again = await openStream(`${srv.url}/api/events`);
      open.push(again);
      assert.equal(again.status, 200, 'a closed stream frees its place');
    } finally {
      for (const s of open) s.close();
      await srv.close();
    }
  });

  it('closes a client that sends its headers a line at a time, and one that never finishes its body', async () => {
    const srv = await serve(new MemoryCatalog([]), { headersTimeoutMs: 1000, requestTimeoutMs: 2000 });
    try {
      const slow = (lines: string[], everyMs: number): Promise<number> =>
        new Promise((resolve) => {
          const socket = net.connect(srv.port, '127.0.0.1');
          let sent = 0;
          const timer = setInterval(() => {
            if (sent < lines.length && !socket.destroyed) socket.write(lines[sent++]!);
          }, everyMs);
          socket.on('data', () => undefined);
          socket.on('error', () => undefined);
          socket.on('close', () => {
            clearInterval(timer);
            resolve(sent);
          });
        });
      // 40 header lines, one every 200 ms: 8 s if never cut off; cut off after ~1 s (plus up to 1 s until the next check).
      const headerLines = ['GET /healthz HTTP/1.1\r\n', ...Array.from({ length: 39 }, (_, i) => `X-Slow-${i}: ${i}\r\n`)];
      const sentHeaders = await slow(headerLines, 200);
      assert.ok(sentHeaders < 20, `closed after ${sentHeaders} header lines`);
      const bodyLines = ['POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n', ...Array.from({ length: 39 }, () => '{"a":1}')];
      const sentBody = await slow(bodyLines, 200);
      assert.ok(sentBody < 25, `closed after ${sentBody} body pieces`);
    } finally {
      await srv.close();
    }
  });

  it('takes POSTed batches one at a time and tells the ones beyond the waiting line to come back', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    class SlowCatalog extends MemoryCatalog {
      running = 0;
      maxRunning = 0;
      override async ingest(docs: Document[]): Promise<IngestReport> {
        this.running++;
        this.maxRunning = Math.max(this.maxRunning, this.running);
        await gate;
        this.running--;
        return super.ingest(docs);
      }
    }
    const catalog = new SlowCatalog([]);
    const srv = await serve(catalog, { token: TOKEN });
    try {
      const posts = Array.from({ length: 6 }, (_, i) => postJson(`${srv.url}/api/documents`, { ...doc, id: `slow-${i}` }, TOKEN));
      await new Promise((r) => setTimeout(r, 300));
      assert.equal((await call(`${srv.url}/healthz`)).status, 200, 'reads go on meanwhile');
      release();
      const results = await Promise.all(posts);
      const statuses = results.map((r) => r.status).sort();
      assert.ok(statuses.includes(200) && statuses.includes(503), statuses.join(','));
      const busy = results.find((r) => r.status === 503)!;
      assert.equal(busy.headers.get('retry-after'), '5');
      assert.match(messageOf(busy.body), /busy/);
      assert.equal(catalog.maxRunning, 1, 'never two ingests at once');
    } finally {
      await srv.close();
    }
  });

  it('notices a store deleted or replaced under it: health fails, writes are refused (503), nothing is written to the lost file', async () => {
    const { dir, cleanup } = tempDir('newsfuse-gone-');
    const file = join(dir, 'store.db');
    const catalog = await openCatalog(file, { threads: 0 });
    const srv = await serve(catalog, { token: TOKEN });
    try {
      assert.equal((await call(`${srv.url}/healthz`)).status, 200);
      assert.equal((await postJson(`${srv.url}/api/documents`, doc, TOKEN)).status, 200);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      const health = await call(`${srv.url}/healthz`);
      assert.equal(health.status, 503);
      const write = await postJson(`${srv.url}/api/documents`, { ...doc, id: 'h-2', text: `${doc.text} Again.` }, TOKEN);
      assert.equal(write.status, 503);
      assert.match(messageOf(write.body), /store/);
      assert.ok(!existsSync(file));
      // A new file at the same path is another store: still refused until a restart.
      writeFileSync(join(dir, 'other.db'), '');
      renameSync(join(dir, 'other.db'), file);
      assert.equal((await call(`${srv.url}/healthz`)).status, 503);
    } finally {
      await srv.close();
      await catalog.close().catch(() => undefined);
      cleanup();
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Brief } from '../../src/types.js';
import { call, messageOf, serve } from './helpers.js';
import { MemoryCatalog, fixtureBrief } from './memory-catalog.js';

/** A store that has gone away: every call fails. */
class BrokenCatalog extends MemoryCatalog {
  override async getBrief(): Promise<Brief | null> {
    throw new Error('connection refused: secret-host:5432');
  }
  override async revision(): Promise<number> {
    throw new Error('connection refused');
  }
}

describe('error answers', () => {
  it('are JSON with status, name and reason for router-level errors', async () => {
    const srv = await serve(new MemoryCatalog([fixtureBrief()]));
    try {
      const long = await call(`${srv.url}/api/stories/${'a'.repeat(700)}`);
      assert.equal(long.status, 414);
      assert.deepEqual(Object.keys(long.body as object).sort(), ['error', 'message', 'statusCode']);
      const tooLongId = await call(`${srv.url}/api/articles/${'a'.repeat(513)}`);
      assert.equal(tooLongId.status, 400);
      assert.match(messageOf(tooLongId.body), /id/);
      const badEncoding = await call(`${srv.url}/api/stories/%E0%A4%A`);
      assert.equal(badEncoding.status, 400);
      assert.match(messageOf(badEncoding.body), /percent-encoding/);
      const control = await call(`${srv.url}/api/stories/a%00b`);
      assert.equal(control.status, 400);
      assert.match(messageOf(control.body), /control characters/);
      const html404 = await call(`${srv.url}/no/such/page`, { headers: { accept: 'text/html' } });
      assert.equal(html404.status, 404);
      assert.match(String(html404.body), /All stories/);
    } finally {
      await srv.close();
    }
  });

  it('hide internal failures behind a 500 without details, and /healthz says 503', async () => {
    const srv = await serve(new BrokenCatalog([fixtureBrief()]));
    try {
      const r = await call(`${srv.url}/api/stories/s-vostochny`);
      assert.equal(r.status, 500);
      assert.equal(messageOf(r.body), 'internal error');
      assert.doesNotMatch(JSON.stringify(r.body), /secret-host/);
      assert.equal((await call(`${srv.url}/healthz`)).status, 503);
    } finally {
      await srv.close();
    }
  });
});

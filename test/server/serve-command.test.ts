import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { registerServe } from '../../src/cli/commands/serve.js';
import { UsageError } from '../../src/cli/io.js';
import type { StorySummary } from '../../src/types.js';
import { call, tempDir } from './helpers.js';

function program(): Command {
  const p = new Command('newsfuse').exitOverride();
  registerServe(p);
  return p;
}

/** Runs `fn` with stderr captured into `lines`. */
async function withStderr<T>(lines: string[], fn: () => Promise<T>): Promise<T> {
  const original = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    return await fn();
  } finally {
    process.stderr.write = original;
  }
}

describe('newsfuse serve', () => {
  it('refuses a public address without a token, naming the fix, before opening anything', async () => {
    const tmp = tempDir('newsfuse-serve-');
    try {
      await assert.rejects(
        program().parseAsync(['node', 'newsfuse', 'serve', '--host', '0.0.0.0', '--db', join(tmp.dir, 'x.db')]),
        (err: unknown) => err instanceof UsageError && /--token/.test(err.message),
      );
      await assert.rejects(program().parseAsync(['node', 'newsfuse', 'serve', '--port', 'http']), (err: unknown) => err instanceof UsageError && /--port/.test(err.message));
    } finally {
      tmp.cleanup();
    }
  });

  it('ingests the given paths, serves them, and stops cleanly on SIGTERM', async () => {
    const tmp = tempDir('newsfuse-serve-');
    const lines: string[] = [];
    try {
      await withStderr(lines, async () => {
        const running = program().parseAsync(['node', 'newsfuse', 'serve', '--db', join(tmp.dir, 'demo.db'), '--port', '0', 'examples/vostochny']);
        let url: string | undefined;
        for (let i = 0; i < 600 && !url; i++) {
          url = /serving .* at (http:\/\/[^/\s]+)\//.exec(lines.join(''))?.[1];
          if (!url) await new Promise((r) => setTimeout(r, 50));
        }
        assert.ok(url, lines.join(''));
        const stories = (await call(`${url}/api/stories`)).body as { stories: StorySummary[] };
        assert.equal(stories.stories.reduce((n, s) => n + s.articles, 0), 5);
        assert.equal((await call(`${url}/`)).status, 200);
        process.emit('SIGTERM', 'SIGTERM');
        await running;
        await assert.rejects(fetch(`${url}/healthz`));
      });
      assert.match(lines.join(''), /ingested 5 new, 0 already stored, 0 failed/);
    } finally {
      tmp.cleanup();
    }
  });
});

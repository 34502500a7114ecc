import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerExtract } from '../../src/cli/commands/extract.js';
import { runInProcess } from '../cli/run.js';

/** Runs `newsfuse extract …` in process: what it wrote and the exit code it set. */
async function runExtract(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const r = await runInProcess(registerExtract, ['extract', ...args]);
  return { out: r.stdout, err: r.stderr, code: r.code };
}

test('extract: one JSON line per input, in input order, bad inputs reported and skipped', async () => {
  const r = await runExtract(['examples/vostochny/004_2b244e8b02335e84.txt', 'test/fixtures/extract/missing.html', 'test/fixtures/extract/article-furniture.html', 'test/fixtures/extract/nav-only.html']);
  const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; attribution?: string });
  assert.deepEqual(lines.map((l) => l.id), ['004_2b244e8b02335e84', 'article-furniture']);
  assert.equal(lines[0]?.attribution, 'Krone');
  assert.match(r.err, /missing\.html: /);
  assert.match(r.err, /nav-only\.html: no article text/);
  assert.equal(r.err.trim().split('\n').length, 2);
  assert.equal(r.code, 0);
});

test('extract --format json prints one array', async () => {
  const r = await runExtract(['--format', 'json', 'test/fixtures/extract/broken.html']);
  const arr = JSON.parse(r.out) as { title: string }[];
  assert.equal(arr.length, 1);
  assert.equal(arr[0]?.title, 'Broken & Unclosed: Council Approves Budget');
});

test('extract exits 1 when nothing usable was given', async () => {
  const r = await runExtract(['test/fixtures/extract/empty.html']);
  assert.equal(r.out, '');
  assert.equal(r.code, 1);
  assert.match(r.err, /empty\.html/);
});

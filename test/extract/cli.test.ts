import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { registerExtract } from '../../src/cli/commands/extract.js';
import { runInProcess } from '../cli/run.js';

/** Runs `newsfuse extract …` in process: what it wrote and the exit code it set. */
async function runExtract(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const r = await runInProcess(registerExtract, ['extract', ...args]);
  return { out: r.stdout, err: r.stderr, code: r.code };
}

test('extract: one JSON line per input, in input order; a bad input gets an error row and a stderr line', async () => {
  const r = await runExtract(['examples/vostochny/004_2b244e8b02335e84.txt', 'test/fixtures/extract/missing.html', 'test/fixtures/extract/article-furniture.html', 'test/fixtures/extract/nav-only.html', 'test/fixtures/cli/empty.txt']);
  const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; attribution?: string; error?: string });
  assert.deepEqual(lines.map((l) => l.id), ['004_2b244e8b02335e84', 'missing', 'article-furniture', 'nav-only', 'empty']);
  assert.equal(lines[0]?.attribution, 'Krone');
  assert.match(lines[1]?.error ?? '', /no such file/);
  assert.equal(lines[3]?.error, undefined, 'a page of navigation is its headline');
  assert.match(lines[4]?.error ?? '', /empty file/);
  assert.match(r.err, /missing\.html: no such file/);
  assert.match(r.err, /empty\.txt: empty file/);
  assert.equal(r.err.trim().split('\n').length, 2);
  assert.equal(r.code, 0);
});

test('extract --format json prints one array', async () => {
  const r = await runExtract(['--format', 'json', 'test/fixtures/extract/broken.html']);
  const arr = JSON.parse(r.out) as { title: string }[];
  assert.equal(arr.length, 1);
  assert.equal(arr[0]?.title, 'Broken & Unclosed: Council Approves Budget');
});

test('extract exits 1 when nothing usable was given, still with one error row per input', async () => {
  const r = await runExtract(['test/fixtures/cli/empty.txt', 'test/fixtures/cli/binary.txt']);
  const rows = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; error: string });
  assert.deepEqual(rows.map((x) => x.id), ['empty', 'binary']);
  assert.ok(rows.every((x) => x.error.length > 0));
  assert.equal(r.code, 1);
  assert.match(r.err, /empty\.txt/);
});

test('extract reads - from standard input: a page, a text or JSON lines of Documents', () => {
  const page = spawnSync(process.execPath, ['bin/newsfuse', 'extract', '-'], { input: readFileSync('test/fixtures/extract/article-furniture.html'), encoding: 'utf8' });
  assert.equal(page.status, 0, page.stderr);
  assert.equal((JSON.parse(page.stdout) as { title: string; id: string }).title, 'Rivers Rise as Storm Stalls Over Valley');
  const rows = ['{"id":"a","title":"Earthquake hits Aldera","publishedAt":"Tue, 05 Mar 2024 10:00:00 GMT"}', '{"id":"../../etc/passwd","text":"A flood reached the town. Rivers rose overnight across the valley."}', '{"id":"c","text":"x","publishedAt":"not a date"}', '{oops'].join('\n');
  const r = spawnSync(process.execPath, ['bin/newsfuse', 'extract', '-'], { input: rows, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; publishedAt?: string; error?: string });
  assert.deepEqual(out.map((o) => o.id), ['a', '..%2F..%2Fetc%2Fpasswd', 'c', null]);
  assert.equal(out[0]?.publishedAt, '2024-03-05T10:00:00.000Z');
  assert.equal(out[2]?.publishedAt, undefined);
  assert.match(out[3]?.error ?? '', /not valid JSON/);
  assert.match(r.stderr, /stdin:3: warning: publishedAt "not a date" dropped: not a date/);
  assert.match(r.stderr, /stdin:4: not valid JSON/);
});

test('a 16 MiB text of one line is extracted within 512 MiB of memory (no copy per whitespace pass, no furniture test on a huge line)', () => {
  const script = `
    const { extract } = await import('./dist/src/extract/index.js');
    const words = 'the council said on Tuesday that rain fell over the valley and people moved'.split(' ');
    const parts = []; let n = 0; for (let i = 0; n < 16 * 2 ** 20 - 100; i++) { const w = words[i % words.length] + (i % 17 === 16 ? '. ' : ' '); parts.push(w); n += w.length; }
    const a = extract({ id: 'big', format: 'text', content: parts.join('') });
    process.stdout.write(JSON.stringify({ chars: a.text.length, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { chars: number; maxRssMiB: number };
  assert.ok(out.chars > 16 * 2 ** 20 - 1000);
  assert.ok(out.maxRssMiB <= 512, `${Math.round(out.maxRssMiB)} MiB`);
});

test('extract --threads 2 writes the same rows, in the same order, as extraction in one thread', () => {
  const rows = Array.from({ length: 24 }, (_, i) => JSON.stringify(i === 5 ? { id: 'bad', url: 'x' } : { id: `d${i}`, html: `<html><head><title>Story ${i}</title></head><body><article><p>Paragraph ${i} of a story told at some length, so that it reads as a body.</p></article></body></html>` }));
  const run = (threads: string): string => {
    const r = spawnSync(process.execPath, ['bin/newsfuse', 'extract', '--threads', threads, '-'], { input: rows.join('\n'), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  const one = run('0');
  assert.equal(one.trim().split('\n').length, 24);
  assert.equal(run('2'), one);
});

test('extract over a folder: rows in file order; a bad file among good ones gets its row and stderr line, and the batch goes on', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-extract-folder-'));
  try {
    const page = readFileSync('test/fixtures/extract/article-furniture.html');
    const names = Array.from({ length: 20 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    for (const n of names) writeFileSync(path.join(folder, `${n}.html.gz`), n === 'p05' ? page.subarray(0, 100) : gzipSync(page));
    const r = await runExtract([folder]);
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; title?: string; error?: string });
    assert.deepEqual(rows.map((x) => x.id), names);
    assert.equal(rows[5]?.error, 'corrupt or truncated gzip data');
    assert.ok(rows.every((x, i) => i === 5 || x.title === 'Rivers Rise as Storm Stalls Over Valley'));
    assert.equal(r.err, `newsfuse: ${path.join(folder, 'p05.html.gz')}: corrupt or truncated gzip data\n`);
    assert.equal(r.code, 0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('newsfuse extract over pages named loads neither node:crypto (no page is hashed for extraction) nor the glob matcher', () => {
  // A module run before the CLI that reports, as the process exits, whether node:crypto and picomatch (tinyglobby's) were ever loaded.
  const probe = `data:text/javascript,import { createRequire } from 'node:module'; const cache = createRequire(process.cwd() + '/').cache; process.on('exit', () => process.stderr.write('crypto loaded: ' + process.moduleLoadList.includes('NativeModule crypto') + ', picomatch loaded: ' + Object.keys(cache).some((f) => f.includes('picomatch')) + '\\n'))`;
  const r = spawnSync(process.execPath, ['--import', probe, 'bin/newsfuse', 'extract', 'test/fixtures/extract/article-furniture.html', 'test/fixtures/extract/cp1251.html'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n').length, 2);
  assert.match(r.stderr, /crypto loaded: false, picomatch loaded: false/);
  // A pattern still reads the files it matches.
  const glob = spawnSync(process.execPath, ['--import', probe, 'bin/newsfuse', 'extract', 'test/fixtures/extract/c*1.html'], { encoding: 'utf8' });
  assert.equal(glob.status, 0, glob.stderr);
  assert.deepEqual(glob.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id), ['cp1251']);
  assert.match(glob.stderr, /picomatch loaded: true/);
});

test('newsfuse extract ends its process as soon as every row is written; a command that asks nothing of the kind ends the usual way', () => {
  // Node emits beforeExit when a process ends because nothing is left to do, not when it is ended by process.exit.
  const probe = `data:text/javascript,process.on('beforeExit', () => process.stderr.write('ended the usual way\\n'))`;
  const pages = ['test/fixtures/extract/article-furniture.html', 'test/fixtures/extract/og-dates.html', 'test/fixtures/extract/cp1251.html'];
  const r = spawnSync(process.execPath, ['--import', probe, 'bin/newsfuse', 'extract', ...pages], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id), ['article-furniture', 'og-dates', 'cp1251']);
  assert.doesNotMatch(r.stderr, /ended the usual way/);
  const none = spawnSync(process.execPath, ['--import', probe, 'bin/newsfuse', 'extract', 'test/fixtures/cli/empty.txt'], { encoding: 'utf8' });
  assert.equal(none.status, 1, 'the exit code stays that of the command');
  const version = spawnSync(process.execPath, ['--import', probe, 'bin/newsfuse', '--version'], { encoding: 'utf8' });
  assert.equal(version.status, 0);
  assert.match(version.stderr, /ended the usual way/);
});

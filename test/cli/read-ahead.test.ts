import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readAhead } from '../../src/cli/read-ahead.js';
import { errorRow } from '../../src/cli/io.js';
import { extract, ExtractError, extractPrepared } from '../../src/extract/index.js';
import { isProblem } from '../../src/ingest/document.js';
import { readEach } from '../../src/ingest/files.js';
import type { InputProblem } from '../../src/types.js';
import { newsfuse } from './run.js';

/** A folder of every kind of input, good and bad: pages (plain and gzipped), texts, JSON lines with a warning and a bad row, a corrupt .gz, an empty and a binary file, an id read twice. */
function mixedFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-read-ahead-'));
  const page = readFileSync('test/fixtures/extract/article-furniture.html', 'utf8');
  for (let i = 0; i < 12; i++) {
    const html = page.replace('Rivers Rise', `Rivers Rise ${i}`).replace('</p>', ` Paragraph ${i}, with “quotes” — and dashes.</p>`);
    writeFileSync(path.join(folder, `p${String(i).padStart(2, '0')}.html${i % 2 ? '.gz' : ''}`), i % 2 ? gzipSync(html) : html);
  }
  cpSync('examples/vostochny', path.join(folder, 'texts'), { recursive: true });
  cpSync('test/fixtures/extract/cp1251.html', path.join(folder, 'cp1251.html'));
  writeFileSync(path.join(folder, 'rows.jsonl'), ['{"id":"r1","text":"A flood reached the town. Rivers rose overnight.","publishedAt":"not a date"}', '{oops', '{"id":"r2","html":"<p>Short page.</p>"}'].join('\n'));
  writeFileSync(path.join(folder, 'p03.txt'), 'The same id as a page before it.');
  writeFileSync(path.join(folder, 'q-corrupt.html.gz'), gzipSync(page).subarray(0, 50));
  writeFileSync(path.join(folder, 'q-empty.txt'), '');
  writeFileSync(path.join(folder, 'q-binary.txt'), Buffer.from([1, 2, 0, 3, 0, 0, 4]));
  return folder;
}

/** The rows and stderr lines of `newsfuse extract <folder>` as the main thread alone makes them: readEach, then extract, in order. */
async function expected(folder: string): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const problem = (p: InputProblem): void => {
    out += `${JSON.stringify(errorRow(p))}\n`;
    err += `newsfuse: ${p.input}: ${p.reason}\n`;
  };
  for await (const item of readEach([folder])) {
    if (isProblem(item)) {
      problem(item);
      continue;
    }
    for (const w of item.warnings ?? []) err += `newsfuse: ${item.origin}: warning: ${w}\n`;
    try {
      out += `${JSON.stringify(extract(item))}\n`;
    } catch (e) {
      if (!(e instanceof ExtractError)) throw e;
      problem({ input: item.origin, id: item.id, reason: e.message });
    }
  }
  return { out, err };
}

test('extract over a folder (read on a thread when a core is spare): the same rows, in the same order, and the same stderr lines as reading and extracting in one thread', async () => {
  const folder = mixedFolder();
  try {
    const want = await expected(folder);
    assert.ok(want.out.split('\n').length > 20);
    assert.match(want.err, /duplicate id "p03"/);
    assert.match(want.err, /q-corrupt\.html\.gz: corrupt or truncated gzip data/);
    assert.match(want.err, /warning: publishedAt "not a date" dropped/);
    const r = newsfuse(['extract', folder]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, want.out);
    assert.equal(r.stderr, want.err);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('with one document ahead the reading thread waits for each to be taken: nothing lost or reordered, and what it sends extracts as the documents read here do', async () => {
  const folder = mixedFolder();
  try {
    const direct: unknown[] = [];
    for await (const item of readEach([folder])) {
      if (isProblem(item)) direct.push(item);
      else {
        try {
          direct.push(extract(item));
        } catch (e) {
          direct.push({ refused: (e as Error).message });
        }
      }
    }
    // One document ahead: the thread waits for each to be taken before it sends the next. Nothing read here.
    const read = [];
    for await (const item of readAhead([folder], 1, 0)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (isProblem(item)) read.push(item);
      else {
        if (!('body' in item)) assert.fail('a prepared document, not the whole page');
        try {
          read.push(extractPrepared(item));
        } catch (e) {
          read.push({ refused: (e as Error).message });
        }
      }
    }
    assert.deepEqual(read, direct);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the first documents are read here while the thread starts (at most hereFirst), the copies the thread sends dropped: the same rows as reading in one thread', async () => {
  const folder = mixedFolder();
  try {
    const rowOf = (item: Awaited<ReturnType<ReturnType<typeof readAhead>['next']>>['value']): unknown => {
      if (item === undefined || isProblem(item)) return item;
      try {
        return 'body' in item ? extractPrepared(item) : extract(item);
      } catch (e) {
        return { refused: (e as Error).message };
      }
    };
    const direct: unknown[] = [];
    for await (const item of readEach([folder])) direct.push(rowOf(item));
    for (const hereFirst of [2, Infinity]) {
      const rows: unknown[] = [];
      const kinds: string[] = [];
      for await (const item of readAhead([folder], 8, hereFirst)) {
        rows.push(rowOf(item));
        kinds.push(isProblem(item) ? 'problem' : 'body' in item ? 'thread' : 'here');
      }
      assert.deepEqual(rows, direct);
      const here = kinds.lastIndexOf('here') + 1;
      assert.ok(here <= hereFirst, `${here} read here`);
      assert.ok(!kinds.slice(0, here).includes('thread'), 'documents read here come first');
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a reading thread stopped early (an error downstream) is stopped, and a folder that is not there is a problem row', async () => {
  const folder = mixedFolder();
  try {
    for await (const item of readAhead([folder])) {
      assert.ok(!isProblem(item));
      break;
    }
    const missing = [];
    for await (const item of readAhead([path.join(folder, 'nothing-here')])) missing.push(item);
    assert.equal(missing.length, 1);
    assert.ok(isProblem(missing[0]) && /no such file/.test(missing[0].reason));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

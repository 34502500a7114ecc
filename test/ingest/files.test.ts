import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import fc from '../fast-check.js';
import { looksBinary } from '../../src/ingest/contents.js';
import { readInputs } from '../../src/ingest/files.js';
import { fileLines } from '../../src/ingest/lines.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-files-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const row = (id: string, words: number): string => JSON.stringify({ id, text: `${'word '.repeat(words)}end.` });

test('a JSONL of many documents may exceed the per-document limit; each document may not', async () => {
  const file = path.join(dir, 'many.jsonl');
  // 40 documents of ~5 kB: 200 kB in all, over a 64 kB per-document limit, and one document over it.
  const lines = Array.from({ length: 40 }, (_, i) => row(`d${i}`, 1000));
  lines.splice(7, 0, row('huge', 20_000));
  writeFileSync(file, `${lines.join('\n')}\n`);
  const { docs, problems } = await readInputs([file], { maxBytes: 64 * 1024 });
  assert.equal(docs.length, 40);
  assert.deepEqual(problems.map((p) => p.input), [`${file}:8`]);
  assert.match(problems[0]!.reason, /document too large/);
});

test('a collection read whole (.json, .jsonl.gz) beyond its own limit is refused whole, with the reason', async () => {
  const rows = Array.from({ length: 10 }, (_, i) => JSON.parse(row(`b${i}`, 1000)) as unknown);
  const json = path.join(dir, 'big.json');
  writeFileSync(json, JSON.stringify(rows));
  const gz = path.join(dir, 'big.jsonl.gz');
  writeFileSync(gz, gzipSync(rows.map((r) => JSON.stringify(r)).join('\n')));
  for (const file of [json, gz]) {
    const { docs, problems } = await readInputs([file], { maxCollectionBytes: 20 * 1024 });
    assert.equal(docs.length, 0, file);
    assert.match(problems[0]?.reason ?? '', /too large .* the limit is 20480|expands beyond 20480/, file);
  }
});

test('a plain JSONL is read line by line: no limit of its own, each document still capped', async () => {
  const file = path.join(dir, 'stream.jsonl');
  const lines = Array.from({ length: 30 }, (_, i) => row(`s${i}`, 1000));
  lines.splice(3, 0, row('huge', 20_000));
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n\r\n`);
  const { docs, problems } = await readInputs([file], { maxCollectionBytes: 20 * 1024, maxBytes: 64 * 1024 });
  assert.deepEqual(docs.map((d) => d.id), Array.from({ length: 30 }, (_, i) => `s${i}`));
  assert.deepEqual(problems.map((p) => p.input), [`${file}:4`]);
  assert.match(problems[0]!.reason, /document too large \(\d+ bytes; the limit is 65536\)/);
});

test('fileLines cuts a file into the lines split() gives, whatever the chunk size, keeping only lines within the limit', () => {
  const file = path.join(dir, 'lines.txt');
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 12 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 14 }), (rows, chunk, limit) => {
      const text = rows.join('\n');
      writeFileSync(file, text);
      const expected = text === '' ? [] : text.split('\n').map((t, i) => ({ number: i + 1, bytes: Buffer.byteLength(t), text: Buffer.byteLength(t) > limit ? undefined : t }));
      // A trailing newline ends the last line; it does not start an empty one.
      if (text.endsWith('\n')) expected.pop();
      const got = [...fileLines(file, limit, chunk)].map((l) => ({ number: l.number, bytes: l.bytes, text: l.text }));
      assert.deepEqual(got, expected.map((e) => (e.number === 1 && e.text?.startsWith('\uFEFF') ? { ...e, text: e.text.slice(1) } : e)));
    }),
  );
});

test('binary data is a NUL byte in the first 8 KiB (after no UTF-16 byte-order mark)', () => {
  const reference = (bytes: Uint8Array): boolean => {
    const n = Math.min(bytes.length, 8192);
    if (n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
    for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
    return false;
  };
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(8300), fc.constantFrom(0, 0x20, 0xff), (tail, at, fill) => {
      const bytes = new Uint8Array(at + tail.length).fill(fill);
      bytes.set(tail, at);
      assert.equal(looksBinary(bytes), reference(bytes));
    }),
  );
});

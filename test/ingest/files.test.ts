import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { readInputs } from '../../src/ingest/files.js';

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

test('a collection beyond its own limit is refused whole, with the reason', async () => {
  const file = path.join(dir, 'big.jsonl');
  writeFileSync(file, `${Array.from({ length: 10 }, (_, i) => row(`b${i}`, 1000)).join('\n')}\n`);
  const { docs, problems } = await readInputs([file], { maxCollectionBytes: 20 * 1024 });
  assert.equal(docs.length, 0);
  assert.match(problems[0]?.reason ?? '', /too large .* the limit is 20480/);
});

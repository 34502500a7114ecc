import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isProblem } from '../../src/ingest/document.js';
import { readWarc } from '../../src/ingest/warc.js';
import type { InputProblem, RawDocument } from '../../src/types.js';

async function all(file: string, options?: { maxRecordBytes?: number }): Promise<{ docs: RawDocument[]; problems: InputProblem[] }> {
  const docs: RawDocument[] = [];
  const problems: InputProblem[] = [];
  for await (const x of readWarc(file, options)) (isProblem(x) ? problems : docs).push(x as never);
  return { docs, problems };
}

test('the HTML responses of a gzipped WARC, by canonical URL', async () => {
  const { docs, problems } = await all('test/fixtures/ingest/news.warc.gz');
  assert.deepEqual(problems, []);
  assert.deepEqual(docs.map((d) => d.url), ['https://news.example.com/bridge', 'https://news.example.com/floods']);
  assert.ok(docs.every((d) => d.format === 'html' && /^u[0-9a-f]{16}$/.test(d.id)));
  assert.match(docs[0]!.content, /harbour bridge/);
  assert.notEqual(docs[0]!.id, docs[1]!.id);
});

test('a broken record is reported; the records before it are kept', async () => {
  const { docs, problems } = await all('test/fixtures/ingest/broken.warc');
  assert.equal(docs.length, 1);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.reason, /truncated/);
  assert.match(problems[0]!.input, /broken\.warc#2/);
});

test('oversized records are skipped with a reason, not read', async () => {
  const { docs, problems } = await all('test/fixtures/ingest/news.warc.gz', { maxRecordBytes: 100 });
  assert.equal(docs.length, 0);
  assert.ok(problems.some((p) => /too large/.test(p.reason)));
});

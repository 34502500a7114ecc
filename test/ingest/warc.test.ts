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

// ---------------------------------------------------------------- damage: every bad record reported, the rest read

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { gzipSync } from 'node:zlib';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-warc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** One WARC response record of an HTML page, with its Content-Length as given (the true one by default). */
function record(n: number, length?: string): Buffer {
  const html = `<!doctype html><html><head><title>Story ${n}</title></head><body><article><h1>Story ${n}</h1><p>Paragraph of story number ${n}, long enough to be a body of text for the extractor to keep.</p></article></body></html>`;
  const block = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`);
  const head = `WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://damaged.example/${n}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${length ?? block.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]);
}

function write(name: string, data: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}

const urls = (docs: RawDocument[]): string[] => docs.map((d) => d.url!.replace('https://damaged.example/', ''));

for (const [what, length, reason] of [
  ['a huge Content-Length', '99999999999', /too large/],
  ['a non-numeric Content-Length', 'twelve', /not a byte count/],
  ['a negative Content-Length', '-5', /not a byte count/],
  ['a Content-Length that runs into the next record', '5000', /runs into the next record/],
] as const) {
  test(`${what} is reported on its record and the records after it are read (plain and gzipped per record)`, async () => {
    const records = [record(1), record(2, length), record(3), record(4)];
    for (const [name, data] of [
      [`bad-${length}.warc`, Buffer.concat(records)],
      [`bad-${length}.warc.gz`, Buffer.concat(records.map((r) => gzipSync(r)))],
      [`bad-whole-${length}.warc.gz`, gzipSync(Buffer.concat(records))],
    ] as const) {
      const file = write(name, data);
      const { docs, problems } = await all(file);
      assert.deepEqual(urls(docs), ['1', '3', '4'], `${name}: ${JSON.stringify(problems)}`);
      assert.ok(problems.some((p) => p.input === `${file}#2` && reason.test(p.reason)), `${name}: ${JSON.stringify(problems)}`);
    }
  });
}

test('a .warc.gz cut in the middle of a record reports that record and keeps the ones before', async () => {
  const members = [1, 2, 3, 4].map((n) => gzipSync(record(n)));
  const whole = Buffer.concat(members);
  const cut = members[0]!.length + members[1]!.length + Math.floor(members[2]!.length / 2);
  const file = write('cut.warc.gz', whole.subarray(0, cut));
  const { docs, problems } = await all(file);
  assert.deepEqual(urls(docs), ['1', '2']);
  assert.equal(problems.length, 1, JSON.stringify(problems));
  assert.match(problems[0]!.reason, /truncated gzip data/);
});

test('a corrupt gzip member in the middle costs its record only', async () => {
  const members = [1, 2, 3, 4].map((n) => gzipSync(record(n)));
  const bad = Buffer.from(members[1]!);
  for (let i = 20; i < bad.length - 12; i += 7) bad[i] = bad[i]! ^ 0x5a;
  const file = write('corrupt.warc.gz', Buffer.concat([members[0]!, bad, members[2]!, members[3]!]));
  const { docs, problems } = await all(file);
  assert.deepEqual(urls(docs), ['1', '3', '4']);
  assert.ok(problems.length >= 1 && problems.every((p) => /gzip|record/.test(p.reason)), JSON.stringify(problems));
});

test('garbage between records is skipped and said so; a file that is no WARC says that', async () => {
  const file = write('garbage.warc', Buffer.concat([record(1), Buffer.from('\x00\x01garbage that is not a record\r\n'.repeat(50)), record(2)]));
  const { docs, problems } = await all(file);
  assert.deepEqual(urls(docs), ['1', '2']);
  assert.ok(problems.some((p) => /not a WARC record/.test(p.reason)), JSON.stringify(problems));
  const none = await all(write('none.warc', Buffer.from('hello, this is not an archive\n')));
  assert.equal(none.docs.length, 0);
  assert.ok(none.problems.some((p) => /no WARC records/.test(p.reason)));
});

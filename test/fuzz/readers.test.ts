import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import fc from '../fast-check.js';
import { extract, ExtractError } from '../../src/extract/index.js';
import { parseDate } from '../../src/ingest/dates.js';
import { isProblem, parseDocumentLine } from '../../src/ingest/document.js';
import { parseFeed, FeedError } from '../../src/ingest/feed.js';
import { readInputs } from '../../src/ingest/files.js';
import { readStdin } from '../../src/ingest/stdin.js';
import { readWarc } from '../../src/ingest/warc.js';
import type { InputProblem, RawDocument } from '../../src/types.js';
import { Tally } from './tally.js';

/**
 * Random and hostile bytes into every reader: the HTML and text extractors,
 * gzip, JSON and JSONL files, standard input, feeds, WARC archives and dates.
 * Each must answer every input with documents or refusals that name the
 * input, and nothing else: no exception escapes, nothing runs away. The counts
 * (inputs tried, crashes, slow inputs) are printed as diagnostics and summed
 * in the report; a crash fails the test.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-fuzz-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const RUNS = Number(process.env.NEWSFUSE_FUZZ_RUNS ?? 300);
/** Markup pieces that break parsers: unclosed and deep nesting, entities, raw-text tags, comments, CDATA, bidi and control characters. */
const HTML_PIECES = ['<div>', '</div>', '<p>', '</p>', '<table><tr><td>', '<script>', '</script>', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&#x10FFFF;', '&#0;', '&nbsp', '<title>', '</title>', '<svg><text>', '<span class="byline">', '<meta charset="x-unknown">', '<meta property="article:published_time" content="3024-01-01">', '<time datetime="not a date">', '\u202e', '\u0000', '\ufffd', '<a href="javascript:alert(1)">', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":', '"}</script>', 'Wednesday, June 3, 2024', '<h1>Headline</h1>'];
const WORDS = ['The', 'council', 'said', 'on', 'Tuesday', 'that', '12', 'people', 'were', 'hurt.', 'Home', 'Share', 'Source: AP', '“quote”', '北京', 'и', '\u200b', '\t', '\n', '\n\n'];

const markup = fc.array(fc.oneof(fc.constantFrom(...HTML_PIECES), fc.constantFrom(...WORDS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 80 }).map((p) => p.join(''));
const bytes = fc.uint8Array({ maxLength: 4096 });

/** Runs one input through a reader, counting it, and failing on anything but an accepted answer. */
async function attempt(tally: Tally, input: string, run: () => unknown | Promise<unknown>, accept: (err: unknown) => boolean = () => false): Promise<void> {
  await tally.run(input, async () => {
    try {
      await run();
    } catch (err) {
      if (!accept(err)) throw err;
    }
  });
}

function namesIts(input: string, problems: InputProblem[]): void {
  for (const p of problems) {
    assert.ok(p.input.startsWith(input) || p.input.startsWith('stdin'), `a refusal that does not name its input: ${JSON.stringify(p)}`);
    assert.ok(p.reason.length > 0);
  }
}

test('fuzz: extraction of random markup and text', async (t) => {
  const tally = new Tally('extract');
  await fc.assert(
    fc.asyncProperty(markup, fc.constantFrom('html' as const, 'text' as const), async (content, format) => {
      await attempt(tally, `${format}:${content.slice(0, 40)}`, () => {
        const a = extract({ id: 'f', format, content });
        assert.ok(a.paragraphs.length > 0 && a.text === a.paragraphs.join('\n\n'));
      }, (err) => err instanceof ExtractError);
    }),
    { numRuns: RUNS * 3 },
  );
  tally.report(t);
});

test('fuzz: files of random bytes, gzip, JSON and JSONL are read or refused by name', async (t) => {
  const tally = new Tally('files');
  let n = 0;
  await fc.assert(
    fc.asyncProperty(bytes, fc.constantFrom('.html', '.txt', '.html.gz', '.json', '.jsonl', '.jsonl.gz', '.txt.gz'), fc.boolean(), async (data, ext, gzipIt) => {
      const file = path.join(dir, `f${n++}${ext}`);
      writeFileSync(file, ext.endsWith('.gz') && gzipIt ? gzipSync(data) : data);
      await attempt(tally, file, async () => {
        const { docs, problems } = await readInputs([file]);
        assert.ok(docs.length + problems.length >= 1, 'every file is answered');
        namesIts(file, problems);
      });
    }),
    { numRuns: RUNS },
  );
  tally.report(t);
});

const jsonish = fc.oneof(
  fc.json({ maxDepth: 6 }),
  fc.record({ id: fc.oneof(fc.string(), fc.integer(), fc.constant('../../etc/passwd'), fc.constant('..')), text: fc.oneof(fc.string(), fc.constant(undefined)), title: fc.option(fc.string()), publishedAt: fc.option(fc.oneof(fc.string(), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toUTCString())))) }).map((o) => JSON.stringify(o)),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => `{"id":"deep","text":"t","x":${'['.repeat(depth)}${']'.repeat(depth)}}`),
  fc.string(),
);

test('fuzz: JSON lines, deep nesting and odd ids: one answer per line, ids safe', async (t) => {
  const tally = new Tally('jsonl');
  await fc.assert(
    fc.asyncProperty(jsonish, async (line) => {
      await attempt(tally, line.slice(0, 40), () => {
        const doc = parseDocumentLine(line, 'fuzz:1');
        if (isProblem(doc)) assert.equal(doc.input, 'fuzz:1');
      });
    }),
    { numRuns: RUNS * 2 },
  );
  const deep = path.join(dir, 'deep.json');
  writeFileSync(deep, `{"id":"nested","text":"A text beside a deep value.","extra":${'['.repeat(5000)}${']'.repeat(5000)}}`);
  await attempt(tally, deep, async () => {
    const { docs, problems } = await readInputs([deep]);
    assert.deepEqual(problems, []);
    assert.equal(docs[0]!.id, 'nested');
  });
  const nested = path.join(dir, 'nested.json');
  writeFileSync(nested, `${'['.repeat(5000)}${']'.repeat(5000)}`);
  await attempt(tally, nested, async () => {
    const { problems } = await readInputs([nested, deep]);
    assert.ok(problems.some((p) => p.input.startsWith(nested)), 'the bad file is named, the good one beside it read');
  });
  tally.report(t);
});

test('fuzz: standard input of random bytes and JSON lines', async (t) => {
  const tally = new Tally('stdin');
  await fc.assert(
    fc.asyncProperty(fc.oneof(bytes, fc.array(jsonish, { maxLength: 8 }).map((ls) => Buffer.from(ls.join('\n')))), async (data) => {
      await attempt(tally, 'stdin', async () => {
        const out: (RawDocument | InputProblem)[] = [];
        for await (const x of readStdin({ maxBytes: 1 << 20, maxExpandedBytes: 1 << 21, maxCollectionBytes: 1 << 22 }, Readable.from([Buffer.from(data)]))) out.push(x);
        assert.ok(out.length >= 1);
        namesIts('stdin', out.filter(isProblem));
      });
    }),
    { numRuns: RUNS },
  );
  tally.report(t);
});

const feedish = fc.oneof(
  markup,
  fc.array(fc.record({ title: fc.string(), link: fc.oneof(fc.webUrl(), fc.string()), date: fc.oneof(fc.string(), fc.constant('Tue, 05 Mar 2024 10:00:00 GMT'), fc.constant('3024-01-01')) }), { maxLength: 5 }).map(
    (items) => `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${items.map((i) => `<item><title>${i.title.replace(/[<&]/g, '')}</title><link>${i.link.replace(/[<&]/g, '')}</link><pubDate>${i.date.replace(/[<&]/g, '')}</pubDate></item>`).join('')}</channel></rss>`,
  ),
  fc.constant(`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;&b;&b;</title></item></channel></rss>`),
);

test('fuzz: feeds, including entity bombs and nonsense dates', async (t) => {
  const tally = new Tally('feeds');
  await fc.assert(
    fc.asyncProperty(feedish, async (xml) => {
      await attempt(tally, xml.slice(0, 40), () => {
        const feed = parseFeed(xml);
        for (const item of feed.items) if (item.publishedAt !== undefined) assert.ok(!('reason' in parseDate(item.publishedAt)), item.publishedAt);
      }, (err) => err instanceof FeedError);
    }),
    { numRuns: RUNS },
  );
  tally.report(t);
});

/** A WARC record with the given declared length and block. */
function warcRecord(length: string, block: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://f.example/x\r\nContent-Length: ${length}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
}

test('fuzz: WARC archives of random records, lengths and gzip damage', async (t) => {
  const tally = new Tally('warc');
  let n = 0;
  const page = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>A page inside an archive, with a sentence or two of text.</p></body></html>');
  const record = fc.oneof(
    fc.constant(warcRecord(String(page.length), page)),
    fc.oneof(fc.constant('99999999999'), fc.constant('-5'), fc.constant('twelve'), fc.constant(''), fc.nat({ max: 5000 }).map(String)).map((len) => warcRecord(len, page)),
    bytes.map((b) => Buffer.from(b)),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(record, { maxLength: 6 }), fc.constantFrom('plain', 'members', 'whole'), fc.nat(), async (records, packing, cutAt) => {
      const file = path.join(dir, `a${n++}.warc${packing === 'plain' ? '' : '.gz'}`);
      let data = packing === 'plain' ? Buffer.concat(records) : packing === 'members' ? Buffer.concat(records.map((r) => gzipSync(r))) : gzipSync(Buffer.concat(records));
      if (cutAt % 3 === 0 && data.length > 10) data = data.subarray(0, cutAt % data.length);
      writeFileSync(file, data);
      await attempt(tally, file, async () => {
        const problems: InputProblem[] = [];
        for await (const x of readWarc(file)) if (isProblem(x)) problems.push(x);
        namesIts(file, problems);
      });
    }),
    { numRuns: RUNS },
  );
  tally.report(t);
});

test('fuzz: dates of any kind are parsed or refused, never thrown, never in the future', async (t) => {
  const tally = new Tally('dates');
  const now = Date.UTC(2024, 5, 1);
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.string(), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'NaN' : d.toISOString())), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'NaN' : d.toUTCString()))), async (v) => {
      await attempt(tally, v, () => {
        const p = parseDate(v, { now });
        if (!('reason' in p)) assert.ok(Date.parse(p.iso.length === 4 ? `${p.iso}-01-01` : p.iso.length === 7 ? `${p.iso}-01` : p.iso) <= now + 86_400_000, p.iso);
      });
    }),
    { numRuns: RUNS * 3 },
  );
  tally.report(t);
});

/**
 * The peer of `newsfuse extract` as a whole process: one Node process that
 * reads the same gzipped pages, decodes them the same way, runs Readability.js
 * on linkedom over each and prints one JSON line per page. Started by
 * `npm run bench -- extract` beside `newsfuse extract <dir>`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeBytes } from '../src/ingest/decode.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node readability-process.js <dir of .html.gz pages>');
const out: string[] = [];
for (const name of readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort()) {
  const html = decodeBytes(gunzipSync(readFileSync(path.join(dir, name))), { format: 'html' });
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  out.push(JSON.stringify({ id: name, title: article?.title, text: article?.textContent ?? '' }));
}
process.stdout.write(`${out.join('\n')}\n`);

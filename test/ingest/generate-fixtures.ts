// Regenerates the WARC fixtures of test/fixtures/ingest: npm run build && node dist/test/ingest/generate-fixtures.js --write (from the project root).
// Without --write it does nothing: `node --test dist/test/` runs every file of the folder, and must not rewrite the fixtures (new record ids).
import { writeFileSync } from 'node:fs';
import { WARCRecord, WARCSerializer } from 'warcio';
if (!process.argv.includes('--write')) {
  console.error('generate-fixtures: pass --write to regenerate test/fixtures/ingest');
  process.exit(0);
}
const enc = new TextEncoder();
const page = (title: string, body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${title}</h1>${body}</article><footer>Copyright Example News</footer></body></html>`;
const para = (s: string) => `<p>${s}</p>`;
const a1 = page('Harbour bridge to open in spring', [
  'Officials in Port Alder said on Monday that the new harbour bridge would open next spring after two years of construction work on both banks of the river.',
  'The mayor told reporters that the project cost 40 million euros and employed about 300 workers from the region during the busiest months of the year.',
  'Residents welcomed the news, although some complained about the noise and the traffic jams that the building site had caused in the old town centre.',
].map(para).join(''));
const a2 = page('Floods close mountain pass for a week', [
  'Heavy rain caused floods that closed the main mountain pass between the two valleys on Sunday, the regional road authority said in a statement.',
  'Engineers expect the road to stay closed for at least a week while they clear mud and rocks and check the stability of two damaged bridges.',
  'Buses will take a longer route through the southern valley, adding about an hour to the journey for the commuters who depend on the road.',
].map(para).join(''));
async function rec(type: 'response' | 'request' | 'warcinfo', url: string, body: string, ctype: string) {
  const r = WARCRecord.create({ url, type, date: '2024-03-01T10:00:00Z', warcVersion: 'WARC/1.1', httpHeaders: type === 'warcinfo' ? undefined : { 'Content-Type': ctype }, statusline: type === 'response' ? 'HTTP/1.1 200 OK' : type === 'request' ? 'GET / HTTP/1.1' : undefined }, (async function* () { yield enc.encode(body); })());
  return r;
}
async function ser(r: WARCRecord, gzip: boolean) { return WARCSerializer.serialize(r, { gzip }); }
const recs = [
  await rec('request', 'https://news.example.com/bridge', '', 'text/plain'),
  await rec('response', 'https://news.example.com/bridge?utm_source=x', a1, 'text/html; charset=utf-8'),
  await rec('response', 'https://news.example.com/logo.png', 'PNGDATA', 'image/png'),
  await rec('response', 'https://news.example.com/floods', a2, 'text/html'),
];
const gz: Uint8Array[] = [];
for (const r of recs) gz.push(await ser(r, true));
writeFileSync('test/fixtures/ingest/news.warc.gz', Buffer.concat(gz));
const plain: Uint8Array[] = [];
const recs2 = [
  await rec('response', 'https://news.example.com/bridge', a1, 'text/html; charset=utf-8'),
  await rec('response', 'https://news.example.com/floods', a2, 'text/html'),
];
for (const r of recs2) plain.push(await ser(r, false));
const good = Buffer.from(plain[0]!);
const second = Buffer.from(plain[1]!);
// The second record is cut in the middle of its payload, as a download that stopped.
writeFileSync('test/fixtures/ingest/broken.warc', Buffer.concat([good, second.subarray(0, Math.floor(second.length * 0.6))]));

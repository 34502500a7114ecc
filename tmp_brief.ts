import { readInputs } from './src/ingest/files.js';
import { extract } from './src/extract/index.js';
import { analyze } from './src/analyze/index.js';
import { consolidate } from './src/consolidate/index.js';
const dirs = process.argv.slice(2);
const { docs } = await readInputs(dirs.length ? dirs : ['examples/vostochny']);
const arts = docs.map((d) => analyze(extract(d)));
const ids = arts.map((a) => a.article.id).sort();
const rel = { edges: [{ from: ids[0]!, to: ids[2]!, kind: 'rewrite' as const, score: 0.8, evidence: [] }], groups: ids.map((id) => ({ id: id === ids[2] ? ids[0]! : id, members: [id] })) };
const t = Date.now();
const b = consolidate(arts, rel);
console.error('ms', Date.now() - t);
console.log('HEADLINE', b.story.headline);
for (const s of b.summary) console.log('S', s.sources.join(','), s.text.slice(0, 100));
for (const c of b.claims.filter((c) => c.support > 1 || c.status === 'disputed')) console.log(c.id, c.status, c.support, c.independentSupport, c.sources.map((s) => s.source.slice(0, 3)).join(','), c.text.slice(0, 90), JSON.stringify(c.conflicts));
for (const q of b.quotes) console.log('Q', q.speaker, q.sources.map((s) => s.source.slice(0, 3)).join(','), q.text.slice(0, 80));
console.log('E', b.entities.map((e) => `${e.name}/${e.type}/${e.sources.length}`).join('; '));
console.log('claims', b.claims.length);
for (const c of b.claims.filter((c) => c.support > 1)) { console.log('--', c.id); for (const s of c.sources) console.log('   ', s.source.slice(0, 3), s.sentence.slice(0, 150)); }

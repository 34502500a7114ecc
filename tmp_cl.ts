import { readInputs } from './src/ingest/files.js';
import { extractAll, briefOf } from './src/pipeline.js';
const { docs } = await readInputs(['examples/vostochny']);
const { brief } = briefOf(extractAll(docs).articles);
for (const c of brief.claims.filter((c) => c.support > 1)) { console.log('--', c.id, c.status, c.independentSupport); for (const s of c.sources) console.log('   ', s.source.slice(0, 3), s.sentence.slice(0, 110)); }
console.log(JSON.stringify(brief.claims.find((c) => c.id === 'c3')?.conflicts));

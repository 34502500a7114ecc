import { readInputs } from './src/ingest/files.js';
import { extract } from './src/extract/index.js';
import { analyze } from './src/analyze/index.js';
import { indexEntities } from './src/consolidate/entities.js';
import { buildUnits, cosine } from './src/consolidate/units.js';
import { pairScore } from './src/consolidate/align.js';
const { docs } = await readInputs(['examples/vostochny']);
const arts = docs.map((d) => analyze(extract(d))).sort((a, b) => a.article.id.localeCompare(b.article.id));
const ents = indexEntities(arts);
const units = buildUnits(arts, ents);
const groups: [string, RegExp][] = [['A', /thanked Putin/], ['B', /promised North Korea assistance|willing to assist North Korea|extended an offer of assistance|assured his guest/], ['C', /accused North Korea of/], ['D', /discuss everything|address all issues|talk on all issues|discuss all these/], ['E', /sensitive areas/]];
const tag = (t: string) => groups.find(([, r]) => r.test(t))?.[0];
const pos: number[] = []; const neg: [number, string, string][] = [];
for (const a of units) for (const b of units) {
  if (a.id >= b.id || a.article === b.article) continue;
  const s = pairScore(a, b, new Map());
  const ta = tag(a.text), tb = tag(b.text);
  if (ta && ta === tb) { pos.push(s); console.log(ta, s.toFixed(2), cosine(a,b).toFixed(2), a.article.slice(0,3), b.article.slice(0,3)); }
  else neg.push([s, a.text.slice(0, 60), b.text.slice(0, 60)]);
}
neg.sort((x, y) => y[0] - x[0]);
console.log('top negatives'); for (const n of neg.slice(0, 60)) console.log(n[0].toFixed(2), n[1], '|', n[2]);

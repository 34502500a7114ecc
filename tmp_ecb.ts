import { readFileSync } from 'node:fs';
import { analyze } from './src/analyze/index.js';
const rows = readFileSync('../shared/data/ecbplus-dev.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
for (const r of [rows[0], rows[50], rows[120], rows[300]]) {
  const lines = r.text.split('\n').filter((l: string) => l.trim());
  const a = analyze({ id: r.id, title: lines[0], language: 'en', text: lines.slice(1).join('\n\n'), paragraphs: lines.slice(1), publishedAt: '2009-05-20' });
  console.log('=====', r.id, lines[0]);
  console.log('E', [...new Set(a.entities.map((e) => `${e.text}→${e.key}/${e.type[0]}`))].join('; '));
  console.log('N', a.numbers.map((n) => `${n.text}=${n.value}${n.unit}[${n.counts ?? ''}]`).join('; '));
  console.log('D', a.dates.map((n) => `${n.text}=${n.iso}`).join('; '));
  for (const q of a.quotes) console.log('Q', q.speakerText, '|', q.text.slice(0, 60));
}

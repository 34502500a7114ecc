import { analyze } from './src/analyze/index.js';
const ps = ['Dr. Smith went to the U.S. on Monday. He met officials there.', 'Second paragraph here is short.'];
console.log(analyze({ id: 't', title: 'T', language: 'en', text: ps.join('\n\n'), paragraphs: ps }).sentences.map((s) => [s.paragraph, s.text]));

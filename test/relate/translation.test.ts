import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/analyze/index.js';
import { extract } from '../../src/extract/index.js';
import { relate } from '../../src/relate/index.js';
import { skeletonAgreement } from '../../src/relate/skeleton.js';
import type { AnalyzedArticle } from '../../src/types.js';

function article(id: string, content: string): AnalyzedArticle {
  return analyze(extract({ id, origin: id, format: 'text', content, contentHash: id }));
}

/** A made-up report and its translation into Spanish: every sentence kept, with its figures and punctuation. */
const ENGLISH = [
  'A magnitude 6.4 earthquake struck the town of Veltrano on Monday, killing 38 people and injuring 212, mayor Tomas Velkan said.',
  'Rescue teams from Corvina and Ostrena searched collapsed houses through the night, using dogs and thermal cameras.',
  '"We are still looking for 14 missing people," Velkan told reporters outside the town hall.',
  'The quake, which hit at 03:12, was felt 150 kilometres away in the capital, Brisk.',
  'The government of Prime Minister Ilse Marrow sent 400 soldiers and promised 20 million euros in aid.',
  'Schools in Veltrano will stay closed until Friday, the regional office said.',
].join('\n\n');

const SPANISH = [
  'Un terremoto de magnitud 6.4 sacudió la localidad de Veltrano el lunes, matando a 38 personas e hiriendo a 212, dijo el alcalde Tomas Velkan.',
  'Equipos de rescate de Corvina y Ostrena buscaron en casas derrumbadas durante la noche, con perros y cámaras térmicas.',
  '"Todavía buscamos a 14 personas desaparecidas," dijo Velkan a los periodistas frente al ayuntamiento.',
  'El sismo, que golpeó a las 03:12, se sintió a 150 kilómetros en la capital, Brisk.',
  'El gobierno de la primera ministra Ilse Marrow envió 400 soldados y prometió 20 millones de euros en ayuda.',
  'Las escuelas de Veltrano seguirán cerradas hasta el viernes, informó la oficina regional.',
].join('\n\n');

/** The same report translated into German: every noun capitalised, decimal comma, German quotation marks. */
const GERMAN = [
  'Ein Erdbeben der Stärke 6,4 hat am Montag die Stadt Veltrano erschüttert, 38 Menschen getötet und 212 verletzt, sagte Bürgermeister Tomas Velkan.',
  'Rettungsteams aus Corvina und Ostrena durchsuchten die ganze Nacht eingestürzte Häuser, mit Hunden und Wärmebildkameras.',
  '„Wir suchen noch nach 14 vermissten Menschen,“ sagte Velkan den Reportern vor dem Rathaus.',
  'Das Beben, das um 03:12 Uhr einsetzte, war 150 Kilometer entfernt in der Hauptstadt, Brisk, zu spüren.',
  'Die Regierung von Ministerpräsidentin Ilse Marrow schickte 400 Soldaten und versprach 20 Millionen Euro Hilfe.',
  'Die Schulen in Veltrano bleiben bis Freitag geschlossen, teilte das Regionalamt mit.',
].join('\n\n');

/** An independent Spanish report of the same event: the same names and figures, its own sentences. */
const SPANISH_INDEPENDENT = [
  'Al menos 38 muertos y 212 heridos dejó el sismo de 6.4 grados que golpeó Veltrano en la madrugada del lunes.',
  'Según el alcalde Tomas Velkan, aún hay 14 desaparecidos; los rescatistas de Corvina trabajan sin descanso.',
  'La primera ministra Ilse Marrow anunció ayuda por 20 millones de euros y el envío de 400 militares a la zona.',
  'En Brisk, a 150 kilómetros, muchos vecinos salieron a la calle al sentir el temblor.',
  'Las clases quedan suspendidas en Veltrano hasta el viernes.',
].join('\n\n');

test('an article and its translation are found as a translation; an independent report in the other language is not', () => {
  const en = article('quake-en', ENGLISH);
  const es = article('quake-es', SPANISH);
  const other = article('quake-es-own', SPANISH_INDEPENDENT);
  assert.equal(en.article.language, 'en');
  assert.equal(es.article.language, 'es');
  const { edges, groups } = relate([en, es, other]);
  const pair = edges.find((e) => [e.from, e.to].sort().join() === 'quake-en,quake-es');
  assert.ok(pair, JSON.stringify(edges.map((e) => [e.from, e.to, e.kind])));
  assert.equal(pair.kind, 'translation');
  assert.ok(!edges.some((e) => e.from === 'quake-es-own' || e.to === 'quake-es-own'), 'the independent report shares names and figures but is no translation');
  assert.equal(groups.find((g) => g.members.includes('quake-en'))!.members.length, 2);
});

test('a German translation is found too', () => {
  const de = article('quake-de', GERMAN);
  assert.equal(de.article.language, 'de');
  const { edges } = relate([article('quake-en', ENGLISH), de]);
  assert.equal(edges.length, 1);
  assert.equal(edges[0]!.kind, 'translation');
});

test('skeletons: the same figures and punctuation in the same order agree; others do not', () => {
  const fingerprints = (texts: string[]) => ({ texts, features: new Uint32Array(), kinds: new Uint8Array(), offsets: new Uint32Array(texts.length + 1) });
  const a = fingerprints(['Rescuers, police and 400 soldiers (from Brisk) arrived at 03:12.', 'He said: "We need 30,000 tents."']);
  const b = fingerprints(['Rescatistas, policías y 400 soldados (de Brisk) llegaron a las 03:12.', 'Dijo: "Necesitamos 30.000 carpas."']);
  const c = fingerprints(['At 3 a.m. 400 soldiers arrived; rescuers and police came from Brisk.', 'Tents are needed.']);
  const aligned = { pairs: [{ a: 0, b: 0, sim: 1 }, { a: 1, b: 1, sim: 1 }], score: 1, coverageA: 1, coverageB: 1 };
  assert.equal(skeletonAgreement(aligned, a, b), 1, 'thousands separators and quotation marks of any language agree');
  assert.ok(skeletonAgreement(aligned, a, c) < 0.5);
  assert.equal(skeletonAgreement({ ...aligned, pairs: [] }, a, b), 0);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterArticles, extractFeatures, type ClusterItem } from '../../src/cluster/index.js';

test('features: the article’s language decides stop words, dates and figures', () => {
  const es = extractFeatures('El terremoto del 3 de mayo dejó 30.000 personas sin hogar en Veltrano, según el alcalde Tomas Velkan.');
  assert.equal(es.language, 'es');
  assert.ok(es.anchors.has('m:may'), 'a Spanish month, lower case, is a date');
  assert.ok(es.anchors.has('n:30000'), '"30.000" is thirty thousand in Spanish');
  assert.ok(es.anchors.has('e:veltr') && es.anchors.has('e:velka'));
  assert.ok(!es.terms.has('segun') && !es.terms.has('del'), 'Spanish function words are no terms');
  assert.ok(es.terms.has('terremoto'));

  const sea = extractFeatures('El barco se hundió en el mar el 5 Oct., informó la guardia costera de Veltrano.');
  assert.ok(!sea.anchors.has('m:mar'), 'the Spanish sea is no month');
  assert.ok(sea.anchors.has('m:oct'), 'an English abbreviation left by translation is one');

  const pt = extractFeatures('O tremor de segunda-feira deixou 12 mortos em Veltrano, disse o prefeito Tomas Velkan aos jornalistas.');
  assert.ok(pt.anchors.has('d:monday'), 'a weekday of two words');

  const fr = extractFeatures("Le président a quitté l'Élysée pour Veltrano mardi, a indiqué le porte-parole Tomas Velkan.");
  assert.ok(fr.anchors.has('e:elyse'), 'an elided article is cut off, accents folded');
  assert.ok(fr.anchors.has('d:tuesday'));
});

test('features: in German, capitalised common nouns are not names', () => {
  const de = extractFeatures(
    'Der Bürgermeister von Veltrano, Tomas Velkan, sagte am Montag, die Regierung habe eine Untersuchung eingeleitet. Nach dem Erdbeben halfen Soldaten der Armee in Veltrano.',
    undefined,
    'de',
  );
  assert.ok(de.anchors.has('e:veltr'));
  assert.ok(de.anchors.has('e:velka'));
  assert.ok(de.anchors.has('d:monday'));
  for (const noun of ['e:burge', 'e:regie', 'e:unter', 'e:erdbe', 'e:armee']) assert.ok(!de.anchors.has(noun), `${noun}: a noun after an article, or with a noun ending`);
});

/** A made-up event reported in English, Spanish and French (independent reports, not translations), and a look-alike. */
const REPORTS: ClusterItem[] = [
  { id: 'en-1', text: 'A magnitude 6.4 earthquake struck Veltrano on Monday, killing 38 people, mayor Tomas Velkan said. Rescue teams from Corvina searched the rubble.' },
  { id: 'en-2', text: 'The death toll of the Veltrano earthquake rose to 38, Velkan told reporters on Monday, as rescue teams from Corvina kept digging.' },
  { id: 'es-1', text: 'Un terremoto de magnitud 6.4 sacudió Veltrano el lunes y dejó 38 muertos, informó el alcalde Tomas Velkan. Equipos de Corvina buscaron supervivientes.' },
  { id: 'fr-1', text: 'Un séisme de magnitude 6.4 a frappé Veltrano lundi, faisant 38 morts, selon le maire Tomas Velkan. Des secouristes de Corvina fouillaient les décombres.' },
  { id: 'de-1', text: 'Ein Erdbeben der Stärke 6.4 hat am Montag Veltrano erschüttert und 38 Menschen getötet, sagte Bürgermeister Tomas Velkan. Helfer aus Corvina suchten in den Trümmern.' },
  { id: 'es-other', text: 'Un terremoto de magnitud 5.1 sacudió Ostrena el jueves y dejó 7 heridos, informó la gobernadora Ilse Marrow. Equipos de rescate buscaron supervivientes.' },
];

test('reports of one event in English, Spanish, French and German form one story; a look-alike event in Spanish does not join it', () => {
  const { assignments } = clusterArticles(REPORTS);
  const story = new Map(assignments.map((a) => [a.id, a.story]));
  assert.equal(new Set(['en-1', 'en-2', 'es-1', 'fr-1', 'de-1'].map((id) => story.get(id))).size, 1);
  assert.notEqual(story.get('es-other'), story.get('es-1'));
});

test('across languages the anchors stand in for the terms; within one language both count', () => {
  // The Spanish look-alike shares the Spanish report's words but none of its anchors: no join, whatever the words.
  const { assignments } = clusterArticles([REPORTS[2]!, REPORTS.find((r) => r.id === 'es-other')!], { joinThreshold: 0.05 });
  assert.notEqual(assignments[0]!.story, assignments[1]!.story);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ANY_LANGUAGE_STOP_WORDS,
  calendarWord,
  capitalisesNouns,
  fold,
  hasNounEnding,
  isNounMarker,
  numberValue,
  startsCalendarName,
  stopWordsOf,
  withoutElision,
} from '../../src/lang/index.js';

test('fold: accents, case and letters without a decomposition', () => {
  assert.equal(fold('Gómez'), 'gomez');
  assert.equal(fold('GÓMEZ'), 'gomez');
  assert.equal(fold('Zürich'), 'zurich');
  assert.equal(fold('Straße'), 'strasse');
  assert.equal(fold('Łódź'), 'lodz');
  assert.equal(fold('Þórr'), 'thorr');
  assert.equal(fold('plain'), 'plain');
});

test('stop words: each language its own, folded; a language without a list reads English', () => {
  assert.ok(stopWordsOf('es').has('segun'), '"según" folded');
  assert.ok(stopWordsOf('fr').has('apres'));
  assert.ok(stopWordsOf('de').has('uber'));
  assert.ok(!stopWordsOf('es').has('terremoto'), 'a content word is not one');
  assert.equal(stopWordsOf('xx'), stopWordsOf('en'));
  for (const w of ['the', 'los', 'les', 'dos', 'und']) assert.ok(ANY_LANGUAGE_STOP_WORDS.has(w), w);
});

test('calendar words: months and weekdays of many languages meet on one index', () => {
  assert.deepEqual(calendarWord('mayo', 'es'), { kind: 'month', index: 4, languages: ['es'] });
  assert.equal(calendarWord('Mai', 'de')?.index, 4);
  assert.equal(calendarWord('maio', 'pt')?.index, 4);
  assert.equal(calendarWord('jueves', 'es')?.kind, 'weekday');
  assert.equal(calendarWord('jueves', 'es')?.index, 3);
  assert.equal(calendarWord('Donnerstag', 'de')?.index, 3);
  assert.equal(calendarWord('septembre', 'fr')?.index, 8);
  // English names count in every language (datelines, untranslated words); another language's do not.
  assert.equal(calendarWord('Thursday', 'es')?.index, 3);
  assert.equal(calendarWord('jueves', 'fr'), undefined);
  assert.equal(calendarWord('Oct', 'es')?.index, 9, 'English abbreviations count in every language (the caller wants them capitalised)');
  assert.equal(calendarWord('dic', 'es'), undefined, 'no abbreviations of other languages');
  // Weekdays of two words ("segunda-feira") are looked up as "first second".
  assert.ok(startsCalendarName('segunda'));
  assert.equal(calendarWord('segunda feira', 'pt')?.index, 0);
});

test('numbers: thousands and decimal marks as each language writes them', () => {
  assert.equal(numberValue('30,000', 'en'), 30000);
  assert.equal(numberValue('30.000', 'es'), 30000);
  assert.equal(numberValue('1.234.567', 'de'), 1234567);
  assert.equal(numberValue('1.234,5', 'de'), 1234.5);
  assert.equal(numberValue('3,5', 'fr'), 3.5);
  assert.equal(numberValue('2.5', 'en'), 2.5);
  assert.equal(numberValue('1.500', 'en'), 1.5, 'in English a point is a decimal point');
  assert.equal(numberValue('42', 'pt'), 42);
});

test('names: German capitalises its nouns, so articles and noun endings tell common nouns', () => {
  assert.ok(capitalisesNouns('de'));
  assert.ok(!capitalisesNouns('es'));
  assert.ok(isNounMarker('der', 'de'));
  assert.ok(isNounMarker('einer', 'de'));
  assert.ok(!isNounMarker('der', 'en'), 'only where nouns are capitalised');
  assert.ok(hasNounEnding('Untersuchung', 'de'));
  assert.ok(hasNounEnding('Gesellschaften', 'de'));
  assert.ok(!hasNounEnding('Müller', 'de'));
  assert.ok(!hasNounEnding('Untersuchung', 'fr'));
});

test('elision: an elided article or pronoun is cut off in French and Italian', () => {
  assert.equal(withoutElision("l'Élysée", 'fr'), 'Élysée');
  assert.equal(withoutElision("dell'Italia", 'it'), 'Italia');
  assert.equal(withoutElision("qu'il", 'fr'), 'il');
  assert.equal(withoutElision("O'Brien", 'en'), "O'Brien");
  assert.equal(withoutElision("l'Élysée", 'en'), "l'Élysée", 'not in a language that does not elide');
});

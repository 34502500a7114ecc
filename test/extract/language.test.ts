import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../fast-check.js';
import { detectLanguage } from '../../src/extract/language.js';

test('the language of a text: by its script, else by its function words; a declaration stands unless the text says otherwise', () => {
  assert.equal(detectLanguage('The council said that the budget for the year was approved by a majority of the members on Monday.'), 'en');
  assert.equal(detectLanguage('Der Rat hat den Haushalt für das Jahr mit der Mehrheit der Mitglieder am Montag beschlossen, sagte die Stadt.'), 'de');
  assert.equal(detectLanguage('Совет заявил, что бюджет на этот год был принят большинством и что он вступит в силу уже в январе.'), 'ru');
  assert.equal(detectLanguage('市議会は月曜日、今年度の予算案を賛成多数で可決したと発表した。ひらがなとカタカナも。'), 'ja');
  assert.equal(detectLanguage('Short line.'), 'und');
  assert.equal(detectLanguage('Short line.', 'fr-FR'), 'fr');
  assert.equal(detectLanguage('The council said that the budget for the year was approved by a majority of the members on Monday.', 'de'), 'en');
});

test('a text in Latin letters alone: too few letters (as the census counts them) is no language, else its function words decide', () => {
  // English function words and other words, each with its count of letters as the census counts them: ASCII letters
  // and U+00C0-U+024F (× and ǅ among them), not digits, emoji or U+0250.
  const words: [string, number, boolean][] = [
    ['the', 3, true], ['and', 3, true], ['of', 2, true], ['×', 1, false], ['ÿ', 1, false], ['ǅ', 1, false], ['ɏ', 1, false],
    ['ɐ', 0, false], ['1999', 0, false], ['😀', 0, false], ['cat', 3, false],
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 80 }), (picked) => {
      const text = picked.map(([w]) => w).join(' ');
      const letters = picked.reduce((n, [, l]) => n + l, 0);
      const hits = picked.filter(([, , fn]) => fn).length;
      const expected = letters < 20 ? 'und' : hits >= Math.max(2, Math.max(1, picked.length) * 0.05) ? 'en' : 'und';
      assert.equal(detectLanguage(text), expected, text);
    }),
    { numRuns: 1000 },
  );
});

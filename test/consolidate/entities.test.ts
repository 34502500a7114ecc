import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/analyze/index.js';
import { aliasMap } from '../../src/analyze/keys.js';
import { indexEntities } from '../../src/consolidate/entities.js';
import type { AnalyzedArticle } from '../../src/types.js';

/** How the brief names an entity across outlets; made-up articles. */

function art(id: string, paragraphs: string[]): AnalyzedArticle {
  return analyze({ id, title: `Report ${id}`, language: 'en', text: paragraphs.join('\n\n'), paragraphs });
}

test('a full name written once with a slip (a headline verb in title case) is shown as outlets write it', () => {
  const arts = [
    art('a', ['Ann Berg Takes Over The Helm', 'Ann Berg was named captain on Monday. Berg said she was proud.']),
    art('b', ['Ann Berg was named captain. Berg thanked the crew.']),
    art('c', ['The club named Ann Berg captain. Ann Berg said little.']),
  ];
  const ents = indexEntities(arts);
  const key = ents.canonical(arts[1]?.entities.find((e) => e.text === 'Ann Berg')?.key ?? '');
  assert.equal(ents.name(key), 'Ann Berg');
});

test('a shorter name merged in by mistake is never shown for the entity: it must hold the word outlets call it by', () => {
  const arts = [
    art('a', ['Super Bowl MVP Drew Brees threw for 300 yards. Brees was sharp. The Super Bowl is in February.']),
    art('b', ['The Super Bowl will be played in Miami. Brees said the Super Bowl was the goal.']),
    art('c', ['Fans want the Super Bowl. Brees smiled. The Super Bowl sold out.']),
  ];
  const ents = indexEntities(arts);
  const key = ents.canonical(arts[0]?.entities.find((e) => e.text === 'Brees')?.key ?? '');
  assert.notEqual(ents.name(key), 'Super Bowl');
  assert.match(ents.name(key), /Brees/);
});

test('a name with initials is shown as outlets write it, never as its key ("J.J. Hale", not "j j hale")', () => {
  const arts = [art('a', ['J.J. Hale scored 20 points. Hale was happy.']), art('b', ['J.J. Hale led the team. The U.N. Security Council met.'])];
  const ents = indexEntities(arts);
  const names = ents.entities.map((e) => e.name);
  assert.ok(names.includes('J.J. Hale'), JSON.stringify(names));
  assert.ok(!names.some((n) => /^[a-z]( [a-z])+ /.test(n)), JSON.stringify(names));
});

test('a surname alone beside two people of that name is the story’s person, named in full by twice as many articles; otherwise it stays apart', () => {
  const arts = [
    art('a', ['Tyler Vance broke the school scoring record on Thursday. His father, Gene Vance, watched from the stands. Vance now has 2,302 points.']),
    art('b', ['Tyler Vance scored 20 points in the win. Vance now has 2,301 points.']),
    art('c', ['Tyler Vance became the school’s leading scorer. Vance was calm afterwards.']),
  ];
  assert.equal(indexEntities(arts).canonical('vance'), 'tyler vance');
  // Two people named as often: "Vance" may be either.
  const even = [
    art('a', ['Tyler Vance and Gene Vance coached the team on Thursday. Vance said it was a good day.']),
    art('b', ['Gene Vance and Tyler Vance watched the game together. Vance smiled.']),
  ];
  assert.equal(indexEntities(even).canonical('vance'), 'vance');
});

test('one person called by a familiar given name and by the full one is one entity, and the surname alone is theirs; not where a third name fits too', () => {
  const arts = [
    art('a', ['Maurice Okafor was named head coach on Monday. Okafor, 48, thanked the owner.']),
    art('b', ['Mo Okafor is the new coach of the Falcons. Okafor, 48, starts next week.']),
    art('c', ['The Falcons hired Maurice Okafor as coach. Okafor said little.']),
    art('d', ['Mo Okafor takes over the Falcons on Monday.']),
    art('e', ['The Falcons said on Monday that Okafor will start next week.']),
  ];
  const ents = indexEntities(arts);
  assert.equal(ents.canonical('mo okafor'), 'maurice okafor');
  assert.equal(ents.canonical('okafor'), 'maurice okafor');
  // A clipping is the full name's too ("Chris" for "Christopher") …
  const clipped = indexEntities([art('a', ['Christopher Dunn was arrested on Friday.']), art('b', ['Chris Dunn was arrested in Ohio.']), art('c', ['Police arrested Christopher Dunn.'])]);
  assert.equal(clipped.canonical('chris dunn'), 'christopher dunn');
  // … unless another person of the surname fits it as well ("Chris" may be Christine).
  const three = indexEntities([
    art('a', ['Christopher Dunn and his sister Christine Dunn were arrested on Friday.']),
    art('b', ['Chris Dunn was arrested in Ohio.']),
    art('c', ['Police arrested Christopher Dunn and Christine Dunn.']),
  ]);
  assert.equal(three.canonical('chris dunn'), 'chris dunn');
  // A feminine name built on the short one is another name ("Dan" / "Danielle"), and two names given different ages are
  // two people ("Christopher Okafor, 45" / "Chris Okafor, 19").
  const couple = indexEntities([art('a', ['Police said Dan Okafor was hurt on Monday.']), art('b', ['Police said Danielle Okafor was hurt.']), art('c', ['Danielle Okafor spoke to reporters on Monday.'])]);
  assert.equal(couple.canonical('dan okafor'), 'dan okafor');
  const aged = indexEntities([art('a', ['Chris Okafor, 19, was hurt on Monday.']), art('b', ['Christopher Okafor, 45, was hurt.']), art('c', ['Police said Christopher Okafor was hurt.'])]);
  assert.equal(aged.canonical('chris okafor'), 'chris okafor');
  // Two given names that are no forms of one another are two people.
  assert.equal(indexEntities([art('a', ['Maurice Okafor was named coach.']), art('b', ['Martin Okafor was named coach.'])]).canonical('martin okafor'), 'martin okafor');
});

test('a longer name written far less often than a name it holds at an edge, and typed alike, is a slip of the name-finder; a name of two words written three times as often as a longer one that adds words before it stays itself', () => {
  const arts = [
    art('a', ["PHILADELPHIA 76ERS Fired Jim O'Brien, coach."]),
    art('b', ["The Sixers fired coach Jim O'Brien on Monday. Jim O'Brien was hired in 2004."]),
    art('c', ["Jim O'Brien was fired on Monday."]),
  ];
  const ents = indexEntities(arts);
  assert.equal(ents.canonical('jim o brien'), 'jim o brien');
  assert.equal(ents.canonical(arts[0]?.entities[0]?.key ?? ''), 'jim o brien');
  assert.equal(ents.name('jim o brien'), "Jim O'Brien");
  // The rule of short forms itself: "jim o brien" written three times is not "ers fired jim o brien" written once; a
  // middle name left out is, and a one-word surname ("o brien": the "O" is no word of its own) is.
  const counts = new Map([['jim o brien', 3], ['ers fired jim o brien', 1], ['raj chohan', 6], ['raj k chohan', 1]]);
  const alias = aliasMap(counts, [...counts.keys()]);
  assert.equal(alias.get('jim o brien'), undefined);
  assert.equal(alias.get('raj chohan'), 'raj k chohan');
  const surname = new Map([['o brien', 9], ['ann o brien', 2]]);
  assert.equal(aliasMap(surname, [...surname.keys()]).get('o brien'), 'ann o brien');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/analyze/index.js';
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

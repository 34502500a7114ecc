import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demonymWords, family, isFrame, modeOf } from '../../src/consolidate/families.js';
import { stem } from '../../src/consolidate/text.js';

test('news paraphrases share a family key; unrelated words keep their own', () => {
  assert.equal(family(stem('assist')), family(stem('help')));
  assert.equal(family(stem('assistance')), family(stem('support')));
  assert.equal(family(stem('develop')), family(stem('build')));
  assert.equal(family(stem('promised')), family(stem('offer')));
  assert.notEqual(family(stem('help')), family(stem('build')));
  assert.equal(family(stem('satellite')), stem('satellite'));
});

test('frame words and nationality adjectives are recognised', () => {
  assert.ok(isFrame(stem('said')) || isFrame(stem('say')));
  assert.ok(isFrame(stem('responded')));
  assert.ok(!isFrame(stem('satellite')));
  assert.deepEqual([...demonymWords('North Korean leader Kim met the Russian president.')].sort(), ['korean', 'north', 'russian']);
});

test('a reported question or a possibility is not an assertion', () => {
  assert.equal(modeOf('Reporters asked whether Russia would help build satellites.'), 'question');
  assert.equal(modeOf('The media asked if Russia would assist Kim in building satellites.'), 'question');
  assert.equal(modeOf('Supplies could help Russia replenish its stocks.'), 'possible');
  assert.equal(modeOf('Russia will help North Korea build satellites.'), 'assert');
});

test('the stemmer keeps a word-final "s" that is not a plural', () => {
  assert.equal(stem('address'), stem('addresses'));
  assert.equal(stem('discussions'), stem('discuss'));
  assert.equal(stem('promise'), stem('promised'));
});

test('a question with its answer reported asserts the answer', () => {
  assert.equal(modeOf('When asked if the talks would resume, the minister said, “We will meet next week.”'), 'assert');
  assert.equal(modeOf('The response came after reporters questioned whether talks would resume.'), 'question');
});

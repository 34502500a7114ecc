import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleBody, articleFromBody } from '../../src/store/article-body.js';
import type { Article } from '../../src/types.js';

function article(paragraphs: string[], text = paragraphs.join('\n\n')): Article {
  return { id: 'a', title: 'T', text, paragraphs, language: 'en' } as Article;
}

test('paragraphs that are the text split at its blank lines are not stored twice, and read back the same', () => {
  const a = article(['First paragraph.', 'Second one, longer.', 'Third.']);
  const body = articleBody(a);
  assert.equal((JSON.parse(body) as { paragraphs?: string[] }).paragraphs, undefined);
  assert.ok(body.length < JSON.stringify(a).length - 'First paragraph.Second one, longer.Third.'.length);
  assert.deepEqual(articleFromBody(body), a);
  assert.deepEqual(articleFromBody(articleBody(article([]))), article([]));
});

test('paragraphs the text does not split back into are stored as they are', () => {
  for (const a of [
    article(['One.', 'Two.'], 'One. Two.'),
    article(['One.\n\nstill one', 'Two.']),
    article(['One.', '', 'Two.']),
    article(['\nOne.', 'Two.']),
    article(['One.', 'Two.'], 'One.\n\nTwo.\n\n'),
  ]) {
    const body = articleBody(a);
    assert.deepEqual((JSON.parse(body) as Article).paragraphs, a.paragraphs);
    assert.deepEqual(articleFromBody(body), a);
  }
});

test('a body written with its paragraphs (an older store) reads as it is', () => {
  const a = article(['One.', 'Two.']);
  assert.deepEqual(articleFromBody(JSON.stringify(a)), a);
});

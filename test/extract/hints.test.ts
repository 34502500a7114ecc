import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../fast-check.js';
import { COMMENTS, hintOf, NEGATIVE, POSITIVE } from '../../src/extract/html/hints.js';

const LOOKBEHIND = '(?<![a-z])';

/** The pattern as it was written before: a word start as "(?:^|[^a-z])", consumed. */
function consumingForm(re: RegExp): RegExp {
  assert.ok(re.source.startsWith(LOOKBEHIND));
  return new RegExp(`(?:^|[^a-z])${re.source.slice(LOOKBEHIND.length)}`, re.flags);
}

test('class and id hints find a word start by lookbehind exactly where the consuming form found one', () => {
  const [positive, negative, comments] = [POSITIVE, NEGATIVE, COMMENTS].map(consumingForm) as [RegExp, RegExp, RegExp];
  const pieces = fc.constantFrom(
    'article', 'story', 'content', 'main', 'comment', 'share', 'related', 'ad', 'ads', 'adslot', 'tag', 'tags', 'nav', 'menu', 'reply', 'forum',
    'read-more', 'post-body', 'x', 'z', 'A', 'Z', '0', '9', '-', '_', ' ', '\n', 'é', ':', '',
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
      const sig = parts.join('');
      assert.deepEqual(hintOf(sig), sig.length === 0 ? hintOf('') : { positive: positive.test(sig), negative: negative.test(sig), comments: comments.test(sig) }, JSON.stringify(sig));
    }),
    { numRuns: 5000 },
  );
  assert.deepEqual(hintOf('relatedArticles sidebar'), { positive: false, negative: true, comments: false });
  assert.deepEqual(hintOf('xarticle'), { positive: false, negative: false, comments: false });
  assert.deepEqual(hintOf('c-entry-content'), { positive: true, negative: false, comments: false });
});

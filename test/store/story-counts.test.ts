import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grownCounts } from '../../src/store/clustering.js';

const story = (over: Partial<Parameters<typeof grownCounts>[0]> = {}): Parameters<typeof grownCounts>[0] => ({
  id: 's1',
  articles: 0,
  first_seen: null,
  last_seen: null,
  seen_from: null,
  last_seq: 0,
  ...over,
});
const member = (seq: number, published: string | null, added: string) => ({ id: `a${seq}`, seq, published_at: published, added_at: added });

test('a new story of undated articles takes its times from when they were stored', () => {
  const next = grownCounts(story(), [member(3, null, '2024-01-02T00:00:00Z'), member(4, null, '2024-01-01T00:00:00Z')]);
  assert.deepEqual([next.articles, next.first_seen, next.last_seen, next.seen_from, next.last_seq], [2, '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z', 'ingested', 4]);
});

test('the first dated member replaces ingest times with publication times', () => {
  const undated = story({ articles: 2, first_seen: '2024-03-01T00:00:00Z', last_seen: '2024-03-02T00:00:00Z', seen_from: 'ingested', last_seq: 7 });
  const next = grownCounts(undated, [member(9, '2023-12-31T00:00:00Z', '2024-03-03T00:00:00Z'), member(8, null, '2024-03-03T00:00:00Z')]);
  assert.deepEqual([next.articles, next.first_seen, next.last_seen, next.seen_from, next.last_seq], [4, '2023-12-31T00:00:00Z', '2023-12-31T00:00:00Z', 'published', 9]);
});

test('a dated story widens its span with dated members and ignores undated ones', () => {
  const dated = story({ articles: 3, first_seen: '2024-05-02T00:00:00Z', last_seen: '2024-05-03T00:00:00Z', seen_from: 'published', last_seq: 10 });
  const undatedOnly = grownCounts(dated, [member(11, null, '2025-01-01T00:00:00Z')]);
  assert.deepEqual([undatedOnly.articles, undatedOnly.first_seen, undatedOnly.last_seen, undatedOnly.seen_from], [4, '2024-05-02T00:00:00Z', '2024-05-03T00:00:00Z', 'published']);
  const wider = grownCounts(dated, [member(12, '2024-05-01T00:00:00Z', 'x'), member(13, '2024-05-09T00:00:00Z', 'x')]);
  assert.deepEqual([wider.first_seen, wider.last_seen, wider.last_seq], ['2024-05-01T00:00:00Z', '2024-05-09T00:00:00Z', 13]);
});

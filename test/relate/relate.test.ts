import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/analyze/index.js';
import { extract } from '../../src/extract/index.js';
import { DerivationIndex, groupsOf, relate } from '../../src/relate/index.js';
import { buildProfile } from '../../src/relate/profile.js';
import { resolveSettings } from '../../src/relate/settings.js';
import type { AnalyzedArticle, DerivationEdge } from '../../src/types.js';

const FIXTURES = 'test/fixtures/relate';
const SEEDS = 'examples/vostochny';

function article(id: string, content: string, publishedAt?: string): AnalyzedArticle {
  return analyze(extract({ id, origin: id, format: 'text', content, contentHash: id, publishedAt }));
}

function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, `${name}.txt`), 'utf8');
}

function edgeBetween(edges: DerivationEdge[], a: string, b: string): DerivationEdge | undefined {
  return edges.find((e) => (e.from === a && e.to === b) || (e.from === b && e.to === a));
}

function groupOf(groups: { id: string; members: string[] }[], id: string): string {
  const g = groups.find((x) => x.members.includes(id));
  assert.ok(g, `${id} has a group`);
  return g.id;
}

const FURNITURE_TOP = 'Home | World | Business | Sport\nSubscribe now\n\n';
const FURNITURE_BOTTOM = '\n\nRecent Posts\n\nMarkets close higher on tech rally\n\n3 hours ago\n\nLeave a Reply\n\nPlease enter your comment!';

function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).filter((p) => p.trim().length > 0);
}

test('seeds: 000 and 002 are rewrites of one report, 004 stays independent of them', () => {
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  assert.equal(files.length, 5);
  const arts = files.map((f) => article(f.replace(/\..*$/, ''), readFileSync(path.join(SEEDS, f), 'utf8')));
  const { edges, groups } = relate(arts);
  const ids = arts.map((a) => a.article.id);
  const e = edgeBetween(edges, ids[0]!, ids[2]!);
  assert.ok(e, '000–002 linked');
  // Pinned: 001 (expanded rewrite) and 003/004 (translations of other outlets' versions) align too loosely to be linked.
  assert.equal(edges.length, 1, JSON.stringify(edges.map((x) => [x.from, x.to, x.kind])));
  assert.equal(e.kind, 'rewrite');
  assert.ok(e.evidence.length > 0);
  assert.equal(groupOf(groups, ids[2]!), ids[0]);
  assert.notEqual(groupOf(groups, ids[4]!), groupOf(groups, ids[0]!), '004 is not in the 000/002 group');
  // Every article is in exactly one group.
  assert.deepEqual(groups.flatMap((g) => g.members).sort(), [...ids].sort());
});

test('a paraphrased rewrite with few shared words is found as a rewrite', () => {
  const { edges } = relate([article('wire', fixture('flood-wire')), article('spun', fixture('flood-rewrite'))]);
  assert.equal(edges.length, 1);
  assert.equal(edges[0]!.kind, 'rewrite');
  assert.ok(edges[0]!.score >= 0.5);
  assert.ok(edges[0]!.evidence.length >= 3);
});

test('a machine translation (MT traces, same facts in the same order) is a translation of its origin', () => {
  const { edges } = relate([article('wire', fixture('flood-wire')), article('mt', fixture('flood-translated'))]);
  assert.equal(edges.length, 1);
  assert.equal(edges[0]!.kind, 'translation');
  assert.equal(edges[0]!.from, 'wire');
  assert.equal(edges[0]!.to, 'mt');
});

test('articles crediting the same wire with a few aligned sentences share an origin', () => {
  const mixed = [...paragraphs(fixture('flood-rewrite')).slice(0, 5), ...paragraphs(fixture('flood-independent')).slice(1)].join('\n\n');
  const credited = (id: string, text: string): AnalyzedArticle => {
    const a = article(id, text);
    return { ...a, article: { ...a.article, attribution: 'Reuters' } };
  };
  const { edges: without } = relate([article('wire', fixture('flood-wire')), article('mixed', mixed)]);
  assert.deepEqual(without, [], 'without the common credit the overlap is too small');
  const { edges, groups } = relate([credited('wire', fixture('flood-wire')), credited('mixed', mixed)]);
  assert.equal(edges.length, 1);
  assert.equal(edges[0]!.kind, 'shared-origin');
  assert.deepEqual([edges[0]!.from, edges[0]!.to], ['mixed', 'wire']);
  assert.equal(groups.length, 1);
});

test('independent reports of one event and articles of another topic are not linked', () => {
  const { edges, groups } = relate([
    article('wire', fixture('flood-wire')),
    article('own', fixture('flood-independent')),
    article('tram', fixture('other-topic')),
  ]);
  assert.deepEqual(edges, []);
  assert.equal(groups.length, 3);
});

test('an exact copy under different page furniture is a copy', () => {
  const wire = fixture('flood-wire');
  const { edges } = relate([article('wire', wire), article('page', FURNITURE_TOP + wire + FURNITURE_BOTTOM)]);
  assert.equal(edges.length, 1);
  assert.equal(edges[0]!.kind, 'copy');
  assert.ok(edges[0]!.score > 0.8);
});

test('a truncated copy is a copy, and it is the derived one', () => {
  const wire = fixture('flood-wire');
  const truncated = paragraphs(wire).slice(0, 6).join('\n\n');
  const { edges } = relate([article('a-truncated', truncated), article('b-full', wire)]);
  assert.equal(edges.length, 1);
  assert.equal(edges[0]!.kind, 'copy');
  assert.equal(edges[0]!.from, 'b-full');
  assert.equal(edges[0]!.to, 'a-truncated');
});

test('a partial copy (a run of paragraphs inside another article) is a copy', () => {
  const borrowed = paragraphs(fixture('flood-wire')).slice(1, 6).join('\n\n');
  const mixed = `${fixture('other-topic')}\n\nIn other news:\n\n${borrowed}`;
  const { edges } = relate([article('wire', fixture('flood-wire')), article('mixed', mixed)]);
  assert.equal(edges.length, 1);
  assert.equal(edges[0]!.kind, 'copy');
});

test('direction follows publishedAt when both are known', () => {
  const wire = fixture('flood-wire');
  const truncated = paragraphs(wire).slice(0, 6).join('\n\n');
  // The shorter text was published first here, so it is the origin despite being contained.
  const { edges } = relate([article('x', truncated, '2024-05-01T08:00:00Z'), article('y', wire, '2024-05-01T12:00:00Z')]);
  assert.equal(edges[0]!.from, 'x');
  assert.equal(edges[0]!.to, 'y');
});

test('relate is deterministic and independent of input order', () => {
  const arts = [
    article('wire', fixture('flood-wire')),
    article('spun', fixture('flood-rewrite')),
    article('own', fixture('flood-independent')),
    article('copy', FURNITURE_TOP + fixture('flood-wire')),
  ];
  const a = relate(arts);
  const b = relate([...arts].reverse());
  assert.deepEqual(a, b);
  assert.deepEqual(groupsOf(['copy', 'own', 'spun', 'wire'], a.edges), a.groups);
  assert.deepEqual(
    a.groups.map((g) => g.members),
    [['copy', 'spun', 'wire'], ['own']],
  );
});

test('groupsOf: components over edges at or above the threshold, singletons kept, id = smallest member', () => {
  const e = (from: string, to: string, score: number): DerivationEdge => ({ from, to, kind: 'copy', score, evidence: [] });
  const groups = groupsOf(['d', 'c', 'b', 'a', 'e'], [e('c', 'b', 0.9), e('d', 'c', 0.7), e('a', 'e', 0.4)]);
  assert.deepEqual(groups, [
    { id: 'a', members: ['a'] },
    { id: 'b', members: ['b', 'c', 'd'] },
    { id: 'e', members: ['e'] },
  ]);
});

test('DerivationIndex finds copies and rewrites among stored articles, and forgets removed ones', () => {
  const index = new DerivationIndex();
  assert.deepEqual(index.add(article('wire', fixture('flood-wire'))), []);
  assert.deepEqual(index.add(article('own', fixture('flood-independent'))), []);
  assert.deepEqual(index.add(article('tram', fixture('other-topic'))), []);
  const copyEdges = index.add(article('page', FURNITURE_TOP + fixture('flood-wire') + FURNITURE_BOTTOM));
  assert.deepEqual(
    copyEdges.map((e) => [e.kind, [e.from, e.to].sort()]),
    [['copy', ['page', 'wire']]],
  );
  const spun = index.add(article('spun', fixture('flood-rewrite')));
  assert.ok(spun.some((e) => e.kind === 'rewrite' && [e.from, e.to].includes('wire')));
  assert.equal(index.size, 5);
  assert.ok(index.remove('wire'));
  assert.ok(!index.has('wire'));
  assert.equal(index.add(article('again', fixture('flood-wire'))).filter((e) => e.from === 'wire' || e.to === 'wire').length, 0);
});

test('DerivationIndex with maxArticles keeps only the newest articles: an older source is no longer found', () => {
  const index = new DerivationIndex(undefined, { maxArticles: 2 });
  index.add(article('wire', fixture('flood-wire')));
  index.add(article('own', fixture('flood-independent')));
  index.add(article('tram', fixture('other-topic')));
  assert.equal(index.size, 2);
  assert.ok(!index.has('wire'));
  assert.ok(index.has('own') && index.has('tram'));
  assert.deepEqual(index.add(article('page', FURNITURE_TOP + fixture('flood-wire') + FURNITURE_BOTTOM)), []);
  // The copy is now stored, and still found as the source of a later copy.
  const again = index.add(article('again', fixture('flood-wire')));
  assert.deepEqual(again.map((e) => [e.kind, [e.from, e.to].sort()]), [['copy', ['again', 'page']]]);
  assert.equal(index.size, 2);
});

test('DerivationIndex.indexProfile stores an article as addProfile does, without comparing it', () => {
  const settings = resolveSettings();
  const added = new DerivationIndex();
  const indexed = new DerivationIndex();
  for (const [id, name] of [['wire', 'flood-wire'], ['own', 'flood-independent']] as const) {
    added.addProfile(buildProfile(article(id, fixture(name)), settings));
    indexed.indexProfile(buildProfile(article(id, fixture(name)), settings));
  }
  assert.equal(indexed.stats().candidatesChecked, 0);
  assert.equal(indexed.size, 2);
  const copy = article('page', FURNITURE_TOP + fixture('flood-wire') + FURNITURE_BOTTOM);
  const found = indexed.add(copy).map((e) => [e.kind, e.from, e.to]);
  assert.deepEqual(found, added.add(copy).map((e) => [e.kind, e.from, e.to]));
  assert.ok(found.some(([kind]) => kind === 'copy'), JSON.stringify(found));
});

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { arrivalOrder, bcubed, clusterArticles, extractFeatures, OnlineClusterer, type ClusterItem } from '../../src/cluster/index.js';
import { MAX_FEATURE_CHARS } from '../../src/cluster/features.js';
import { extract } from '../../src/extract/index.js';
import { readInputs } from '../../src/ingest/files.js';
import type { Article } from '../../src/types.js';
import { SHARED_DATA } from '../../bench/lib.js';
import { sameKindFixture } from './fixture.js';

const fixture = sameKindFixture;

async function seeds(): Promise<ClusterItem[]> {
  const { docs, problems } = await readInputs(['examples/vostochny']);
  assert.deepEqual(problems, []);
  return docs.map((d) => extract(d));
}

test('two earthquakes with the same vocabulary but different places and people stay two stories', () => {
  const items = fixture();
  const { assignments } = clusterArticles(items);
  const story = new Map(assignments.map((a) => [a.id, a.story]));
  const aldera = items.filter((i) => i.id.startsWith('quake-aldera')).map((i) => story.get(i.id));
  const corvena = items.filter((i) => i.id.startsWith('quake-corvena')).map((i) => story.get(i.id));
  assert.equal(new Set(aldera).size, 1, 'the Aldera reports form one story');
  assert.equal(new Set(corvena).size, 1, 'the Corvena reports form one story');
  assert.notEqual(aldera[0], corvena[0], 'the two earthquakes are kept apart');
});

test('assignments come back in input order although dated items are clustered in date order', () => {
  const items: ClusterItem[] = fixture().map((item, i) => ({ ...item, publishedAt: new Date(Date.UTC(2024, 0, 10 - i)).toISOString() }));
  assert.deepEqual(arrivalOrder(items), [5, 4, 3, 2, 1, 0]);
  const { assignments } = clusterArticles(items);
  assert.deepEqual(
    assignments.map((a) => a.id),
    items.map((i) => i.id),
  );
  // The last input is the earliest article, so it founds its story.
  assert.equal(assignments[5]!.story, `s-${items[5]!.id}`);
});

test('undated items keep their place after the dated item before them', () => {
  const items: ClusterItem[] = [
    { id: 'a', text: 'x', publishedAt: '2024-01-03T00:00:00Z' },
    { id: 'b', text: 'x' },
    { id: 'c', text: 'x', publishedAt: '2024-01-01T00:00:00Z' },
  ];
  assert.deepEqual(arrivalOrder(items), [2, 0, 1]);
});

test('the same calls give the same stories, ids and merges in a fresh clusterer', () => {
  const items = [...fixture(), ...fixture().map((i) => ({ ...i, id: `${i.id}-copy` }))];
  const first = clusterArticles(items);
  const second = clusterArticles(items);
  assert.deepEqual(second, first);
  const replay = new OnlineClusterer();
  for (const item of items) replay.add(item);
  assert.deepEqual(replay.assignments(), first.assignments);
  // Story ids are derived from the founding article, never from a counter or the clock.
  for (const a of first.assignments) assert.match(a.story, /^s-quake-/);
});

test('a late merge is recorded, and old story ids resolve to the surviving story', () => {
  // Joins are made impossible, so the second report founds a story that a merge then folds into the first.
  const clusterer = new OnlineClusterer({ joinThreshold: 1.01, mergeThreshold: 0.05 });
  const [a1, , a2] = fixture();
  assert.equal(clusterer.add(a1!), `s-${a1!.id}`);
  const second = clusterer.add(a2!);
  assert.equal(second, `s-${a1!.id}`, 'add returns the story after the merge');
  assert.deepEqual(clusterer.merges, [{ from: `s-${a2!.id}`, into: `s-${a1!.id}`, trigger: a2!.id }]);
  assert.equal(clusterer.resolve(`s-${a2!.id}`), `s-${a1!.id}`);
  assert.equal(clusterer.resolve('s-unknown'), 's-unknown');
  assert.equal(clusterer.storyOf(a2!.id), `s-${a1!.id}`);
  assert.equal(clusterer.storyOf('never-added'), undefined);
  assert.deepEqual(clusterer.assignments(), [
    { id: a1!.id, story: `s-${a1!.id}` },
    { id: a2!.id, story: `s-${a1!.id}` },
  ]);
});

test('a repeated article id founding a second story gets a distinct, stable id', () => {
  const [a1, b1] = fixture();
  const clusterer = new OnlineClusterer();
  clusterer.add(a1!);
  const again = clusterer.add({ ...b1!, id: a1!.id });
  assert.equal(again, `s-${a1!.id}~2`);
});

test('an Article is accepted as a ClusterItem', () => {
  const article: Article = { id: 'x', title: 'Quake in Aldera', language: 'en', text: 'A quake struck Aldera.', paragraphs: ['A quake struck Aldera.'] };
  assert.equal(new OnlineClusterer().add(article), 's-x');
});

test('settings are validated', () => {
  assert.throws(() => new OnlineClusterer({ joinThreshold: Number.NaN }), RangeError);
  assert.throws(() => new OnlineClusterer({ hotDays: -1 }), RangeError);
});

test('features: names, years and numbers are anchors; sentence-initial common words are not', () => {
  const { terms, anchors } = extractFeatures('Rescuers searched Venmark on Tuesday. The quake of 2024 killed 12 people in Venmark and Orsk.');
  // Names are keyed by their first five letters, folded.
  assert.ok(anchors.has('e:venma'));
  assert.ok(anchors.has('e:orsk'));
  assert.ok(anchors.has('y:2024'));
  assert.ok(anchors.has('n:12'));
  assert.ok(anchors.has('d:tuesday'));
  assert.ok(!anchors.has('e:rescu'), 'a capital at the start of a sentence is not a name');
  assert.ok(!anchors.has('e:tuesd'));
  assert.ok(terms.has('rescuer'));
  assert.ok(terms.has('quak'));
});

test('B-cubed: perfect, all-in-one and all-apart clusterings', () => {
  const gold = ['a', 'a', 'b', 'b'];
  assert.deepEqual(bcubed(['x', 'x', 'y', 'y'], gold), { precision: 1, recall: 1, f1: 1 });
  const one = bcubed(['x', 'x', 'x', 'x'], gold);
  assert.equal(one.precision, 0.5);
  assert.equal(one.recall, 1);
  const apart = bcubed(['1', '2', '3', '4'], gold);
  assert.equal(apart.precision, 1);
  assert.equal(apart.recall, 0.5);
});

test('the five seed articles form one story', async () => {
  const items = await seeds();
  assert.equal(items.length, 5);
  const { assignments } = clusterArticles(items);
  assert.equal(new Set(assignments.map((a) => a.story)).size, 1);
});

test('the seeds form one story of their own among other stories', async () => {
  const items = [...fixture(), ...(await seeds())];
  const { assignments } = clusterArticles(items);
  const seedStories = new Set(assignments.slice(6).map((a) => a.story));
  assert.equal(seedStories.size, 1);
  for (const a of assignments.slice(0, 6)) assert.ok(!seedStories.has(a.story), `${a.id} joined the seeds' story`);
});

const DEV = path.join(SHARED_DATA, 'ecbplus-dev.jsonl');

test('the seeds mixed into ecbplus-dev form one story of their own', { skip: existsSync(DEV) ? false : 'shared data absent' }, async () => {
  const dev = readFileSync(DEV, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; text: string });
  const seedItems = await seeds();
  const items: ClusterItem[] = [...dev.slice(0, 150), ...seedItems, ...dev.slice(150)];
  const { assignments } = clusterArticles(items);
  const seedIds = new Set(seedItems.map((s) => s.id));
  const seedStories = new Set(assignments.filter((a) => seedIds.has(a.id)).map((a) => a.story));
  assert.equal(seedStories.size, 1);
  const intruders = assignments.filter((a) => !seedIds.has(a.id) && seedStories.has(a.story));
  assert.deepEqual(intruders, []);
});

test('with rememberArticles off, add still returns the same stories but nothing per article is kept', () => {
  const items = fixture();
  const full = new OnlineClusterer();
  const lean = new OnlineClusterer({}, { rememberArticles: false });
  for (const item of items) assert.equal(lean.add(item), full.add(item));
  assert.deepEqual(lean.assignments(), []);
  assert.equal(lean.storyOf(items[0]!.id), undefined);
});

test('a runaway body is read for features up to MAX_FEATURE_CHARS, as analysis reads it', () => {
  const head = 'Rescuers searched Venmark on Tuesday after the quake. '.repeat(Math.ceil(MAX_FEATURE_CHARS / 54)).slice(0, MAX_FEATURE_CHARS);
  const runaway = `${head}Orsk Harbour flooded when the Kestrel Dam broke. `.repeat(1) + 'Orsk Harbour flooded. '.repeat(1000);
  const cut = extractFeatures(runaway);
  assert.deepEqual(cut, extractFeatures(head));
  assert.ok(![...cut.terms.keys()].some((k) => String(k).includes('orsk')), 'nothing past the bound is read');
});

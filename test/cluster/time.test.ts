import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterArticles, OnlineClusterer, type ClusterItem } from '../../src/cluster/index.js';
import { freshness, gapBetween } from '../../src/cluster/time.js';

const DAY_MS = 86_400_000;
const START = Date.UTC(2024, 2, 1, 8);

function at(days: number): string {
  return new Date(START + days * DAY_MS).toISOString();
}

/** Three reports of a made-up quake in Aldera (its mayor, its figures), over two days. */
const ALDERA: ClusterItem[] = [
  { id: 'aldera-1', text: 'A strong earthquake of magnitude 6.4 struck Aldera on Monday, killing 38 people, mayor Tomas Velkan said. Rescuers searched collapsed houses through the night.' },
  { id: 'aldera-2', text: 'Rescuers in Aldera pulled survivors from collapsed houses after the magnitude 6.4 earthquake that killed 38 people, Velkan told reporters.' },
  { id: 'aldera-3', text: 'The death toll of the Aldera earthquake stands at 38, mayor Tomas Velkan said, as aftershocks shook the region and rescuers kept searching.' },
].map((item, k) => ({ ...item, publishedAt: at(k * 0.5) }));

/** Weeks later, a follow-up: the same town, mayor and figures, other words. */
const FOLLOW_UP: ClusterItem = {
  id: 'aldera-month-later',
  text: 'A month after the earthquake that killed 38 people, Aldera opened its first rebuilt school, mayor Tomas Velkan said. Velkan thanked the donors.',
  publishedAt: at(30),
};

/** Days later, an earthquake of the same kind elsewhere: the words, not the names. */
const CORVENA: ClusterItem = {
  id: 'corvena-1',
  text: 'A strong earthquake of magnitude 5.9 struck Corvena on Thursday, killing 12 people, governor Ilse Marrow said. Rescuers searched collapsed houses.',
  publishedAt: at(4),
};

/** Weeks later, a report that names the town but is about something else. */
const ALDERA_FOOTBALL: ClusterItem = {
  id: 'aldera-football',
  text: 'Aldera won the regional football cup final 3-1 against Brisk United, with two goals from striker Pavel Orm in the second half.',
  publishedAt: at(30),
};

/** Unrelated reports, each its own event, one every two hours from day `from` on. */
function filler(n: number, from: number): ClusterItem[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `filler-${i}`,
    text: `The council of Town${i} Q${i} approved budget plan ${1000 + i} for the Bridge${i} works, councillor Name${i} Surname${i} said.`,
    publishedAt: at(from + i / 12),
  }));
}

function storyOf(assignments: { id: string; story: string }[], id: string): string {
  return assignments.find((a) => a.id === id)!.story;
}

test('freshness halves every half-life of silence; overlapping or undated spans are fresh', () => {
  assert.equal(freshness(0, 3), 1);
  assert.ok(Math.abs(freshness(3 * DAY_MS, 3) - 0.5) < 1e-12);
  assert.ok(Math.abs(freshness(6 * DAY_MS, 3) - 0.25) < 1e-12);
  assert.equal(freshness(DAY_MS, 0), 0);
  assert.equal(gapBetween(10, 20, 15, 30), 0);
  assert.equal(gapBetween(40, 40, 10, 30), 10);
  assert.equal(gapBetween(0, 5, 10, 30), 5);
  assert.equal(gapBetween(undefined, undefined, 10, 30), 0);
});

test('a follow-up weeks later that names the story’s town, mayor and figures rejoins it', () => {
  const { assignments } = clusterArticles([...ALDERA, FOLLOW_UP]);
  assert.equal(new Set(assignments.map((a) => a.story)).size, 1);
});

test('a same-kind event days later, with other names and figures, is another story', () => {
  const { assignments } = clusterArticles([...ALDERA, CORVENA]);
  assert.notEqual(storyOf(assignments, 'corvena-1'), storyOf(assignments, 'aldera-1'));
});

test('weeks later, sharing a name without what the story is about does not continue it', () => {
  const { assignments } = clusterArticles([...ALDERA, ALDERA_FOOTBALL]);
  assert.notEqual(storyOf(assignments, 'aldera-football'), storyOf(assignments, 'aldera-1'));
});

test('the same-kind event is kept apart by time too: sharing vocabulary counts less the longer a story is quiet', () => {
  // Corvena shares one anchor with Aldera here (the weekday), so only time stands between a join and none.
  const corvenaMonday: ClusterItem = { ...CORVENA, text: CORVENA.text.replace('Thursday', 'Monday') };
  const settings = { joinThreshold: 0.2, mergeThreshold: 1.01, settleIdleArticles: 0, neighbours: 0 };
  const soon = clusterArticles([...ALDERA, { ...corvenaMonday, publishedAt: at(0.6) }], settings).assignments;
  const later = clusterArticles([...ALDERA, { ...corvenaMonday, publishedAt: at(20) }], settings).assignments;
  assert.equal(storyOf(soon, 'corvena-1'), storyOf(soon, 'aldera-1'), 'at once, the shared vocabulary and weekday make a (permissive) join');
  assert.notEqual(storyOf(later, 'corvena-1'), storyOf(later, 'aldera-1'), 'three weeks on, the vocabulary no longer carries it');
});

test('a story that went quiet leaves the hot index, stays findable through its anchors, and a follow-up wakes it', () => {
  const c = new OnlineClusterer();
  const quake = ALDERA.map((item) => c.add(item));
  for (const item of filler(300, 2)) c.add(item);
  assert.ok(c.isDormant(quake[0]!), 'dormant after a week and 300 other articles');
  assert.ok(c.dormantStories! > 0);
  assert.equal(c.add(FOLLOW_UP), quake[0]);
  assert.ok(!c.isDormant(quake[0]!), 'woken: back in the hot index');
  // The woken story takes further reports as a hot one does.
  assert.equal(c.add({ ...FOLLOW_UP, id: 'aldera-later-still', publishedAt: at(31) }), quake[0]);
});

test('dormant stories are forgotten after dormantDays, and beyond maxDormantStories the oldest first', () => {
  const byAge = new OnlineClusterer({ dormantDays: 10 });
  const quake = ALDERA.map((item) => byAge.add(item));
  for (const item of filler(600, 2)) byAge.add(item);
  assert.ok(!byAge.isDormant(quake[0]!), 'forgotten once silent for more than ten days');
  assert.notEqual(byAge.add(FOLLOW_UP), quake[0]);

  const byCount = new OnlineClusterer({ maxDormantStories: 5 });
  for (const item of [...ALDERA, ...filler(600, 2)]) byCount.add(item);
  assert.ok(byCount.dormantStories! <= 5);
});

test('joins and wakes are deterministic: the same calls give the same stories and merges', () => {
  const items = [...ALDERA, ...filler(300, 2), FOLLOW_UP, CORVENA, ALDERA_FOOTBALL];
  const run = (): { stories: string[]; merges: unknown } => {
    const c = new OnlineClusterer();
    const stories = items.map((i) => c.add(i));
    return { stories, merges: c.merges };
  };
  assert.deepEqual(run(), run());
});

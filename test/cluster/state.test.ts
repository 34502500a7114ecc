import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { SHARED_DATA } from '../../bench/lib.js';
import { commonWords, planScaleStream, readDevRows, SCALE_STREAM, scaleItem } from '../../bench/streams.js';
import { OnlineClusterer, type ClusterItem, type ClustererChanges, type ClustererSnapshot, type ClusterSettings } from '../../src/cluster/index.js';
import { MemoryDormantTable } from '../../src/cluster/dormant.js';
import { DocumentFrequencies, MemoryFrequencyTable } from '../../src/cluster/profile.js';
import { numberFeatures } from '../../src/cluster/feature-id.js';
import { extractFeatures } from '../../src/cluster/features.js';

const MIXED = path.join(SHARED_DATA, 'ecbplus-dev-mixed.jsonl');
const skip = existsSync(MIXED) ? false : `${MIXED} not found`;

/** A stream with languages, lulls, dormant stories and wakes: the scale bench's, short. */
function stream(size: number): ClusterItem[] {
  const dev = readDevRows('ecbplus-dev-mixed.jsonl');
  const plan = planScaleStream(dev, size, SCALE_STREAM);
  const common = commonWords(dev);
  return Array.from({ length: size }, (_, i) => scaleItem(dev, common, plan, i));
}

/** The rows a store would hold: the hot state as written by takeChanges. */
class Rows {
  cursor: Uint8Array | undefined;
  readonly stories = new Map<string, { profile?: Uint8Array; links?: Uint8Array }>();
  readonly members = new Map<number, { vectors?: Uint8Array; nearest: Uint8Array }>();

  apply(c: ClustererChanges): void {
    this.cursor = c.cursor;
    for (const s of c.stories) {
      const row = this.stories.get(s.id) ?? {};
      this.stories.set(s.id, { profile: s.profile ?? row.profile, links: s.links ?? row.links });
    }
    for (const id of c.removedStories) this.stories.delete(id);
    for (const m of c.members) this.members.set(m.seq, { vectors: m.vectors ?? this.members.get(m.seq)?.vectors, nearest: m.nearest });
    for (const seq of c.removedMembers) this.members.delete(seq);
  }

  snapshot(): ClustererSnapshot | undefined {
    if (!this.cursor) return undefined;
    return {
      cursor: this.cursor,
      stories: [...this.stories].map(([id, s]) => ({ id, profile: s.profile!, links: s.links! })),
      members: [...this.members].map(([seq, m]) => ({ seq, vectors: m.vectors!, nearest: m.nearest })),
    };
  }
}

/**
 * The stream through a clusterer kept in `Rows` and tables, rebuilt from them every `restartEvery`
 * articles (as a process restarted would be), settling at `settleAt`: its stories and merges.
 */
function run(items: ClusterItem[], restartEvery: number, settings: Partial<ClusterSettings> = {}, settleAt = -1): { stories: string[]; merges: string[] } {
  const rows = new Rows();
  const frequencies = new MemoryFrequencyTable();
  const dormant = new MemoryDormantTable();
  const open = (): OnlineClusterer => new OnlineClusterer(settings, { rememberArticles: false, storage: { frequencies, dormant, snapshot: rows.snapshot() } });
  let c = open();
  const stories: string[] = [];
  const merges: string[] = [];
  const save = (): void => {
    rows.apply(c.takeChanges());
    merges.push(...c.merges.map((m) => `${m.from}>${m.into}@${m.trigger}`));
    c.forgetMerges();
  };
  items.forEach((item, i) => {
    if (i > 0 && i % restartEvery === 0) {
      save();
      c = open();
    }
    stories.push(c.add(item));
    if (i === settleAt) c.settle();
  });
  save();
  return { stories, merges };
}

test('a clusterer rebuilt from its stored state every few hundred articles places every article as one that never stopped', { skip }, () => {
  const items = stream(3000);
  const whole = run(items, Number.MAX_SAFE_INTEGER, {}, 1700);
  // Restarts every 500 articles, and at odd places (within sweeps, after a settle).
  for (const every of [500, 333]) {
    const restarted = run(items, every, {}, 1700);
    assert.deepEqual(restarted.stories, whole.stories, `restarted every ${every}`);
    assert.deepEqual(restarted.merges, whole.merges, `merges, restarted every ${every}`);
  }
  assert.ok(whole.merges.length > 0, 'the stream has merges');
  assert.ok(new Set(whole.stories).size > 50, 'and many stories');
});

test('a bounded vocabulary is pruned alike whether or not the clusterer restarted, and stays bounded', { skip }, () => {
  const items = stream(2500);
  const settings = { maxVocabulary: 3000 };
  const whole = run(items, Number.MAX_SAFE_INTEGER, settings);
  assert.deepEqual(run(items, 400, settings).stories, whole.stories);
  const c = new OnlineClusterer(settings);
  for (const item of items) c.add(item);
  assert.ok(c.vocabulary <= 3000 + 1024 * 40, `vocabulary ${c.vocabulary}`);
  const unbounded = new OnlineClusterer();
  for (const item of items) unbounded.add(item);
  assert.ok(unbounded.vocabulary > c.vocabulary, 'pruning forgot features');
});

test('document frequencies forget the rarest features once over their bound', () => {
  const table = new MemoryFrequencyTable();
  const df = new DocumentFrequencies(table, 100);
  const common = numberFeatures(extractFeatures('Common words of every report here.'));
  for (let i = 0; i < 1024; i++) {
    df.addDocument(common);
    df.addDocument(numberFeatures(extractFeatures(`The figure was ${i + 10000}, then ${i + 50000}.`)));
  }
  // Pruned at the 1 024th and 2 048th documents: the one-off figures went, the common words stayed.
  assert.ok(table.size <= 100, `kept ${table.size}`);
  const word = common.terms.ids[0]!;
  assert.equal(table.get(word), 1024);
  const figure = numberFeatures(extractFeatures('The figure was 10005.')).anchors.ids[0]!;
  assert.equal(table.get(figure), undefined);
  assert.ok(df.idf(word) < df.idf(figure));
});

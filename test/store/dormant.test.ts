import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { extract } from '../../src/extract/index.js';
import { documentToRaw } from '../../src/ingest/document.js';
import { openCatalog } from '../../src/store/index.js';
import { createClusterer } from '../../src/store/stages.js';
import type { Document } from '../../src/types.js';
import { syntheticDocument } from './suite.js';

const DAY_MS = 86_400_000;
const START = Date.UTC(2025, 2, 1, 8);

function at(days: number): string {
  return new Date(START + days * DAY_MS).toISOString();
}

/** A made-up event: a quake in Veltrano, its mayor, its figures. */
const QUAKE = [
  'A magnitude 6.1 earthquake struck Veltrano on Saturday, injuring 212 people and damaging the old cathedral, mayor Oskar Brandvik said.',
  'Rescue teams from Corvina joined the search in Veltrano overnight, Brandvik told reporters, as 212 injured were treated in field hospitals.',
  'Engineers inspected the cathedral of Veltrano after the 6.1 quake; Brandvik asked residents to stay out of the old town.',
];

function quakeReport(n: number, day: number): Document {
  return { id: `quake-${n}`, title: `Quake in Veltrano: ${212} injured`, text: `${QUAKE[n % QUAKE.length]}\n\n${QUAKE[(n + 1) % QUAKE.length]}`, publishedAt: at(day) };
}

/** Four weeks later, the follow-up: the same town, mayor and figures, other words. */
const FOLLOW_UP: Document = {
  id: 'quake-follow-up',
  title: 'Veltrano rebuilds a month after the quake',
  text: 'A month after the 6.1 quake, Veltrano began rebuilding its cathedral, mayor Oskar Brandvik said; most of the 212 injured have left hospital.\n\nBrandvik said the reconstruction of Veltrano would take two years.',
  publishedAt: at(28),
};

/** Other news for three weeks: enough articles and days for the quake story to leave the hot index. */
function otherNews(): Document[] {
  return Array.from({ length: 260 }, (_, i) => ({ ...syntheticDocument(i, `topic${i % 13}`), publishedAt: at(2 + (i * 20) / 260) }));
}

test('a story that went quiet is woken by a follow-up after the service restarts (SQLite store)', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-dormant-'));
  try {
    const file = path.join(dir, 'store.db');
    const quake = [0, 1, 2].map((n) => quakeReport(n, n * 0.3));
    const first = await openCatalog(file, { threads: 0 });
    await first.ingest(quake);
    await first.ingest(otherNews());
    const quakeStory = (await first.engine.all<{ story_id: string }>(`SELECT story_id FROM story_members WHERE article_id = 'quake-0'`))[0]!.story_id;
    await first.close();

    // The same articles in one clusterer, as the restarted process rebuilds it: the quake story is dormant by now.
    const replay = createClusterer();
    for (const d of [...quake, ...otherNews()]) {
      const a = extract(documentToRaw(d, d.id));
      replay.add({ id: a.id, title: a.title, text: a.text, publishedAt: a.publishedAt });
    }
    assert.ok(replay.isDormant(quakeStory), 'the quake story has left the hot index before the follow-up');

    const restarted = await openCatalog(file, { threads: 0 });
    try {
      await restarted.ingest([FOLLOW_UP]);
      const rows = await restarted.engine.all<{ story_id: string }>(`SELECT story_id FROM story_members WHERE article_id = 'quake-follow-up'`);
      assert.equal(rows[0]!.story_id, quakeStory, 'the follow-up joins the story it continues');
    } finally {
      await restarted.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

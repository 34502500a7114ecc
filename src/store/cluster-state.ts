import type { ClustererChanges, ClustererSnapshot } from '../cluster/index.js';
import { inList, insertRows, MAX_IN_LIST, type SqlRunner, type SqlValue } from './sql.js';

/**
 * The clusterer's hot state in the store (src/cluster/state.ts): a row per
 * hot story (`cluster_hot`), a row per recent member (`cluster_members`) and
 * the cursor (`cluster_cursor`), written by every clustering step in its own
 * transaction, so that they always describe the clusterer as of the stored
 * clustering position. A process starting to cluster reads them (a bounded
 * window: the stories of the last days) instead of replaying the stream.
 */

function bytes(b: Buffer | Uint8Array): Uint8Array {
  return b instanceof Uint8Array ? b : new Uint8Array(b);
}

function blob(b: Uint8Array | undefined): Buffer | null {
  return b === undefined ? null : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** The stored state, with the clustering position it belongs to; undefined when none was ever written. */
export async function loadClusterState(tx: SqlRunner): Promise<{ position: number; snapshot: ClustererSnapshot } | undefined> {
  const cursor = await tx.all<{ position: number; body: Buffer }>(`SELECT position, body FROM cluster_cursor WHERE id = 1`);
  if (!cursor[0]) return undefined;
  const stories = await tx.all<{ story_id: string; profile: Buffer; links: Buffer }>(`SELECT story_id, profile, links FROM cluster_hot`);
  const members = await tx.all<{ seq: number; vectors: Buffer; nearest: Buffer }>(`SELECT seq, vectors, nearest FROM cluster_members`);
  return {
    position: Number(cursor[0].position),
    snapshot: {
      cursor: bytes(cursor[0].body),
      stories: stories.map((s) => ({ id: s.story_id, profile: bytes(s.profile), links: bytes(s.links) })),
      members: members.map((m) => ({ seq: Number(m.seq), vectors: bytes(m.vectors), nearest: bytes(m.nearest) })),
    },
  };
}

async function deleteWhereIn(tx: SqlRunner, table: string, column: string, values: SqlValue[]): Promise<void> {
  for (let i = 0; i < values.length; i += MAX_IN_LIST) {
    const chunk = values.slice(i, i + MAX_IN_LIST);
    await tx.run(`DELETE FROM ${table} WHERE ${column} IN (${inList(chunk.length)})`, chunk);
  }
}

/** Writes what changed in the clusterer since the last step, as of clustering position `position`. */
export async function saveClusterState(tx: SqlRunner, changes: ClustererChanges, position: number): Promise<void> {
  await deleteWhereIn(tx, 'cluster_hot', 'story_id', changes.removedStories);
  await deleteWhereIn(tx, 'cluster_members', 'seq', changes.removedMembers);
  // A part that did not change is written as NULL and keeps its stored value.
  await insertRows(
    tx,
    `INSERT INTO cluster_hot (story_id, profile, links)`,
    changes.stories.map((s) => [s.id, blob(s.profile), blob(s.links)]),
    `ON CONFLICT (story_id) DO UPDATE SET profile = COALESCE(excluded.profile, cluster_hot.profile), links = COALESCE(excluded.links, cluster_hot.links)`,
  );
  await insertRows(
    tx,
    `INSERT INTO cluster_members (seq, vectors, nearest)`,
    changes.members.map((m) => [m.seq, blob(m.vectors), blob(m.nearest)]),
    `ON CONFLICT (seq) DO UPDATE SET nearest = excluded.nearest`,
  );
  await tx.run(
    `INSERT INTO cluster_cursor (id, position, body) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET position = excluded.position, body = excluded.body`,
    [position, blob(changes.cursor)],
  );
}

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { registerRelate } from '../../src/cli/commands/relate.js';
import { runInProcess } from '../cli/run.js';

/** Runs `newsfuse relate …` in process: what it wrote and the exit code it set. */
async function relateCli(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const r = await runInProcess(registerRelate, ['relate', ...args]);
  return { out: r.stdout, err: r.stderr, code: r.code };
}

test('relate --format jsonl: edges first, then one group line per group, each row saying what it is', async () => {
  const { out, code } = await relateCli(['test/fixtures/relate']);
  assert.equal(code, 0);
  const rows = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const edges = rows.filter((r) => r.type === 'edge');
  const groups = rows.filter((r) => r.type === 'group').map(({ type: _type, ...g }) => g);
  assert.equal(edges.length + groups.length, rows.length);
  assert.ok(edges.every((e) => 'kind' in e && 'from' in e && 'to' in e));
  assert.ok(rows.findIndex((r) => r.type === 'group') >= edges.length, 'edges come before groups');
  const kinds = new Map(edges.map((e) => [[e.from, e.to].sort().join(' '), e.kind]));
  assert.equal(kinds.get('flood-rewrite flood-wire'), 'rewrite');
  assert.equal(kinds.get('flood-translated flood-wire'), 'translation');
  for (const e of edges) assert.ok(!['flood-independent', 'other-topic'].includes(e.from as string) && !['flood-independent', 'other-topic'].includes(e.to as string));
  assert.deepEqual(groups, [
    { group: 'flood-independent', members: ['flood-independent'] },
    { group: 'flood-rewrite', members: ['flood-rewrite', 'flood-translated', 'flood-wire'] },
    { group: 'other-topic', members: ['other-topic'] },
  ]);
});

test('relate --format json prints { edges, groups }', async () => {
  const { out } = await relateCli(['test/fixtures/relate', '--format', 'json']);
  const parsed = JSON.parse(out) as { edges: unknown[]; groups: unknown[] };
  assert.ok(parsed.edges.length >= 2);
  assert.equal(parsed.groups.length, 3);
});

test('relate reports unusable inputs and exits 1 when nothing is usable', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relate-'));
  try {
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const { out, err, code } = await relateCli([path.join(dir, 'empty.txt'), path.join(dir, 'missing.txt')]);
    assert.equal(code, 1);
    assert.equal(out, '');
    assert.ok(err.includes('missing.txt'), err);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

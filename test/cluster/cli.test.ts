import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { newsfuse } from '../cli/run.js';

const SAME_KIND = 'test/fixtures/cluster/same-kind.jsonl';

function rows(stdout: string): { id: string; story: string }[] {
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; story: string });
}

test('cluster writes one {"id","story"} row per usable input row, in input order', () => {
  const r = newsfuse(['cluster', '--in', SAME_KIND]);
  assert.equal(r.code, 0, r.stderr);
  const ids = readFileSync(SAME_KIND, 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { id: string }).id);
  const out = rows(r.stdout);
  assert.deepEqual(
    out.map((o) => o.id),
    ids,
  );
  for (const o of out) assert.deepEqual(Object.keys(o), ['id', 'story']);
  assert.equal(new Set(out.map((o) => o.story)).size, 2, 'two earthquakes, two stories');
});

test('bad rows get a one-line error naming their line, and the rest go on', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-cluster-'));
  const file = path.join(dir, 'input.jsonl');
  const good = readFileSync(SAME_KIND, 'utf8').trim().split('\n');
  writeFileSync(file, [good[0], '{not json', JSON.stringify({ id: 'no-body', title: 'x' }), '', good[1]].join('\n'));
  const r = newsfuse(['cluster', '--in', file]);
  assert.equal(r.code, 0, r.stderr);
  const errors = r.stderr.trim().split('\n');
  assert.equal(errors.length, 2, r.stderr);
  assert.match(errors[0]!, /input\.jsonl:2: not valid JSON/);
  assert.match(errors[1]!, /input\.jsonl:3: .*"text" or "html"/);
  assert.deepEqual(
    rows(r.stdout).map((o) => o.id),
    ['quake-aldera-1', 'quake-corvena-1'],
  );
});

test('cluster reads stdin with --in - (the default) and exits 1 when no row is usable', () => {
  const input = readFileSync(SAME_KIND, 'utf8');
  const ok = spawnSync(process.execPath, ['bin/newsfuse', 'cluster'], { input, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(rows(ok.stdout).length, 6);
  const bad = spawnSync(process.execPath, ['bin/newsfuse', 'cluster', '--in', '-'], { input: 'nope\n', encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /stdin:1: not valid JSON/);
  assert.equal(bad.stdout, '');
});

test('cluster rejects an unknown --format with the usage exit code', () => {
  const r = newsfuse(['cluster', '--in', SAME_KIND, '--format', 'xml']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--format/);
});

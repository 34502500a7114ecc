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

test('every input row gets one output row, in order: a bad row an error row and a stderr line naming its line', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-cluster-'));
  const file = path.join(dir, 'input.jsonl');
  const good = readFileSync(SAME_KIND, 'utf8').trim().split('\n');
  const headline = JSON.stringify({ id: 'headline-only', title: 'Earthquake strikes Aldera' });
  writeFileSync(file, [good[0], '{not json', JSON.stringify({ id: 'no-body', url: 'x' }), '', headline, good[0], good[1]].join('\n'));
  const r = newsfuse(['cluster', file]);
  assert.equal(r.code, 0, r.stderr);
  const errors = r.stderr.trim().split('\n');
  assert.equal(errors.length, 3, r.stderr);
  assert.match(errors[0]!, /input\.jsonl:2: not valid JSON/);
  assert.match(errors[1]!, /input\.jsonl:3: .*"text", "html" or "title"/);
  assert.match(errors[2]!, /input\.jsonl:6: duplicate id "quake-aldera-1"/);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; story?: string; error?: string });
  assert.deepEqual(out.map((o) => o.id), ['quake-aldera-1', null, 'no-body', 'headline-only', 'quake-aldera-1', 'quake-corvena-1']);
  assert.deepEqual(out.map((o) => (o.error === undefined ? 'story' : 'error')), ['story', 'error', 'error', 'story', 'error', 'story']);
  assert.match(out[3]!.story ?? '', /^s-/, 'a headline alone is clustered like any article');
});

test('cluster reads FILE, --in FILE, - and stdin by default, and exits 1 when no row is usable', () => {
  const input = readFileSync(SAME_KIND, 'utf8');
  for (const args of [[], ['-'], ['--in', '-']]) {
    const ok = spawnSync(process.execPath, ['bin/newsfuse', 'cluster', ...args], { input, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(rows(ok.stdout).length, 6);
  }
  assert.deepEqual(rows(newsfuse(['cluster', SAME_KIND]).stdout), rows(newsfuse(['cluster', '--in', SAME_KIND]).stdout));
  const bad = spawnSync(process.execPath, ['bin/newsfuse', 'cluster', '-'], { input: 'nope\n', encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /stdin:1: not valid JSON/);
  assert.deepEqual(JSON.parse(bad.stdout), { id: null, error: 'not valid JSON', input: 'stdin:1' });
  const missing = newsfuse(['cluster', 'no/such.jsonl']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no\/such\.jsonl: no such file/);
  const zero = newsfuse(['cluster', '--in', '/dev/zero']);
  assert.equal(zero.code, 1);
  assert.match(zero.stderr, /\/dev\/zero: binary data/);
  assert.doesNotMatch(zero.stderr, /at .*\.js:\d+/, 'no stack trace');
});

test('cluster rejects an unknown --format with the usage exit code', () => {
  const r = newsfuse(['cluster', '--in', SAME_KIND, '--format', 'xml']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--format/);
});

test('a row over the 16 MiB cap on standard input is refused by its size (its bytes are never held), the rows around it clustered', () => {
  const good = readFileSync(SAME_KIND, 'utf8').trim().split('\n');
  const huge = JSON.stringify({ id: 'huge', text: 'word '.repeat(4 * 2 ** 20) });
  const r = spawnSync(process.execPath, ['bin/newsfuse', 'cluster', '-'], { input: [good[0], huge, good[1]].join('\n'), encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; story?: string; error?: string });
  assert.equal(out.length, 3);
  assert.match(out[1]!.error ?? '', /document too large \(\d+ bytes; the limit is 16777216\)/);
  assert.ok(out[0]!.story && out[2]!.story);
  assert.match(r.stderr, /stdin:2: document too large/);
});

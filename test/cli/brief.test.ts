import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Brief } from '../../src/types.js';
import { newsfuse } from './run.js';

const SEEDS = 'examples/vostochny';
const FURNITURE = ['Recent Posts', 'Please enter your comment', 'Also read', 'Share post', 'Leave a Reply', 'Stay Connected', 'Latest posts', 'More like this', 'Related articles', 'hours ago'];

test('brief of the seeds in Markdown names the story, its sources and no page furniture', () => {
  const r = newsfuse(['brief', SEEDS]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^# \S/m);
  assert.match(r.stdout, /Krone/);
  for (const junk of FURNITURE) assert.ok(!r.stdout.includes(junk), `furniture "${junk}" in the brief`);
});

test('brief --format json is a Brief of the five seeds, Krone attributed, 000 and 002 in one group', () => {
  const r = newsfuse(['brief', SEEDS, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const brief = JSON.parse(r.stdout) as Brief;
  assert.equal(brief.schemaVersion, 1);
  assert.deepEqual(brief.sources.map((s) => s.id).sort(), [
    '000_059370087117cff7',
    '001_9dc5474aecdbbcd6',
    '002_3e06153a3273df8a',
    '003_a26a1da6f88ac7de',
    '004_2b244e8b02335e84',
  ]);
  const byId = new Map(brief.sources.map((s) => [s.id.slice(0, 3), s]));
  assert.equal(byId.get('004')?.attribution, 'Krone');
  assert.equal(byId.get('000')?.group, byId.get('002')?.group);
  assert.notEqual(byId.get('004')?.group, byId.get('000')?.group);
});

test('the handshake of about 40 seconds is carried by 000, 002 and 004: three outlets, two independent groups', () => {
  const r = newsfuse(['brief', SEEDS, '--format', 'json']);
  const brief = JSON.parse(r.stdout) as Brief;
  const handshake = brief.claims.find((c) => /40 seconds/.test(c.text) && /hand/i.test(c.text));
  assert.ok(handshake, 'a claim about the 40-second handshake');
  const carriers = [...new Set(handshake.sources.map((s) => s.source.slice(0, 3)))].sort();
  assert.deepEqual(carriers, ['000', '002', '004']);
  assert.equal(handshake.support, 3);
  assert.equal(handshake.independentSupport, 2);
  assert.equal(handshake.status, 'corroborated');
});

test('brief --out infers the format from the extension and writes the file', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-cli-'));
  const out = path.join(dir, 'brief.html');
  const r = newsfuse(['brief', SEEDS, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  const html = readFileSync(out, 'utf8');
  assert.match(html, /^<!doctype html>/i);
  assert.ok(!/<script/i.test(html));
});

test('a missing path is reported on one line and the other inputs still make a brief', () => {
  const r = newsfuse(['brief', 'no/such/dir', `${SEEDS}/004_2b244e8b02335e84.txt`, '--format', 'json']);
  assert.equal(r.code, 0);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1);
  assert.match(lines[0] ?? '', /^newsfuse: no\/such\/dir: no such file or directory$/);
  const brief = JSON.parse(r.stdout) as Brief;
  assert.equal(brief.sources.length, 1);
});

test('empty, binary and article-less inputs are each named with their reason; nothing usable exits 1', () => {
  const r = newsfuse(['brief', 'test/fixtures/cli/empty.txt', 'test/fixtures/cli/binary.txt', 'test/fixtures/cli/no-articles']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /empty\.txt: empty file/);
  assert.match(r.stderr, /binary\.txt: binary data/);
  assert.match(r.stderr, /no-articles: no article files/);
});

test('usage errors exit 2: no inputs, an unknown format, an unknown option', () => {
  assert.equal(newsfuse(['brief']).code, 2);
  const badFormat = newsfuse(['brief', SEEDS, '--format', 'pdf']);
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /--format must be one of md, json, html/);
  assert.equal(newsfuse(['brief', SEEDS, '--no-such-option']).code, 2);
  assert.equal(newsfuse(['no-such-command']).code, 2);
});

test('--help lists the commands and --version prints the package version', () => {
  const help = newsfuse(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /brief/);
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const version = newsfuse(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), pkg.version);
});

test('--out with an unknown extension is a usage error listing the known ones; --format overrides it', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-out-'));
  const r = newsfuse(['brief', SEEDS, '--out', path.join(dir, 'b.jsonld')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown extension "\.jsonld".*\.md.*\.json.*\.html/);
  const ok = newsfuse(['brief', SEEDS, '--out', path.join(dir, 'b.jsonld'), '--format', 'json']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal((JSON.parse(readFileSync(path.join(dir, 'b.jsonld'), 'utf8')) as Brief).schemaVersion, 1);
});

test('a one-line headline and a headline-only Document are sources of the brief like any other', () => {
  const rows = ['{"id":"h1","title":"Putin and Kim meet at Vostochny cosmodrome"}', '{"id":"h2","text":"Kim Jong Un arrives at the Vostochny cosmodrome"}'].join('\n');
  const r = spawnSync(process.execPath, ['bin/newsfuse', 'brief', SEEDS, '-', '--format', 'json'], { input: rows, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const ids = (JSON.parse(r.stdout) as Brief).sources.map((s) => s.id);
  assert.ok(ids.includes('h1') && ids.includes('h2'), ids.join(' '));
  assert.equal(ids.length, 7);
});

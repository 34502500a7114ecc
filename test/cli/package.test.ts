import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  overrides?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
  repository?: unknown;
  homepage?: string;
  bugs?: unknown;
  exports: Record<string, unknown>;
};

test('the package ships the library, the web client, the schema and the docs, and no tests or benches', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  assert.ok(files.includes('dist/src/index.js') && files.includes('bin/newsfuse') && files.includes('schema/brief.schema.json') && files.includes('LICENSE'));
  assert.ok(files.some((f) => f.startsWith('dist/web/')), 'the web client');
  assert.ok(files.some((f) => f.startsWith('docs/')));
  for (const f of files) assert.ok(!/^dist\/(test|bench)\//.test(f), `ships ${f}`);
});

test('install hygiene: engines, overrides for Node 20, allowed install scripts, metadata, subpath exports', () => {
  assert.match(pkg.engines.node, /^>=20/);
  assert.equal(pkg.overrides?.['light-my-request'], '6.6.0', 'cookie@2 (Node >= 22) kept out of the tree');
  assert.equal(pkg.allowScripts?.['better-sqlite3'], true);
  assert.ok(pkg.repository && pkg.homepage && pkg.bugs);
  assert.ok('./server' in pkg.exports && './store' in pkg.exports);
  for (const unused of ['preact', 'htm', 'tsx', 'pino', 'warcio']) assert.ok(!(unused in pkg.dependencies), `${unused} is not a runtime dependency`);
  for (const testOnly of ['domhandler', 'domutils', 'htmlparser2']) assert.ok(testOnly in pkg.devDependencies && !(testOnly in pkg.dependencies));
  // No package in the installed tree asks for a newer Node than the engines allow.
  const ls = spawnSync('npm', ['ls', 'cookie', '--json'], { encoding: 'utf8' });
  const cookie = JSON.stringify(JSON.parse(ls.stdout));
  assert.doesNotMatch(cookie, /"version":"2\./);
});

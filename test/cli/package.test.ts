import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
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

test('the build bundles the CLI (scripts/build-cli.mjs); bin/newsfuse runs the bundle, and what a command does not need stays unloaded', () => {
  const bundle = 'dist/src/cli/main.bundle.js';
  assert.ok(existsSync(bundle), 'npm run build writes the bundle');
  assert.ok(statSync(bundle).mtimeMs >= statSync('dist/src/cli/main.js').mtimeMs, 'and writes it after tsc, so bin/newsfuse takes it');
  // bin/newsfuse compares the bundle with one time, tsc's build info, written whenever tsc emits (a build, --watch).
  assert.ok(existsSync('dist/.tsbuildinfo'), 'tsc writes its build info into dist/');
  assert.ok(statSync(bundle).mtimeMs >= statSync('dist/.tsbuildinfo').mtimeMs, 'and the bundle is newer than it');
  // The version comes from package.json three folders up: found from the bundle too.
  const v = spawnSync(process.execPath, ['bin/newsfuse', '--version'], { encoding: 'utf8' });
  assert.equal(v.stdout.trim(), (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  // The modules the bundle loads before any command runs (its static imports, followed): no server, store or NLP package among them.
  const loaded = new Set<string>();
  const visit = (file: string): void => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/^import\s[^;]*?from\s*"([^"]+)";|^import\s*"([^"]+)";/gms)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('./')) visit(path.join(path.dirname(file), spec));
      else loaded.add(spec);
    }
  };
  visit(bundle);
  for (const heavy of ['fastify', 'better-sqlite3', 'pg', 'wink-nlp', 'undici', 'zod', 'iconv-lite', 'chardet']) assert.ok(!loaded.has(heavy), `${heavy} is loaded at start-up`);
  assert.ok(!loaded.has('commander'), 'commander is in the bundle');
  // extract's reading thread (cli/read-ahead.ts) is bundled too, and the bundle starts that bundle of it.
  assert.ok(existsSync('dist/src/cli/read-thread.bundle.js'), 'the reading thread has a bundle');
  const chunks = readdirSync('dist/src/cli').filter((f) => f.startsWith('main.bundle')).map((f) => readFileSync(path.join('dist/src/cli', f), 'utf8'));
  assert.ok(chunks.some((c) => c.includes('"./read-thread.bundle.js"')), 'the bundle names the bundled thread script');
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { helpWidth } from '../../src/cli/main.js';

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

test('`newsfuse --help` and `--version` print what commander prints, without loading the CLI', () => {
  assert.ok(existsSync('dist/src/cli/help.txt'), 'npm run build writes the help');
  const built = readFileSync('dist/src/cli/help.txt', 'utf8');
  // Commander itself, through the compiled modules' runAndEnd, its output a pipe as in the runs below.
  const commander = (flag: string): string =>
    spawnSync(process.execPath, ['--input-type=module', '-e', `const { runAndEnd } = await import('./dist/src/cli/main.js'); await runAndEnd(['node', 'newsfuse', '${flag}']);`], { encoding: 'utf8' }).stdout;
  const bin = (flag: string) => spawnSync(process.execPath, ['bin/newsfuse', flag], { encoding: 'utf8', env: { ...process.env, NEWSFUSE_NO_BUNDLE: '' } });
  for (const flag of ['--help', '-h']) {
    const quick = bin(flag);
    assert.equal(quick.status, 0);
    assert.equal(quick.stdout, built);
    assert.equal(commander(flag), built, 'the help the build wrote is what the CLI prints');
  }
  assert.match(built, /^Usage: newsfuse /);
  for (const command of ['brief', 'extract', 'relate', 'cluster', 'ingest', 'stories', 'worker', 'serve']) assert.match(built, new RegExp(`^  ${command} `, 'm'));
  for (const flag of ['--version', '-V']) {
    assert.equal(bin(flag).status, 0);
    assert.equal(bin(flag).stdout, commander(flag));
  }
  assert.match(commander('-V'), /^\d+\.\d+\.\d+/);
});

test('help wraps at 80 columns at most: a pipe and any terminal at least that wide get the text the build wrote, a narrower terminal its own width', () => {
  assert.equal(helpWidth({ isTTY: false, columns: 200 }), 80);
  assert.equal(helpWidth({ isTTY: true, columns: 200 }), 80);
  assert.equal(helpWidth({ isTTY: true, columns: 60 }), 60);
  assert.equal(helpWidth({ isTTY: true, columns: 0 }), 80);
});

test('bin/newsfuse prints the built help only while it is no older than a fresh bundle; anything else runs the CLI', () => {
  // A made-up install: bin/newsfuse beside a dist/ whose CLI and bundle say which of them ran.
  const root = mkdtempSync(path.join(os.tmpdir(), 'newsfuse-bin-'));
  try {
    mkdirSync(path.join(root, 'bin'));
    mkdirSync(path.join(root, 'dist', 'src', 'cli'), { recursive: true });
    copyFileSync('bin/newsfuse', path.join(root, 'bin', 'newsfuse'));
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ type: 'module', version: '9.8.7' }));
    const cli = (name: string): string => `export async function runAndEnd(argv) { process.stdout.write('${name} ' + argv.slice(2).join(' ')); }\n`;
    const file = (f: string): string => path.join(root, 'dist', ...f.split('/'));
    writeFileSync(file('src/cli/main.js'), cli('modules'));
    writeFileSync(file('src/cli/main.bundle.js'), cli('bundle'));
    writeFileSync(file('src/cli/help.txt'), 'the built help\n');
    writeFileSync(file('.tsbuildinfo'), '{}');
    const at = (f: string, seconds: number): void => utimesSync(file(f), 1_700_000_000 + seconds, 1_700_000_000 + seconds);
    const run = (...args: string[]): string => spawnSync(process.execPath, [path.join(root, 'bin', 'newsfuse'), ...args], { encoding: 'utf8', env: { ...process.env, NEWSFUSE_NO_BUNDLE: '' } }).stdout;
    // Compiled, then bundled, then the help written: the help is printed.
    at('.tsbuildinfo', 0);
    at('src/cli/main.bundle.js', 10);
    at('src/cli/help.txt', 20);
    assert.equal(run('--help'), 'the built help\n');
    assert.equal(run('-h'), 'the built help\n');
    assert.equal(run('--version'), '9.8.7\n');
    assert.equal(run('--help', 'brief'), 'bundle --help brief', 'help of a command: the CLI');
    assert.equal(run('brief', '--help'), 'bundle brief --help');
    // A help older than the bundle (a build that stopped before writing it): the CLI prints its own.
    at('src/cli/help.txt', 5);
    assert.equal(run('--help'), 'bundle --help');
    // Compiled again after the bundle (tsc --watch): the modules, not the bundle nor its help.
    at('src/cli/help.txt', 20);
    at('.tsbuildinfo', 30);
    assert.equal(run('--help'), 'modules --help');
    // No help file at all.
    at('.tsbuildinfo', 0);
    rmSync(file('src/cli/help.txt'));
    assert.equal(run('--help'), 'bundle --help');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

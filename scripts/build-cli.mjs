#!/usr/bin/env node
// Bundles the CLI (dist/src/cli/main.js, as tsc compiled it) into one file,
// dist/src/cli/main.bundle.js, which bin/newsfuse loads when it is there and
// not older than main.js. One file instead of some sixty modules (and
// commander's and entities' own) is less for Node's ES module
// loader to resolve, read and link before the first page is read: a
// `newsfuse extract` starts ~30 ms sooner. Commands load the rest of their
// code the first time they run, as they did: dynamic imports stay lazy
// (esbuild keeps them as functions of the bundle), and the larger or native
// dependencies (fastify, better-sqlite3, pg, wink-nlp…) stay packages
// required at run time. Run by `npm run build`, after tsc.
//
// The bundle lives beside main.js so that paths relative to import.meta.url
// (package.json three folders up, the thread scripts under dist/src/) point
// where they do from the modules it was made of.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** Small, pure-JS packages on the start-up path of every command: bundled. */
const BUNDLED = new Set(['commander', 'entities']);
const outdir = process.argv[2] ?? join(root, 'dist', 'src', 'cli');
/** `newsfuse --help` as commander prints it, which bin/newsfuse prints without loading the CLI (written last, below). */
const HELP_FILE = 'help.txt';

/**
 * commander requires node:child_process at its top, for executable subcommands (`git-foo` style), which newsfuse
 * does not use. Loading it costs every command some 5 ms (with node:net); behind a getter it loads only if a
 * subcommand ever were spawned.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-node' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-node' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

// The chunks of an earlier build (their names carry a hash) go first, and the help written with them.
for (const f of readdirSync(outdir)) if (/^(?:main|read-thread)\.bundle[.-]/.test(f) || f === HELP_FILE) rmSync(join(outdir, f));
const result = await build({
  metafile: true,
  absWorkingDir: root,
  // The reading thread of `newsfuse extract` (read-ahead.ts) is bundled too, sharing chunks with the CLI: a thread
  // that loads one file starts reading sooner. read-ahead.ts starts this bundle of it when it runs from the bundle.
  entryPoints: [join(outdir, 'main.js'), join(outdir, 'read-thread.js')],
  define: { NEWSFUSE_READ_THREAD: JSON.stringify('./read-thread.bundle.js') },
  outdir,
  entryNames: '[name].bundle',
  // Code a command imports when it runs stays in chunks of its own (an external package it imports stays unloaded until then).
  splitting: true,
  chunkNames: 'main.bundle-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name)),
  // commander is CommonJS: its require() of Node's modules needs a real require.
  banner: { js: "import { createRequire as __newsfuseRequire } from 'node:module';\nconst require = __newsfuseRequire(import.meta.url);" },
  legalComments: 'none',
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});

// The compiled modules the bundle was made of (paths from the project root): bin/newsfuse runs the modules instead
// when any of them is newer than the bundle (an incremental `tsc --watch` rewrites only what changed).
const inputs = Object.keys(result.metafile.inputs).filter((f) => f.startsWith('dist/'));
writeFileSync(join(outdir, 'main.bundle.inputs.json'), `${JSON.stringify(inputs)}\n`);

// `newsfuse --help`, as the compiled modules the bundle was just made of print it to a pipe (HELP_WIDTH columns, no
// colours): bin/newsfuse prints this file instead of loading the CLI, when it is no older than the bundle. It is
// written after the bundle, and a failed build has removed it above.
const { buildProgram, HELP_WIDTH } = await import(pathToFileURL(join(outdir, 'main.js')).href);
let help = '';
const program = buildProgram().configureOutput({ writeOut: (text) => (help += text), getOutHelpWidth: () => HELP_WIDTH, getOutHasColors: () => false });
try {
  program.parse(['--help'], { from: 'user' });
} catch (err) {
  if (err?.code !== 'commander.helpDisplayed') throw err;
}
if (!help.startsWith('Usage: newsfuse')) throw new Error(`build-cli: unexpected help text: ${help.slice(0, 80)}`);
writeFileSync(join(outdir, HELP_FILE), help);

#!/usr/bin/env node
// Bundles the browser client (web/) into dist/web/ with esbuild: one script
// (app.js) and one stylesheet (app.css), no CDN, so the page works offline and
// the server can forbid inline scripts with its Content-Security-Policy.
// Run by `npm run build`; the server also runs it when dist/web is missing or
// older than web/ (a checkout without a build).
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'web');
mkdirSync(outdir, { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'web/main.ts', out: 'app' },
    { in: 'web/style.css', out: 'app' },
  ],
  outdir,
  bundle: true,
  format: 'esm',
  // Chromium, Firefox and Safari of the last few years; no transpiling of modern syntax needed beyond this.
  target: ['es2020'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
});
// Write then rename: test processes running in parallel may build and read at
// the same moment, and a reader must never see a half-written file.
for (const file of result.outputFiles) {
  const tmp = `${file.path}.tmp-${process.pid}`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, file.path);
}

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

/** The packages a script loads, by name, from a module-resolution hook in a fresh process. */
function packagesLoaded(script: string): Set<string> {
  const hook = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent('export async function resolve(s, c, next) { const r = await next(s, c); const m = /node_modules\\\\/((?:@[^/]+\\\\/)?[^/]+)/.exec(r.url); if (m) process.stderr.write("PKG " + m[1] + "\\\\n"); return r; }'));`;
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return new Set([...r.stderr.matchAll(/^PKG (.+)$/gm)].map((m) => m[1]!));
}

test("import 'newsfuse' loads no server, database or HTTP-client code until used", () => {
  const loaded = packagesLoaded("const n = await import('newsfuse'); if (typeof n.openCatalog !== 'function' || typeof n.extractHtml !== 'function') process.exit(3);");
  for (const heavy of ['fastify', 'pg', 'better-sqlite3', 'undici', 'zod', '@fastify/compress']) assert.ok(!loaded.has(heavy), `${heavy} loaded: ${[...loaded].join(', ')}`);
  assert.ok(loaded.has('entities'), 'the stages are loaded');
});

test("the store and the server are subpath exports: 'newsfuse/store', 'newsfuse/server'", () => {
  const loaded = packagesLoaded("const s = await import('newsfuse/store'); const v = await import('newsfuse/server'); if (typeof s.SqlCatalog !== 'function' || typeof v.buildApp !== 'function') process.exit(3); const c = await s.openCatalog(':memory:', { threads: 0 }); await c.close();");
  assert.ok(loaded.has('fastify'));
});

test('newsfuse --help and --version load no command', () => {
  for (const flag of ['--help', '--version']) {
    const loaded = packagesLoaded(`process.argv = [process.argv[0], 'bin/newsfuse', '${flag}']; await import('./bin/newsfuse');`);
    // commander only (bundled into the CLI by scripts/build-cli.mjs, it is no package loaded at all).
    assert.deepEqual([...loaded].filter((p) => p !== 'commander'), [], flag);
  }
});

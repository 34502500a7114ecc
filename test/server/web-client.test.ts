import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/** The browser client lives outside the project's tsconfig (it needs DOM types); these checks keep it honest. */
const WEB = 'web';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('web client source', () => {
  it('type-checks with DOM types (strict)', () => {
    const tsc = join('node_modules', 'typescript', 'bin', 'tsc');
    // Throws with tsc's diagnostics on any type error.
    execFileSync(process.execPath, [tsc, '-p', join(WEB, 'tsconfig.json')], { stdio: 'pipe' });
  });

  it('never parses strings as HTML', () => {
    const files = sources(WEB);
    assert.ok(files.length >= 5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|new Function|\beval\(/, file);
    }
  });
});

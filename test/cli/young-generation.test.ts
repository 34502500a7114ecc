import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { holdYoungGeneration } from '../../src/cli/young-generation.js';

test('the young generation is held at once, and let grow again after the documents given', () => {
  const flags: string[] = [];
  const afterDocument = holdYoungGeneration({ setFlagsFromString: (f) => void flags.push(f) }, 3);
  assert.deepEqual(flags, ['--semi-space-growth-factor=1']);
  afterDocument();
  afterDocument();
  assert.deepEqual(flags, ['--semi-space-growth-factor=1']);
  afterDocument();
  assert.deepEqual(flags, ['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']);
  afterDocument();
  afterDocument();
  assert.equal(flags.length, 2);
  const none: string[] = [];
  holdYoungGeneration({ setFlagsFromString: (f) => void none.push(f) }, 0)();
  assert.deepEqual(none, []);
});

test("V8 keeps the young generation's size under the growth factor set at run time, and grows it again after", () => {
  // In a process of its own: the flags are V8's, for the whole process.
  const module = fileURLToPath(new URL('../../src/cli/young-generation.js', import.meta.url));
  const script = `
    const v8 = await import('node:v8');
    const { holdYoungGeneration } = await import(${JSON.stringify(module)});
    // new_space's committed bytes: both semi-spaces, once the first scavenge has used the second.
    const size = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    // Objects that survive scavenges make V8 grow the young generation (in a process left alone, to 16 MiB at once).
    const churn = () => { let keep = []; for (let i = 0; i < 400_000; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 5_000) keep = []; } };
    const start = size();
    const afterDocument = holdYoungGeneration(v8, 2);
    for (let k = 0; k < 5; k++) churn();
    const held = size();
    afterDocument();
    afterDocument();
    for (let k = 0; k < 5; k++) churn();
    console.log(JSON.stringify({ start, held, after: size() }));
  `;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { start: number; held: number; after: number };
  assert.ok(out.held <= 2 * out.start, `held: ${JSON.stringify(out)}`);
  assert.ok(out.after > 4 * out.start, `grew again: ${JSON.stringify(out)}`);
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { holdYoungGeneration, type HeapControl } from '../../src/cli/young-generation.js';

const MIB = 2 ** 20;

/** A heap whose young generation (both semi-spaces) has the sizes given in turn, one per look, recording the flags set. */
function fakeHeap(sizes: number[]): HeapControl & { flags: string[]; looks: number } {
  const heap = {
    flags: [] as string[],
    looks: 0,
    getHeapSpaceStatistics: () => [
      { space_name: 'old_space', space_size: 64 * MIB },
      { space_name: 'new_space', space_size: sizes[Math.min(heap.looks++, sizes.length - 1)]! },
    ],
    setFlagsFromString: (f: string) => void heap.flags.push(f),
  };
  return heap;
}

test('a young generation grown to the size is held at once, and let grow again after the documents given', () => {
  const heap = fakeHeap([4 * MIB]);
  const afterDocument = holdYoungGeneration(heap, 2 * MIB, 3);
  assert.deepEqual(heap.flags, ['--semi-space-growth-factor=1']);
  afterDocument();
  afterDocument();
  assert.deepEqual(heap.flags, ['--semi-space-growth-factor=1']);
  afterDocument();
  assert.deepEqual(heap.flags, ['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']);
  afterDocument();
  afterDocument();
  assert.equal(heap.flags.length, 2);
  assert.equal(heap.looks, 1);
});

test('a smaller young generation is held once a document has grown it to the size', () => {
  const heap = fakeHeap([2 * MIB, 2 * MIB, 4 * MIB]);
  const afterDocument = holdYoungGeneration(heap, 2 * MIB, 10);
  afterDocument();
  assert.deepEqual(heap.flags, []);
  afterDocument();
  assert.deepEqual(heap.flags, ['--semi-space-growth-factor=1']);
  // Held: no more looks, nothing more set until the documents are done.
  for (let i = 0; i < 7; i++) afterDocument();
  assert.equal(heap.looks, 3);
  assert.deepEqual(heap.flags, ['--semi-space-growth-factor=1']);
  afterDocument();
  assert.deepEqual(heap.flags, ['--semi-space-growth-factor=1', '--semi-space-growth-factor=2']);
});

test('never held, the growth factor is left alone', () => {
  const heap = fakeHeap([1 * MIB]);
  const afterDocument = holdYoungGeneration(heap, 2 * MIB, 2);
  afterDocument();
  afterDocument();
  afterDocument();
  assert.deepEqual(heap.flags, []);
  const none = fakeHeap([8 * MIB]);
  holdYoungGeneration(none, 2 * MIB, 0)();
  assert.deepEqual(none.flags, []);
});

test("V8 keeps the young generation's size under the growth factor set at run time, and grows it again after", () => {
  // In a process of its own: the flags are V8's, for the whole process.
  const module = fileURLToPath(new URL('../../src/cli/young-generation.js', import.meta.url));
  const script = `
    const v8 = await import('node:v8');
    const { holdYoungGeneration } = await import(${JSON.stringify(module)});
    const size = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    // Objects that survive scavenges make V8 grow the young generation (in a process left alone, to 16 MiB at once).
    const churn = () => { let keep = []; for (let i = 0; i < 400_000; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 5_000) keep = []; } };
    const start = size();
    const afterDocument = holdYoungGeneration(v8, start / 2, 2);
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

/**
 * The young generation of V8's heap (where new objects go) kept small while
 * a command's run is short. V8 grows its two semi-spaces from 1 MiB up to
 * 16 MiB each as objects survive, and every page of them is memory fresh
 * from the system the first time it is used: a page fault per 4 KiB, 12-16 µs
 * each on the machines this runs on. Over the 102 dev pages `newsfuse
 * extract` grew them to the full 16 MiB: ~3 500 of its 15 000 page faults,
 * for scavenges a process this short hardly needs to save (22 at 16 MiB, 43
 * at 2 MiB, ~90 at 1 MiB). The size is V8's to set at start-up
 * (--max-semi-space-size, which a CLI started as `newsfuse …` cannot pass),
 * but V8 reads its growth factor each time it would grow the space: a factor
 * of 1 keeps the size it has. Once a long run has paid for its start the
 * young generation may grow again, as larger batches want (1 020 pages held
 * at 1 MiB all along took 774 scavenges, 0.45 s, against 62, 0.09 s).
 */

/** What is used of node:v8 (a fake in tests). */
export interface HeapControl {
  getHeapSpaceStatistics(): { space_name: string; space_size: number }[];
  setFlagsFromString(flags: string): void;
}

/** The semi-space size held: reached at start-up or within the first documents. */
export const HELD_SEMI_SPACE_BYTES = 2 * 2 ** 20;
/** Documents after which the young generation grows as V8 sees fit. */
export const HELD_FOR_DOCUMENTS = 200;
/** V8's own growth factor (its default), restored after. */
const V8_GROWTH_FACTOR = 2;

/**
 * Holds the young generation at `semiSpaceBytes` per semi-space, from when
 * it has grown to that size (now, or after a document), until `documents`
 * documents are done: call the function returned after each one.
 */
export function holdYoungGeneration(v8: HeapControl, semiSpaceBytes = HELD_SEMI_SPACE_BYTES, documents = HELD_FOR_DOCUMENTS): () => void {
  let held = false;
  const holdOnceGrown = (): void => {
    // new_space's size is both semi-spaces' (the second one is in use after the first scavenge).
    const size = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
    if (size < 2 * semiSpaceBytes) return;
    v8.setFlagsFromString('--semi-space-growth-factor=1');
    held = true;
  };
  if (documents < 1) return () => undefined;
  holdOnceGrown();
  let left = documents;
  return () => {
    if (left === 0) return;
    left--;
    if (left === 0) {
      if (held) v8.setFlagsFromString(`--semi-space-growth-factor=${V8_GROWTH_FACTOR}`);
    } else if (!held) holdOnceGrown();
  };
}

/**
 * The young generation of V8's heap (where new objects go) kept at the size
 * it starts with while a command's run is short. V8 grows its two
 * semi-spaces from 1 MiB up to 16 MiB each as objects survive, and every page
 * of them is memory fresh from the system the first time it is used: a page
 * fault per 4 KiB, 12-16 µs each on the machines this runs on. Over the 102
 * dev pages `newsfuse extract` grew them to the full 16 MiB: 4 100 of its
 * 15 500 page faults, for scavenges a process this short hardly needs to
 * save. The size is V8's to set at start-up (--max-semi-space-size, which a
 * CLI started as `newsfuse …` cannot pass), but V8 reads its growth factor
 * each time it would grow the space: a factor of 1 keeps the size it has.
 * Once a long run has paid for its start the young generation may grow, as
 * larger batches want (1 020 pages held at 1 MiB all along took 774
 * scavenges, 0.45 s, against 62, 0.09 s).
 */

/** What is used of node:v8 (a fake in tests). */
export interface FlagSetter {
  setFlagsFromString(flags: string): void;
}

/** Documents after which the young generation grows as V8 sees fit. */
export const HELD_FOR_DOCUMENTS = 200;
/** V8's own growth factor (its default), restored after. */
const V8_GROWTH_FACTOR = 2;

/**
 * Holds the young generation at its present size for the next `documents`
 * documents: call the function returned after each one.
 */
export function holdYoungGeneration(v8: FlagSetter, documents = HELD_FOR_DOCUMENTS): () => void {
  if (documents < 1) return () => undefined;
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  let left = documents;
  return () => {
    if (left > 0 && --left === 0) v8.setFlagsFromString(`--semi-space-growth-factor=${V8_GROWTH_FACTOR}`);
  };
}

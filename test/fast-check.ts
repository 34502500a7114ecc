import fc from 'fast-check';

/**
 * fast-check with one seed for every property test, so that a run is the
 * same run wherever it happens (CI included): a failure is reproduced by
 * running the tests again. `NEWSFUSE_FUZZ_SEED=<n>` explores other inputs;
 * a failing run prints its seed.
 */
const DEFAULT_SEED = 20261206;
const seed = Number(process.env.NEWSFUSE_FUZZ_SEED ?? DEFAULT_SEED);
fc.configureGlobal({ seed: Number.isInteger(seed) ? seed : DEFAULT_SEED });

export default fc;

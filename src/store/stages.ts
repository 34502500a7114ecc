import { OnlineClusterer } from '../cluster/index.js';
import { DerivationIndex } from '../relate/index.js';

/**
 * The two stateful stages the store drives in sequence order: the online
 * clusterer (story ids) and relate's derivation index (edges between stored
 * articles). Both use their default settings, so that every process of one
 * store builds the same stories from the same sequence.
 */
export type StreamClusterer = OnlineClusterer;
export type StreamDerivations = DerivationIndex;

/**
 * Relate profiles each process keeps (~12 kB each for a web article, so
 * ~1.2 GB at most): a store of millions of articles must not hold them all.
 * An article is related to the articles stored before it within this many;
 * copies and rewrites follow their source by hours or days, far fewer.
 */
export const STORED_PROFILES = 100_000;

/** The store keeps each article's story itself, and article ids are unique in it: the clusterer need not remember them. */
export function createClusterer(): StreamClusterer {
  return new OnlineClusterer(undefined, { rememberArticles: false });
}

export function createDerivations(): StreamDerivations {
  return new DerivationIndex(undefined, { maxArticles: STORED_PROFILES });
}

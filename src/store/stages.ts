import { OnlineClusterer, type ClustererStorage } from '../cluster/index.js';

/**
 * The online clusterer the store drives in sequence order, with its default
 * settings, so that every process of one store builds the same stories from
 * the same sequence. (Relate's incremental side over the store is
 * derivation-table.ts.)
 */
export type StreamClusterer = OnlineClusterer;

/**
 * The store keeps each article's story itself, and article ids are unique in it: the clusterer need
 * not remember them. With `storage`, what grows with the stream lives in the store's tables.
 */
export function createClusterer(storage?: ClustererStorage): StreamClusterer {
  return new OnlineClusterer(undefined, { rememberArticles: false, storage });
}

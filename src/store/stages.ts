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

export function createClusterer(): StreamClusterer {
  return new OnlineClusterer();
}

export function createDerivations(): StreamDerivations {
  return new DerivationIndex();
}

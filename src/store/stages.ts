import type { ArticleProfile } from '../relate/profile.js';
import type { AnalyzedArticle, DerivationEdge, StoryMerge } from '../types.js';

/** What the store needs from the online clusterer of src/cluster. */
export interface StreamClusterer {
  add(item: { id: string; title?: string; text: string; publishedAt?: string }): string;
  readonly merges: readonly StoryMerge[];
  resolve(storyId: string): string;
  /** Merges stories on the evidence gathered so far (end of a batch); deterministic like add. */
  settle?(): void;
}

/** What the store needs from the incremental derivation index of src/relate. */
export interface StreamDerivations {
  add(analyzed: AnalyzedArticle): DerivationEdge[];
  /** As add, with the profile built beforehand (on a worker thread). */
  addProfile(profile: ArticleProfile): DerivationEdge[];
}

/**
 * One story per article: the behaviour until src/cluster exports
 * OnlineClusterer. Deterministic, like the real one, in the order of add calls.
 */
class SingletonClusterer implements StreamClusterer {
  readonly merges: StoryMerge[] = [];
  add(item: { id: string }): string {
    return `s-${item.id}`;
  }
  resolve(storyId: string): string {
    return storyId;
  }
}

type Ctor<T> = new () => T;

/**
 * The stage modules are loaded by name at run time, so the store keeps
 * building while those classes are being written; a module without the export
 * falls back to the simple behaviour above (clustering) or to none (edges).
 */
async function loadExport<T>(specifier: string, name: string): Promise<Ctor<T> | undefined> {
  try {
    const mod = (await import(specifier)) as Record<string, unknown>;
    const ctor = mod[name];
    return typeof ctor === 'function' ? (ctor as Ctor<T>) : undefined;
  } catch {
    return undefined;
  }
}

const CLUSTER_MODULE = '../cluster/index.js';
const RELATE_MODULE = '../relate/index.js';

export async function createClusterer(): Promise<StreamClusterer> {
  const Online = await loadExport<StreamClusterer>(CLUSTER_MODULE, 'OnlineClusterer');
  return Online ? new Online() : new SingletonClusterer();
}

export async function createDerivations(): Promise<StreamDerivations | undefined> {
  const Index = await loadExport<StreamDerivations>(RELATE_MODULE, 'DerivationIndex');
  return Index ? new Index() : undefined;
}

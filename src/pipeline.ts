import { analyze } from './analyze/index.js';
import { consolidate } from './consolidate/index.js';
import { extract, ExtractError } from './extract/index.js';
import { relate } from './relate/index.js';
import { sha256Hex } from './ingest/document.js';
import type { AnalyzedArticle, Article, Brief, InputProblem, RawDocument, Relations } from './types.js';

/**
 * The whole path from raw documents to one story's brief, as pure functions:
 * the CLI, the store and the benches compose the same stages the same way.
 */

export interface Extracted {
  articles: Article[];
  problems: InputProblem[];
}

/** Extracts every document; one that yields no article becomes a problem, the rest go on. */
export function extractAll(raws: RawDocument[]): Extracted {
  const out: Extracted = { articles: [], problems: [] };
  for (const raw of raws) {
    try {
      out.articles.push(extract(raw));
    } catch (err) {
      if (!(err instanceof ExtractError) && !(err instanceof Error)) throw err;
      out.problems.push({ input: raw.origin, id: raw.id, reason: err instanceof ExtractError ? err.message : `extraction failed: ${err.message}` });
    }
  }
  return out;
}

export interface StoryAnalysis {
  brief: Brief;
  analyzed: AnalyzedArticle[];
  relations: Relations;
}

/** A story id for a set of articles given as one story: stable under input order. */
export function storyIdOf(articleIds: string[]): string {
  return `s_${sha256Hex([...articleIds].sort().join('\n')).slice(0, 12)}`;
}

export interface BriefOptions {
  storyId?: string;
  /** Called after each article is analysed: the slow, per-article part of a brief. */
  onAnalyzed?: (done: number, total: number) => void;
}

/** Analyses, relates and consolidates articles taken as one story. */
export function briefOf(articles: Article[], options: BriefOptions = {}): StoryAnalysis {
  const analyzed = articles.map((a, i) => {
    const result = analyze(a);
    options.onAnalyzed?.(i + 1, articles.length);
    return result;
  });
  const relations = relate(analyzed);
  const storyId = options.storyId ?? storyIdOf(articles.map((a) => a.id));
  return { brief: consolidate(analyzed, relations, { storyId }), analyzed, relations };
}

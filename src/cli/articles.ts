import { readInputs } from '../ingest/files.js';
import { extractAll } from '../pipeline.js';
import type { Article } from '../types.js';
import { EXIT_NOTHING_USABLE, reportProblem, reportWarnings } from './io.js';

/**
 * Reads and extracts the inputs of a command, reporting each bad one on its
 * own line. Returns null (and sets exit code 1) when no article came out.
 */
export async function readArticles(inputs: string[]): Promise<Article[] | null> {
  const { docs, problems } = await readInputs(inputs);
  problems.forEach(reportProblem);
  docs.forEach(reportWarnings);
  const extracted = extractAll(docs);
  extracted.problems.forEach(reportProblem);
  if (extracted.articles.length > 0) return extracted.articles;
  process.stderr.write('newsfuse: no usable article in the inputs\n');
  process.exitCode = EXIT_NOTHING_USABLE;
  return null;
}

import { bcubed } from '../src/cluster/index.js';
import { documentToRaw } from '../src/ingest/document.js';
import { openCatalog } from '../src/store/index.js';
import type { RawDocument } from '../src/types.js';
import { commonWords, planScaleStream, readDevRows, SCALE_STREAM, scaleItem, type ScalePlan } from './streams.js';

/**
 * One ingest of the scale bench, in a process of its own started cold:
 * `node dist/bench/scale-process.js <db> <articles> <planned>` ingests the
 * first <articles> of a synthetic stream planned for <planned> articles (the
 * rest are the "next articles" the bench sends later) into the SQLite file
 * <db>, as `newsfuse ingest` would (default threads, one import, settled at
 * its end). Prints one JSON line: seconds, CPU time of the whole process (all
 * threads) overall and over the last tenth of the stream, peak RSS, and B³
 * against the stream's event copies.
 */

/** Documents handed to the store at a time (as the CLI's reader does). */
const CHUNK = 64;
/** The end of the stream, over which the CPU per article "at the end" is measured. */
const LAST_SHARE = 0.1;

export interface ScaleIngest {
  articles: number;
  added: number;
  failed: number;
  seconds: number;
  cpuMsPerArticle: number;
  cpuMsPerArticleAtEnd: number;
  peakRssMiB: number;
  clusteringMsPerArticle: number;
  f1: number;
}

/**
 * The store refuses dates in the future (src/ingest/dates.ts), and a million articles at one event
 * every 8 hours span 76 years: the stream starts in 1900, so that every article keeps its date.
 */
const STORE_STREAM = { ...SCALE_STREAM, start: Date.UTC(1900, 0, 1) };

export function scalePlan(planned: number): { plan: ScalePlan; item: (i: number) => { id: string; text: string; publishedAt: string } } {
  const dev = readDevRows('ecbplus-dev-mixed.jsonl');
  const plan = planScaleStream(dev, planned, STORE_STREAM);
  const common = commonWords(dev);
  return { plan, item: (i) => scaleItem(dev, common, plan, i) };
}

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

async function main(): Promise<void> {
  const [db, articlesArg, plannedArg] = process.argv.slice(2);
  const articles = Number(articlesArg);
  const { plan, item } = scalePlan(Number(plannedArg));
  function* chunks(): Generator<RawDocument[]> {
    for (let i = 0; i < articles; i += CHUNK) {
      yield Array.from({ length: Math.min(CHUNK, articles - i) }, (_, k) => documentToRaw(item(i + k), `synthetic:${i + k}`));
    }
  }
  const start = performance.now();
  const catalog = await openCatalog(db!);
  const endFrom = Math.floor(articles * (1 - LAST_SHARE));
  let mark: { done: number; cpu: number } | undefined;
  let last = { done: 0, cpu: 0 };
  const report = await catalog.ingestStream(chunks(), {
    onProgress: ({ done }) => {
      if (mark === undefined && done >= endFrom) mark = { done, cpu: cpuMs() };
      last = { done, cpu: cpuMs() };
    },
  });
  const seconds = (performance.now() - start) / 1000;
  const members = await catalog.engine.all<{ article_id: string; story_id: string }>(`SELECT article_id, story_id FROM story_members`);
  const clusteringMs = catalog.clusteringMs;
  await catalog.close();
  const story = new Map(members.map((m) => [m.article_id, m.story_id]));
  const predicted = Array.from({ length: articles }, (_, i) => story.get(`a${i}`) ?? `unclustered:${i}`);
  const result: ScaleIngest = {
    articles,
    added: report.added.length,
    failed: report.failed.length,
    seconds,
    cpuMsPerArticle: cpuMs() / articles,
    cpuMsPerArticleAtEnd: mark && last.done > mark.done ? (last.cpu - mark.cpu) / (last.done - mark.done) : Number.NaN,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    clusteringMsPerArticle: clusteringMs / articles,
    f1: bcubed(predicted, Array.from(plan.copy.subarray(0, articles), String)).f1,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1]?.endsWith('scale-process.js')) await main();

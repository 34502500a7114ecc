import { readFileSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { analyze } from '../src/analyze/index.js';
import { consolidate } from '../src/consolidate/index.js';
import { relate } from '../src/relate/index.js';
import type { Article } from '../src/types.js';
import { SHARED_DATA, table, writeResult } from './lib.js';

/**
 * `npm run bench -- brief`: time to build the brief (analyze + relate +
 * consolidate, from extracted articles) of stories of 10, 50 and 200
 * articles drawn from ecbplus-dev events (events' articles mixed, repeated
 * under new ids when an event runs out). Target: < 2 s at 200 articles,
 * growth per doubling no worse than n log n.
 */

const SIZES = [10, 50, 200];
const RUNS = 3;

interface Row {
  id: string;
  event: string;
  text: string;
}

function storyOf(rows: Row[], n: number): Article[] {
  const byEvent = new Map<string, Row[]>();
  for (const r of rows) (byEvent.get(r.event) ?? byEvent.set(r.event, []).get(r.event) ?? []).push(r);
  const events = [...byEvent.values()];
  const out: Article[] = [];
  for (let round = 0; out.length < n; round++) {
    for (const ev of events) {
      for (const r of ev) {
        if (out.length >= n) break;
        const lines = r.text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
        const paragraphs = lines.slice(1);
        if (paragraphs.length === 0) continue;
        out.push({ id: `${r.id}~${round}`, title: lines[0] ?? '', language: 'en', text: paragraphs.join('\n\n'), paragraphs });
      }
      if (out.length >= n) break;
    }
  }
  return out;
}

interface Timing {
  ms: number;
  /** Process CPU time: less sensitive than wall time to other jobs on a shared machine. */
  cpuMs: number;
  analyzeMs: number;
  relateMs: number;
  consolidateMs: number;
  claims: number;
}

function timeBrief(articles: Article[]): Timing {
  const ms = (a: bigint, b: bigint): number => Number(b - a) / 1e6;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const analyzed = articles.map((a) => analyze(a));
  const t1 = process.hrtime.bigint();
  const relations = relate(analyzed);
  const t2 = process.hrtime.bigint();
  const brief = consolidate(analyzed, relations, { storyId: 'bench' });
  const t3 = process.hrtime.bigint();
  const cpu = process.cpuUsage(c0);
  return { ms: ms(t0, t3), cpuMs: (cpu.user + cpu.system) / 1000, analyzeMs: ms(t0, t1), relateMs: ms(t1, t2), consolidateMs: ms(t2, t3), claims: brief.claims.length };
}

export async function run(_flags: string[]): Promise<void> {
  const file = path.join(SHARED_DATA, 'ecbplus-dev.jsonl');
  if (!existsSync(file)) {
    process.stdout.write(`brief: ${file} not found, skipped\n`);
    return;
  }
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim().length > 0).map((l) => JSON.parse(l) as Row);
  // Warm-up: loads the NLP model and JIT-compiles outside the measurement.
  timeBrief(storyOf(rows, 10));
  const results: (Timing & { articles: number; msPerArticle: number; growthPerDoubling?: number; nlognPerDoubling?: number })[] = [];
  for (const n of SIZES) {
    const arts = storyOf(rows, n);
    const runs: Timing[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(timeBrief(arts));
    runs.sort((a, b) => a.ms - b.ms);
    const median = runs[Math.floor(RUNS / 2)] as Timing;
    results.push({ articles: n, ...median, msPerArticle: median.ms / n });
  }
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1];
    const b = results[i];
    if (a === undefined || b === undefined) continue;
    const doublings = Math.log2(b.articles / a.articles);
    b.growthPerDoubling = (b.ms / a.ms) ** (1 / doublings);
    const nlogn = (b.articles * Math.log2(b.articles)) / (a.articles * Math.log2(a.articles));
    b.nlognPerDoubling = nlogn ** (1 / doublings);
  }
  const last = results[results.length - 1];
  process.stdout.write(
    `load average at start: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs (figures scale with contention)\n\n${table(
      ['articles', 'ms (median of 3)', 'cpu ms', 'analyze ms', 'relate ms', 'consolidate ms', 'ms / article', 'claims', 'time ratio per doubling', 'n log n ratio per doubling'],
      results.map((r) => [r.articles, r.ms, r.cpuMs, r.analyzeMs, r.relateMs, r.consolidateMs, r.msPerArticle, r.claims, r.growthPerDoubling ?? '-', r.nlognPerDoubling ?? '-']),
    )}\n\n200 articles under 2 s: ${last !== undefined && last.ms < 2000 ? 'yes' : 'no'}\n`,
  );
  writeResult('brief', { sizes: results, targetMs: 2000 });
}

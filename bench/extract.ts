/**
 * `npm run bench -- extract`: article-body extraction on ../shared/data/extraction-dev.
 * Quality: F1/precision/recall over 4-gram shingles of \w+ tokens, per page
 * tp/fp/fn normalised to sum 1, P and R averaged over pages, F1 from the two
 * means (the Scrapinghub article-extraction-benchmark metric). Speed, in the
 * same run on the same decoded strings: newsfuse, Readability.js on linkedom
 * (the peer), and htmlparser2's bare parseDocument (the floor).
 * Flags: --page=<id prefix> prints one page's extraction; --quick skips the speed runs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseDocument } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { extract, ExtractError } from '../src/extract/index.js';
import { decodeBytes } from '../src/ingest/decode.js';
import type { Article } from '../src/types.js';
import { SHARED_DATA, table, writeResult } from './lib.js';

const DEV = path.join(SHARED_DATA, 'extraction-dev');
/** Hand-checked titles and dates of some dev pages (what the page itself states). */
const PINNED_META = 'test/fixtures/extract/dev-meta.json';
/** Each speed figure runs the whole corpus repeatedly for at least this long. */
const MIN_SPEED_MS = 1500;
/** Speed is measured in this many interleaved rounds; each system keeps its best. */
const SPEED_ROUNDS = 3;
/** Whole processes: rounds of one run each, interleaved; each command keeps its fastest. */
const PROCESS_ROUNDS = 7;
/** Start-up: this many runs of each command, interleaved; the median is kept. */
const STARTUP_RUNS = 15;

export type Tpfpfn = [number, number, number];

const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const sh = tokens.slice(i, i + n);
    if (sh.length === 0) continue;
    const k = sh.join('\u0001');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** Normalised (tp, fp, fn) of one page. */
export function shingleMatch(truth: string, pred: string): Tpfpfn {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, tc] of t) {
    const pc = p.get(k) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [k, pc] of p) fp += Math.max(0, pc - (t.get(k) ?? 0));
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

function precisionOf([tp, fp, fn]: Tpfpfn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf([tp, fp, fn]: Tpfpfn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

export function aggregate(rows: Tpfpfn[]): { f1: number; precision: number; recall: number } {
  const ps = rows.filter(([tp, fp]) => tp + fp > 0).map(precisionOf);
  const rs = rows.filter(([tp, , fn]) => tp + fn > 0).map(recallOf);
  const precision = ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : 0;
  const recall = rs.length ? rs.reduce((a, b) => a + b, 0) / rs.length : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall };
}

function pageF1(r: Tpfpfn): number {
  const p = precisionOf(r);
  const q = recallOf(r);
  return p + q > 0 ? (2 * p * q) / (p + q) : 0;
}

interface Page {
  id: string;
  url: string;
  html: string;
  truth: string;
}

export function loadDevPages(): Page[] {
  const truth = JSON.parse(readFileSync(path.join(DEV, 'ground-truth.json'), 'utf8')) as Record<string, { url: string; articleBody: string }>;
  const pages: Page[] = [];
  for (const f of readdirSync(path.join(DEV, 'html')).sort()) {
    const id = f.replace(/\.html\.gz$/, '');
    const t = truth[id];
    if (!t) continue;
    const html = decodeBytes(gunzipSync(readFileSync(path.join(DEV, 'html', f))), { format: 'html' });
    pages.push({ id, url: t.url, html, truth: t.articleBody });
  }
  return pages;
}

function runNewsfuse(p: Page): Article | undefined {
  try {
    return extract({ id: p.id, origin: p.id, format: 'html', content: p.html, url: p.url, contentHash: '' });
  } catch (err) {
    if (err instanceof ExtractError) return undefined;
    throw err;
  }
}

function runReadability(html: string): string {
  const { document } = parseHTML(html);
  const art = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  return art?.textContent ?? '';
}

/**
 * Pages per second of CPU time (user + system of this process): on a shared
 * machine wall time measures the neighbours; all three systems are measured
 * the same way in the same run, so the ratios are fair.
 */
function speed(pages: Page[], fn: (html: string) => void, minMs: number): number {
  for (const p of pages.slice(0, 10)) fn(p.html);
  let n = 0;
  const start = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < minMs || n < pages.length) {
    for (const p of pages) fn(p.html);
    n += pages.length;
    const u = process.cpuUsage(start);
    elapsed = (u.user + u.system) / 1000;
  }
  return (n * 1000) / elapsed;
}

/** Wall milliseconds of one run of a command (its output thrown away); throws when it fails. */
function wallMs(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`bench extract: node ${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(-300)}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface ProcessFigures {
  /** Median wall ms of `node -e 0`, `newsfuse --help` and `newsfuse --version`. */
  bareNodeMs: number;
  helpMs: number;
  versionMs: number;
  /** Fastest wall ms of one process over all the dev pages. */
  newsfuseExtractMs: number;
  readabilityMs: number;
}

/**
 * Whole processes, as a user runs them: start-up (`--help` against a bare
 * `node -e 0`), and one `newsfuse extract <dir>` over all the dev pages
 * against one Node process running Readability.js over the same files.
 */
function processFigures(): ProcessFigures {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const bin = path.join(root, 'bin', 'newsfuse');
  const peer = path.join(path.dirname(fileURLToPath(import.meta.url)), 'readability-process.js');
  const pagesDir = path.join(DEV, 'html');
  const bare: number[] = [];
  const help: number[] = [];
  const version: number[] = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    bare.push(wallMs(['-e', '0']));
    help.push(wallMs([bin, '--help']));
    version.push(wallMs([bin, '--version']));
  }
  let ours = Infinity;
  let theirs = Infinity;
  for (let round = 0; round < PROCESS_ROUNDS; round++) {
    ours = Math.min(ours, wallMs([bin, 'extract', pagesDir]));
    theirs = Math.min(theirs, wallMs([peer, pagesDir]));
  }
  return { bareNodeMs: median(bare), helpMs: median(help), versionMs: median(version), newsfuseExtractMs: ours, readabilityMs: theirs };
}

export async function run(flags: string[]): Promise<void> {
  if (!existsSync(DEV)) {
    process.stdout.write(`extraction-dev not found at ${DEV}; skipped\n`);
    return;
  }
  const pages = loadDevPages();
  const pageFlag = flags.find((f) => f.startsWith('--page='))?.slice(7);
  if (pageFlag) {
    for (const p of pages.filter((x) => x.id.startsWith(pageFlag))) {
      const a = runNewsfuse(p);
      const r = shingleMatch(p.truth, a?.text ?? '');
      process.stdout.write(`# ${p.id} ${p.url}\nF1 ${pageF1(r).toFixed(3)} P ${precisionOf(r).toFixed(3)} R ${recallOf(r).toFixed(3)}\n`);
      process.stdout.write(`${JSON.stringify({ ...a, text: undefined, paragraphs: undefined }, null, 1)}\n--- extracted\n${a?.text ?? ''}\n--- truth\n${p.truth}\n`);
    }
    return;
  }

  const ours: Tpfpfn[] = [];
  const peer: Tpfpfn[] = [];
  const perPage: { id: string; url: string; f1: number; precision: number; recall: number; readabilityF1: number }[] = [];
  const articles = new Map<string, Article | undefined>();
  for (const p of pages) {
    const a = runNewsfuse(p);
    articles.set(p.id, a);
    const r = shingleMatch(p.truth, a?.text ?? '');
    const q = shingleMatch(p.truth, runReadability(p.html));
    ours.push(r);
    peer.push(q);
    perPage.push({ id: p.id, url: p.url, f1: pageF1(r), precision: precisionOf(r), recall: recallOf(r), readabilityF1: pageF1(q) });
  }
  const mOurs = aggregate(ours);
  const mPeer = aggregate(peer);

  // Titles and dates the page states, hand-checked and pinned.
  let metaRows: { checked: number; titleOk: number; dateChecked: number; dateOk: number } | undefined;
  if (existsSync(PINNED_META)) {
    const pinned = JSON.parse(readFileSync(PINNED_META, 'utf8')) as Record<string, { title?: string; date?: string }>;
    metaRows = { checked: 0, titleOk: 0, dateChecked: 0, dateOk: 0 };
    for (const [id, want] of Object.entries(pinned)) {
      if (!articles.has(id)) continue;
      const a = articles.get(id);
      if (want.title !== undefined) {
        metaRows.checked++;
        if (a?.title === want.title) metaRows.titleOk++;
      }
      if (want.date !== undefined) {
        metaRows.dateChecked++;
        // publishedAt is UTC; the pinned date is the page's own: a day either way is the time zone.
        if (a?.publishedAt !== undefined && Math.abs(Date.parse(a.publishedAt.slice(0, 10)) - Date.parse(want.date)) <= 86_400_000) metaRows.dateOk++;
      }
    }
  }

  const quick = flags.includes('--quick');
  let rates: { newsfuse: number; readability: number; bareParse: number } | undefined;
  if (!quick) {
    const runOurs = (h: string): void => {
      try {
        extract({ id: 'x', origin: 'x', format: 'html', content: h, contentHash: '' });
      } catch (err) {
        if (!(err instanceof ExtractError)) throw err;
      }
    };
    // Interleaved rounds, best of each: load from other processes drifts over a run and would favour whoever ran in a quiet moment.
    let bare = 0;
    let nf = 0;
    let rd = 0;
    for (let round = 0; round < SPEED_ROUNDS; round++) {
      bare = Math.max(bare, speed(pages, (h) => void parseDocument(h), MIN_SPEED_MS));
      nf = Math.max(nf, speed(pages, runOurs, MIN_SPEED_MS));
      rd = Math.max(rd, speed(pages, (h) => void runReadability(h), MIN_SPEED_MS));
    }
    rates = { newsfuse: nf, readability: rd, bareParse: bare };
  }
  const processes = quick ? undefined : processFigures();

  process.stdout.write(`${table(['system', 'F1', 'precision', 'recall', 'pages/s', 'speed vs Readability', 'speed vs bare parse'], [
    ['newsfuse', mOurs.f1, mOurs.precision, mOurs.recall, rates ? rates.newsfuse : '-', rates ? `${(rates.newsfuse / rates.readability).toFixed(1)}×` : '-', rates ? `${((100 * rates.newsfuse) / rates.bareParse).toFixed(0)}%` : '-'],
    ['Readability.js + linkedom', mPeer.f1, mPeer.precision, mPeer.recall, rates ? rates.readability : '-', '1.0×', rates ? `${((100 * rates.readability) / rates.bareParse).toFixed(0)}%` : '-'],
    ['htmlparser2 parseDocument (floor)', '-', '-', '-', rates ? rates.bareParse : '-', rates ? `${(rates.bareParse / rates.readability).toFixed(1)}×` : '-', '100%'],
  ])}\n\n`);
  if (processes) {
    const p = processes;
    process.stdout.write(`Whole processes over the ${pages.length} pages (fastest of ${PROCESS_ROUNDS}), and start-up (median of ${STARTUP_RUNS}):\n\n${table(['command', 'wall ms', 'vs peer'], [
      ['newsfuse extract <dir>', p.newsfuseExtractMs, `${(p.readabilityMs / p.newsfuseExtractMs).toFixed(1)}× faster`],
      ['node + Readability.js over the same files', p.readabilityMs, '1.0×'],
      ['newsfuse --help', p.helpMs, `${(p.helpMs - p.bareNodeMs).toFixed(0)} ms over bare node`],
      ['newsfuse --version', p.versionMs, `${(p.versionMs - p.bareNodeMs).toFixed(0)} ms over bare node`],
      ['node -e 0 (bare start-up)', p.bareNodeMs, '-'],
    ])}\n\n`);
  }
  if (metaRows) {
    process.stdout.write(`Pinned metadata: title ${metaRows.titleOk}/${metaRows.checked}, date ${metaRows.dateOk}/${metaRows.dateChecked}\n\n`);
  }
  const worst = [...perPage].sort((a, b) => a.f1 - b.f1).slice(0, 10);
  process.stdout.write(`Worst 10 pages by F1:\n\n${table(['page', 'url', 'F1', 'P', 'R', 'Readability F1'], worst.map((w) => [w.id.slice(0, 12), w.url.slice(0, 70), w.f1, w.precision, w.recall, w.readabilityF1]))}\n`);
  writeResult('extract', {
    pages: pages.length,
    newsfuse: mOurs,
    readability: mPeer,
    pagesPerSecond: rates,
    wholeProcess: processes ? { ...processes, ratio: processes.readabilityMs / processes.newsfuseExtractMs } : undefined,
    pinnedMeta: metaRows,
    worst,
  });
}

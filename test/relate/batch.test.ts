import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { prng, SHARED_DATA } from '../../bench/lib.js';
import { analyze } from '../../src/analyze/index.js';
import { extract } from '../../src/extract/index.js';
import { candidatePairs, SMALL_BATCH } from '../../src/relate/candidates.js';
import { buildProfile, compareProfiles, relate, resolveSettings } from '../../src/relate/index.js';
import type { AnalyzedArticle, DerivationEdge } from '../../src/types.js';

/**
 * relate() on a batch compares only candidate pairs (candidates.ts). These
 * tests pin that it finds the same edges as comparing every pair would.
 */

const FIXTURES = 'test/fixtures/relate';

function article(id: string, content: string): AnalyzedArticle {
  return analyze(extract({ id, origin: id, format: 'text', content, contentHash: id }));
}


const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'sab', 'vel', 'dor', 'pin', 'gau', 'fes', 'nor', 'bri', 'hal', 'zut', 'qua'];

/** An unrelated article of pseudo-words, names and numbers: shares nothing in particular with anything. */
function filler(rnd: () => number): string {
  const word = (): string => Array.from({ length: 3 }, () => SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]).join('');
  const sentence = (): string => {
    const w = Array.from({ length: 12 }, word);
    w[3] = `${w[3]![0]!.toUpperCase()}${w[3]!.slice(1)}`;
    w[7] = String(Math.floor(rnd() * 10_000));
    return `${w[0]![0]!.toUpperCase()}${w.join(' ').slice(1)}.`;
  };
  return Array.from({ length: 4 }, () => `${sentence()} ${sentence()}`).join('\n\n');
}

function key(e: DerivationEdge): string {
  return `${e.from}>${e.to}:${e.kind}:${e.score}`;
}

/** What comparing every pair gives: the reference the batch must match. */
function everyPair(arts: AnalyzedArticle[]): string[] {
  const s = resolveSettings();
  const ps = [...arts].sort((x, y) => (x.article.id < y.article.id ? -1 : 1)).map((a) => buildProfile(a, s));
  const out: string[] = [];
  for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) {
    const e = compareProfiles(ps[i]!, ps[j]!, s);
    if (e) out.push(key(e));
  }
  return out.sort();
}

test('a batch larger than SMALL_BATCH finds the rewrite, the translation and the copy among unrelated articles, as every-pair comparison does', () => {
  const rnd = prng(7);
  const wire = readFileSync(path.join(FIXTURES, 'flood-wire.txt'), 'utf8');
  const arts = [
    article('wire', wire),
    article('spun', readFileSync(path.join(FIXTURES, 'flood-rewrite.txt'), 'utf8')),
    article('translated', readFileSync(path.join(FIXTURES, 'flood-translated.txt'), 'utf8')),
    article('copy', `Home | News\n\n${wire}\n\nLeave a Reply`),
    article('independent', readFileSync(path.join(FIXTURES, 'flood-independent.txt'), 'utf8')),
  ];
  for (let i = 0; i < 45; i++) arts.push(article(`filler-${String(i).padStart(2, '0')}`, filler(rnd)));
  assert.ok(arts.length > SMALL_BATCH);
  const { edges } = relate(arts);
  assert.deepEqual(edges.map(key).sort(), everyPair(arts));
  const linked = (a: string, b: string): boolean => edges.some((e) => (e.from === a && e.to === b) || (e.from === b && e.to === a));
  assert.ok(linked('wire', 'spun'), 'rewrite found');
  assert.ok(linked('wire', 'translated'), 'translation found');
  assert.ok(linked('wire', 'copy'), 'copy found');
  assert.ok(!edges.some((e) => e.from.startsWith('filler') || e.to.startsWith('filler')), 'fillers stay unlinked');
  // The point of candidates: far fewer comparisons than every pair.
  const s = resolveSettings();
  const n = arts.length;
  const pairs = candidatePairs(arts.map((a) => buildProfile(a, s)), s);
  assert.ok(pairs.length < (n * (n - 1)) / 2 / 2, `${pairs.length} candidate pairs of ${(n * (n - 1)) / 2}`);
});

test('small batches compare every pair', () => {
  const rnd = prng(11);
  const s = resolveSettings();
  const ps = Array.from({ length: 6 }, (_, i) => buildProfile(article(`f${i}`, filler(rnd)), s));
  assert.equal(candidatePairs(ps, s).length, 15);
});

const ECB = path.join(SHARED_DATA, 'ecbplus-dev.jsonl');

test('on 120 ecbplus-dev articles the batch finds exactly the edges of every-pair comparison', { skip: !existsSync(ECB) && 'shared data absent' }, () => {
  const rows = readFileSync(ECB, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .slice(0, 120)
    .map((l) => JSON.parse(l) as { id: string; text: string });
  // Built as the brief bench builds stories (first line the title), without extraction.
  const arts = rows.map((r) => {
    const lines = r.text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
    return analyze({ id: r.id, title: lines[0] ?? '', language: 'en', text: lines.slice(1).join('\n\n'), paragraphs: lines.slice(1) });
  });
  const { edges } = relate(arts);
  const reference = everyPair(arts);
  assert.ok(reference.length > 0, 'the sample holds derivations (ECB+ has syndicated copies)');
  assert.deepEqual(edges.map(key).sort(), reference);
});

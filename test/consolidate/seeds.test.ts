import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/analyze/index.js';
import { consolidate } from '../../src/consolidate/index.js';
import { extract } from '../../src/extract/index.js';
import { readInputs } from '../../src/ingest/files.js';
import type { AnalyzedArticle, Brief, Relations } from '../../src/types.js';

const SEEDS = 'examples/vostochny';
const FIXTURE = 'test/fixtures/brief/900_independent_report.txt';

async function load(paths: string[]): Promise<AnalyzedArticle[]> {
  const { docs } = await readInputs(paths);
  return docs.map((d) => analyze(extract(d)));
}

/** The seeds' known derivation: 000 and 002 are rewrites of one wire report, the rest independent. */
function handRelations(articles: AnalyzedArticle[]): Relations {
  const ids = articles.map((a) => a.article.id).sort();
  const first = ids.find((id) => id.startsWith('000')) ?? '';
  const second = ids.find((id) => id.startsWith('002')) ?? '';
  return {
    edges: [{ from: first, to: second, kind: 'rewrite', score: 0.8, evidence: [] }],
    groups: ids.filter((id) => id !== second).map((id) => ({ id, members: id === first ? [first, second] : [id] })),
  };
}

const prefix = (ids: string[]): string[] => [...new Set(ids.map((id) => id.slice(0, 3)))].sort();
const claimSources = (c: Brief['claims'][number]): string[] => prefix(c.sources.map((s) => s.source));

let cached: Brief | undefined;
async function seedBrief(): Promise<Brief> {
  if (cached !== undefined) return cached;
  const articles = await load([SEEDS]);
  cached = consolidate(articles, handRelations(articles));
  return cached;
}

const FURNITURE = [/Recent Posts/i, /Please enter your/i, /Also read/i, /Share post/i, /Leave a Reply/i, /Sources By Agencies/i, /Source: Krone/i, /Stay Connected/i, /Latest posts/i, /More like this/i, /hours ago/i, /Related articles/i];

test('no page furniture in any section of the seed brief', async () => {
  const b = await seedBrief();
  const texts = [
    ...b.summary.map((s) => s.text),
    ...b.claims.flatMap((c) => [c.text, ...c.sources.map((s) => s.sentence)]),
    ...b.quotes.flatMap((q) => [q.text, ...q.sources.map((s) => s.text)]),
    ...b.entities.map((e) => e.name),
    ...b.timeline.map((t) => t.text),
  ];
  for (const t of texts) for (const f of FURNITURE) assert.doesNotMatch(t, f);
});

test('the handshake of about 40 seconds is carried by 000, 002 and 004, two independent groups', async () => {
  const b = await seedBrief();
  const c = b.claims.find((x) => /40 seconds/.test(x.text));
  assert.ok(c, 'a handshake claim');
  assert.deepEqual(claimSources(c), ['000', '002', '004']);
  assert.equal(c.support, 3);
  assert.equal(c.independentSupport, 2);
  assert.equal(c.status, 'corroborated');
});

test('the Angara height (42.7 m) is carried by three outlets', async () => {
  const b = await seedBrief();
  const c = b.claims.find((x) => /42\.7/.test(x.text));
  assert.ok(c);
  assert.equal(claimSources(c).length, 3);
  assert.ok(c.sources.every((s) => /42\.7/.test(s.sentence)));
});

test("Putin's quote on the DPRK's interest in rocket engineering is merged across wordings", async () => {
  const b = await seedBrief();
  const q = b.quotes.find((x) => /rocket engineering/.test(x.text));
  assert.ok(q);
  assert.match(q.speaker ?? '', /Putin/);
  assert.ok(prefix(q.sources.map((s) => s.source)).length >= 2);
  assert.ok(new Set(q.sources.map((s) => s.text)).size >= 2, 'each wording kept');
});

test("Joseph Dempsey's quote is single-source from 004", async () => {
  const b = await seedBrief();
  const q = b.quotes.find((x) => /prolong the conflict/.test(x.text));
  assert.ok(q);
  assert.match(q.speaker ?? '', /Dempsey/);
  assert.deepEqual(prefix(q.sources.map((s) => s.source)), ['004']);
  const c = b.claims.find((x) => /Dempsey/.test(x.text));
  assert.ok(c);
  assert.equal(c.status, 'single-source');
});

test('Kim\'s support for Moscow\'s "sacred fight" is single-source from 001', async () => {
  const b = await seedBrief();
  const c = b.claims.find((x) => /sacred fight/.test(x.text));
  assert.ok(c);
  assert.deepEqual(claimSources(c), ['001']);
  assert.equal(c.status, 'single-source');
  assert.equal(c.independentSupport, 1);
});

test('Peskov\'s "sensitive areas" quote is merged across outlets', async () => {
  const b = await seedBrief();
  const q = b.quotes.find((x) => /sensitive areas/.test(x.text));
  assert.ok(q);
  assert.match(q.speaker ?? '', /Peskov/);
  assert.ok(prefix(q.sources.map((s) => s.source)).length >= 2);
});

test('sources carry groups and derivation; summary cites claims and sources', async () => {
  const b = await seedBrief();
  const s002 = b.sources.find((s) => s.id.startsWith('002'));
  const s000 = b.sources.find((s) => s.id.startsWith('000'));
  assert.equal(s002?.group, s000?.group);
  assert.equal(s002?.derivedFrom[0]?.kind, 'rewrite');
  assert.ok(b.summary.length >= 5 && b.summary.length <= 8, `summary of ${b.summary.length}`);
  const ids = new Set(b.claims.map((c) => c.id));
  for (const s of b.summary) {
    assert.ok(s.claims.length > 0 && s.claims.every((c) => ids.has(c)));
    assert.ok(s.sources.length > 0);
  }
  assert.match(b.story.headline, /Putin|Kim/);
  for (const c of b.claims) {
    assert.equal(c.support, new Set(c.sources.map((x) => x.source)).size);
    const want = c.conflicts.length > 0 ? 'disputed' : c.independentSupport >= 2 ? 'corroborated' : 'single-source';
    assert.equal(c.status, want);
  }
});

test('entities merge aliases and name their sources', async () => {
  const b = await seedBrief();
  const kims = b.entities.filter((e) => /^Kim Jong/.test(e.name));
  assert.equal(kims.length, 1, 'Kim Jong Un / Kim Jong-un / Kim are one entity');
  assert.equal(kims[0]?.type, 'person');
  assert.equal(kims[0]?.sources.length, 5);
  const putin = b.entities.find((e) => /Putin/.test(e.name));
  assert.equal(putin?.type, 'person');
});

test('output is deterministic whatever the input order', async () => {
  const articles = await load([SEEDS]);
  const a = consolidate(articles, handRelations(articles));
  const b = consolidate([...articles].reverse(), handRelations(articles));
  assert.deepEqual(a, b);
});

test('an independent report with other values makes those claims disputed, with each value and its sources', async () => {
  const articles = await load([SEEDS, FIXTURE]);
  const b = consolidate(articles, handRelations(articles));
  const shake = b.claims.find((c) => c.sources.some((s) => /15 seconds/.test(s.sentence)));
  assert.ok(shake, 'the fixture handshake is aligned');
  assert.equal(shake.status, 'disputed');
  const dur = shake.conflicts.find((x) => x.values.some((v) => /15/.test(v.value)));
  assert.ok(dur);
  assert.ok(dur.values.some((v) => /40/.test(v.value) && v.sources.length >= 2));
  assert.deepEqual(prefix(dur.values.find((v) => /15/.test(v.value))?.sources ?? []), ['900']);
  const height = b.claims.find((c) => c.sources.some((s) => /55 metres/.test(s.sentence)));
  assert.ok(height, 'the fixture rocket height is aligned');
  assert.equal(height.status, 'disputed');
  const h = height.conflicts.find((x) => x.values.some((v) => /55/.test(v.value)));
  assert.ok(h?.values.some((v) => /42\.7/.test(v.value)));
});

test('with the real relate stage: the handshake is two independent groups, no furniture', async () => {
  const { relate } = await import('../../src/relate/index.js');
  const articles = await load([SEEDS]);
  const b = consolidate(articles, relate(articles));
  const c = b.claims.find((x) => /40 seconds/.test(x.text));
  assert.ok(c);
  assert.deepEqual(claimSources(c), ['000', '002', '004']);
  assert.equal(c.independentSupport, 2);
  const angara = b.claims.find((x) => /42\.7/.test(x.text));
  assert.equal(angara === undefined ? 0 : claimSources(angara).length, 3);
  for (const s of b.summary) for (const f of FURNITURE) assert.doesNotMatch(s.text, f);
});

test('the rocket the leaders were shown differs: "Angara" (three outlets) against "Soyuz-2" (003)', async () => {
  const b = await seedBrief();
  const c = b.claims.find((x) => x.conflicts.some((k) => k.values.some((v) => /Soyuz/.test(v.value))));
  assert.ok(c, 'a claim disputed over the rocket');
  assert.equal(c.status, 'disputed');
  const k = c.conflicts.find((x) => x.values.some((v) => /Soyuz/.test(v.value)));
  assert.deepEqual(prefix(k?.values.find((v) => /Soyuz/.test(v.value))?.sources ?? []), ['003']);
  assert.ok(prefix(k?.values.find((v) => /Angara/.test(v.value))?.sources ?? []).length >= 2);
  assert.equal(b.claims.filter((x) => x.status === 'disputed').length, 1, 'nothing else in the seeds is disputed');
});

test('alignment needs agreement on what happened, not only on who: no pairing through the protagonists', async () => {
  const b = await seedBrief();
  const press = b.claims.find((x) => x.sources.some((s) => /During a press conference/.test(s.sentence)));
  assert.ok(press);
  for (const s of press.sources) assert.doesNotMatch(s.sentence, /asked questions to/, 'Kim asking about rockets is another statement');
  // When it is corroborated, it is by sources that say the leaders would discuss everything.
  for (const s of press.sources) assert.match(s.sentence, /issues|everything/);
  const asked = b.claims.find((x) => x.sources.some((s) => /reporters questioned/.test(s.sentence)));
  assert.ok(asked);
  // A reported question pairs only with reports of the same question, never with the promise itself.
  for (const s of asked.sources) assert.match(s.sentence, /(?:question|asked)[^.]*(?:whether|if)[^.]*satellite/);
});

test('paraphrases of the satellite promise are one claim (promised / offer / willing to assist / assured support)', async () => {
  const b = await seedBrief();
  const c = b.claims.find((x) => x.sources.some((s) => /promised North Korea assistance/.test(s.sentence)));
  assert.ok(c);
  for (const id of ['000', '001', '002', '004']) assert.ok(claimSources(c).includes(id), `${id} says it too`);
  assert.ok(c.sources.some((s) => /offer of assistance/.test(s.sentence)));
  assert.ok(c.sources.some((s) => /assured his guest of support/.test(s.sentence)));
  assert.equal(c.status, 'corroborated');
  // A question nobody answers in the sentence ("reporters questioned whether…") asserts nothing.
  for (const s of c.sources) assert.doesNotMatch(s.sentence, /reporters questioned/);
});

test('a summary sentence from a disputed claim cites only the sources that give its values', async () => {
  const b = await seedBrief();
  for (const s of b.summary) {
    const claim = b.claims.find((c) => c.id === s.claims[0]);
    assert.ok(claim);
    for (const k of claim.conflicts) {
      const shown = k.values.find((v) => v.sources.some((x) => s.sources.includes(x)));
      for (const v of k.values) if (v !== shown) for (const x of v.sources) if (!(shown?.sources.includes(x) ?? false)) assert.ok(!s.sources.includes(x), `${x} gives ${v.value}`);
    }
  }
  const angara = b.summary.find((s) => /Angara/.test(s.text) && !/Soyuz/.test(s.text));
  if (angara !== undefined) assert.ok(!angara.sources.some((x) => x.startsWith('003')), 'the outlet that said Soyuz-2 does not back "Angara"');
});

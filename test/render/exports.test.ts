import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OutletDirectory } from '../../src/outlets/index.js';
import { CLAIMS_CSV_COLUMNS, renderAtom, renderClaimReview, renderClaimsCsv, storyEntries, storyUpdateEntries } from '../../src/render/index.js';
import type { StorySummary } from '../../src/types.js';
import { loadBrief, poison } from './helpers.js';
import { assertNoErrors, atomErrors, csvRows, jsonLdErrors, schemaOrgErrors } from './validators.js';

const STORY_URL = 'http://127.0.0.1:8080/stories/s-vostochny';
const REVIEWED = new Date('2024-01-02T03:04:05Z');

test('claims CSV: parses strictly, one row per claim with its status, support, outlets and conflicts', () => {
  const brief = loadBrief();
  const rows = csvRows(renderClaimsCsv(brief));
  assert.deepEqual(rows[0], [...CLAIMS_CSV_COLUMNS]);
  assert.equal(rows.length, brief.claims.length + 1);
  const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
  for (const claim of brief.claims) {
    const row = byId.get(claim.id);
    assert.ok(row, claim.id);
    assert.deepEqual(row.slice(1, 5), [claim.status, claim.text, String(claim.support), String(claim.independentSupport)]);
    assert.deepEqual(row[6]?.split(' '), [...new Set(claim.sources.map((s) => s.source))]);
  }
  const disputed = rows.find((r) => r[1] === 'disputed');
  assert.match(disputed?.[7] ?? '', /^rocket: Angara \(\[1\] The Daily Guardian · 2023-09-13; .*\) \| Soyuz-2 \(\[4\] “Vladimir Putin and Kim Jong/);
});

test('claims CSV: quotes, commas, newlines and formula-looking text survive as text', () => {
  const brief = loadBrief();
  brief.claims[0]!.text = '=HYPERLINK("http://evil.example","click"), said "he"\nnext line';
  brief.claims[1]!.text = '+1+cmd|calc';
  const rows = csvRows(renderClaimsCsv(brief));
  const first = rows.find((r) => r[0] === brief.claims[0]!.id);
  assert.equal(first?.[2], `'=HYPERLINK("http://evil.example","click"), said "he"\nnext line`);
  assert.equal(rows.find((r) => r[0] === brief.claims[1]!.id)?.[2], "'+1+cmd|calc");
  // hostile text in every field still parses to the same shape
  const poisoned = poison(loadBrief(), (i) => `"a,b"\r\n=x${i}\u202e`);
  const all = csvRows(renderClaimsCsv(poisoned));
  assert.equal(all.length, poisoned.claims.length + 1);
  assert.ok(all.every((r) => r.every((f) => !f.includes('\u202e'))), 'bidi controls are cleaned like everywhere else');
});

test('claims CSV names the outlets file’s owner flags', () => {
  const brief = loadBrief();
  const outlets = new OutletDirectory(brief.sources.map((s, i) => ({ domain: `site${i}.example`, name: `Outlet ${i}`, owner: 'One Group', extra: {} })));
  brief.sources.forEach((s, i) => (s.url = `https://site${i}.example/a`));
  const rows = csvRows(renderClaimsCsv(brief, { outlets }));
  const corroborated = rows.filter((r) => r[1] === 'corroborated');
  assert.ok(corroborated.length > 0);
  for (const r of corroborated) assert.equal(r[8], 'all its independent support shares one owner: One Group');
});

test('ClaimReview: valid JSON-LD of schema.org ClaimReview for each disputed claim, and nothing for the others', async () => {
  const brief = loadBrief();
  const doc = JSON.parse(renderClaimReview(brief, { storyUrl: STORY_URL, reviewed: REVIEWED })) as { '@context': string; '@graph': Record<string, unknown>[] };
  assert.equal(doc['@context'], 'https://schema.org');
  const disputed = brief.claims.filter((c) => c.conflicts.length > 0);
  assert.equal(doc['@graph'].length, disputed.length);
  assertNoErrors(await jsonLdErrors(doc), 'the JSON-LD');
  for (const [i, node] of doc['@graph'].entries()) {
    assertNoErrors(schemaOrgErrors(node), `ClaimReview ${i}`);
    // What Google's fact-check markup requires: claimReviewed, reviewRating.alternateName, url, author.
    assert.equal(node['@type'], 'ClaimReview');
    assert.equal(node.claimReviewed, disputed[i]!.text);
    assert.equal(node.url, `${STORY_URL}#row-${disputed[i]!.id}`);
    assert.equal(node.datePublished, '2024-01-02');
    assert.match((node.reviewRating as { alternateName: string }).alternateName, /^Disputed/);
    assert.match((node.reviewRating as { ratingExplanation: string }).ratingExplanation, /rocket: “Angara” \(4 sources\) vs “Soyuz-2” \(1 source\)/);
    const item = node.itemReviewed as { '@type': string; appearance: { headline: string }[] };
    assert.equal(item['@type'], 'Claim');
    assert.equal(item.appearance.length, new Set(disputed[i]!.sources.map((s) => s.source)).size);
  }
});

test('ClaimReview of hostile text stays valid and keeps no script', async () => {
  const poisoned = poison(loadBrief(), (i) => `</script><script>alert(${i})</script>\u202e`);
  poisoned.claims.forEach((c) => (c.status = 'disputed'));
  const text = renderClaimReview(poisoned, { storyUrl: STORY_URL, reviewed: REVIEWED });
  const doc = JSON.parse(text) as { '@graph': unknown[] };
  for (const node of doc['@graph']) assertNoErrors(schemaOrgErrors(node), 'ClaimReview');
  assertNoErrors(await jsonLdErrors(doc), 'the JSON-LD');
  assert.ok(!text.includes('\u202e'));
  assert.ok(!doc['@graph'].some((n) => JSON.stringify(n).includes('javascript:')), 'only http(s) addresses');
});

test('the validators catch what is wrong', async () => {
  assert.ok(schemaOrgErrors({ '@type': 'ClaimReview', claimReviewd: 'typo' }).length > 0);
  assert.ok(schemaOrgErrors({ '@type': 'ClaimReview', author: 'a string' }).length > 0);
  assert.ok(schemaOrgErrors({ '@type': 'ClaimReview', itemReviewed: { '@type': 'Claim', appearance: { '@type': 'Person', name: 'x' } } }).length > 0);
  assert.ok((await atomErrors('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>')).length > 0, 'a feed without id and updated');
  assert.ok((await atomErrors('<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id><title>t</title><updated>yesterday</updated></feed>')).length > 0);
  assert.throws(() => csvRows('a,b\n"c,d\n'));
});

const STORIES: StorySummary[] = [
  { id: 's-1', headline: 'Quake <hits> & “coast”', firstSeen: '2024-01-01T10:00:00Z', lastSeen: '2024-01-02T10:00:00Z', articles: 3, independentSources: 2, claims: { corroborated: 2, singleSource: 1, disputed: 1 } },
  { id: 's-2', headline: '', articles: 1, independentSources: 1, claims: { corroborated: 0, singleSource: 1, disputed: 0 } },
];

test('Atom feed of stories: valid against RFC 4287’s RELAX NG grammar', async () => {
  const xml = renderAtom({
    id: 'http://127.0.0.1:8080/',
    title: 'newsfuse: stories',
    selfUrl: 'http://127.0.0.1:8080/api/feed.atom',
    pageUrl: 'http://127.0.0.1:8080/',
    entries: storyEntries(STORIES, (id) => `http://127.0.0.1:8080/stories/${id}`),
  });
  assertNoErrors(await atomErrors(xml), 'the feed');
  assert.ok(xml.includes('<title type="text">Quake &lt;hits&gt; &amp; “coast”</title>'));
  assert.ok(xml.includes('<updated>2024-01-02T10:00:00.000Z</updated>'));
  // an empty feed is valid too
  assertNoErrors(await atomErrors(renderAtom({ id: 'urn:x', title: 'empty', selfUrl: 'http://h/f', pageUrl: 'http://h/', entries: [] })), 'the empty feed');
});

test("Atom feed of one story's updates: one entry per report, newest first, valid, hostile text inert", async () => {
  const brief = loadBrief();
  const entries = storyUpdateEntries(brief, (id) => `http://127.0.0.1:8080/articles/${id}`);
  assert.equal(entries.length, brief.sources.length);
  const times = entries.map((e) => e.updated);
  assert.deepEqual(times, [...times].sort().reverse());
  const feed = { id: STORY_URL, title: brief.story.headline, selfUrl: `${STORY_URL}/feed.atom`, pageUrl: STORY_URL, entries };
  assertNoErrors(await atomErrors(renderAtom(feed)), 'the story feed');
  const poisoned = poison(loadBrief(), (i) => `]]></title><script>x${i}</script>\u0000\uffff\u202e&`);
  const xml = renderAtom({ ...feed, title: poisoned.story.headline, entries: storyUpdateEntries(poisoned, (id) => `http://h/articles/${encodeURIComponent(id)}`) });
  assertNoErrors(await atomErrors(xml), 'the poisoned story feed');
  assert.ok(!xml.includes('<script>'));
});

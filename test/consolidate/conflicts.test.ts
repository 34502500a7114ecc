import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/analyze/index.js';
import { consolidate } from '../../src/consolidate/index.js';
import { agree } from '../../src/consolidate/numbers.js';
import type { AnalyzedArticle, NumberMention, Relations } from '../../src/types.js';

function art(id: string, paragraphs: string[]): AnalyzedArticle {
  return analyze({ id, title: `Report ${id}`, language: 'en', text: paragraphs.join('\n\n'), paragraphs });
}

function independent(articles: AnalyzedArticle[]): Relations {
  return { edges: [], groups: articles.map((a) => ({ id: a.article.id, members: [a.article.id] })) };
}

const n = (value: number, approximate: boolean, max?: number): NumberMention => {
  const m: NumberMention = { text: String(value), value, unit: 'second', approximate, sentence: 0 };
  if (max !== undefined) m.max = max;
  return m;
};

test('hedged values agree within tolerance, different values do not', () => {
  assert.ok(agree(n(40, true), n(40, true)));
  assert.ok(agree(n(38, true), n(40, false)), '"almost 40" vs "38"');
  assert.ok(!agree(n(15, false), n(40, true)));
  assert.ok(!agree(n(42.7, false), n(55, false)));
  assert.ok(agree(n(10, true, 11), n(10.5, false)), 'a value inside a range');
});

test('places that replace one another make a claim disputed, with each place and its source', () => {
  const a = art('a', ['Putin met Kim at the Vostochny Cosmodrome on Wednesday to discuss satellites and rockets.']);
  const b = art('b', ['Putin met Kim at the Baikonur Cosmodrome on Wednesday to discuss satellites and rockets.']);
  const brief = consolidate([a, b], independent([a, b]));
  const c = brief.claims.find((x) => x.support === 2);
  assert.ok(c, 'the two reports align');
  assert.equal(c.status, 'disputed');
  const place = c.conflicts.find((x) => x.about.startsWith('place in “Putin met Kim at the …'));
  assert.deepEqual(place?.values.map((v) => [v.value, v.sources]), [
    ['Baikonur Cosmodrome', ['b']],
    ['Vostochny Cosmodrome', ['a']],
  ]);
});

test('two venues one report puts in the other\'s place are a dispute over the place ("the Ritz Hotel" / "the Savoy Hotel")', () => {
  const a = art('a', ['A gunman opened fire at the Ritz Hotel on Monday, killing three people, police said.']);
  const b = art('b', ['A gunman opened fire at the Savoy Hotel on Monday, killing three people, police said.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.ok(brief.claims.some((c) => c.status === 'disputed' && c.conflicts.some((k) => k.values.some((v) => v.value === 'Savoy Hotel'))), JSON.stringify(brief.claims.map((c) => [c.status, c.conflicts])));
});

test('agreeing hedged numbers corroborate; a different number disputes', () => {
  const a = art('a', ['Putin shook the guest’s hand for almost 40 seconds at the launch site.']);
  const b = art('b', ['Putin shook the guest’s hand for about 40 seconds at the launch site.']);
  const c = art('c', ['Putin shook the guest’s hand for 15 seconds at the launch site.']);
  const agreeing = consolidate([a, b], independent([a, b]));
  assert.equal(agreeing.claims[0]?.status, 'corroborated');
  assert.equal(agreeing.claims[0]?.independentSupport, 2);
  const disputed = consolidate([a, b, c], independent([a, b, c]));
  const claim = disputed.claims[0];
  assert.equal(claim?.status, 'disputed');
  assert.equal(claim?.support, 3);
  const values = claim?.conflicts[0]?.values ?? [];
  assert.deepEqual(values.map((v) => v.sources), [['a', 'b'], ['c']]);
  assert.equal(claim?.conflicts[0]?.about, 'time spent shaking hands');
  assert.equal(claim?.conflicts[0]?.kind, 'contradiction');
});

test('dated statements make a timeline with relative dates resolved', () => {
  const pub = (id: string, text: string): AnalyzedArticle =>
    analyze({ id, title: id, language: 'en', text, paragraphs: [text], publishedAt: '2023-09-13T08:00:00Z' });
  const a = pub('a', 'Kim crossed into Russia by train early Tuesday, officials in Moscow said.');
  const b = pub('b', 'Kim crossed into Russia by train on Tuesday, officials in Moscow said.');
  const brief = consolidate([a, b], independent([a, b]));
  assert.deepEqual(brief.timeline.map((t) => [t.when, t.sources]), [['2023-09-12', ['a', 'b']]]);
  assert.equal(brief.story.firstSeen, '2023-09-13T08:00:00Z');
});

test('a timeline entry gives its date: a year another source of the claim writes is shown with that source’s words', () => {
  const arts = [
    art('a', ['Police Chief Tom Hale announced 61-year-old Ann Lee was arrested on Friday and charged with two counts of murder.']),
    art('b', ['Sixty-year-old Ann Lee is now accused of murdering two women at an ice cream store in 1967.']),
    art('c', ['Police arrested Ann Lee, age 61, on Friday and charged her with two counts of murder.']),
  ];
  const brief = consolidate(arts, independent(arts));
  const year = brief.timeline.filter((t) => t.when === '1967');
  assert.ok(year.length > 0, 'the year is on the timeline');
  for (const t of year) assert.match(t.text, /1967/);
});

test('one date of one claim is one timeline entry, whatever words each source dates it by ("on Friday", "on October 4")', () => {
  const pub = (id: string, text: string): AnalyzedArticle =>
    analyze({ id, title: id, language: 'en', text, paragraphs: [text], publishedAt: '2013-10-07T08:00:00Z' });
  const a = pub('a', 'Police arrested Ann Lee at her home in Riverton on Friday, officials said.');
  const b = pub('b', 'Police arrested Ann Lee at her home in Riverton on October 4, officials said.');
  const brief = consolidate([a, b], independent([a, b]));
  assert.deepEqual(brief.timeline.map((t) => [t.when, t.sources]), [['2013-10-04', ['a', 'b']]], JSON.stringify(brief.timeline));
});

test('a date that only bounds a stretch ("for the first time since 2005", "until 2010") dates nothing on the timeline; the start of one told "from … to …" does', () => {
  const arts = [
    art('a', ['The Hawks fired coach Tom Hale and made the playoffs for the first time since 2005, the club said.']),
    art('b', ['Ann Lee was at the Rose Hill Clinic from September 2010 to January 2011, her lawyer said.']),
  ];
  const brief = consolidate(arts, independent(arts));
  const when = brief.timeline.map((t) => t.when);
  assert.ok(!when.includes('2005') && when.includes('2010-09'), JSON.stringify(brief.timeline));
});

test('different resolved days for one statement are a date conflict', () => {
  const pub = (id: string, text: string): AnalyzedArticle =>
    analyze({ id, title: id, language: 'en', text, paragraphs: [text], publishedAt: '2023-09-14T08:00:00Z' });
  const a = pub('a', 'Kim Jong Un arrived at the cosmodrome by armoured train on Wednesday, state media said.');
  const b = pub('b', 'Kim Jong Un arrived at the cosmodrome by armoured train on Tuesday, state media said.');
  const brief = consolidate([a, b], independent([a, b]));
  const c = brief.claims[0];
  assert.equal(c?.status, 'disputed');
  assert.deepEqual(c?.conflicts.find((x) => x.about === 'day of the arrival')?.values, [
    { value: 'Wednesday', sources: ['a'] },
    { value: 'Tuesday', sources: ['b'] },
  ]);
});

test('entities across articles: short forms and initials merge, full names set the type', () => {
  const a = art('a', ['The United States has accused North Korea of supplying arms to Russia, officials in Washington said.']);
  const b = art('b', ['The US has accused North Korea of supplying weapons to Russia, a spokesman said.']);
  const c = art('c', ['President Vladimir Putin met the North Korean leader. Putin later spoke to reporters in Moscow.']);
  const brief = consolidate([a, b, c], independent([a, b, c]));
  const us = brief.entities.filter((e) => /^(US|United States)$/.test(e.name));
  assert.equal(us.length, 1);
  assert.deepEqual(us[0]?.sources, ['a', 'b']);
  const putin = brief.entities.find((e) => e.name === 'Vladimir Putin');
  assert.equal(putin?.type, 'person');
  assert.equal(putin?.mentions, 2);
  const claim = brief.claims.find((x) => x.support === 2);
  assert.equal(claim?.status, 'corroborated');
});

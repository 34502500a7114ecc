import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as parseCsvStrict } from 'csv-parse/sync';
import fc from '../fast-check.js';
import { normaliseDomain, OutletDirectory, outletSupport, parseCsv, parseOutlets } from '../../src/outlets/index.js';
import { csvLine } from '../../src/render/index.js';
import type { Brief } from '../../src/types.js';
import { loadBrief } from '../render/helpers.js';

test('CSV outlets: known columns, user columns as extras, domains normalised, bad rows reported', () => {
  const csv = '\ufeffDomain,Name,Country,Owner,Kind,Rating\r\nhttps://www.Example.org/news,"Example Daily, the",US,Example Media,tabloid,3\r\nnews.example.net,Net News,DE,,wire,\r\n,Nameless,FR,,,\r\nexample.org,Example Again,US,,,\n';
  const { outlets, problems } = parseOutlets(csv, 'csv');
  assert.deepEqual(outlets, [
    { domain: 'example.org', name: 'Example Again', country: 'US', extra: {} },
    { domain: 'news.example.net', name: 'Net News', country: 'DE', kind: 'wire', extra: {} },
  ]);
  assert.equal(problems.length, 2);
  assert.match(problems[0] ?? '', /line 4: no usable domain/);
  assert.match(problems[1] ?? '', /example\.org: listed twice/);
  assert.deepEqual(parseOutlets('domain,rating\nexample.org,5\n', 'csv').outlets[0]?.extra, { rating: '5' });
  assert.match(parseOutlets('name,country\nX,Y\n', 'csv').problems[0] ?? '', /no "domain" column/);
});

test('JSON outlets: an array of records or an object of domain → record', () => {
  const a = parseOutlets('[{"domain":"bbc.co.uk","name":"BBC","country":"GB","owner":"BBC","kind":"public broadcaster","founded":1922}, 3]', 'json');
  assert.deepEqual(a.outlets, [{ domain: 'bbc.co.uk', name: 'BBC', country: 'GB', owner: 'BBC', kind: 'public broadcaster', extra: { founded: '1922' } }]);
  assert.match(a.problems[0] ?? '', /item 2: not an object/);
  const b = parseOutlets('{"tass.ru": {"name": "TASS", "country": "RU", "kind": "wire"}}', 'json');
  assert.deepEqual(b.outlets, [{ domain: 'tass.ru', name: 'TASS', country: 'RU', kind: 'wire', extra: {} }]);
  assert.match(parseOutlets('{oops', 'json').problems[0] ?? '', /^not JSON/);
});

test('domains: hosts, URLs and IDNs normalise; nonsense does not', () => {
  assert.equal(normaliseDomain(' WWW.Example.ORG. '), 'example.org');
  assert.equal(normaliseDomain('https://news.example.org:8443/a?b'), 'news.example.org');
  assert.equal(normaliseDomain('bücher.de'), 'xn--bcher-kva.de');
  assert.equal(normaliseDomain('not a domain'), undefined);
  assert.equal(normaliseDomain(''), undefined);
});

test('parseCsv reads what a strict CSV parser reads, for any fields csvLine writes', () => {
  const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é', '=', 'x'), maxLength: 12 });
  fc.assert(
    fc.property(fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
      // a row of empty fields is a blank line, which both skip
      fc.pre(rows.every((r) => r.some((f) => f !== '')) && rows.every((r) => r.every((f) => !/^[=+\-@\t\r]/.test(f))));
      const text = rows.map((r) => csvLine(r)).join('');
      assert.deepEqual(parseCsv(text), parseCsvStrict(text));
      assert.deepEqual(parseCsv(text), rows);
    }),
    { numRuns: 200, seed: 3 },
  );
});

function briefWithUrls(): Brief {
  const brief = loadBrief();
  brief.sources.forEach((s, i) => (s.url = `https://www${i}.site${i}.example/story`));
  return brief;
}

test('the directory finds a source by its host or a parent domain, else by its site name', () => {
  const dir = new OutletDirectory([
    { domain: 'site1.example', name: 'Site One', extra: {} },
    { domain: 'www2.site2.example', name: 'Deep Two', extra: {} },
    { domain: 'krone.at', name: 'Krone', extra: {} },
  ]);
  assert.equal(dir.find({ url: 'https://news.site1.example/x' })?.name, 'Site One');
  assert.equal(dir.find({ url: 'https://www2.site2.example/x' })?.name, 'Deep Two');
  assert.equal(dir.find({ siteName: 'KRONE' })?.domain, 'krone.at');
  assert.equal(dir.find({ url: 'https://example/x' }), undefined);
});

test('support by country, owner and kind counts independent groups; one-owner and one-country corroboration is flagged', () => {
  const brief = briefWithUrls();
  // Sources 1, 2, 4 (groups A, B, C) share an owner; 3 is a rewrite of 1 (group A); 5 is elsewhere and unknown.
  const dir = new OutletDirectory([
    { domain: 'site0.example', name: 'Zero', country: 'RU', owner: 'Holding', kind: 'tabloid', extra: {} },
    { domain: 'site1.example', name: 'One', country: 'RU', owner: 'Holding', kind: 'wire', extra: {} },
    { domain: 'site2.example', name: 'Two', country: 'RU', owner: 'Holding', kind: 'tabloid', extra: {} },
    { domain: 'site3.example', name: 'Three', country: 'RU', owner: 'Holding', kind: 'tabloid', extra: {} },
  ]);
  const s = outletSupport(brief, dir);
  assert.deepEqual(Object.keys(s.sources).sort(), brief.sources.slice(0, 4).map((x) => x.id).sort());
  assert.deepEqual(s.by.country.map((x) => [x.value, x.groups, x.sources.length]), [['RU', 3, 4], ['unknown', 1, 1]]);
  assert.deepEqual(s.by.kind.map((x) => [x.value, x.groups]), [['tabloid', 2], ['wire', 1], ['unknown', 1]]);
  for (const f of s.flags) {
    const claim = brief.claims.find((c) => c.id === f.claim)!;
    assert.ok(claim.independentSupport >= 2);
    const ids = new Set(claim.sources.map((x) => x.source));
    assert.ok(!ids.has(brief.sources[4]!.id), 'a claim also carried by an unknown outlet is not flagged');
  }
  const flagged = new Set(s.flags.map((f) => f.claim));
  const expected = brief.claims.filter((c) => c.independentSupport >= 2 && !c.sources.some((x) => x.source === brief.sources[4]!.id));
  assert.deepEqual([...flagged].sort(), expected.map((c) => c.id).sort());
  assert.ok(s.flags.some((f) => f.field === 'owner' && f.value === 'Holding'));
});

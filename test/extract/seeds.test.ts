import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { extract } from '../../src/extract/index.js';
import type { Article } from '../../src/types.js';

const DIR = 'examples/vostochny';

function seed(name: string): Article {
  const content = readFileSync(`${DIR}/${name}.txt`, 'utf8');
  return extract({ id: name, origin: name, format: 'text', content, contentHash: 'x' });
}

/** Furniture that must never reach the body of any seed. */
const FURNITURE = [
  /^World$/, /Sunday, June 23, 2024/, /Mon\. Dec 4th, 2023/, /HomeWorld/, /Also read/, /^Spriha Rai$/, /Recent Posts/,
  /hours ago/, /Please enter your/, /Leave a Reply/, /Share post/, /More like this/, /Stay Connected/, /Latest posts/,
  /Related articles/, /^Source/, /Sources By Agencies/, /Supreme Court/, /Vodafone/,
];

const EXPECTED: Record<string, { title: string; attribution?: string; first: string; last: string; count: number }> = {
  '000_059370087117cff7': {
    title: 'Vladimir Putin Promises Kim Jong Un To Help North Korea In Developing Satellites',
    first: 'On Wednesday, Russian President Vladimir Putin promised North Korea assistance',
    last: '“But this is quite natural for neighbouring states”, he added.',
    count: 13,
  },
  '001_9dc5474aecdbbcd6': {
    title: 'Putin Offers Satellite Launch Assistance to North Korea in Space-Focused Summit with Kim Jong Un',
    attribution: 'Agencies',
    first: 'In a notable meeting at Russia’s Vostochny Cosmodrome,',
    last: 'It underscores the evolving landscape of international diplomacy and cooperation in the modern era.',
    count: 7,
  },
  '002_3e06153a3273df8a': {
    title: 'Russia to Help North Korea Build Satellites as Putin and Kim Discuss Various Issues',
    first: 'President Vladimir Putin announced on Wednesday',
    last: 'both nations strive to deepen their relations in various strategic areas.',
    count: 6,
  },
  '003_a26a1da6f88ac7de': {
    title: 'Vladimir Putin and Kim Jong',
    attribution: 'Language Input',
    first: 'The leaders of Russia and North Korea met at the Siberian rocket launch center',
    last: 'Russian and North Korean officials denied such claims.',
    count: 20,
  },
  '004_2b244e8b02335e84': {
    title: 'Meeting in Russia – Putin promises Kim help in building satellites',
    attribution: 'Krone',
    first: 'The long-awaited meeting between Kremlin chief Vladimir Putin',
    last: 'said Joseph Dempsey, a defense researcher at the International Institute for Strategic Studies.',
    count: 6,
  },
};

for (const [name, want] of Object.entries(EXPECTED)) {
  test(`seed ${name}: title, attribution, body bounds`, () => {
    const a = seed(name);
    assert.equal(a.title, want.title);
    assert.equal(a.attribution, want.attribution);
    assert.equal(a.language, 'en');
    assert.ok(a.paragraphs[0]?.startsWith(want.first), `first paragraph: ${a.paragraphs[0]}`);
    assert.ok(a.paragraphs.at(-1)?.endsWith(want.last), `last paragraph: ${a.paragraphs.at(-1)}`);
    assert.equal(a.paragraphs.length, want.count);
    assert.equal(a.text, a.paragraphs.join('\n\n'));
  });

  test(`seed ${name}: no furniture line survives`, () => {
    const a = seed(name);
    for (const p of a.paragraphs) {
      for (const f of FURNITURE) assert.doesNotMatch(p, f, `furniture in body: ${p}`);
    }
    assert.ok(!a.paragraphs.includes(a.title), 'the title is not repeated in the body');
  });
}

test('seed 000: the author line becomes the byline, not body', () => {
  assert.equal(seed('000_059370087117cff7').byline, 'Spriha Rai');
});

test('seed 003: in-body subheadings are kept in order and marked as headings', () => {
  const a = seed('003_a26a1da6f88ac7de');
  const headings = (a.headings ?? []).map((i) => a.paragraphs[i]);
  assert.ok(headings.includes('Will Russia help North Korea build satellites?'));
  assert.ok(headings.includes('Missiles fired towards Japan'));
  assert.equal(headings.length, 8);
  for (const h of headings) assert.ok((h ?? '').split(' ').length <= 12);
});

test('seed 004: single-newline subheadings are separated from their paragraphs', () => {
  const a = seed('004_2b244e8b02335e84');
  const headings = (a.headings ?? []).map((i) => a.paragraphs[i]);
  assert.deepEqual(headings, ['Kremlin: “Cooperation in sensitive areas”', 'Military expert: North Korean ammunition wouldn’t change much']);
});

test('seed 000: a short statement ending in a full stop is body, not a heading', () => {
  const a = seed('000_059370087117cff7');
  const i = a.paragraphs.indexOf('Russian Defence Minister Sergei Shoigu is in attendance.');
  assert.ok(i > 0);
  assert.ok(!(a.headings ?? []).includes(i));
});

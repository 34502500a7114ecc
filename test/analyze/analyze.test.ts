import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/analyze/index.js';
import type { Article } from '../../src/types.js';

function article(paragraphs: string[], publishedAt?: string): Article {
  const a: Article = { id: 't', title: 'T', language: 'en', text: paragraphs.join('\n\n'), paragraphs };
  if (publishedAt !== undefined) a.publishedAt = publishedAt;
  return a;
}

test('sentences: a spaced decimal after a number or an opening bracket, or one glued to a word, ends no sentence ("9. 25", "(. 538)", "hit.358", "a loaded. 38 - caliber")', () => {
  const a = analyze(article(['He recorded a mark of 162 - 139 (. 538) in Dayton. The bus left at 9. 25 a. m. on Monday.']));
  assert.deepEqual(
    a.sentences.map((s) => s.text),
    ['He recorded a mark of 162 - 139 (. 538) in Dayton.', 'The bus left at 9. 25 a. m. on Monday.'],
  );
  // Nor does a bore's point ("a loaded. 38 - caliber revolver"), nor a point after an article ("the. 22 rifle"); a
  // pronoun may end a sentence before a figure ("kill her. 20 minutes later").
  const bore = analyze(article(['Police said a loaded. 38 - caliber revolver was found at the scene. He bought the. 22 rifle at a shop in Riverton.']));
  assert.deepEqual(
    bore.sentences.map((s) => s.text),
    ['Police said a loaded. 38 - caliber revolver was found at the scene.', 'He bought the. 22 rifle at a shop in Riverton.'],
  );
  const her = analyze(article(['He threatened to kill her. 20 minutes later, officers arrived.']));
  assert.equal(her.sentences.length, 2);
  // Nor the first stop of a spaced web address ("via www. Zorg. com").
  const web = analyze(article(['The phone will be sold via www. Zorg. com from Monday. It costs $99.']));
  assert.deepEqual(web.sentences.map((s) => s.text), ['The phone will be sold via www. Zorg. com from Monday.', 'It costs $99.']);
  // A leading decimal point glued to the word before ("hit.358") ends nothing either.
  const glued = analyze(article(['In 54 games he hit.358 with a slugging percentage of.632. He is 28.']));
  assert.deepEqual(
    glued.sentences.map((s) => s.text),
    ['In 54 games he hit.358 with a slugging percentage of.632.', 'He is 28.'],
  );
});

test('sentences: split within paragraphs, offsets index article.text, tokens and terms', () => {
  const a = analyze(article(['Dr. Smith went to the U.S. on Monday. He met officials there.', 'Second paragraph here is short.']));
  assert.equal(a.sentences.length, 3);
  for (const s of a.sentences) assert.equal(a.article.text.slice(s.start, s.end), s.text);
  assert.equal(a.sentences[2]?.paragraph, 1);
  assert.deepEqual(a.sentences[1]?.tokens, ['he', 'met', 'officials', 'there']);
  assert.ok(a.sentences[1]?.terms.includes('official'));
  assert.ok(!a.sentences[1]?.terms.includes('he'));
});

test('terms: a capitalised word inside a sentence that the tagger reads as a verb is a name, never its lemma ("Drew" is no "draw")', () => {
  const a = analyze(article(['The coach said quarterback Drew Brees will start on Sunday.']));
  const body = a.sentences[0]?.terms ?? [];
  assert.ok(!body.includes('draw'), JSON.stringify(body));
  // The first word of a sentence, and a headline in title case, keep their lemmas.
  assert.ok(analyze(article(['Drew the short straw, he said.'])).sentences[0]?.terms.includes('draw'));
});

test('terms: a phrase that only frames a sentence ("in the end", "in fact") is no term of it', () => {
  const terms = analyze(article(['In the end, the money mattered less than the team.'])).sentences[0]?.terms ?? [];
  assert.ok(!terms.includes('end') && terms.includes('money'), JSON.stringify(terms));
  assert.ok(analyze(article(['The end of the season came early.'])).sentences[0]?.terms.includes('end'));
  // A noun after the words makes them a phrase of their own: "in the end zone".
  assert.ok(analyze(article(['He caught the ball in the end zone for a touchdown.'])).sentences[0]?.terms.includes('end'));
});

test('numbers: a whole number and a vulgar fraction are one figure ("7½ minutes", "2 ½ hours")', () => {
  const a = analyze(article(['He had 10 points in the first 7½ minutes, and the storm lasted 2 ½ hours.']));
  assert.deepEqual(a.numbers.map((n) => [n.value, n.unit]), [[10, ''], [450, 'second'], [2.5, 'hour']]);
});

test('numbers: a height in feet and inches is one figure ("6-foot-8"), and pounds before a name weigh', () => {
  const a = analyze(article(['The 6 - foot - 8, 225 - pound forward and the 6-foot-9, 260-pound Lee met a 6-foot-2-inch guard.']));
  assert.deepEqual(
    a.numbers.map((n) => [n.text, Math.round(n.value * 1000) / 1000, n.unit]),
    [['6 - foot - 8', 2.032, 'metre'], ['225 - pound', 102.06, 'kilogram'], ['6-foot-9', 2.057, 'metre'], ['260-pound', 117.936, 'kilogram'], ['6-foot-2-inch', 1.88, 'metre']],
  );
  // "feet" followed by a dash and a count is no height: the count stays its own.
  assert.deepEqual(analyze(article(['He fell 30 feet - 8 of them onto rocks.'])).numbers.map((n) => n.value), [9.144, 8]);
});

test('headings (no verb, or a lone unpunctuated line) are marked', () => {
  const a = analyze(article(['Military expert: North Korean ammunition', 'The expert said the war would go on for years.']));
  assert.equal(a.sentences[0]?.kind, 'heading');
  assert.equal(a.sentences[1]?.kind, 'body');
});

test('numbers: units normalised, hedges, word numbers, ranges, what they count', () => {
  const a = analyze(article([
    'Putin shook his hand for almost 40 seconds. The 42.7-metre rocket is assembled here. It stands at 42.7 meters tall.',
    'Russia fired between ten and eleven million bullets last year. North Korea launched two ballistic missiles. The deal is worth $5m.',
  ]));
  const by = (t: RegExp) => a.numbers.find((n) => t.test(n.text));
  assert.deepEqual({ v: by(/40/)?.value, u: by(/40/)?.unit, ap: by(/40/)?.approximate }, { v: 40, u: 'second', ap: true });
  const m = a.numbers.filter((n) => n.unit === 'metre');
  assert.equal(m.length, 2);
  assert.ok(m.every((n) => n.value === 42.7 && !n.approximate));
  assert.equal(m[0]?.counts, 'rocket');
  const range = by(/eleven/);
  assert.equal(range?.value, 10_000_000);
  assert.equal(range?.max, 11_000_000);
  assert.equal(range?.counts, 'bullet');
  assert.deepEqual({ v: by(/two/)?.value, c: by(/two/)?.counts }, { v: 2, c: 'missile' });
  assert.deepEqual({ v: by(/5m/)?.value, u: by(/5m/)?.unit }, { v: 5_000_000, u: 'usd' });
});

test('numbers: "two more rebounds" counts rebounds; "three more than" counts nothing', () => {
  const a = analyze(article(['The guard took two more rebounds in the last minute. The club won three more than a year ago. Police said four more died in hospital.']));
  const by = (t: RegExp) => a.numbers.find((n) => t.test(n.text));
  assert.equal(by(/two/)?.counts, 'rebound');
  assert.equal(by(/three/)?.counts, undefined);
  assert.equal(by(/four/)?.counts, undefined);
});

test('quotes: speaker after or before, colon form, pronoun resolved to the last named person', () => {
  const a = analyze(article([
    '“I am glad to see you”, Putin remarked as he shook Kim’s hand.',
    'Kremlin spokesman Dmitry Peskov said: “Our countries are cooperating in sensitive areas.”',
    '“But this is quite natural for neighbouring states”, he added.',
    '"Access to these supplies is likely to prolong the conflict," said Joseph Dempsey, a defense researcher.',
  ]));
  const q = (re: RegExp) => a.quotes.find((x) => re.test(x.text));
  assert.equal(q(/glad/)?.speakerText, 'Putin');
  assert.equal(q(/sensitive/)?.speaker, 'dmitry peskov');
  assert.equal(q(/natural/)?.speaker, 'dmitry peskov');
  assert.equal(q(/prolong/)?.speaker, 'joseph dempsey');
  assert.equal(q(/prolong/)?.text, 'Access to these supplies is likely to prolong the conflict');
});

test('entities: "to" cues a place only after a word of going; a state set off by commas after a cued town is a place', () => {
  const a = analyze(article([
    'The Hawks made an eight-year offer to Teixeira on Friday, and the Owls made one to Teixeira too.',
    'Later the team flew to Wexmoor to meet him, after a trip from Huntsville, Texas, on Thursday.',
    'In Seattle, Teixeira and his agent spoke to reporters.',
  ]));
  const type = (text: string) => a.entities.find((e) => e.text === text)?.type;
  assert.notEqual(type('Teixeira'), 'place');
  assert.equal(type('Wexmoor'), 'place');
  assert.equal(type('Texas'), 'place');
});

test('entities: aliases share a key, types from titles and head nouns', () => {
  const a = analyze(article([
    'North Korean leader Kim Jong-un met President Vladimir Putin at the Vostochny Cosmodrome.',
    'Kim Jong Un thanked Putin. Kim later visited the Korean Central News Agency (KCNA) office of the Space Science and Technology Committee.',
  ]));
  const keys = new Set(a.entities.filter((e) => /^Kim/.test(e.text)).map((e) => e.key));
  assert.deepEqual([...keys], ['kim jong un']);
  const type = (k: string) => a.entities.find((e) => e.key === k)?.type;
  assert.equal(type('kim jong un'), 'person');
  assert.equal(type('vladimir putin'), 'person');
  assert.equal(a.entities.find((e) => e.text === 'Putin')?.key, 'vladimir putin');
  assert.equal(type('vostochny cosmodrome'), 'place');
  assert.equal(a.entities.find((e) => e.text === 'KCNA')?.key, 'korean central news agency');
  assert.equal(type('space science and technology committee'), 'organization');
  assert.ok(!a.entities.some((e) => /^North Korean$/.test(e.text)), 'a demonym is not an entity');
  // A name that ends in the kind of a venue names a place, never a person; a clinic is a body, as a hospital is.
  const shop = analyze(article(['Police arrested Ann Lee in the killings of two women at the Ice Cream Shop in 1967.']));
  assert.equal(shop.entities.find((e) => e.text === 'Ice Cream Shop')?.type, 'place');
  const clinic = analyze(article(['Ann Lee checked into the Rose Hill Clinic on Monday.']));
  assert.equal(clinic.entities.find((e) => e.text === 'Rose Hill Clinic')?.type, 'organization');
  // A place's name of two words a prefix of place opens, followed by a plural, is a team or a body; a plural that is
  // part of a place's name is not; a person named like a place is still a person.
  const teams = analyze(article(['The New York Yankees and the Los Angeles Angels met in New Orleans and Las Vegas, Jordan Matthews said.']));
  const typeOf = (text: string) => teams.entities.find((e) => e.text === text)?.type;
  for (const team of ['New York Yankees', 'Los Angeles Angels']) assert.equal(typeOf(team), 'organization', team);
  for (const place of ['New Orleans', 'Las Vegas']) assert.equal(typeOf(place), 'place', place);
  assert.equal(typeOf('Jordan Matthews'), 'person');
  // After a word of place it is the place: "in New South Wales".
  assert.equal(analyze(article(['Bushfires destroyed 40 homes in New South Wales on Tuesday.'])).entities.find((e) => e.text === 'New South Wales')?.type, 'place');
  // A name that "a" or "an" opens and that ends its phrase is a kind of person, not somebody; one the noun after it
  // heads ("a Rose Hill Clinic nurse") is typed as without the article.
  const kinds = analyze(article(['Jo Fry now has 1,204 career points as a Blue Devil.', 'Tom Fry, a Rose Hill Clinic nurse and a Green Bay native, coached her.']));
  const kindOf = (text: string) => kinds.entities.find((e) => e.text === text)?.type;
  assert.notEqual(kindOf('Blue Devil'), 'person');
  assert.equal(kindOf('Jo Fry'), 'person');
  assert.equal(kindOf('Tom Fry'), 'person');
  assert.equal(kindOf('Rose Hill Clinic'), 'organization');
  assert.equal(kindOf('Green Bay'), 'place');
  const fact = (kinds.facts ?? []).find((f) => f.value.text === '1,204');
  assert.equal(fact?.holder, 'jo fry');
  // Only that mention's shape is silent: the name written plainly elsewhere is still a person's.
  const twice = analyze(article(['Police said a John Smith, 42, was arrested on Tuesday.', 'John Smith denied the charge.']));
  assert.equal(twice.entities.find((e) => e.key === 'john smith')?.type, 'person');
  assert.ok(!(fact?.participants ?? []).includes('blue devil'), 'the kind is nobody taking part');
  // A name "the" opens that modifies the noun after it is no place for the preposition before it: "in the Corvallo
  // sweepstakes" is about the sweepstakes ("in the Dornby area" still puts Dornby, an area's name, in a place).
  const modifier = analyze(article(['The Hawks made an offer to Jim Corvallo.', 'The Bears are in the Corvallo sweepstakes too.', 'Fires burned in the Dornby area and in the Kelso Valley today.']));
  const typed = (text: string) => modifier.entities.find((e) => e.text === text)?.type;
  assert.equal(typed('Jim Corvallo'), 'person');
  assert.equal(typed('Dornby'), 'place');
  assert.equal(typed('Kelso Valley'), 'place');
  // A place written only before a noun stays a place ("at the Dornby market", "in the Kelso Bay protests"): only a
  // name that other mentions type as someone or a body loses the preposition's vote.
  const placesOnly = analyze(article(['A bomber killed 14 people at the Dornby market on Friday.', 'Police arrested 40 people in the Kelso Bay protests.']));
  const placeOf = (text: string) => placesOnly.entities.find((e) => e.text === text)?.type;
  assert.equal(placeOf('Dornby'), 'place');
  assert.equal(placeOf('Kelso Bay'), 'place');
});

test('dates: relative dates resolved against publishedAt', () => {
  // 2023-09-13 was a Wednesday.
  const a = analyze(article(['On Wednesday, Putin met Kim, who crossed the border early Tuesday. The country was founded in 1948. Talks resume next Monday.'], '2023-09-13T10:00:00Z'));
  const d = (re: RegExp) => a.dates.find((x) => re.test(x.text))?.iso;
  assert.equal(d(/Wednesday/), '2023-09-13');
  assert.equal(d(/Tuesday/), '2023-09-12');
  assert.equal(d(/1948/), '1948');
  assert.equal(d(/Monday/), '2023-09-18');
  const none = analyze(article(['On Wednesday, Putin met Kim.']));
  assert.equal(none.dates[0]?.iso, undefined);
  assert.ok(!a.numbers.some((n) => n.value === 1948), 'a year is a date, not a quantity');
});

test('clauses: a sentence joining two statements is split, a shared subject or a quote is not', () => {
  const a = analyze(article([
    'The US has accused North Korea of supplying weapons to Russia, but it is unclear whether any supplies have occurred.',
    'Both countries have refuted the allegations, but have committed to strengthening defence cooperation.',
    'Putin said: “The leader shows great interest in rocket engineering; they are also trying to develop space.”',
  ]));
  const [split, shared, quoted] = a.sentences;
  assert.deepEqual(split?.clauses?.map((c) => a.article.text.slice(c.start, c.end)), [
    'The US has accused North Korea of supplying weapons to Russia',
    'it is unclear whether any supplies have occurred.',
  ]);
  assert.ok(split?.clauses?.[0]?.terms.includes('accuse'));
  assert.equal(shared?.clauses, undefined);
  assert.equal(quoted?.clauses, undefined);
});

test('quotes: "according to", "quoted X as saying" and a continuing quote', () => {
  const a = analyze(article([
    '"The missiles probably fell into the sea," according to Japan\'s coast guard.',
    'State media quoted President Vladimir Putin as saying, “That’s why we have come here.”',
    '“I’m glad to see you,” Putin said as he shook Kim’s hand. “This is our new cosmodrome.”',
  ]));
  const q = (re: RegExp) => a.quotes.find((x) => re.test(x.text));
  assert.match(q(/missiles/)?.speakerText ?? '', /coast guard|Japan/);
  assert.equal(q(/come here/)?.speaker, 'vladimir putin');
  assert.equal(q(/cosmodrome/)?.speaker, 'vladimir putin');
});

test('entities: a capitalised function word opening a quoted sentence is not a name; acronyms stay', () => {
  const a = analyze(article(['Putin responded, “That’s why we came here. The leader of the DPRK shows great interest.” The US disagreed.']));
  const keys = a.entities.map((e) => e.key);
  assert.ok(!keys.includes('the'));
  assert.ok(keys.includes('dprk'));
  assert.ok(keys.includes('us'));
});

test('numbers: an age records whose it is', () => {
  const a = analyze(article(['Police say a man told the 36-year-old driver to stop, but he hit a 66-year-old woman.']));
  const ages = a.numbers.filter((n) => n.unit === 'year').map((n) => [n.value, n.counts]);
  assert.deepEqual(ages, [
    [36, 'driver'],
    [66, 'woman'],
  ]);
});

test('numbers: clock times are not quantities', () => {
  const a = analyze(article(['The planes attacked at 2:53 p.m. local time, and witnesses heard three explosions at 3 p.m. on Thursday.']));
  assert.deepEqual(a.numbers.map((n) => n.value), [3]);
});

test('paragraphs that extraction marked as subheadings are headings, even when they read like statements', () => {
  const paragraphs = ['Russia will help North Korea build satellites, Putin said on Wednesday.', 'Putin promises help.', 'Kim toured the launch site with Putin.'];
  const plain = analyze(article(paragraphs));
  assert.equal(plain.sentences.find((s) => s.paragraph === 1)?.kind, 'body');
  const marked = analyze({ ...article(paragraphs), headings: [1] });
  assert.equal(marked.sentences.find((s) => s.paragraph === 1)?.kind, 'heading');
  assert.equal(marked.sentences.find((s) => s.paragraph === 2)?.kind, 'body');
});

test('entities: a position in capitals before a full name ("Hawks RB Tom Fry", "league MVP Ann Lee") is no part of the name; a company named so stays whole', () => {
  const a = analyze(article(['Hawks RB Tom Fry missed practice on Monday, and league MVP Ann Lee said she would play.', 'The deal with GM Korea closed on Friday.', 'GM South Africa said it would follow, and CB Richard Ellis said the market was weak.']));
  const keys = a.entities.map((e) => e.key);
  assert.ok(keys.includes('tom fry'), JSON.stringify(keys));
  assert.ok(keys.includes('ann lee'), JSON.stringify(keys));
  assert.ok(!keys.some((k) => /\brb\b|\bmvp\b/.test(k)), JSON.stringify(keys));
  assert.ok(keys.includes('gm korea'), JSON.stringify(keys));
  // Letters that also open companies' names split a name only after whose they are ("Angels GM Tony Reagins"); a country is no person.
  assert.ok(keys.includes('gm south africa') && keys.includes('cb richard ellis'), JSON.stringify(keys));
  assert.ok(analyze(article(['Angels GM Tony Reagins confirmed the offer on Friday.'])).entities.some((e) => e.key === 'tony reagins'));
});

test('entities: a name whose last word heads a contest or a prize ("the Super Bowl", "the World Cup") is nobody', () => {
  const a = analyze(article(['Tom Fry won the Super Bowl last year, and Ann Lee played in the World Cup and the Monaco Grand Prix.']));
  for (const text of ['Super Bowl', 'World Cup', 'Monaco Grand Prix']) assert.notEqual(a.entities.find((e) => e.text === text)?.type, 'person', text);
  assert.equal(a.entities.find((e) => e.text === 'Tom Fry')?.type, 'person');
});

test('in a headline in title case, a word the article writes in lower case in any form ends a name: "Fire Coach Jim Lee, Hire Tom Hale" beside "fired", "hired"', () => {
  const text = 'Riverton Owls Fire Coach Jim Lee, Hire Tom Hale\nThe Owls fired coach Jim Lee on Monday and hired Tom Hale, who had coached in Oakdale.';
  const a = analyze({ id: 'a', title: '', language: 'en', text, paragraphs: text.split('\n') });
  const names = a.entities.map((e) => e.text);
  assert.ok(names.includes('Tom Hale'), names.join(' | '));
  assert.ok(!names.some((n) => /\bHire\b|\bFire\b/.test(n)), names.join(' | '));
});

test('in a headline in title case, a capitalised run that ends in a name the article writes elsewhere is that name: "Riverton Owls Name Tom Hale as Head Coach"', () => {
  const text = 'Riverton Owls Name Tom Hale as Head Coach\nTom Hale was introduced as the 21st head coach of the Owls.';
  const a = analyze({ id: 'a', title: '', language: 'en', text, paragraphs: text.split('\n') });
  const names = a.entities.map((e) => e.text);
  assert.deepEqual(names.filter((n) => n.includes('Hale')), ['Tom Hale', 'Tom Hale']);
});

test('in a headline in title case, a capitalised run that opens with a name the article writes elsewhere is that name: "Acme Launches Emergency Patch" is Acme, who speaks for itself after', () => {
  const text = 'Acme Launches Emergency Patch for Browsers\nThe maker, Acme, has just released a new update for its browser.\n“This will help prevent exploitation but may affect usability,” Acme said.';
  const a = analyze({ id: 'a', title: '', language: 'en', text, paragraphs: text.split('\n') });
  assert.ok(!a.entities.some((e) => e.text.includes('Launches')), a.entities.map((e) => e.text).join(' | '));
  assert.deepEqual(a.quotes.map((q) => q.speaker), ['acme']);
});

test('entities: a word that opens a hyphened compound ("All - American", "All-Star") ends no name', () => {
  const a = analyze(article(['He spoke with former Riverton All - American Tom Fry on Tuesday.', 'The team signed Riverton All-Star Ann Lee, and Hewlett - Packard sponsored the game.']));
  const names = a.entities.map((e) => e.text);
  assert.ok(names.includes('Riverton') && names.includes('Tom Fry') && names.includes('Ann Lee'), JSON.stringify(names));
  assert.ok(!names.some((n) => /\bAll$/.test(n)), JSON.stringify(names));
  // (Only such words: a name before a hyphen stays, as much of it as the name-finder reads: "Hewlett" of "Hewlett - Packard".)
  assert.ok(names.some((n) => n.startsWith('Hewlett')), JSON.stringify(names));
});

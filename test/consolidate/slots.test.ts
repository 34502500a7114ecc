import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/analyze/index.js';
import { consolidate } from '../../src/consolidate/index.js';
import { indexEntities } from '../../src/consolidate/entities.js';
import { factClaims } from '../../src/consolidate/facts.js';
import { readsAlone, shownSide } from '../../src/consolidate/summary.js';
import { oneDigitApart, valuesAgree } from '../../src/consolidate/values.js';
import type { AnalyzedArticle, Brief, FactValue, Relations } from '../../src/types.js';

/**
 * Alignment by slot and the conflicts it finds, one rule at a time, on
 * made-up reports: what makes two facts one slot, when their values
 * dispute, and the look-alike traps that must not.
 */

function art(id: string, text: string, publishedAt?: string): AnalyzedArticle {
  const paragraphs = text.split(/\n\n/);
  return analyze({ id, title: `Report ${id}`, language: 'en', text, paragraphs, ...(publishedAt !== undefined ? { publishedAt } : {}) });
}

function brief(...articles: AnalyzedArticle[]): Brief {
  const relations: Relations = { edges: [], groups: articles.map((a) => ({ id: a.article.id, members: [a.article.id] })) };
  return consolidate(articles, relations);
}

/** The facts read from one made-up sentence. */
const analyzeFacts = (text: string): NonNullable<AnalyzedArticle['facts']> => art('x', text).facts ?? [];

const disputes = (b: Brief): Brief['claims'][number]['conflicts'] => b.claims.flatMap((c) => c.conflicts).filter((k, i, all) => all.indexOf(k) === i);
/** How many disputes the brief of made-up reports, one sentence or a few each, raises. */
const disputeCount = (...texts: string[]): number => disputes(brief(...texts.map((t, i) => art(String.fromCharCode(97 + i), t)))).length;

test('paraphrased reports of one figure are one corroborated slot: seized, confiscated, were recovered', () => {
  const b = brief(
    art('a', 'Police seized seven rifles from the house on Monday.'),
    art('b', 'Officers confiscated seven rifles in the raid.'),
    art('c', 'Seven rifles were recovered by the police.'),
  );
  const c = b.claims.find((x) => x.about === 'number of rifles seized');
  assert.ok(c, JSON.stringify(b.claims.map((x) => x.about)));
  assert.deepEqual(c.sources.map((s) => s.source), ['a', 'b', 'c']);
  assert.equal(c.status, 'corroborated');
  assert.deepEqual(c.facts?.map((f) => [f.source, f.predicate, f.thing, f.value]), [
    ['a', 'seize', 'rifle', 'seven'],
    ['b', 'seize', 'rifle', 'seven'],
    ['c', 'seize', 'rifle', 'Seven'],
  ]);
});

test('different figures of one slot dispute, each value with its sources, named in words', () => {
  const b = brief(art('a', 'Police seized seven rifles from the house.'), art('b', 'Officers confiscated seven rifles in the raid.'), art('c', 'Police seized 12 rifles from the house.'));
  const [k, ...rest] = disputes(b);
  assert.equal(rest.length, 0);
  assert.equal(k?.about, 'number of rifles seized');
  assert.equal(k?.kind, 'contradiction');
  assert.deepEqual(k?.values, [
    { value: 'seven', sources: ['a', 'b'] },
    { value: '12', sources: ['c'] },
  ]);
});

test('hedges: "about a dozen" is not 14; 40 dead is not 43 dead', () => {
  assert.equal(disputes(brief(art('a', 'Pirates still hold about a dozen ships off the coast.'), art('b', 'Pirates still hold 14 ships off the coast.'))).length, 0);
  assert.equal(disputes(brief(art('a', 'The attack on the market killed 40 people.'), art('b', 'The attack on the market killed 43 people.'))).length, 1);
});

test('traps: a running total is not the figure of one raid', () => {
  const b = brief(art('a', 'During the raid, agents seized six rifles.'), art('b', 'In their five raids so far, agents have seized 14 rifles.'));
  assert.equal(disputes(b).length, 0);
});

test('traps: two sets told apart by a nationality, "other", a model name or a description', () => {
  assert.equal(disputes(brief(art('a', 'The navy captured 12 Somali pirates at sea.'), art('b', 'The navy captured 11 Yemeni pirates at sea.'))).length, 0);
  assert.equal(disputes(brief(art('a', 'Police seized seven AK-47 rifles in the raid.'), art('b', 'Police seized two other rifles in the raid.'))).length, 0);
  assert.equal(disputes(brief(art('a', 'Police seized nine assault rifles in the raid.'), art('b', 'Police seized three machine guns in the raid.'))).length, 0);
  // The set named more narrowly may be a part: "12 Somali pirates" does not deny "23 pirates".
  assert.equal(disputes(brief(art('a', 'The navy captured 23 pirates at sea.'), art('b', 'The navy captured 12 Somali pirates at sea.'))).length, 0);
});

test('traps: other events of one thing — landed and thrown, a school and a war, another place, another attack', () => {
  assert.equal(disputes(brief(art('a', 'Carlos Jones landed 178 punches in the fight.'), art('b', 'Carlos Jones threw 369 punches in the fight.'))).length, 0);
  assert.equal(disputes(brief(art('a', 'The strike killed 40 people at the school.'), art('b', 'The war has killed 600 people.'))).length, 0);
  assert.equal(disputes(brief(art('a', 'A shell killed 12 people in Beit Hanoun on Monday.'), art('b', 'A shell killed 16 people in Khan Younis on Monday.'))).length, 0);
  assert.equal(
    disputes(brief(art('a', 'Shelling of houses left at least five dead and 16 injured.'), art('b', 'At least 43 people were killed and 55 injured in the school.'))).length,
    0,
    'five and 43 dead: two attacks, whatever their injured',
  );
});

test('traps: different people, or a person only described, take part in no dispute', () => {
  assert.equal(disputes(brief(art('a', 'Tom Smith scored two goals in the final.'), art('b', 'Dan Jones scored three goals in the final.'))).length, 0);
  assert.equal(disputes(brief(art('a', 'Tom Smith scored two goals in the final.'), art('b', 'The 23-year-old scored three goals in the final.'))).length, 0);
  assert.equal(disputes(brief(art('a', 'Tom Smith scored two goals in the final.'), art('b', 'Tom Smith scored three goals in the final.'))).length, 1);
});

test('homes, ranks and colours dispute for one named holder; a state or a borough denies no town', () => {
  const home = disputes(brief(art('a', 'Police arrested Maria Lopez, 44, of Dayton, on Monday.'), art('b', 'Officers stopped Maria Lopez, 44, of Akron, on Monday.')));
  assert.deepEqual(home.map((k) => [k.about, k.values.map((v) => v.value)]), [['where Maria Lopez lives', ['Dayton', 'Akron']]]);
  assert.equal(disputes(brief(art('a', 'Police arrested Maria Lopez, 44, of Dayton, on Monday.'), art('b', 'Officers stopped Maria Lopez, 44, of Ohio, on Monday.'))).length, 0);
  const rank = disputes(brief(art('a', 'The raid was led by Commander Nirad Singh of the navy.'), art('b', 'The raid was led by Commodore Nirad Singh of the navy.')));
  assert.deepEqual(rank.map((k) => k.about), ['rank of Nirad Singh']);
  assert.equal(disputes(brief(art('a', 'The raid was led by Admiral Ruth Ames.'), art('b', 'The raid was led by Vice Admiral Ruth Ames.'))).length, 0);
  const colour = disputes(brief(art('a', 'The victim was hit by a blue Ford Focus that sped away.'), art('b', 'The victim was hit by a red Ford Focus that sped away.')));
  assert.deepEqual(colour.map((k) => k.about), ['colour of Ford Focus']);
});

test('times: hedges widen, round times widen more', () => {
  const time = (x: string, y: string): number => disputes(brief(art('a', `The fire broke out in the roof at ${x} on Friday.`), art('b', `The fire broke out in the roof at ${y} on Friday.`))).length;
  assert.equal(time('9.12pm', 'about 9.20pm'), 1);
  assert.equal(time('about 9.15pm', '9.17pm'), 0);
  assert.equal(time('around 9pm', '8.50pm'), 0);
});

test('days: one night told from either side of midnight agrees; dates weeks apart are two events', () => {
  const day = (x: string, y: string): number =>
    disputes(brief(art('a', `A warship foiled a pirate attack on merchant ships ${x}.`), art('b', `A warship foiled a pirate attack on merchant ships ${y}.`))).length;
  assert.equal(day('on Thursday', 'on Friday'), 1);
  assert.equal(day('late Thursday night', 'early Friday morning'), 0);
  assert.equal(day('on March 2', 'on June 8'), 0);
  // Only both ends pointing at that midnight make one day reported twice: "Thursday night" beside "Friday" denies
  // nothing, and corroborates nothing either.
  const both = (x: string, y: string): Brief['claims'] =>
    brief(art('a', `A warship foiled a pirate attack on merchant ships ${x}.`), art('b', `A warship foiled a pirate attack on merchant ships ${y}.`)).claims.filter((c) => c.facts?.some((f) => f.kind === 'day'));
  const midnight = both('late Thursday night', 'early Friday morning');
  assert.deepEqual(midnight.map((c) => [c.status, c.support]), [['corroborated', 2]]);
  // (Its wording names neither day, "late" and "early" included: "… on merchant ships.")
  assert.equal(midnight[0]?.text, 'A warship foiled a pirate attack on merchant ships.');
  assert.deepEqual(both('on Thursday night', 'on Friday').map((c) => c.status), []);
  // (A "late" that a source without the day says too is no part of the day: "took off two hours late".)
  const flight = brief(art('a', 'The flight from Boston to Kelso took off two hours late Friday because of fog.'), art('b', 'The flight from Boston to Kelso took off two hours late because of fog, the airline said.'));
  assert.ok(flight.claims.some((c) => c.support === 2 && /two hours late because/.test(c.text)), JSON.stringify(flight.claims.map((c) => [c.text, c.support])));
});

test('bounds: a round bound is its figure rounded down ("at least 70" is 70 to 80, not "about 100"); two minimums of a running total are revised figures', () => {
  const injured = (x: string, y: string): number => disputes(brief(art('a', `The storm left ${x} people injured in the port.`), art('b', `The storm left ${y} people injured in the port.`))).length;
  assert.equal(injured('at least 40', 'about 60'), 1);
  assert.equal(injured('more than 300', '520'), 1);
  assert.equal(injured('at least 40', '47'), 0);
  assert.equal(injured('more than 300', 'nearly 400'), 0, 'a hedge from below reaches the bound\'s range');
  assert.equal(injured('at least 40', '35'), 1, 'a figure below a minimum denies it');
  const toll = disputes(brief(art('a', 'More than 600 Palestinians have been killed so far.'), art('b', 'More than 640 Palestinians have been killed so far.')));
  assert.equal(toll.length, 1);
});

test('records: one person\'s records over one stretch dispute; over different stretches, or in brackets beside a stretch of the sentence, they do not', () => {
  const records = (x: string, y: string): string[] => disputes(brief(art('a', x), art('b', y))).map((k) => k.values.map((v) => v.value).join(' / '));
  assert.deepEqual(records('Ann Lee is 22-30 in two seasons with the Hawks.', 'Ann Lee compiled a 25-27 record in two seasons with the Hawks.'), ['22-30 / 25-27']);
  assert.deepEqual(records('Ann Lee is 22-30 in two seasons as head coach.', 'Ann Lee has a career record of 80-90 as a head coach.'), []);
  // Different narrowing phrases are different stretches, whatever their preposition.
  assert.deepEqual(records('Coach Dana Ruiz is 5-1 in the playoffs.', 'Coach Dana Ruiz is 29-11 in conference play.'), []);
  assert.deepEqual(records('Coach Dana Ruiz is 41-19 with the Falcons, the school said on Monday.', 'Coach Dana Ruiz (212-140) signed a new contract on Monday.'), []);
  assert.deepEqual(records('Since his loss in May, Tom Fry has gone 4-2-1 against club fighters.', 'Tom Fry (45-7-2, 36 KOs) lost to Carlos Jones in the seventh round.'), []);
  assert.deepEqual(records('Tom Fry (45-7-2, 36 KOs) had been training in Spain since June.', 'Tom Fry (43-7-2) lost to Carlos Jones in the seventh round.'), ['45-7-2 / 43-7-2']);
});

test('two days given for the news of one deal dispute, read as the day it was announced', () => {
  const b = brief(
    art('a', 'Acme Corp on Monday said it has agreed to buy Zeta Systems, a software company.'),
    art('b', 'Acme Corp announced on Tuesday that it has signed a definitive agreement to acquire Zeta Systems, a software firm.'),
  );
  assert.deepEqual(disputes(b).map((k) => [k.about, k.values.map((v) => v.value).sort()]), [['day the purchase of the company was announced', ['Monday', 'Tuesday']]]);
});

test('a surname alone is the story’s person when its facts are placed: "Vance now has 2,302 points" / "Vance now has 2,301 points" dispute', () => {
  const b = brief(
    art('a', 'His father, Gene Vance, watched from the stands as Tyler Vance broke the school scoring record on Thursday. Vance now has 2,302 points.'),
    art('b', 'Tyler Vance scored 20 points in the win over Dayton. Vance now has 2,301 points.'),
    art('c', 'Tyler Vance became the school’s leading scorer against Dayton.'),
  );
  assert.deepEqual(disputes(b).map((k) => k.values.map((v) => v.value).sort()), [['2,301', '2,302']]);
});

test('a figure in the first minutes of a game is a part of it ("10 points in the first 7½ minutes"), no dispute with the game’s', () => {
  const b = brief(art('a', 'Ann Lee had 10 points in the first 7 ½ minutes of the game against Dayton.'), art('b', 'Ann Lee led all players with 23 points against Dayton.'));
  assert.equal(disputes(b).length, 0);
});

test('a record a possessor holds ("Fry’s scoring record of 2,116 points", "… of 2,106" after "needing 11 points") is that person’s total: two figures dispute', () => {
  const b = brief(
    art('a', 'Ann Lee broke Tom Fry’s school scoring record of 2,116 points with a free throw against Dayton.'),
    art('b', 'Ann Lee came in needing 11 points to break Tom Fry’s scoring record of 2,106.'),
  );
  assert.deepEqual(disputes(b).map((k) => k.values.map((v) => v.value).sort()), [['2,106', '2,116']]);
  // A crowd of 22,000 is still a count of the crowd.
  assert.equal(analyze({ id: 'x', title: 'T', language: 'en', text: 'A crowd of 22,000 watched.', paragraphs: ['A crowd of 22,000 watched.'] }).facts?.[0]?.thing, 'crowd');
});

test('review mends: a figure within a round bound, a bound written to its last digit, a converted measure, a running total: no dispute', () => {
  const n = disputeCount;
  assert.equal(n('At least 70 people have been killed so far in the clashes in the capital.', 'Seventy-four people have been killed so far in the clashes in the capital.'), 0);
  assert.equal(n('At least 12 people were killed in the blast at the market.', 'Fourteen people were killed in the blast at the market.'), 0);
  assert.equal(n('The boat was seized more than 100 miles off the coast.', 'The boat was seized 130 miles off the coast.'), 0);
  // Sums keep their rounding: "more than $300 million" is not "$520 million"; converted lengths do not ("more than 100 miles").
  const usd = (text: string, number: number, lowerBound = false): FactValue => ({ text, number, unit: 'usd', ...(lowerBound ? { lowerBound } : {}) });
  assert.equal(valuesAgree('measure', usd('more than $300 million', 300e6, true), usd('$520 million', 520e6)), false);
  assert.equal(valuesAgree('measure', usd('more than $300 million', 300e6, true), usd('$350 million', 350e6)), true);
});

test('review mends: records over the stretch their own phrase gives, a lead or a run is no record, a team after "the" holds its own', () => {
  const n = disputeCount;
  assert.equal(n('Coach Mike Lee is 22-30 this season and has a 400-250 career record.', 'Coach Mike Lee has a 400-250 career record and is 22-30 this season.'), 0);
  assert.equal(n('Coach Tom Lee started his career in Portland, where he finished 162-139.', 'Coach Tom Lee has a 300-250 career record.'), 0);
  for (const part of ['is 5-1 in the playoffs', 'is 10-4 against Duke', 'was 9-3 as a starter', 'is 30-22 over the past two seasons']) {
    assert.equal(n(`Coach Ann Lee ${part}.`, 'Coach Ann Lee (60-40) spoke on Friday.'), 0, part);
  }
  const records = (t: string): string[] => (analyze({ id: 'x', title: 'T', language: 'en', text: t, paragraphs: [t] }).facts ?? []).filter((f) => f.kind === 'record').map((f) => `${f.value.text}:${f.holder}`);
  assert.deepEqual(records('Serena Vale took a 4-1 lead in the final set.'), []);
  assert.deepEqual(records('Tom Lee hit a late basket and the Heat improved to 52-3.'), []);
  assert.deepEqual(records('Tom Fry, the mandatory challenger named by the league, fell to 36-3 (24 KOs).'), ['36-3:tom fry']);
});

test('review mends: a 10-point lead is a figure; one whole figure beside a sentence of two is no apartness; a reported day is another fact than the event’s', () => {
  const corroborated = (x: string, y: string): number => brief(art('a', x), art('b', y)).claims.filter((c) => c.status === 'corroborated').length;
  assert.equal(corroborated('Obama’s 10-point lead in Ohio shrank after the debate, the poll found.', 'Obama led by 12 points in Ohio before the debate, the poll found.'), 0);
  assert.equal(corroborated('Tom Lee had 30 points against Duke on Saturday.', 'Tom Lee scored 30 against Duke on Saturday, two points shy of his career high of 32 points.'), 1);
  const n = disputeCount;
  assert.equal(n('Police said Tuesday they have arrested two men in the robbery.', 'Police arrested two men in the robbery on Sunday.'), 0);
  assert.equal(n('Acme Corp said Monday it has agreed to buy Zeta Systems, a software company.', 'Acme Corp said Friday it has agreed to buy the printing business of Omni Corp.'), 0);
  assert.equal(n('The storm that hit Florida Sunday killed 12 people.', 'The storm hit Florida on Sunday and killed 12 people on Monday.'), 0);
  // A minimum and a figure beyond it in sentences naming different places, on one day: two events, neither disputed nor corroborated.
  const two = brief(art('a', 'At least 40 people were killed in the bombing of a market in Baghdad on Monday.'), art('b', 'About 100 people were killed in a wave of bombings across Iraq on Monday.'));
  assert.equal(disputes(two).length, 0);
  assert.equal(two.claims.filter((c) => c.status === 'corroborated').length, 0);
  // "The veteran guard Tom Lee scored 20 points, and he …": the name after the description is the subject.
  assert.ok((analyze({ id: 'x', title: 'T', language: 'en', text: 'The veteran guard Tom Lee scored 20 points, and he now has 2,000 for his career.', paragraphs: ['The veteran guard Tom Lee scored 20 points, and he now has 2,000 for his career.'] }).facts ?? []).every((f) => !(f.participants ?? []).includes('?')));
});

test('review mends: a frame after "and" is shared unless the second verb has a time of its own; a brother of the story’s person keeps his own age', () => {
  const n = disputeCount;
  assert.equal(n('Rebels have killed 30 soldiers and wounded 50 others since the offensive began in March.', 'Rebels killed 12 soldiers in the north on Monday.'), 0);
  assert.equal(n('Police arrested 45 people and charged 30 of them so far.', 'Police arrested 20 people on Saturday, and 45 people have been arrested so far.'), 0);
  assert.equal(n('Tyler Vance, 23, scored 20 points for the Hawks on Friday.', 'Tyler Vance, 23, led the Hawks on Friday.', 'Tyler Vance broke the record on Friday. His brother Ben Vance scored 15 points. Vance, 21, also had six assists.'), 0);
});

test('second review mends: reacting to an event dates the reaction; a day after "and" is the next verb’s; a minimum and a figure beyond it need the same places; a name inside a description’s phrase is no subject', () => {
  const n = disputeCount;
  assert.equal(n('The United Nations condemned the attack on the market in Quetta on Monday.', 'The attack on the market in Quetta on Saturday killed 12 people.'), 0);
  assert.equal(n('Officials plan to discuss the attack on the embassy in Kabul on Monday.', 'The attack on the embassy in Kabul on Saturday killed four guards.'), 0);
  assert.equal(n('Rebels seized the town of Goma and on Monday executed 12 soldiers.', 'Rebels seized the town of Goma on Sunday, the UN said.'), 0);
  assert.equal(n('At least 40 people were killed in the bombing of a market on Friday.', 'About 100 people were killed in a wave of bombings across Iraq on Friday.'), 0);
  assert.equal(n('The former coach of Tom Lee retired in May, and he is 300-200.', 'Tom Lee (25-3) spoke to reporters in Ohio on Friday.'), 0);
  // An injury a person suffered, a fire a clause follows: the day is the event's.
  const day = (t: string): string | undefined => (analyze({ id: 'x', title: 'T', language: 'en', text: t, paragraphs: [t] }).facts ?? []).find((f) => f.kind === 'day')?.predicate;
  assert.equal(day('Ann Lee suffered a knee injury against Dayton on October 19.'), 'injure');
  assert.equal(day('A man has denied arson following a fire at a supermarket early on Sunday.'), 'break_out');
});

test('quotes: a surname after a namesake named in full is not the story’s person’s ("His son, T.J. Vance, … Vance said")', () => {
  const b = brief(
    art('a', 'Coach Tony Vance will lead the team for the rest of the season, the club said on Saturday.'),
    art('b', 'Coach Tony Vance was named interim coach on Saturday. Tony Vance has been with the club for 19 years.'),
    art('c', 'Tony Vance takes over on Saturday. His son, T.J. Vance, is a guard at Temple. "My dad is ready to step in," Vance said.'),
  );
  const q = b.quotes.find((x) => x.text.startsWith('My dad is ready'));
  assert.ok(q, JSON.stringify(b.quotes));
  assert.notEqual(q.speaker, 'Tony Vance');
});

test('bounds that only hold one another corroborate nothing: "at least seven" and "at least 12", a range and a figure in it', () => {
  const corroborated = (b: Brief): string[][] => b.claims.filter((c) => c.status === 'corroborated').map((c) => c.sources.map((s) => s.source));
  const minimums = brief(
    art('a', 'A shell hit a house in the northern camp, killing at least seven members of one family.'),
    art('b', 'In an earlier strike in the eastern district, at least 12 members of an extended family were killed.'),
    art('c', 'Elsewhere, at least 12 members of an extended family were killed in an air strike on their house.'),
  );
  assert.equal(disputes(minimums).length, 0);
  assert.deepEqual(corroborated(minimums), [['b', 'c']]);
  const range = brief(art('a', 'The club reportedly offered $160 million over eight years for the shortstop.'), art('b', 'The offers for the shortstop were in the $140 million to $160 million range over eight years.'));
  assert.equal(disputes(range).length, 0);
  assert.ok(!range.claims.some((c) => c.status === 'corroborated' && c.facts?.some((f) => f.thing === 'amount')), JSON.stringify(range.claims));
  // The same number under a hedge and a bound is one figure reported twice.
  const same = brief(art('a', 'More than 50 firefighters fought the blaze at the store.'), art('b', 'Some 50 firefighters fought the blaze at the store on Friday.'));
  assert.deepEqual(corroborated(same), [['a', 'b']]);
});

test('a sentence whose one count is under no event ("had 269 yards") and another that counts the same thing otherwise are never one claim', () => {
  const b = brief(art('a', 'Ann Lee rushed for 716 yards this year, leading the Hawks in rushing.'), art('b', 'He had just 269 yards rushing.'));
  assert.ok(!b.claims.some((c) => c.sources.length > 1), JSON.stringify(b.claims.map((c) => [c.status, c.text])));
  // The same figure is one statement still.
  const same = brief(art('a', 'Ann Lee rushed for 716 yards this year, leading the Hawks in rushing.'), art('b', 'She had 716 yards rushing this year.'));
  assert.ok(same.claims.some((c) => c.sources.length === 2), JSON.stringify(same.claims.map((c) => [c.status, c.text])));
});

test('sentences that count one thing under one event and share no figure of it are never one claim, whatever their words', () => {
  const b = brief(art('a', 'The riots injured at least two people at the television station.'), art('b', 'The riots injured about 100 people across the country.'));
  assert.equal(disputes(b).length, 0);
  assert.ok(!b.claims.some((c) => c.status === 'corroborated'), JSON.stringify(b.claims.map((c) => [c.status, c.text])));
});

test('one killing told from its victim\'s side and from its killer\'s disputes its day; a country holds the town of the other side', () => {
  const b = brief(
    art('a', 'The fatal shooting of Ann Berg, 19, on Friday sparked a week of marches across Norway.'),
    art('b', 'According to the indictment, Carl Moen killed Ann Berg on Saturday during a scuffle in the central Oslo district of Grorud.'),
  );
  const [k] = disputes(b);
  assert.ok(k, JSON.stringify(b.claims.map((c) => c.text)));
  assert.deepEqual(k.values.map((v) => [v.value, v.sources]), [['Friday', ['a']], ['Saturday', ['b']]]);
  // Two countries are two places, and a state or a city is no country ("Washington" / "Baltimore").
  assert.equal(disputes(brief(art('a', 'Riots across Greece left 40 people injured on Monday.'), art('b', 'Riots in Istanbul, Turkey left 55 people injured on Monday.'))).length, 0);
  assert.equal(disputes(brief(art('a', 'The storm killed 12 people in Washington on Monday.'), art('b', 'The storm killed 19 people in Baltimore on Monday.'))).length, 0);
  // Two victims, each named on one side only, are two killings.
  const two = brief(art('a', 'The fatal shooting of Ann Berg on Friday sparked marches across Norway.'), art('b', 'Carl Moen killed Per Lund on Saturday in the Oslo district of Grorud.'));
  assert.equal(disputes(two).length, 0);
});

test('the source an account is told by is no place of it ("according to a Grand Hotel statement"), up to a word of place; a place that acts takes part', () => {
  // A place that acts takes part ("Israel fired 40 rockets" / "Hamas fired 30 rockets": two sides, no dispute), and a
  // place after "according to … in" is where the source is, and may be where it happened: no dispute with another town.
  assert.equal(disputes(brief(art('a', 'On Tuesday, Israel fired 40 rockets, officials in Israel said.'), art('b', 'On Tuesday, Hamas fired 30 rockets.'))).length, 0);
  assert.equal(disputes(brief(art('a', 'According to police in Athens, 40 people were injured on Tuesday.'), art('b', 'In Istanbul, 30 people were injured on Tuesday.'))).length, 0);
  // "According to a Grand Hotel statement": the hotel tells the account; it is not where the camp was.
  const told = brief(art('a', 'According to a Grand Hotel statement, planes bombed the camp at 3:20 p.m. Thursday.'), art('b', 'The camp in Yida was bombed at 2:40 p.m. Thursday.'));
  assert.deepEqual(disputes(told).find((k) => k.about === 'time of the attack')?.values.map((v) => v.value).sort(), ['2:40 p.m.', '3:20 p.m.']);
});

test('a side of a dispute reads every way its reports write its value, so that no source is shown saying what it does not', () => {
  const b = brief(
    art('a', 'Tom Fry signed a five-year contract worth nearly $80 million with the Hawks on Monday.'),
    art('b', 'Tom Fry signed a five-year contract worth $80 million with the Hawks on Monday.'),
    art('c', 'Tom Fry signed a five-year contract worth $82 million with the Hawks on Monday.'),
  );
  const value = disputes(b).find((k) => k.about.startsWith('value of'));
  assert.deepEqual(value?.values.map((v) => [v.value, v.sources]), [['nearly $80 million or $80 million', ['a', 'b']], ['$82 million', ['c']]]);
  // One figure spelt two ways is one form ("61" / "61-year-old"; "12th" / "12"), and so is one written in other case.
  const age = brief(art('a', 'Police arrested Ann Lee, 61, on Friday.'), art('b', 'Police arrested 61-year-old Ann Lee on Friday.'), art('c', 'Police arrested Ann Lee, 60, on Friday.'));
  assert.deepEqual(disputes(age).find((k) => k.about.startsWith('age'))?.values.map((v) => v.value), ['61', '60']);
});

test('a length of time corroborates when every side says whose time it is, not when one side does', () => {
  const b = brief(
    art('a', 'Ann Berg is the fifth Rovers defender to go on injured reserve this season, the second in two days.'),
    art('b', 'Lund and Moen were added to the roster in the last two days, but figure to be reserves.'),
  );
  assert.ok(!b.claims.some((c) => c.status === 'corroborated'), JSON.stringify(b.claims.map((c) => [c.status, c.text])));
});

test('revisions: reports published at different times, or marked as earlier, read "from … to …"', () => {
  const dated = brief(art('a', 'The storm killed 12 people in the port.', '2024-03-01T08:00:00Z'), art('b', 'The storm killed 19 people in the port.', '2024-03-02T08:00:00Z'));
  const [k] = disputes(dated);
  assert.equal(k?.kind, 'revision');
  assert.deepEqual(k?.values.map((v) => v.value), ['12', '19']);
  const earlier = disputes(brief(art('a', 'The agency said earlier that it had confirmed 30 dead in the school.'), art('b', 'The shelling killed 40 people in the school.')));
  assert.equal(earlier[0]?.kind, 'revision');
  assert.deepEqual(earlier[0]?.values.map((v) => v.value), ['30', '40']);
});

test('a telephone number one digit apart is one number reported wrongly', () => {
  assert.ok(oneDigitApart('08451252222', '0845125222'));
  assert.ok(!oneDigitApart('08451252222', '08005551111'));
  const b = brief(art('a', 'Anyone with information should call police on 0845 125 2222.'), art('b', 'Witnesses should contact police on 0845 125 222.'));
  assert.deepEqual(disputes(b).map((k) => k.about), ['telephone number']);
});

test('units are compared after conversion: 3,000 feet is 915 metres', () => {
  const v = (text: string, number: number, unit: string): FactValue => ({ text, number, unit, approximate: true });
  assert.ok(valuesAgree('measure', v('3,000 feet', 914.4, 'metre'), v('915 m', 915, 'metre')));
  const b = brief(art('a', 'The plane flew at about 3,000 feet above the town.'), art('b', 'The plane flew at about 915 metres above the town.'));
  assert.equal(disputes(b).length, 0);
});

test('an article that gives two values of one slot is left out of it; one that gives both sides of a dispute never corroborates either', () => {
  const b = brief(art('a', 'Police seized seven rifles on Monday. Police later seized 12 rifles on Monday.'), art('b', 'Police seized seven rifles on Monday.'), art('c', 'Police seized seven rifles on Monday.'));
  assert.equal(disputes(b).length, 0);
  const twoSides = brief(art('a', 'The attack on the market killed 40 people.'), art('b', 'The attack on the market killed 43 people.'), art('c', 'The attack on the market killed 40 people.'));
  for (const c of twoSides.claims) {
    const sources = new Set(c.sources.map((s) => s.source));
    if (sources.has('b') && (sources.has('a') || sources.has('c'))) assert.equal(c.status, 'disputed', c.text);
  }
});

test('a summary sentence never picks a side: it cites the sources of its value and says what the others give', () => {
  const b = brief(art('a', 'The attack on the market killed 40 people on Monday.'), art('b', 'The attack on the market killed 40 people on Monday.'), art('c', 'The attack on the market killed 43 people on Monday.'));
  const line = b.summary.find((s) => /killed 4\d people/.test(s.text));
  assert.ok(line, JSON.stringify(b.summary));
  assert.match(line.text, /killed 40 people on Monday \(one outlet says 43\)\.$/);
  assert.deepEqual(line.sources, ['a', 'b']);
});

test('a name that is one of a list of names stands in for no other name', () => {
  const b = brief(
    art('a', 'About 100 people were at work at the plant, which makes Nabisco cookies and crackers.'),
    art('b', 'About 100 people were at work at the plant, which makes Ritz crackers, Lorna Doone cookies, and other goods.'),
  );
  assert.equal(disputes(b).length, 0);
});

test('a sum that says neither whose it is nor what it is of makes no fact claim; a named one does', () => {
  const factsOf = (...articles: AnalyzedArticle[]): string[] => factClaims(articles, indexEntities(articles)).claims.map((c) => c.about);
  assert.deepEqual(factsOf(art('a', 'The offer came at about $160 million, reports said.'), art('b', 'Reports said the offer came at about $160 million.')), []);
  assert.deepEqual(factsOf(art('a', 'Harbour Bank made an offer of about $160 million, reports said.'), art('b', 'Reports said Harbour Bank made an offer of about $160 million.')), ['value of Harbour Bank’s offer']);
});

test('a streak told as an ordinal and as a count is one fact; another figure for it disputes', () => {
  const b = brief(art('a', 'Ann Lee won her 12th straight match on Sunday in Leeds.'), art('b', 'Ann Lee has now won 12 matches in a row, the club said.'), art('c', 'On Sunday Ann Lee won her 11th consecutive match.'));
  const c = b.claims.find((x) => x.about?.split('; ').includes('which win in a row (Ann Lee)'));
  assert.ok(c, JSON.stringify(b.claims.map((x) => x.about)));
  assert.deepEqual(
    c.conflicts.map((k) => k.values.map((v) => [v.value, v.sources])),
    [[['12th', ['a', 'b']], ['11th', ['c']]]],
  );
});

test('reports set at clock times that do not agree are two occasions, not a dispute', () => {
  const apart = brief(art('a', 'More than 200 people marched from the park to the station around 8:30 p.m. on Wednesday.'), art('b', 'Starting at about 8 p.m., nearly 100 people marched from the park to the station.'));
  assert.deepEqual(disputes(apart), []);
  const same = brief(art('a', 'More than 200 people marched from the park to the station on Wednesday.'), art('b', 'Nearly 100 people marched from the park to the station.'));
  assert.equal(disputes(same).length, 1, 'without the hours the two figures dispute');
});

test('the time of an attack, told by the attack or by the shells that hit, in a camp spelled two ways', () => {
  const b = brief(art('a', 'The attack came on the girls school in the Jabaliya camp at 3.45pm on Tuesday, a UN official said.'), art('b', 'Three shells hit the girls school in the Jabalya refugee camp at about 3pm on Tuesday.'));
  assert.deepEqual(
    disputes(b).map((k) => [k.about, k.values.map((v) => v.value)]),
    [['time the school was attacked', ['about 3pm', '3.45pm']]],
  );
});

test('one outlet’s misspelling of a name the others agree on is that name; two names in one article are two people', () => {
  const ok = ['a', 'b', 'c'].map((id) => art(id, `Wladimir Kovalenko retained his title in the ${id} report. Kovalenko won again.`));
  const slip = art('d', 'The knockout was Kovalneko’s sixth defense of the belt.');
  assert.equal(indexEntities([...ok, slip]).canonical('kovalneko'), 'wladimir kovalenko');
  const two = art('e', 'Tom Johnston spoke first. Johnson spoke after him, and Johnson left early.');
  assert.equal(indexEntities([...ok, two, art('f', 'Tom Johnston spoke.'), art('g', 'Tom Johnston left.')]).canonical('johnson'), 'johnson');
});

test('a whole number written to its last digit is exact; a round one may be rounded', () => {
  const n = (text: string, number: number): FactValue => ({ text, number });
  assert.ok(!valuesAgree('count', n('2,117', 2117), n('2,129', 2129)));
  assert.ok(valuesAgree('count', n('2,100', 2100), n('2,117', 2117)));
  assert.ok(valuesAgree('measure', n('42.7', 42.7), n('42.65', 42.65)));
  // Rounded at most to its last zero: "2,290" is 2,285 to 2,295, not 2,302 (1 % of it would reach 23 either way).
  assert.ok(!valuesAgree('count', n('2,290', 2290), n('2,302', 2302)));
  assert.ok(valuesAgree('count', n('2,290', 2290), n('2,294', 2294)));
});

test('a figure whose event is named only by pointing back ("in those bombings") anchors no dispute', () => {
  const b = brief(art('a', 'Local official Ann Lee said at least 12 people had been killed in the bombing of the camp.'), art('b', 'The president said on Thursday that seven people were killed in those bombings.'));
  assert.deepEqual(disputes(b), []);
  const named = brief(art('a', 'Local official Ann Lee said at least 12 people had been killed in the bombing of the camp.'), art('b', 'The president said on Thursday that seven people were killed in the bombing of the camp.'));
  assert.equal(disputes(named).length, 1, 'named, the same bombing disputes');
});

test('what a duration is of reads as English: "time taken", not a stem or "taked"', () => {
  const b = brief(art('a', 'The council took seven years over the plan for the new bridge.'), art('b', 'The council took nine years over the plan for the new bridge, officials said.'));
  assert.ok(b.claims.some((c) => c.about === 'time taken'), JSON.stringify(b.claims.map((c) => c.about)));
});

test('traps: two people beside one team they share, two signings on two days', () => {
  const signed = brief(art('a', 'The Saints signed Tom Fry on Tuesday.'), art('b', 'The Saints signed Dan Jones on Wednesday.'));
  assert.equal(disputes(signed).length, 0);
  // The same person signed on two days is a dispute.
  assert.equal(disputes(brief(art('a', 'The Saints signed Tom Fry on Tuesday.'), art('b', 'The Saints signed Tom Fry on Wednesday.'))).length, 1);
});

test('traps: a player’s figure beside a game result the other report does not give may be of another game', () => {
  const games = brief(art('a', 'Tom Fry finished with 25 points and 16 rebounds, both career highs.'), art('b', 'Tom Fry finished with 22 points, as Louisville opened its season with a 71-57 win over Duke.'));
  assert.equal(disputes(games).length, 0);
  const won = brief(art('a', 'Tom Fry finished with 25 points as Louisville beat Duke 77-68.'), art('b', 'Tom Fry finished with 22 points, as Louisville opened its season with a 71-57 win over Duke.'));
  assert.equal(disputes(won).length, 0);
  // One game on both sides, or none named: a dispute.
  assert.equal(disputes(brief(art('a', 'Tom Fry finished with 25 points in the 71-57 win.'), art('b', 'Tom Fry finished with 22 points in a 71-57 victory.'))).length, 1);
  assert.equal(disputes(brief(art('a', 'Tom Fry finished with 25 points.'), art('b', 'Tom Fry finished with 22 points.'))).length, 1);
  // A record is no game: "(52-3, 46 KOs)" beside "53-3, 47 KOs" still disputes the knockouts.
  assert.ok(disputes(brief(art('a', 'Ann Lee (52-3, 46 KOs) won the fight.'), art('b', 'Ann Lee, 53-3, 47 KOs, won the fight.'))).length >= 1);
});

test('what two reports say one person has disputes ("Lee had 12 points" / "Lee scored 14 points")', () => {
  const b = brief(
    art('a', 'Ann Lee scored 14 points and Tom Fry scored 13 for the visitors.'),
    art('b', 'The visitors were led by 13 points from Tom Fry, while Ann Lee had 12 points and four assists.'),
  );
  const [k, ...rest] = disputes(b);
  assert.equal(rest.length, 0, JSON.stringify(disputes(b)));
  assert.deepEqual(k?.values.map((v) => v.value).sort(), ['12', '14']);
  // Another player's equal figure in the second report ("Gray … scoring 14 points") is not Lee's: it takes no side.
  const other = brief(
    art('a', 'Ann Lee scored 14 points and Tom Fry scored 13 for the visitors.'),
    art('b', 'Bob Gray complemented the starters by scoring a career-high 14 points.\n\nThe visitors were led by 13 points from Tom Fry, while Ann Lee had 12 points and four assists.'),
  );
  assert.deepEqual(disputes(other).map((d) => d.values.map((v) => [v.value, v.sources])), [[['12', ['b']], ['14', ['a']]]]);
});

test('traps: one person’s figure and another named person’s equal figure are not one fact', () => {
  const b = brief(
    art('a', 'Ann Lee scored 14 points and Tom Fry scored 13 for the visitors.'),
    art('b', 'Bob Gray scored 14 points for the hosts and Tim Cole scored 10.'),
  );
  const shared = b.claims.filter((c) => c.status === 'corroborated' && new Set(c.sources.map((s) => s.source)).size === 2);
  assert.deepEqual(shared, []);
});

test('a deal’s worth in several reports disputes when the figures are apart beyond their hedge', () => {
  const b = brief(
    art('a', 'The club signed Ann Lee to a five-year deal worth nearly $80 million last summer.'),
    art('b', 'The club had signed Ann Lee to an $82 million deal last summer.'),
    art('c', 'The club signed Ann Lee to a five-year, $80 million contract last summer.'),
  );
  const [k, ...rest] = disputes(b);
  assert.equal(rest.length, 0);
  assert.equal(k?.about, 'value of the contract');
  assert.deepEqual(k?.values.map((v) => v.sources), [['a', 'c'], ['b']]);
  // "Nearly $80 million" is below 80: it never corroborates $82 million.
  const two = brief(art('a', 'The club signed Ann Lee to a five-year deal worth nearly $80 million last summer.'), art('b', 'The club had signed Ann Lee to an $82 million deal last summer.'));
  assert.ok(!two.claims.some((c) => c.status === 'corroborated' && c.facts?.some((f) => f.value === '$82 million')), JSON.stringify(two.claims));
});

test('a body named in capitals ("EYP MCF") is no person: its figure is not kept from a sentence that names it otherwise', () => {
  const b = brief(
    art('a', 'Headquartered in New York, EYP MCF has approximately 350 employees with 13 offices.'),
    art('b', 'HP bought EYP Mission Critical Facilities, a consulting firm with 350 employees, on Monday.'),
  );
  const c = b.claims.find((x) => x.facts?.some((f) => f.thing === 'employee'));
  assert.deepEqual(c?.sources.map((s) => s.source), ['a', 'b'], JSON.stringify(b.claims.map((x) => [x.text, x.facts])));
});

test('two levels of one noun ("turnout was almost 90%" / "turnout reached 93.87 percent") dispute', () => {
  const b = brief(art('a', 'The commission said that turnout was almost 90% on Sunday.'), art('b', 'Officials said turnout reached 93.87 percent in the vote.'));
  assert.deepEqual(disputes(b).map((k) => [k.about, k.values.map((v) => v.value)]), [['turnout', ['almost 90%', '93.87 percent']]]);
  assert.equal(disputes(brief(art('a', 'The commission said that turnout was almost 90% on Sunday.'), art('b', 'Officials said turnout reached 89 percent in the vote.'))).length, 0);
});

test('two conditions of one person dispute; the same condition corroborates', () => {
  const b = brief(art('a', 'Ann Lee, 39, was shot in the neck and is hospitalized in critical condition.'), art('b', 'Ann Lee was later transferred to another hospital and listed in stable condition.'));
  assert.deepEqual(disputes(b).map((k) => [k.about, k.values.map((v) => v.value)]), [['condition of Ann Lee', ['critical condition', 'stable condition']]]);
  const same = brief(art('a', 'Ann Lee, 39, is hospitalized in critical condition.'), art('b', 'Police said Ann Lee remained in critical condition on Monday.'));
  assert.equal(disputes(same).length, 0);
});

test('a one-report slip of a name is that person: facts about "Brian Dalton" are facts about the "Bryant Dalton" of the others', () => {
  const b = brief(
    art('a', 'Bryant Dalton, 39, was shot in the neck and is hospitalized in critical condition.'),
    art('b', 'Police named the wounded man as Bryant Dalton of Philadelphia.'),
    art('c', 'The third victim, Brian Dalton, was shot in the arm.\n\nHe was later listed in stable condition.'),
  );
  const abouts = disputes(b).map((k) => k.about).sort();
  assert.deepEqual(abouts, ['condition of Bryant Dalton', 'name of Bryant Dalton']);
});

test('traps: a kind of deal on one side is another deal; the price of crude reads as a price', () => {
  const b = brief(art('a', 'The club signed Ann Lee to a deal worth $80 million on Monday.'), art('b', 'The club also signed a sponsorship deal worth $60 million with an airline on Monday.'));
  assert.equal(disputes(b).length, 0, JSON.stringify(disputes(b)));
  const c = brief(art('a', 'The price of a barrel of crude rose to $80, traders said.'), art('b', 'Traders said the price of a barrel of crude rose to $85.'));
  assert.deepEqual(disputes(c).map((k) => k.about), ['price']);
});

test('abouts read as English: a doubled consonant ("dropping"), a possessive after a final s ("Jones’ record")', () => {
  const dropped = brief(art('a', 'Prosecutors dropped all charges against Ann Lee on Monday.'), art('b', 'Prosecutors dropped all charges against Ann Lee on Tuesday.'));
  assert.deepEqual(disputes(dropped).map((k) => k.about), ['day of the dropping']);
  const record = brief(art('a', 'Tom Jones (52-3, 46 KOs) retained his title on Saturday.'), art('b', 'Tom Jones (51-3) retained his title on Saturday.'));
  assert.ok(disputes(record).some((k) => k.about === 'Tom Jones’ record'), JSON.stringify(disputes(record).map((k) => k.about)));
});

test('two magnitudes of one earthquake dispute; an aftershock’s does not', () => {
  const b = brief(art('a', 'A magnitude 6.1 earthquake struck the island on Sunday, the survey said.'), art('b', 'A 6.3-magnitude earthquake struck the island on Sunday, officials said.'));
  assert.deepEqual(disputes(b).map((k) => [k.about, k.values.map((v) => v.value)]), [['magnitude of the earthquake', ['6.1', '6.3-magnitude']]]);
  // A past quake beside today's is no dispute.
  const past = brief(
    art('a', 'A magnitude 6.1 earthquake struck the island on Sunday, the survey said.'),
    art('b', 'A magnitude 6.1 earthquake struck the island on Sunday, officials said.'),
    art('c', 'The quake, the strongest since the 2010 magnitude 7.0 quake, hit the island on Sunday.'),
  );
  assert.equal(disputes(past).length, 0, JSON.stringify(disputes(past)));
  const after = brief(art('a', 'A magnitude 6.1 earthquake struck the island on Sunday.'), art('b', 'A 5.2 aftershock hit the island on Sunday.'));
  assert.equal(disputes(after).length, 0);
});

test('the age a person comes to is no rival of the age they are ("Mark Lee, 28," / "Mark Lee will turn 29 in April"); two reports of it agree', () => {
  assert.equal(disputeCount('Mark Lee, 28, signed an eight-year deal with the club on Friday.', 'Mark Lee will turn 29 in April, the club said on Friday.'), 0);
  assert.equal(disputeCount('Mark Lee will turn 29 in April, the club said.', 'Mark Lee, who turns 30 on April 11, signed with the club.'), 1);
  const b = brief(art('a', 'Mark Lee will turn 29 in April, the club said.'), art('b', 'Mark Lee, who turns 29 on April 11, signed with the club.'));
  assert.ok(b.claims.some((c) => c.status === 'corroborated' && c.sources.length === 2), JSON.stringify(b.claims.map((c) => [c.status, c.sources.map((s) => s.sentence)])));
});

test('which holder of an office a person is: one person named the 21st and the 24th coach disputes; two people, the 10th and the 11th, do not', () => {
  assert.equal(disputeCount('Mo Cheeks was named the 21st head coach in team history on Monday.', 'Mo Cheeks was named the 24th head coach in team history on Monday.'), 1);
  assert.equal(disputeCount('Ann Lee was unveiled as the 11th Doctor on Saturday.', 'Tom Fry was unveiled as the 10th Doctor on Saturday.'), 0);
  const b = brief(art('a', 'Ann Lee was unveiled as the 11th Doctor on Saturday.'), art('b', 'When Ann Lee stepped into the title role as the 11th Doctor this weekend, she became a star.'));
  assert.ok(b.claims.some((c) => c.status === 'corroborated' && c.about === 'which doctor in line (Ann Lee)'), JSON.stringify(b.claims.map((c) => [c.status, c.about])));
});

test('the year of a named work: two reports of it agree, two years dispute', () => {
  assert.equal(disputeCount('Ann Lee shot to fame in 1999 movie Harbour Lights, her agent said.', 'Following her breakthrough in 2001\'s "Harbour Lights," Ann Lee left the city.'), 1);
  const b = brief(art('a', 'Ann Lee shot to fame in 1999 movie Harbour Lights, her agent said.'), art('b', 'Following her breakthrough in 1999\'s "Harbour Lights," Ann Lee left the city.'));
  assert.ok(b.claims.some((c) => c.status === 'corroborated' && c.about === 'year of Harbour Lights'), JSON.stringify(b.claims.map((c) => [c.status, c.about])));
});

test('where a facility is agrees and disputes nothing (a city and its county); two calibres of one holder\'s revolver dispute, two shooters\' do not', () => {
  assert.equal(disputeCount('Ann Lee checked into the Harbour Treatment Center in Rancho Mirage on Thursday.', 'Ann Lee left the Harbour Treatment Center in Palm Springs after 30 days.'), 0);
  assert.equal(disputeCount('Ann Lee was taken to Mercy Hospital in Springfield on Monday night.', 'Ann Lee was taken to Mercy Hospital in Sangamon County on Monday night.'), 0);
  const b = brief(art('a', 'Ann Lee left the Harbour Treatment Center in Newport Beach after a few minutes.'), art('b', 'Ann Lee had checked into the Harbour Treatment Center in Newport Beach, her lawyer said.'));
  assert.ok(b.claims.some((c) => c.status === 'corroborated' && c.about === 'where Harbour Treatment Center is'), JSON.stringify(b.claims.map((c) => [c.status, c.about])));
  assert.equal(disputeCount('Police said the boy pointed a .38-caliber revolver at the officers.', 'Officers said he aimed a .357 caliber revolver at them.'), 1);
  assert.equal(disputeCount('Police found a .38-caliber revolver and a .22-caliber rifle in the car.', 'A .38-caliber revolver was found in the car.'), 0);
  assert.equal(disputeCount('Ann Lee fired a .38-caliber revolver at police on Monday night.', 'Tom Fry fired a .357 caliber revolver at police on Monday night.'), 0);
});

test('review mends of the sixth session: a measure before a name is that name\'s; only works have a year; only the subject\'s office counts, line by line', () => {
  assert.equal(disputeCount('The Hawks signed the 6-foot-8 Lee on Monday, the club said.', 'The Hawks signed the 6-foot-2 Kim on Monday, the club said.'), 0);
  assert.equal(disputeCount('The Hawks signed the 260-pound Lee on Monday, the club said.', 'The Hawks signed the 300-pound Kim on Monday, the club said.'), 0);
  assert.equal(disputeCount("Ann Lee scored in 2014's World Cup final against Brazil, her club said.", "Ann Lee scored in 2018's World Cup final against Brazil, her club said."), 0);
  assert.equal(disputeCount('Ann Lee starred in 1999 movie Harbour Lights and won praise.', 'Ann Lee starred in 2001 movie Harbour Lights 2 and won praise.'), 0);
  assert.equal(disputeCount('Ann Lee replaced Tom Fry, the 20th coach of the Hawks, on Monday.', 'Ann Lee was named the 21st coach of the Hawks on Monday.'), 0);
  const lines = brief(art('a', 'Ann Lee was named the 21st head coach of the Hawks on Monday.'), art('b', 'Ann Lee was named the 15th head coach of the Bulls on Monday.'));
  assert.ok(!disputes(lines).some((k) => k.about.startsWith('which coach')), JSON.stringify(disputes(lines)));
  assert.equal(disputeCount('Ann Lee became the youngest president since the 35th president, Tom Fry.', 'Ann Lee became the 46th president on Monday, officials said.'), 0);
});

test('tolls at two markets a place names before the noun are two tolls, no dispute ("at the Dornby market" / "at the Kelso market")', () => {
  assert.equal(disputeCount('A suicide bomber killed 14 people at the Dornby market on Friday.', 'A suicide bomber killed 20 people at the Kelso market on Friday.'), 0);
});

test('the side of a dispute a summary sentence takes is its report\'s, or else the one value it writes in so many words', () => {
  const claim = (text: string, article: string): Parameters<typeof shownSide>[0] =>
    ({ claim: { id: 'c1', text, sources: [], support: 2, independentSupport: 2, status: 'disputed', conflicts: [] }, units: [{ text, article } as never], position: 0, firstArticle: 0, firstSentence: 0, sentences: [] }) as never;
  const conflict = { about: 'day of the killing', kind: 'contradiction' as const, values: [{ value: 'Saturday', sources: ['b', 'd'] }, { value: 'Sunday', sources: ['c'] }] };
  // The report of the sentence shown is on a side: that side.
  assert.equal(shownSide(claim('Riots followed the shooting on Sunday.', 'c'), conflict)?.value, 'Sunday');
  // Its figure unread ("since the fatal shooting … Saturday night"): the one value it writes.
  assert.equal(shownSide(claim('Riots have swept the country since the fatal shooting of a boy in Kelso Saturday night.', 'a'), conflict)?.value, 'Saturday');
  // Neither, or both written: no side (not "Sun" inside "Sunday", not a value inside a longer word).
  assert.equal(shownSide(claim('Riots have swept the country for six days.', 'a'), conflict), undefined);
  assert.equal(shownSide(claim('Riots followed the Saturday shooting and Sunday funeral.', 'a'), conflict), undefined);
  // Nor a value inside a figure the sentence gives of something else ("the three boats" against pistols three / two), or
  // one that qualifies a noun ("Saturday's match").
  const pistols = { about: 'number of pistols seized', kind: 'contradiction' as const, values: [{ value: 'three', sources: ['b'] }, { value: 'two', sources: ['c'] }] };
  const boats = claim('Seven rifles and a grenade launcher were found in the three boats.', 'a');
  (boats.units[0] as { numbers?: unknown[] }).numbers = [{ text: 'three', value: 3, unit: '' }];
  assert.equal(shownSide(boats, pistols), undefined);
  assert.equal(shownSide(claim("Riots followed Saturday's match in the capital.", 'a'), conflict), undefined);
});

test('"added three more" is another set than the plain count: no corroboration of "three touchdowns" from it', () => {
  const b = brief(art('a', 'Tom Fry scored six touchdowns on offense and added three more on punt returns.'), art('b', 'However, Tom Fry does have three of his four touchdowns in that stretch.'));
  assert.ok(!b.claims.some((c) => c.status === 'corroborated'), JSON.stringify(b.claims.map((c) => [c.status, c.about, c.sources.map((s) => s.source)])));
});

test('a running total and a figure that does not say its stretch agree when equal ("at least 70 injured so far" / "at least 70 injured"); unequal, they stay apart', () => {
  const b = brief(art('a', 'At least 70 people have been injured in the riots so far, the ministry said.'), art('b', 'At least 70 people were injured in the riots in Athens, officials said.'));
  assert.ok(b.claims.some((c) => c.status === 'corroborated' && c.sources.length === 2 && c.sources.every((s) => s.sentence.includes('70'))), JSON.stringify(b.claims.map((c) => [c.status, c.sources.map((s) => s.sentence)])));
  assert.equal(disputeCount('Five people have been injured in the riots so far, the ministry said.', 'Two people were injured in the riots on Monday, officials said.'), 0);
});

test('how often one person was shot disputes ("shot 11 times" / "shot seven times"); shots fired and shots that hit do not', () => {
  const b = brief(art('a', 'Ann Lee, 16, was shot 11 times by officers on Saturday night, the police said.'), art('b', 'An autopsy showed Ann Lee had been shot seven times, her family said on Wednesday.'));
  assert.deepEqual(disputes(b).map((k) => k.about), ['number of times Ann Lee was shot']);
  // "Seven bullets hit her" is the autopsy's side, told another way.
  const bullets = brief(art('a', 'Ann Lee, 16, was shot 11 times by officers on Saturday night, the police said.'), art('b', 'An autopsy showed Ann Lee had been shot seven times, her family said on Wednesday.'), art('c', 'Seven bullets hit Ann Lee, the medical examiner said on Wednesday.'));
  assert.deepEqual(disputes(bullets).map((k) => k.values.map((v) => [v.value, v.sources])), [[['seven', ['b', 'c']], ['11', ['a']]]]);
  assert.equal(disputeCount('Officers fired 11 times at the car on Saturday night, the police said.', 'Ann Lee was shot seven times on Saturday night, the police said.'), 0);
  assert.equal(disputeCount('Ann Lee had been arrested four times before, the police said.', 'Tom Fry had been arrested three times before, the police said.'), 0);
});

test('traps: a stretch that starts at a named point ("since Week 11", "since October") is a part, no rival of the year\'s total; a tally disputes only when the clause names whose it is', () => {
  assert.equal(disputeCount('Of his 11 touchdowns this year, eight have come since the start of Week 11, the club said.', 'Since Week 11, Tom Fry has eight touchdowns on 498 rushing yards.', 'Tom Fry has 11 touchdowns this year, the club said on Monday.'), 0);
  assert.equal(disputeCount('He has also caught eight passes for 66 yards and two touchdowns, the club said.', 'Since Week 11, Tom Fry has eight touchdowns on 498 rushing yards.'), 0);
  assert.equal(disputeCount('The undrafted rookie averaged 5.2 yards a carry and finished with a team-high 716 yards rushing.', 'Tom Fry has 193 yards and no touchdowns on the ground, the club said.'), 0);
  assert.equal(disputeCount('Tom Fry finished with 716 yards rushing this season, the club said.', 'Tom Fry rushed for 693 yards this season, the club said.'), 1);
});

test('one person\'s role told by two reports corroborates ("CEO" / "chief executive officer"); two roles of one person never dispute', () => {
  const b = brief(art('a', 'Ann Lee, CEO of Acme Corp, said on Monday the deal would close in May.'), art('b', '"We are pleased," said Ann Lee, chief executive officer of Acme Corp, on Monday.'));
  const role = b.claims.find((c) => c.status === 'corroborated' && c.about === 'Ann Lee as chief executive' && c.sources.length === 2);
  assert.ok(role, JSON.stringify(b.claims.map((c) => [c.status, c.about])));
  // The claim says the role, not a sentence that mentions it in passing; it comes after the claims of what happened.
  assert.equal(role.text, 'Ann Lee, CEO');
  assert.equal(role.id, `c${b.claims.length}`);
  assert.ok(!b.summary.some((s) => s.claims.includes(role.id)));
  assert.equal(disputeCount('Ann Lee, CEO of Acme Corp, said on Monday the deal would close.', 'Ann Lee, founder of Acme Corp, said on Monday the deal would close.'), 0);
});

test('titles held one at a time dispute ("CEO Ann Lee" / "COO Ann Lee"); a former title is none', () => {
  const b = brief(art('a', 'The club sent owner Tom Fry and CEO Ann Lee to Texas on Thursday night.'), art('b', 'The club sent owner Tom Fry and COO Ann Lee to Texas on Thursday night.'));
  assert.deepEqual(disputes(b).map((k) => k.about), ['title of Ann Lee']);
  assert.equal(disputeCount('Ann Lee, the former CEO of Acme Corp, said on Monday the deal was good.', 'COO Ann Lee said on Monday the deal was good for Acme Corp.'), 0);
  assert.equal(disputeCount('Ann Lee, chairman of Acme Corp, said on Monday the deal was good.', 'CEO Ann Lee said on Monday the deal was good for Acme Corp.'), 0);
});

test('a role claim keeps out sentences that give a side of a dispute; "former basketball coach" is no coach; "Prime Minister" is one role', () => {
  const b = brief(
    art('a', 'The club sent owner Tom Fry and CEO Ann Lee to Texas on Thursday night.'),
    art('b', 'The club sent owner Tom Fry and COO Ann Lee to Texas on Thursday night.'),
    art('c', 'Owner Tom Fry said on Friday that the club would not sign anyone.'),
  );
  assert.deepEqual(disputes(b).map((k) => k.about), ['title of Ann Lee']);
  assert.ok(!b.claims.some((c) => c.about === 'Tom Fry as owner' && c.status === 'disputed'), JSON.stringify(b.claims.map((c) => [c.status, c.about])));
  // The owner is still corroborated, by one side's sentence and the third report.
  assert.ok(b.claims.some((c) => c.text === 'Tom Fry, owner' && c.status === 'corroborated' && c.sources.length === 2), JSON.stringify(b.claims.map((c) => [c.status, c.text])));
  const former = brief(art('a', 'The club paid former basketball coach Ann Lee a bonus on Monday.'), art('b', 'Coach Ann Lee was fired on Monday, the club said.'));
  assert.ok(!former.claims.some((c) => c.text === 'Ann Lee, coach'), JSON.stringify(former.claims.map((c) => c.text)));
  const pm = brief(art('a', 'Prime Minister Ann Lee said on Monday the riots must end.'), art('b', 'Prime Minister Ann Lee called on Monday for calm in the capital.'));
  assert.ok(pm.claims.some((c) => c.text === 'Ann Lee, Prime Minister'), JSON.stringify(pm.claims.map((c) => c.text)));
});

test('review of the seventh session: roles, sequences, tolls since a month, "times" descriptions', () => {
  // Two roles of one person keep nothing apart.
  const b = brief(art('a', 'Hawks owner Ann Lee fired coach Tom Fry on Monday after a 2-10 season.'), art('b', 'Hawks chairman Ann Lee fired coach Tom Fry on Monday after a 2-10 season.'));
  assert.ok(b.claims.some((c) => c.status === 'corroborated' && c.sources.length === 2 && c.text.includes('fired coach Tom Fry')), JSON.stringify(b.claims.map((c) => [c.status, c.text])));
  // A toll since a month is a running toll: its reports dispute.
  assert.equal(disputeCount('Some 5,000 people have been killed in Syria since March, the UN said on Monday.', 'Some 3,500 people have been killed in Syria since March, activists said on Monday.'), 1);
  // Prepositions and lower-case "week" do not make a model number.
  for (const text of ['In Baghdad 120 people were killed on Monday, police said.', 'Last week 20 people were killed in clashes, police said.']) {
    assert.ok(analyzeFacts(text).some((f) => f.kind === 'count' && /120|20/.test(f.value.text)), text);
  }
  // A fronted phrase's person is no role of the name after its comma; a cleric's "Father" is no father.
  assert.equal(analyzeFacts('Flanked by his attorney, Tom Fry pleaded not guilty on Monday.').filter((f) => f.kind === 'role').length, 0);
  assert.equal(analyzeFacts('Father Tom Fry led the prayers for the victims on Monday night.').filter((f) => f.kind === 'role').length, 0);
  assert.equal(analyzeFacts('Vice Chairman Ann Lee said on Monday the club would not sell.').find((f) => f.kind === 'role')?.value.key, 'vice chairman');
  // A promotion tells of two moments: no dispute over the title.
  assert.equal(disputeCount('Acme promoted COO Ann Lee on Monday, the company said.', 'CEO Ann Lee will lead the merger, the company said on Monday.'), 0);
  // How often, as a description, or said of two subjects: no count to dispute.
  assert.equal(disputeCount('Tom Fry beat the two times world champion on Saturday night.', 'Tom Fry beat the three times world champion on Saturday night.'), 0);
  assert.equal(disputeCount('Vladimir Putin has met Kim Jong Un three times, officials said.', 'Xi Jinping has met Kim Jong Un five times, officials said.'), 0);
  // A role claim loses only the sentences of a dispute's minority side: three reports of an agent, two figures.
  const agent = brief(art('a', 'Agent Scott Boras said on Monday the offer was $160 million.'), art('b', 'Agent Scott Boras said on Monday the offer was $180 million.'), art('c', 'The Yankees met agent Scott Boras on Tuesday in New York.'));
  assert.ok(agent.claims.some((c) => c.text === 'Scott Boras, agent' && c.status === 'corroborated' && c.sources.length === 2), JSON.stringify(agent.claims.map((c) => [c.status, c.text])));
});

test('an attribute told in passing (the year of a work, a colour, where a facility is, a rank, a bore) is worded as the attribute alone', () => {
  const year = brief(
    art('a', 'The actress, who shot to fame in 1999 movie Summer Rain, checked into rehab last week.'),
    art('b', 'Following her breakthrough in 1999 movie Summer Rain, the actress has been better known for her parties.'),
  );
  const claim = year.claims.find((c) => c.status === 'corroborated' && c.about === 'year of Summer Rain');
  assert.equal(claim?.text, 'Summer Rain, 1999', JSON.stringify(year.claims.map((c) => [c.status, c.about, c.text])));
  const colour = brief(art('a', 'Ann Lee was hit by a silver Toyota Camry on Monday, police said.'), art('b', 'The driver of a silver Toyota Camry fled after the crash, witnesses said.'));
  assert.ok(colour.claims.some((c) => c.status === 'corroborated' && c.text === 'Toyota Camry, silver'), JSON.stringify(colour.claims.map((c) => [c.status, c.about, c.text])));
  const rank = brief(art('a', 'Navy spokesman Commander Tom Hale said the ship was safe on Monday.'), art('b', 'Commander Tom Hale told reporters the crew was unhurt after the attack.'));
  assert.ok(rank.claims.some((c) => c.status === 'corroborated' && c.text === 'Commander Tom Hale'), JSON.stringify(rank.claims.map((c) => [c.status, c.about, c.text])));
  const bore = brief(art('a', 'Police said a .38-caliber revolver was found near the body on Monday.'), art('b', 'Officers recovered a .38-caliber revolver from the car, the chief said.'));
  assert.ok(bore.claims.some((c) => c.status === 'corroborated' && c.text === '38-caliber revolver'), JSON.stringify(bore.claims.map((c) => [c.status, c.about, c.text])));
});

test('quotes: two passages of one article are two quotes, whatever words they share; words quoted twice, whole or in part, are one', () => {
  const b = brief(
    art('a', 'Ann Lee fired the coach on Monday. "At this time I felt it is in the best interest of this team to make a change, and I believe it will help," Lee said. "I believe in this team," she added.'),
    art('b', 'The club fired its coach on Monday, the general manager said. "We are not confirming anything at this point," a spokesman said, adding: "We are not confirming."'),
  );
  const texts = b.quotes.map((q) => q.text);
  assert.ok(texts.some((t) => t.startsWith('I believe in this team')), JSON.stringify(texts));
  assert.ok(texts.some((t) => t.startsWith('At this time I felt')), JSON.stringify(texts));
  assert.equal(b.quotes.filter((q) => /We are not confirming/.test(q.text)).length, 1, JSON.stringify(texts));
});

test('quotes: a short quote is another\'s wording only when its content words are in it too, not only its small ones ("I believe in this team" / "… the best interest of this team …")', () => {
  const b = brief(
    art('a', 'Ann Lee fired the coach on Monday. "I believe in this team," Lee said.'),
    art('b', 'Ann Lee fired the coach on Monday. "At this time I felt it is in the best interest of this team to make a change," Lee said.'),
    art('c', 'Ann Lee fired the coach on Monday. "That\'s why we came here," Lee said.'),
    art('d', 'Ann Lee fired the coach on Monday. "That\'s why we have come here," Lee said.'),
  );
  const texts = b.quotes.map((q) => q.text);
  assert.ok(texts.some((t) => t.startsWith('I believe in this team')), JSON.stringify(texts));
  assert.equal(b.quotes.filter((q) => /why we (?:have )?c[oa]me here/.test(q.text)).length, 1, JSON.stringify(texts));
});

test('about: a running total reads as one ("total number of points (Ann Lee)")', () => {
  const b = brief(
    art('a', 'Ann Lee now has 2,302 points in her career at the school, the club said on Friday.'),
    art('b', 'With the basket on Friday, Ann Lee now has 2,301 points, a school record.'),
  );
  const abouts = b.claims.flatMap((c) => (c.conflicts ?? []).map((k) => k.about));
  assert.ok(abouts.some((x) => x.startsWith('total number of points')), JSON.stringify(abouts));
});

test('about: the event as a participle, whatever form the outlets wrote ("number of passes caught", not "… catching")', () => {
  const b = brief(
    art('a', 'On Sunday, catching 12 passes, Ann Lee led the Hawks to a win, the club said.'),
    art('b', 'Catching 13 passes on Sunday, Ann Lee led the Hawks, the club said.'),
  );
  const abouts = b.claims.flatMap((c) => (c.conflicts ?? []).map((k) => k.about));
  assert.ok(abouts.some((x) => /passes caught/.test(x)) && !abouts.some((x) => /catching/.test(x)), JSON.stringify(abouts));
});

test('which election of a country: the same kind corroborates under the name the reports give it; another kind is no dispute', () => {
  const b = brief(
    art('a', 'Voters in Freedonia began to cast their ballots at 8 a.m. on Sunday in the country\'s fourth parliamentary election.'),
    art('b', 'The 4th parliamentary election of Freedonia ended on Sunday evening as scheduled.'),
  );
  const c = b.claims.find((x) => x.about === 'which parliamentary election (Freedonia)');
  assert.equal(c?.status, 'corroborated', JSON.stringify(b.claims.map((x) => [x.about, x.status])));
  assert.equal(disputeCount('Freedonia held its fourth parliamentary election on Sunday.', 'Freedonia held its second presidential election on Sunday.'), 0);
  // A streak of elections is named by the noun too, never by a stem.
  const streak = brief(art('a', 'Ann Lee won her fourth straight election in Freedonia on Sunday.'), art('b', 'Ann Lee won her fifth consecutive election in Freedonia on Sunday.'));
  assert.ok(disputes(streak).some((k) => k.about === 'which election in a row (Ann Lee)'), JSON.stringify(disputes(streak).map((k) => k.about)));
});

test('a bound that holds the other side\'s figure takes neither side of a dispute: "more than 30 hours" is not listed with "30 hours" against "40 hours"', () => {
  const b = brief(
    art('a', 'The jury deliberated for 30 hours before the verdict in the Riverton courthouse case.'),
    art('b', 'The jury deliberated for more than 30 hours before the verdict in the Riverton courthouse case.'),
    art('c', 'The jury deliberated for 40 hours before the verdict in the Riverton courthouse case.'),
  );
  const sides = b.claims.flatMap((c) => c.conflicts ?? []).find((k) => k.values.some((v) => v.value === '40 hours'));
  assert.ok(sides, JSON.stringify(b.claims.map((c) => [c.status, c.text])));
  assert.deepEqual(sides.values.map((v) => [v.value, v.sources]).sort(), [['30 hours', ['a']], ['40 hours', ['c']]]);
});

test('a figure a light verb reaches through a preposition of accompaniment is no figure of another report\'s event ("got into an argument with two women" / "shot two women")', () => {
  // (Not "with the two women": a small set "the" names there counts nothing at all, facts.test.ts.)
  const b = brief(
    art('a', 'Ann Lee, 43, got into an argument with two women and a male co-worker on Thursday night at the Riverton bakery.'),
    art('b', 'Ann Lee returned to the Riverton bakery on Thursday evening and shot two women and wounded a man.'),
  );
  const shared = b.claims.filter((c) => c.status === 'corroborated' && (c.facts ?? []).some((f) => f.thing === 'woman'));
  assert.deepEqual(shared.map((c) => c.text), []);
  // (The figure is still read, under its light verb and preposition: only its joining another event is refused.)
  assert.ok(analyzeFacts('Ann Lee got into an argument with two women at the bakery.').some((f) => f.role === 'with' && f.predicate === 'get'));
});

test('an age two reports give in passing is a claim of its own worded as the age ("Ann Lee, 33"), not the sentence of either, and stays out of the summary', () => {
  const b = brief(
    art('a', 'Ann Lee, 33, was photographed leaving the Riverton club on Friday night after the premiere.'),
    art('b', '"We ask for respect for her privacy at this time," the rep of Ann Lee, 33, told the magazine on Saturday.'),
  );
  const age = b.claims.find((c) => c.about === 'age of Ann Lee');
  assert.ok(age, JSON.stringify(b.claims.map((c) => [c.about, c.text])));
  assert.equal(age.text, 'Ann Lee, 33');
  assert.equal(age.status, 'corroborated');
  assert.ok(!b.summary.some((s) => s.claims.includes(age.id)));
});

test('reports of one deed done to a named party meet in one claim worded by the deed alone, whatever else their sentences say', () => {
  const b = brief(
    art('a', 'Zorgcorp has agreed to buy software maker Plexium Systems, a firm with 400 staff in Riverton.'),
    art('b', "Analysts said Zorgcorp's acquisition of Plexium Systems would reshape the printer market."),
    art('c', 'The acquisition of Plexium Systems is the largest in the industry this year.'),
  );
  const deed = b.claims.find((c) => c.about === 'purchase of Plexium Systems');
  assert.ok(deed, JSON.stringify(b.claims.map((c) => [c.status, c.about, c.text])));
  assert.equal(deed.status, 'corroborated');
  assert.equal(deed.sources.length, 3);
  // Not every report names the buyer: the claim says the deed and the party, which all of them state.
  assert.equal(deed.text, 'Acquisition of Plexium Systems');
  assert.equal(disputes(b).length, 0);
});

test('a deed with its doer named alike by every report is worded with the doer; two doers, or two days, are two deeds', () => {
  const b = brief(art('a', 'The Hawks fired coach Tom Fry on Saturday after a 2-9 start, the worst in the league.'), art('b', 'Owner Ann Lee said little to reporters hours after the Hawks fired Tom Fry on Saturday.'));
  const deed = b.claims.find((c) => c.about === 'dismissal of Tom Fry');
  assert.ok(deed, JSON.stringify(b.claims.map((c) => [c.status, c.about, c.text])));
  assert.equal(deed.text, 'Hawks fired Tom Fry');
  const two = brief(art('a', 'Zorgcorp bought Plexium Systems in a cash deal.'), art('b', 'Initech bought Plexium Systems in a cash deal.'));
  assert.ok(!two.claims.some((c) => c.about === 'purchase of Plexium Systems' && c.status === 'corroborated'));
  const days = brief(art('a', 'Police arrested Tom Fry on Monday in Riverton.'), art('b', 'Police arrested Tom Fry on Thursday in Riverton.'));
  assert.ok(!days.claims.some((c) => c.about === 'arrest of Tom Fry' && c.status === 'corroborated'));
  assert.equal(disputes(two).length, 0);
});

test('a deed\'s claim never holds two sides of a disagreement its sentences give on another slot', () => {
  const b = brief(
    art('a', 'Ann Lee, 60, is now accused of killing two women in a Riverton shop.'),
    art('b', 'Police have arrested and charged Ann Lee, age 61, with two counts of murder.'),
    art('c', 'Prosecutors charged Ann Lee on Friday with murder in the Riverton case.'),
  );
  const both = b.claims.filter((c) => c.status === 'corroborated' && ['a', 'b'].every((id) => c.sources.some((s) => s.source === id)));
  assert.deepEqual(both, []);
  assert.ok(b.claims.some((c) => c.facts?.some((f) => f.kind === 'party' && f.holder === 'ann lee')));
});

test('a year or a month an act is dated by: reports of one agree in a claim of their own; two years of one act are two occasions, never a dispute', () => {
  const b = brief(
    art('a', 'Dana Ruiz also played in Denver, Ohio and Utah before retiring in 1994.'),
    art('b', 'The Falcons named a new coach on Monday. Dana Ruiz retired in 1994.'),
  );
  const year = b.claims.find((c) => c.about === 'year of the retirement');
  assert.ok(year, JSON.stringify(b.claims.map((c) => [c.status, c.about, c.text])));
  assert.equal(year.status, 'corroborated');
  // The wording is the sentence every report states, short as it is.
  assert.equal(year.text, 'Dana Ruiz retired in 1994.');
  assert.equal(disputeCount('The Falcons made the playoffs in 2002 under Dana Ruiz.', 'The Falcons made the playoffs in 2003 under Dana Ruiz.'), 0);
  const months = brief(art('a', 'The Zeta phone goes on sale in June 2013, the company said.'), art('b', 'Acme said the Zeta phone goes on sale in June 2013 for $99.'));
  assert.ok(months.claims.some((c) => c.status === 'corroborated' && c.sources.length === 2 && c.facts?.some((f) => f.kind === 'day' && f.value === 'June 2013')), JSON.stringify(months.claims.map((c) => [c.status, c.about])));
});

test('two sums of one team\'s offer, one told by the noun and one by the verb, dispute; another team\'s offer is another slot', () => {
  assert.equal(disputeCount('The Hawks have made Tom Fry a four-year, $20 million offer, a radio host reported.', 'The Hawks offered Tom Fry a four-year deal worth $24 million, the team said on Monday.'), 1);
  assert.equal(disputeCount('The Hawks have made Tom Fry a four-year, $20 million offer, a radio host reported.', 'The Comets offered Tom Fry a four-year deal worth $24 million, the team said on Monday.'), 0);
});

test('a moment of a death is a killing\'s only where a sentence says so', () => {
  const abouts = (...texts: string[]): string[] => {
    const articles = texts.map((t, i) => art(String.fromCharCode(97 + i), t));
    return factClaims(articles, indexEntities(articles)).claims.map((c) => c.about);
  };
  assert.deepEqual(abouts('Tom Fry died in 2006.', 'Tom Fry, a former shooting guard who led the club for 20 years, died in 2006.'), ['year of the death']);
  assert.deepEqual(abouts('Tom Fry was killed in a shooting in Riverton on Monday, police said.', 'Gunmen killed Tom Fry in Riverton on Monday, police said.').filter((a) => a.startsWith('day')), ['day of the killing']);
});

test('two facts of one sentence that the same outlets give are one claim: the sentence is listed once, about both', () => {
  const seizing = 'Navy commandos boarded the larger pirate boat, seizing 12 Somali and 11 Yemeni nationals as well as arms, the statement said.';
  const b = brief(art('a', seizing), art('b', seizing), art('c', 'Navy commandos boarded the larger pirate boat, seizing arms and equipment, the statement said.'));
  const listed = b.claims.map((c) => JSON.stringify([c.text, c.sources.map((s) => s.source).sort()]));
  assert.equal(new Set(listed).size, listed.length, JSON.stringify(listed));
  const both = b.claims.find((c) => c.about?.includes('Somali') && c.about.includes('Yemeni'));
  assert.equal(both?.status, 'corroborated', JSON.stringify(b.claims.map((c) => [c.status, c.about, c.text])));
  assert.equal(both?.facts?.length, 4);
});

test('a summary line reads as a sentence of its own: no piece cut from a sentence, no speaker\'s words out of their quote, none leaning on the sentence before', () => {
  assert.ok(readsAlone('Ann Lee was arrested on Monday.'));
  assert.ok(readsAlone('"We are looking into it," the mayor said.'));
  assert.ok(readsAlone('12 people were killed on Monday.'));
  assert.ok(!readsAlone('-series, Zorgland, that followed her to exotic places.'));
  assert.ok(!readsAlone('I ate and drank whatever.'));
  assert.ok(!readsAlone("We're happy with where we are."));
  assert.ok(!readsAlone('And so were the two women she is accused of shooting.'));
  assert.ok(!readsAlone('So did the coach.'));
  assert.ok(readsAlone('$2 billion was wiped off the shares on Monday.'));
  assert.ok(readsAlone('I-95 was closed after the crash.'));
  assert.ok(readsAlone('eBay said sales rose on Monday.'));
  assert.ok(readsAlone('de Blasio met the families on Monday.'));
  assert.ok(!readsAlone('series, Zorgland, that followed her.'));
  const b = brief(
    art('a', 'Ann Lee checked into a clinic in Riverton on Monday, her agent said. I ate and drank whatever. Her agent would not say why. The singer cancelled three concerts. Her next album is due in May. Fans left flowers at the gate.'),
    art('b', 'Ann Lee checked into a clinic in Riverton on Monday. I ate and drank whatever. The clinic would not comment. Her label said the tour will resume in June.'),
  );
  assert.ok(b.claims.some((c) => c.text === 'I ate and drank whatever.' && c.status === 'corroborated'), JSON.stringify(b.claims.map((c) => c.text)));
  assert.ok(!b.summary.some((line) => line.text.startsWith('I ate')), JSON.stringify(b.summary));
});

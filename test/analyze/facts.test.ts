import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/analyze/index.js';
import type { Fact } from '../../src/types.js';

/**
 * The fact reader, one rule of English at a time, on made-up sentences:
 * what each shape of sentence states, and of what.
 */

function facts(text: string, publishedAt?: string): Fact[] {
  const paragraphs = text.split(/\n\n/);
  return analyze({ id: 'a', title: 'Made-up report', language: 'en', text, paragraphs, ...(publishedAt !== undefined ? { publishedAt } : {}) }).facts ?? [];
}

function one(list: Fact[], kind: Fact['kind'], value: string): Fact {
  const f = list.find((x) => x.kind === kind && x.value.text === value);
  assert.ok(f, `a ${kind} fact "${value}" among ${JSON.stringify(list.map((x) => [x.kind, x.value.text]))}`);
  return f;
}

test('a figure counts the head of the phrase after it, with the words that tell it apart, under the verb that governs it', () => {
  const list = facts('Police seized nine AK-47 assault rifles and four pistols from the house.');
  const rifles = one(list, 'count', 'nine');
  assert.equal(rifles.thing, 'rifle');
  assert.deepEqual(rifles.qualifiers, ['ak-47', 'assault']);
  assert.equal(rifles.predicate, 'seize');
  assert.equal(rifles.role, 'theme');
  assert.equal(one(list, 'count', 'four').thing, 'pistol');
});

test('the number of a model name is a name, not a count', () => {
  const list = facts('Officers found 12 AK 47 guns in the van.');
  assert.ok(!list.some((f) => f.value.text === '47'));
  const guns = one(list, 'count', '12');
  assert.equal(guns.thing, 'rifle', 'guns and rifles are one family');
  assert.deepEqual(guns.qualifiers, ['ak-47']);
});

test('a passive subject is what the event was done to; members of a list share the preposition that ties them', () => {
  const list = facts('Twenty rifles were seized from the warehouse. Agents took the cash from the 7 Chilean and 5 Peruvian smugglers.');
  assert.equal(one(list, 'count', 'Twenty').role, 'theme');
  const chilean = one(list, 'count', '7');
  const peruvian = one(list, 'count', '5');
  assert.equal(chilean.thing, 'smuggler');
  assert.deepEqual(chilean.qualifiers, ['chilean']);
  assert.deepEqual(peruvian.qualifiers, ['peruvian']);
  assert.equal(chilean.role, 'from');
  assert.equal(peruvian.role, 'from');
});

test('states, tolls and "the number of" name their event themselves', () => {
  const list = facts(
    'The flood left at least 30 dead and 55 wounded, 15 of them critically.\n\nOfficials put the death toll at 62.\n\nThe collapse brought to 12 the number of miners who have died this year.',
  );
  assert.equal(one(list, 'count', 'at least 30').predicate, 'kill');
  assert.equal(one(list, 'count', '55').predicate, 'injure');
  const critical = one(list, 'count', '15');
  assert.deepEqual([critical.predicate, critical.qualifiers], ['injure', ['critical']]);
  const toll = one(list, 'count', '62');
  assert.deepEqual([toll.predicate, toll.thing], ['kill', 'people']);
  assert.equal(toll.participants, undefined, 'who gives a toll takes no part in the killing');
  const miners = one(list, 'count', '12');
  assert.deepEqual([miners.predicate, miners.thing], ['kill', 'miner']);
});

test('a running total, a part of the event and an average are scopes of their own', () => {
  const list = facts('In their six raids so far, agents have seized 40 rifles.\n\nHe scored 12 points in the second half.\n\nHe averaged 25 points a game last season.');
  assert.equal(one(list, 'count', '40').scope, 'total');
  assert.equal(one(list, 'count', '12').scope, 'part');
  assert.equal(one(list, 'count', '25').scope, 'rate');
  // Lives a war or a storm has taken are its toll so far.
  const lives = one(facts('The fighting has claimed more than 600 lives.'), 'count', 'more than 600');
  assert.deepEqual([lives.predicate, lives.thing, lives.scope], ['kill', 'people', 'total']);
  // An absence counted up to its end is part of a longer one.
  assert.equal(one(facts('The striker missed seven matches before returning for the final two.'), 'count', 'seven').scope, 'part');
  assert.equal(one(facts('The striker missed seven matches with a knee injury.'), 'count', 'seven').scope, undefined);
});

test('an earlier report of a figure is marked as such; an event that happened earlier is not', () => {
  assert.equal(one(facts('The ministry said earlier it had counted 30 dead.'), 'count', '30').tense, 'earlier');
  assert.equal(one(facts('Earlier that day, a shell killed seven people in the camp.'), 'count', 'seven').tense, undefined);
});

test('what is not asserted states no fact: possibilities, plans, habits, denials, questions', () => {
  assert.equal(facts('Officials could evacuate 300 residents.').length, 0);
  assert.equal(facts('A second flight is planned for Monday.').length, 0);
  assert.equal(facts('The company typically releases updates on the second Tuesday of each month.').length, 0);
  assert.ok(!facts('One bomb, which did not explode, fell in the yard.').some((f) => f.predicate === 'explode'));
  assert.equal(facts('Did the police arrest 20 people?').length, 0);
});

test('ages: "the 44-year-old Maria Lopez", "Maria Lopez, 44,", "the 44 - year - old driver"', () => {
  const a = one(facts('The 44-year-old Maria Lopez was arrested on Monday.'), 'age', '44');
  assert.equal(a.holder, 'maria lopez');
  assert.equal(one(facts('Police arrested Maria Lopez, 44, of Dayton, on Monday.'), 'age', '44').holder, 'maria lopez');
  // A labelled age in the apposition is the same age.
  assert.equal(one(facts('Police arrested Maria Lopez, age 44, on Monday.'), 'age', '44').holder, 'maria lopez');
  assert.equal(one(facts('Maria Lopez, aged 44, was charged on Monday.'), 'age', '44').holder, 'maria lopez');
  assert.equal(one(facts('Police stopped the 44 - year - old driver a mile away.'), 'age', '44').holder, 'the driver');
  // A name that describes the word after it is not whose age it is: the word is ("a 44-year-old Dayton man" is no age of
  // Dayton); a name after that word is ("the 44-year-old Hawks coach Maria Lopez").
  assert.equal(one(facts('Police arrested a 44-year-old Dayton man on Monday.'), 'age', '44').holder, 'the man');
  assert.equal(one(facts('The Hawks signed the 28-year-old Kelso native on Monday.'), 'age', '28').holder, 'the native');
  assert.equal(one(facts('Police arrested the 44-year-old Hawks coach Maria Lopez on Monday.'), 'age', '44').holder, 'maria lopez');
  // (An adverb after the name describes the verb: "the 36-year-old Maria Lopez easily defended her title".)
  assert.equal(one(facts('The 36-year-old Maria Lopez easily defended her title on Saturday.'), 'age', '36').holder, 'maria lopez');
});

test('homes: ", of Dayton" after a person, "who lived in Dayton"', () => {
  assert.equal(one(facts('Police arrested Maria Lopez, 44, of Dayton, on Monday.'), 'home', 'Dayton').holder, 'maria lopez');
  assert.equal(one(facts('Maria Lopez, who lived in Dayton, was taken to hospital.'), 'home', 'Dayton').holder, 'maria lopez');
});

test('a record in brackets after a name is that person’s, and so are the knockouts beside it', () => {
  const list = facts('Carlos Jones (31-2, 20 KOs) beat Sam Reed in the fourth round.');
  assert.equal(one(list, 'record', '31-2').holder, 'carlos jones');
  const kos = one(list, 'count', '20');
  assert.deepEqual([kos.thing, kos.holder, kos.role, kos.predicate], ['knockout', 'carlos jones', 'attribute', undefined]);
  assert.equal(one(facts('Carlos Jones improved to 32-2 with the win.'), 'record', '32-2').holder, 'carlos jones');
  assert.equal(one(facts('Carlos Jones, 31-2, 20 KOs, beat Sam Reed in the fourth round.'), 'record', '31-2').holder, 'carlos jones');
  // A score after a team and a comma ends the sentence: no record of the team.
  assert.ok(!facts('The Hawks beat visiting Dayton, 91-73.').some((f) => f.kind === 'record'));
});

test('a record a sentence states: "is 22-30 in two seasons", "compiled a 22-30 record", "a record of", a possessor; with the stretch it covers', () => {
  const record = (text: string, value: string): Fact => one(facts(text), 'record', value);
  const is = record('Ann Lee is 22-30 in two seasons as head coach.', '22-30');
  assert.deepEqual([is.holder, is.qualifiers], ['ann lee', ['seasons:2']]);
  // Other words after a record may narrow it: they are a stretch of their own, as written.
  assert.deepEqual(record('Ann Lee is 41-19 with the Falcons, the school said.', '41-19').qualifiers, ['+with the falcons']);
  assert.equal(record('Ann Lee compiled a 25-27 record with the Hawks.', '25-27').holder, 'ann lee');
  assert.deepEqual(record('Ann Lee has an overall record of 80-90 as a head coach.', '80-90').qualifiers, ['career']);
  assert.equal(record("Ann Lee's 22-30 record did not save her job.", '22-30').holder, 'ann lee');
  assert.equal(record('Ann Lee came to the Hawks from Dayton, where she was 40-38 in three-plus seasons.', '40-38').holder, 'ann lee');
  assert.deepEqual(record('Since his loss in May, Tom Fry has gone 4-2-1 against club fighters.', '4-2-1').qualifiers, ['+against club fighters', 'since']);
  // A record that ends the sentence is still one; "May" inside a sentence is the month, which doubts nothing.
  assert.equal(record('In May, Tom Fry went 4-2-1.', '4-2-1').holder, 'tom fry');
  assert.equal(one(facts('In May, police seized 40 rifles from the house.'), 'count', '40').thing, 'rifle');
  // "he" after a sentence that opens with a person described, not named, is that person, not the last one named before.
  assert.ok(!facts('General manager Ed Stone made the call. The member of the 1983 championship team started his career in Dayton, where he finished with a 62-39 mark.').some((f) => f.kind === 'record' && f.holder === 'ed stone'));
  // A losing pair with no word that calls it a record is a range, and a team's opponent holds no record of the subject.
  assert.ok(!facts('The storm damaged 22-30 houses in the valley.').some((f) => f.kind === 'record'));
  assert.ok(!facts('Ann Lee beat a team with a 9-14 record on Friday.').some((f) => f.kind === 'record' && f.holder === 'ann lee'));
  // A coach takes a team "to" a record, and a mark can be "recorded": the record is the subject's. A score the team
  // led by, or a win it was led to, is no record.
  assert.equal(record('Tom Fry led the Hawks to a 43-39 record.', '43-39').holder, 'tom fry');
  assert.equal(record('Tom Fry guided his young team to a 43-39 mark.', '43-39').holder, 'tom fry');
  assert.deepEqual(record('Tom Fry recorded a mark of 162-139 in Dayton.', '162-139').qualifiers, ['+in dayton']);
  assert.ok(!facts('The Hawks led 10-7 at halftime.').some((f) => f.kind === 'record'));
  // A year after it is its stretch: two seasons' records are two records.
  assert.deepEqual(record('Tom Fry led the Hawks to a 43-39 record in 2007.', '43-39').qualifiers, ['+in 2007']);
  assert.ok(!facts('Tom Fry led the Hawks to a 43-39 win.').some((f) => f.kind === 'record'));
  // A "he" stands for no name written after "the" ("fired from the Comets"), however the article typed it: a team.
  const fired = 'Fry, 48, a four-time all-star while with the Hawks, was fired from the Comets, his first head coaching job, in the middle of his fourth season.\nHe led the team to a 16-13 record.';
  assert.ok(!facts(fired).some((f) => f.kind === 'record' && f.holder === 'comets'));
  assert.equal(record('Tom Fry, a four-time all-star with the Hawks, was fired from the Comets on Monday.\nHe led the team to a 16-13 record.', '16-13').holder, 'tom fry');
});

test('a day a report gives for news it tells as done dates that news ("said Monday it has agreed to buy"); a report of anything else dates nothing', () => {
  const day = (text: string): Fact | undefined => facts(text).find((f) => f.kind === 'day');
  const bought = day('Acme Corp on Monday said it has agreed to buy Zeta Systems, a software company.');
  assert.deepEqual([bought?.predicate, bought?.thing, bought?.role], ['buy', 'company', 'reported']);
  const signed = day('Acme announced on Tuesday that it has signed a definitive agreement to acquire Zeta Systems (zeta.com), a software firm.');
  assert.deepEqual([signed?.predicate, signed?.thing, signed?.role], ['buy', 'company', 'reported']);
  assert.equal(day('The mayor told reporters on Friday that the city would reopen the bridge.'), undefined);
  assert.equal(day('Acme on Monday said it is considering an offer for Zeta Systems.'), undefined);
  // A verb right after the day is the day's own ("Police on Friday arrested"), whatever verb stands before it.
  assert.equal(day('To calm the town, police on Friday arrested two men.')?.predicate, 'arrest');
});

test('a bare figure a named person has counts what the figure before it counted: "20 points and now has 2,302 for his career", "… 2,290 points. Lee now has 2,301."', () => {
  const list = facts('Ann Lee finished with 20 points and now has 2,302 for her career.');
  const career = one(list, 'count', '2,302');
  assert.deepEqual([career.thing, career.phrase, career.holder, career.role, career.scope], ['point', 'points', 'ann lee', 'attribute', 'total']);
  // The game's figure is no running total: "for her career" frames the verb joined on by "and".
  assert.equal(one(list, 'count', '20').scope, undefined);
  const next = one(facts('Ford finished his career in 1978 with 2,290 points. Ann Lee now has 2,301.'), 'count', '2,301');
  assert.deepEqual([next.thing, next.phrase, next.holder], ['point', 'points', 'ann lee']);
  // A run ("had four in a row") is not the whole; a pronoun names no one to have it.
  assert.equal(facts('Ann Lee scored seven points. Ann Lee then had four in a row as the Hawks pulled away.').find((f) => f.value.text === 'four')?.phrase, undefined);
  assert.ok(!facts('Police seized 40 rifles. He had 12.').some((f) => f.value.text === '12'));
  // Not what a body counted before ("The Hawks committed 14 turnovers"), nor a thing among several ("20 points and 12 rebounds").
  assert.ok(!facts('The Hawks committed 14 turnovers against Duke. Tyler Lee now has 2,301.').some((f) => f.value.text === '2,301'));
  assert.equal(facts('Ann Lee finished with 20 points and 12 rebounds and now has 2,302.').find((f) => f.value.text === '2,302')?.phrase, undefined);
});

test('"as well as" joins another object of the verb; "setting fire to" burns its object; a dash after a plural closes an aside', () => {
  const banks = one(facts('Youths attacked a police station in the town as well as at least three banks, police said.'), 'count', 'at least three');
  assert.deepEqual([banks.predicate, banks.role], ['attack', 'theme']);
  const burned = one(facts('Protesters overturned cars, setting fire to three banks.'), 'count', 'three');
  assert.deepEqual([burned.predicate, burned.role], ['burn', 'theme']);
  const aside = one(facts('Youths - some on foot, others riding motorcycles - attacked four banks.'), 'count', 'four');
  assert.equal(aside.predicate, 'attack');
  // A detokenised compound still joins: "a rocket - propelled grenade" has no verb "propel".
  assert.notEqual(facts('Police seized one rocket - propelled grenade.').find((f) => f.kind === 'count')?.predicate, 'propel');
});

test('a moment an event noun’s phrases close dates that event when the verb names none, even after a doubted verb ("would not retaliate for the bombing of Tarvo on Tuesday")', () => {
  const day = (text: string): Fact | undefined => facts(text).find((f) => f.kind === 'day');
  assert.equal(day('The president said his country would not retaliate for the bombing of Tarvo in Kessel province on Tuesday.')?.predicate, 'attack');
  // A verb that names an event keeps the moment ("thwarted an attack by pirates on Thursday" is the foiling);
  // a noun before another noun is no head ("the injury report for Wednesday"); a possessive day dates the noun after it.
  assert.equal(day('A warship thwarted an attack by pirates on Thursday.')?.predicate, 'foil');
  assert.equal(day('The rest of the injury report for Wednesday is as follows.'), undefined);
  assert.notEqual(day('Police made 86 arrests over the course of Saturday’s protests.')?.predicate, 'arrest');
});

test('ranks before a name, colours before a thing, directions from a place', () => {
  const rank = one(facts('The statement was read by Lieutenant Commander Ana Ruiz on Monday.'), 'rank', 'Lieutenant Commander');
  assert.equal(rank.holder, 'ana ruiz');
  assert.equal(one(facts('The victim was hit by a blue Ford Focus that sped away.'), 'colour', 'blue').holder, 'ford focus');
  const list = facts('The ship was attacked 80 miles north of Lagos.');
  assert.deepEqual([one(list, 'direction', 'north').holder, one(list, 'measure', '80 miles').thing], ['lagos', 'distance']);
});

test('clock times and days date the event of their clause; a weekday in a name is no day', () => {
  const t = one(facts('The fire broke out in the roof at 9.12pm on Friday.'), 'time', '9.12pm');
  assert.deepEqual([t.value.number, t.predicate], [21 * 60 + 12, 'break_out']);
  assert.equal(one(facts('The blaze began at about 0915 GMT.'), 'time', 'about 0915 GMT').value.number, 9 * 60 + 15);
  // The day a report was made dates no event of the story.
  assert.ok(!facts('The blaze was reported at about 0915 GMT.').some((f) => f.kind === 'time'));
  const d = one(facts('It followed the March 3 sinking of a ferry in the bay.'), 'day', 'March 3');
  assert.deepEqual([d.value.key, d.predicate, d.thing], ['--03-03', 'sink', 'ferry']);
  assert.ok(!facts('The patch arrived outside the usual Patch Tuesday cycle.').some((f) => f.kind === 'day'));
});

test('a day inside the subject dates the event noun heading it; after a verb it stays the verb\'s; a deadly event is a killing', () => {
  const subject = one(facts('The fatal stabbing of a shop owner in the old town on Tuesday sparked three days of protests.'), 'day', 'Tuesday');
  assert.deepEqual([subject.predicate, subject.thing], ['kill', 'owner']);
  assert.equal(one(facts('The bombing of the market on Monday drew wide condemnation.'), 'day', 'Monday').predicate, 'attack');
  // A plural event noun after the day.
  assert.equal(one(facts('The Thursday explosions near the port injured nobody.'), 'day', 'Thursday').predicate, 'explode');
  // After a verb, the day may be the verb's own.
  assert.equal(one(facts('Police detained a suspect after the shooting on Monday.'), 'day', 'Monday').predicate, 'arrest');
  // A modifier is not the head: an injury report is a report.
  assert.ok(!facts('The injury report for Wednesday is as follows.').some((f) => f.kind === 'day' && f.predicate === 'injure'));
  // Only the event word itself: "The deadly fire broke out at 3 a.m." dates the outbreak.
  assert.equal(one(facts('The deadly fire broke out at 3 a.m. on Friday.'), 'time', '3 a.m.').predicate, 'break_out');
  assert.equal(one(facts('Two officers fatally shot the teenager just before 11:30 p.m. on Saturday.'), 'day', 'Saturday').predicate, 'kill');
  // "deadly" before the event the verb route finds too.
  assert.equal(one(facts('Crowds have marched every day since the deadly police shooting of a teenager in the capital on Saturday night.'), 'day', 'Saturday night').predicate, 'kill');
});

test('a day that modifies another noun dates that thing, not the event of its clause', () => {
  assert.ok(!facts('Couples took their young children for a Sunday walk.').some((f) => f.kind === 'day'));
  assert.ok(!facts('The Friday deadline passed without a deal.').some((f) => f.kind === 'day'));
  // A day opening its clause is the clause's.
  assert.equal(one(facts('On Monday police arrested two men near the port.'), 'day', 'Monday').predicate, 'arrest');
  // A part of the day is part of the day.
  assert.equal(one(facts('The fire broke out on Friday morning in the store.'), 'day', 'Friday morning').predicate, 'break_out');
});

test('"took place" and a plural event noun date the event like "happened"; a length "of deliberation" is the deliberation\'s; "over" after a length is across', () => {
  const took = one(facts('The shooting took place just after 8:30pm on Thursday inside the factory.'), 'time', 'just after 8:30pm');
  assert.deepEqual([took.predicate, took.thing], ['fire', undefined]);
  assert.equal(one(facts('The stabbings happened shortly after 9 p.m. on Friday.'), 'time', 'shortly after 9 p.m.').predicate, 'stab');
  assert.equal(one(facts('The jury was unable to reach a decision after 30 hours of deliberation.'), 'measure', '30 hours').predicate, 'deliberate');
  // A distinct event of the clause keeps its length: the verdict, not the deliberation.
  assert.equal(one(facts('The jury convicted him on Nov. 7 after 12 hours of deliberation.'), 'measure', '12 hours').predicate, 'convict');
  const across = one(facts('The panel deliberated for 40 hours over four days.'), 'measure', 'four days');
  assert.equal(across.value.lowerBound, undefined);
  assert.equal(across.value.approximate, undefined);
  // "over" before a figure is still "more than", after a length of time too when the figure is no length.
  assert.equal(one(facts('Over 40 people were injured in the blast.'), 'count', 'Over 40').value.lowerBound, true);
  assert.equal(one(facts('In the last 10 years over 500 people have been killed on the road.'), 'count', 'over 500').value.lowerBound, true);
});

test('a sum paid for a named thing is its price: "bought Compaq for $19 billion", "the $1.6 billion purchase of Opsware"', () => {
  assert.equal(one(facts('HP bought Compaq for $19 billion in 2002.'), 'measure', '$19 billion').holder, 'compaq');
  const purchase = one(facts('The largest was the $1.6 billion purchase of Opsware, a maker of software.'), 'measure', '$1.6 billion');
  assert.deepEqual([purchase.thing, purchase.holder], ['amount', 'opsware']);
  // A subject does not take the price from what was bought.
  assert.equal(one(facts('HP completed the $1.6 billion purchase of Opsware in 2007.'), 'measure', '$1.6 billion').holder, 'opsware');
  // Lists paired by "respectively" are not read name by name, and a sum sued for is no price.
  assert.notEqual(one(facts('The club signed two players to deals, Ann Berg for $80 million and Ola Lund for $25 million, respectively.'), 'measure', '$80 million').holder, 'ann berg');
  assert.notEqual(one(facts('HP sued Oracle for $4 billion on Monday.'), 'measure', '$4 billion').holder, 'oracle');
});

test('the tagger’s adjective reading of a past tense is mended: "A warship foiled a pirate attack on Friday"', () => {
  const d = one(facts('A warship foiled a pirate attack on Friday near the coast.'), 'day', 'Friday');
  assert.deepEqual([d.predicate, d.thing], ['foil', 'attack']);
});

test('telephone numbers, ranges written with their unit twice, and "about a dozen"', () => {
  assert.equal(one(facts('Anyone with information should call 0800 123 4567.'), 'identifier', '0800 123 4567').value.key, '08001234567');
  const range = one(facts('The club offered him between $10 million and $12 million.'), 'measure', 'between $10 million and $12 million');
  assert.deepEqual([range.value.number, range.value.max], [1e7, 1.2e7]);
  const dozen = one(facts('Pirates still hold about a dozen ships.'), 'count', 'about a dozen');
  assert.deepEqual([dozen.value.number, dozen.value.approximate], [12, true]);
});

test('lists: the plainer of two sets of one thing is the rest; "a further four" is another set', () => {
  const list = facts('Agents recovered 12 AK-47 guns, three rifles and two grenades.');
  assert.deepEqual(one(list, 'count', 'three').qualifiers, ['other']);
  assert.deepEqual(one(facts('Crews called a further four engines to help.'), 'count', 'four').qualifiers, ['additional']);
  // "added three more": a figure that "more" follows is another set too ("three more than" is a difference, no count).
  assert.deepEqual(one(facts('Tom Fry scored six touchdowns on offense and added three more on punt returns.'), 'count', 'three').qualifiers, ['additional']);
  assert.ok(!facts('Tom Fry scored three more than Ann Lee did.').some((f) => f.kind === 'count' && f.value.text === 'three' && f.qualifiers === undefined));
});

test('whole and part: "28 of his 68 punches thrown", "18 of its next 23 games"', () => {
  const punches = facts('Carlos Jones landed 28 of his 68 punches thrown in the round.');
  assert.equal(one(punches, 'count', '28').predicate, 'hit');
  assert.equal(one(punches, 'count', '68').predicate, 'throw');
  assert.notEqual(one(facts('The team won 18 of its next 23 games.'), 'count', '23').predicate, 'win');
});

test('who takes part: names and pronouns, not speakers; a person described but not named is "?"', () => {
  assert.deepEqual(one(facts('Tom Smith scored two goals in the match.'), 'count', 'two').participants, ['tom smith']);
  assert.equal(one(facts('Two people died in the crash, Sheriff Tom Bell said.'), 'count', 'Two').participants, undefined);
  assert.deepEqual(one(facts('Tom Smith joined in May.\n\nHe scored two goals in the match.'), 'count', 'two').participants, ['tom smith']);
  assert.deepEqual(one(facts('The 23-year-old scored two goals in the match.'), 'count', 'two').participants, ['?']);
});

test('what cannot act was acted with; a cause tells a set apart', () => {
  assert.equal(one(facts('Two shells struck the school on Tuesday.'), 'count', 'Two').role, 'theme');
  assert.deepEqual(one(facts('Four soldiers killed by friendly fire were buried on Monday.'), 'count', 'Four').qualifiers, ['by friendly fire']);
});

test('words inside a quote are the speaker’s: no fact of the outlet’s', () => {
  assert.equal(facts('“We seized 40 rifles,” the officer said.').length, 0);
});

test('which one of a series: ordinals of acts and streaks, not of parts or places in a sequence', () => {
  const streak = one(facts('Ann Lee won her 12th straight match on Sunday.'), 'ordinal', '12th');
  assert.deepEqual([streak.thing, streak.qualifiers, streak.holder], ['win', ['in a row'], 'ann lee']);
  const counted = one(facts('Ann Lee has now won 12 matches in a row.'), 'ordinal', '12');
  assert.deepEqual([counted.thing, counted.qualifiers], ['win', ['in a row']]);
  assert.equal(one(facts('The champion Ann Lee retained the title for the third time.'), 'ordinal', 'third').thing, 'hold');
  assert.deepEqual(facts('Ann Lee scored twice in the second round and again on the third floor.').filter((f) => f.kind === 'ordinal'), []);
  assert.deepEqual(facts('Ann Lee won the title for the first time.').filter((f) => f.kind === 'ordinal'), []);
});

test('which election: its kind is part of the series ("fourth parliamentary election" is not "second presidential election")', () => {
  const parliament = one(facts('Voters in Freedonia went to the polls on Sunday in the country\'s fourth parliamentary election.'), 'ordinal', 'fourth');
  assert.deepEqual([parliament.thing, parliament.qualifiers, parliament.phrase], ['election', ['parliamentary'], 'parliamentary election']);
  assert.deepEqual(one(facts('It was the second presidential election in Freedonia.'), 'ordinal', 'second').qualifiers, ['presidential']);
});

test('a measure belongs to the subject of its verb, not to the first name of the sentence; an apposition measures its person', () => {
  assert.equal(one(facts('The Sox have the high offer, and the Orioles have reportedly only offered seven years.'), 'measure', 'seven years').holder, 'orioles');
  const weight = one(facts('Ann Lee, a 6-foot, 200-pound woman, was last seen on Monday.'), 'measure', '200-pound');
  assert.deepEqual([weight.thing, weight.holder, weight.role, weight.value.unit], ['weight', 'ann lee', 'attribute', 'kilogram']);
  // Pounds weighed are no pounds paid.
  assert.equal(one(facts('The suspect weighs about 200 pounds, police said.'), 'measure', 'about 200 pounds').value.unit, 'kilogram');
  assert.equal(one(facts('The club paid 200 pounds for the ticket.'), 'measure', '200 pounds').value.unit, 'gbp');
});

test('a bracket between a subject and its verb describes the subject; a source after “according to” takes no part', () => {
  assert.equal(one(facts('Ann Lee (52-3, 46 knockouts) retained her title for the fifth time.'), 'ordinal', 'fifth').holder, 'ann lee');
  const at = one(facts('Three shells hit the school at about 3pm, according to agency spokesman Tom Fry.'), 'time', 'about 3pm');
  assert.equal(at.participants, undefined);
  assert.equal(at.predicate, 'attack', 'a weapon that hits dates an attack');
});

test('bombs dropped, a place bombed or shelled, and an attack are one event: their moments are the attack’s', () => {
  const dropped = one(facts('Aircraft dropped four bombs on the Zorg camp on Thursday.'), 'day', 'Thursday');
  assert.deepEqual([dropped.predicate, dropped.thing], ['attack', undefined]);
  assert.equal(one(facts('Four bombs were reportedly dropped at 3:20 p.m.'), 'time', '3:20 p.m.').predicate, 'attack');
  assert.equal(one(facts('The camp was bombed on Thursday.'), 'day', 'Thursday').predicate, 'attack');
  assert.equal(one(facts('On Thursday, the Riverton refugee camp in the north was bombed.'), 'day', 'Thursday').predicate, 'attack');
  assert.equal(one(facts('Artillery shelled the town on Friday.'), 'day', 'Friday').predicate, 'attack');
  // Anything else dropped, bombed or shelled is no attack: charges dropped (whatever they were over), money shelled out,
  // a film that bombed.
  assert.equal(one(facts('Prosecutors dropped the charges on Monday.'), 'day', 'Monday').predicate, 'drop');
  assert.equal(one(facts('Charges against the pilots over the four bombs were dropped on Thursday.'), 'day', 'Thursday').predicate, 'drop');
  assert.notEqual(one(facts('The city shelled out $5 million for repairs on Thursday.'), 'day', 'Thursday').predicate, 'attack');
  assert.notEqual(one(facts('The movie bombed at the box office on Friday.'), 'day', 'Friday').predicate, 'attack');
});

test('a list member with a time of its own is another act: its names are not the other time’s', () => {
  const two = facts('Police arrested Tom Fry on Monday and Ann Lee on Friday.');
  assert.deepEqual(one(two, 'day', 'Monday').participants, ['tom fry']);
  assert.deepEqual(one(two, 'day', 'Friday').participants, ['ann lee']);
  const clauses = facts('Tom Fry was arrested on Monday and Ann Lee was charged on Friday.');
  assert.deepEqual([one(clauses, 'day', 'Friday').participants, one(clauses, 'day', 'Friday').holder], [['ann lee'], 'ann lee']);
  // One time for the whole list: both took part.
  assert.deepEqual(one(facts('Police arrested Tom Fry and Ann Lee on Friday.'), 'day', 'Friday').participants, ['ann lee', 'tom fry']);
});

test('a statement that ends in a short question tag is asserted; a real question states nothing', () => {
  const tagged = facts('Ann Lee now has 2,029 points in 106 games for the club, but who is counting?');
  assert.equal(one(tagged, 'count', '2,029').thing, 'point');
  assert.ok(!tagged.some((f) => f.verb === 'counting'), 'the tag’s verb governs nothing');
  assert.equal(one(facts('Police said 12 people died in the fire, right?'), 'count', '12').predicate, 'kill');
  assert.equal(one(facts('Ann Lee now has 2,029 points in the league, but who ’ s counting?'), 'count', '2,029').holder, 'ann lee', 'a clitic spaced off its word is one word of the tag');
  assert.deepEqual(facts('Where did the 12 men go after the fire, and why?'), []);
  assert.deepEqual(facts('Did the police seize 12 rifles from the house?'), []);
  // A question after "but" or "so", a second clause that casts doubt, a number's comma: no tag, no fact.
  assert.deepEqual(facts('But were 40 people really killed in the fire on Monday, or more?'), []);
  assert.deepEqual(facts('Ann Lee scored 14 points in the game, or was it 16?'), []);
  assert.deepEqual(facts('Ann Lee scored 14 points in the game, or 16, right?'), []);
  assert.deepEqual(facts('The death toll from the blast has now reached 1,200?'), []);
  assert.equal(one(facts('Police seized 12 rifles from the house on Monday, didn’t they?'), 'count', '12').predicate, 'seize');
});

test('a sum after "worth" or "valued at" is the worth of the noun before it; deals and contracts are one thing', () => {
  const deal = one(facts('The club signed Ann Lee to a five-year deal worth nearly $80 million last summer.'), 'measure', 'nearly $80 million');
  const contract = one(facts('The club signed Ann Lee to an $82 million contract last summer.'), 'measure', '$82 million');
  assert.equal(deal.thing, 'contract');
  assert.equal(contract.thing, 'contract');
  assert.equal(one(facts('The fund bought a stake, valued at $2 billion, in the firm.'), 'measure', '$2 billion').thing, 'stake');
  // No noun before "worth": the sum stays a plain amount.
  assert.equal(one(facts('The club said it was worth $80 million to them.'), 'measure', '$80 million').thing, 'amount');
});

test('what a named person has ("had 12 points", "now has 2,302") is that person’s, also after a relative "who"', () => {
  const had = one(facts('The visitors were led by Tom Fry, while Ann Lee had 12 points and four assists.'), 'count', '12');
  assert.deepEqual([had.holder, had.role, had.thing], ['ann lee', 'attribute', 'point']);
  const who = one(facts('The pass was the key, said Ann Lee, who had 13 points.'), 'count', '13');
  assert.deepEqual([who.holder, who.role], ['ann lee', 'attribute']);
  const relative = one(facts('Officials stopped the game when Ann Lee, who now has 2,302 points, made the basket.'), 'count', '2,302');
  assert.deepEqual([relative.holder, relative.predicate, relative.role], ['ann lee', undefined, 'attribute'], 'the verb of the main clause governs nothing inside the relative one');
  assert.equal(one(facts('Hansbrough now has 2,301 career points for the club.'), 'count', '2,301').holder, 'hansbrough');
  // An apposition between the name and its verb describes the name; "now has" is a running total.
  const apposed = one(facts('Ann Lee, a junior, now has 2,129 points for the club.'), 'count', '2,129');
  assert.deepEqual([apposed.holder, apposed.scope], ['ann lee', 'total']);
  // A verb that says what happened keeps its event: "scored" is no attribute.
  const scored = one(facts('Ann Lee scored 14 points for the visitors.'), 'count', '14');
  assert.deepEqual([scored.holder, scored.predicate, scored.role], ['ann lee', 'score', 'theme']);
});

test('a plural after a figure is what it counts, though the tagger reads it as a verb', () => {
  assert.equal(one(facts('Ann Lee had 12 points at halftime for the Hawks.'), 'count', '12').scope, 'part', 'halftime is a stretch of the game');
  assert.equal(one(facts('Police found 12 rifles at the break-in on Monday.'), 'count', '12').scope, undefined, 'a break-in is no break');
  const list = facts('Ann Lee had 12 points and four assists in the win.');
  assert.equal(one(list, 'count', 'four').thing, 'assist');
  assert.equal(one(list, 'count', '12').thing, 'point');
});

test('"he" in a sentence that opens with its subject stands for that subject, however the name was typed', () => {
  const text = 'Tom Fry was quiet early.\n\nArtino picked up the slack as he scored seven points.';
  assert.deepEqual(one(facts(text), 'count', 'seven').participants, ['artino']);
  // Another person named between them: the opening subject is no surer than the other.
  const two = one(facts('Jim Cole hugged Bob Gray after he scored 20 points for the Hawks.'), 'count', '20');
  assert.deepEqual(two.participants, ['?'], 'either may be meant: someone not named');
  // A team between them changes nothing.
  assert.deepEqual(one(facts('Tom Fry sat out the game.\n\nArtino beat the Hawks as he scored 20 points.'), 'count', '20').participants, ['artino']);
});

test('a clause of time ("as he scored") shares the stretch of the game the clause before it names', () => {
  assert.equal(one(facts('Ann Lee picked up the slack in the first half as she scored seven points.'), 'count', 'seven').scope, 'part');
  assert.equal(one(facts('Ann Lee played well as she scored seven points.'), 'count', 'seven').scope, undefined);
  // "While" sets two facts side by side: the whole game's figure is no part of it.
  assert.equal(one(facts('The team trailed by 10 in the first half while Ann Lee finished the game with 30 points.'), 'count', '30').scope, undefined);
});

test('a figure a noun "was", "reached", "stood at" or "rose to" is the level of that noun; "rose by" is a change', () => {
  for (const [text, value] of [
    ['The commission said that turnout was almost 90%.', 'almost 90%'],
    ['Officials said turnout reached 93.87 percent in the election.', '93.87 percent'],
    ['Turnout stood at 62 percent, officials said.', '62 percent'],
  ] as const) {
    const f = one(facts(text), 'measure', value);
    assert.deepEqual([f.thing, f.predicate, f.participants], ['turnout', 'level', undefined], text);
  }
  assert.equal(one(facts('Unemployment rose to 7.5 percent, the agency said.'), 'measure', '7.5 percent').thing, 'unemployment');
  assert.notEqual(one(facts('Unemployment rose by 2 percent in March.'), 'measure', '2 percent').predicate, 'level');
  // A surname opening the sentence is no noun whose level it is.
  assert.equal(one(facts('Johnson was 45 percent of the vote.'), 'measure', '45 percent').thing, 'share');
});

test('figures "in each of the past five seasons" hold for every one of them: a rate, not one season’s figure', () => {
  const list = facts('Ann Lee has hit at least 30 homers and driven in 105 runs in each of the past five seasons.');
  assert.equal(one(list, 'count', 'at least 30').scope, 'rate');
  assert.equal(one(list, 'count', '105').scope, 'rate');
  assert.equal(one(facts('Ann Lee hit 33 homers last season.'), 'count', '33').scope, undefined);
  // Not past a comma, nor a figure a stretch of its own dates.
  assert.notEqual(one(facts('Ann Lee scored 40 goals for the club this season and at least 30 in each of the past five seasons.'), 'count', '40').scope, 'rate');
  assert.notEqual(one(facts('Ann Lee has 212 goals, including at least 30 in each of the past five seasons.'), 'count', '212').scope, 'rate');
});

test('a hospital condition is the condition of the person the sentence opens with, or of the "he" that opens it', () => {
  const c = one(facts('Ann Lee, 39, was shot in the neck and is hospitalized in critical condition.'), 'condition', 'critical condition');
  assert.deepEqual([c.holder, c.value.key], ['ann lee', 'critical']);
  assert.equal(one(facts('Tom Fry was shot twice.\n\nHe was later transferred to Boston and listed in stable condition.'), 'condition', 'stable condition').holder, 'tom fry');
  // Someone else's condition in the sentence: a possessive, a speech verb, a second subject.
  for (const text of [
    'Ann Lee’s husband was listed in critical condition on Monday.',
    'Ann Lee said the other driver was in critical condition.',
    'The driver, Tom Fry, was treated at the scene, and his passenger was taken to hospital in critical condition.',
    'Ann Lee said the house was in good condition.',
    'Ann Lee was slightly hurt but the other driver was listed in critical condition on Monday.',
    'Ann Lee was hurt; the victim is in critical condition.',
  ]) assert.ok(!facts(text).some((f) => f.kind === 'condition'), text);
  // A name after a preposition is no subject; a name in apposition after the opening noun is the subject.
  assert.equal(one(facts('Ann Lee was taken to Mercy Hospital and listed in critical condition.'), 'condition', 'critical condition').holder, 'ann lee');
  assert.equal(one(facts('The third victim, Ann Lee, was listed in stable condition.'), 'condition', 'stable condition').holder, 'ann lee');
  // Several conditions in one sentence, or a mixed one, are nobody's.
  assert.ok(!facts('Ann Lee is in critical condition and Tom Fry is in stable condition.').some((f) => f.kind === 'condition'));
  assert.ok(!facts('Ann Lee was in critical but stable condition.').some((f) => f.kind === 'condition'));
});

test('a named thing’s price is no running total, whatever frame of totals the sentence sets', () => {
  const f = one(facts('HP has made more than 20 acquisitions in the last few years, including Mercury for $4.5 billion and most recently Opsware for $1.6 billion.'), 'measure', '$1.6 billion');
  assert.deepEqual([f.holder, f.scope], ['opsware', undefined]);
});

test('traps for the level rule: a kind of the noun, another time or place, a frame noun, a head before "of"', () => {
  for (const text of ['Youth unemployment rose to 20 percent.', 'Four years ago, turnout was 55 percent.', 'Inflation was 3 percent in March.', 'Unemployment rose to 8 percent in Spain.', 'The total was 40 percent.', 'Unemployment in the region rose to 8 percent.']) {
    assert.ok(!facts(text).some((f) => f.predicate === 'level'), text);
  }
  assert.equal(one(facts('The price of a barrel of crude rose to $80, traders said.'), 'measure', '$80').thing, 'price');
});

test('what kind of deal a sum is worth is read with it ("a sponsorship deal", "a new contract")', () => {
  assert.deepEqual(one(facts('The club signed a sponsorship deal worth $60 million with an airline.'), 'measure', '$60 million').qualifiers, ['sponsorship']);
  assert.deepEqual(one(facts('The firm won a new contract worth $60 million.'), 'measure', '$60 million').qualifiers, ['additional']);
});

test('a determiner before a hyphened figure and noun describes one thing; it counts nothing ("a three-point play", "the traditional three - point play", "Lee’s 10-point lead")', () => {
  assert.ok(!facts('The center converted a three - point play to make it 60 - 46.').some((f) => f.kind === 'count'));
  assert.ok(!facts('Fouled on the dunk, he finished the traditional three - point play with a free throw.').some((f) => f.kind === 'count'));
  assert.ok(!facts('Ann Lee ’ s three - point play stretched the lead.').some((f) => f.kind === 'count'));
  assert.ok(!facts("The Hawks' three-point play tied the game in the third quarter.").some((f) => f.kind === 'count'));
  // So does a figure that counts the compounds: "two three-point plays" are two plays, not three points.
  assert.ok(!facts('Ann Lee scored two traditional three - point plays in the run.').some((f) => f.value.text === 'three'));
  // A lead, a margin, a win: the figure measures it ("Obama's 10-point lead" against "led by 12 points").
  assert.equal(one(facts("The Hawks' 10-point lead vanished in the third quarter."), 'count', '10').thing, 'point');
  assert.ok(!facts('Pirates launched a five-boat attack on the convoy.').some((f) => f.kind === 'count'));
  // A streak counts its members: "a 10-fight winning streak".
  assert.ok(facts('Ann Lee is now on a 10-fight winning streak.').some((f) => f.value.text === '10'));
  // Without the article the figure counts ("three point-blank rifles" aside): "seized three - point rifles" keeps its count.
  assert.equal(one(facts('Police seized three - point rifles.'), 'count', 'three').thing, 'rifle');
});

test('an earthquake’s magnitude is a measure of the quake, however written; an aftershock’s is the aftershock’s; a count of quakes is a count', () => {
  for (const [text, value] of [
    ['A magnitude 6.1 earthquake struck the island on Sunday.', '6.1'],
    ['A 6.3-magnitude earthquake struck the island on Sunday.', '6.3-magnitude'],
    ['The quake, which measured 6.1 on the Richter scale, struck the island.', '6.1'],
    ['A 6.1 quake hit the island.', '6.1'],
  ] as const) {
    const f = one(facts(text), 'measure', value);
    assert.deepEqual([f.value.unit, f.thing], ['magnitude', 'earthquake'], text);
  }
  assert.equal(one(facts('A 5.2 aftershock hit the island on Monday.'), 'measure', '5.2').thing, 'aftershock');
  assert.equal(one(facts('Seven quakes hit the region last year.'), 'count', 'Seven').thing, 'quake');
  // Another quake or another time beside it: which size is whose is unclear, so none is read; a year is no magnitude.
  for (const text of ['The quake, the strongest since the 2010 magnitude 7.0 quake, hit the island on Sunday.', 'A magnitude 7.0 earthquake struck the island in 2010.', 'It was larger than the magnitude 5.9 quake of last year.']) {
    assert.ok(!facts(text).some((f) => f.value.unit === 'magnitude'), text);
  }
});

test('"A" opening a sentence before a figure is the article, not a model name ("A 15-year-old boy"); "AK 47" and "F-16" still are', () => {
  assert.equal(one(facts('A 15-year-old boy was killed by police on Saturday.'), 'age', '15').holder, 'the boy');
  assert.ok(!facts('Police seized 12 AK 47 rifles.').some((f) => f.value.text === '47'));
  assert.ok(!facts('Two F-16 jets were sent to the area.').some((f) => f.value.text === '16'));
  // A one-letter model name a space away is still a name: "M 16 rifles", "F 16 jets".
  assert.ok(!facts('Police seized 12 M 16 rifles from the house on Monday.').some((f) => f.value.text === '16'));
  assert.equal(one(facts('Two F 16 jets and 3 B 52 bombers flew over the city.'), 'count', '3').thing, 'bomber');
});

test('the age a person comes to ("will turn 29 in April", "who turns 29 on April 11") is an age of its own; "will be 29 points" is none', () => {
  for (const text of ['Mark Lee will turn 29 in April.', 'Mark Lee, who turns 29 on April 11, signed a new deal.', 'Mark Lee will be 29 next month.', 'Mark Lee - - who will turn 29 in April - - signed.']) {
    const age = one(facts(text), 'age', '29');
    assert.equal(age.holder, 'mark lee', text);
    assert.equal(age.predicate, 'turn', text);
  }
  for (const text of ['Mark Lee will be 29 points behind the leader.', 'Mark Lee could turn 29 in April.', 'Mark Lee turned 29 points into a lead.']) {
    assert.equal(facts(text).filter((f) => f.kind === 'age').length, 0, text);
  }
});

test('a measure a person only believes ("Mark Lee believes it to be for eight years") is no measure of theirs; one of what they did is', () => {
  assert.equal(one(facts('Mark Lee believes it to be for eight years.'), 'measure', 'eight years').holder, undefined);
  assert.equal(one(facts('Mark Lee has worked at the plant for 15 years.'), 'measure', '15 years').holder, 'mark lee');
  // A passive hedge holds no one's opinion: the subject is still who did it.
  assert.equal(one(facts('The Hawks are believed to have offered at least $160 million for the deal.'), 'measure', 'at least $160 million').holder, 'hawks');
});

test('an ordinal of an office held one after another ("unveiled as the 11th Doctor", "named the 21st head coach") is which holder the person is', () => {
  const doctor = one(facts('Matt Smith was unveiled as the 11th Doctor on Saturday.'), 'ordinal', '11th');
  assert.equal(doctor.thing, 'doctor');
  assert.equal(doctor.role, 'office');
  assert.equal(doctor.holder, 'matt smith');
  assert.equal(one(facts('Mo Cheeks was named the 21st head coach in team history.'), 'ordinal', '21st').thing, 'coach');
  // A series of acts keeps its own reading: "his 21st fight" counts wins.
  assert.equal(one(facts('Mo Cheeks won his 21st fight.'), 'ordinal', '21st').role, undefined);
});

test('a year written before a name dates that name ("1999\'s "American Pie"", "the 1999 movie American Pie"); before a verb or an unnamed noun it dates none', () => {
  for (const text of ['Following her breakthrough in 1999\'s "American Pie," the actress left Hollywood.', 'The actress, who shot to fame in 1999 movie American Pie, left Hollywood.']) {
    const year = one(facts(text), 'year', '1999');
    assert.equal(year.holder, 'american pie', text);
  }
  for (const text of ['The 1967 killings of two women shocked the town.', 'In 2008 Klitschko stopped Thompson.']) {
    assert.equal(facts(text).filter((f) => f.kind === 'year').length, 0, text);
  }
});

test('where a named facility is ("the Betty Ford Center in Rancho Mirage", "Morningside Recovery in Newport Beach"); a person in a place is no facility', () => {
  const site = one(facts('Ann Lee checked into the Harbour Treatment Center in Rancho Mirage, Calif., on Thursday night.'), 'home', 'Rancho Mirage');
  assert.equal(site.holder, 'harbour treatment center');
  assert.equal(site.role, 'site');
  assert.equal(one(facts('She left Morningside Recovery in Newport Beach after a few minutes.'), 'home', 'Newport Beach').role, 'site');
  assert.equal(facts('Ann Lee stayed with Tom Fry in Newport Beach.').filter((f) => f.role === 'site').length, 0);
  // A part of the facility is no town: "in Intensive Care", "in Room 404".
  assert.equal(facts('Ann Lee stayed at the Harbour Hotel in Room 404 on Monday.').filter((f) => f.role === 'site').length, 0);
});

test('a gun\'s calibre (".38-caliber revolver", "a. 357 caliber revolver") is a calibre of the weapon after it, not a count of weapons; shots fired are rounds', () => {
  for (const [text, key] of [['Police found a loaded .38-caliber revolver at the scene.', '38'], ['He pointed a. 357 caliber revolver at the officers.', '357'], ['A loaded. 38 - caliber revolver was found.', '38']] as const) {
    const list = facts(text);
    const calibre = list.find((f) => f.kind === 'calibre');
    assert.equal(calibre?.value.key, key, text);
    assert.equal(calibre?.thing, 'revolver', text);
    assert.equal(list.filter((f) => f.kind === 'count').length, 0, text);
  }
  assert.equal(one(facts('The two officers fired 11 shots at the car.'), 'count', '11').thing, 'round');
  assert.equal(one(facts('Ann Lee landed 28 shots in the sixth round.'), 'count', '28').thing, 'punch');
  assert.equal(one(facts('The Hawks fired 30 shots on goal in the second half.'), 'count', '30').thing, 'punch');
});

test('a verb with the prefix "re" ("re-signed", "re - elected") is its stem\'s event; a bracketed aside does not cut the moment off its verb', () => {
  for (const text of ['The Hawks re-signed Tom Fry on Tuesday.', 'On Tuesday, the Hawks re - signed guard Tom Fry, who played in ten games.']) {
    assert.equal(one(facts(text), 'day', 'Tuesday').predicate, 'sign', text);
  }
  assert.equal(one(facts('Voters re-elected Ann Lee on Sunday.'), 'day', 'Sunday').predicate, 'elect');
  // The finite verb before the aside, not the infinitive after the moment.
  assert.equal(one(facts('The Hawks signed guard Tom Fry (Ohio State) on Tuesday to serve as a backup.'), 'day', 'Tuesday').predicate, 'sign');
  // With no aside the nearest finite verb still dates it.
  assert.equal(one(facts('The Hawks traded Tom Fry (Ohio State) and then signed Ann Lee on Tuesday.'), 'day', 'Tuesday').predicate, 'sign');
});

test('an average covers the figures of its own verb, not those of a verb joined on with "and"; "finished with" a figure only has it', () => {
  const list = facts('The rookie averaged 4.1 yards a carry and finished with 812 yards and six touchdowns.');
  assert.equal(one(list, 'count', '4.1').scope, 'rate');
  assert.equal(one(list, 'count', '812').scope, undefined);
  assert.equal(one(list, 'count', '812').predicate, 'finish_with');
  assert.equal(one(facts('Ann Lee averaged 22 points and 9 rebounds this season.'), 'count', '9').scope, 'rate');
  // The noun "average" makes no rate of the totals listed after it.
  const season = facts('Overall, she finished the season with a .312 average, 28 goals and 64 assists.');
  assert.notEqual(one(season, 'count', '28').scope, 'rate');
  assert.notEqual(one(season, 'count', '64').scope, 'rate');
  // A noun with no figure of its own still makes every figure after it an average.
  assert.equal(one(facts('Ann Lee is seeking an average annual value of $21 million.'), 'measure', '$21 million').scope, 'rate');
  assert.equal(one(facts('Ann Lee scored an average of 30 points and 10 rebounds in the series.'), 'count', '10').scope, 'rate');
  // An acronym's plural is the thing counted, no nationality's people ("RBIs" is no "Somalis").
  assert.equal(one(facts('Ann Lee had 33 homers and 121 RBIs.'), 'count', '121').thing, 'rbi');
  assert.equal(one(facts('Police seized 12 Somalis and three UAVs.'), 'count', '12').thing, 'people');
  assert.equal(one(facts('Gunmen killed 12 PAKISTANIS near the border.'), 'count', '12').thing, 'people');
  // "TDs" is what "touchdowns" is.
  assert.equal(one(facts('Ann Lee ran for 812 yards and had six rushing TDs.'), 'count', 'six').thing, 'touchdown');
});

test('"N times" after a verb counts how often it was done, to whom; a multiple or a frequency is no count', () => {
  // Someone shot N times was hit by N rounds, as "N bullets hit her" says.
  const shot = one(facts('Ann Lee, 16, was shot eleven times after officers said she pulled out a gun.'), 'count', 'eleven');
  assert.equal(shot.thing, 'round');
  assert.equal(shot.predicate, 'hit');
  assert.equal(shot.role, 'theme');
  assert.equal(shot.holder, 'ann lee');
  const arrested = one(facts('Tom Fry had previously been arrested four times on charges of theft.'), 'count', 'four');
  assert.equal(arrested.predicate, 'arrest');
  assert.equal(arrested.holder, 'tom fry');
  assert.equal(arrested.thing, 'time');
  // Done by someone, not to someone: another count (the rounds fired, not those that hit).
  const fired = one(facts('Officers fired 11 times at the car on Saturday night, the police said.'), 'count', '11');
  assert.deepEqual([fired.role, fired.predicate, fired.thing], ['agent', 'fire', 'time']);
  // "hit by seven bullets": what cannot act, after "by", is what hit, as the subject of "seven bullets hit her" is.
  const by = one(facts('An autopsy showed Ann Lee was hit by seven bullets.'), 'count', 'seven');
  assert.deepEqual([by.role, by.predicate, by.thing], ['theme', 'hit', 'round']);
  // The tagger's noun "shot" after a plural is the verb; its object is whom it was done to.
  const object = one(facts('The two officers shot Ann Lee seven times on Saturday night, the police said.'), 'count', 'seven');
  assert.equal(object.holder, 'ann lee');
  assert.equal(object.role, 'theme');
  for (const text of ['Sales were three times higher than last year, the company said on Monday.', 'He takes the pill three times a day, his doctor said on Monday.', 'There were four times as many people at the rally on Monday.', 'The new hall is five times the size of the old one, the council said.']) {
    assert.equal(facts(text).filter((f) => f.thing === 'time').length, 0, text);
  }
});

test('a number that names one of a sequence ("Week 16", "in week 12", "Game 7") or a model inside a name ("the BlackBerry Curve 8900") is no quantity', () => {
  for (const text of ['Tom Fry looked sharp again in a 17-14 victory at Atlanta in Week 16, the club said.', 'Tom Fry signed for the team in week 12, the club said on Monday.', 'The new BlackBerry Curve 8900 features a camera and Wi-Fi, the company said.', 'Ann Lee stopped Tom Fry in Round 7 of the fight on Saturday night.']) {
    const list = facts(text);
    assert.ok(!list.some((f) => f.kind === 'count' && ['16', '12', '8900', '7'].includes(f.value.text)), `${text} ${JSON.stringify(list.map((f) => [f.kind, f.value.text, f.thing]))}`);
  }
  // A figure after a plain noun still counts: "sold 747 planes".
  assert.equal(one(facts('The company sold 747 planes last year, its report said on Monday.'), 'count', '747').thing, 'plane');
});

test('a person\'s role, written before the name ("agent Ann Lee", "Tom\'s agent, Ann Lee,") or in an apposition after it ("Ann Lee, chief executive officer of Acme,"), is a role fact of that person', () => {
  const cases: [string, string, string][] = [
    ['The talks were led by agent Ann Lee on Monday, the club said.', 'ann lee', 'agent'],
    ["Fry's agent, Ann Lee, said on Monday that talks would resume.", 'ann lee', 'agent'],
    ['The Hawks signed cornerback Tom Fry on Monday, the club said.', 'tom fry', 'cornerback'],
    ['On Monday his sister Ann Lee told reporters the family was grieving.', 'ann lee', 'sister'],
    ['"We are pleased," said Ann Lee, chief executive officer of Acme Corp.', 'ann lee', 'chief executive'],
    ['Tom Fry, now an assistant coach with the Hawks, finished his career in 1978.', 'tom fry', 'assistant coach'],
    ['The Hawks named assistant general manager Tom Fry interim coach on Monday.', 'tom fry', 'assistant general manager'],
    ['"Phones sell," said Ann Lee, senior VP of Acme Corp, in a statement on Monday.', 'ann lee', 'vice president'],
    ['The Hawks placed running back Tom Fry on injured reserve on Monday.', 'tom fry', 'running back'],
    ['Russian Defence Minister Tom Fry also attended the talks on Wednesday.', 'tom fry', 'minister'],
    ['Ann Lee, vice president, corporate marketing, said the phone would ship in May.', 'ann lee', 'vice president'],
    // Before the name, opening the sentence as its apposition; a description of the role joined by "and".
    ['Director at security company Acme, Ann Lee said the patch was a stopgap.', 'ann lee', 'director'],
    ['The chief executive of Acme Corp, Tom Fry, told reporters on Monday the deal was done.', 'tom fry', 'chief executive'],
    ['The threat is serious, said Tom Fry, security and forensic analyst at Acme.', 'tom fry', 'analyst'],
    // After an owner and a word that says which role; given by a form of "be", in the clause or a relative clause.
    ["The show's executive producer, Ann Lee, said the choice was easy.", 'ann lee', 'producer'],
    ["Tom Fry is the Hawks' general manager, the club said on Monday.", 'tom fry', 'general manager'],
    ['Ann Lee, who is the chief executive of Acme Corp, said the deal was done.', 'ann lee', 'chief executive'],
  ];
  for (const [text, holder, key] of cases) {
    const role = facts(text).find((f) => f.kind === 'role');
    assert.equal(role?.holder, holder, text);
    assert.equal(role?.value.key, key, text);
  }
  // A status is no role; a role not next to the name is no one's.
  for (const text of [
    'The Hawks want free agent Tom Fry, the club said on Monday.',
    'The agent said on Monday that Ann Lee would sign.',
    // A phrase before the comma that is not the role and what it is of; a role held before.
    'Flanked by his attorney, Tom Fry pleaded not guilty on Monday.',
    'Former director at Acme, Ann Lee said the plan had failed.',
    // A role held before or given up; a name that is not the subject of the "be"; what the sentence does not assert.
    'Tom Fry was the former coach of the Hawks, the club said.',
    'Tom Fry was the chief executive of Acme until 2010, the company said.',
    'The wife of Tom Fry is the mayor of the town, officials said.',
    'The man who shot Tom Fry is the son of a police officer, officials said.',
    'Police denied that Tom Fry is the owner of the gun found on Monday.',
    // A parenthetical attribution after a name is no apposition of a role before it.
    'The coach, Tom Fry said, was fired on Monday.',
  ]) {
    assert.equal(facts(text).filter((f) => f.kind === 'role').length, 0, text);
  }
  // "and" joins the words of one description, not the names of a list: the coach is Bob Gray, not Ann Lee.
  assert.deepEqual(facts('Ann Lee, Tom Fry and coach Bob Gray arrived on Monday.').filter((f) => f.kind === 'role').map((f) => f.holder), ['bob gray']);
});

test('a role written as a title keeps up to two capitalised words of the title before it in its wording ("Russian Defence Minister")', () => {
  const role = facts('The Russian Defence Minister Tom Fry also attended the talks on Wednesday.').find((f) => f.kind === 'role');
  assert.equal(role?.value.text, 'Russian Defence Minister');
  assert.equal(role?.value.key, 'minister');
  assert.equal(facts('The talks were led by agent Ann Lee on Monday, the club said.').find((f) => f.kind === 'role')?.value.text, 'agent');
});

test('a year before an ordinal compound ("the 2006 second-overall pick") is no length of time', () => {
  for (const text of ['Bush, the 2006 second-overall pick, played in just 10 games this year, the club said.', 'The Angels used their 2008 second - round pick on a pitcher, the club said on Monday.']) {
    assert.ok(!facts(text).some((f) => f.value.unit === 'second'), text);
  }
  assert.equal(one(facts('He ran the 100 metres in 9.58 seconds on Monday, a world record.'), 'measure', '9.58 seconds').value.unit, 'second');
});

test('a verb that only says its subject\'s event took place ("was made", "came", "was carried out") dates the event noun; a verb that performs the one event its object names is that event', () => {
  const day = (text: string): Fact | undefined => facts(text).find((f) => f.kind === 'day');
  assert.equal(day('The arrest was made Friday in Brooklyn, the police said.')?.predicate, 'arrest');
  assert.equal(day('The raid was carried out on Monday near the border.')?.predicate, 'attack');
  assert.equal(day('The explosion came on Tuesday as the market opened.')?.predicate, 'explode');
  assert.equal(day('Police made the arrest on Friday after a long search.')?.predicate, 'arrest');
  // Only acts are performed so: "made a fire" is no outbreak.
  assert.notEqual(day('The campers made a fire on Friday near the lake.')?.predicate, 'break_out');
  // Many arrests are many events: no day of "the arrest" from a count of them.
  assert.notEqual(day("Police said they made 86 arrests over the course of Saturday's protests.")?.predicate, 'arrest');
  // An active "made" with its own object is that verb's: a statement is no event.
  assert.notEqual(day('He made a statement on Friday about the arrest.')?.predicate, 'arrest');
  // "Released" a thing is no rescue.
  assert.notEqual(day('Acme released the update on Tuesday, the company said.')?.predicate, 'rescue');
});

test('a "he" opening a sentence goes on with the one person the sentence before named and opened with, though that person\'s surname alone is no one\'s', () => {
  const list = facts('Tom Fry and his brother Bob Fry joined the club, as did Jim Cole. Fry came into the season as the leading rusher. He had 793 yards on 147 carries. But he missed 10 games this season.');
  for (const value of ['793', '10']) {
    const f = one(list, 'count', value);
    assert.deepEqual(f.participants, ['fry'], JSON.stringify(f));
  }
  // A sentence before that names two people, opens with a possession or opens inside a quote leaves "he" to the last person named.
  const participants = (text: string, value: string): string[] | undefined => one(facts(text), 'count', value).participants;
  assert.deepEqual(participants('Ann Lee hired Tom Fry on Monday. He had 12 sacks last season.', '12'), ['tom fry']);
  assert.deepEqual(participants("Tom Fry's coach, Bob Gray, was fired on Monday. He had won 12 games.", '12'), ['bob gray']);
  assert.deepEqual(participants('"Tom Fry is a great player," Bob Gray said. He scored 30 points on Monday.', '30'), ['bob gray']);
});

test('a day before "<noun> date" dates what the noun names ("a November 22 release date", "the March 3 trial date")', () => {
  const day = (text: string): Fact | undefined => facts(text).find((f) => f.kind === 'day');
  assert.equal(day('The studio staked out a November 22 release date for the film.')?.predicate, 'release');
  assert.equal(day('The judge set a March 3 trial date for the two men.')?.predicate, 'trial');
  // A day before a noun alone modifies it and dates nothing ("the Friday deadline"); a date given up dates no release.
  assert.equal(day('The Friday deadline passed without a deal.'), undefined);
  assert.notEqual(day('The studio moved the film from its original November 22 release date to December 20.')?.predicate, 'release');
});

test('an announcement of a thing is an event with its day ("The announcement came Sunday", "announced the deal on Monday"); "announced on Monday that …" reports', () => {
  const day = (text: string): Fact | undefined => facts(text).find((f) => f.kind === 'day');
  assert.equal(day('The announcement came Sunday, after months of speculation.')?.predicate, 'announce');
  assert.equal(day('Acme announced the deal on Monday, ending weeks of talks.')?.predicate, 'announce');
  assert.equal(day('Acme announced on Monday that it would cut 300 jobs.')?.predicate, undefined);
});

test('a participle between a preposition and its noun ("on injured reserve", "along parked cars") is no verb of the clause', () => {
  const day = (text: string): Fact | undefined => facts(text).find((f) => f.kind === 'day' || f.kind === 'time');
  assert.notEqual(day('The Hawks placed Tom Fry on injured reserve on Wednesday.')?.predicate, 'injure');
  assert.equal(day('Ann Lee was walking along parked cars at about 7 p.m. when she was struck.')?.predicate, 'walk');
  // A participle after its noun's determiner is still no verb, and one that governs its object still is.
  assert.equal(day('Police injured 12 protesters on Monday.')?.predicate, 'injure');
});

test('a figure between a name and one thing names a model ("the Acme 10 platform"), and a colour word after a noun ends a compound ("an ice cream shop"): neither is a fact', () => {
  assert.deepEqual(facts('The phone has the power of the Acme 10 platform and a faster chip.').filter((f) => f.kind === 'count'), []);
  assert.equal(one(facts('Riverton police arrested 12 pirates on Monday.'), 'count', '12').thing, 'pirate');
  assert.equal(one(facts('In Riverton 120 people were killed on Monday, police said.'), 'count', '120').thing, 'people');
  assert.deepEqual(facts('She was charged in the killings of two women at an ice cream shop.').filter((f) => f.kind === 'colour'), []);
  // A figure after a lone decimal point, as scraped text spaces a bore (".357"), is no count either.
  assert.deepEqual(facts('She returned with a. 357 Magnum that she kept in her car.').filter((f) => f.kind === 'count'), []);
  assert.equal(one(facts('The driver of a gray car fled the scene.'), 'colour', 'gray').holder, 'the car');
  // A set phrase's colour word names no colour: "the red carpet", "a grey area" ("grey" is keyed "gray"), "the black market".
  for (const text of ['Ann Lee was photographed on the red carpet on Monday.', 'The deal sits in a grey area of the law.', 'Guns were sold on the black market in Riverton.', 'The referee showed him a yellow card on Sunday.']) {
    assert.deepEqual(facts(text).filter((f) => f.kind === 'colour'), [], text);
  }
});

test('the members of a list a form of "have" governs are had, not done by the verb of an earlier clause ("Tom Fry scored 14 and Ann Lee had 11 points, 11 rebounds")', () => {
  const list = facts('Tom Fry scored 14 points off the bench and Ann Lee had 11 points, 11 rebounds and six blocked shots for the Hawks.');
  const rebounds = list.find((f) => f.thing === 'rebound');
  assert.equal(rebounds?.holder, 'ann lee');
  assert.notEqual(rebounds?.predicate, 'score');
  // So is a figure a preposition ties to the count it holds ("had 52 catches for 440 yards": no rushing).
  const yards = facts('Tom Fry rushed for 404 yards and also had 52 catches for 440 yards.').find((f) => f.value.text === '440');
  assert.equal(yards?.predicate, 'have');
  assert.equal(facts('Tom Fry rushed for 404 yards and also had 52 catches for 440 yards.').find((f) => f.value.text === '404')?.predicate, 'rush');
  // (Not a count a side clause holds: "the Jets, who had 3 turnovers, by 10 points" is no margin had.)
  assert.notEqual(facts('The Hawks beat the Jets, who had 3 turnovers, by 10 points.').find((f) => f.value.text === '10')?.predicate, 'have');
  // A capital "Will" before a name is a name, not a plan: its sentence states what it says.
  const will = facts('Will Artino scored 14 points off the bench for the Hawks.').find((f) => f.value.text === '14');
  assert.ok(will);
  assert.equal(will.tense, undefined);
});

test('a deed done to a named party: the name as a verb\'s object, after a deed noun and "of", or as a passive subject', () => {
  const party = (text: string): Fact | undefined => facts(text).find((f) => f.kind === 'party');
  const bought = party('Zorgcorp has agreed to buy software maker Plexium Systems for an undisclosed sum.');
  assert.ok(bought);
  assert.equal(bought.predicate, 'buy');
  assert.equal(bought.holder, 'plexium systems');
  assert.equal(bought.phrase, 'agreed to buy software maker Plexium Systems');
  assert.deepEqual(party('Analysts said Zorgcorp agreed to buy Plexium Systems.')?.participants, ['zorgcorp'], 'the doer of a deal agreed');
  const acquired = party("Analysts said Zorgcorp's $3 billion acquisition of Plexium Systems will close in May.");
  assert.equal(acquired?.predicate, 'buy', 'acquire and buy are one deed');
  assert.equal(acquired?.role, 'of');
  assert.deepEqual(acquired?.participants, ['zorgcorp'], 'the owner of the deed noun did it');
  const arrested = party('Tom Fry was arrested by state police on Monday.');
  assert.equal(arrested?.predicate, 'arrest');
  assert.equal(arrested?.holder, 'tom fry');
  assert.equal(arrested?.passive, true);
  assert.equal(arrested?.phrase, 'Tom Fry was arrested');
  // The phrase that completes the deed is part of its words, up to a day or a comma.
  assert.equal(party('Tom Fry was placed on injured reserve on Wednesday.')?.phrase, 'Tom Fry was placed on injured reserve');
  assert.equal(party('Tom Fry, 44, was charged with vehicular manslaughter, police said.')?.phrase, 'Tom Fry was charged with vehicular manslaughter');
  // Firing someone is dismissing them, not shooting at them.
  assert.equal(party('The club fired coach Tom Fry on Saturday.')?.predicate, 'dismiss');
});

test('no deed done to a party: wished for, possible, denied, said, or the name only owns or receives something', () => {
  const party = (text: string): Fact | undefined => facts(text).find((f) => f.kind === 'party');
  assert.equal(party('Zorgcorp is negotiating to buy Plexium Systems, people familiar with the talks said.'), undefined, 'a deed wished for');
  assert.equal(party('Zorgcorp could buy Plexium Systems next year.'), undefined, 'a possibility');
  assert.equal(party('A possible acquisition of Plexium Systems was discussed.'), undefined, 'a deed noun made unreal');
  assert.equal(party('Police did not arrest Tom Fry.'), undefined, 'a denial');
  assert.equal(party('Tom Fry could be arrested soon.'), undefined, 'a possible passive');
  assert.equal(party('The mayor thanked Tom Fry for his work.'), undefined, 'no deed: thanks');
  assert.equal(party('Zorgcorp bought Plexium shares last week.'), undefined, 'the name qualifies another noun');
  assert.equal(party("Zorgcorp bought Plexium Systems' printer unit."), undefined, 'the name owns what was bought');
  assert.equal(party('The Hawks offered Tom Fry an eight-year deal.'), undefined, 'the name receives, it is not what was offered');
  assert.equal(party('The team flew to Riverton on Monday.'), undefined, 'a place is no party');
});

test('a year or a month written out dates the act of its clause; one that bounds a stretch, or qualifies a noun, dates none', () => {
  const retired = one(facts('Dana Ruiz retired in 1994 after 12 seasons.'), 'day', '1994');
  assert.equal(retired.predicate, 'retire');
  assert.equal(retired.value.key, 'y1994');
  assert.equal(one(facts('The Zeta phone goes on sale in June 2013.'), 'day', 'June 2013').value.key, 'm2013-06');
  assert.equal(one(facts('The show was revived last year.', '2013-05-14T10:00:00Z'), 'day', 'last year').value.key, 'y2012');
  for (const text of ['Dana Ruiz has coached the Falcons since 1994.', 'Dana Ruiz coached the Falcons from 1994 to 2001.', 'Dana Ruiz was picked in the 1994 draft by the Falcons.', 'Dana Ruiz has won 12 games this year.']) {
    assert.deepEqual(facts(text).filter((f) => f.kind === 'day').map((f) => f.value.text), [], text);
  }
});

test('one offer told by its noun or by its verb: "made … a $20 million offer" is "offered … $20 million", and the deal offered is the offer', () => {
  const made = one(facts('The Hawks have made Tom Fry a four-year, $20 million offer.'), 'measure', '$20 million');
  const offered = one(facts('The Hawks offered Tom Fry a four-year deal worth $20 million.'), 'measure', '$20 million');
  assert.deepEqual([made.predicate, made.thing], ['offer', 'offer']);
  assert.deepEqual([offered.predicate, offered.thing], ['offer', 'offer']);
  // A contract signed is no offer.
  const signed = one(facts('The Hawks signed Tom Fry to a four-year deal worth $20 million.'), 'measure', '$20 million');
  assert.deepEqual([signed.predicate, signed.thing], ['sign', 'contract']);
});

test('a line of office is told by the body\'s name, a figure glued to its word included ("the 76ers")', () => {
  const list = facts('Tom Fry was named the 15th head coach of the Philadelphia 76ers on Monday.');
  assert.deepEqual(one(list, 'ordinal', '15th').qualifiers, ['76ers']);
});

test('a year dates only a verb of its own stretch of the clause, not one before a comma, "and" or "who" ("joined … in 2001 and retired in 2009"); a bound or a forecast dates nothing', () => {
  const years = (text: string): [string, string | undefined][] => facts(text).filter((f) => f.kind === 'day').map((f) => [f.value.text, f.predicate]);
  assert.deepEqual(years('Tom Fry joined the Hawks in 2001 and retired in 2009.'), [['2001', 'join'], ['2009', 'retire']]);
  assert.deepEqual(years('Tom Fry, who joined the Hawks in 2001, retired in 2009.'), [['2001', 'join'], ['2009', 'retire']]);
  assert.deepEqual(years('Ann Lee played for the Hawks and retired in 1994.'), [['1994', 'retire']]);
  // (An "and" that joins nouns starts no stretch.)
  assert.deepEqual(years('Ann Lee was promoted to vice president and general manager in 2003.'), [['2003', 'promote']]);
  // A stretch with no verb of its own dates nothing before it.
  assert.deepEqual(years('Tom Fry played for the Hawks, his best season in 2009.'), []);
  for (const text of ['Tom Fry retired by June 2005.', 'Tom Fry has served on the board since last year.', 'Acme expects to turn a profit in 2014.']) assert.deepEqual(years(text), [], text);
});

test('a name that opens a hyphened compound ("Glasgow-born", "Boston - based") holds no age; how often ("shot 11 times") is no object of the act a day dates', () => {
  assert.equal(one(facts('The 55-year-old Glasgow-born actor will be the next Doctor.'), 'age', '55').holder, 'the actor');
  assert.equal(one(facts('Police said the 44 - year - old Boston - based lawyer was arrested.'), 'age', '44').holder, 'the lawyer');
  assert.equal(one(facts('Police said 61-year-old Ann Lee was arrested on Friday.'), 'age', '61').holder, 'ann lee');
  assert.equal(one(facts('Tom Fry was shot 11 times by police on Saturday.'), 'day', 'Saturday').thing, undefined);
});

test('a small set "the" names after a preposition of company or place is one the article knows already ("between the two nations", "with the three victims"): no count; as a verb\'s subject or object, with a relative clause that says what befell it, or without "the", it counts', () => {
  const counts = (text: string): string[] => facts(text).filter((f) => f.kind === 'count').map((f) => `${f.value.text} ${f.thing ?? ''}`);
  assert.deepEqual(counts('Violence along the border has strained ties between the two nations.'), []);
  assert.deepEqual(counts('Ann Lee worked on the third floor with the three victims and the suspect.'), []);
  assert.deepEqual(counts('Weapons were seized from the pirates on board the two boats.'), []);
  assert.deepEqual(counts('Ann Lee worked on the third floor with the three men who were killed.'), ['three man']);
  assert.deepEqual(counts('Gunmen killed three farmers in the valley.'), ['three farmer']);
  // The subject or the object of the verb is the news: "the two gunmen were shot dead" may be disputed by "three".
  assert.deepEqual(counts('The two gunmen were shot dead by police on Sunday.'), ['two gunman']);
  assert.deepEqual(counts('The navy seized the two boats on Monday.'), ['two ship']);
  // A larger set is still a figure: "the 23 pirates" may be a count the reports give differently.
  assert.deepEqual(counts('The navy handed the 23 pirates over to the police.'), ['23 pirate']);
});

test('a part counted out of a whole that has an owner ("10 of the Hawks\' 16 games", "10 of the team\'s 16 games") counts the whole\'s thing, and the whole is no object of the verb', () => {
  for (const text of ["Tom Fry missed 10 of the Hawks' 16 games with a sprained ankle.", "Tom Fry missed 10 of the team's 16 games with a sprained ankle.", "Tom Fry missed 10 of the team's first 16 games with a sprained ankle."]) {
    const list = facts(text);
    const part = one(list, 'count', '10');
    assert.equal(part.thing, 'game', text);
    assert.equal(part.predicate, 'miss', text);
    assert.notEqual(one(list, 'count', '16').predicate, 'miss', text);
  }
});

test('a participle clause after "while" and an adverb ("while also grabbing seven rebounds") takes part with the subject of the clause before; an inverted clause ("while still missing are seven others") does not', () => {
  assert.deepEqual(one(facts('Tom Fry led all players with 23 points while also grabbing seven rebounds.'), 'count', 'seven').participants, ['tom fry']);
  assert.notDeepEqual(one(facts('Tom Fry was freed on Monday, while still missing are seven other hostages.'), 'count', 'seven').participants, ['tom fry']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/analyze/index.js';
import { consolidate } from '../../src/consolidate/index.js';
import { ALIGN_THRESHOLD, countsApart, pairScore } from '../../src/consolidate/align.js';
import { buildClaims, standingCost, withoutUnsharedDays, wording } from '../../src/consolidate/claims.js';
import { indexEntities } from '../../src/consolidate/entities.js';
import { factClaims, mergeFactClaims } from '../../src/consolidate/facts.js';
import { buildUnits } from '../../src/consolidate/units.js';
import type { AnalyzedArticle, Brief, Relations } from '../../src/types.js';

function art(id: string, paragraphs: string[]): AnalyzedArticle {
  return analyze({ id, title: `Report ${id}`, language: 'en', text: paragraphs.join('\n\n'), paragraphs });
}

function independent(articles: AnalyzedArticle[]): Relations {
  return { edges: [], groups: articles.map((a) => ({ id: a.article.id, members: [a.article.id] })) };
}

const claimWith = (b: Brief, re: RegExp): Brief['claims'][number] | undefined => b.claims.find((c) => c.sources.some((s) => re.test(s.sentence)));

test('paraphrased predicates align through word families (offered help / promised assistance)', () => {
  const a = art('a', ['The president promised the neighbouring country assistance in building satellites on Monday.']);
  const b = art('b', ['The president offered the neighbouring country help in developing satellites.']);
  const brief = consolidate([a, b], independent([a, b]));
  const c = claimWith(brief, /promised/);
  assert.equal(c?.support, 2);
  assert.equal(c?.status, 'corroborated');
});

test('sentences sharing only who they are about do not align', () => {
  const filler = (id: string, n: number): string[] => Array.from({ length: n }, (_, i) => `Governor Maria Lopez and Mayor Tom Reed spoke about topic ${id}${i} at length with residents.`);
  const a = art('a', [...filler('a', 4), 'Governor Maria Lopez and Mayor Tom Reed toured the flooded riverside district on Friday.']);
  const b = art('b', [...filler('b', 4), 'Governor Maria Lopez and Mayor Tom Reed argued over the transport budget in a tense meeting.']);
  const brief = consolidate([a, b], independent([a, b]));
  const c = claimWith(brief, /flooded riverside/);
  assert.equal(c?.support, 1, 'names alone are no evidence of one statement');
});

test('a reported question does not corroborate the assertion it asks about', () => {
  const a = art('a', ['The minister confirmed that the government will raise fuel taxes next year.']);
  const b = art('b', ['Reporters asked whether the government will raise fuel taxes next year.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(brief, /confirmed/)?.support, 1);
});

test('a verbatim copy of a plain sentence still aligns', () => {
  const a = art('a', ['They ate and drank whatever they liked, every single night.']);
  const b = art('b', ['They ate and drank whatever they liked, every single night.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(brief.claims[0]?.support, 2);
});

test('words inside a quote are the speaker’s: a sentence all quote, or a quote and its speaker, is no claim of the outlet', () => {
  const a = art('a', ['Putin said, ‘We will talk on all issues without any hurry. There is still time for this.']);
  const b = art('b', ['“This is our new cosmodrome,” Putin continued.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(brief.claims.length, 0, JSON.stringify(brief.claims.map((c) => c.text)));
  assert.equal(brief.quotes.length, 2);
});

test('one thing spelled two ways is no name conflict', () => {
  const a = art('a', ['The Central Election Commission of Freedonia said the vote will be held in December.']);
  const b = art('b', ['The Central Elections Commission of Freedonia said the vote will be held in December.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(brief.claims.filter((c) => c.status === 'disputed').length, 0);
});

test('a kind of quantity common in the story does not make different statements one claim to dispute', () => {
  const deals = (id: string): string[] => [
    `Team ${id}A offered a deal worth $${100 + id.charCodeAt(0)} million over five years to the pitcher.`,
    `Team ${id}B offered a contract worth $${150 + id.charCodeAt(0)} million to the catcher last week.`,
    `The agent asked for $${200 + id.charCodeAt(0)} million for the shortstop in the talks.`,
  ];
  const a = art('a', [...deals('x'), 'The club also signed a young outfielder for $2 million in a separate move.']);
  const b = art('b', [...deals('y'), 'The stadium renovation will cost $9 million, the city said on Tuesday.']);
  const brief = consolidate([a, b], independent([a, b]));
  const c = claimWith(brief, /outfielder/);
  assert.ok(c);
  assert.equal(c.status, 'single-source');
});

test("two people's ages are not a dispute: the driver's 36 against the victim's 66", () => {
  const a = art('a', ['The 36-year-old driver hit a pedestrian in the store parking lot on Wednesday night.']);
  const b = art('b', ['The driver hit a 66-year-old Mary Smith in the store parking lot on Wednesday night.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(brief.claims.filter((c) => c.status === 'disputed').length, 0);
  // Two descriptions alike may be two people ("the 41-year-old American", "the 36-year-old American"): no dispute.
  const c = art('c', ['The 41-year-old driver hit a pedestrian in the store parking lot on Wednesday night.']);
  assert.equal(consolidate([a, c], independent([a, c])).claims.filter((x) => x.status === 'disputed').length, 0);
  // One named person's age given two ways disputes.
  const d = art('d', ['John Miller, 36, hit a pedestrian in the store parking lot on Wednesday night.']);
  const e = art('e', ['John Miller, 41, hit a pedestrian in the store parking lot on Wednesday night.']);
  const both = consolidate([d, e], independent([d, e]));
  const disputed = both.claims.filter((x) => x.status === 'disputed');
  assert.ok(disputed.length >= 1);
  assert.ok(disputed.every((x) => x.conflicts.some((k) => k.about === 'age of John Miller')));
});

test('a part and its whole under one name are no place conflict; two sites of one kind are', () => {
  const a = art('a', ['Israeli forces attacked a United Nations school in Gaza City on Tuesday, killing dozens of people.']);
  const b = art('b', ['Israeli forces attacked a United Nations school in the Gaza Strip on Tuesday, killing dozens of people.']);
  assert.equal(consolidate([a, b], independent([a, b])).claims.filter((c) => c.status === 'disputed').length, 0);
  const c = art('c', ['Putin met Kim at the Vostochny Cosmodrome on Wednesday to discuss satellites and rockets.']);
  const d = art('d', ['Putin met Kim at the Baikonur Cosmodrome on Wednesday to discuss satellites and rockets.']);
  assert.equal(consolidate([c, d], independent([c, d])).claims.filter((x) => x.status === 'disputed').length, 1);
});

test('transliterations of one name are no name conflict', () => {
  const a = art('a', ['A car bomb killed nine soldiers at a checkpoint in Salahaddin province on Sunday morning.']);
  const b = art('b', ['A car bomb killed nine soldiers at a checkpoint in Salahuddin province on Sunday morning.']);
  assert.equal(consolidate([a, b], independent([a, b])).claims.filter((c) => c.status === 'disputed').length, 0);
});

test('a name in the same surroundings is no rival when the rest of its sentence says something else', () => {
  const a = art('a', ['The two leaders toured the Zorya space rocket launch centre on Tuesday.']);
  const b = art('b', ['On Tuesday the two leaders toured the Zorya space rocket launch centre.']);
  const c = art('c', ['It is thought that the plans, which came to light earlier this week, were leaked by accident after Vela, a small space rocket maker, published details of its launch schedule.']);
  const brief = consolidate([a, b, c], independent([a, b, c]));
  assert.equal(claimWith(brief, /leaked/)?.support, 1);
  assert.ok(!brief.claims.some((k) => k.status === 'disputed'), JSON.stringify(brief.claims.map((k) => k.conflicts)));
});

test('sentences that give different values of one fact never corroborate each other, disputed or not', () => {
  const a = art('a', ['The boat that sank near the harbour on Monday was 12 metres long, the coast guard said.']);
  const b = art('b', ['The boat that sank near the harbour on Monday was 20 metres long, the coast guard said.']);
  const brief = consolidate([a, b], independent([a, b]));
  // (They agree on the day, and that fact claim carries both sentences; the sentence is no claim of its own beside it.)
  const statements = brief.claims.filter((c) => c.about === undefined && c.sources.some((s) => /metres/.test(s.sentence)));
  assert.ok(statements.every((c) => c.support === 1), 'a length of no named thing is too loose to dispute, and still no agreement');
  assert.deepEqual(brief.claims.filter((c) => c.support === 2).map((c) => c.about), ['day of the sinking']);
  assert.equal(new Set(brief.claims.map((c) => c.text)).size, brief.claims.length, 'no wording twice');
  assert.ok(!brief.claims.some((c) => c.status === 'disputed'));
});

test('words only a quote says are the speaker’s: they align no statement of the outlet', () => {
  const a = art('a', ["Talking about his time in the show, Smith told the BBC live show: 'I'll miss playing a character who can bounce from A to Z and be the smartest in the room and the silliest in the room.'"]);
  const b = art('b', ['There is a lot of room to play in there.']);
  const quoted = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(quoted, /room to play/)?.support, 1);
});

test('who a speaker is (a title after the name) is no evidence that two of their statements are one', () => {
  const a = art('a', ['“Engineers check the bridge cables every single week,” said Ann Berg, head of structural safety at the Harbour Authority.']);
  const b = art('b', ['The ferry timetable will change from March, Ann Berg, head of structural safety at the Harbour Authority, told local radio.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(brief, /ferry timetable/)?.support, 1, JSON.stringify(brief.claims.map((c) => c.sources.map((s) => s.sentence))));
});

test('one statement of a titled speaker, in two wordings, still aligns', () => {
  const a = art('a', ['The ferry timetable will change from March to cut waiting times, said Ann Berg, head of structural safety at the Harbour Authority.']);
  const b = art('b', ['Ann Berg, the authority’s head of structural safety, said the ferry timetable would change in March to cut waiting times.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(brief, /ferry timetable/)?.support, 2, JSON.stringify(brief.claims.map((c) => c.sources.map((s) => s.sentence))));
});

test('statements dated to different years or months are not one statement; a year and a month in it are compatible', () => {
  const a = art('a', ['The former mayor was convicted of fraud in 2004 and sentenced to ten years in a state prison.']);
  const b = art('b', ['The former mayor returned to a state prison in March 2009 to serve a ten-year sentence for fraud.']);
  const apart = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(apart, /returned to a state prison/)?.support, 1, JSON.stringify(apart.claims.map((c) => c.sources.map((s) => s.sentence))));
  const c = art('c', ['The new harbour bridge was opened to traffic in May 2010 after six years of construction work.']);
  const d = art('d', ['The new harbour bridge opened to traffic in 2010 after six years of construction.']);
  const together = consolidate([c, d], independent([c, d]));
  assert.equal(claimWith(together, /harbour bridge/)?.support, 2, JSON.stringify(together.claims.map((x) => x.sources.map((s) => s.sentence))));
});

test('sentences sharing only an address, or a spaced-off negated modal, are not one statement', () => {
  const a = art('a', ['The march began soon after more than 200 people set off from the church at Elm Ave. and E. 55th St. in the evening.']);
  const b = art('b', ['A shopkeeper who saw broken windows near E. 31st St. and Elm Ave. called the fire brigade.']);
  const place = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(place, /shopkeeper/)?.support, 1, JSON.stringify(place.claims.map((c) => c.sources.map((s) => s.sentence))));
  const c = art('c', ['The striker wouldn ’ t find the net again for another 8 minutes of the second half.']);
  const d = art('d', ['The visitors wouldn ’ t score again for almost eight minutes while the hosts stretched their lead.']);
  const modal = consolidate([c, d], independent([c, d]));
  assert.equal(claimWith(modal, /visitors/)?.support, 1, JSON.stringify(modal.claims.map((x) => x.sources.map((s) => s.sentence))));
});

test('a denial does not corroborate the statement it denies', () => {
  const a = art('a', ['At the last minute the singer left a clinic in the capital that had been approved by the court and the prosecutors.']);
  const b = art('b', ['The prosecutors have not approved that clinic.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(brief, /have not approved/)?.support, 1, JSON.stringify(brief.claims.map((c) => c.sources.map((s) => s.sentence))));
});

test('counts of one thing with no value in common are two statements, whatever else they share', () => {
  const a = art('a', ['The new phone goes on sale in June for qualified buyers with 24 equal monthly payments and nothing down.']);
  const b = art('b', ['Buyers can get the new phone in June with 20 additional monthly payments and nothing down.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.notEqual(brief.claims.find((c) => c.sources.length === 2)?.status, 'corroborated', JSON.stringify(brief.claims.map((c) => [c.status, c.sources.map((s) => s.sentence)])));
});

test('two statements of one speaker do not meet on words only their quotes and his title say ("a regional government spokesman")', () => {
  const a = art('a', ['"We have no wish to fight the northern government again, but it is up to them," said a regional government spokesman, Ali Hassan.']);
  const b = art('b', ['Regional government spokesman Ali Hassan defended the government on Monday, saying, "We only guard our border."']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(brief, /defended the government/)?.support, 1, JSON.stringify(brief.claims.map((c) => c.sources.map((s) => s.sentence))));
  // What the outlets say in their own words still meets, the speaker's title before his name or not.
  const c = art('c', ['Government spokesman Ali Hassan said the border crossing was closed on Monday.']);
  const d = art('d', ['The border crossing was closed on Monday, said government spokesman Ali Hassan.']);
  assert.equal(claimWith(consolidate([c, d], independent([c, d])), /border crossing/)?.support, 2);
});

test('the start and the end of one thing are two statements, however alike their words ("voting began" / "the vote ended")', () => {
  const a = art('a', ['Voters in Freedonia began to cast their ballots at 8 a.m. on Sunday in the mayoral election, said reports from the capital.']);
  const b = art('b', ['The mayoral election in Freedonia ended on Sunday evening as scheduled, said reports from the capital.']);
  const split = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(split, /ended on Sunday/)?.sources.some((s) => /began/.test(s.sentence)), false, JSON.stringify(split.claims.map((c) => c.sources.map((s) => s.sentence))));
  // The same phase told twice is one statement; "started with" tells what came first, not that something began.
  const c = art('c', ['Voting in the mayoral election in Freedonia began on Sunday at 8 a.m., said reports from the capital.']);
  assert.equal(claimWith(consolidate([a, c], independent([a, c])), /began to cast/)?.support, 2);
  const phase = (text: string): string | undefined => {
    const arts = [art('x', [text])];
    return buildUnits(arts, indexEntities(arts))[0]?.phase;
  };
  assert.deepEqual(
    ['Voting began at 8 a.m. on Sunday in the city.', 'The vote in the city ended on Sunday evening.', 'The late rally started with a dunk by Lee.', 'The guard opened fire on the crowd in the square.', 'Voting began at 8 a.m. and ended at 6 p.m. in the city.'].map(phase),
    ['start', 'end', undefined, undefined, undefined],
  );
});

test('the same year, when it is not the story\'s own, is evidence of one statement; a year counted from ("since 2008") is not', () => {
  const a = art('a', ['In 2008, the last time the two teams met, the game went to overtime before the visitors won.']);
  const b = art('b', ['The Comets last met the Rovers in 2008, when the game was decided in overtime.']);
  assert.equal(claimWith(consolidate([a, b], independent([a, b])), /Rovers/)?.support, 2);
  const score = (x: string, y: string): number => {
    const arts = [art('x', [x]), art('y', [y])];
    const [u, v] = buildUnits(arts, indexEntities(arts));
    return pairScore(u!, v!, new Map());
  };
  const inYear = score('The Comets met the Rovers in a cup final in 2008 at the old stadium.', 'The Rovers played the Comets in a cup final in 2008 at the old stadium.');
  const since = score('The Comets met the Rovers in a cup final since 2008 at the old stadium.', 'The Rovers played the Comets in a cup final since 2008 at the old stadium.');
  assert.ok(inYear > since + 0.1, `${inYear} vs ${since}`);
  // A year alone is no evidence: the two must share what happened too.
  const c = art('c', ['The club was relegated in 2008 for the first time.']);
  const d = art('d', ['The club won the cup in 2008 for the first time.']);
  assert.equal(claimWith(consolidate([c, d], independent([c, d])), /relegated/)?.support, 1);
});

test('a claim is worded as its sources state it: the sentence the others say most of, not a longer one of which they give a part', () => {
  const a = art('a', ['Ann Lee hurt her left knee against the Comets on October 19 and missed the next four games after surgery.']);
  const b = art('b', ['Ann Lee hurt her left knee against the Comets on October 19.']);
  const c = claimWith(consolidate([a, b], independent([a, b])), /left knee/);
  assert.equal(c?.support, 2);
  assert.equal(c?.text, 'Ann Lee hurt her left knee against the Comets on October 19.');
});

test('a hedge widens the hedged figure only: "some 62 percent" is not "83.3 percent", "about 40 percent" is "44 percent"', () => {
  const units = (x: string, y: string): ReturnType<typeof buildUnits> => {
    const arts = [art('x', [x]), art('y', [y])];
    return buildUnits(arts, indexEntities(arts));
  };
  const [a, b] = units('In a poll released on Sunday, some 62 percent of voters said the response was poor.', 'A poll published on Sunday said 83.3 percent of voters were unhappy with the response.');
  assert.equal(countsApart(a!, b!), true);
  const [c, d] = units('In a poll released on Sunday, about 40 percent of voters said the response was poor.', 'A poll published on Sunday said 44 percent of voters were unhappy with the response.');
  assert.equal(countsApart(c!, d!), false);
});

test('"two more rebounds" is not "seven rebounds": an increment is another count of the same thing', () => {
  const a = art('a', ['He hit nine of 15 shots from the floor and grabbed seven rebounds.']);
  const b = art('b', ['He would grab two more rebounds from the floor before resting.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(brief, /two more rebounds/)?.support, 1, JSON.stringify(brief.claims.map((c) => c.sources.map((s) => s.sentence))));
});

test('two players described by different heights and weights are two statements ("6-foot-8, 225-pound" / "6-foot-9, 260-pound")', () => {
  const a = art('a', ['The 6 - foot - 8, 225 - pound forward turned up the intensity in the second half to fuel a 15 - 2 run.']);
  const b = art('b', ['The 6-foot-9, 260-pound Lee turned up the intensity in the second half to fuel the run.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(brief, /225 - pound/)?.support, 1, JSON.stringify(brief.claims.map((c) => c.sources.map((s) => s.sentence))));
});

test('a denial before a comma or a full stop is still read ("did not explode, officials said")', () => {
  const a = art('a', ['Two other shells exploded outside the camp near the airfield, witnesses said.']);
  const b = art('b', ['The shell near the camp did not explode, witnesses said.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(brief, /did not explode/)?.support, 1, JSON.stringify(brief.claims.map((c) => c.sources.map((s) => s.sentence))));
});

test('counts of people are counts of different groups: they do not keep two statements apart', () => {
  const a = art('a', ['Some 30 people were killed when three artillery shells landed at the perimeter of the school.']);
  const b = art('b', ['Three artillery shells landed at the perimeter of the school where 350 people were sheltering.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(brief, /sheltering/)?.support, 2, JSON.stringify(brief.claims.map((c) => c.sources.map((s) => s.sentence))));
});

test('what one sentence says only in a side clause is weak evidence that it makes the other’s statement', () => {
  const a = art('a', ['About 80 people were at work in the bakery, which makes rye bread and biscuits.']);
  const b = art('b', ['The company makes rye bread, oat biscuits and other baked goods there.']);
  const aside = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(aside, /other baked goods/)?.support, 1, JSON.stringify(aside.claims.map((c) => c.sources.map((s) => s.sentence))));
  // The same words in the statements of both still align.
  const c = art('c', ['The bakery makes rye bread and oat biscuits for the whole region.']);
  const together = consolidate([b, c], independent([b, c]));
  assert.equal(claimWith(together, /other baked goods/)?.support, 2, JSON.stringify(together.claims.map((x) => x.sources.map((s) => s.sentence))));
});

test('rejecting a call is not making it: "dismissed calls to resign" does not corroborate "calls to resign"', () => {
  const a = art('a', ['As the strike went on, more and more people have been calling for the city mayor Anna Holt and her council to resign.']);
  const b = art('b', ['However, the city mayor Anna Holt has dismissed calls to resign, saying the city needs a steady hand.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(brief, /dismissed calls/)?.support, 1, JSON.stringify(brief.claims.map((c) => c.sources.map((s) => s.sentence))));
});

test('a ranked occasion ("third night") is another occasion than the second, and not an unranked one', () => {
  const a = art('a', ['Angry protesters clashed with police in the harbour district during a third night of rioting after the funeral.']);
  const b = art('b', ['Angry protesters clashed with police in the harbour district during a second night of rioting after the funeral.']);
  const ranked = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(ranked, /second night/)?.support, 1, JSON.stringify(ranked.claims.map((c) => c.sources.map((s) => s.sentence))));
  const c = art('c', ['Protesters clashed with police in the harbour district during a third night of rioting on Wednesday.']);
  const same = consolidate([a, c], independent([a, c]));
  assert.equal(claimWith(same, /on Wednesday/)?.support, 2, JSON.stringify(same.claims.map((x) => x.sources.map((s) => s.sentence))));
});

test('what two sentences share only in side clauses of both is the statement of neither', () => {
  const a = art('a', ['Things got tight when Hillford, which had defeated Oakton in the opening round on Thursday, closed the gap to three points.']);
  const b = art('b', ['Hillford, which had defeated Oakton in the opening round on Thursday, ran out of energy late and lost by twelve.']);
  const brief = consolidate([a, b], independent([a, b]));
  // (A fact of the side clause, "won on Thursday", may still be a claim of its own: it names what it is about.)
  const statements = brief.claims.filter((c) => c.about === undefined && c.support > 1);
  assert.equal(statements.length, 0, JSON.stringify(statements.map((c) => c.sources.map((s) => s.sentence))));
});

test('sentences sharing only a verb of beginning and an adverb of sequence ("soon") are two statements', () => {
  const filler = (id: string): string[] => Array.from({ length: 4 }, (_, i) => `The council met about item ${id}${i} with residents in the hall.`);
  const a = art('a', [...filler('a'), 'The trouble began soon after more than 200 people set off from the park.']);
  const b = art('b', [...filler('b'), 'What started as a parade, soon turned into a brawl.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(brief, /set off from the park/)?.support, 1);
});

test('two game clocks that differ ("with 7:42 left" / "with 7:41 to go") are never one statement; a clock both give is', () => {
  const a = art('a', ['With 7:42 left in the first half, Ann Lee banked in a shot off the glass over Tom Fry for the record.']);
  const b = art('b', ['Ann Lee set the record by banking in a shot off the glass over Tom Fry with 7:41 to go in the first half.']);
  const c = art('c', ['Ann Lee set the record by banking in a shot off the glass over Tom Fry with 7:42 left in the first half.']);
  const apart = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(apart, /7:42/)?.support, 1);
  const together = consolidate([a, c], independent([a, c]));
  assert.equal(claimWith(together, /With 7:42/)?.support, 2);
});

test('two times of day that do not agree ("at 3:00 pm" / "at 4:10 pm") are never one statement; times that agree are', () => {
  const a = art('a', ['Sudan bombed the camp at 3:00 pm on Thursday.']);
  const b = art('b', ['The Zelian Air Force bombed the camp at 4:10 pm on Thursday.']);
  const c = art('c', ['Sudan bombed the camp at about 3 p.m. on Thursday.']);
  const apart = consolidate([a, b], independent([a, b]));
  assert.ok(!apart.claims.some((k) => k.about === undefined && k.sources.length === 2), JSON.stringify(apart.claims.map((k) => [k.about, k.sources.map((x) => x.source)])));
  const together = consolidate([a, c], independent([a, c]));
  assert.ok(together.claims.some((k) => k.about === undefined && k.sources.length === 2));
});

test('a claim is worded as what every source states: two reports of a longer sentence do not outvote the one that gives only its part', () => {
  const a = art('a', ['Ann Lee hurt her left knee against the Comets on October 19 and missed the next four games after surgery.']);
  const b = art('b', ['Ann Lee hurt her left knee against the Comets on October 19 and then missed the next four games after surgery.']);
  const c = art('c', ['Ann Lee hurt her left knee against the Comets on October 19.']);
  const claim = claimWith(consolidate([a, b, c], independent([a, b, c])), /left knee/);
  assert.equal(claim?.support, 3);
  assert.equal(claim?.text, 'Ann Lee hurt her left knee against the Comets on October 19.');
});

test('what a sentence says only in a condition ("only if he drops his asking price") is no statement of it: a side clause, as a clause of time is', () => {
  const arts = [art('a', ['The Hawks will make the pitcher an offer only if he drops his asking price.']), art('b', ['The long wait has not made the pitcher drop his asking price at all.'])];
  const [a, b] = buildUnits(arts, indexEntities(arts));
  assert.ok(a!.aside.size > 0, 'the words of the condition are its aside');
  assert.ok(pairScore(a!, b!, new Map()) < ALIGN_THRESHOLD, String(pairScore(a!, b!, new Map())));
});

test('a claim\'s text leaves out a trailing clause no other source says anything of ("…, and the club signed Tom Fry" / "…, but she expects to play next week")', () => {
  const a = art('a', ['Ann Lee hurt her left knee against the Comets on October 19, and the club signed Tom Fry to replace her.']);
  const b = art('b', ['Ann Lee hurt her left knee against the Comets on October 19, but she expects to play again next week.']);
  const corroborated = consolidate([a, b], independent([a, b])).claims.filter((c) => c.status === 'corroborated');
  assert.ok(corroborated.length > 0);
  for (const c of corroborated) assert.equal(c.text, 'Ann Lee hurt her left knee against the Comets on October 19.');
  // The sources keep their whole sentences.
  assert.ok(corroborated.some((c) => c.sources.some((s) => s.sentence.includes('Tom Fry'))));
});

test('a fact claim is worded by the sentence the other sources state, not by one that adds items of its own ("played 11 seasons, coached for seven and was named coach" / "played 11 seasons")', () => {
  const arts = [
    art('a', ['Jo Reyes played 11 seasons for the Comets, coached their reserves for seven seasons and was named head coach in May.']),
    art('b', ['Jo Reyes played 11 seasons for the Comets before his knees gave out.']),
    art('c', ['Jo Reyes played 11 seasons for the Comets.']),
  ];
  assert.equal(factClaimText(arts, '11', 3), 'Jo Reyes played 11 seasons for the Comets.');
});

/** The text of the fact claim of `value` with `sources` sources, as worded where no statement claim holds the same sentences. */
function factClaimText(arts: AnalyzedArticle[], value: string, sources: number): string {
  const ents = indexEntities(arts);
  const built = mergeFactClaims([], factClaims(arts, ents).claims, buildUnits(arts, ents), (id) => id);
  const claim = built.map((b) => b.claim).find((x) => x.facts?.some((f) => f.value === value) && x.sources.length === sources);
  assert.ok(claim, JSON.stringify(built.map((b) => [b.claim.text, b.claim.facts])));
  return claim.text;
}

test('what two sentences share only in the phrase that opens one with its setting ("At the budget hearing, …" / "… testified during the budget hearing …") is no statement of it', () => {
  const arts = [
    art('a', ['At the annual city budget hearing, the council members heard for the first time how large the deficit had grown.']),
    art('b', ['A city clerk testified during the annual city budget hearing about the missing parking ledgers.']),
  ];
  const [a, b] = buildUnits(arts, indexEntities(arts));
  assert.ok(a!.aside.has('budget') && a!.aside.has('hear'), [...a!.aside].join());
  assert.ok(!a!.aside.has('deficit'), 'the statement after the comma is no setting');
  assert.ok(pairScore(a!, b!, new Map()) < ALIGN_THRESHOLD, String(pairScore(a!, b!, new Map())));
  // The same words as the statement itself are evidence as before.
  const same = [art('c', ['The council members heard at the annual city budget hearing how large the deficit had grown.']), art('d', ['At the annual city budget hearing, council members heard how large the deficit had grown.'])];
  const [c, d] = buildUnits(same, indexEntities(same));
  assert.ok(pairScore(c!, d!, new Map()) >= ALIGN_THRESHOLD, String(pairScore(c!, d!, new Map())));
});

test('a figure that only falls within another\'s rounding or bound ("in excess of $100 billion" / "$100.5 billion") is no evidence of one statement; the same figure is', () => {
  const arts = [
    art('a', ['A handful of players in the industry have in excess of $100 billion in cash revenue.']),
    art('b', ['Acme is among the largest firms in the industry, with revenue totaling $100.5 billion for the year.']),
    art('c', ['Acme is among the largest firms in the industry, with revenue totaling $100 billion for the year.']),
  ];
  const [a, b, c] = buildUnits(arts, indexEntities(arts));
  const near = pairScore(a!, b!, new Map());
  const same = pairScore(a!, c!, new Map());
  assert.ok(near < ALIGN_THRESHOLD, String(near));
  assert.ok(same > near, `${same} > ${near}`);
});

test('the words of an age ("the 36-year-old driver", "a three-year-old girl") are no words two statements share: ages are in every other sentence of the news', () => {
  const arts = [
    art('a', ['Ann Lee said she had lost an 8-year-old daughter and two sons in the strike on the town.']),
    art('b', ['A three-year-old girl was wounded when the shell hit the market.']),
    art('c', ['She had lost her old house and her job in the year before the strike.']),
  ];
  const [a, b, c] = buildUnits(arts, indexEntities(arts));
  assert.ok(!a!.content.has('year') && !a!.content.has('old'), [...a!.content].join());
  assert.equal(pairScore(a!, b!, new Map()), 0);
  // The same words used otherwise are words of the statement.
  assert.ok(c!.content.has('year') && c!.content.has('old'), [...c!.content].join());
});

test('a fact claim\'s text leaves out a trailing clause after its value that not every other source says ("…, and scored three times on punt returns" beside one source of three that tells of punt returns)', () => {
  const arts = [
    art('a', ['Jo Reyes rushed for 404 yards and two touchdowns, caught 52 passes for 440 yards, and scored three times on punt returns this season.']),
    art('b', ['Jo Reyes rushed for 404 yards and caught 52 passes in a season the Comets would rather forget.']),
    art('c', ['Jo Reyes rushed for 404 yards, caught 52 passes and scored three times on punt returns.']),
  ];
  const [a, b, c] = buildUnits(arts, indexEntities(arts));
  const keep = a!.text.indexOf('404') + 3;
  assert.equal(wording(a!, [a!, b!, c!], keep), 'Jo Reyes rushed for 404 yards and two touchdowns, caught 52 passes for 440 yards.');
  // So does a statement claim's: it states what all its sources state.
  assert.equal(wording(a!, [a!, b!, c!]), 'Jo Reyes rushed for 404 yards and two touchdowns, caught 52 passes for 440 yards.');
  // A clause every other source says something of stays.
  const d = buildUnits([art('d', ['Jo Reyes rushed for 404 yards in the opener and returned three punts for scores.'])], indexEntities(arts))[0];
  assert.equal(wording(a!, [a!, c!, d!]), a!.text);
});

test('a claim\'s text leaves out a description set off at its end that no other source gives (", a treatment facility in Newport Beach"), not a list\'s last items', () => {
  const arts = [
    art('a', ['Her lawyer told a judge that Ann Lee was settling in at Rose Hill Recovery, a treatment facility in Newport Beach.']),
    art('b', ['Her lawyer told a judge that Ann Lee was settling in at Rose Hill Recovery and argued that she should stay there.']),
    art('c', ['Police seized seven rifles, three pistols, 13 loaded magazines, a grenade launcher, rockets and grenades in the raid.']),
    art('d', ['Police seized seven rifles, three pistols and 13 loaded magazines during the raid on Monday.']),
  ];
  const [a, b, c, d] = buildUnits(arts, indexEntities(arts));
  assert.equal(wording(a!, [a!, b!]), 'Her lawyer told a judge that Ann Lee was settling in at Rose Hill Recovery.');
  assert.equal(wording(c!, [c!, d!]), c!.text);
});

test('a claim\'s text leaves out a cause, a time or a participle clause one source adds (", ending his season", "because of an ankle injury")', () => {
  const arts = [
    art('a', ['The Hawks placed Tom Fry on injured reserve on Wednesday because of an ankle injury.']),
    art('b', ['Tom Fry was placed on injured reserve by the Hawks on Wednesday.']),
    art('c', ['The Hawks put Tom Fry on injured reserve Wednesday, ending his season.']),
  ];
  const [a, b, c] = buildUnits(arts, indexEntities(arts));
  assert.equal(wording(a!, [a!, b!, c!]), 'The Hawks placed Tom Fry on injured reserve on Wednesday.');
  assert.equal(wording(c!, [a!, b!, c!]), 'The Hawks put Tom Fry on injured reserve Wednesday.');
  // A "with" phrase after a comma that no other source says anything of goes too; one they do say something of stays.
  const withs = [
    art('f', ['Jo Reyes had a double-double with 12 points and 10 rebounds, with most of it after half-time.']),
    art('g', ['Jo Reyes finished with a double-double (12 points, 10 rebounds) for the Comets.']),
    art('h', ['Jo Reyes had a double-double, with 12 points and 10 rebounds.']),
  ];
  const [f, g, h] = buildUnits(withs, indexEntities(withs));
  assert.equal(wording(f!, [f!, g!]), 'Jo Reyes had a double-double with 12 points and 10 rebounds.');
  assert.equal(wording(h!, [h!, g!]), h!.text);
  // Never an exception, which unsays the head, nor an aside, which leaves it open or cuts its object off.
  const unsaid = [
    art('i', ['All 40 passengers on the ferry were rescued on Monday, with the exception of two children.']),
    art('j', ['All 40 passengers on the ferry were rescued on Monday by the coast guard.']),
    art('k', ['In a 5-4 ruling on Friday, the court sided, with Judge Jo Reyes writing for the majority, with the state.']),
    art('l', ['In a 5-4 ruling on Friday, the court sided with the state against the company.']),
    art('m', ['Two brothers were charged on Friday, with the help of new evidence, with the murder.']),
    art('n', ['Two brothers were charged on Friday in the death of a shopkeeper.']),
  ];
  const [i, j, k, l, m, n] = buildUnits(unsaid, indexEntities(unsaid));
  assert.equal(wording(i!, [i!, j!]), i!.text);
  assert.equal(wording(k!, [k!, l!]), k!.text);
  assert.equal(wording(m!, [m!, n!]), m!.text);
  // Never where the head would end open: "… after, police say," is no statement.
  const open = [art('d', ['Tom Fry was shot and killed on Saturday night after, police say, pointing a gun at officers.']), art('e', ['Tom Fry was shot and killed by police on Saturday night in Riverton.'])];
  const [d, e] = buildUnits(open, indexEntities(open));
  assert.equal(wording(d!, [d!, e!]), d!.text);
});

test('a sentence that says too little of a claim\'s wording to state it is a claim of its own, though it aligned with one of its sentences ("Ann Lee was named coach in 2005" beside two copies of "Ann Lee was one of the most popular players in club history and was starting her fourth season as coach")', () => {
  const popular = 'Ann Lee was one of the most popular players in Comets history and was starting her fourth season as coach.';
  const arts = [art('a', [popular]), art('b', [popular]), art('c', ['Ann Lee was named the 21st head coach in Comets history on May 23, 2005.'])];
  const ents = indexEntities(arts);
  const units = buildUnits(arts, ents);
  const names = { type: ents.type, name: ents.name, group: (id: string) => id, names: () => false };
  // The three as the aligner might have grouped them.
  const built = buildClaims([[0, 1, 2]], units, (id) => id, (x, y) => pairScore(x, y, new Map()), names);
  assert.deepEqual(built.map((b) => b.claim.sources.map((s) => s.source)), [['a', 'b'], ['c']]);
  // One that says enough of it stays.
  const close = [art('d', [popular]), art('e', ['Ann Lee, one of the most popular players in Comets history, was starting her fourth season as coach.'])];
  const e2 = indexEntities(close);
  const kept = buildClaims([[0, 1]], buildUnits(close, e2), (id) => id, (x, y) => pairScore(x, y, new Map()), { ...names, type: e2.type, name: e2.name });
  assert.equal(kept.length, 1);
  // One that says less than half of it gives only a part of it ("her fourth season", not "most popular" nor "coach"): a claim of its own.
  const part = [art('f', [popular]), art('g', [popular]), art('h', ['Lee is in her fourth season.'])];
  const e3 = indexEntities(part);
  const parted = buildClaims([[0, 1, 2]], buildUnits(part, e3), (id) => id, (x, y) => pairScore(x, y, new Map()), { ...names, type: e3.type, name: e3.name });
  assert.deepEqual(parted.map((b) => b.claim.sources.map((s) => s.source)), [['f', 'g'], ['h']]);
});

/**
 * The wording of a claim of two made-up one-sentence reports, from the first: kept at least to the end of `keepThrough`
 * in it (a fact claim's value), or a statement claim's when `keepThrough` is empty.
 */
function wordingOf(first: string, second: string, keepThrough: string): string {
  const arts = [art('a', [first]), art('b', [second])];
  const [a, b] = buildUnits(arts, indexEntities(arts));
  return wording(a!, [a!, b!], keepThrough === '' ? 0 : a!.text.indexOf(keepThrough) + keepThrough.length);
}

test('a fact claim\'s text also ends before a second verb phrase joined by a bare "and" that not every other source states ("… on October 19 and missed the next four games"), but not between two verbs of one object ("struck and killed her")', () => {
  assert.equal(
    wordingOf('Jo Reyes hurt his left knee against the Comets on October 19 and missed the next four games after surgery.', 'Jo Reyes hurt his left knee on October 19 in the loss to the Comets.', '19'),
    'Jo Reyes hurt his left knee against the Comets on October 19.',
  );
  assert.ok(!wordingOf('Ann Lee, 66, was killed on Wednesday night when Tom Hale struck and killed her outside the Riverton store.', 'Ann Lee, 66, was killed on Wednesday night outside the store in Riverton.', 'Wednesday').endsWith('struck.'));
  // A running total joined by "and now has" is such a phrase too; a head of five words is a statement of its own.
  assert.equal(wordingOf('Fry finished with 20 points and now has 1,302 for her career.', 'Jo Fry finished the game with 20 points and nine rebounds.', '20'), 'Fry finished with 20 points.');
  // Never inside a relative clause left open ("Lee, who scored 20 points."), and a statement claim keeps six words at
  // least ("Police said the masked gunman." states nothing).
  const open = 'Lee, who scored 20 points and has missed two games, will start against the Hawks.';
  assert.equal(wordingOf(open, 'Lee scored 20 points against the Hawks on Sunday night before a big crowd.', '20'), open);
  const said = 'Police said the masked gunman, carrying a rifle, fled.';
  assert.equal(wordingOf(said, 'The masked gunman was described by police.', ''), said);
});

test('a claim\'s text keeps an attribution: ", according to …" is no participle to cut at', () => {
  const attributed = 'The campaign for the council starts on October 5, according to the election board.';
  assert.equal(wordingOf(attributed, 'The campaign for the council is expected to start on October 5.', ''), attributed);
});

test('a claim\'s text leaves out a day another of its sources does not give ("placed Tom Fry on injured reserve Wednesday" beside "have placed Tom Fry on injured reserve"), but not a day that opens the sentence, qualifies a noun or bounds a stretch', () => {
  const units = (...texts: string[]) => {
    const arts = texts.map((t, i) => art(String.fromCharCode(97 + i), [t]));
    return buildUnits(arts, indexEntities(arts));
  };
  const [a, b, c] = units('The Hawks placed Tom Fry on injured reserve on Wednesday.', 'The Hawks have placed running back Tom Fry on injured reserve.', 'Tom Fry was put on injured reserve Wednesday, the team said.');
  assert.equal(withoutUnsharedDays(a!.text, a!, [a!, b!, c!]), 'The Hawks placed Tom Fry on injured reserve.');
  // Every source gives the day: it stays.
  assert.equal(withoutUnsharedDays(a!.text, a!, [a!, c!]), a!.text);
  const [d, e] = units('On Tuesday, the Hawks placed Tom Fry on injured reserve with a foot injury.', 'The Hawks placed Tom Fry on injured reserve with a foot injury.');
  assert.equal(withoutUnsharedDays(d!.text, d!, [d!, e!]), d!.text);
  const [f, g] = units('Fans gathered since Monday to mourn Tom Fry outside the stadium.', 'Fans gathered to mourn Tom Fry outside the stadium.');
  assert.equal(withoutUnsharedDays(f!.text, f!, [f!, g!]), f!.text);
  const [h, k] = units("Tom Fry will miss Sunday's game against the Comets.", 'Tom Fry will miss the game against the Comets.');
  assert.equal(withoutUnsharedDays(h!.text, h!, [h!, k!]), h!.text);
});

test('a sentence that tells someone withdrawing from something is not one that does not, however alike their words', () => {
  const arts = [
    art('a', ['Director Ann Lee has pulled out of negotiations to direct the sequel to "Night Harbor."']),
    art('b', ['Director Ann Lee is in negotiations to direct the sequel to "Night Harbor."']),
    art('c', ['Director Ann Lee has withdrawn from negotiations to direct the sequel to "Night Harbor," her agent said.']),
  ];
  const units = buildUnits(arts, indexEntities(arts));
  const [a, b, c] = units;
  assert.ok(a && b && c);
  assert.equal(pairScore(a, b, new Map()), 0);
  assert.ok(pairScore(a, c, new Map()) >= ALIGN_THRESHOLD, String(pairScore(a, c, new Map())));
});

test('a stretch of a game a sentence is set in ("midway through the second half") weighs lightly: it is when, not what', () => {
  const arts = [
    art('a', ['The Hawks twice cut the Owls’ lead to 3 points midway through the second half.']),
    art('b', ['Six of his points came after Tom Fry got knocked down while cutting to the basket midway through the second half.']),
    art('c', ['The Hawks twice cut the Owls’ lead to three points in the second half.']),
  ];
  const [a, b, c] = buildUnits(arts, indexEntities(arts));
  assert.ok(a && b && c);
  assert.ok(pairScore(a, b, new Map()) < ALIGN_THRESHOLD, String(pairScore(a, b, new Map())));
  assert.ok(pairScore(a, c, new Map()) >= ALIGN_THRESHOLD, String(pairScore(a, c, new Map())));
  // Two stretches are two moments, however alike the words; halftime ends the first half.
  const two = [
    art('e', ['Tom Fry scored 12 points for the Hawks in the first half.']),
    art('f', ['Tom Fry scored 12 points for the Hawks in the second half.']),
    art('g', ['Tom Fry had scored 12 points for the Hawks by halftime.']),
  ];
  const [e, f, g] = buildUnits(two, indexEntities(two));
  assert.ok(e && f && g);
  assert.equal(pairScore(e, f, new Map()), 0);
  assert.ok(pairScore(e, g, new Map()) > 0);
  assert.equal(pairScore(f, g, new Map()), 0);
});

test('counts of different things, none agreeing, are two statements ("infected 10,000 websites" / "two million computers infected"); one count agreeing may be one count named two ways', () => {
  const pair = (x: string, y: string): Brief => {
    const a = art('a', [x]);
    const b = art('b', [y]);
    return consolidate([a, b], independent([a, b]));
  };
  const worm = pair('The worm is believed to have already infected as many as 10,000 websites.', 'So far, more than two million computers are believed to have been infected by the worm, according to Web Weekly.');
  assert.equal(claimWith(worm, /websites/)?.support, 1);
  const haul = pair('Police seized seven rifles from the boat on Monday.', 'Police seized 13 magazines from the boat on Monday.');
  assert.equal(claimWith(haul, /rifles/)?.support, 1);
  const named = pair('Police seized seven rifles from the boat on Monday.', 'Police seized seven guns from the boat on Monday.');
  assert.equal(claimWith(named, /rifles/)?.support, 2);
  // Only a noun right after its figure is what the figure counts ("2.5 million people eligible cast" counts no casts),
  // and people in general are left out: these two give one figure of voters.
  const voters = pair('Almost all of the 2.5 million people eligible cast their votes in the election, reports said.', 'Over 2.5 million Turkmens were eligible to vote in the election at more than 2,000 booths.');
  assert.equal(claimWith(voters, /Almost all/)?.support, 2);
  // A count in a side clause is a detail, not what the sentence states.
  const ship = pair('Pirates hijacked the Sea Lark, which is carrying two million barrels of oil, off Kenya on Saturday.', 'Pirates hijacked the Sea Lark, with its 25 crew, off Kenya on Saturday.');
  assert.equal(claimWith(ship, /barrels/)?.support, 2);
});

test('"this month" and "next month" in reports that do not say when they were written are two statements; the same period aligns', () => {
  const a = art('a', ['The carrier says it will start selling the new phone sometime next month.']);
  const b = art('b', ['The carrier says it will start selling the new phone sometime this month.']);
  const apart = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(apart, /next month/)?.support, 1, JSON.stringify(apart.claims.map((c) => [c.text, c.support])));
  const c = art('c', ['The carrier says the new phone will go on sale sometime next month.']);
  const together = consolidate([a, c], independent([a, c]));
  assert.equal(claimWith(together, /next month/)?.support, 2);
});

test('a period a figure is measured from ("a drop from last season") is not the period a statement is set in', () => {
  const a = art('a', ['Tom Fry is averaging 15.5 points per game this season.']);
  const b = art('b', ['Tom Fry is averaging 15.5 points per game, a drop of five points per game from last season.']);
  const brief = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(brief, /this season/)?.support, 2, JSON.stringify(brief.claims.map((c) => [c.text, c.support])));
});

test('a period that says whose or which ("last year\'s winner", "compared with last year") is not the period a statement is set in', () => {
  const periodsOf = (text: string): string[] => {
    const a = art('a', [text]);
    return buildUnits([a], indexEntities([a])).flatMap((u) => [...u.relativePeriods]);
  };
  assert.deepEqual(periodsOf("Tom Fry, last year's winner, took the opening stage of the race on Sunday."), []);
  assert.deepEqual(periodsOf('Sales rose by a third compared with last year, the company said on Monday.'), []);
  assert.deepEqual(periodsOf('Tom Fry took the opening stage of the race on Sunday this year.'), ['year:0']);
});

test('a fact only one group of copies gives stays a single-source claim beside a corroborated claim in the same words', () => {
  const texts: Record<string, string> = {
    a: 'A gunman opened fire at the Kraft plant in Philadelphia on Thursday.\n\nHiller walked to the third-floor mixing area and found four people in the break room.',
    a2: 'A gunman opened fire at the Kraft plant in Philadelphia on Thursday.\n\nHiller walked to the third-floor mixing area and found four people in the break room.',
    b: 'A woman opened fire at a Kraft plant in Philadelphia on Thursday night.\n\nHiller walked to the third-floor mixing room and found her co-workers in the break room.',
  };
  const arts = Object.entries(texts).map(([id, text]) => art(id, text.split('\n\n')));
  const brief = consolidate(arts, { edges: [], groups: [{ id: 'a', members: ['a', 'a2'] }, { id: 'b', members: ['b'] }] });
  const count = brief.claims.find((c) => c.about?.includes('number of people'));
  assert.equal(count?.status, 'single-source', JSON.stringify(brief.claims.map((c) => [c.status, c.about, c.text])));
  assert.ok(!brief.claims.some((c) => c.status === 'corroborated' && c.facts?.every((f) => f.source !== 'b')));
});

test('two weekdays that date what two sentences say are two occasions, never one statement; one night told from either side of midnight is one', () => {
  const a = art('a', ['Riots have swept the country since the boy was shot dead by police on Saturday.']);
  const b = art('b', ['Riots have swept the country since the boy was shot dead by police on Tuesday.']);
  const apart = consolidate([a, b], independent([a, b]));
  assert.ok(!apart.claims.some((c) => c.support === 2), JSON.stringify(apart.claims.map((c) => [c.text, c.support])));
  const c = art('c', ['Riots have swept the country since the boy was shot dead by police late Thursday night.']);
  const d = art('d', ['Riots have swept the country since the boy was shot dead by police early Friday.']);
  assert.equal(claimWith(consolidate([c, d], independent([c, d])), /Thursday/)?.support, 2);
  // Nor is a day that names or qualifies another thing ("Saturday's match", "every Sunday").
  const g = art('g', ['Police arrested 12 people in Kelso on Monday in connection with the riot.']);
  const h = art('h', ["Police arrested 12 people in Kelso in connection with the riot that followed Saturday's match."]);
  const riot = consolidate([g, h], independent([g, h])).claims.find((x) => x.support === 2);
  assert.ok(riot !== undefined && !/Monday/.test(riot.text), JSON.stringify(riot?.text));
  // The day a source spoke is no day of what it says.
  const e = art('e', ['Police said Monday that riots have swept the country since the boy was shot dead.']);
  const f = art('f', ['Police said Wednesday that riots have swept the country since the boy was shot dead.']);
  assert.equal(claimWith(consolidate([e, f], independent([e, f])), /Monday/)?.support, 2);
});

test('two sentences that open with a "he" going on with two different people are about two people; with one person they align as ever', () => {
  const a = art('a', ['Tom Fry was taken to hospital after the crash.', 'He was rushed to Mercy Hospital, where he remains in critical condition.']);
  const b = art('b', ['Jim Lee was taken to hospital after the crash.', 'He was taken to Mercy Hospital in critical condition.']);
  const two = consolidate([a, b], independent([a, b]));
  assert.equal(claimWith(two, /rushed to Mercy/)?.support, 1, JSON.stringify(two.claims.map((c) => [c.text, c.support])));
  const c = art('c', ['Tom Fry was taken to hospital after the crash.', 'He was taken to Mercy Hospital in critical condition.']);
  assert.equal(claimWith(consolidate([a, c], independent([a, c])), /rushed to Mercy/)?.support, 2);
});

test('a fact claim\'s text never ends inside a list after its value: a place, a date or a sum that goes on is no member to leave out ("killed 12 people in Texas, the Carolinas and Georgia")', () => {
  const whole = (first: string, second: string, keepThrough: string): string => {
    const arts = [art('a', [first]), art('b', [second])];
    const [a, b] = buildUnits(arts, indexEntities(arts));
    return wording(a!, [a!, b!], a!.text.indexOf(keepThrough) + keepThrough.length);
  };
  for (const [first, second, value] of [
    ['The storm killed 12 people in Texas, the Carolinas and Georgia over the weekend.', 'The storm killed 12 people in Texas on Saturday night.', '12'],
    ['Ann Lee was jailed on Monday for 12 years and six months by the Riverton court.', 'Ann Lee was jailed for 12 years in Riverton.', '12'],
    ['A nurse charged with two counts of murder, one count of arson and theft appeared in court on Monday.', 'The nurse faces two counts of murder in the Riverton court.', 'two'],
  ]) assert.equal(whole(first as string, second as string, value as string), first);
});

test('a fact claim is worded by the sentence that, cut to what the others state, the others state most ("… caught 52 passes for 440 yards." rather than a longer line of which it gives the end)', () => {
  const arts = [
    art('a', ['Jo Reyes rushed 106 times for 404 yards and also caught 52 passes for 440 yards.']),
    art('b', ['Jo Reyes caught 52 passes for 440 yards and returned three punts for scores.']),
  ];
  assert.equal(factClaimText(arts, '440', 2), 'Jo Reyes caught 52 passes for 440 yards.');
});

test('a wording that opens with a pronoun after a conjunction ("But he missed 10 games") leans on its context as one that opens with the pronoun does', () => {
  const named = standingCost('Tom Fry missed 10 games this season with an ankle injury.');
  assert.ok(standingCost('But he missed 10 games this season with an ankle injury.') > named);
  assert.equal(standingCost('But he missed 10 games this season with an ankle injury.'), standingCost('He missed 10 games this season with an ankle injury.'));
});

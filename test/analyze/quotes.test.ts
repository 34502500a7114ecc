import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/analyze/index.js';
import { quoteSpans } from '../../src/analyze/quotes.js';
import { consolidate } from '../../src/consolidate/index.js';
import type { AnalyzedArticle, QuoteMention } from '../../src/types.js';

/** Who said it, wherever English puts the speaker; made-up sentences, one form each. */

function analysed(id: string, text: string): AnalyzedArticle {
  return analyze({ id, title: 'Made-up report', language: 'en', text, paragraphs: text.split(/\n\n/) });
}

function quotes(text: string): QuoteMention[] {
  return analysed('a', text).quotes;
}

test('after the quote, through an apposition: "…," the mayor, Ann Lee, said.', () => {
  assert.deepEqual(quotes('“We are looking into it,” the mayor, Ann Lee, said.').map((q) => q.speakerText), ['Ann Lee']);
});

test('before the quote, with a colon or a verb: Ann Lee told reporters: “…”', () => {
  assert.deepEqual(quotes('The mayor, Ann Lee, told reporters: “We are looking into it.”').map((q) => q.speakerText), ['Ann Lee']);
  assert.deepEqual(quotes('Ann Lee wrote in a statement: “We are looking into it.”').map((q) => q.speakerText), ['Ann Lee']);
});

test('in the sentence before or after, when it speaks: "Mayor Ann Lee spoke to reporters. “…”"', () => {
  assert.deepEqual(quotes('Mayor Ann Lee spoke to reporters on Monday. “We are looking into it.”').map((q) => q.speakerText), ['Ann Lee']);
  assert.deepEqual(quotes('“We are looking into it.” That was how Mayor Ann Lee put it on Monday.').map((q) => q.speakerText), ['Ann Lee']);
  // A sentence that only names someone, without a word of speaking, gives no speaker.
  assert.deepEqual(quotes('Ann Lee arrived on Monday. “We are looking into it.”').map((q) => q.speaker), [undefined]);
});

test('capitals that are a title lead a person\'s name ("GM Tom Fry"), whom a pronoun may stand for; a vessel\'s ("USS Harlow") do not', () => {
  const fry = quotes('As for the Riverton Hawks, GM Tom Fry has said nothing about the trade. Fry was asked on Monday if the Hawks could sign a new pitcher.\n\n“I think there is a chance of it,” he said.');
  assert.equal(fry.length, 1);
  assert.match(fry[0]?.speaker ?? '', /tom fry$/);
  const ship = quotes('USS Harlow sailed into the harbour on Monday.\n\n“We are glad to be home,” he said.');
  assert.equal(ship[0]?.speaker, undefined);
  // Nor a firm's or a club's letters before a name: "GM Dornia", "RB Kelsoburg" are nobody's titles.
  for (const firm of ['GM Dornia has lost money for four years and plans to close the plant.', 'RB Kelsoburg beat the Hawks 3-1 on Saturday.']) {
    const q = quotes(`Union leader Tom Fry spoke to workers on Monday. ${firm}\n\n“This is a betrayal,” he said.`);
    assert.doesNotMatch(q[0]?.speaker ?? '', /dornia|kelsoburg/, firm);
  }
});

test('words said in a clause of saying that opens the sentence ("After telling reporters that …") are the main clause\'s subject\'s', () => {
  const opening = quotes('After telling reporters in May that she would "never go back," "Night Rider" actress Jo Reyes returned to the show on Monday.');
  assert.deepEqual(opening.map((q) => q.speaker), ['jo reyes']);
  // Not a person named in the next sentence, nor where the opening clause is no participle of saying.
  assert.notEqual(quotes('After telling reporters that the plan was "dead on arrival," the mayor left the hall. Tom Fry stayed.')[0]?.speaker, 'tom fry');
  assert.notEqual(quotes('After the mayor called the plan "dead on arrival," Tom Fry resigned.')[0]?.speaker, 'tom fry');
  // Only a name that opens the main clause, right after the quote that closes the opening clause; not one the main
  // clause reaches through a verb or a preposition, nor one that an opening clause reporting another's words names.
  for (const main of ['officers chased Tom Fry across the park.', 'the senator met Tom Fry this week.', 'supporters of Tom Fry stormed the building.']) {
    assert.notEqual(quotes(`After telling police that the vote was "stolen by the other side," ${main}`)[0]?.speaker, 'tom fry', main);
  }
  assert.notEqual(quotes('Since saying "I will never marry again" to Tom Fry this summer, Ann Lee has kept a low profile.')[0]?.speaker, 'tom fry');
  assert.equal(quotes('After telling reporters that Ann Lee had called him "a liar and a cheat," Tom Fry filed suit.')[0]?.speaker, 'ann lee');
});

test('written words belong to their writer: "He then wrote in the guest book, “…”" after a sentence about him', () => {
  const q = quotes('Kim Jong Un thanked Vladimir Putin for the invitation. He then wrote in the guest book, “The glory to Russia will be immortal”.');
  assert.deepEqual(q.map((x) => x.speaker), ['kim jong un']);
});

test('a relative named by a possessive pronoun speaks as whose relative they are ("…,” her father said" → "Ann Lee’s father"); a rep is not named so', () => {
  const kin = quotes('Ann Lee said she would check into the clinic on Thursday.\n\nAnn Lee then left because "she was not happy with the place," her father said.');
  assert.deepEqual(kin.map((q) => [q.speaker, q.speakerText]), [[undefined, 'Ann Lee’s father']]);
  // Only someone the article itself calls so: the last person named may be a suspect.
  assert.equal(quotes('Ann Lee was killed on Saturday. Police arrested Tom Fry, 30.\n\n"She was a good girl," her father said.')[0]?.speakerText, undefined);
  // Not of the other sex than the article gives the person, and not someone whom the quote does not name by kin.
  assert.equal(quotes('Ann Lee said she would leave the clinic on Thursday. "She was not happy with the place," his father said.')[0]?.speakerText, undefined);
  assert.equal(quotes('Ann Lee checked into the clinic on Thursday. "She is doing well," her rep said.')[0]?.speakerText, undefined);
});

test('a place never speaks', () => {
  const q = quotes('The call came from Gaza City: “Everything burned down today.”');
  assert.deepEqual(q.map((x) => x.speaker), [undefined]);
});

test('variants of one short quote are one quote: “That’s why we came here” / “That’s why we have come here”', () => {
  const a = analysed('a', 'Putin replied, “That’s why we came here.”');
  const b = analysed('b', 'Putin answered, “That’s why we have come here.”');
  const c = analysed('c', 'Putin added, “We came here to talk about rockets.”');
  const brief = consolidate([a, b, c], { edges: [], groups: [a, b, c].map((x) => ({ id: x.article.id, members: [x.article.id] })) });
  const merged = brief.quotes.find((q) => q.sources.length === 2);
  assert.ok(merged, JSON.stringify(brief.quotes));
  assert.deepEqual(merged.sources.map((s) => s.source), ['a', 'b']);
  assert.equal(brief.quotes.length, 2, 'a quote that shares some of the words is another quote');
});

test('a paragraph break inside a quote: both halves take the speaker named after the second', () => {
  const q = quotes('“We are here to stay.\n\nWe will win the title next year,” club president Ann Lee said.');
  assert.deepEqual(q.map((x) => [x.text, x.speakerText]), [
    ['We are here to stay.', 'Ann Lee'],
    ['We will win the title next year', 'Ann Lee'],
  ]);
});

test('a paragraph that is only a quote continues the speaker who closed the paragraph before', () => {
  const q = quotes('“We are here to stay,” Ann Lee told reporters.\n\n“We will win the title next year.”');
  assert.deepEqual(q.map((x) => x.speakerText), ['Ann Lee', 'Ann Lee']);
  // Someone else named on the way breaks the chain.
  const r = quotes('“We are here to stay,” Ann Lee told reporters. Tom Fry, her rival, disagreed.\n\n“We will win the title next year.”');
  assert.deepEqual(r.map((x) => x.speakerText), ['Ann Lee', undefined]);
});

test('a paragraph that introduces a speaker gives the quote in the next paragraph its speaker', () => {
  const q = quotes('Speaking to reporters on Monday, Ann Lee said the club would stay in the city.\n\n“We will win the title next year.”');
  assert.deepEqual(q.map((x) => x.speakerText), ['Ann Lee']);
  // A paragraph that speaks of no one speaking introduces no one.
  const r = quotes('Ann Lee arrived in the city on Monday.\n\n“We will win the title next year.”');
  assert.deepEqual(r.map((x) => x.speakerText), [undefined]);
});

test('a pronoun stands for the narrative’s person, not for a name inside a quote or for whom words were told', () => {
  const q = quotes('Coach Ann Lee spoke after the game.\n\n“If we don’t reach the Final Four, it is a bad season,” she said.');
  assert.deepEqual(q.map((x) => x.speaker), ['ann lee']);
  const r = quotes('Ann Lee spoke after the game. “I am tired,” she told Sky News.\n\nLater she added: “I am happy with where I am now.”');
  assert.deepEqual(r.map((x) => x.speaker), ['ann lee', 'ann lee']);
});

test('a partial quote at the end of a reported clause belongs to the one who reports it, if no one else is named', () => {
  const q = quotes('Team spokesman Tim Mead confirmed on Sunday that the club had withdrawn its offer and was “out of the race for good.”');
  assert.deepEqual(q.map((x) => x.speakerText), ['Tim Mead']);
  const r = quotes('Tim Mead confirmed on Sunday that the club had withdrawn its offer after Ann Lee called it “an insult to the whole city.”');
  assert.equal(r.length, 1);
  assert.notEqual(r[0]?.speakerText, 'Tim Mead', 'Ann Lee, named on the way, may be the one quoted');
});

test('an opening single mark that never closes is an apostrophe, and a royal title after a given name is a surname', () => {
  assert.deepEqual(quotes('Gary Ross‘ direction was the strongest element of the whole film, critics said.'), []);
  assert.deepEqual(quotes('“We are here to win games,” team president Billy King said.').map((x) => x.speakerText), ['Billy King']);
});

test('the speaker is the head of the subject, not a name that describes it', () => {
  const q = quotes('Ann Lee, head of research at Harbour Bank, told reporters that the deal was “a turning point for the whole region.”');
  assert.deepEqual(q.map((x) => x.speakerText), ['Ann Lee']);
  const r = quotes('Tom Fry, controller of Harbour Drama Studios said the series was “a triumph from start to finish”.');
  assert.deepEqual(r.map((x) => x.speakerText), ['Tom Fry']);
});

test('a quote open over a paragraph without marks: its close ends it, the speaker goes back to where it opened, and no attribution becomes a quote', () => {
  const q = quotes('“Power rests entirely with the president.\n\nHis photo appears every day on the front of the papers.\n\nHe controls the economy and the whole of the media,” the diplomat added.');
  assert.deepEqual(q.map((x) => [x.text, x.speakerText]), [
    ['Power rests entirely with the president.', 'the diplomat'],
    ['He controls the economy and the whole of the media', 'the diplomat'],
  ]);
});

test('a name the introducing sentence speaks of is not the speaker; a statement that “reads” is described', () => {
  const q = quotes('A company representative confirmed Ann Lee is now in police custody.\n\n“This is a sad time for the whole company,” a statement reads.');
  assert.deepEqual(q.map((x) => x.speakerText), ['a statement']);
  const r = quotes('A company representative confirmed Ann Lee is now in police custody.\n\n“We are working closely with the police on this.”');
  assert.deepEqual(r.map((x) => x.speaker), [undefined]);
});

test('straight single marks quote only where a quote plainly opens: after a colon, before a capital', () => {
  assert.deepEqual(quotes("Ann Lee told the BBC: 'I'll miss playing a character who can be anyone.'").map((q) => [q.text, q.speakerText]), [["I'll miss playing a character who can be anyone.", 'Ann Lee']]);
  assert.deepEqual(quotes("The players' union said it would strike over the managers' pay, Ann Lee's lawyer said."), []);
  // Its close spaced after the quote's own punctuation, as detokenised text spaces it.
  assert.deepEqual(quotes("'Ann Lee has checked into the Harbour Center, ' her agent Tom Fry said in a statement.").map((q) => [q.text, q.speakerText]), [['Ann Lee has checked into the Harbour Center', 'Tom Fry']]);
  assert.deepEqual(quotes("'We thank the fans for their support. '").map((q) => q.text), ['We thank the fans for their support.']);
  // A mark that elides a year or a word opens nothing, whatever closes later in the paragraph.
  assert.deepEqual(quotes("'90s star Ann Lee has entered rehab, her agent said. 'She is getting help, ' Tom Fry said.").map((q) => [q.text, q.speakerText]), []);
  assert.deepEqual(quotes("'08 graduate Ann Lee, 22, was named coach. 'I'm thrilled, ' she said.").map((q) => q.text), []);
});

test('a surname alone speaks for the one person named in full with it; a quote reopened after an open one continues it', () => {
  assert.deepEqual(quotes('Team president Billy King hired the coach on Monday.\n\n“I look in the mirror every day,” King said.').map((q) => q.speaker), ['billy king']);
  const q = quotes('“When I look at how hard he plays, that is what I tried to do,” Ann Lee said.\n\n“As a player I was quick.\n\nI was never tall.\n\n“The only thing I had going for me was a great coach.”');
  assert.deepEqual(q.map((x) => x.speakerText), ['Ann Lee', 'Ann Lee', 'Ann Lee']);
});

test('a surname shared by two people named in full is neither: "McDermott said" after Doug and Greg McDermott', () => {
  const q = quotes('Doug McDermott scored 30 points. His father, coach Greg McDermott, watched from the bench.\n\n“I wanted to see how I felt,” McDermott said.');
  assert.equal(q.length, 1);
  assert.ok(q[0]?.speaker !== 'greg mcdermott' && q[0]?.speaker !== 'doug mcdermott', JSON.stringify(q));
  const one = quotes('Doug McDermott scored 30 points on Saturday.\n\n“I wanted to see how I felt,” McDermott said.');
  assert.deepEqual(one.map((x) => x.speaker), ['doug mcdermott']);
});

test('"the manager said" names no one the sentence before mentions: a title must stand in the name’s own sentence', () => {
  const q = quotes('A crowd looted a Harbour Mart on Monday.\n\nThe manager said, “They poured in here like forty of them.”');
  assert.deepEqual(q.map((x) => [x.speaker, x.speakerText]), [[undefined, 'The manager']]);
  const r = quotes('Harbour Mart manager Ann Lee opened the store on Monday.\n\nLater the manager said, “They poured in here like forty of them.”');
  assert.deepEqual(r.map((x) => x.speaker), ['ann lee']);
});

test('"he said" after a sentence about someone else is that one’s, even a surname two people share; the quote before does not carry over', () => {
  const q = quotes('Tom Hansbrough scored 20 points. Gene Hansbrough watched from the stands.\n\n“It is an honour,” Phil Ford said later.\n\n“I tried to do that.”\n\nThen Hansbrough -- who missed a dunk -- choked up as he watched a video.\n\n“I got a little emotional,” he said.');
  assert.deepEqual(q.map((x) => x.speakerText), ['Phil Ford', 'Phil Ford', 'Hansbrough']);
});

test('a middle initial or an abbreviation ends no sentence: the name before the apposition speaks, not the one inside it', () => {
  const q = quotes('Ann K. Berg, a lawyer for the Smith family, told reporters that the officers “acted with no care at all.”');
  assert.deepEqual(q.map((x) => x.speakerText), ['Ann K. Berg']);
  const r = quotes('Sgt. Tom Hale, a spokesman for the Lee family, told the paper that the boat “was far too full.”');
  assert.deepEqual(r.map((x) => x.speakerText), ['Tom Hale']);
});

test('"she said" skips a name inside an of-phrase: "the hope of a first female Falcon" is no one', () => {
  const q = quotes('Ann Berg writes Star Falcon, a long-running show.\n\nThe hope of a first female Falcon has been dashed again, though Berg hinted that it remained open.\n\n“Anything can change,” she said.');
  assert.deepEqual(q.map((x) => x.speaker), ['ann berg']);
});

function briefOf(...texts: string[]): ReturnType<typeof consolidate> {
  const arts = texts.map((t, i) => analysed(String.fromCharCode(97 + i), t));
  return consolidate(arts, { edges: [], groups: arts.map((x) => ({ id: x.article.id, members: [x.article.id] })) });
}

test('a fragment of two content words ("as quickly as possible") joins no quote of another speaker, and lends it no speaker', () => {
  const brief = briefOf(
    'Mike Dunn urged users to install the patch “as quickly as possible.”',
    '“The fixes were hard to apply, making it vital to ship a patch as quickly as possible.”',
  );
  assert.equal(brief.quotes.length, 2, JSON.stringify(brief.quotes));
  const long = brief.quotes.find((q) => q.text.startsWith('The fixes'));
  assert.equal(long?.speaker, undefined);
  // The same fragment from one speaker in two articles is one quote.
  const same = briefOf('Mike Dunn urged users to install the patch “as quickly as possible.”', 'Mike Dunn asked everyone to update “as quickly as possible.”');
  assert.equal(same.quotes.length, 1, JSON.stringify(same.quotes));
});

test('quotes that share only the story’s names are two quotes; wordings of one quote still merge', () => {
  const two = briefOf(
    'Ann Lee said: “We love Tom Hale’s wonderful COMET books.”',
    '“Sources tell the paper that Summit will hire Ray Cole to direct the second film of Tom Hale’s best-selling Comet books,” the report said.',
  );
  assert.equal(two.quotes.length, 2, JSON.stringify(two.quotes));
  const one = briefOf('Ann Lee said: “We love Tom Hale’s wonderful Comet books.”', '“We love Tom Hale’s Comet books,” Ann Lee told radio.');
  assert.equal(one.quotes.length, 1, JSON.stringify(one.quotes));
  assert.equal(one.quotes[0]?.sources.length, 2);
});

test('"Howard also said …" makes Howard the one "she" stands for, not the place named after the verb', () => {
  const q = quotes('District Attorney Ann Howard spoke after the verdict.\n\nHoward also said Utah prosecutors need more time.\n\n“The town has spoken,” she said.');
  assert.deepEqual(q.map((x) => x.speaker), ['ann howard']);
});

test('a quote broken over paragraphs: the speaker its close names by a verb outweighs one guessed for its opening half', () => {
  const q = quotes('“We thank everyone who helped,” said Tom Hale, who ran to the scene.\n\n“He was badly shaken.\n\nHe tried to comfort her,” said Sgt. Ann Berg of the city police.');
  assert.deepEqual(q.map((x) => x.speakerText), ['Tom Hale', 'Ann Berg', 'Ann Berg']);
});

test('"Ms. Lee ’ s sister" as spaced text describes the sister; a councilman is a person whatever city leads his title', () => {
  const q = quotes('“We miss him,” said Ms. Lee ’ s sister.');
  assert.deepEqual(q.map((x) => x.speakerText), ['Lee’s sister']);
  const r = analysed('a', 'New York City Councilman Tom D. Hale spoke at the rally.');
  assert.equal(r.entities.find((e) => e.text.includes('Hale'))?.type, 'person');
});

test('an apposition with initials ("a U. N. spokesman") still sets off the name that speaks', () => {
  const q = quotes('Ann Berg, a U. N. spokesman in the region, said: “We are concerned for the safety of civilians.”');
  assert.deepEqual(q.map((x) => x.speakerText), ['Ann Berg']);
});

test('"she said" after "King said …": a surname taken for a title still talks, for the one named in full with it', () => {
  const q = quotes('Tishana King saw the car stop.\n\nKing said the street was lit and Ray Cole seemed cornered by the men.\n\n“His hands were down,” she said.');
  assert.deepEqual(q.map((x) => x.speaker), ['tishana king']);
});

test('"said Acme Research analyst Ann Berg": the name before a title and another name employs the speaker; it does not speak', () => {
  const q = quotes('“It is a daunting deal,” said Acme Research analyst Ann Berg.');
  assert.deepEqual(q.map((x) => x.speakerText), ['Ann Berg']);
  const r = quotes('Acme Research analyst Ann Berg told clients: “It is a daunting deal.”');
  assert.deepEqual(r.map((x) => x.speakerText), ['Ann Berg']);
});

test('"…," said Hale, who sat beside coach Ann Berg: the name after the verb speaks, and the next paragraph’s quote continues him', () => {
  const q = quotes('Tom Hale broke the record on Sunday.\n\n“I felt a lot of pressure,” said Hale, who sat between Ford and coach Ann Berg at the news conference.\n\n“I did not want us to focus on the record.”');
  assert.deepEqual(q.map((x) => x.speakerText), ['Hale', 'Hale']);
});

test('"she said" is not the one the article calls "he": no speaker rather than the wrong one', () => {
  const q = quotes('In her statement, Ann Berg admitted the theft.\n\nDetective Tom Reyes, testifying Tuesday at Berg’s hearing, said he asked how she felt.\n\n“I don’t feel anything,” she said, according to the statement.');
  assert.notEqual(q[0]?.speaker, 'tom reyes');
  const r = quotes('Mr. Tom Reyes spoke to the court on Tuesday.\n\n“I feel fine,” she said.');
  assert.equal(r[0]?.speaker, undefined);
  // The pronoun that fits still resolves.
  const s = quotes('Detective Tom Reyes, testifying Tuesday, said he asked the questions.\n\n“She was calm,” he said.');
  assert.equal(s[0]?.speaker, 'tom reyes');
});

test('whom words were told to did not say them: "A witness told the Daily News: “…”" is the witness’s', () => {
  const q = quotes('A witness told the Daily Star: “The men jumped out of the car so fast.”');
  assert.deepEqual(q.map((x) => [x.speaker, x.speakerText]), [[undefined, 'A witness']]);
  const r = quotes('Ann Lee told the Daily Star: “The men jumped out of the car so fast.”');
  assert.deepEqual(r.map((x) => x.speakerText), ['Ann Lee']);
});

test('"“…,” the Daily Star quoted witness Ann Lee as saying": the one quoted speaks, not the paper quoting her', () => {
  const q = quotes('“The men jumped out of the car so fast,” the Daily Star quoted witness Ann Lee as saying.');
  assert.deepEqual(q.map((x) => x.speakerText), ['Ann Lee']);
});

test('two short quotes sharing a contraction and two words ("I can’t wait to …") are two quotes when no speaker joins them', () => {
  const brief = briefOf('The fans lined up: “I can’t wait to get started.”', 'A banner read: “I can’t wait to start the new season!”');
  assert.equal(brief.quotes.length, 2, JSON.stringify(brief.quotes));
});

test('a paragraph that introduces its speaker through an apposition ("Ann Lee, a voter in the capital, said:") gives the next paragraph’s quote its speaker', () => {
  const q = quotes('Ann Lee, a voter in the capital, said:\n\n“I remember the elections of the old days.”');
  assert.deepEqual(q.map((x) => x.speakerText), ['Ann Lee']);
});

test('"…," said a Western diplomat: a description led by a capitalised adjective is the speaker, and no earlier quote continues into it', () => {
  const q = quotes('Ann Lee, a voter in the capital, said:\n\n“It was quieter this time.”\n\nObservers say little has changed.\n\n“The facade has changed,” said a Western diplomat, who asked not to be named.');
  assert.deepEqual(q.map((x) => x.speakerText), ['Ann Lee', 'a Western diplomat']);
});

test('a quote whose sentence goes on to its own attribution is never a continuation of an earlier speaker’s quote, even when that attribution names no one', () => {
  const q = quotes('Ann Lee, a voter in the capital, said:\n\n“It was quieter this time.”\n\nObservers say little has changed.\n\n“The facade has changed,” said two Western diplomats.');
  assert.notEqual(q.at(-1)?.speakerText, 'Ann Lee', JSON.stringify(q));
});

test('"he said" after "Producer Ann Lee, who also wrote the show, is sure that Tom Hale is right": the subject past its relative clause, not the name in the that-clause', () => {
  const q = quotes('Tom Hale will star in the show, the studio said.\n\nProducer Ray Cole, who is also a writer of the show, is sure that fans will agree that Hale is the perfect choice.\n\n“When you watched him walk in tonight, you just knew,” he said.');
  assert.deepEqual(q.map((x) => x.speaker), ['ray cole']);
});

test('a name that only qualifies the noun of the subject does not speak: "The US software giant said" and "A Riverton Police spokeswoman said" are descriptions, and a described speaker goes on into the next paragraph', () => {
  const q = quotes('The US software giant said on Tuesday that it was fighting “the threat to customers” with every team.');
  assert.deepEqual(q.map((x) => [x.speaker, x.speakerText]), [[undefined, 'The US software giant']]);
  const r = quotes('A Riverton Police spokeswoman said: “The fire spread rapidly through the store.”\n\n“People are asked to avoid the area if at all possible.”');
  assert.deepEqual(r.map((x) => x.speakerText), ['A Riverton Police spokeswoman', 'A Riverton Police spokeswoman']);
  // A clause is not a description: "The U.S. Marshals have added …" names the Marshals, whoever speaks.
  const s = quotes('The U.S. Marshals have added to their list “a man who escaped custody on Friday.”');
  assert.ok(s.every((x) => !/\bhave$/.test(x.speakerText ?? '')), JSON.stringify(s));
});

test('"…," police said: a body named by a bare common noun speaks as such, rather than a person named before', () => {
  const q = quotes('Tom Hale was shot. His mother Ann Hale spoke later.\n\n“Stay down, or we will shoot again,” police said once Hale had been hit.');
  assert.deepEqual(q.map((x) => [x.speaker, x.speakerText]), [[undefined, 'police']]);
  // Not a pronoun, and not who only reported it.
  assert.deepEqual(quotes('“We will win,” they said.').map((x) => x.speakerText), [undefined]);
});

test('a straight opening mark closed by a curly one ends there: the attribution after it is not part of the quote', () => {
  const q = quotes('"Stay down, or we will shoot again, ” police said once he had been hit.');
  assert.deepEqual(q.map((x) => [x.text, x.speakerText]), [['Stay down, or we will shoot again', 'police']]);
});

test('a curly opening mark closed by a straight one that closes where it stands ends there; a talker set off by an apposition without an article is who "he" is', () => {
  const q = quotes('Tom Hale, security analyst with Acme, says that the risk is real.\n\n“The bad news is that every version is affected, " he says.\n\n“And the average user will click on anything.”');
  assert.deepEqual(q.map((x) => [x.text, x.speakerText]), [
    ['The bad news is that every version is affected', 'Tom Hale'],
    ['And the average user will click on anything.', 'Tom Hale'],
  ]);
});

test('a surname that is also a title ("King") stands alone for the person named in full with it before; never a title alone', () => {
  const list = quotes([
    'Tishana King, 39, a witness, lives across the street from the shop.',
    'Detectives never asked if King saw Tom Fry with a gun.',
    'A police spokesman said that when King was asked what she saw, she told them she could not see "from the angle I was at. "',
  ].join('\n\n'));
  assert.equal(list.find((q) => /angle/.test(q.text))?.speaker, 'tishana king', JSON.stringify(list));
  // Without a full name before, "King" is a title and names no one.
  const royal = analyze({ id: 'r', title: 'T', language: 'en', text: 'The King opened the new bridge on Monday.', paragraphs: ['The King opened the new bridge on Monday.'] });
  assert.equal(royal.entities.filter((e) => e.text === 'King').length, 0);
  // "the King", "the King of Spain" are titles even after a "Tishana King".
  const both = analyze({ id: 'k', title: 'T', language: 'en', text: 'Tishana King met the King of Spain on Monday at the palace. The King said he was pleased.', paragraphs: ['Tishana King met the King of Spain on Monday at the palace. The King said he was pleased.'] });
  assert.deepEqual(both.entities.filter((e) => e.text === 'King').map((e) => e.key), []);
});

test('a quote left open at the end of a line closes at a mark glued to the attribution on the next ("We are better than this, "said Ann Lee.")', () => {
  const paragraphs = ['The coach was fired on Monday.', '"I believe in this team.', 'We are better than this, "said Ann Lee.'];
  const a = analyze({ id: 'q', title: 'T', language: 'en', text: paragraphs.join('\n\n'), paragraphs });
  const first = a.quotes.find((q) => q.text.startsWith('I believe'));
  assert.equal(first?.speaker, 'ann lee', JSON.stringify(a.quotes));
  assert.ok(a.quotes.some((q) => q.text.startsWith('We are better than this') && q.speaker === 'ann lee'), JSON.stringify(a.quotes));
  // A mark after a comma before a word that does not attribute opens a quote, as it stands.
  const opened = ['Ann Lee said the team was "better than this.', 'Asked about the trade, Lee said, "we will see what happens."'];
  const b = analyze({ id: 'q', title: 'T', language: 'en', text: opened.join('\n\n'), paragraphs: opened });
  assert.ok(b.quotes.some((q) => q.text.startsWith('we will see')), JSON.stringify(b.quotes));
});

test('a name inside what a verb of speaking reports ("adds that Ann Lee will …: “…”") is not who speaks', () => {
  const paragraphs = ['Showrunner, 51, adds that Ann Lee will not cast a shadow over the new lead: "You know when the star is in the room"'];
  const a = analyze({ id: 'q', title: 'T', language: 'en', text: paragraphs.join('\n\n'), paragraphs });
  const q = a.quotes.find((x) => x.text.startsWith('You know'));
  assert.ok(q !== undefined, JSON.stringify(a.quotes));
  assert.notEqual(q.speaker, 'ann lee');
  // The verb's subject, when it is named, speaks.
  const named = ['Tom Fry adds that Ann Lee will not cast a shadow over the new lead: "You know when the star is in the room"'];
  const b = analyze({ id: 'q', title: 'T', language: 'en', text: named[0] as string, paragraphs: named });
  assert.equal(b.quotes[0]?.speaker, 'tom fry', JSON.stringify(b.quotes));
});

test('what a person wrote is theirs ("“…,” Lee\'s letter continued"); where words were put out is no part of who put them out ("said the company in a statement")', () => {
  const paragraphs = ['The school principal, Ann Lee, wrote a letter about the boy.', '"He should be remembered for who he was," Lee\'s letter continued.', '"We have released an update," said the company in a statement.'];
  const a = analyze({ id: 'q', title: 'T', language: 'en', text: paragraphs.join('\n\n'), paragraphs });
  assert.equal(a.quotes.find((q) => q.text.startsWith('He should'))?.speaker, 'ann lee', JSON.stringify(a.quotes));
  assert.equal(a.quotes.find((q) => q.text.startsWith('We have released'))?.speakerText, 'the company', JSON.stringify(a.quotes));
});

test('after the quote, a name and an apposition of any length before the verb: "“…,” Ann Lee, director of …, said"', () => {
  assert.deepEqual(quotes('“There will be no real change,” Ann Lee, director of the Northern Helsinki Foundation for Human Rights, said by telephone from Varna.').map((q) => q.speakerText), ['Ann Lee']);
  assert.deepEqual(quotes('“Right now, things are tense,” City Councilman Tom B. Hale, who represents the area, said on Twitter.').map((q) => q.speakerText), ['Tom B. Hale']);
  // A described speaker stays described: not the person its apposition names.
  assert.deepEqual(quotes('“We will win this game,” the coach, who spoke to Ann Lee on Monday, said.').map((q) => [q.speaker, q.speakerText]), [[undefined, 'the coach']]);
});

test('a quote closed at the end of its paragraph is over: a later paragraph that opens a quote does not continue it', () => {
  const q = quotes('“We will win,” Ann Lee told reporters on Monday.\n\n“We are waiting for the borders to open.”\n\nVoters appeared reluctant to criticise the government.\n\nIn the village, Mary Fry said she had come to vote.\n\n“I voted for our neighbour.\n\nHe knows village life well,” she said.');
  assert.deepEqual(q.map((x) => x.speakerText), ['Ann Lee', 'Ann Lee', 'Mary Fry', 'Mary Fry']);
});

test('markup left in the text is no quote: an attribute\'s marks (\'href="…\', \'…html">\') open nothing', () => {
  const q = quotes('In August, the firm added http: / / blogs. example. com / 2007 / 08 / moves. html ">carbon consulting to its business consulting operation.');
  assert.deepEqual(q.map((x) => x.text), []);
  assert.deepEqual(quotes('He wrote: "We will keep going until the work is done."').map((x) => x.text), ['We will keep going until the work is done.']);
});

test('whom the words were told to is no other speaker: a quote that opens the next paragraph goes on as the teller\'s ("Dorsey told NBC10\'s Ann Lee")', () => {
  const q = quotes('Tom Hale has worked at the plant for 37 years.\n\n“They had argued, from what I was told,” Hale told Channel Ten\'s Ann Lee after the shooting.\n\n“I had just started my shift and I heard a bang.”');
  assert.deepEqual(q.map((x) => x.speakerText), ['Hale', 'Hale']);
  // The outlet's mark spaced as scraped text spaces it ("the Riverton Herald ' Front Page blog").
  const spaced = quotes('Tom Hale runs the studio.\n\n"This is not a rush job," Hale told the Riverton Herald \' Front Page blog.\n\n"The film comes out when it is finished."');
  assert.deepEqual(spaced.map((x) => [x.speaker, x.speakerText]), [['tom hale', 'Hale'], ['tom hale', 'Hale']]);
});

test('whose or for whom is not who: "Tom Fry’s lawyer, Ann Lee, said" and "a spokesman for Governor Tom Fry, Ann Lee, said" are Ann Lee’s; "a friend of Tom Fry" is not Tom Fry; who is asked answers', () => {
  assert.deepEqual(quotes('“We will not give up,” Tom Fry’s lawyer, Ann Lee, said.').map((q) => q.speakerText), ['Ann Lee']);
  assert.deepEqual(quotes('“We will not give up,” a spokesman for Governor Tom Fry, Ann Lee, said.').map((q) => q.speakerText), ['Ann Lee']);
  assert.deepEqual(quotes('“We will not give up,” the lawyer, a friend of Tom Fry, said.').map((q) => [q.speaker, q.speakerText]), [[undefined, 'the lawyer']]);
  const asked = quotes('Tom Hale has worked at the plant for 37 years.\n\n“Were you at the plant that night?” Hale asked Ann Lee.\n\n“I was at home with my kids all evening.”');
  assert.notEqual(asked[1]?.speakerText, 'Hale');
});

test('who speaks after "said" is named before the words that set when or where: "said the 29-year-old on the eve of the Riverton Open" is the 29-year-old, not the Open', () => {
  assert.deepEqual(quotes('“I am feeling good about my game,” said the 29-year-old on the eve of the Riverton Open.').map((q) => q.speakerText), ['the 29-year-old']);
  assert.deepEqual(quotes('“We lost the game tonight, sadly,” said the coach after the game against Riverton College.').map((q) => q.speakerText), ['the coach']);
  // A name before the setting still speaks; a name after "of" or in an apposition is untouched.
  assert.deepEqual(quotes('“We will rebuild the hall,” said Mayor Ann Lee at the Riverton town hall.').map((q) => q.speakerText), ['Ann Lee']);
  assert.deepEqual(quotes('“It is over for now,” said the head of the agency in Riverton, Tom Hale.').map((q) => q.speakerText), ['Tom Hale']);
});

test('a quote broken over lines closes at its outer mark after an inner one ("here? ’ ” she continued"), past a spaced apostrophe ("What ’ s"); lines without marks inside it are quoted, so a name there is no one who speaks', () => {
  const text = [
    '“ I was sitting in my living room, ” said Ann Lee, 43, who lives on Elm Street.',
    '“ People were standing up on cars.',
    'I saw someone take a TV and smash it into a Honda.',
    '“ I said, ‘ Oh my god!',
    'What ’ s going on here? ’ ” she continued.',
  ].join('\n\n');
  const found = quotes(text);
  assert.ok(found.some((q) => q.text.startsWith('What ’ s going on here')), found.map((q) => q.text).join(' | '));
  assert.deepEqual(found.map((q) => q.speakerText), found.map(() => 'Ann Lee'));
});

test('after the quote, a name and a chain of appositions before the verb: "“…,” Captain Ann Lee, Chief Press Officer, Defence, said" is Ann Lee', () => {
  assert.deepEqual(quotes('“The ship turned towards the boats and challenged them,” Captain Ann Lee, Chief Press Officer, Defence, said.').map((q) => q.speakerText), ['Ann Lee']);
});

test('a person named in a clause that only sets the scene between "said" and the quote is no speaker: "King said that when he broke the news to Tom Hale, “He asked why …”" is King', () => {
  const text = 'Billy King fired the coach on Monday.\n\nKing said that when he broke the news to Tom Hale, “He asked why, and I told him the truth about the season.”';
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['King']);
  // Who replies in a relative clause still speaks.
  assert.deepEqual(quotes('King said he later spoke to Tom Hale, who replied, “I have nothing more to say about the season.”').map((q) => q.speakerText), ['Tom Hale']);
});

test('a quote whose close ends its line takes its speaker from the next line when that line only attributes it ("Tom Hale, a critic of the plan, said before the vote."), not from a line that says something of its own', () => {
  const text = 'Councilman Tom Hale came to the square on Monday night.\n\n“ The mayor and the commissioner should be down here.\n\nRight now! ”\n\nHale, a critic of the plan, said before the vote began.';
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['Hale']);
  const other = 'Councilman Tom Hale came to the square on Monday night.\n\n“ The city will have to rebuild the whole square. ”\n\nAnn Lee said earlier that the budget was approved on Friday.';
  assert.deepEqual(quotes(other).map((q) => q.speakerText), [undefined]);
});

test('words too few to be a quote still pass their attribution on ("“Yeah, definitely,” he said. ¶ “The one record we want …”"), but a scare quote inside a sentence lends no one its neighbour’s words', () => {
  const text = 'Tom Hale said it was a relief.\n\nAnn Lee agreed the team was ready to move on.\n\n“Yeah, definitely,” she said.\n\n“The one record we want to break is the winning record, going undefeated for a season.”';
  assert.deepEqual(quotes(text).map((q) => [q.text.slice(0, 15), q.speakerText]), [['The one record ', 'Ann Lee']]);
  const scare = 'Chief Tom Hale said an “earwitness” heard an officer yell, “What do you have in your hands?” near the corner.';
  assert.deepEqual(quotes(scare).map((q) => q.speakerText), [undefined]);
});

test('a sentence ending in a colon introduces the quote that opens the next paragraph, said by the name that opens it, whatever its verb ("Ann Lee sent out the following message on Twitter:")', () => {
  const text = 'Ann Lee sent out the following message on Twitter:\n\n“Thanks to all the fans for the support this season, it means the world to me.”';
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['Ann Lee']);
  // A colon after no name that opens the sentence introduces no one.
  assert.deepEqual(quotes('The results of the vote on Monday were as follows:\n\n“The motion is carried by a large majority of the members present.”').map((q) => q.speakerText), [undefined]);
});

test('a sentence ending in a colon is also said by the name right before its verb of sending ("… when, shortly before noon, Ann Lee sent out the following message:"), or by the person it names first when a pronoun sends it ("… as he tweeted:")', () => {
  const sender = 'Fans in the Harbor Club had the same reaction when, shortly before noon, Ann Lee sent out the following message on Twitter:\n\n“I will be back with the team next season and cannot wait to start again.”';
  assert.deepEqual(quotes(sender).map((q) => q.speakerText), ['Ann Lee']);
  const pronoun = 'Keen gamer Tom Hale from Riverton was the envy of his followers as he heard the news live, sitting among other fans as he tweeted:\n\n"That was tense, I was sweating while waiting for the big reveal!"';
  assert.deepEqual(quotes(pronoun).map((q) => q.speakerText), ['Tom Hale']);
  // A name in the sentence that sends nothing, with no pronoun sending anything, says nothing.
  assert.deepEqual(quotes('Fans of Tom Hale had waited for weeks before the results were posted as follows:\n\n“The motion is carried by a large majority of the members present.”').map((q) => q.speakerText), [undefined]);
});

test('a quote paragraph goes on as the speaker of the quote before it past a person named in the attribution\'s participle ("“…,” Mr. Lee said, standing by a memorial for Mr. Hale. ¶ “He doesn\'t sleep.")', () => {
  const text = '“The dad is shaken,” Mr. Lee said, standing by a small memorial for Mr. Hale.\n\n“He doesn’t sleep.\n\nHe doesn’t talk at all these days.”';
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['Lee', 'Lee', 'Lee']);
  // A person named in a sentence of its own between the two may be the one speaking next.
  const other = '“The dad is shaken,” Mr. Lee said. Mr. Hale stood nearby with the family.\n\n“He doesn’t sleep at all these days.”';
  assert.deepEqual(quotes(other).map((q) => q.speakerText), ['Lee', undefined]);
});

test('the present of verbs of saying attributes too ("“…,” Hale explains, “…"), as the past does', () => {
  const text = 'Tom Hale, a security analyst with Acme, looked at the flaw.\n\n“The average user does not run the safe mode and will click on anything,” Hale explains, “so I recommend patching right away.”';
  assert.deepEqual(quotes(text).map((q) => q.speaker), ['tom hale', 'tom hale']);
});

test('a quote that never closes but ends in its own attribution closes there ("“It is important that every version is patched, Ann Lee, head of research at Acme, says.")', () => {
  const text = '“It is important to say that every version of the browser is affected, Ann Lee, head of research at Acme, says.\n\n"Since attacks are happening now, a patch should come as soon as possible.”';
  const qs = quotes(text);
  assert.deepEqual(qs.map((q) => q.speakerText), ['Ann Lee', 'Ann Lee']);
  assert.ok(!qs[0]!.text.includes('Acme'), qs[0]!.text);
});

test('an attribution that closes the sentence after its last comma covers a quote inside it ("… acting “against the rules” in the matter, the report said."), and a described speaker is named as the article named it before ("The Acme report says …" → "the Acme report")', () => {
  const text = 'The Acme report says the two coaches broke the rules.\n\nHale and Lee are accused of acting "against the principles of fair play" in the matter, the report said.';
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['the Acme report']);
  assert.deepEqual(quotes('He called the plan "a disaster waiting to happen" for the city, police said.').map((q) => q.speakerText), ['police']);
  // An attribution in the next sentence after a quote that ends its own is not the quote's.
  assert.deepEqual(quotes('"The volume of attacks like this one is really high."\n\nThe flaw lies in the way the browser works, Acme said.').map((q) => q.speakerText), [undefined]);
});

test('a pronoun after a quote is followed back through sentences that open with a pronoun to the person they are about ("Ann Lee said she … . She said she … . “…,” she said."), but a title is not ("He will die in prison after Judge Tom Hale ruled. “…,” the judge said.")', () => {
  const text = 'Ann Lee, a hospitalized woman, said she had lost a daughter and two sons in the strike. She said she had come to the school after a phone warning from the Zorgans that the family house would be struck because one son was a Kessel militant.\n\n"We escaped death in our house, but it pursued us to the school," she said.';
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['Ann Lee']);
  const judge = 'Tom Fry was found guilty last month of four murders in the town.\n\nHe will likely die in prison after Superior Court Judge Bob Gray handed down the maximum sentence.\n\n"If there was any more I could give you, I would," the judge said.';
  assert.notEqual(quotes(judge)[0]?.speaker, 'tom fry');
});

test('a quote carried into a paragraph closes at the double mark right after a quote in straight single marks inside it ("He said, \'Thank you.\' "")', () => {
  const text = 'Ann Lee said that when she broke the news, "He asked why, and I told him we would make a change.\n\nHe said, \'Thank you.\' "\n\nTom Hale, who attended the meeting, said he backed Lee.\n\n"I really don\'t question Ann at all," he said.';
  const qs = quotes(text);
  assert.equal(qs.at(-1)?.speaker, 'tom hale', JSON.stringify(qs.map((q) => [q.text, q.speaker])));
  // The carried quote closes at that mark and opens none there.
  assert.deepEqual(quoteSpans("He said, 'Thank you.' \"", true), [{ open: -1, close: 22 }]);
  assert.deepEqual(quoteSpans("He said, 'Thank you. ' \" And then he left.", true), [{ open: -1, close: 23 }]);
});

test('a quote paragraph goes on as the speaker before it past an owner in the speaker\'s description ("“…,” said Tom Hale, Ann\'s father. ¶ “…”"), and a sentence that opens with a speaking pronoun introduces the next quote as the person it stands for ("He explained that … ¶ “…”")', () => {
  const owner = '“It never seems to end,” said Tom Hale, Ann Lee’s father.\n\n“The community has a right to be angry.”';
  assert.deepEqual(quotes(owner).map((q) => q.speakerText), ['Tom Hale', 'Tom Hale']);
  const pronoun = 'Tom Hale did not elaborate and made a point of saying that he was not making a prediction.\n\nHe explained that companies with lots of cash can pay dividends or buy back stock.\n\n“You have to measure the value of the three choices, and in many cases buying will win.”';
  assert.deepEqual(quotes(pronoun).map((q) => q.speakerText), ['Tom Hale']);
});

test('a sentence ending in a colon is said by the last name before a verb in the past ("Speaking after the inquiry, Mr Hale denied it:"), and an owner that opens it is not its subject ("The UN\'s Mr Hale disagreed with the minister:")', () => {
  const denied = 'Speaking after an initial investigation last night, Mr Hale denied militants were at the school:\n\n"We are quite sure that there were no militants in the school compound."';
  assert.deepEqual(quotes(denied).map((q) => q.speakerText), ['Hale']);
  const owner = 'The Riverton Agency\'s Tom Hale disagreed with the minister:\n\n"There is a crisis already, so she has not managed to avoid one."';
  assert.deepEqual(quotes(owner).map((q) => q.speakerText), ['Tom Hale']);
});

test('a statement or a spokesperson of someone named speaks as such, whatever the name was typed ("A statement from Waitrose said: “…”"), never as the one it speaks for', () => {
  assert.deepEqual(quotes('A statement from Acme Stores said: "Damage to the building is extensive, but it is too early to confirm the cause."').map((q) => q.speakerText), ['A statement from Acme Stores']);
  const spokesman = quotes('"We have no comment on the matter at this time," a spokesman for Tom Hale said.');
  assert.deepEqual(spokesman.map((q) => [q.speakerText, q.speaker]), [['a spokesman for Tom Hale', undefined]]);
});

test('words a person puts in quotes as what they call something are theirs ("Tom Hale … rejected the accusations as “utterly baseless”", "described himself as a “life-long fan”")', () => {
  const text = 'Speaking in the capital, Tom Hale rejected accusations by the government that his country was arming rebels as "utterly baseless and malicious."';
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['Tom Hale']);
  assert.deepEqual(quotes('The star of the show, Ann Lee described herself as a "life-long fan of the series" on Sunday.').map((q) => q.speakerText), ['Ann Lee']);
  // Not across a sentence.
  assert.deepEqual(quotes('Tom Hale rejected the accusations. The report spoke of "a deep and lasting crisis" in the region.').map((q) => q.speakerText), [undefined]);
});

test('a participle of saying speaks for the sentence\'s subject, not the last name before it ("Ann Lee said she is “so excited” to welcome Tom Hale to the show, adding: “…”")', () => {
  const text = 'Ann Lee revealed that she is "so excited" to welcome Tom Hale as the new star of the show, adding: "With his talent I know we will be making an amazing show together this year."';
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['Ann Lee']);
});

test('the number a name\'s "No." announces is part of the name ("said Juror No. 12"), so two jurors are two speakers', () => {
  const text = '"We did everything we could do," said the woman identified as Juror No. 12.\n\n"Everyone was respectful," said Juror No. 8, one of six women on the panel.';
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['Juror No. 12', 'Juror No. 8']);
});

test('an article that opens with quotes names their speaker in the paragraph right after them, as a lede does ("“She is a hard worker.” ¶ Tom Hale says the woman …"), but not after narrative', () => {
  const lede = 'Co-Worker Speaks Out\n\nFriday, Sep 10, 2010\n\n"She is not a loose cannon at all.\n\nShe is a hard worker and very spiritual."\n\nTom Hale says the woman accused of the shooting is a good person.';
  assert.deepEqual(quotes(lede).map((q) => q.speakerText), ['Tom Hale', 'Tom Hale']);
  const narrative = 'The plant reopened on Monday after the shooting.\n\n"She is not a loose cannon at all, she is a hard worker."\n\nTom Hale says the woman accused of the shooting is a good person.';
  assert.deepEqual(quotes(narrative).map((q) => q.speakerText), [undefined]);
});

test('after "…," says, a description ends at a comma that opens a clause of its own, and a long one stands by its head ("says a source with knowledge of the talks, because Tom Hale …")', () => {
  const text = 'Tom Hale directed the first film.\n\nAnd the talks for him to do the first movie were "a terrible experience for everyone," says a source with knowledge of the discussions, because Tom Hale is a seasoned filmmaker.';
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['a source']);
});

test('a sentence that opens with its source speaks by it ("According to the NYPD\'s statement, the officers saw one “break away from the group”")', () => {
  const text = 'Two officers were on patrol on Saturday.\n\nAccording to the NYPD\'s statement, the officers saw one man "break away from the group upon noticing the police."';
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['NYPD']);
});

test('what a name put out on a platform is theirs, whatever the verb ("“…,” Riverton Radio promoted on Twitter")', () => {
  const text = 'The station made the announcement on Sunday.\n\n"The decision is made and the time has come to reveal who is taking over the show," Riverton Radio promoted on Twitter.';
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['Riverton Radio']);
});

test('a "she" after a sentence whose subject is someone\'s mother, wife or daughter is that relative, shown as the article calls her ("Tom Hale’s mother")', () => {
  const text = 'Tom Hale was sentenced on Saturday.\n\nAs she came into the courthouse, Tom Hale\'s mother expressed the family\'s sentiments. "We just want to fade into obscurity," she said.';
  assert.deepEqual(quotes(text).map((q) => q.speakerText), ['Tom Hale’s mother']);
  // A "he" is not the mother.
  const he = 'Tom Hale was sentenced on Saturday.\n\nAs she came into the courthouse, Tom Hale\'s mother expressed the family\'s sentiments. "We just want to fade into obscurity," he said.';
  assert.notDeepEqual(quotes(he).map((q) => q.speakerText), ['Tom Hale’s mother']);
});

test('a title that opens a sentence ending in a colon, before a verb of saying, is the person the article named with that title ("The commissioner says …:" after "Commissioner Hale"); a scare quote in it is no quote of its own', () => {
  const text = [
    'Police Commissioner Tom Hale said officers arrived within minutes.',
    'Commissioner Hale credits a training program for saving lives.',
    'The commissioner says he has put many officers through what is called “active shooter” training:',
    '“We have learned that you cannot just sit there and wait for help to arrive.”',
  ].join('\n\n');
  const q = quotes(text).find((x) => x.text.startsWith('We have learned'));
  assert.equal(q?.speaker, 'tom hale');
  // Two people named with the title: "the commissioner" may be either.
  const two = ['Commissioner Tom Hale and Commissioner Ann Lee spoke.', 'The commissioner says the city is safe again:', '“We will keep the program running in every district.”'].join('\n\n');
  assert.equal(quotes(two).find((x) => x.text.startsWith('We will'))?.speaker, undefined);
});

test('words a document is quoted saying ("“…,” the letter read") are its writer\'s, where the article said who wrote it; not where two people did', () => {
  const text = [
    "Tom Fry's school principal, Ann Lee of Riverton High, wrote a heartfelt letter describing the boy as a hard worker.",
    '“He made great strides this year in every class he took,” the letter read.',
  ].join('\n\n');
  assert.equal(quotes(text).find((q) => q.text.startsWith('He made'))?.speaker, 'ann lee');
  const owned = ['Tom Hale was the coach.', 'Tom Hale’s letter was read at the service.', '“He never missed a practice in four long years,” the letter said.'].join('\n\n');
  assert.equal(quotes(owned).find((q) => q.text.startsWith('He never'))?.speaker, 'tom hale');
  const two = ['Ann Lee wrote a letter, and Tom Hale wrote a letter too.', '“He never missed a practice in four long years,” the letter said.'].join('\n\n');
  assert.equal(quotes(two).find((q) => q.text.startsWith('He never'))?.speaker, undefined);
});

test('a quote opened by a word or two ("Lee said: “Yes.") that runs on over paragraphs to its close is the speaker\'s to its close; a closed one-word title lends no speaker', () => {
  const q = quotes('Asked whether the list was a short one, Ann Lee said: "Yes.\n\nThe list went \'Tom Hale\'.\n\nIt was a very short list. "');
  assert.deepEqual(q.map((x) => [x.text, x.speakerText]), [['It was a very short list.', 'Ann Lee']]);
  const plain = quotes('Ann Lee said: "Absolutely.\n\nWe knew it from the first day we met him."');
  assert.deepEqual(plain.map((x) => [x.text, x.speakerText]), [['We knew it from the first day we met him.', 'Ann Lee']]);
  // A closed title is no quote and introduces no one.
  const title = quotes('Ann Lee starred in “Rebecca.”\n\nIt was a very short list, the critics wrote in their review of the season.”');
  assert.ok(title.every((x) => x.speakerText !== 'Ann Lee'), JSON.stringify(title));
});

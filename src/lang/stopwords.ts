import { fold } from './fold.js';

/**
 * Words that carry no fact, per language: articles, pronouns, prepositions,
 * conjunctions, auxiliaries, common adverbs, and the reporting verbs and
 * calendar words of news ("said", "according to", "yesterday"). Every report
 * has them, so they are never evidence of which event it reports. Closed
 * classes, written out here once (folded: accents do not matter); a language
 * without a list falls back to English's, which is also what machine-translated
 * text keeps most of.
 */
const LISTS: Record<string, string> = {
  en: `a about above after again against all almost also although am among an and another any are around as at
  back be became because become been before being below between both but by can cannot could did do does doing
  done down during each either else even ever every few for from further get gets got had has have having he her
  here hers herself him himself his how however i if in into is it its itself just last least less like made make
  many may me might more most much must my myself near neither never new next no nor not now of off often on once
  one only or other others our ours ourselves out over own per perhaps put rather said same say says saying see
  seen several she should since so some still such than that the their theirs them themselves then there these
  they this those though through thus to told too toward towards under until up upon us very via was we were what
  whatever when where whether which while who whom whose why will with within without would yet you your yours
  yourself according mr mrs ms dr st jr sr inc ltd co today yesterday tomorrow week weeks year years day days
  month months time times people report reports reported reporting story stories article update updated updates
  posted published print comments comment share email read reading`,
  es: `a al algo alguien algun alguna algunas alguno algunos ante antes aqui asi aun aunque bajo bien cada casi
  como con contra cual cuales cuando cuanto de del desde donde dos durante e el ella ellas ello ellos en entre era
  eran eres es esa esas ese eso esos esta estaba estaban estado estan estar estas este esto estos fue fueron gran
  ha haber habia habian han has hasta hay he hoy la las le les lo los mas me mi mientras mis mucho muchos muy nada
  ni no nos nosotros nuestra nuestro o otra otras otro otros para pero poco por porque primer primera pues que
  quien quienes se sea segun ser si sido siempre sin sino sobre solo son su sus tambien tan tanto te tiene tienen
  toda todas todo todos tras tu tus un una unas uno unos usted ya yo dijo dice dicen afirmo aseguro declaro
  explico indico informo anadio senor senora ayer manana semana semanas ano anos dia dias mes meses vez veces
  hace puede pueden cerca`,
  fr: `a afin ai aie aient ainsi apres au aucun aujourd aupres aussi autre autres aux avait avaient avant avec
  avoir ayant c ca car ce ceci cela celle celles celui cependant ces cet cette chaque chez comme comment d dans de
  depuis des deux devant doit donc dont du elle elles en encore entre est et etaient etait ete etre eu eux fait
  faire fois hier il ils j je jusqu l la le les leur leurs lors lui m ma mais me meme mes moi moins mon n ne ni
  non nos notre nous on ont ou par parce pas pendant peu peut plus plusieurs pour pourquoi pres puis qu quand que
  quel quelle quelles quels qui quoi s sa sans se selon ses si sien son sont sous sur t ta tandis te tes toi ton
  tous tout toute toutes tres tu un une unes uns vers via vos votre vous y a declare dit indique ajoute explique
  affirme annonce monsieur madame demain semaine semaines an ans annee annees jour jours mois temps`,
  pt: `a ao aos apos as ate com como contra da das de dela dele deles depois desde do dos e ela elas ele eles em
  entre era eram essa essas esse esses esta estao estas este estes esteve estava estavam eu foi foram ha isso
  isto ja la lhe lhes mais mas me mesmo meu minha muito muitos na nas nao nem no nos nossa nosso num numa o os ou
  para pela pelas pelo pelos per perante por porque pouco quais qual quando que quem se segundo sem ser seu seus
  sob sobre sua suas tambem tem ter teve tinha tinham toda todas todo todos tu um uma umas uns vai vez voce disse
  afirmou declarou explicou informou acrescentou senhor senhora ontem amanha hoje semana semanas ano anos dia dias
  mes meses`,
  de: `aber als also am an auch auf aus bei beim bereits bin bis bisher bist da dabei damit dann das dass dem
  den denen denn der deren des dessen die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem
  einen einer eines er es etwa euch euer fur gegen gewesen hab habe haben hat hatte hatten hier ich ihm ihn ihnen
  ihr ihre ihrem ihren ihrer ihres im immer in ins ist ja jede jedem jeden jeder jedes jedoch jetzt kann kein
  keine keinem keinen keiner konnen man mehr mein meine mich mir mit muss nach nach nicht nichts noch nun nur ob
  oder ohne sehr sei seien sein seine seinem seinen seiner seit sich sie sind so soll sollen sondern uber um und
  uns unser unsere unter vom von vor war waren warum was weil welche welchem welchen welcher wenn wer werden wie
  wieder will wir wird wo wurde wurden zu zum zur zwei zwischen sagte sagten erklarte laut berichtete herr frau
  gestern heute morgen woche wochen jahr jahre jahren tag tage tagen monat monate`,
  it: `a ad agli ai al alla alle allo anche ancora avere aveva avevano c che chi ci come con contro cui da dagli
  dai dal dalla dalle degli dei del della delle dello di dopo dove e ed era erano essere gli ha hanno i il in
  infatti io la le lei li lo loro lui ma mentre mi molto ne negli nei nel nella nelle nello noi non nostro o ogni
  per perche piu poi prima qualche quale quando quanto quella quelle quelli quello questa queste questi questo se
  secondo si sia siamo sono sotto su sua sue sui sul sulla suo suoi tra tutti tutto un una uno voi detto ha
  dichiarato ieri oggi domani settimana anno anni giorno giorni mese mesi`,
  nl: `aan al als bij dan dat de der deze die dit doch door een en er had heb hebben heeft hem het hier hij hoe
  hun ik in is ja je kan kon maar me meer men met mij mijn na naar niet niets nog nu of om omdat ons ook op over
  te tegen toch toen tot u uit van veel voor want waren was wat we wel werd wie wij worden wordt zal ze zei zich
  zij zijn zo zonder gisteren vandaag morgen week weken jaar jaren dag dagen maand maanden`,
};

const SETS = new Map<string, ReadonlySet<string>>(Object.entries(LISTS).map(([lang, list]) => [lang, new Set(list.split(/\s+/).filter((w) => w !== '').map(fold))]));

/** Languages with a stop-word list of their own. */
export const LANGUAGES_WITH_STOP_WORDS: readonly string[] = [...SETS.keys()];

/** The stop words of a language (folded), English's for a language without a list. */
export function stopWordsOf(lang: string): ReadonlySet<string> {
  return SETS.get(lang) ?? SETS.get('en')!;
}

/** The stop words of every language with a list, in one set (folded): for callers that keep one vocabulary for all languages. */
export const ANY_LANGUAGE_STOP_WORDS: ReadonlySet<string> = new Set([...SETS.values()].flatMap((s) => [...s]));

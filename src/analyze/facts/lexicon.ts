/**
 * Word classes of the fact reader. They describe how English news prose
 * reports events in general — which verbs report the same event, which nouns
 * name the same kind of thing, which words make a figure a running total —
 * and none is fitted to a particular story. Every family is a set of words a
 * sub-editor would swap for one another in the same sentence without
 * changing what it reports.
 */

/** Event families: each verb lemma (or particle verb, "break_out") → the family's name. */
const EVENT_FAMILIES: Record<string, string[]> = {
  kill: ['kill', 'die', 'slay', 'perish', 'murder', 'massacre', 'execute', 'claim'],
  injure: ['injure', 'wound', 'hurt', 'maim'],
  seize: ['seize', 'confiscate', 'recover', 'impound', 'find', 'discover', 'haul', 'uncover', 'retrieve'],
  arrest: ['arrest', 'apprehend', 'nab', 'detain', 'capture', 'round_up', 'take_into_custody', 'collar'],
  // (Not "release": captors release hostages whom a raid rescues, and a company releases a patch.)
  rescue: ['rescue', 'free', 'save', 'liberate'],
  evacuate: ['evacuate', 'move', 'relocate', 'displace'],
  hijack: ['hijack', 'commandeer'],
  attack: ['attack', 'assault', 'raid', 'ambush'],
  fire: ['fire', 'launch', 'shoot'],
  hit: ['hit', 'strike', 'land', 'slam', 'smash', 'crash'],
  foil: ['foil', 'thwart', 'repulse', 'repel', 'ward_off', 'beat_back', 'fend_off', 'avert'],
  fight: ['fight', 'tackle', 'battle', 'attend', 'combat'],
  send: ['send', 'dispatch', 'deploy', 'call', 'call_in', 'summon', 'bring_in'],
  break_out: ['break_out', 'start', 'begin', 'erupt', 'spark', 'ignite'],
  sink: ['sink', 'scuttle'],
  hold: ['hold', 'keep', 'retain', 'defend'],
  charge: ['charge', 'indict', 'accuse'],
  sentence: ['sentence', 'jail', 'imprison'],
  convict: ['convict'],
  win: ['win', 'beat', 'defeat', 'stop', 'knock_out', 'outpoint'],
  lose: ['lose'],
  escape: ['escape', 'flee', 'break_out_of'],
  shelter: ['shelter', 'take_refuge', 'seek_refuge', 'take_shelter', 'take_cover', 'hide'],
  throw: ['throw'],
  connect: ['connect'],
  spend: ['spend'],
  shake: ['shake'],
  drag: ['drag', 'pull'],
  intercept: ['intercept', 'board', 'stop_and_search'],
  report: ['report', 'alert', 'notify'],
  close: ['close', 'shut'],
  reopen: ['reopen', 'open'],
  collapse: ['collapse', 'cave_in'],
  damage: ['damage', 'destroy', 'gut', 'raze'],
  stab: ['stab'],
  sign: ['sign', 'agree'],
  offer: ['offer', 'propose', 'bid'],
  pay: ['pay', 'spend_on'],
  buy: ['buy', 'acquire', 'purchase', 'take_over'],
  burn: ['burn', 'torch', 'firebomb'],
};

const FAMILY_OF = new Map<string, string>();
for (const [family, lemmas] of Object.entries(EVENT_FAMILIES)) for (const l of lemmas) if (!FAMILY_OF.has(l)) FAMILY_OF.set(l, family);

/** Whether a lemma (or particle verb, "break_out") belongs to a known event family. */
export function knownEvent(lemma: string): boolean {
  return FAMILY_OF.has(lemma);
}

/** The event family of a verb lemma (the lemma itself when it belongs to none). */
export function eventFamily(lemma: string): string {
  return FAMILY_OF.get(lemma) ?? lemma;
}

/**
 * Verbs that say nothing of what happened to a thing, only that it is
 * there: "the haul included seven rifles", "there were 13 magazines". A fact
 * under one of them fits a slot whatever the other side's event.
 */
export const LIGHT_VERBS = new Set(['be', 'have', 'include', 'contain', 'comprise', 'number', 'total', 'see', 'show', 'put', 'get', 'count', 'list', 'confirm', 'say']);

/** Verbs that carry no event of their own but pass the subject to a verb after them ("tried to flee", "managed to escape"). */
export const CATENATIVES = new Set(['try', 'manage', 'attempt', 'seek', 'begin', 'continue', 'fail', 'help', 'want', 'plan', 'appear', 'seem', 'use']);

/**
 * Verbs whose subject is what the event happens to, not who does it ("40
 * people died", "three shells landed"): their subject counts as the theme.
 */
export const UNACCUSATIVE = new Set(['die', 'perish', 'land', 'fall', 'arrive', 'collapse', 'sink', 'burn', 'escape', 'flee', 'happen', 'occur', 'rise', 'drop', 'remain', 'stay', 'survive', 'break_out', 'start', 'begin', 'explode', 'crash', 'drown', 'disappear', 'go_missing']);

/** Adjectives that state the event a count undergoes ("30 dead", "55 injured", "nine missing"). */
export const STATE_ADJECTIVES: Record<string, string> = {
  dead: 'kill', killed: 'kill', injured: 'injure', wounded: 'injure', hurt: 'injure', missing: 'missing', trapped: 'trap', arrested: 'arrest',
  detained: 'arrest', homeless: 'displace', displaced: 'displace', evacuated: 'evacuate', rescued: 'rescue', hospitalised: 'hospitalize', hospitalized: 'hospitalize',
};

/** Nouns that name an event ("the November 18 sinking of a trawler", "the death toll"): noun → event family. */
export const EVENT_NOUNS: Record<string, string> = {
  sinking: 'sink', death: 'kill', deaths: 'kill', killing: 'kill', killings: 'kill', fatality: 'kill', fatalities: 'kill', arrest: 'arrest',
  arrests: 'arrest', capture: 'arrest', seizure: 'seize', attack: 'attack', attacks: 'attack', hijacking: 'hijack', rescue: 'rescue',
  injury: 'injure', injuries: 'injure', evacuation: 'evacuate', escape: 'escape', fire: 'break_out', blaze: 'break_out', crash: 'hit',
  collision: 'hit', explosion: 'explode', blast: 'explode', shooting: 'fire', stabbing: 'stab', raid: 'attack', strike: 'hit', fight: 'win',
  bout: 'win', match: 'win', game: 'win', bombing: 'attack', airstrike: 'attack', shelling: 'attack', assault: 'attack', ambush: 'attack',
  announcement: 'announce',
};

/** The event a noun names, singular or plural ("bombing", "bombings", "crashes"). */
export function eventNounFamily(word: string): string | undefined {
  if (EVENT_NOUNS[word] !== undefined) return EVENT_NOUNS[word];
  if (!word.endsWith('s')) return undefined;
  return EVENT_NOUNS[word.slice(0, -1)] ?? (word.endsWith('es') ? EVENT_NOUNS[word.slice(0, -2)] : undefined);
}

/**
 * Nouns that stand for their event's count ("the death toll at 40", "the
 * toll rose to 43"): noun → [event family, counted thing].
 */
export const TOLL_NOUNS: Record<string, [string, string]> = {
  toll: ['kill', 'people'],
  'death toll': ['kill', 'people'],
  'casualty toll': ['kill', 'people'],
  'injury toll': ['injure', 'people'],
};

/**
 * Families of head nouns: words a report uses for the same kind of thing.
 * Kept narrow on purpose: "weapon" is not "rifle", "vehicle" is not "car".
 */
const THING_FAMILIES: Record<string, string[]> = {
  people: ['people', 'person', 'persons', 'individual', 'civilian', 'life', 'lives', 'body', 'bodies', 'soul'],
  rifle: ['rifle', 'gun', 'firearm', 'carbine'],
  engine: ['engine', 'appliance', 'pump', 'fire engine', 'fire truck', 'firetruck'],
  firefighter: ['firefighter', 'fireman', 'firemen', 'fire fighter', 'crew member'],
  crew: ['crew', 'crewman', 'crewmen', 'crewmember', 'seafarer', 'sailor', 'mariner'],
  ship: ['ship', 'vessel', 'boat', 'craft'],
  pirate: ['pirate', 'brigand', 'raider', 'buccaneer'],
  police: ['police officer', 'officer', 'policeman', 'policemen', 'cop', 'constable'],
  child: ['child', 'children', 'kid', 'youngster'],
  round: ['round', 'bullet', 'cartridge'],
  knockout: ['knockout', 'ko', 'kos', "ko's", 'stoppage'],
  touchdown: ['touchdown', 'td', 'tds', "td's"],
  website: ['website', 'web site', 'webpage', 'web page'],
  shell: ['shell', 'round of artillery', 'artillery shell', 'mortar', 'mortar shell', 'tank shell'],
  house: ['house', 'home', 'dwelling', 'residence'],
  car: ['car', 'vehicle', 'automobile'],
  fight: ['fight', 'bout', 'contest', 'match'],
  soldier: ['soldier', 'troop', 'troops', 'serviceman', 'servicemen'],
  magazine: ['magazine', 'clip'],
  resident: ['resident', 'inhabitant', 'householder', 'neighbour', 'neighbor'],
  punch: ['punch', 'blow', 'shot'],
  attack: ['attack', 'attempt', 'assault', 'raid', 'bid'],
  contract: ['contract', 'deal', 'agreement', 'pact'],
  company: ['company', 'firm', 'corporation', 'maker', 'provider'],
};

const THING_OF = new Map<string, string>();
for (const [family, words] of Object.entries(THING_FAMILIES)) for (const w of words) THING_OF.set(w, family);

/** A plural noun's singular ("rifles" → "rifle", "casualties" → "casualty", "matches" → "match"). */
export function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('ches')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1);
  return w;
}

/** The family of a head noun (singular lemma), or the noun itself. */
export function thingFamily(noun: string): string {
  return THING_OF.get(noun) ?? noun;
}

/**
 * Words that make a figure a running or overall total, not the figure of
 * the event reported ("in their five operations so far", "this year",
 * "in all", "since the offensive began").
 */
export const TOTAL_MARKERS = [
  'so far', 'in total', 'in all', 'overall', 'altogether', 'to date', 'this year', 'this season', 'in their', 'since', 'a total of', 'total of',
  'cumulative', 'all told', 'till now', 'until now', 'up to now', 'in the past', 'over the past', 'during the', 'career',
];

/**
 * Words that make a figure an earlier report of one that has changed since
 * ("the UN said earlier it had confirmed 30 dead", "initially put the toll
 * at"), not an event that happened earlier ("earlier that day, a shell hit").
 */
export const EARLIER_REPORT = /\b(?:(?:said|reported|put|gave|confirmed|announced|estimated|told) earlier|earlier (?:said|reported|put|gave|confirmed|announced|estimated|told|reports?|figures?|tolls?)|(?:initially|at first|first|previously|originally) (?:said|reported|put|gave|confirmed|announced|estimated|told)|(?:initial|original|earlier|first) (?:toll|report|figure|estimate|count)s?)\b/;

/** Words that make a clause something not asserted: a question, a possibility, a condition, a denial. */
export const NOT_ASSERTED = new Set([
  'if', 'whether', 'could', 'might', 'may', 'would', 'should', 'unless', 'not', "n't", 'never', 'no', 'perhaps', 'possibly', 'expected', 'likely', 'unlikely',
  'plan', 'plans', 'planned', 'planning', 'scheduled', 'due', 'hope', 'hopes', 'want', 'wants', 'will', 'shall', 'intends', 'aims',
  // A forecast: "Acme expects to turn a profit in 2014".
  'expect', 'expects', 'expecting', 'forecast', 'forecasts',
  // Habits are no event: "Microsoft typically releases patches on the second Tuesday".
  'typically', 'usually', 'normally', 'generally', 'often', 'regularly', 'routinely', 'traditionally', 'customarily',
]);

/** Colour words and the colour they name (so "grey" and "gray" agree). */
export const COLOURS: Record<string, string> = {
  black: 'black', white: 'white', red: 'red', blue: 'blue', green: 'green', yellow: 'yellow', orange: 'orange', purple: 'purple',
  pink: 'pink', brown: 'brown', gray: 'gray', grey: 'gray', silver: 'silver', gold: 'gold', golden: 'gold', beige: 'beige',
  maroon: 'maroon', tan: 'tan', burgundy: 'burgundy', turquoise: 'turquoise', violet: 'violet', cream: 'cream',
};

/** Compass directions. */
export const DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west']);

/**
 * Ranks: a person holds one at a time, so two of them for one person
 * contradict each other ("Commander" / "Commodore"). Roles ("spokesman",
 * "director") are not ranks: one person holds several.
 */
export const RANKS = new Map<string, string>([
  ['private', 'private'], ['pvt', 'private'], ['corporal', 'corporal'], ['cpl', 'corporal'], ['sergeant', 'sergeant'], ['sgt', 'sergeant'],
  ['lieutenant', 'lieutenant'], ['lt', 'lieutenant'], ['captain', 'captain'], ['capt', 'captain'], ['major', 'major'], ['maj', 'major'],
  ['colonel', 'colonel'], ['col', 'colonel'], ['brigadier', 'brigadier'], ['general', 'general'], ['gen', 'general'], ['commander', 'commander'],
  ['cmdr', 'commander'], ['cdr', 'commander'], ['commodore', 'commodore'], ['admiral', 'admiral'], ['adm', 'admiral'], ['marshal', 'marshal'],
  ['ensign', 'ensign'], ['constable', 'constable'], ['inspector', 'inspector'], ['superintendent', 'superintendent'], ['detective', 'detective'],
]);

/** Words of a rank that only qualify it ("Vice Admiral", "Lieutenant Colonel"): kept as part of the rank. */
export const RANK_PREFIXES = new Set(['vice', 'rear', 'lieutenant', 'lt', 'major', 'brigadier', 'staff', 'master', 'first', 'second', 'chief', 'petty', 'wing', 'group', 'squadron', 'flight', 'detective']);

/** Places too coarse to contradict a finer one ("of Minnesota" does not deny "of Bloomington"). */
export const COARSE_PLACES = new Set([
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida', 'georgia', 'hawaii', 'idaho',
  'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland', 'massachusetts', 'michigan', 'minnesota',
  'mississippi', 'missouri', 'montana', 'nebraska', 'nevada', 'new hampshire', 'new jersey', 'new mexico', 'new york', 'north carolina',
  'north dakota', 'ohio', 'oklahoma', 'oregon', 'pennsylvania', 'rhode island', 'south carolina', 'south dakota', 'tennessee', 'texas',
  'utah', 'vermont', 'virginia', 'washington', 'west virginia', 'wisconsin', 'wyoming', 'england', 'scotland', 'wales', 'ireland',
  'united states', 'us', 'usa', 'america', 'united kingdom', 'uk', 'britain', 'great britain', 'canada', 'mexico', 'india', 'china',
  'russia', 'germany', 'france', 'spain', 'italy', 'australia', 'pakistan', 'israel', 'somalia', 'yemen', 'queens', 'brooklyn',
  'manhattan', 'bronx', 'staten island', 'the bronx', 'europe', 'africa', 'asia', 'middle east', 'gaza', 'gaza strip', 'west bank',
]);

/**
 * Countries, by their usual English names: a report set in a country may
 * be set in any of its towns ("riots across Greece" / "in Athens"), but two
 * countries are two places. (US states and boroughs are not here: "Washington"
 * and "New York" are as often cities.)
 */
export const COUNTRIES = new Set([
  'united states', 'us', 'usa', 'america', 'united kingdom', 'uk', 'britain', 'great britain', 'england', 'scotland', 'wales', 'ireland',
  'canada', 'mexico', 'india', 'china', 'russia', 'germany', 'france', 'spain', 'italy', 'australia', 'pakistan', 'israel', 'somalia', 'yemen',
  'afghanistan', 'albania', 'algeria', 'andorra', 'angola', 'argentina', 'armenia', 'austria', 'azerbaijan', 'bahamas', 'bahrain',
  'bangladesh', 'barbados', 'belarus', 'belgium', 'belize', 'benin', 'bhutan', 'bolivia', 'bosnia', 'botswana', 'brazil', 'brunei',
  'bulgaria', 'burkina faso', 'burundi', 'cambodia', 'cameroon', 'chad', 'chile', 'colombia', 'comoros', 'congo', 'costa rica', 'croatia',
  'cuba', 'cyprus', 'czech republic', 'denmark', 'djibouti', 'dominica', 'dominican republic', 'ecuador', 'egypt', 'el salvador',
  'eritrea', 'estonia', 'eswatini', 'ethiopia', 'fiji', 'finland', 'gabon', 'gambia', 'ghana', 'greece', 'grenada', 'guatemala', 'guinea',
  'guyana', 'haiti', 'honduras', 'hungary', 'iceland', 'indonesia', 'iran', 'iraq', 'ivory coast', 'jamaica', 'japan', 'jordan',
  'kazakhstan', 'kenya', 'kiribati', 'kosovo', 'kuwait', 'kyrgyzstan', 'laos', 'latvia', 'lebanon', 'lesotho', 'liberia', 'libya',
  'liechtenstein', 'lithuania', 'luxembourg', 'madagascar', 'malawi', 'malaysia', 'maldives', 'mali', 'malta', 'mauritania', 'mauritius',
  'moldova', 'monaco', 'mongolia', 'montenegro', 'morocco', 'mozambique', 'myanmar', 'burma', 'namibia', 'nauru', 'nepal', 'netherlands',
  'holland', 'new zealand', 'nicaragua', 'niger', 'nigeria', 'north korea', 'north macedonia', 'norway', 'oman', 'palau', 'panama',
  'papua new guinea', 'paraguay', 'peru', 'philippines', 'poland', 'portugal', 'qatar', 'romania', 'rwanda', 'samoa', 'san marino',
  'saudi arabia', 'senegal', 'serbia', 'seychelles', 'sierra leone', 'singapore', 'slovakia', 'slovenia', 'solomon islands',
  'south africa', 'south korea', 'south sudan', 'sri lanka', 'sudan', 'suriname', 'sweden', 'switzerland', 'syria', 'taiwan', 'tajikistan',
  'tanzania', 'thailand', 'togo', 'tonga', 'trinidad', 'tunisia', 'turkey', 'turkmenistan', 'tuvalu', 'uganda', 'ukraine',
  'united arab emirates', 'uruguay', 'uzbekistan', 'vanuatu', 'venezuela', 'vietnam', 'zambia', 'zimbabwe',
]);

/** Words whose count is a score or a sequence, not a quantity of things ("the sixth round", "his 10th win" are ordinals anyway). */
export const NOT_COUNTED = new Set(['time', 'times', 'year', 'years', 'day', 'days', 'week', 'weeks', 'month', 'months', 'hour', 'hours', 'minute', 'minutes', 'second', 'seconds', 'percent', 'cent', 'of', 'per']);

/**
 * Things that can do something. The subject of an active verb that is none
 * of these is what the event happened with, not who did it: "two shells
 * struck the school" and "three shells landed" both count shells that hit.
 */
export const ANIMATE = new Set([
  'people', 'firefighter', 'crew', 'pirate', 'police', 'child', 'soldier', 'resident', 'man', 'woman', 'member', 'officer', 'student', 'worker',
  'passenger', 'fighter', 'player', 'militant', 'gunman', 'victim', 'patient', 'suspect', 'prisoner', 'inmate', 'guard', 'official', 'staff',
  'demonstrator', 'protester', 'journalist', 'doctor', 'nurse', 'tourist', 'refugee', 'migrant', 'hostage', 'national', 'family', 'team', 'boy',
  'girl', 'adult', 'teenager', 'cousin', 'son', 'daughter', 'brother', 'sister', 'commando', 'marine', 'agent', 'employee', 'volunteer', 'rescuer',
  'spectator', 'fan', 'voter', 'delegate', 'leader', 'minister', 'lawmaker', 'senator', 'judge', 'juror', 'witness', 'attacker', 'robber', 'thief',
]);

/**
 * Event families specific enough that their time or day names one event of
 * a story ("the fire broke out at 8.49pm"); the others (sending, holding,
 * paying, winning …) happen many times in one story.
 */
export const DISTINCT_EVENTS = new Set(['kill', 'injure', 'arrest', 'rescue', 'evacuate', 'hijack', 'attack', 'foil', 'break_out', 'sink', 'escape', 'collapse', 'stab', 'convict', 'sentence', 'charge', 'crash', 'explode', 'die']);

/**
 * Roles a person is named in: a post, a job, a place on a team, a tie of
 * kin or of business. Each word (or pair of words) with the family it
 * belongs to ("CEO" and "chief executive officer" are one). One person holds
 * several at once, so two roles never contradict each other; the same role
 * told twice corroborates.
 */
export const ROLES = new Map<string, string>([
  ...(['prime minister', 'premier'] as const).map((w) => [w, 'prime minister'] as [string, string]),
  ...(['ceo', 'chief executive', 'chief executive officer'] as const).map((w) => [w, 'chief executive'] as [string, string]),
  ...(['coo', 'chief operating officer'] as const).map((w) => [w, 'chief operating officer'] as [string, string]),
  ...(['cfo', 'chief financial officer'] as const).map((w) => [w, 'chief financial officer'] as [string, string]),
  ...(['cto', 'chief technology officer'] as const).map((w) => [w, 'chief technology officer'] as [string, string]),
  ...(['vice president', 'vp', 'senior vice president', 'executive vice president', 'svp', 'evp'] as const).map((w) => [w, 'vice president'] as [string, string]),
  ...(['spokesman', 'spokeswoman', 'spokesperson'] as const).map((w) => [w, 'spokesperson'] as [string, string]),
  ...(['lawyer', 'attorney', 'solicitor', 'barrister', 'counsel'] as const).map((w) => [w, 'lawyer'] as [string, string]),
  ...(['fiance', 'fiancé', 'fiancee', 'fiancée'] as const).map((w) => [w, 'fiance'] as [string, string]),
  ...(['rep', 'representative', 'publicist'] as const).map((w) => [w, 'representative'] as [string, string]),
  ...(['cb', 'cornerback'] as const).map((w) => [w, 'cornerback'] as [string, string]),
  ...(['rb', 'running back', 'tailback'] as const).map((w) => [w, 'running back'] as [string, string]),
  ...(['qb', 'quarterback'] as const).map((w) => [w, 'quarterback'] as [string, string]),
  ...(['general manager', 'gm'] as const).map((w) => [w, 'general manager'] as [string, string]),
  ...(['co-writer', 'co - writer', 'cowriter', 'screenwriter', 'writer', 'head writer', 'lead writer'] as const).map((w) => [w, 'writer'] as [string, string]),
  ...(['producer', 'executive producer'] as const).map((w) => [w, 'producer'] as [string, string]),
  ...([
    'president', 'chairman', 'chairwoman', 'founder', 'owner', 'director', 'manager', 'agent', 'coach', 'head coach', 'trainer',
    'sister', 'brother', 'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'uncle', 'aunt', 'cousin', 'grandmother', 'grandfather', 'boyfriend', 'girlfriend',
    'linebacker', 'receiver', 'wide receiver', 'tight end', 'safety', 'kicker', 'pitcher', 'catcher', 'shortstop', 'outfielder', 'striker', 'goalkeeper', 'midfielder', 'defender',
    'host', 'anchor', 'creator', 'editor', 'reporter', 'correspondent', 'analyst', 'minister', 'ambassador', 'governor', 'senator', 'mayor', 'commissioner', 'judge', 'prosecutor',
  ] as const).map((w) => [w, w.replace(/^head coach$/, 'coach').replace(/^wide receiver$/, 'receiver')] as [string, string]),
]);

/**
 * Roles of which a person holds one at a time, by class: a company's chief
 * executive is not its chief operating officer, so "CEO Larry Lucchino" and
 * "COO Larry Lucchino" contradict each other where "owner" and "chairman"
 * would not.
 */
export const EXCLUSIVE_ROLES = new Map<string, string>(['chief executive', 'chief operating officer', 'chief financial officer', 'chief technology officer'].map((r) => [r, 'chief officer']));

/** Words before a role that make it one held before, not now ("former CEO", "then coach"). */
export const PAST_ROLE = new Set(['former', 'ex', 'ex-', 'late', 'then', 'onetime', 'one-time', 'previous', 'erstwhile', 'outgoing', 'incoming', 'designate']);

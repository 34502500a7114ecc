/**
 * General word classes the analysis rules rely on. They describe English
 * news prose in general (titles, organisation and place head nouns, hedges,
 * units); none is fitted to a particular story.
 */

/** Positions and titles written as capitals before a name (a team's positions, a general manager, a most valuable player). */
export const ABBREVIATED_TITLES = new Set(['rb', 'qb', 'wr', 'te', 'cb', 'lb', 'fb', 'gm', 'mvp']);

/** Role words that precede (or follow, after a comma) a person's name. */
export const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'leader',
  'chairman', 'chairwoman', 'chair', 'director', 'general', 'admiral', 'admirals', 'marshal', 'marshals', 'governor', 'mayor',
  'senator', 'sen', 'rep', 'representative', 'ambassador', 'king', 'queen', 'prince', 'princess', 'pope', 'dr', 'mr', 'mrs', 'ms',
  'sir', 'lord', 'lady', 'colonel', 'col', 'captain', 'capt', 'commander', 'researcher', 'analyst', 'expert', 'professor', 'prof',
  'judge', 'justice', 'officer', 'official', 'head', 'ceo', 'coo', 'cfo', 'cto', 'vp', 'svp', 'evp', 'founder', 'premier', 'chancellor', 'envoy', 'deputy', 'sergeant',
  'lieutenant', 'lt', 'gen', 'correspondent', 'reporter', 'editor', 'actor', 'actress', 'singer', 'star', 'coach', 'player',
  'striker', 'manager', 'lawyer', 'attorney', 'detective', 'inspector', 'superintendent', 'sheriff', 'counterpart', 'dictator',
  'emperor', 'sheikh', 'cardinal', 'bishop', 'rev', 'father', 'brother', 'sister', 'wife', 'husband', 'son', 'daughter',
  'mother', 'rapper', 'musician', 'author', 'writer', 'businessman', 'businesswoman', 'candidate', 'nominee', 'presenter', 'host',
  'owner', 'executive', 'commissioner', 'strongman', 'activist', 'scientist', 'economist', 'historian', 'agent', 'producer',
  'designer', 'guard', 'boxer', 'champion', 'goalkeeper', 'defender', 'midfielder', 'forward', 'pitcher', 'quarterback',
  'commodore', 'brigadier', 'ensign', 'constable', 'corporal', 'cpl', 'cmdr', 'cdr', 'adm', 'maj', 'sgt', 'supt', 'insp', 'det',
  'councilman', 'councilwoman', 'councillor', 'councilor', 'congressman', 'congresswoman', 'assemblyman', 'assemblywoman', 'alderman',
]);

/** Last words of organisation names. */
export const ORG_SUFFIX = new Set([
  'ministry', 'committee', 'agency', 'institute', 'institution', 'group', 'council', 'party', 'army', 'navy', 'court', 'bank',
  'company', 'corp', 'corporation', 'inc', 'ltd', 'llc', 'plc', 'co', 'university', 'college', 'school', 'organization',
  'organisation', 'union', 'office', 'staff', 'commission', 'association', 'forces', 'force', 'department', 'service', 'services',
  'police', 'parliament', 'assembly', 'congress', 'senate', 'administration', 'authority', 'board', 'foundation', 'fund',
  'network', 'news', 'times', 'post', 'press', 'media', 'television', 'tv', 'radio', 'club', 'team', 'federation', 'league',
  'airlines', 'airways', 'motors', 'bureau', 'centre', 'center', 'hospital', 'church', 'cabinet', 'government', 'guard', 'fc',
  'chiefs', 'studios', 'records', 'entertainment', 'industries', 'systems', 'technologies', 'labs', 'society', 'alliance',
  'coalition', 'front', 'movement', 'tribunal', 'secretariat', 'program', 'programme', 'consortium', 'holdings', 'brigade',
  // A clinic is a body, as a hospital is ("the Betty Ford Clinic"): no one's name ends so.
  'clinic',
]);

/** First words of organisation names ("Ministry of Defence", "Bank of England"). */
export const ORG_HEAD = new Set(['ministry', 'university', 'bank', 'department', 'institute', 'office', 'church', 'house', 'council', 'board', 'house']);

/** Last words of place names. */
export const PLACE_SUFFIX = new Set([
  'cosmodrome', 'city', 'river', 'sea', 'island', 'islands', 'mountains', 'mountain', 'mount', 'province', 'region', 'oblast',
  'street', 'avenue', 'road', 'airport', 'station', 'border', 'peninsula', 'gulf', 'ocean', 'lake', 'valley', 'bay', 'strait',
  'republic', 'kingdom', 'federation', 'states', 'county', 'district', 'state', 'square', 'park', 'beach', 'coast', 'desert',
  'east', 'west', 'north', 'south', 'plaza', 'bridge', 'harbour', 'harbor', 'port', 'canyon', 'hills', 'heights', 'village',
  'town', 'territory', 'prefecture', 'base', 'launchpad', 'spaceport', 'stadium', 'arena', 'palace', 'prison', 'square', 'camp',
  'neighborhood', 'neighbourhood', 'borough', 'township', 'parish', 'boulevard', 'blvd', 'lane', 'drive', 'highway', 'freeway',
  // Venues, where things happen ("High's Ice Cream Shop", "the Ritz Hotel"): places, never people, and two of them in one
  // report's place and another's are two places.
  'shop', 'store', 'restaurant', 'hotel', 'cafe', 'factory', 'museum', 'library', 'theater', 'theatre', 'mall', 'pharmacy',
]);

/** Compass and area prefixes that start place names ("North Korea", "Far East"). */
export const PLACE_PREFIX = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'far', 'central', 'upper', 'lower', 'new', 'san', 'santa', 'los', 'las', 'saint', 'st', 'fort', 'mount', 'lake', 'port', 'cape', 'gulf', 'bay', 'sea', 'strait', 'isle']);

/**
 * Prepositions after which a capitalised name is likely a place. ("Against"
 * and "over" name opponents as often: "a win over Thompson"; "to" names a
 * place only after a word of going, MOTION_BEFORE_TO.)
 */
export const PLACE_CUES = new Set(['in', 'at', 'near', 'from', 'into', 'across', 'towards', 'toward', 'via', 'outside', 'inside', 'around', 'throughout']);

/** Words of going or sending before "to" that make the name after it a destination ("flew to Texas"), not a recipient ("an offer to Teixeira"). */
export const MOTION_BEFORE_TO = new Set([
  'flew', 'fly', 'flies', 'flying', 'moved', 'move', 'moves', 'moving', 'went', 'go', 'goes', 'going', 'gone', 'travel', 'travels', 'traveled', 'travelled',
  'traveling', 'travelling', 'trip', 'trips', 'headed', 'heading', 'heads', 'sent', 'taken', 'rushed', 'returned', 'return', 'returns', 'returning', 'came',
  'come', 'comes', 'coming', 'arrived', 'drove', 'driven', 'walked', 'marched', 'fled', 'flee', 'transferred', 'deported', 'extradited', 'airlifted',
  'evacuated', 'journey', 'way', 'back', 'bound', 'relocated', 'shipped', 'brought', 'flights', 'flight', 'route', 'visit', 'visits', 'road',
  'drive', 'driving', 'over', 'spread', 'spreads', 'spreading', 'limited', 'confined', 'restricted', 'close', 'next', 'adjacent',
]);

/** Capitalised words that are never names on their own. */
export const NOT_NAMES = new Set([
  'i', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'ok', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.',
  'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec',
]);

/** Verbs that introduce reported speech. */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'continued', 'remarked', 'stated', 'states', 'replied', 'replies',
  'responded', 'asked', 'explained', 'noted', 'wrote', 'writes', 'declared', 'announced', 'insisted', 'warned', 'argued',
  'claimed', 'confirmed', 'emphasized', 'emphasised', 'stressed', 'recalled', 'commented', 'tweeted', 'posted', 'answered',
  'saying', 'telling', 'adding', 'according', 'quoted', 'quoting', 'assured', 'pledged', 'promised', 'admitted', 'acknowledged',
  'observed', 'suggested', 'concluded', 'exclaimed', 'vowed', 'predicted', 'urged', 'reported', 'reads', 'read',
  // The present of features and profiles ("…,” Henry explains): not the forms that are nouns too ("claims", "notes", "posts").
  'explains', 'continues', 'remarks', 'insists', 'warns', 'argues', 'recalls', 'admits', 'acknowledges', 'observes',
  'suggests', 'concludes', 'exclaims', 'vows', 'predicts', 'urges', 'responds', 'declares', 'stresses', 'emphasizes',
  'emphasises', 'announces', 'asks', 'confirms', 'jokes', 'joked', 'laughs', 'laughed', 'shrugs', 'shrugged',
]);

/** Personal pronouns resolved to the last named person. */
export const PRONOUNS = new Set(['he', 'she', 'they']);

/** Words that make a number approximate. */
export const HEDGES = [
  'almost', 'about', 'around', 'nearly', 'some', 'roughly', 'approximately', 'approx', 'over', 'more than', 'less than',
  'fewer than', 'up to', 'at least', 'at most', 'an estimated', 'estimated', 'close to', 'just under', 'just over', 'under',
  'circa', 'ca', 'upwards of', 'as many as', 'as much as', 'between', 'roughly', 'well over', 'nearly', 'barely', 'only about',
  'above', 'below', 'in excess of', 'no fewer than', 'no less than', 'not more than', 'more than', 'over',
];

/** Hedges after which the true value may be higher ("more than 600") or lower ("up to 40"). */
export const LOWER_BOUND_HEDGES = new Set(['over', 'more than', 'at least', 'upwards of', 'well over', 'just over', 'above', 'in excess of', 'no fewer than', 'no less than']);
export const UPPER_BOUND_HEDGES = new Set(['less than', 'fewer than', 'up to', 'at most', 'under', 'just under', 'below', 'as many as', 'as much as', 'not more than']);

/** Unit spellings → normalised unit and factor into that unit. */
export const UNITS: Record<string, { unit: string; factor: number }> = {
  second: { unit: 'second', factor: 1 }, seconds: { unit: 'second', factor: 1 }, sec: { unit: 'second', factor: 1 }, secs: { unit: 'second', factor: 1 },
  minute: { unit: 'second', factor: 60 }, minutes: { unit: 'second', factor: 60 }, min: { unit: 'second', factor: 60 }, mins: { unit: 'second', factor: 60 },
  hour: { unit: 'hour', factor: 1 }, hours: { unit: 'hour', factor: 1 }, hr: { unit: 'hour', factor: 1 }, hrs: { unit: 'hour', factor: 1 },
  day: { unit: 'day', factor: 1 }, days: { unit: 'day', factor: 1 },
  week: { unit: 'week', factor: 1 }, weeks: { unit: 'week', factor: 1 },
  month: { unit: 'month', factor: 1 }, months: { unit: 'month', factor: 1 },
  year: { unit: 'year', factor: 1 }, years: { unit: 'year', factor: 1 },
  metre: { unit: 'metre', factor: 1 }, metres: { unit: 'metre', factor: 1 }, meter: { unit: 'metre', factor: 1 }, meters: { unit: 'metre', factor: 1 }, m: { unit: 'metre', factor: 1 },
  centimetre: { unit: 'metre', factor: 0.01 }, centimetres: { unit: 'metre', factor: 0.01 }, centimeter: { unit: 'metre', factor: 0.01 }, centimeters: { unit: 'metre', factor: 0.01 }, cm: { unit: 'metre', factor: 0.01 },
  kilometre: { unit: 'metre', factor: 1000 }, kilometres: { unit: 'metre', factor: 1000 }, kilometer: { unit: 'metre', factor: 1000 }, kilometers: { unit: 'metre', factor: 1000 }, km: { unit: 'metre', factor: 1000 },
  foot: { unit: 'metre', factor: 0.3048 }, feet: { unit: 'metre', factor: 0.3048 }, ft: { unit: 'metre', factor: 0.3048 },
  mile: { unit: 'metre', factor: 1609.344 }, miles: { unit: 'metre', factor: 1609.344 },
  inch: { unit: 'metre', factor: 0.0254 }, inches: { unit: 'metre', factor: 0.0254 },
  'nautical miles': { unit: 'metre', factor: 1852 }, 'nautical mile': { unit: 'metre', factor: 1852 },
  kilogram: { unit: 'kilogram', factor: 1 }, kilograms: { unit: 'kilogram', factor: 1 }, kg: { unit: 'kilogram', factor: 1 },
  tonne: { unit: 'kilogram', factor: 1000 }, tonnes: { unit: 'kilogram', factor: 1000 }, ton: { unit: 'kilogram', factor: 1000 }, tons: { unit: 'kilogram', factor: 1000 },
  pound: { unit: 'gbp', factor: 1 }, pounds: { unit: 'gbp', factor: 1 },
  percent: { unit: 'percent', factor: 1 }, 'per cent': { unit: 'percent', factor: 1 }, '%': { unit: 'percent', factor: 1 },
  dollar: { unit: 'usd', factor: 1 }, dollars: { unit: 'usd', factor: 1 }, euro: { unit: 'eur', factor: 1 }, euros: { unit: 'eur', factor: 1 },
  rouble: { unit: 'rub', factor: 1 }, roubles: { unit: 'rub', factor: 1 }, ruble: { unit: 'rub', factor: 1 }, rubles: { unit: 'rub', factor: 1 },
  yen: { unit: 'jpy', factor: 1 }, yuan: { unit: 'cny', factor: 1 }, won: { unit: 'krw', factor: 1 }, rupees: { unit: 'inr', factor: 1 },
  degrees: { unit: 'degree', factor: 1 }, degree: { unit: 'degree', factor: 1 },
  // An earthquake's size written after its figure: "a 6.3-magnitude earthquake".
  magnitude: { unit: 'magnitude', factor: 1 },
};

/** Currency signs before a number. */
export const CURRENCY_SIGNS: Record<string, string> = { $: 'usd', 'us$': 'usd', '€': 'eur', '£': 'gbp', '¥': 'jpy', '₽': 'rub', '₩': 'krw', '₹': 'inr' };

/** Units of money, as numbers are normalised. */
export const MONEY_UNITS: ReadonlySet<string> = new Set(Object.values(CURRENCY_SIGNS));

export const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12, a: 1,
};

export const MULTIPLIERS: Record<string, number> = { dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, mn: 1e6, bn: 1e9, k: 1e3 };

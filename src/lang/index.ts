/**
 * Language resources shared by clustering and relate: accent folding, stop
 * words, calendar words and name rules per language, and the language
 * detector itself. Everything here is data written in the code or read from
 * the runtime's own locale data: nothing is downloaded, nothing is read from disk.
 */
export { fold } from './fold.js';
export { stopWordsOf, LANGUAGES_WITH_STOP_WORDS, ANY_LANGUAGE_STOP_WORDS } from './stopwords.js';
export { calendarWord, startsCalendarName, MONTH_KEYS, WEEKDAY_KEYS, type CalendarWord } from './calendar.js';
export { numberValue } from './numbers.js';
export { capitalisesNouns, isNounMarker, hasNounEnding, withoutElision } from './names.js';
export { detectLanguage, normaliseTag } from '../extract/language.js';

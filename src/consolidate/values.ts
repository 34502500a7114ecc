import { COARSE_PLACES } from '../analyze/facts/lexicon.js';
import { WEEKDAYS } from '../analyze/dates.js';
import { MONEY_UNITS } from '../analyze/lexicon.js';
import type { Fact, FactValue } from '../types.js';
import { EXACT_TOLERANCE, HEDGED_TOLERANCE } from './numbers.js';

/**
 * When two values of one slot say the same. Figures agree within rounding
 * (1 %, and no further than half the unit a round number is written to),
 * within a hedge ("about 40" and "almost 40": 15 %, only below for
 * "nearly", "almost" and the like; "a dozen", a vague word, 25 %), and a
 * round lower bound of a count or a sum reaches to the next step of its
 * last digit ("more than 300" is 300 to 400; see `boundReach`), and two
 * minimums of a running total reach a little above themselves; ranges
 * agree when they overlap. Clock times agree within a minute, or three when
 * hedged (fifteen for a hedged round hour). Everything else (names,
 * colours, ranks, days, records, telephone numbers) agrees when the
 * normalised keys are equal — or, for ranks and places, when one contains
 * the other.
 */

/** Relative tolerance of figures given by a vague word ("a dozen", "a couple", "scores"). */
const VAGUE_TOLERANCE = 0.25;
/** How far above itself a lower bound reaches: "more than 600" is not "more than 640". */
const LOWER_BOUND_REACH = 0.05;
/** Minutes of slack for clock times, exact and hedged. */
const EXACT_MINUTES = 1;
const HEDGED_MINUTES = 3;

/** Hedges that put the true figure just below the one written. */
const BELOW = /^\s*(?:nearly|almost|just under|just shy of|close to|not quite)\b/i;

const VAGUE = /\b(?:dozen|dozens|couple|handful|scores?|hundreds|thousands|several|few)\b/i;

function interval(v: FactValue): [number, number] {
  const n = v.number ?? 0;
  const hi0 = v.max ?? n;
  // A whole number written to its last digit ("2,117 points") is exact: only a round one ("2,100") may be rounded.
  const tol = VAGUE.test(v.text) ? VAGUE_TOLERANCE : v.approximate === true ? HEDGED_TOLERANCE : Number.isInteger(n) && n % 10 !== 0 ? 0 : EXACT_TOLERANCE;
  // A round whole number is rounded at most to its last zero: "2,290" may stand for 2,285 to 2,295, never 2,302.
  const exactRound = tol === EXACT_TOLERANCE && Number.isInteger(n) && n !== 0 && v.max === undefined;
  const reach = exactRound ? Math.min(n * EXACT_TOLERANCE, roundingStep(n) / 2) : n * tol;
  let lo = n - reach;
  // "Nearly 80", "almost 40": a hedge from below stops at its number (rounding aside).
  let hi = BELOW.test(v.text) ? hi0 * (1 + EXACT_TOLERANCE) : exactRound ? hi0 + reach : hi0 * (1 + tol);
  if (v.lowerBound === true) {
    lo = n;
    // Against another minimum: a running total's moves as the toll is revised, so it reaches no further than the next
    // figure ("more than 600", "more than 640"). (Against a figure, a bound reaches as `boundReach` says.)
    hi = Math.max(hi0 * (1 + LOWER_BOUND_REACH), hi0 + 1);
  } else if (v.upperBound === true) {
    // "less than 25 kilometres", "up to 40": anything below.
    lo = 0;
  }
  return [lo, hi];
}

/**
 * How far above itself a minimum reaches against a figure. A round count
 * ("more than 200", "at least 70") is the figure rounded down to its last
 * digit: 200 to 300, 70 to 80; another outlet's "about 100" is another
 * count. A minimum written to its last digit ("at least 12") is a count so
 * far, which any larger figure may bear out; so is a measure, whose number
 * was converted ("more than 100 miles") — a sum keeps the currency it is
 * written in.
 */
function boundReach(bound: FactValue): number {
  const n = bound.max ?? bound.number ?? 0;
  const step = roundingStep(n);
  const counted = bound.unit === undefined || MONEY_UNITS.has(bound.unit);
  return counted && Number.isInteger(n) && step >= 10 ? n + step : Infinity;
}

/** The unit a whole number is written to: 10 for "2,290", 100 for "2,100". */
function roundingStep(n: number): number {
  let step = 1;
  let m = Math.abs(n);
  while (m !== 0 && m % 10 === 0) {
    step *= 10;
    m /= 10;
  }
  return step;
}

export function valuesAgree(kind: Fact['kind'], a: FactValue, b: FactValue, runningTotal = false): boolean {
  if (kind === 'time') return Math.abs((a.number ?? 0) - (b.number ?? 0)) <= Math.max(slack(a), slack(b));
  if (a.number !== undefined && b.number !== undefined && kind !== 'record' && kind !== 'identifier') {
    // "at least 70" is borne out by "74": a bound against a figure agrees when the figure keeps it and is within its range.
    // (Two bounds are two reports of a minimum: "more than 600" and "more than 640" differ.)
    if (a.lowerBound !== b.lowerBound || a.upperBound !== b.upperBound) {
      const [bound, other] = a.lowerBound === true || a.upperBound === true ? [a, b] : [b, a];
      const [ol, oh] = interval({ ...other, lowerBound: false, upperBound: false });
      if (bound.lowerBound === true && other.lowerBound !== true) return oh >= (bound.number ?? 0) && ol <= boundReach(bound);
      if (bound.upperBound === true && (other.upperBound !== true)) return ol <= (bound.max ?? bound.number ?? 0);
    }
    // Two minimums of one count agree ("at least 12" keeps "at least seven": two attacks' tolls may be behind them),
    // unless they are running totals, whose minimum moves as a toll is revised ("more than 600", then "more than 640").
    if (a.lowerBound === true && b.lowerBound === true && !runningTotal) return true;
    const [al, ah] = interval(a);
    const [bl, bh] = interval(b);
    return al <= bh && bl <= ah;
  }
  const ka = a.key ?? a.text.toLowerCase();
  const kb = b.key ?? b.text.toLowerCase();
  if (ka === kb) return true;
  // "late Thursday night" and "early Friday morning" are one night told from either side of midnight.
  if (kind === 'day' && aroundMidnight(a, b)) return true;
  // "Admiral" / "Chief Admiral", "South Ozone Park" / "Ozone Park": one holds the other.
  if (kind === 'rank' || kind === 'home') {
    if (ka.endsWith(` ${kb}`) || kb.endsWith(` ${ka}`)) return true;
    // "of Queens" does not deny "of South Ozone Park": a state, a country or a borough holds many towns.
    if (kind === 'home' && (COARSE_PLACES.has(ka) || COARSE_PLACES.has(kb))) return true;
  }
  return false;
}

/**
 * Whether two values that agree are one figure, reported twice: what lets
 * them corroborate each other. A bound or a range agrees with every figure
 * it holds ("at least 70" with "74", "$140 million to $160 million"
 * with "$160 million"), so neither is a dispute; but the two are the same
 * figure only where their numbers meet ("more than 50" and "50"; "at least
 * 12" twice). "At least seven" and "at least 12" killed are true of one toll
 * and may be two attacks: they corroborate nothing.
 */
export function sameValue(kind: Fact['kind'], a: FactValue, b: FactValue, runningTotal = false): boolean {
  if (!valuesAgree(kind, a, b, runningTotal)) return false;
  // "Saturday night" does not deny "Sunday" (the small hours of it), but the two are one day reported twice only when
  // both point at the midnight between them ("late Thursday night" / "early Friday morning").
  if (kind === 'day' && (a.key ?? a.text.toLowerCase()) !== (b.key ?? b.text.toLowerCase()) && aroundMidnight(a, b) && !aroundMidnight(a, b, true)) return false;
  if (kind === 'time' || kind === 'record' || kind === 'identifier' || a.number === undefined || b.number === undefined) return true;
  const bounded = (v: FactValue): boolean => v.lowerBound === true || v.upperBound === true || v.max !== undefined;
  if (!bounded(a) && !bounded(b)) return true;
  // A range is the same only as a range, its ends meeting as numbers do.
  if ((a.max !== undefined) !== (b.max !== undefined)) return false;
  // Numbers meet within the tolerance of their hedges ("more than 50" and "some 50"; "about 40" and "more than 40"):
  // a bound's hedge widens its own number as it widens any other, so "at least 12" and "at least 13" are one figure.
  const meet = (x: number, y: number): boolean => {
    const [xl, xh] = interval({ text: a.text, number: x, approximate: a.approximate });
    const [yl, yh] = interval({ text: b.text, number: y, approximate: b.approximate });
    return xl <= yh && yl <= xh;
  };
  return meet(a.number, b.number) && (a.max === undefined || meet(a.max, b.max ?? b.number));
}

/**
 * Whether two figures can be reports of one quantity at all: within a
 * factor of four (or three apart, for small counts). Beyond that they are
 * two quantities of one kind (a school's toll and the war's), never a
 * dispute.
 */
export function sameMagnitude(a: FactValue, b: FactValue): boolean {
  if (a.number === undefined || b.number === undefined) return true;
  const x = Math.abs(a.number);
  const y = Math.abs(b.number);
  const [lo, hi] = x < y ? [x, y] : [y, x];
  return hi - lo <= MAGNITUDE_SMALL_GAP || hi <= lo * MAGNITUDE_FACTOR;
}

const MAGNITUDE_FACTOR = 4;
const MAGNITUDE_SMALL_GAP = 3;

function aroundMidnight(a: FactValue, b: FactValue, both = false): boolean {
  const ia = WEEKDAYS.indexOf(a.key ?? '');
  const ib = WEEKDAYS.indexOf(b.key ?? '');
  if (ia < 0 || ib < 0) return false;
  const [first, second] = (ia + 1) % 7 === ib ? [a, b] : (ib + 1) % 7 === ia ? [b, a] : [undefined, undefined];
  if (first === undefined || second === undefined) return false;
  const late = /\b(?:night|late|evening)\b/i.test(first.text);
  const early = /\b(?:early|morning|overnight)\b/i.test(second.text);
  return both ? late && early : late || early;
}

/** Minutes either way a time may mean: "around 9pm" is looser than "about 8.45pm", and both looser than "8.49pm". */
function slack(v: FactValue): number {
  if (v.approximate !== true) return EXACT_MINUTES;
  return (v.number ?? 0) % ROUND_MINUTES === 0 ? ROUND_HEDGED_MINUTES : HEDGED_MINUTES;
}

/** A hedged time on the hour or half hour ("around 9pm") is a rough one. */
const ROUND_MINUTES = 30;
const ROUND_HEDGED_MINUTES = 15;

/** Two telephone numbers that differ by one digit (dropped, added or changed) are one number reported wrongly, not two numbers. */
export function oneDigitApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseDate, parseDate } from '../../src/ingest/dates.js';

const NOW = Date.UTC(2024, 5, 1, 12);
const iso = (v: string): string | undefined => normaliseDate(v, { now: NOW });

test('ISO 8601 with and without a zone becomes UTC; no zone is taken as UTC', () => {
  assert.equal(iso('2024-03-05T10:00:00Z'), '2024-03-05T10:00:00.000Z');
  assert.equal(iso('2024-03-05T10:00:00+02:00'), '2024-03-05T08:00:00.000Z');
  assert.equal(iso('2024-03-05T10:00:00-0500'), '2024-03-05T15:00:00.000Z');
  assert.equal(iso('2024-03-05T10:00:00+02'), '2024-03-05T08:00:00.000Z');
  assert.equal(iso('2024-03-05 10:00'), '2024-03-05T10:00:00.000Z');
  assert.equal(iso('2024-03-05T10:00:00.123456Z'), '2024-03-05T10:00:00.123Z');
  assert.equal(iso('20240305T100000Z'), '2024-03-05T10:00:00.000Z');
});

test('RFC 2822 / 1123 / 850 and asctime, as feeds and HTTP give them', () => {
  assert.equal(iso('Tue, 05 Mar 2024 10:00:00 GMT'), '2024-03-05T10:00:00.000Z');
  assert.equal(iso('Tue, 5 Mar 2024 10:00:00 +0100'), '2024-03-05T09:00:00.000Z');
  assert.equal(iso('Tue, 05 Mar 2024 10:00:00 -0500'), '2024-03-05T15:00:00.000Z');
  assert.equal(iso('Tue, 05 Mar 2024 10:00 EST'), '2024-03-05T15:00:00.000Z');
  assert.equal(iso('Tuesday, 05-Mar-24 10:00:00 GMT'), '2024-03-05T10:00:00.000Z');
  assert.equal(iso('Tue Mar  5 10:00:00 2024'), '2024-03-05T10:00:00.000Z');
});

test('common news forms keep the precision they give: a day, a month, a year', () => {
  assert.equal(iso('March 5, 2024'), '2024-03-05');
  assert.equal(iso('Mar. 5, 2024'), '2024-03-05');
  assert.equal(iso('5 March 2024'), '2024-03-05');
  assert.equal(iso('05.03.2024'), '2024-03-05');
  assert.equal(iso('2024-03-05'), '2024-03-05');
  assert.equal(iso('03/05/2024'), '2024-03-05', 'slashes are month first');
  assert.equal(iso('25/03/2024'), '2024-03-25', 'unless the first number cannot be a month');
  assert.equal(iso('5. März 2024'), '2024-03-05');
  assert.equal(iso('5 de marzo de 2024'), '2024-03-05');
  assert.equal(iso('5 août 2024'), undefined, 'August 2024 is after the test clock');
  assert.equal(iso('March 5, 2024 at 10:30 a.m. EST'), '2024-03-05T15:30:00.000Z');
  assert.equal(iso('March 2024'), '2024-03');
  assert.equal(iso('2023'), '2023');
  assert.equal(iso('1709632800'), '2024-03-05T10:00:00.000Z');
});

test('nonsense, impossible and future dates are refused with a reason', () => {
  for (const v of ['not a date', '', '   ', '2024-02-30', '2024-13-01', '31.02.2024', 'Tue, 05 Mar 2024 25:00:00 GMT', 'yesterday', '12', 'x'.repeat(500)]) {
    const r = parseDate(v, { now: NOW });
    assert.ok('reason' in r, `${JSON.stringify(v.slice(0, 40))} refused`);
  }
  assert.match((parseDate('3024-01-01T00:00:00Z', { now: NOW }) as { reason: string }).reason, /future/);
  assert.match((parseDate('0001-01-01', { now: NOW }) as { reason: string }).reason, /early/);
  // A day of slack for clocks and zones the parser could not see.
  assert.equal(iso('2024-06-02T06:00:00Z'), '2024-06-02T06:00:00.000Z');
  assert.equal(iso('2024-06-03'), undefined);
});

test('dates sort as text once parsed', () => {
  const sorted = ['Tue, 05 Mar 2024 10:00:00 GMT', '2023-12-31T23:00:00-02:00', 'March 4, 2024'].map((v) => iso(v)!).sort();
  assert.deepEqual(sorted, ['2024-01-01T01:00:00.000Z', '2024-03-04', '2024-03-05T10:00:00.000Z']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { decodeBytes, isValidUtf8, metaCharset } from '../../src/ingest/decode.js';

const RU = 'Владимир Путин пообещал помочь Северной Корее в создании спутников. Встреча прошла на космодроме Восточный.';
const JA = 'プーチン大統領は北朝鮮の衛星開発を支援すると約束した。会談はボストーチヌイ宇宙基地で行われた。';
const ZH = '普京承诺帮助朝鲜发展卫星。会晤在东方航天发射场举行。';
const PL = 'Żółć gęślą jaźń: spotkanie w Rosji, Putin obiecał pomoc w budowie satelitów.';
const DE = 'Größere Übung für die Bundeswehr: Straße gesperrt, Bürger verärgert, Gemüse teurer.';

function html(charsetTag: string, body: string): string {
  return `<!doctype html><html><head>${charsetTag}<title>t</title></head><body><p>${body}</p></body></html>`;
}

test('windows-1251 page declared with <meta charset>', () => {
  const bytes = iconv.encode(html('<meta charset="windows-1251">', RU), 'windows-1251');
  assert.ok(decodeBytes(bytes, { format: 'html' }).includes(RU));
});

test('Shift_JIS page declared with http-equiv', () => {
  const bytes = iconv.encode(html('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', JA), 'shift_jis');
  assert.ok(decodeBytes(bytes, { format: 'html' }).includes(JA));
});

test('GB2312 page (decoded with its GBK superset)', () => {
  const bytes = iconv.encode(html('<meta charset="gb2312">', ZH), 'gb2312');
  assert.ok(decodeBytes(bytes, { format: 'html' }).includes(ZH));
});

test('ISO-8859-2 via the transport-declared charset', () => {
  const bytes = iconv.encode(PL, 'iso-8859-2');
  assert.equal(decodeBytes(bytes, { format: 'text', declaredCharset: 'ISO-8859-2' }), PL);
});

test('ISO-8859-1 label decodes as windows-1252 like browsers do', () => {
  const bytes = iconv.encode(`${DE} \u201cquoted\u201d`, 'windows-1252');
  assert.equal(decodeBytes(bytes, { format: 'text', declaredCharset: 'iso-8859-1' }), `${DE} \u201cquoted\u201d`);
});

test('undeclared windows-1251 text is recognised by chardet', () => {
  const bytes = iconv.encode(`${RU} ${RU} ${RU}`, 'windows-1251');
  assert.equal(decodeBytes(bytes, { format: 'text' }), `${RU} ${RU} ${RU}`);
});

test('undeclared Shift_JIS text is recognised by chardet', () => {
  const bytes = iconv.encode(`${JA}${JA}`, 'shift_jis');
  assert.equal(decodeBytes(bytes, { format: 'text' }), `${JA}${JA}`);
});

test('a UTF-8 BOM is dropped and wins over a wrong declaration', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(RU, 'utf8')]);
  assert.equal(decodeBytes(bytes, { format: 'text', declaredCharset: 'windows-1251' }), RU);
});

test('a UTF-16LE BOM is honoured', () => {
  const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(JA, 'utf16le')]);
  assert.equal(decodeBytes(bytes, { format: 'text' }), JA);
});

test('valid UTF-8 mislabelled as windows-1252 stays UTF-8', () => {
  const bytes = Buffer.from(html('<meta charset="windows-1252">', RU), 'utf8');
  assert.ok(decodeBytes(bytes, { format: 'html' }).includes(RU));
});

test('the meta prescan finds charset in either form and ignores the body', () => {
  assert.equal(metaCharset(Buffer.from('<head><meta charset=koi8-r></head>')), 'koi8-r');
  assert.equal(metaCharset(Buffer.from('<meta content="text/html; charset=euc-jp" http-equiv="content-type">')), 'euc-jp');
  assert.equal(metaCharset(Buffer.from('<p>no declaration</p>')), undefined);
});

test('UTF-8 validation rejects overlongs and accepts a sequence cut at the end', () => {
  assert.equal(isValidUtf8(Buffer.from('héllo')), true);
  assert.equal(isValidUtf8(new Uint8Array([0xc0, 0xaf])), false);
  assert.equal(isValidUtf8(new Uint8Array([0x61, 0xe2, 0x82])), true);
  assert.equal(isValidUtf8(new Uint8Array([0x61, 0xe2, 0x41])), false);
});

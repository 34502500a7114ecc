/**
 * Validators of the exports, each an outside tool or vocabulary rather than
 * our own idea of the format: csv-parse for CSV, libxml2 (xmllint-wasm) with
 * the RELAX NG grammar of RFC 4287 for Atom, jsonld.js plus the schema.org
 * vocabulary as Google's schema-dts publishes it for ClaimReview JSON-LD.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse as parseCsvStrict } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { validateXML } from 'xmllint-wasm';

const require = createRequire(import.meta.url);

/** Rows of a CSV text as csv-parse reads it, strictly (same column count on every row, no stray quotes). */
export function csvRows(text: string): string[][] {
  return parseCsvStrict(text, { relax_column_count: false, relax_quotes: false, bom: true }) as string[][];
}

const ATOM_RNG = readFileSync('test/fixtures/render/atom.rng', 'utf8');

/** Errors of an Atom document: libxml2's RELAX NG validation against RFC 4287's grammar, plus its rule that every entry has an author. */
export async function atomErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'feed.xml', contents: xml }], schema: [{ fileName: 'atom.rng', contents: ATOM_RNG }], extension: 'relaxng' });
  const errors = result.errors.map((e) => e.message);
  // RFC 4287 4.1.1: an entry needs an author unless the feed has one.
  if (/<entry>/.test(xml) && !/<feed[^>]*>[\s\S]*?<author>[\s\S]*?<entry>/.test(xml) && /<entry>(?:(?!<author>)[\s\S])*?<\/entry>/.test(xml)) errors.push('an entry has no author and the feed none');
  return errors;
}

// ---------------------------------------------------------------- schema.org vocabulary, from schema-dts

interface Vocabulary {
  /** Type → the types it directly extends. */
  parents: Map<string, string[]>;
  /** Type → its own properties, each with the names of its range (types and data types). */
  properties: Map<string, Map<string, string[]>>;
}

/** Data types of schema.org as schema-dts names them: a JSON string or number can stand for each. */
const DATA_TYPES = new Set(['Text', 'URL', 'Date', 'DateTime', 'Time', 'Number', 'Integer', 'Float', 'Boolean', 'CssSelectorType', 'XPathType', 'PronounceableText']);

let vocabulary: Vocabulary | undefined;

/** schema-dts's declarations are generated from schema.org's vocabulary: every type, its parents, its properties and their ranges. */
function loadVocabulary(): Vocabulary {
  if (vocabulary) return vocabulary;
  const dts = readFileSync(require.resolve('schema-dts/dist/schema.d.ts'), 'utf8');
  const parents = new Map<string, string[]>();
  const properties = new Map<string, Map<string, string[]>>();
  for (const m of dts.matchAll(/^interface (\w+)Base extends ([\w, ]+) \{\n([\s\S]*?)^\}/gm)) {
    const type = m[1] as string;
    parents.set(type, (m[2] as string).split(',').map((p) => p.trim().replace(/Base$/, '')));
    const own = new Map<string, string[]>();
    for (const p of (m[3] as string).matchAll(/^ {4}"([\w@]+)"\?: SchemaValue<(.+), "\1">;$/gm)) own.set(p[1] as string, (p[2] as string).split('|').map((x) => x.trim()));
    properties.set(type, own);
  }
  // ThingBase extends nothing but Partial<IdReference>.
  const thing = /^interface ThingBase extends Partial<IdReference> \{\n([\s\S]*?)^\}/m.exec(dts);
  if (thing) {
    parents.set('Thing', []);
    const own = new Map<string, string[]>();
    for (const p of (thing[1] as string).matchAll(/^ {4}"([\w@]+)"\?: SchemaValue<(.+), "\1">;$/gm)) own.set(p[1] as string, (p[2] as string).split('|').map((x) => x.trim()));
    properties.set('Thing', own);
  }
  vocabulary = { parents, properties };
  return vocabulary;
}

function ancestors(type: string, v: Vocabulary): string[] {
  const out: string[] = [];
  const walk = (t: string) => {
    if (out.includes(t)) return;
    out.push(t);
    for (const p of v.parents.get(t) ?? []) walk(p);
  };
  walk(type);
  return out;
}

function rangeOf(type: string, property: string, v: Vocabulary): string[] | undefined {
  for (const t of ancestors(type, v)) {
    const range = v.properties.get(t)?.get(property);
    if (range) return range;
  }
  return undefined;
}

/** Every node's @type is a schema.org type, every property belongs to it (or a parent) and every value fits the property's range. */
export function schemaOrgErrors(node: unknown, path = '$'): string[] {
  const v = loadVocabulary();
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [`${path}: not an object`];
  const obj = node as Record<string, unknown>;
  const type = obj['@type'];
  if (typeof type !== 'string' || !v.parents.has(type)) return [`${path}: unknown @type ${JSON.stringify(type)}`];
  const errors: string[] = [];
  for (const [key, raw] of Object.entries(obj)) {
    if (key === '@type' || key === '@id' || key === '@context') continue;
    const range = rangeOf(type, key, v);
    if (!range) {
      errors.push(`${path}.${key}: not a property of ${type}`);
      continue;
    }
    for (const [i, value] of (Array.isArray(raw) ? raw : [raw]).entries()) {
      const at = Array.isArray(raw) ? `${path}.${key}[${i}]` : `${path}.${key}`;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        if (!range.some((r) => DATA_TYPES.has(r))) errors.push(`${at}: ${key} takes ${range.join(' | ')}, not a literal`);
      } else {
        const valueType = (value as Record<string, unknown>)['@type'];
        if (typeof valueType === 'string' && !ancestors(valueType, v).some((t) => range.includes(t))) errors.push(`${at}: a ${valueType} is not a ${range.join(' | ')}`);
        errors.push(...schemaOrgErrors(value, at));
      }
    }
  }
  return errors;
}

/** JSON-LD that jsonld.js expands in safe mode (nothing dropped) with schema.org's vocabulary, and whose nodes all expand to schema.org IRIs. */
export async function jsonLdErrors(doc: unknown): Promise<string[]> {
  // No network: the schema.org context is given here, as its vocabulary-mapping core.
  const documentLoader = async (url: string) => {
    if (url.replace(/\/$/, '') !== 'https://schema.org') throw new Error(`no network: ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } };
  };
  try {
    const expanded = (await jsonld.expand(doc as jsonld.JsonLdDocument, { documentLoader, safe: true } as jsonld.Options.Expand)) as Record<string, unknown>[];
    const foreign = JSON.stringify(expanded).match(/"(?!@)(?!https:\/\/schema\.org\/)[a-zA-Z][\w:/.#-]*":/g);
    return foreign ? [`terms outside schema.org: ${foreign.join(' ')}`] : [];
  } catch (err) {
    return [`jsonld: ${(err as Error).message}`];
  }
}

export function assertNoErrors(errors: string[], what: string): void {
  assert.deepEqual(errors, [], `${what} is not valid`);
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderJson } from '../../src/render/index.js';
import { BRIEF_SHAPE, type JsonShape } from '../../src/render/json.js';
import type { Brief } from '../../src/types.js';
import { loadBrief, loadSchema, validateBrief } from './helpers.js';

function mutated(change: (b: Record<string, any>) => void): unknown {
  const copy = structuredClone(loadBrief()) as unknown as Record<string, any>;
  change(copy);
  return copy;
}

test('the fixture brief validates against the published schema', () => {
  const result = validateBrief(loadBrief());
  assert.ok(result.ok, result.errors);
});

test('renderJson output parses back to the same brief and validates', () => {
  const brief = loadBrief();
  const parsed: unknown = JSON.parse(renderJson(brief));
  assert.deepEqual(parsed, brief);
  const result = validateBrief(parsed);
  assert.ok(result.ok, result.errors);
});

test('the schema rejects invalid briefs', () => {
  const cases: [string, unknown][] = [
    ['missing claims', mutated((b) => delete b.claims)],
    ['missing story headline', mutated((b) => delete b.story.headline)],
    ['missing source group', mutated((b) => delete b.sources[0].group)],
    ['bad claim status', mutated((b) => (b.claims[0].status = 'confirmed'))],
    ['schemaVersion 2', mutated((b) => (b.schemaVersion = 2))],
    ['schemaVersion as a string', mutated((b) => (b.schemaVersion = '1'))],
    ['bad derivation kind', mutated((b) => (b.sources[2].derivedFrom[0].kind = 'plagiarism'))],
    ['score above 1', mutated((b) => (b.sources[2].derivedFrom[0].score = 1.5))],
    ['bad entity type', mutated((b) => (b.entities[0].type = 'animal'))],
    ['fractional support', mutated((b) => (b.claims[0].support = 1.5))],
    ['negative independent support', mutated((b) => (b.claims[0].independentSupport = -1))],
    ['unknown top-level key', mutated((b) => (b.extra = true))],
    ['unknown claim key', mutated((b) => (b.claims[0].confidence = 0.9))],
    ['empty source id', mutated((b) => (b.claims[0].sources[0].source = ''))],
    ['quote without text', mutated((b) => delete b.quotes[0].text)],
    ['summary sources not a list', mutated((b) => (b.summary[0].sources = 'a'))],
  ];
  for (const [name, value] of cases) assert.equal(validateBrief(value).ok, false, `accepted: ${name}`);
});

test('renderJson keys follow the contract order whatever order the object was built in', () => {
  const brief = loadBrief();
  const reversed = JSON.parse(JSON.stringify(brief), (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).reverse())
      : value,
  ) as Brief;
  assert.notEqual(JSON.stringify(reversed), JSON.stringify(brief));
  assert.equal(renderJson(reversed), renderJson(brief));
  const text = renderJson(brief);
  assert.ok(text.startsWith('{\n  "schemaVersion": 1,\n  "story": {\n    "id": "vostochny",'), text.slice(0, 80));
  assert.ok(text.indexOf('"claims": [\n    {') > text.indexOf('"summary"'));
});

test('renderJson leaves out undefined optionals and keys outside the contract', () => {
  const brief = loadBrief();
  const extended = { ...brief, story: { ...brief.story, firstSeen: undefined }, debug: { x: 1 } } as unknown as Brief;
  const parsed = JSON.parse(renderJson(extended)) as Record<string, any>;
  assert.equal('debug' in parsed, false);
  assert.equal('firstSeen' in parsed.story, false);
  assert.ok(validateBrief(parsed).ok);
});

/** The key table of renderJson and the schema must name the same properties, or one of them is stale. */
test('renderJson key table and schema agree', () => {
  const schema = loadSchema() as Record<string, any>;
  const resolve = (node: Record<string, any>): Record<string, any> => {
    const ref = node.$ref as string | undefined;
    return ref ? resolve(schema.$defs[ref.replace('#/$defs/', '')]) : node;
  };
  const compare = (node: Record<string, any>, shape: JsonShape, path: string): void => {
    const object = resolve(node.type === 'array' ? resolve(node.items) : node);
    assert.deepEqual(Object.keys(object.properties), [...shape.keys], path);
    assert.equal(object.additionalProperties, false, path);
    for (const [key, child] of Object.entries(shape.children ?? {})) compare(object.properties[key], child, `${path}.${key}`);
  };
  compare(schema, BRIEF_SHAPE, '$');
});

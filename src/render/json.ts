/**
 * The Brief as JSON (contract, schemaVersion 1): keys in the order DESIGN.md
 * lists them, whatever order the object was built in, so that two runs over
 * the same input print byte-identical output and diffs stay readable.
 *
 * The output is a projection onto the contract: keys the contract does not
 * name are left out, so the printed JSON always validates against
 * schema/brief.schema.json. A new field needs a line here and in the schema.
 */
import type { Brief } from '../types.js';

const INDENT = 2;

/** A node of the key-order tree: the keys of an object in order, and the shape of each key's value. */
interface Shape {
  keys: readonly string[];
  children?: Record<string, Shape>;
}

const DERIVED_FROM: Shape = { keys: ['source', 'kind', 'score'] };
const SOURCE: Shape = {
  keys: ['id', 'title', 'siteName', 'url', 'publishedAt', 'language', 'attribution', 'group', 'derivedFrom'],
  children: { derivedFrom: DERIVED_FROM },
};
const CONFLICT: Shape = {
  keys: ['about', 'kind', 'values'],
  children: { values: { keys: ['value', 'sources'] } },
};
const FACT: Shape = { keys: ['source', 'kind', 'predicate', 'thing', 'qualifiers', 'holder', 'scope', 'value'] };
const CLAIM: Shape = {
  keys: ['id', 'text', 'sources', 'support', 'independentSupport', 'status', 'about', 'facts', 'conflicts'],
  children: { sources: { keys: ['source', 'sentence'] }, facts: FACT, conflicts: CONFLICT },
};

/** Exported for the schema test: the schema and this table must name the same keys. */
export const BRIEF_SHAPE: Shape = {
  keys: ['schemaVersion', 'story', 'sources', 'summary', 'claims', 'quotes', 'entities', 'timeline'],
  children: {
    story: { keys: ['id', 'headline', 'firstSeen', 'lastSeen', 'seenFrom'] },
    sources: SOURCE,
    summary: { keys: ['text', 'claims', 'sources'] },
    claims: CLAIM,
    quotes: { keys: ['speaker', 'text', 'sources'], children: { sources: { keys: ['source', 'text'] } } },
    entities: { keys: ['name', 'type', 'sources', 'mentions'] },
    timeline: { keys: ['when', 'text', 'sources'] },
  },
};

export type { Shape as JsonShape };

/** Rebuild `value` with the keys of `shape` in order; arrays map element-wise; absent keys stay absent. */
function ordered(value: unknown, shape: Shape | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, shape));
  if (shape === undefined || value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of shape.keys) {
    if (source[key] !== undefined) out[key] = ordered(source[key], shape.children?.[key]);
  }
  return out;
}

export function renderJson(brief: Brief): string {
  return `${JSON.stringify(ordered(brief, BRIEF_SHAPE), null, INDENT)}\n`;
}

/**
 * The renderers on a real brief: the five seed articles through the whole
 * pipeline. Guards the contract between consolidate and render (the brief
 * validates, every form carries all of it) as both sides change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readInputs } from '../../src/ingest/files.js';
import { briefOf, extractAll } from '../../src/pipeline.js';
import { renderHtml, renderJson, renderMarkdown } from '../../src/render/index.js';
import type { Brief } from '../../src/types.js';
import { assertSameContent, elements, parseHtml, validateBrief } from './helpers.js';

const SEEDS = 'examples/vostochny';

async function seedBrief(): Promise<Brief> {
  const { docs } = await readInputs([SEEDS]);
  return briefOf(extractAll(docs).articles).brief;
}

test('the seeds brief validates and renders the same content three ways', { skip: !existsSync(SEEDS) && 'no examples/vostochny' }, async () => {
  const brief = await seedBrief();
  const raw = validateBrief(brief);
  assert.ok(raw.ok, raw.errors);
  const printed = validateBrief(JSON.parse(renderJson(brief)));
  assert.ok(printed.ok, printed.errors);
  assert.equal(brief.sources.length, 5);
  assert.ok(assertSameContent(brief) > 0);
  const md = renderMarkdown(brief);
  brief.sources.forEach((_s, i) => assert.ok(md.includes(`- [${i + 1}] `), `source ${i + 1} listed`));
  const doc = parseHtml(renderHtml(brief));
  assert.equal(elements(doc, (el) => el.name === 'script').length, 0);
  assert.equal(elements(doc, (el) => /^source-\d+$/.test(el.attribs.id ?? '')).length, 5);
});

test('the published brief schema names every kind and scope of fact the code writes', async () => {
  const { readFileSync } = await import('node:fs');
  const { FACT_KINDS, FACT_SCOPES } = await import('../../src/server/schemas.js');
  const { SCHEMA } = await import('./helpers.js');
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as { $defs: { claim: { properties: { facts: { items: { properties: { kind: { enum: string[] }; scope: { enum: string[] } } } } } } } };
  const fact = schema.$defs.claim.properties.facts.items.properties;
  assert.deepEqual([...fact.kind.enum].sort(), [...FACT_KINDS].sort());
  assert.deepEqual([...fact.scope.enum].sort(), [...FACT_SCOPES].sort());
});

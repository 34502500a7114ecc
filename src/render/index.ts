import type { Brief } from '../types.js';

/** PLACEHOLDER (owner: render). */
export function renderJson(brief: Brief): string {
  return JSON.stringify(brief, null, 2);
}
export function renderMarkdown(brief: Brief): string {
  return [`# ${brief.story.headline}`, '', ...brief.claims.map((c) => `- ${c.text}`)].join('\n');
}
export function renderHtml(brief: Brief): string {
  return `<!doctype html><meta charset="utf-8"><pre>${renderMarkdown(brief).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</pre>`;
}

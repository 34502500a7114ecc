/**
 * render: Brief → JSON, Markdown, HTML. The same content in each form, in
 * the same order; untrusted article text always escaped.
 */
export { renderJson } from './json.js';
export { renderMarkdown, type MarkdownOptions } from './markdown.js';
export { renderHtml, renderHtmlFragment, BRIEF_CSS } from './html.js';
export { escapeHtml, escapeMarkdown, safeHttpUrl } from './escape.js';
export { sourceNumbering, groupLabels } from './common.js';

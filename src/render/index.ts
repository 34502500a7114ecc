/**
 * render: Brief → JSON, Markdown, HTML. The same content in each form, in
 * the same order; untrusted article text always escaped.
 */
export { renderJson } from './json.js';
export { renderMarkdown, type MarkdownOptions } from './markdown.js';
export { renderHtml, renderHtmlFragment, BRIEF_CSS, type HtmlOptions } from './html.js';
export { renderClaimsCsv, csvField, csvLine, CLAIMS_CSV_COLUMNS, type ClaimsCsvOptions } from './csv.js';
export { renderClaimReview, type ClaimReviewOptions } from './claimreview.js';
export { renderAtom, storyEntries, storyUpdateEntries, escapeXml, type AtomFeed, type AtomEntry } from './atom.js';
export { sanitizeBrief, cleanText, lookalikeWarning, unicodeHost } from './sanitize.js';
export { escapeHtml, escapeMarkdown, safeHttpUrl } from './escape.js';
export { sourceNumbering, groupLabels, sourceIdentity, outletLine, type SourceIdentity } from './common.js';

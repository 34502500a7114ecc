/**
 * The Brief as one self-contained HTML page: inline CSS, no script, no
 * external fonts, images or styles, readable on screen and on paper.
 *
 * Safety: every value that came from an article (and every other string of
 * the brief, ids included) is written through escapeHtml, in text and in
 * attributes alike, and attributes are always double-quoted. URLs become
 * links only when they parse as http(s). A Content-Security-Policy that
 * forbids all scripts is a second wall should escaping ever be missed.
 */
import type { OutletDirectory } from '../outlets/index.js';
import type { Brief, BriefSource, Claim, ClaimConflict, ClaimStatus } from '../types.js';
import {
  conflictKind,
  renderLookups,
  type RenderLookups,
  flagText,
  disputeSides,
  outletHeading,
  outletLine,
  SINGLE_SOURCE_SHOWN,
  sourceIdentity,
  ENTITY_TYPES,
  STATUS_ORDER,
  STATUS_TITLE,
  citations,
  claimSourceIds,
  claimsInDisplayOrder,
  claimsWithStatus,
  entityTypeTitle,
  formatScore,
  formatWhen,
  oneLine,
  overview,
  overviewLine,
  plural,
  quoteWordings,
  sourceDetails,
  supportLine,
  unique,
} from './common.js';
import { escapeHtml as e, safeHttpUrl } from './escape.js';
import { sanitizeBrief } from './sanitize.js';

/** Row headers of the claim × source matrix are cut to this many characters (the full text is in the title). */
const MATRIX_LABEL_CHARS = 90;

/** The matrix stops growing past this many cells (rows × sources): a browser table beyond it is slow and unreadable. */
const MATRIX_MAX_CELLS = 60_000;

/** A conflicting value shown in a matrix cell is cut to this many characters. */
const MATRIX_VALUE_CHARS = 14;

/** A language tag worth putting in a lang attribute (BCP-47 shape, not "und"). */
const LANG_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The page's stylesheet, exported for pages that embed renderHtmlFragment. */
export const BRIEF_CSS = `
:root{--fg:#1d1d1f;--muted:#5f6368;--bg:#fff;--line:#d9dce1;--ok:#1e7d32;--ok-bg:#e8f5e9;--one:#9a6700;--one-bg:#fff8e1;--bad:#b3261e;--bad-bg:#fdecea;--link:#0b57d0}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--muted:#a0a4ab;--bg:#16181c;--line:#30343a;--ok:#7cc485;--ok-bg:#14261a;--one:#e0b44c;--one-bg:#2a2414;--bad:#f28b82;--bad-bg:#2d1816;--link:#8ab4f8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
main{max-width:62rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1{font-size:1.7rem;line-height:1.25;margin:.2rem 0 .5rem}
h2{font-size:1.2rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}
a{color:var(--link)}
.overview,.span,.support,.details,footer,.variants,.derived{color:var(--muted)}
.overview{margin:.2rem 0}
.contents{margin:.6rem 0 0;font-size:.9em}
@media print{.contents{display:none}}
.cite{font-size:.8em;text-decoration:none;white-space:nowrap;vertical-align:super;line-height:0;margin-left:.1em}
.summary li{margin:.35rem 0}
ul.claims{list-style:none;padding:0}
.claim{margin:.5rem 0;padding:.45rem .7rem;border-left:4px solid var(--line);border-radius:3px}
.claim.corroborated{border-color:var(--ok);background:var(--ok-bg)}
.claim.single-source{border-color:var(--one);background:var(--one-bg)}
.claim.disputed{border-color:var(--bad);background:var(--bad-bg)}
.tag{font-size:.72em;font-weight:600;text-transform:uppercase;letter-spacing:.04em;margin-right:.4em}
.corroborated .tag{color:var(--ok)}.single-source .tag{color:var(--one)}.disputed .tag{color:var(--bad)}
.conflicts{margin:.4rem 0 0 .5rem}.conflicts dt{font-weight:600}.conflicts dd{margin:0 0 .2rem 1rem}
.value{font-weight:600}.kind{font-weight:400;color:var(--muted)}
ul.said{margin:.15rem 0 .3rem;padding-left:1.1rem;font-size:.93em}
.flag{color:var(--one);font-size:.9em}.warning{color:var(--bad);font-weight:600}
details.fold>summary{cursor:pointer;color:var(--muted)}
figure.quote{margin:.8rem 0;padding:.2rem 0 .2rem .9rem;border-left:3px solid var(--line)}
blockquote{margin:0;font-style:italic}
figcaption{margin-top:.15rem}
.variants{margin:.2rem 0 0;padding-left:1.1rem;font-size:.93em}
.entities dt{font-weight:600;margin-top:.4rem}.entities dd{margin:0 0 0 1rem}
.timeline time{font-weight:600;margin-right:.4em}
.scroll{overflow-x:auto}
table.matrix{border-collapse:collapse;font-size:.85rem}
.matrix th,.matrix td{border:1px solid var(--line);padding:.2rem .35rem;text-align:center}
.matrix th[scope=row]{text-align:left;font-weight:400;max-width:28rem}
.matrix td.hit{font-weight:700}
.matrix tr.corroborated td.hit{color:var(--ok);background:var(--ok-bg)}
.matrix tr.single-source td.hit{color:var(--one);background:var(--one-bg)}
.matrix tr.disputed td.hit{color:var(--bad);background:var(--bad-bg)}
ol.sources,ul.timeline{list-style:none;padding-left:0}
.sources li{margin:.45rem 0}
.num{font-weight:600;color:var(--muted)}
.sources li:target{outline:2px solid var(--link);outline-offset:2px}
.url{word-break:break-all;font-size:.85em}
footer{margin-top:2.5rem;font-size:.85em}
@media print{body{font-size:11pt;background:#fff;color:#000}main{max-width:none;padding:0}a{color:inherit}
.claim,figure.quote,.sources li,tr{break-inside:avoid}h2{break-after:avoid}.scroll{overflow:visible}}
`;

type Context = RenderLookups;

export interface HtmlOptions {
  /** The user's outlets file: outlet names and details, and flags on claims whose support shares one owner or country. */
  outlets?: OutletDirectory;
}

/** Citation links: `[n]` to the source's anchor; ids the sources list lacks stay visible as text. */
function cites(ids: Iterable<string>, ctx: Context): string {
  const c = citations(ids, ctx.numbering);
  return [
    ...c.numbers.map((n) => `<a class="cite" href="#source-${n}">[${n}]</a>`),
    ...c.unknown.map((id) => `<span class="cite">[?${e(id)}]</span>`),
  ].join('');
}

function langAttr(language: string): string {
  return LANG_TAG.test(language) && language !== 'und' ? ` lang="${e(language)}"` : '';
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}">\n<h2>${e(title)}</h2>\n${body}\n</section>`;
}

/** "[1] Krone · 2023-09-13, [4] example.org": the sources of a sentence, named. */
function namedSources(ids: string[], ctx: Context): string {
  return ids.map((id) => `${cites([id], ctx)} ${e(outletLine(ctx.identities.get(id) ?? { headline: id }))}`).join(', ');
}

/** One conflict: its values with their sources (or, for a revision, "revised from X to Y"), then each side's own sentences. */
function conflictHtml(claim: Claim, conflict: ClaimConflict, ctx: Context): string {
  const revision = conflictKind(conflict) === 'revision' && conflict.values.length >= 2;
  const sides = disputeSides(claim, conflict)
    .map((side, i) => {
      const lead = revision ? (i === 0 ? 'revised from ' : i === conflict.values.length - 1 ? 'to ' : 'then ') : '';
      const said = side.sentences.map((x) => `<li><q>${e(x.sentence)}</q> — ${namedSources(x.sources, ctx)}</li>`).join('');
      return `<dd>${lead}<span class="value">${e(side.value)}</span> ${cites(side.sources, ctx)}${said === '' ? '' : `<ul class="said">${said}</ul>`}</dd>`;
    })
    .join('');
  return `<dt>${e(conflict.about)}${revision ? ' <span class="kind">(revised over time)</span>' : ''}</dt>${sides}`;
}

function claimItem(claim: Claim, anchor: string, ctx: Context): string {
  const support = supportLine(claim);
  const conflicts = claim.conflicts.length === 0 ? '' : `\n<dl class="conflicts">${claim.conflicts.map((c) => conflictHtml(claim, c, ctx)).join('')}</dl>`;
  const flags = (ctx.flags.get(claim.id) ?? []).map((f) => ` <span class="flag">⚑ ${e(flagText(f))}</span>`).join('');
  return (
    `<li class="claim ${e(claim.status)}" id="${anchor}"><span class="tag">${e(claim.status)}</span> ` +
    `${e(claim.text)} ${support === undefined ? '' : `<span class="support">— ${e(support)}</span> `}` +
    `${cites(claimSourceIds(claim), ctx)}${flags}${conflicts}</li>`
  );
}

function summarySection(brief: Brief, ctx: Context): string {
  if (brief.summary.length === 0) return '';
  const items = brief.summary.map((s) => `<li>${e(s.text)} ${cites(s.sources, ctx)}</li>`).join('\n');
  return section('summary', 'Summary', `<ul class="summary">\n${items}\n</ul>`);
}

function claimSections(brief: Brief, anchors: Map<Claim, string>, ctx: Context): string[] {
  return STATUS_ORDER.map((status: ClaimStatus) => {
    const claims = claimsWithStatus(brief, status);
    if (claims.length === 0) return '';
    const list = `<ul class="claims">\n${claims.map((c) => claimItem(c, anchors.get(c) as string, ctx)).join('\n')}\n</ul>`;
    // The long tail of single-source claims is folded: a big story has hundreds, and they cross-check nothing.
    const body = status === 'single-source' && claims.length > SINGLE_SOURCE_SHOWN ? `<details class="fold"><summary>${e(plural(claims.length, 'single-source claim'))}: each carried by one independent source only</summary>\n${list}\n</details>` : list;
    return section(status, STATUS_TITLE[status], body);
  });
}

function quoteSection(brief: Brief, ctx: Context): string {
  if (brief.quotes.length === 0) return '';
  const figures = brief.quotes.map((quote) => {
    const { main, variants } = quoteWordings(quote);
    const speaker = quote.speaker ? `<cite>${e(quote.speaker)}</cite> ` : '';
    const list =
      variants.length === 0
        ? ''
        : `<ul class="variants">${variants.map((v) => `<li>also: “${e(v.text)}” ${cites(v.sources, ctx)}</li>`).join('')}</ul>`;
    return `<figure class="quote"><blockquote>“${e(main.text)}”</blockquote><figcaption>— ${speaker}${cites(main.sources, ctx)}</figcaption>${list}</figure>`;
  });
  return section('quotes', 'Quotes', figures.join('\n'));
}

function entitySection(brief: Brief): string {
  if (brief.entities.length === 0) return '';
  const types = unique([...ENTITY_TYPES, ...brief.entities.map((x) => x.type)]);
  const rows = types.flatMap((type) => {
    const ofType = brief.entities.filter((x) => x.type === type);
    if (ofType.length === 0) return [];
    const names = ofType
      .map((x) => `${e(x.name)} <span class="support">(${unique(x.sources).length})</span>`)
      .join(', ');
    return [`<dt>${e(entityTypeTitle(type))}</dt><dd>${names}</dd>`];
  });
  return section('entities', 'Entities', `<dl class="entities">\n${rows.join('\n')}\n</dl>`);
}

/** A machine-readable datetime only for what is one (ISO year, date or time); other text stays plain. */
function timeElement(when: string): string {
  const iso = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.test(when);
  return `<time${iso ? ` datetime="${e(when)}"` : ''}>${e(formatWhen(when))}</time>`;
}

function timelineSection(brief: Brief, ctx: Context): string {
  if (brief.timeline.length === 0) return '';
  const items = brief.timeline
    .map((t) => `<li>${timeElement(t.when)} ${e(t.text)} ${cites(t.sources, ctx)}</li>`)
    .join('\n');
  return section('timeline', 'Timeline', `<ul class="timeline">\n${items}\n</ul>`);
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** Past the cell budget, single-source rows go first: they cross-check nothing and are the most numerous. */
function matrixRows(all: Claim[], maxRows: number): Claim[] {
  if (all.length <= maxRows) return all;
  const keep = new Set(all.filter((c) => c.status !== 'single-source').slice(0, maxRows));
  for (const c of all) {
    if (keep.size >= maxRows) break;
    keep.add(c);
  }
  return all.filter((c) => keep.has(c));
}

/** Rows: claims in section order. Columns: sources grouped by independence group, so copies sit side by side. */
function matrixSection(brief: Brief, anchors: Map<Claim, string>, ctx: Context): string {
  const all = claimsInDisplayOrder(brief);
  if (all.length === 0 || brief.sources.length === 0) return '';
  const groups = [...ctx.labels.keys()];
  const columns = groups.flatMap((g) => brief.sources.filter((s) => s.group === g));
  const claims = matrixRows(all, Math.max(1, Math.floor(MATRIX_MAX_CELLS / columns.length)));
  const left = all.length - claims.length;
  const groupRow = groups
    .map((g) => {
      const size = columns.filter((s) => s.group === g).length;
      return `<th scope="colgroup" colspan="${size}">Group ${e(ctx.labels.get(g))}</th>`;
    })
    .join('');
  const sourceRow = columns
    .map((s) => {
      const n = ctx.numbering.get(s.id) as number;
      const name = outletLine(ctx.identities.get(s.id) ?? { headline: s.title });
      return `<th scope="col" title="${e(`${name}: ${oneLine(s.title)}`)}"><a href="#source-${n}">[${n}]</a></th>`;
    })
    .join('');
  const rows = claims.map((claim) => {
    const text = oneLine(claim.text);
    const label = clip(text, MATRIX_LABEL_CHARS);
    const sentences = new Map<string, string[]>();
    for (const cs of claim.sources) sentences.set(cs.source, [...(sentences.get(cs.source) ?? []), oneLine(cs.sentence)]);
    // In a disputed row a cell names the value its source gives, so the split is visible at a glance.
    const values = new Map<string, string[]>();
    for (const c of claim.conflicts) {
      for (const v of c.values) for (const id of v.sources) values.set(id, [...(values.get(id) ?? []), oneLine(v.value)]);
    }
    const cells = columns.map((s) => {
      const carried = sentences.get(s.id);
      const given = values.get(s.id);
      if (carried === undefined && given === undefined) return '<td></td>';
      const mark = given === undefined ? '●' : clip(given.join(', '), MATRIX_VALUE_CHARS);
      const title = [...(given === undefined ? [] : [`${given.join(', ')}:`]), ...(carried ?? [])].join(' ');
      return `<td class="hit" title="${e(title)}">${e(mark)}</td>`;
    });
    return (
      `<tr class="${e(claim.status)}"><th scope="row" title="${e(text)}"><a href="#${anchors.get(claim)}">${e(label)}</a></th>` +
      `${cells.join('')}</tr>`
    );
  });
  const omitted = left > 0 ? ` ${e(plural(left, 'claim'))} (single-source first) left out to keep the page usable; each still cites its sources above.` : '';
  const legend = `<p class="details">● the source carries the claim (its sentence shows on hover), or the value it gives where sources disagree; columns are grouped by independence group.${omitted}</p>`;
  const table =
    `${legend}\n<div class="scroll"><table class="matrix">\n<thead><tr><th rowspan="2" scope="col">Claim</th>${groupRow}</tr>` +
    `<tr>${sourceRow}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
  return section('matrix', 'Claims × sources', table);
}

function sourceItem(source: BriefSource, n: number, ctx: Context): string {
  const id = ctx.identities.get(source.id) ?? sourceIdentity(source);
  const href = safeHttpUrl(source.url);
  const title = `<bdi${langAttr(source.language)}>${e(source.title || '(untitled)')}</bdi>`;
  const headline = href ? `<a href="${e(href)}" rel="noopener noreferrer nofollow">${title}</a>` : title;
  const url = source.url && !href ? `<div class="url">${e(source.url)}</div>` : '';
  const warning = id.warning ? ` <span class="warning">⚠ ${e(id.warning)}</span>` : '';
  const derived =
    source.derivedFrom.length === 0
      ? ''
      : `<div class="derived">derived from ${source.derivedFrom
          .map((d) => `${cites([d.source], ctx)} (${e(d.kind)}, ${e(formatScore(d.score))})`)
          .join('; ')}</div>`;
  const details = sourceDetails(source, id, ctx.labels).map(e).join(' · ');
  return (
    `<li id="source-${n}" value="${n}"><span class="num">[${n}]</span> <strong class="outlet"><bdi>${e(outletHeading(id))}</bdi></strong>${warning} — ` +
    `${headline} <span class="details">— ${details}</span>${url}${derived}</li>`
  );
}

function sourceSection(brief: Brief, ctx: Context): string {
  if (brief.sources.length === 0) return '';
  const items = brief.sources.map((s, i) => sourceItem(s, i + 1, ctx)).join('\n');
  return section('sources', 'Sources', `<ol class="sources">\n${items}\n</ol>`);
}

/**
 * The brief's markup without the page around it (header, sections, footer),
 * for embedding in another page that includes BRIEF_CSS. Same escaping.
 */
export function renderHtmlFragment(input: Brief, options: HtmlOptions = {}): string {
  const brief = sanitizeBrief(input);
  const ctx: Context = renderLookups(brief, options.outlets);
  // Anchors by position, not by claim id: ids are data and need not be valid or unique.
  const anchors = new Map(claimsInDisplayOrder(brief).map((c, i) => [c, `claim-${i + 1}`] as const));
  const span = unique([brief.story.firstSeen, brief.story.lastSeen].filter((d): d is string => Boolean(d)).map(formatWhen));
  const sections = [
    summarySection(brief, ctx),
    ...claimSections(brief, anchors, ctx),
    quoteSection(brief, ctx),
    entitySection(brief),
    timelineSection(brief, ctx),
    matrixSection(brief, anchors, ctx),
    sourceSection(brief, ctx),
  ].filter((part) => part !== '');
  return [
    `<header>\n<h1>${e(headlineOf(brief))}</h1>\n<p class="overview">${e(overviewLine(overview(brief)))}</p>` +
      `${span.length > 0 ? `\n<p class="span">${e(span.join(' – '))}</p>` : ''}\n${contents(sections)}</header>`,
    ...sections,
    `<footer>newsfuse brief · story ${e(brief.story.id)} · schema version ${e(brief.schemaVersion)}</footer>`,
  ].join('\n');
}

/** A line of links to the sections present: long briefs (hundreds of claims) need a way around. */
function contents(sections: string[]): string {
  const links = sections.flatMap((html) => {
    const m = /^<section id="([a-z-]+)">\n<h2>([^<]*)<\/h2>/.exec(html);
    return m ? [`<a href="#${m[1]}">${m[2]}</a>`] : [];
  });
  return links.length === 0 ? '' : `<nav class="contents">${links.join(' · ')}</nav>\n`;
}

function headlineOf(brief: Brief): string {
  return brief.story.headline || '(untitled story)';
}

/** The whole page: self-contained, no script, a CSP that would block one anyway. */
export function renderHtml(brief: Brief, options: HtmlOptions = {}): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${e(CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${e(oneLine(headlineOf(brief)))} — newsfuse brief</title>`,
    `<style>${BRIEF_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    renderHtmlFragment(brief, options),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * An HTML tokenizer for the tree builder (tree.ts) that reports the same
 * events, in the same order, as htmlparser2's Parser with the options the
 * tree used (HTML mode, entities decoded, tag names lower-cased, attribute
 * names as written), including the Parser's rules: implied end tags, void
 * elements, end tags that match nothing, a second <form>, raw-text elements
 * and the SVG/MathML contexts.
 *
 * Why not htmlparser2's own tokenizer: it steps through the markup one
 * character at a time through a state machine, and in a short process (one
 * `newsfuse extract` over a folder) most of that runs before V8 has compiled
 * it. Here text is found with indexOf and tags with sticky regular
 * expressions, so the work per character happens in V8's native string and
 * regex code from the first page on; JavaScript runs once per token.
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';

/** What the tree builder is told, as htmlparser2's Parser tells its handler. */
export interface ScanHandler {
  onopentagname(name: string): void;
  /** Every attribute of the tag just opened, in order, its value decoded; also for a tag the Parser drops (a second <form>). */
  onattribute(name: string, value: string): void;
  onclosetag(name: string): void;
  /** Text, entities decoded; consecutive calls are one run of text cut at markup. */
  ontext(text: string): void;
}

/** Tokenizes `html` whole and reports it to `handler`; open elements are closed at the end. */
export function scanHtml(html: string, handler: ScanHandler): void {
  new Scanner(html, handler).run();
}

const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DASH = 0x2d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const EQUALS = 0x3d;

/**
 * A tag name: an ASCII letter, then anything up to whitespace, "/" or ">"
 * (HTML's five whitespace characters: no \v, no Unicode spaces).
 */
const TAG_NAME = /[A-Za-z][^\t\n\f\r />]*/y;
/** An attribute name: up to whitespace, "/", ">" or "=" (its first character may be "="). */
const ATTRIBUTE_NAME = /[^\t\n\f\r />][^\t\n\f\r />=]*/y;
/** An unquoted attribute value ends at whitespace or ">" (a "/" belongs to it). */
const UNQUOTED_VALUE = /[^\t\n\f\r >]*/y;
/** A comment ends at "-->" or "--!>". */
const COMMENT_END = /--!?>/g;

/**
 * Elements whose content is text up to their own end tag; title and textarea
 * (RCDATA) have their entities decoded, the others (raw text) not. Plaintext
 * runs to the end of the document. Not recognised inside SVG or MathML.
 */
const RAW_TEXT = new Set(['script', 'style', 'iframe', 'noembed', 'noframes', 'xmp']);
const RCDATA = new Set(['title', 'textarea']);
const PLAINTEXT = 'plaintext';
/** Names a start tag is watched for while it is read (a document ending inside one leaves its name as text). */
const SPECIAL_NAMES = [...RAW_TEXT, ...RCDATA, PLAINTEXT];
/**
 * The end tag of a raw-text element by name: "</name" then whitespace, "/"
 * or ">", any case. htmlparser2 compares with the lower-case bit set, so it
 * takes a \x0f for the "/", and so does this.
 */
const RAW_TEXT_END = new Map<string, RegExp>();

/**
 * The Parser's implied end tags: opening an element of the key's name first
 * closes the current element while its name is in the set.
 */
const PARAGRAPH = new Set(['p']);
const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const FORM_CONTROLS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const TABLE_SECTIONS = new Set(['thead', 'tbody']);
const DEFINITIONS = new Set(['dd', 'dt']);
const RUBY = new Set(['rt', 'rp']);
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['p', PARAGRAPH],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => [h, HEADING] as const),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((f) => [f, FORM_CONTROLS] as const),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DEFINITIONS],
  ['dt', DEFINITIONS],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul']
    .map((b) => [b, PARAGRAPH] as const),
  ['rt', RUBY],
  ['rp', RUBY],
  ['tbody', TABLE_SECTIONS],
  ['tfoot', TABLE_SECTIONS],
]);

/** Elements without content or end tag (the Parser's list: a few obsolete ones included). */
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Where the open elements are: HTML, or inside <svg> or <math>, where "/>" closes an element and raw-text elements are ordinary. */
type Context = 'html' | 'svg' | 'math';
/** Elements inside SVG or MathML whose content is HTML again (SVG names in their SVG case). */
const INTEGRATION_POINTS = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignObject', 'desc', 'title']);
/** SVG element names are case-sensitive: the lower-cased names read inside <svg> get their SVG case back. */
const SVG_NAMES = new Map(
  [
    'altGlyph', 'altGlyphDef', 'altGlyphItem', 'animateColor', 'animateMotion', 'animateTransform', 'clipPath', 'feBlend', 'feColorMatrix',
    'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow',
    'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset',
    'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence', 'foreignObject', 'glyphRef', 'linearGradient',
    'radialGradient', 'textPath',
  ].map((n) => [n.toLowerCase(), n]),
);

/** Returned by the markup readers when the document ends inside the markup: nothing more is reported. */
const AT_END = -1;

/** What an element's content is: markup, or text up to its end tag (raw or with entities), or text to the end of the document. */
type Content = 'markup' | 'raw' | 'rcdata' | 'plaintext';

/** What the Parser's rules need to know of an element, found once per name. */
interface Tag {
  name: string;
  void: boolean;
  /** Opening it first closes the current element while that one's name is in this set. */
  closes: ReadonlySet<string> | undefined;
  /** The context of its content, when it sets one (svg, math, integration points). */
  context: Context | undefined;
  /** Its content, outside SVG and MathML. */
  content: Content;
}

function tagOf(name: string): Tag {
  const lower = name.toLowerCase();
  return {
    name,
    void: VOID.has(name),
    closes: OPEN_IMPLIES_CLOSE.get(name),
    context: name === 'svg' ? 'svg' : name === 'math' ? 'math' : INTEGRATION_POINTS.has(name) ? 'html' : undefined,
    content: RAW_TEXT.has(lower) ? 'raw' : RCDATA.has(lower) ? 'rcdata' : lower === PLAINTEXT ? 'plaintext' : 'markup',
  };
}

/** A second <form> inside a form: the Parser drops it (its attributes are still told). */
const DROPPED: Tag = { name: '', void: false, closes: undefined, context: undefined, content: 'markup' };
/**
 * Tags outside SVG and MathML by their name as written: a page uses a few
 * dozen names thousands of times, so each name's rules are looked up once
 * (Set and Map lookups per tag were a good part of the tokenizer's time).
 */
const HTML_TAGS = new Map<string, Tag>();
/** Names remembered at most: a page of made-up tag names makes the map no larger. */
const MAX_REMEMBERED_TAGS = 2000;

class Scanner {
  private readonly len: number;
  /** Open elements, innermost last, and their names (an end tag that matches nothing searches them all). */
  private readonly stack: Tag[] = [];
  private readonly names: string[] = [];
  /** The context of each SVG, MathML or integration-point element open, innermost last, over the document's HTML. */
  private readonly contexts: Context[] = ['html'];

  constructor(
    private readonly html: string,
    private readonly h: ScanHandler,
  ) {
    this.len = html.length;
  }

  run(): void {
    const { html, len } = this;
    // Start of the text not yet reported.
    let text = 0;
    let lt = html.indexOf('<');
    while (lt >= 0) {
      const next = this.markupAt(lt, text);
      if (next === AT_END) {
        text = len;
        break;
      }
      // A "<" that starts no markup is text, and the run goes on.
      if (next > lt) text = next;
      lt = html.indexOf('<', lt + 1 > next ? lt + 1 : next);
    }
    if (text < len) this.text(text, len);
    this.closeAll();
  }

  /** The markup starting with the "<" at `lt`, read and reported: the index after it, `lt` when it is only text, AT_END when the document ends in it. */
  private markupAt(lt: number, text: number): number {
    const c = this.html.charCodeAt(lt + 1);
    const letter = ((c | 0x20) - 0x61) >>> 0 < 26;
    if (!letter && c !== SLASH && c !== BANG && c !== QUESTION) return lt;
    // "</" ending the document is text.
    if (c === SLASH && lt + 2 >= this.len) return lt;
    if (lt > text) this.text(text, lt);
    if (letter) return this.startTag(lt);
    if (c === SLASH) return this.endTag(lt);
    if (c === BANG) return this.declaration(lt);
    return this.skipPast(GT, lt + 2);
  }

  /** Text from `start` to `end`, entities decoded. */
  private text(start: number, end: number): void {
    const s = this.html.slice(start, end);
    this.h.ontext(s.indexOf('&') < 0 ? s : decodeHTML(s));
  }

  /** The index after the next `code` from `from`, or AT_END. */
  private skipPast(code: number, from: number): number {
    const at = this.html.indexOf(String.fromCharCode(code), from);
    return at < 0 ? AT_END : at + 1;
  }

  private startTag(lt: number): number {
    const { html } = this;
    const nameEnd = skip(TAG_NAME, html, lt + 1);
    // Raw-text elements are known by name only outside SVG and MathML, before the element itself opens.
    const inForeign = this.context() !== 'html';
    // The name is reported once something ends it: a document ending inside it has no tag.
    if (nameEnd >= this.len) return this.endsInTagName(lt, inForeign);
    const tag = this.openElement(this.tag(html.slice(lt + 1, nameEnd)));
    const end = this.attributes(nameEnd, tag);
    if (end === AT_END || inForeign || tag.content === 'markup') return end;
    if (tag.content !== 'plaintext') return this.rawText(end, tag.name.toLowerCase(), tag.content === 'rcdata');
    if (end < this.len) this.h.ontext(html.slice(end));
    return AT_END;
  }

  /**
   * The document ends inside the name of a start tag: no tag. While the name
   * could still become a raw-text element's, htmlparser2 reports it (without
   * its "<") as text, and so does this.
   */
  private endsInTagName(lt: number, inForeign: boolean): number {
    const name = this.html.slice(lt + 1).toLowerCase();
    if (!inForeign && SPECIAL_NAMES.some((s) => s.startsWith(name))) this.h.ontext(this.html.slice(lt + 1));
    return AT_END;
  }

  /**
   * The attributes of the tag whose name ends at `from`, reported; then its
   * end: a void element closes, and "/>" closes any element inside SVG or
   * MathML (in HTML it is ignored).
   */
  private attributes(from: number, tag: Tag): number {
    const { html, len } = this;
    let at = from;
    for (;;) {
      const before = at;
      at = skipSpace(html, at, true);
      if (at >= len) return this.endsInTag(before);
      if (html.charCodeAt(at) === GT) {
        this.endStartTag(tag, hasSlash(html, before, at));
        return at + 1;
      }
      const nameEnd = skip(ATTRIBUTE_NAME, html, at);
      const name = html.slice(at, nameEnd);
      at = skipSpace(html, nameEnd, false);
      let value = '';
      if (html.charCodeAt(at) === EQUALS) {
        const end = this.attributeValue(skipSpace(html, at + 1, false));
        if (end === AT_END) return AT_END;
        value = html.slice(this.valueStart, this.valueEnd);
        if (value.indexOf('&') >= 0) value = decodeHTMLAttribute(value);
        at = end;
      } else if (at >= len) return AT_END;
      this.h.onattribute(name, value);
    }
  }

  /** Bounds of the attribute value last read by attributeValue. */
  private valueStart = 0;
  private valueEnd = 0;

  /** The value starting at `at` (quoted or not): the index after it, or AT_END when the document ends before it does. */
  private attributeValue(at: number): number {
    const { html } = this;
    const q = html.charCodeAt(at);
    if (q === DQUOTE || q === SQUOTE) {
      const close = html.indexOf(q === DQUOTE ? '"' : "'", at + 1);
      if (close < 0) return AT_END;
      this.valueStart = at + 1;
      this.valueEnd = close;
      return close + 1;
    }
    const end = skip(UNQUOTED_VALUE, html, at);
    if (end >= this.len) return AT_END;
    this.valueStart = at;
    this.valueEnd = end;
    return end;
  }

  /**
   * The document ends inside a start tag, after whitespace and slashes
   * (`from` on). The tag is dropped; after a "/", htmlparser2 reports the
   * document's last character as text, and so does this.
   */
  private endsInTag(from: number): number {
    if (this.html.indexOf('/', from) >= 0) this.h.ontext(this.html.slice(this.len - 1));
    return AT_END;
  }

  private endStartTag(tag: Tag, selfClosing: boolean): void {
    if (tag.void) this.h.onclosetag(tag.name);
    if (selfClosing && this.context() !== 'html' && this.stack[this.stack.length - 1]?.name === tag.name) this.popElement();
  }

  /** The content of a raw-text or RCDATA element from `from`, as text, and its end tag. */
  private rawText(from: number, name: string, rcdata: boolean): number {
    const { html } = this;
    let re = RAW_TEXT_END.get(name);
    if (re === undefined) {
      re = new RegExp(`<[/\\x0f]${name}[\\t\\n\\f\\r />]`, 'gi');
      RAW_TEXT_END.set(name, re);
    }
    re.lastIndex = from;
    const m = re.exec(html);
    const end = m === null ? this.len : m.index;
    if (end > from) {
      const s = html.slice(from, end);
      this.h.ontext(rcdata && s.indexOf('&') >= 0 ? decodeRcdata(s, name) : s);
    }
    if (m === null) return AT_END;
    const nameEnd = m.index + 2 + name.length;
    return this.closeTag(html.slice(m.index + 2, nameEnd), nameEnd);
  }

  private endTag(lt: number): number {
    const { html } = this;
    const c = html.charCodeAt(lt + 2);
    if (c === GT) return lt + 3;
    if (((c | 0x20) - 0x61) >>> 0 >= 26) return this.skipPast(GT, lt + 3);
    const nameEnd = skip(TAG_NAME, html, lt + 2);
    if (nameEnd >= this.len) return AT_END;
    return this.closeTag(html.slice(lt + 2, nameEnd), nameEnd);
  }

  /**
   * An end tag whose name (as written) ends at `nameEnd`: reported, then
   * anything up to ">" skipped. Ending the document there, it leaves
   * htmlparser2's stray text (its last character).
   */
  private closeTag(raw: string, nameEnd: number): number {
    this.closeElement(this.tag(raw));
    const gt = this.html.indexOf('>', nameEnd);
    if (gt >= 0) return gt + 1;
    this.h.ontext(this.html.slice(this.len - 1));
    return AT_END;
  }

  /** `<!`: a comment, CDATA (text inside SVG or MathML), or a doctype or other declaration, all up to their end. */
  private declaration(lt: number): number {
    const { html } = this;
    if (html.charCodeAt(lt + 2) === DASH && html.charCodeAt(lt + 3) === DASH) return this.comment(lt + 4);
    if (html.startsWith('[CDATA[', lt + 2)) {
      const end = html.indexOf(']]>', lt + 9);
      if (end < 0) return AT_END;
      // Even empty, as htmlparser2 does.
      if (this.context() !== 'html') this.h.ontext(html.slice(lt + 9, end));
      return end + 3;
    }
    return this.skipPast(GT, lt + 2);
  }

  /** A comment whose body starts at `from`: "<!-->" and "<!--->" are empty comments. */
  private comment(from: number): number {
    const { html } = this;
    if (html.charCodeAt(from) === GT) return from + 1;
    if (html.charCodeAt(from) === DASH && html.charCodeAt(from + 1) === GT) return from + 2;
    COMMENT_END.lastIndex = from;
    const m = COMMENT_END.exec(html);
    return m === null ? AT_END : COMMENT_END.lastIndex;
  }

  private context(): Context {
    return this.contexts[this.contexts.length - 1]!;
  }

  /** The rules of the element named `raw` here. */
  private tag(raw: string): Tag {
    if (this.contexts.length > 1) return tagOf(this.tagName(raw));
    let tag = HTML_TAGS.get(raw);
    if (tag === undefined) {
      tag = tagOf(this.tagName(raw));
      if (HTML_TAGS.size < MAX_REMEMBERED_TAGS) HTML_TAGS.set(raw, tag);
    }
    return tag;
  }

  /** A tag name as the Parser reads it: lower case, SVG's camelCase inside <svg>, <image> as <img> in HTML. */
  private tagName(raw: string): string {
    const name = raw.toLowerCase();
    const context = this.context();
    if (context === 'svg') return SVG_NAMES.get(name) ?? name;
    if (this.contexts.length > 1) {
      // An end tag inside an integration point may close the SVG element around it.
      const svg = SVG_NAMES.get(name);
      if (svg !== undefined && this.openAt(svg) >= 0) return svg;
    }
    if (context === 'html') return name === 'image' ? 'img' : name;
    return name;
  }

  /** Where the innermost open element of this name is in the stack, or -1. */
  private openAt(name: string): number {
    const { names } = this;
    // Array#indexOf is native and fast (lastIndexOf is not): it settles the misses; a hit is found again from the innermost end.
    if (names.indexOf(name) < 0) return -1;
    let i = names.length - 1;
    while (names[i] !== name) i--;
    return i;
  }

  /** Opens an element (after the implied end tags), or drops it (a <form> inside a form). */
  private openElement(tag: Tag): Tag {
    const { stack } = this;
    if (tag.name === 'form' && this.openAt('form') >= 0) return DROPPED;
    const closes = tag.closes;
    if (closes !== undefined) {
      while (stack.length > 0 && closes.has(stack[stack.length - 1]!.name)) this.popElement();
    }
    if (!tag.void) {
      stack.push(tag);
      this.names.push(tag.name);
      if (tag.context !== undefined) this.contexts.push(tag.context);
    }
    this.h.onopentagname(tag.name);
    return tag;
  }

  /** An end tag: closes the innermost open element of its name and all inside it; `</p>` alone is an empty p, `</br>` a br. */
  private closeElement(tag: Tag): void {
    const { stack } = this;
    if (tag.void) {
      if (tag.name === 'br') {
        this.h.onopentagname('br');
        this.h.onclosetag('br');
      }
      return;
    }
    const at = this.openAt(tag.name);
    if (at >= 0) {
      while (stack.length > at) this.popElement();
    } else if (tag.name === 'p') {
      this.openElement(tag);
      this.popElement();
    }
  }

  private popElement(): void {
    const tag = this.stack.pop()!;
    this.names.pop();
    if (tag.context !== undefined) this.contexts.pop();
    this.h.onclosetag(tag.name);
  }

  /** The end of the document closes what is open, innermost first. */
  private closeAll(): void {
    const { stack } = this;
    for (let i = stack.length - 1; i >= 0; i--) this.h.onclosetag(stack[i]!.name);
  }
}

/**
 * Where a sticky regex matching at `at` ends: test() and lastIndex, which
 * build no match array (exec's arrays were most of the tokenizer's garbage).
 */
function skip(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  re.test(text);
  return re.lastIndex;
}

/**
 * The first index from `at` that is not HTML whitespace (nor "/" when
 * `slashes`): a character or two between attributes, checked here rather
 * than with a regex call.
 */
function skipSpace(text: string, at: number, slashes: boolean): number {
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c || (slashes && c === SLASH)) at++;
    else return at;
  }
}

/** Whether text[from, to) holds a "/" (the few characters between a start tag's last attribute and its ">"). */
function hasSlash(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === SLASH) return true;
  return false;
}

/**
 * RCDATA text with its entities decoded, as htmlparser2 does it: an "&"
 * right after the start of what could be the end tag ("<", "</", "</ti"…)
 * is read as part of that attempt, so it starts no entity.
 */
function decodeRcdata(text: string, name: string): string {
  let out = '';
  let from = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', amp + 1)) {
    if (!endsInEndTagStart(text, amp, name)) continue;
    out += `${decodeHTML(text.slice(from, amp))}&`;
    from = amp + 1;
  }
  return out + decodeHTML(text.slice(from));
}

/** Whether text[0, end) ends with "<", "</" or "</" and a proper start of `name`, any case. */
function endsInEndTagStart(text: string, end: number, name: string): boolean {
  const lt = text.lastIndexOf('<', end - 1);
  if (lt < 0 || end - lt > name.length + 1) return false;
  if (end - lt === 1) return true;
  return text.charCodeAt(lt + 1) === SLASH && name.startsWith(text.slice(lt + 2, end).toLowerCase());
}

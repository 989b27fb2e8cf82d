// A small, strict XML tokenizer for the parts of an .xlsx the reader needs (workbook, relationships,
// shared strings, styles, sheets). Spreadsheet XML is machine-written and flat: elements, attributes,
// text, the odd comment, processing instruction or CDATA section. What this needs from XML is exactly
// that, over a string already decoded from UTF-8, with `indexOf` doing the scanning: several times
// faster than a general character-by-character SAX parser, and nothing is built but what the caller
// keeps.
//
// Refused (XmlError, read as UNREADABLE): a document type declaration — no DTD, so no entity can be
// defined, and no "billion laughs" expansion can happen — and any entity reference other than the five
// predefined ones and character references, as a conforming parser without a DTD refuses them.
// Line ends are normalized (\r\n and \r → \n) and attribute whitespace as XML 1.0 says.

/** The XML is malformed or uses something the reader refuses (a DTD, an undefined entity). */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlError";
  }
}

/** Receives the tokens of {@link scanXml}. Names are local names: a prefix (`x:c`) is dropped. */
export interface XmlHandler {
  /** A start tag (or an empty-element tag, `selfClosing`); `attrs` is the raw attribute text. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  /** An end tag, or right after `open` for an empty-element tag. */
  close(name: string): void;
  /** Character data between tags, raw (`decoded` false: pass it to {@link decodeText}) or from CDATA. */
  text(s: string, decoded: boolean): void;
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));|&/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function codePoint(n: number): string {
  if (!(
    n === 0x9 ||
    n === 0xa ||
    n === 0xd ||
    (n >= 0x20 && n <= 0xd7ff) ||
    (n >= 0xe000 && n <= 0x10ffff)
  )) {
    throw new XmlError(`character reference &#${n}; is not allowed in XML`);
  }
  if (n >= 0xe000 && n <= 0xfffd) return String.fromCharCode(n);
  return String.fromCodePoint(n);
}

function decodeEntities(s: string): string {
  return s.replace(
    ENTITY,
    (m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (named) return NAMED[named];
      if (dec) return codePoint(Number(dec));
      if (hex) return codePoint(parseInt(hex, 16));
      throw new XmlError(
        "undefined entity (an XML without a DTD may only use &lt; &gt; &amp; &quot; &apos;)",
      );
    },
  );
}

/** Raw character data → text: line ends normalized, references resolved. */
export function decodeText(raw: string): string {
  let s = raw;
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  return s.indexOf("&") >= 0 ? decodeEntities(s) : s;
}

function decodeAttr(raw: string): string {
  let s = raw;
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " ");
  return s.indexOf("&") >= 0 ? decodeEntities(s) : s;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/**
 * The value of attribute `name` (the qualified name as written, e.g. "r" or "r:id") in a start tag's
 * raw attribute text, decoded; undefined when absent.
 */
export function attr(attrs: string, name: string): string | undefined {
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(attrs.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && attrs.charCodeAt(i) !== 0x3d /* = */ && !isSpace(attrs.charCodeAt(i))) i++;
    const key = attrs.slice(start, i);
    while (i < n && isSpace(attrs.charCodeAt(i))) i++;
    if (attrs.charCodeAt(i) !== 0x3d) throw new XmlError(`attribute ${key} without a value`);
    i++;
    while (i < n && isSpace(attrs.charCodeAt(i))) i++;
    const q = attrs.charCodeAt(i);
    if (q !== 0x22 && q !== 0x27) throw new XmlError(`attribute ${key} not quoted`);
    const end = attrs.indexOf(q === 0x22 ? '"' : "'", i + 1);
    if (end < 0) throw new XmlError(`attribute ${key} not closed`);
    if (key === name) return decodeAttr(attrs.slice(i + 1, end));
    i = end + 1;
  }
  return undefined;
}

/**
 * Several attributes in one pass: `out[k]` is set to the decoded value of each attribute named in
 * `names` (qualified names as written), and left undefined for the absent ones.
 */
export function attrs(raw: string, names: readonly string[], out: (string | undefined)[]): void {
  for (let k = 0; k < names.length; k++) out[k] = undefined;
  const n = raw.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(raw.charCodeAt(i))) i++;
    if (i >= n) break;
    const eq = raw.indexOf("=", i);
    if (eq < 0) throw new XmlError("attribute without a value");
    let keyEnd = eq;
    while (keyEnd > i && isSpace(raw.charCodeAt(keyEnd - 1))) keyEnd--;
    const key = raw.slice(i, keyEnd);
    i = eq + 1;
    while (i < n && isSpace(raw.charCodeAt(i))) i++;
    const q = raw.charCodeAt(i);
    if (q !== 0x22 && q !== 0x27) throw new XmlError(`attribute ${key} not quoted`);
    const end = raw.indexOf(q === 0x22 ? '"' : "'", i + 1);
    if (end < 0) throw new XmlError(`attribute ${key} not closed`);
    const k = names.indexOf(key);
    if (k >= 0) out[k] = decodeAttr(raw.slice(i + 1, end));
    i = end + 1;
  }
}

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/**
 * Tokenize `xml`, calling `h` for each start tag, end tag and run of character data. Throws XmlError
 * on malformed markup, mismatched tags, a DTD or an undefined entity.
 */
export function scanXml(xml: string, h: XmlHandler): void {
  const n = xml.length;
  const stack: string[] = [];
  // Where the next quote of each kind is, found with indexOf and reused until passed: a start tag's
  // end is its first ">" outside quotes, found without looking at every character.
  let dq = xml.indexOf('"');
  let sq = xml.indexOf("'");
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      if (stack.length > 0) h.text(xml.slice(i, textEnd), false);
      else if (
        /\S/.test(xml.slice(i, textEnd)) &&
        !(i === 0 && xml.charCodeAt(0) === 0xfeff && textEnd === 1)
      )
        throw new XmlError("text outside the root element");
    }
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x2f /* / */) {
      const gt = xml.indexOf(">", lt + 2);
      if (gt < 0) throw new XmlError("unclosed end tag");
      let qname = xml.slice(lt + 2, gt);
      if (isSpace(qname.charCodeAt(qname.length - 1))) qname = qname.trimEnd();
      const open = stack.pop();
      if (open !== qname) throw new XmlError(`</${qname}> does not close <${open ?? ""}>`);
      h.close(localName(qname));
      i = gt + 1;
    } else if (c === 0x3f /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlError("unclosed processing instruction");
      i = end + 2;
    } else if (c === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw new XmlError("unclosed comment");
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw new XmlError("unclosed CDATA section");
        if (stack.length === 0) throw new XmlError("CDATA outside the root element");
        let s = xml.slice(lt + 9, end);
        if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
        h.text(s, true);
        i = end + 3;
      } else if (xml.startsWith("<!DOCTYPE", lt)) {
        throw new XmlError("a document type declaration (DTD) is not allowed in a workbook part");
      } else {
        throw new XmlError("unexpected markup declaration");
      }
    } else {
      // A start tag: its end is the first ">" not inside a quoted attribute value.
      let j = lt + 1;
      let gt: number;
      for (;;) {
        gt = xml.indexOf(">", j);
        if (gt < 0) throw new XmlError("unclosed start tag");
        if (dq >= 0 && dq < j) dq = xml.indexOf('"', j);
        if (sq >= 0 && sq < j) sq = xml.indexOf("'", j);
        const q = dq < 0 ? sq : sq < 0 ? dq : Math.min(dq, sq);
        if (q < 0 || q > gt) break;
        const close = xml.indexOf(q === dq ? '"' : "'", q + 1);
        if (close < 0) throw new XmlError("unclosed attribute value");
        j = close + 1;
      }
      const next = xml.indexOf("<", lt + 1);
      if (next >= 0 && next < gt) throw new XmlError("unclosed start tag");
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      const bodyEnd = selfClosing ? gt - 1 : gt;
      let k = lt + 1;
      while (k < bodyEnd && !isSpace(xml.charCodeAt(k))) k++;
      const qname = xml.slice(lt + 1, k);
      if (qname === "") throw new XmlError("a tag without a name");
      const name = localName(qname);
      const attrs = k < bodyEnd ? xml.slice(k, bodyEnd) : "";
      h.open(name, attrs, selfClosing);
      if (selfClosing) h.close(name);
      else stack.push(qname);
      i = gt + 1;
    }
  }
  if (stack.length > 0) throw new XmlError(`<${stack[stack.length - 1]}> is not closed`);
}

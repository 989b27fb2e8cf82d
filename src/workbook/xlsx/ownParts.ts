// Whether a workbook read from a file holds nothing a rewrite from sheet specs would lose: only the
// sheets being rewritten (a rollup merged into, issue 15), the parts every workbook has, and core
// properties (author, title …), which the rewrite carries over (coreProperties). Then the
// new content can be written straight as OOXML (freshWorkbook.ts) instead of loading the old file
// into ExcelJS to replace those sheets — which cost more than reading 200 reports and doubled the
// memory. Anything else in the package (another sheet, a chart, comments, a table, defined names,
// links, macros, a theme — Excel and ExcelJS write one, the fresh writer does not …) is someone's
// work, or may be, and the ExcelJS path keeps it.
import * as zlib from "node:zlib";
import { entryData } from "./scan";
import { readZipDirectory, type ZipEntry } from "./sniff";

/** Parts any workbook may have that a fresh write replaces with its own. */
const COMMON_PARTS = new Set([
  "[content_types].xml",
  "_rels/.rels",
  "docprops/core.xml",
  "docprops/app.xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  "xl/sharedstrings.xml",
  "xl/calcchain.xml",
]);
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

/** workbook.xml's largest plausible size for a workbook of only the rollup's sheets. */
const MAX_WORKBOOK_XML = 1 << 20;

/**
 * True when `bytes` (an .xlsx that has passed the reader's checks) holds exactly `sheets` — the names
 * it lists, in its order, compared as Excel compares them — each a plain worksheet part, no other part
 * beyond the common ones, and no defined names; `written` are the names a fresh write gives, in order.
 */
export function holdsOnlySheets(
  bytes: Uint8Array,
  sheets: readonly string[],
  written: readonly string[],
): boolean {
  const entries = readZipDirectory(bytes);
  if (!entries) return false;
  const key = (s: string): string => s.toLowerCase();
  const order = new Map(written.map((n, i) => [key(n), i]));
  const at = sheets.map((n) => order.get(key(n)) ?? -1);
  if (at.some((i, k) => i < 0 || (k > 0 && i <= at[k - 1]))) return false;
  let sheetParts = 0;
  let workbook: ZipEntry | undefined;
  for (const e of entries) {
    const name = key(e.name);
    if (name.endsWith("/")) continue; // a folder entry
    if (SHEET_PART.test(name)) sheetParts++;
    else if (!COMMON_PARTS.has(name)) return false;
    if (name === "xl/workbook.xml") workbook = e;
  }
  if (sheetParts !== sheets.length || !workbook) return false;
  const xml = partText(bytes, workbook);
  if (
    xml === undefined ||
    /<([\w.-]+:)?definedName\b/.test(xml) ||
    /<([\w.-]+:)?externalReference\b/.test(xml)
  )
    return false;
  // The application properties a fresh write does not carry: someone's company, manager, link base.
  const app = entries.find((e) => key(e.name) === "docprops/app.xml");
  const appXml = app && partText(bytes, app);
  return !(app && (appXml === undefined || /<([\w.-]+:)?(Company|Manager|HyperlinkBase)>[^<]/.test(appXml)));
}

/**
 * The package's core properties (docProps/core.xml: author, title, subject, keywords, created …) as
 * read, for a fresh write to carry over; undefined when there are none or they are not plausibly
 * core properties.
 */
export function coreProperties(bytes: Uint8Array): Uint8Array | undefined {
  const e = readZipDirectory(bytes)?.find((x) => x.name.toLowerCase() === "docprops/core.xml");
  const xml = e && partText(bytes, e);
  return xml && /<([\w.-]+:)?coreProperties\b/.test(xml) ? Buffer.from(xml, "utf8") : undefined;
}

/** A part's text, or undefined when it cannot be had cheaply (the caller then keeps everything). */
function partText(bytes: Uint8Array, e: ZipEntry): string | undefined {
  if (e.uncompressedSize > MAX_WORKBOOK_XML) return undefined;
  const data = entryData(bytes, e);
  if (!data) return undefined;
  const body = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  try {
    if (e.method === 0) return body.toString("utf8");
    if (e.method === 8)
      return zlib.inflateRawSync(body, { maxOutputLength: MAX_WORKBOOK_XML }).toString("utf8");
  } catch {
    return undefined;
  }
  return undefined;
}

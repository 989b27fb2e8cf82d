// The data rows of a long sheet (a rollup's long-format table: ~10,000 rows × 12 columns) written
// straight into the sheet XML ExcelJS produced, instead of as ExcelJS cell objects: building and
// rendering 100,000+ cell models was most of the cost of saving a rollup. ExcelJS still writes
// everything else — header rows, column widths and formats, freezes, validations, protection — and
// the rows below the headers carry exactly the style ExcelJS gives such cells: their column's.
import type { CellValue } from "../../domain/cell";
import { columnLetters } from "../../domain/cell";
import { storedText } from "./storedText";

/** Data rows kept aside for one sheet until the workbook is saved. */
export interface BulkRows {
  /** Sheet name, for finding the sheet again. */
  sheet: string;
  /** 1-based row number of the first data row. */
  firstRow: number;
  rows: readonly (readonly CellValue[])[];
}

/** Below this many data rows a sheet is written cell by cell through ExcelJS, as before. */
export const BULK_MIN_ROWS = 1000;

// Markup, escaped; and what ExcelJS's xmlEncode drops (\x7F and the C0 controls XML 1.0 forbids).
// Texts arrive through storedText, which has already replaced every character XML forbids (U+FFFE,
// U+FFFF, lone surrogates too); dropping the controls again here keeps this function safe alone.
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const XML_ESCAPE: Record<string, string> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  "'": "&apos;",
  '"': "&quot;",
};

/** Text escaped for XML content or a quoted attribute, without what XML 1.0 forbids. */
export function xmlText(s: string): string {
  return s.replace(XML_SPECIAL, (ch) => XML_ESCAPE[ch] ?? "");
}

/** `<t>` with the text escaped; spaces at either end or a line break kept (xml:space). */
export function textElement(t: string): string {
  return /^\s|\n|\s$/.test(t) ? `<t xml:space="preserve">${xmlText(t)}</t>` : `<t>${xmlText(t)}</t>`;
}

/**
 * Texts added to the workbook's shared-string table (xl/sharedStrings.xml) by the spliced rows,
 * numbered after the ones ExcelJS wrote. Without a table (ExcelJS wrote no text at all), texts are
 * written inline in the cells instead.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  /** String cells written, for the table's `count`. */
  private uses = 0;

  constructor(private readonly first: number | null) {}

  /** Read the table's size from ExcelJS's sharedStrings.xml, or none. */
  static after(sstXml: string | undefined): SharedStrings {
    const unique = sstXml ? /<sst\b[^>]*\buniqueCount="(\d+)"/.exec(sstXml) : null;
    return new SharedStrings(unique ? Number(unique[1]) : null);
  }

  /** The cell XML for a text: a shared-string reference, or the text inline. */
  cell(ref: string, style: string, text: string): string {
    if (this.first === null) {
      return `<c r="${ref}"${style} t="inlineStr"><is>${textElement(text)}</is></c>`;
    }
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.first + this.added.length;
      this.index.set(text, i);
      this.added.push(text);
    }
    this.uses += 1;
    return `<c r="${ref}"${style} t="s"><v>${i}</v></c>`;
  }

  /** sharedStrings.xml with the added texts appended and its counts updated. */
  finish(sstXml: string): string {
    if (this.first === null || this.added.length === 0) return sstXml;
    const items = this.added.map((t) => `<si>${textElement(t)}</si>`).join("");
    return sstXml
      .replace(
        /(<sst\b[^>]*\bcount=")(\d+)"/,
        (_m, head: string, n: string) => `${head}${Number(n) + this.uses}"`,
      )
      .replace(
        /(<sst\b[^>]*\buniqueCount=")(\d+)"/,
        (_m, head: string, n: string) => `${head}${Number(n) + this.added.length}"`,
      )
      .replace("</sst>", () => `${items}</sst>`);
  }
}

/** One cell, as ExcelJS would write it (text never as a formula). */
function cellXml(ref: string, style: string, v: CellValue, strings: SharedStrings): string {
  if (v === null) return "";
  if (typeof v === "number") {
    // Non-finite numbers would corrupt the file: the same #NUM! error the ExcelJS path writes.
    return Number.isFinite(v)
      ? `<c r="${ref}"${style}><v>${v}</v></c>`
      : `<c r="${ref}"${style} t="e"><v>#NUM!</v></c>`;
  }
  if (typeof v === "boolean") return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  return strings.cell(ref, style, storedText(v));
}

/** Column number (1-based) → its `s` attribute, from the `<col … style="N"/>` ExcelJS wrote. */
function columnStyles(xml: string): Map<number, string> {
  const out = new Map<number, string>();
  const cols = /<cols>([\s\S]*?)<\/cols>/.exec(xml);
  if (!cols) return out;
  for (const m of cols[1].matchAll(/<col\b([^>]*)\/?>/g)) {
    const min = Number(/\bmin="(\d+)"/.exec(m[1])?.[1]);
    const max = Number(/\bmax="(\d+)"/.exec(m[1])?.[1]);
    const style = /\bstyle="(\d+)"/.exec(m[1])?.[1];
    if (!style || !(min > 0) || !(max >= min)) continue;
    for (let c = min; c <= max; c++) out.set(c, ` s="${style}"`);
  }
  return out;
}

/**
 * The sheet XML with `bulk`'s rows added to its sheetData and its dimension widened to cover them;
 * their texts go to `strings` (write its table with {@link SharedStrings.finish} afterwards).
 */
export function spliceBulkRows(xml: string, bulk: BulkRows, strings: SharedStrings): string {
  const styles = columnStyles(xml);
  const letters: string[] = [];
  const parts: string[] = [];
  let lastRow = 0;
  let lastCol = 0;
  bulk.rows.forEach((row, i) => {
    const r = bulk.firstRow + i;
    let cells = "";
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      letters[c] ??= columnLetters(c);
      cells += cellXml(`${letters[c]}${r}`, styles.get(c + 1) ?? "", v, strings);
      lastCol = Math.max(lastCol, c + 1);
    });
    if (cells === "") return;
    parts.push(`<row r="${r}">${cells}</row>`);
    lastRow = r;
  });
  const rowsXml = parts.join("");
  let out = xml.includes("</sheetData>")
    ? xml.replace("</sheetData>", () => `${rowsXml}</sheetData>`)
    : xml.replace(/<sheetData\s*\/>/, () => `<sheetData>${rowsXml}</sheetData>`);
  if (lastRow === 0) return out;
  out = out.replace(/<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\s*\/>/, (_m, c1, r1, c2, r2) => {
    const colNum = (l: string): number => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const endCol = Math.max(colNum(c2 ?? c1), lastCol);
    const endRow = Math.max(Number(r2 ?? r1), lastRow);
    return `<dimension ref="${c1}${r1}:${columnLetters(endCol - 1)}${endRow}"/>`;
  });
  return out;
}

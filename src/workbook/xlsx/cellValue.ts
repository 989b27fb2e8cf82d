// ExcelJS cell values → the domain's CellValue, the shape Office.js `range.values` would give.
import ExcelJS from "exceljs";
import type { CellValue } from "../../domain/cell";

const MS_PER_DAY = 24 * 60 * 60 * 1000;
// Excel serial of 1970-01-01 in the 1900 date system.
const UNIX_EPOCH_SERIAL = 25569;

/**
 * The Excel serial ExcelJS turned into a Date. ExcelJS builds the Date as UTC milliseconds with
 * `(serial - 25569) * 86400000` (adding 1462 days for 1904-system workbooks), so inverting that
 * exact formula gives back the stored serial, rebased to the 1900 system. For days from
 * 1900-03-01 on, the whole part equals `civilToSerial` of the Date's UTC calendar day; reading the
 * UTC fields (never local ones) keeps "31/12/2022" from sliding to the day before in UTC+7.
 */
export function dateToSerial(d: Date): number | null {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return null;
  const days = Math.floor(ms / MS_PER_DAY);
  const fraction = (ms - days * MS_PER_DAY) / MS_PER_DAY;
  return days + UNIX_EPOCH_SERIAL + fraction;
}

function nfc(s: string): string {
  return s.normalize("NFC");
}

function richTextToString(rt: unknown): string {
  if (!Array.isArray(rt)) return "";
  return rt.map((run) => (run && typeof run.text === "string" ? run.text : "")).join("");
}

/** A formula's cached result or a plain scalar; objects that are none of the known shapes give null. */
function scalar(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return v === "" ? null : nfc(v);
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return o.error;
    if ("richText" in o) return emptyToNull(nfc(richTextToString(o.richText)));
    if ("text" in o) {
      // Hyperlinks: { text, hyperlink }, where text may itself be rich text.
      const t = o.text;
      if (typeof t === "string") return emptyToNull(nfc(t));
      if (t && typeof t === "object" && "richText" in t) {
        return emptyToNull(nfc(richTextToString((t as { richText: unknown }).richText)));
      }
      return null;
    }
    if ("formula" in o || "sharedFormula" in o) return scalar(o.result);
  }
  return null;
}

function emptyToNull(s: string): string | null {
  return s === "" ? null : s;
}

/** The value of one ExcelJS cell as the domain sees it. Never throws: odd cells read as null. */
export function readCellValue(cell: ExcelJS.Cell): CellValue {
  try {
    // A merged slave cell reports its master's value; Excel shows it only once, in the master.
    if (cell.type === ExcelJS.ValueType.Merge) return null;
    return scalar(cell.value);
  } catch {
    return null;
  }
}

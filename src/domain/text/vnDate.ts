// Dates as Vietnamese documents and cells write them: "13/12/2022", "ngày 13 tháng 12 năm 2022",
// or an Excel serial number. Day first, always: a Vietnamese "05/01/2023" is 5 January.

import type { CellValue } from "../cell";
import { civil, isValidCivil, serialToCivil, type CivilDate } from "../civilDate";
import { foldKey } from "./normalize";

// An optional time of day after a date, as exports from Excel and databases add it.
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})${TIME}$`);
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
// On the folded key: "ngày 13 tháng 12 năm 2022" → "ngay 13 thang 12 nam 2022".
const LONG = /^(?:ngay )?(\d{1,2}) thang (\d{1,2}) nam (\d{4})$/;

/**
 * Read a cell as a calendar date. Accepts day-first text with "/", "-" or "." ("13/12/2022"),
 * "ngày 13 tháng 12 năm 2022" (diacritics optional), "ngày 13/12/2022", ISO "2022-12-13", an
 * optional trailing time, and Excel serial numbers (number cells; the time fraction is dropped).
 * Returns undefined for anything else, including dates that do not exist (31/02/2023) and
 * two-digit years, which are ambiguous. Never throws.
 */
export function parseVnDate(input: CellValue): CivilDate | undefined {
  if (typeof input === "number") return serialToCivil(input);
  if (typeof input !== "string") return undefined;
  const s = input
    .normalize("NFC")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .replace(/^ng(?:à|a)y\s*/i, "");
  if (s.length > 60) return undefined;

  let m = DAY_FIRST.exec(s);
  if (m) return valid(+m[4], +m[3], +m[1]);
  m = ISO.exec(s);
  if (m) return valid(+m[1], +m[2], +m[3]);
  m = LONG.exec(foldKey(s));
  if (m) return valid(+m[3], +m[2], +m[1]);
  return undefined;
}

function valid(y: number, m: number, d: number): CivilDate | undefined {
  return isValidCivil(y, m, d) ? civil(y, m, d) : undefined;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** "13/12/2022": day and month always two digits. */
export function formatVnDate(d: CivilDate): string {
  return `${pad2(d.d)}/${pad2(d.m)}/${d.y}`;
}

/**
 * "ngày 13 tháng 12 năm 2022", as in the dateline of an administrative text. Following Decree
 * 30/2020/NĐ-CP, days below 10 and the months 1 and 2 get a leading zero ("ngày 05 tháng 01 năm 2023",
 * "ngày 10 tháng 3 năm 2023").
 */
export function formatVnDateLong(d: CivilDate): string {
  const month = d.m <= 2 ? pad2(d.m) : String(d.m);
  return `ngày ${pad2(d.d)} tháng ${month} năm ${d.y}`;
}

// Calendar dates without time zones, and Excel serial numbers (the 1900 date system).
// Deadlines, cut-offs and completion dates are days, never instants: a JS Date would drag a
// time zone into "31/12/2022".

export interface CivilDate {
  readonly y: number;
  readonly m: number; // 1–12
  readonly d: number; // 1–31
}

declare const serialBrand: unique symbol;
/** An Excel serial date (1900 system): 1 = 1900-01-01, 44926 = 2022-12-31. */
export type ExcelSerial = number & { readonly [serialBrand]: true };

export const civil = (y: number, m: number, d: number): CivilDate => ({ y, m, d });

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function isValidCivil(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 1900 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

export const lastDayOfMonth = (y: number, m: number): CivilDate => civil(y, m, daysInMonth(y, m));

// Days from 1970-01-01 (proleptic Gregorian), after Howard Hinnant's days_from_civil.
function daysFromEpoch({ y, m, d }: CivilDate): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromEpoch(z: number): CivilDate {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return civil(era * 400 + yoe + (m <= 2 ? 1 : 0), m, d);
}

// Excel serial 25569 is 1970-01-01; serials below 61 are shifted by Excel's fictitious 29/02/1900.
const EPOCH_SERIAL = 25569;

export function civilToSerial(date: CivilDate): ExcelSerial {
  const serial = daysFromEpoch(date) + EPOCH_SERIAL;
  return (serial < 61 ? serial - 1 : serial) as ExcelSerial;
}

/** The day of an Excel serial (its time fraction ignored); undefined outside 1900–9999. */
export function serialToCivil(serial: number): CivilDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return undefined;
  let whole = Math.floor(serial);
  if (whole === 60) return civil(1900, 2, 29); // Excel's phantom leap day
  if (whole < 60) whole += 1;
  return civilFromEpoch(whole - EPOCH_SERIAL);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return civilFromEpoch(daysFromEpoch(date) + days);
}

/** Negative when a is before b, 0 when equal, positive after. */
export function compareCivil(a: CivilDate, b: CivilDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** The calendar day of a moment, on this machine's clock (a file's time, "today"). */
export function civilOfLocal(t: Date): CivilDate {
  return civil(t.getFullYear(), t.getMonth() + 1, t.getDate());
}

/** The date an ISO text ("2022-12-31") names; the text is trusted (validated where it entered). */
export function civilFromIso(iso: string): CivilDate {
  const [y, m, d] = iso.split("-").map(Number);
  return civil(y, m, d);
}

/** ISO text "2022-12-31", for JSON and sorting. */
export function isoDate({ y, m, d }: CivilDate): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

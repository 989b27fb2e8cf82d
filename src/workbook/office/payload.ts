// Excel on the web rejects a request (one context.sync) over 5 MB. Large writes are cut into row
// bands whose estimated JSON size stays under a budget with room for the request envelope.

/** Excel on the web's cap on one request or response. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one sync may carry of cell payload: a margin under the cap for commands and envelope. */
export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

/** Upper estimate of a value's size in the request JSON (non-ASCII may travel \u-escaped). */
export function valueBytes(v: string | number | boolean): number {
  if (typeof v === "number") return String(v).length + 1;
  if (typeof v === "boolean") return 6;
  let extra = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c > 0x7e || c < 0x20 || c === 0x22 || c === 0x5c) extra += 5;
  }
  return v.length + extra + 3;
}

/** A half-open band of rows [start, end). */
export interface RowBand {
  start: number;
  end: number;
}

/** UTF-8 bytes of a string (what a request or response is counted in). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of values as JSON (a response's `values`). */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "");
}

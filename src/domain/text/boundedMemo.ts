// Reports repeat the same short texts (labels, statuses, agency names) cell after cell and file after
// file, so pure functions of a text are remembered for short texts, a bounded number of them.
import { ownText } from "./plainText";

/**
 * `fn` remembered for texts of at most `maxChars` characters, at most `maxEntries` of them (the memo
 * is emptied when full), an `undefined` answer too. Longer texts are computed every time.
 */
export function boundedMemo<T>(fn: (s: string) => T, maxChars: number, maxEntries: number): (s: string) => T {
  const memo = new Map<string, T>();
  return (s) => {
    if (s.length > maxChars) return fn(s);
    const v = memo.get(s);
    if (v !== undefined || memo.has(s)) return v as T;
    if (memo.size >= maxEntries) memo.clear();
    const fresh = fn(s);
    // A copy as the key: the text may be a slice of a whole part's XML, which must not stay alive.
    memo.set(ownText(s), fresh);
    return fresh;
  };
}

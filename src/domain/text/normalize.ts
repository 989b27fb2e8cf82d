// Vietnamese text normalisation for matching headers, agency names and phrases.
// Matching is diacritics-insensitive and NFC/NFD-blind; display keeps the original text.
import { boundedMemo } from "./boundedMemo";

/** Unicode NFC with whitespace (including non-breaking spaces and line breaks) collapsed and trimmed. */
export function tidy(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[\s\u00a0\u200b]+/g, " ")
    .trim();
}

/** Lower-case ASCII key: diacritics removed, đ → d, punctuation to spaces, spaces collapsed.
 * "Cơ quan chủ trì" → "co quan chu tri"; NFC and NFD forms give the same key. */
// Headers, labels, sheet and agency names are folded again in every report: short texts' keys are
// remembered, a bounded number of them.
export const foldKey: (s: string) => string = boundedMemo(fold, 64, 5_000);

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/&/g, " va ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Levenshtein edit distance, for header typos. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

export type HeaderMatch =
  | { kind: "exact"; expected: string }
  | { kind: "near"; expected: string; distance: number }
  | { kind: "none" };

/** Match a header cell against expected header names, diacritics-insensitively, allowing a small
 * edit distance (a typo) which callers report as a warning. */
export function matchHeader(actual: string, expected: readonly string[], maxDistance = 2): HeaderMatch {
  return matchFoldedHeader(foldKey(actual), expected, maxDistance);
}

// Expected header lists are constants: fold each list once, not once per cell compared.
const foldedLists = new WeakMap<readonly string[], readonly string[]>();
function foldedList(expected: readonly string[]): readonly string[] {
  let keys = foldedLists.get(expected);
  if (!keys) {
    keys = expected.map(foldKey);
    foldedLists.set(expected, keys);
  }
  return keys;
}

/** `matchHeader` for a cell already folded with `foldKey`, so a cell compared against many
 * header lists is folded once. */
export function matchFoldedHeader(key: string, expected: readonly string[], maxDistance = 2): HeaderMatch {
  if (!key) return { kind: "none" };
  const folded = foldedList(expected);
  let best: HeaderMatch = { kind: "none" };
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const ek = folded[i];
    if (ek === key) return { kind: "exact", expected: e };
    const limit = Math.min(maxDistance, Math.floor(ek.length / 4));
    // Lengths alone bound the distance: skip long cells (task text) without the quadratic work.
    if (Math.abs(ek.length - key.length) > limit) continue;
    const dist = editDistance(ek, key);
    if (dist <= limit && (best.kind !== "near" || dist < best.distance)) {
      best = { kind: "near", expected: e, distance: dist };
    }
  }
  return best;
}

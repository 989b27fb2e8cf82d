// Cell values that trip writers and readers: spaces at the edges, XML's special characters, a control
// character, a line break, booleans, tiny and large numbers, formula-like and Vietnamese text, an empty
// cell, a negative. Order matters to the tests that index into it (index 7 is the large number).
import type { CellValue } from "../../src/domain/cell";

export const NASTY_CELLS: readonly CellValue[] = [
  "  leading space",
  `a&b<c>"'`,
  "control\u0001char",
  "line\nbreak",
  true,
  false,
  1.5e-7,
  123456789012,
  "=1+1",
  "Tiếng Việt: ắ ệ",
  null,
  -0.25,
];

// File names the product gives what it makes, one definition for every host (CLI, add-in, web page):
// ASCII only, no spaces, so they survive e-mail, zip tools and old file systems.
import type { Period } from "./period";

const ROMAN = ["", "I", "II", "III", "IV"] as const;

/** A period as a file-name part: "nam-2023", "quy-II-2023", "6-thang-2023", "9-thang-2023". */
export function periodFileSlug(p: Period): string {
  switch (p.kind) {
    case "quarter":
      return `quy-${ROMAN[p.quarter ?? 0]}-${p.year}`;
    case "half":
      return `6-thang-${p.year}`;
    case "nine":
      return `9-thang-${p.year}`;
    case "year":
      return `nam-${p.year}`;
  }
}

/** The rollup workbook's name: "tong-hop-nam-2023.xlsx". */
export const rollupFileName = (p: Period): string => `tong-hop-${periodFileSlug(p)}.xlsx`;

/** The zip of every agency's template: "bieu-mau-quy-II-2023.zip". */
export const templatesZipName = (p: Period): string => `bieu-mau-${periodFileSlug(p)}.zip`;

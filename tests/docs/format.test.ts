// docs/FORMAT.md agrees with the code: its problem-code table is the catalogue's.
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { PROBLEM_TABLE_HEADER, problemCodeRows, problemCodeTable } from "../../src/domain/problemDocs";

const FORMAT = path.join(__dirname, "../../docs/FORMAT.md");
const START = "<!-- problem-codes:start (generated from src/domain/problemCatalogue.ts) -->";
const END = "<!-- problem-codes:end -->";

/** The cells of a Markdown table's rows, ignoring padding and the alignment row. */
function tableCells(md: string): string[][] {
  return md
    .split("\n")
    .filter((l) => l.trim().startsWith("|") && !/^\|[\s:|-]+\|$/.test(l.trim()))
    .map((l) =>
      l
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
}

describe("docs/FORMAT.md", () => {
  it("lists exactly the catalogue's problem codes, severities, meanings and what to do", () => {
    let doc = readFileSync(FORMAT, "utf8");
    const at = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(at).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(at);
    if (process.env.UPDATE_DOCS) {
      doc = `${doc.slice(0, at + START.length)}\n\n${problemCodeTable()}\n\n${doc.slice(end)}`;
      writeFileSync(FORMAT, doc);
    }
    const section = doc.slice(at + START.length, doc.indexOf(END));
    expect(tableCells(section)).toEqual([PROBLEM_TABLE_HEADER, ...problemCodeRows()]);
  });
});

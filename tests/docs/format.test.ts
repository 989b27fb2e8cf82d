// docs/FORMAT.md agrees with the code: its problem-code table is the catalogue's.
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import {
  PROBLEM_TABLE_HEADER,
  SHEET_TABLE_HEADER,
  problemCodeRows,
  problemCodeTable,
  sheetTableMarkdown,
  sheetTableRows,
} from "../../src/domain/problemDocs";
import { FIGURE_TABLE, TASK_TABLE } from "../../src/domain/report/layout";

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

/** The generated section between a pair of markers (rewritten first when UPDATE_DOCS is set). */
function section(name: string, generated: string): string {
  const start = `<!-- ${name}:start (generated) -->`;
  const end = `<!-- ${name}:end -->`;
  let doc = readFileSync(FORMAT, "utf8");
  const at = doc.indexOf(start);
  expect(at).toBeGreaterThan(0);
  expect(doc.indexOf(end)).toBeGreaterThan(at);
  if (process.env.UPDATE_DOCS) {
    doc = `${doc.slice(0, at + start.length)}\n\n${generated}\n\n${doc.slice(doc.indexOf(end))}`;
    writeFileSync(FORMAT, doc);
  }
  return doc.slice(at + start.length, doc.indexOf(end));
}

describe("docs/FORMAT.md", () => {
  it.each([
    ["task-columns", TASK_TABLE],
    ["figure-columns", FIGURE_TABLE],
  ] as const)("its %s table is the sheet-table definition", (name, table) => {
    const cells = tableCells(section(name, sheetTableMarkdown(table)));
    expect(cells).toEqual([SHEET_TABLE_HEADER, ...sheetTableRows(table)]);
  });

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

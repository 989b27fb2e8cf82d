// docs/FORMAT.md agrees with the code: its problem-code table is the catalogue's, and every other
// generated table (sheet columns, info fields, the rollup's stored sheets …) is its definition's.
// `UPDATE_DOCS=1 npx jest tests/docs` rewrites the generated sections; without it a drift fails.
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import {
  LONG_TABLE,
  PROVENANCE_TABLE,
  STATUS_TABLE,
  TASK_LONG_TABLE,
} from "../../src/domain/consolidation/layout";
import { loadRegistry, type AgencyRegistry } from "../../src/domain/agencies";
import {
  agencyColumnsDoc,
  dataVersionsDoc,
  denominatorSettingsDoc,
  groupColumnsDoc,
  indicatorColumnsDoc,
  indicatorRolesDoc,
  indicatorsDoc,
  registryCountsDoc,
  scheduleColumnsDoc,
  scheduleDoc,
  sumRuleColumnsDoc,
  sumRulesDoc,
} from "../../src/domain/dataDocs";
import { loadCatalogue, type Catalogue } from "../../src/domain/indicators";
import { loadSchedule, type Schedule } from "../../src/domain/reportSchedule";
import { fieldTableDoc, markdownTable, sheetTableDoc, type DocTable } from "../../src/domain/docTables";
import { PROBLEM_TABLE_HEADER, problemCodeRows, problemCodeTable } from "../../src/domain/problemDocs";
import { FIGURE_TABLE, INFO_FIELDS, INFO_TABLE, TASK_TABLE } from "../../src/domain/report/layout";

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

/** The cells a DocTable should have in the Markdown (a `|` inside a cell escaped). */
const docCells = (t: DocTable): string[][] =>
  [t.header, ...t.rows].map((r) => r.map((c) => c.replace(/\|/g, "\\|")));

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

const DATA = path.join(__dirname, "../../examples/data");
const json = (name: string): unknown => JSON.parse(readFileSync(path.join(DATA, name), "utf8"));
function ok<R extends { ok: boolean }>(r: R): Extract<R, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r).slice(0, 500));
  return r as Extract<R, { ok: true }>;
}
/** The bundled data the plan workbooks are built from. */
const catalogue = (): Catalogue => ok(loadCatalogue(json("indicators.json"))).catalogue;
const schedule = (): Schedule => ok(loadSchedule(json("periods.json"))).schedule;
const registry = (): AgencyRegistry => ok(loadRegistry(json("agencies-2025.json"))).registry;

/** Every generated section of FORMAT.md but the problem codes, by marker name. */
const SECTIONS: readonly (readonly [string, () => DocTable])[] = [
  ["info-fields", () => fieldTableDoc(INFO_FIELDS)],
  ["info-columns", () => sheetTableDoc(INFO_TABLE)],
  ["task-columns", () => sheetTableDoc(TASK_TABLE)],
  ["figure-columns", () => sheetTableDoc(FIGURE_TABLE)],
  ["rollup-status-columns", () => sheetTableDoc(STATUS_TABLE)],
  ["rollup-provenance-columns", () => sheetTableDoc(PROVENANCE_TABLE)],
  ["rollup-long-columns", () => sheetTableDoc(LONG_TABLE)],
  ["rollup-task-long-columns", () => sheetTableDoc(TASK_LONG_TABLE)],
  ["indicators", () => indicatorsDoc(catalogue())],
  ["sum-rules", () => sumRulesDoc(catalogue())],
  ["denominator-settings", () => denominatorSettingsDoc(catalogue())],
  ["indicator-columns", indicatorColumnsDoc],
  ["indicator-roles", () => indicatorRolesDoc(catalogue())],
  ["sum-rule-columns", sumRuleColumnsDoc],
  ["data-versions", () => dataVersionsDoc(catalogue(), schedule(), registry())],
  ["schedule-columns", scheduleColumnsDoc],
  ["schedule", () => scheduleDoc(schedule())],
  ["agency-columns", agencyColumnsDoc],
  ["group-columns", groupColumnsDoc],
  ["registry-counts", () => registryCountsDoc(registry(), "2025-07-01")],
];

describe("docs/FORMAT.md", () => {
  it.each(SECTIONS)("its %s table is generated from the definition", (name, doc) => {
    const t = doc();
    expect(t.rows.length).toBeGreaterThan(0);
    expect(tableCells(section(name, markdownTable(t)))).toEqual(docCells(t));
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

// Every kind of workbook the product writes is valid Office Open XML (Excel's strict reader would
// otherwise offer to "repair" it and strip what it dislikes), and opens in openpyxl, the strict
// reader provincial IT staff script with.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadExampleBundle } from "../../src/cli/demo/bundle";
import { ROLLUP_INFO_TABLE, ROLLUP_SHEETS } from "../../src/domain/consolidation/layout";
import { FIGURE_TABLE, REPORT_SHEETS } from "../../src/domain/report/layout";
import { NUMBER_FORMATS } from "../../src/domain/sheetSpec";
import { tableColumn } from "../../src/domain/sheetTable";
import { describeIfInstalled, runs } from "../helpers/requiredPrograms";
import { DRIVER_XSD, schemasPresent, validatePackages } from "./ooxml";
import { writeEveryKind, type WorkbookKind, type Written } from "./writtenWorkbooks";

const PYTHON = "/usr/bin/python3";
const KINDS: WorkbookKind[] = [
  "plan",
  "template (cchc template)",
  "agency reports (demo)",
  "rollup (cchc demo, cchc consolidate)",
  "rollup (web page)",
  "templates .zip (web page)",
];

let written: Promise<Written> | undefined;
const everyKind = (): Promise<Written> => (written ??= writeEveryKind());

describeIfInstalled("OOXML schemas", [
  {
    what: DRIVER_XSD,
    install: "put the ECMA-376 schemas in ../shared/ooxml-schemas (see its PROVENANCE.md)",
    present: schemasPresent(),
  },
  { what: "xmllint", install: "apt-get install libxml2-utils", present: runs("xmllint", ["--version"]) },
])("every written workbook validates against the ECMA-376 transitional schemas", () => {
  beforeAll(() => everyKind(), 300_000);

  test("the checker catches what Excel would repair", async () => {
    const kinds = await everyKind();
    const [label, bytes] = [...kinds.get("template (cchc template)")!][0];
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(bytes);
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    for (const name of sheets) {
      const xml = await zip.file(name)!.async("string");
      zip.file(name, xml.replace(/errorStyle="stop"/g, 'errorStyle="error"'));
    }
    const broken = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
    const report = (await validatePackages(new Map([[label, broken]]))).get(label)!;
    expect(report.invalid.map((i) => i.errors.join(" "))).toEqual(
      expect.arrayContaining([expect.stringContaining("errorStyle")]),
    );
  }, 120_000);

  test.each(KINDS)(
    "%s: every XML part validates",
    async (kind) => {
      const files = (await everyKind()).get(kind);
      expect(files?.size).toBeGreaterThan(0);
      const reports = await validatePackages(files!);
      const invalid = [...reports].flatMap(([label, r]) =>
        r.invalid.map((i) => `${label} › ${i.part}: ${i.errors.join(" | ")}`),
      );
      expect(invalid).toEqual([]);
      for (const r of reports.values()) {
        // Workbook, worksheets, styles, content types, relationships, properties: all checked.
        expect(r.checked).toEqual(expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml"]));
        expect(r.checked.some((p) => p.startsWith("xl/worksheets/"))).toBe(true);
        expect(r.notChecked).toEqual([]);
      }
    },
    300_000,
  );
});

const hasOpenpyxl = runs(PYTHON, ["-c", "import openpyxl"]);

describeIfInstalled("openpyxl", [
  { what: `${PYTHON} with openpyxl`, install: "apt-get install python3-openpyxl", present: hasOpenpyxl },
])("every written workbook opens in openpyxl", () => {
  beforeAll(() => everyKind(), 300_000);

  // Full mode (styles, validations, protection) and read_only + data_only, reading every row.
  const SCRIPT = `
import json, sys, openpyxl
out = {}
for f in sys.argv[1:]:
    try:
        wb = openpyxl.load_workbook(f)
        sheets = wb.sheetnames
        wb.close()
        wb = openpyxl.load_workbook(f, read_only=True, data_only=True)
        rows = sum(1 for ws in wb.worksheets for _ in ws.iter_rows(values_only=True))
        wb.close()
        out[f] = {"ok": True, "sheets": sheets, "rows": rows}
    except Exception as e:
        out[f] = {"ok": False, "error": type(e).__name__ + ": " + str(e)}
print(json.dumps(out))
`;

  test.each(KINDS)(
    "%s: opens in openpyxl",
    async (kind) => {
      const files = (await everyKind()).get(kind);
      expect(files?.size).toBeGreaterThan(0);
      const dir = mkdtempSync(path.join(os.tmpdir(), "cchc-openpyxl-"));
      try {
        const paths = new Map<string, string>();
        [...files!].forEach(([label, bytes], i) => {
          const file = path.join(dir, `${i}.xlsx`);
          writeFileSync(file, bytes);
          paths.set(file, label);
        });
        const r = spawnSync(PYTHON, ["-c", SCRIPT, ...paths.keys()], {
          encoding: "utf8",
          maxBuffer: 64 * 1024 * 1024,
        });
        expect(r.stderr).toBe("");
        const result = JSON.parse(r.stdout) as Record<
          string,
          { ok: boolean; error?: string; sheets?: string[]; rows?: number }
        >;
        const failed = Object.entries(result)
          .filter(([, v]) => !v.ok)
          .map(([f, v]) => `${paths.get(f)}: ${v.error}`);
        expect(failed).toEqual([]);
        for (const v of Object.values(result)) {
          expect(v.sheets?.length).toBeGreaterThan(0);
          expect(v.rows).toBeGreaterThan(0);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );

  /** Each file's sheet `sheet` as rows of [value, number format], read by openpyxl (full mode). */
  const FORMATS_SCRIPT = `
import json, sys, openpyxl
sheet = sys.argv[1]
out = {}
for f in sys.argv[2:]:
    ws = openpyxl.load_workbook(f)[sheet]
    out[f] = [[[c.value, c.number_format] for c in row] for row in ws.iter_rows()]
print(json.dumps(out, default=str))
`;
  function formatsOf(files: Map<string, Uint8Array>, sheet: string): Map<string, [unknown, string][][]> {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cchc-openpyxl-"));
    try {
      const labels = new Map<string, string>();
      [...files].forEach(([label, bytes], i) => {
        const file = path.join(dir, `${i}.xlsx`);
        writeFileSync(file, bytes);
        labels.set(file, label);
      });
      const r = spawnSync(PYTHON, ["-c", FORMATS_SCRIPT, sheet, ...labels.keys()], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(r.stderr).toBe("");
      const result = JSON.parse(r.stdout) as Record<string, [unknown, string][][]>;
      return new Map(Object.entries(result).map(([f, rows]) => [labels.get(f)!, rows]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test.each<WorkbookKind>(["template (cchc template)", "templates .zip (web page)"])(
    "%s: a rate row's value cell is in percent, a count's in thousands",
    async (kind) => {
      const { catalogue } = await loadExampleBundle();
      const expected = new Map(
        catalogue.indicators.map((i) => [
          i.code,
          i.kind === "rate" && i.share !== false
            ? NUMBER_FORMATS.percent
            : i.kind === "count"
              ? NUMBER_FORMATS.count
              : NUMBER_FORMATS.amount,
        ]),
      );
      const [code, value] = [tableColumn(FIGURE_TABLE, "code"), tableColumn(FIGURE_TABLE, "value")];
      let percent = 0;
      for (const [label, rows] of formatsOf((await everyKind()).get(kind)!, REPORT_SHEETS.figures)) {
        const seen = rows.slice(1).map((row) => [label, row[code][0], row[value]?.[1]]);
        expect(seen).toEqual(seen.map(([, c]) => [label, c, expected.get(c as string)]));
        percent += seen.filter(([, , f]) => f === NUMBER_FORMATS.percent).length;
      }
      expect(percent).toBeGreaterThan(0);
    },
    300_000,
  );

  test("rollup (cchc consolidate): the completion rate on the info sheet is in percent", async () => {
    const files = (await everyKind()).get("rollup (cchc demo, cchc consolidate)")!;
    const [label, col] = [tableColumn(ROLLUP_INFO_TABLE, "label"), tableColumn(ROLLUP_INFO_TABLE, "value")];
    for (const [file, rows] of formatsOf(files, ROLLUP_SHEETS.info)) {
      const rate = rows.find((row) => row[label][0] === "Tỷ lệ hoàn thành nhiệm vụ");
      expect([file, rate?.[col]?.[1]]).toEqual([file, NUMBER_FORMATS.percent]);
    }
  });
});

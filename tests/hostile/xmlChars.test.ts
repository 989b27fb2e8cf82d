// Issue 16: one report must not make a rollup unreadable for good. Every class of code point goes
// through every write path — ExcelJS cells, the spliced bulk rows (shared strings and inline), a new
// rollup written as OOXML directly (freshWorkbook.ts), the Office.js adapter — and is read back:
// characters XML 1.0 forbids arrive as U+FFFD, everything else exactly as written; and a report
// carrying `_xFFFE_` escapes is flagged at its cell and consolidates into a rollup that later runs
// can still merge into.
import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CellValue } from "../../src/domain/cell";
import { parsePeriod, type Period } from "../../src/domain/period";
import type { SheetSpec } from "../../src/domain/sheetSpec";
import { cellSafeText, REPLACEMENT_CHAR } from "../../src/domain/text/cellSafety";
import { OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { EXAMPLE_PLAN_XLSX } from "../../src/cli/exampleData";
import { freshWorkbookBytes } from "../../src/workbook/xlsx/freshWorkbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { filledReport } from "../helpers/fixtures";
import { runCli } from "../helpers/runCli";
import { FakeExcel } from "../office/fakeExcel";

const Q2 = (parsePeriod("2023-Q2") as { ok: true; period: Period }).period;

/** One text per class of code point, each inside ordinary text. */
const CLASSES: Record<string, string> = {
  "C0 NUL": "a\u0000b",
  "C0 SOH, BS": "a\u0001\u0008b",
  "C0 VT, FF": "a\u000B\u000Cb",
  "C0 SO…US": "a\u000E\u001Fb",
  "tab, line feed": "a\tb\nc",
  DEL: "a\u007Fb",
  "C1 controls": "a\u0080\u009Fb",
  "Latin-1, Vietnamese": "\u00A0ú Sở Nội vụ ệ",
  "BMP edge before surrogates": "a\uD7FFb",
  "private use": "a\uE000b",
  "U+FFFD": "a\uFFFDb",
  "U+FFFE": "a\uFFFEb",
  "U+FFFF": "a\uFFFFb",
  "astral pair": "a😀b\u{10FFFF}",
  "lone high surrogate": "a\uD800b",
  "lone low surrogate": "a\uDC00b",
  "reversed pair": "a\uDC00\uD800b",
  "OOXML escape look-alikes": "_xFFFE_ _x0041_ _x005F_ _x000d_",
  markup: `<&>"' ]]>`,
  "spaces at the ends": "  a  ",
};
const NAMES = Object.keys(CLASSES);
const TEXTS = Object.values(CLASSES);
/** What must read back: forbidden characters replaced, the rest exactly. */
const EXPECTED = TEXTS.map(cellSafeText);

test("the expectation itself: forbidden classes change, allowed ones do not", () => {
  const changed = NAMES.filter((_, i) => EXPECTED[i] !== TEXTS[i]);
  expect(changed).toEqual([
    "C0 NUL",
    "C0 SOH, BS",
    "C0 VT, FF",
    "C0 SO…US",
    "DEL",
    "U+FFFE",
    "U+FFFF",
    "lone high surrogate",
    "lone low surrogate",
    "reversed pair",
  ]);
  for (const i of changed.map((n) => NAMES.indexOf(n))) expect(EXPECTED[i]).toContain(REPLACEMENT_CHAR);
});

async function roundTrip(specs: SheetSpec[]): Promise<Map<string, CellValue[][]>> {
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(specs);
  const back = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
  return back.readSheets(specs.map((s) => s.name));
}

const column = (grid: CellValue[][], from: number) => TEXTS.map((_, i) => grid[from + i]?.[0] ?? null);

test("ExcelJS cells: every class reads back as expected", async () => {
  const grids = await roundTrip([{ name: "T", rows: TEXTS.map((t) => [t]) }]);
  expect(column(grids.get("T")!, 0)).toEqual(EXPECTED);
});

test("spliced bulk rows with a shared-string table: every class reads back as expected", async () => {
  const rows: CellValue[][] = [
    ["Tiêu đề"],
    ...TEXTS.map((t) => [t]),
    ...Array.from({ length: 1100 }, (_, i) => [i]),
  ];
  const grids = await roundTrip([{ name: "Dữ liệu dài", rows, headerRows: 1 }]);
  expect(column(grids.get("Dữ liệu dài")!, 1)).toEqual(EXPECTED);
});

test("spliced bulk rows with inline strings (no table): every class reads back as expected", async () => {
  // Only when the workbook holds no other text (never a rollup). OOXML escapes inline text like
  // shared text and Excel decodes both; ExcelJS's reader decodes only shared strings, so here the
  // look-alikes read back still escaped — what Excel shows is the text as written.
  const rows: CellValue[][] = [...TEXTS.map((t) => [t]), ...Array.from({ length: 1100 }, (_, i) => [i])];
  const grids = await roundTrip([{ name: "L", rows }]);
  const asExcelReads = column(grids.get("L")!, 0).map((v) =>
    typeof v === "string" ? v.replace(/_x005F_/g, "_") : v,
  );
  expect(asExcelReads).toEqual(EXPECTED);
});

test("a new rollup written as OOXML directly (freshWorkbook.ts): every class reads back as expected", async () => {
  const specs: SheetSpec[] = [
    { name: "T", rows: TEXTS.map((t) => [t]) },
    { name: "Dữ liệu dài", rows: [["Tiêu đề"], ...TEXTS.map((t) => [t])], headerRows: 1 },
  ];
  const back = await XlsxWorkbook.fromBuffer(freshWorkbookBytes(specs));
  const grids = await back.readSheets(["T", "Dữ liệu dài"]);
  expect(column(grids.get("T")!, 0)).toEqual(EXPECTED);
  expect(column(grids.get("Dữ liệu dài")!, 1)).toEqual(EXPECTED);
});

test("Office.js: every class is written as expected, nothing XML forbids reaches Excel", async () => {
  const fx = new FakeExcel();
  await new OfficeWorkbook({ run: fx.run }).writeSheets([{ name: "T", rows: TEXTS.map((t) => [t]) }]);
  const written = fx.grid("T").map((r) => r[0]);
  // Office stores text as typed: the escape look-alikes stay literal (Excel escapes them itself).
  expect(written).toEqual(EXPECTED.map((t) => t.replace(/_x005F_(x[0-9A-Fa-f]{4}_)/g, "_$1")));
});

test("a cell past 32,767 characters is cut with a marker on every path", async () => {
  const long = "Minh chứng. ".repeat(4000);
  const grids = await roundTrip([{ name: "T", rows: [[long]] }]);
  const back = grids.get("T")![0][0] as string;
  expect(back.length).toBe(32767);
  expect(back.endsWith("truncated]")).toBe(true);
  const fresh = await XlsxWorkbook.fromBuffer(freshWorkbookBytes([{ name: "T", rows: [[long]] }]));
  const freshBack = (await fresh.readSheets(["T"])).get("T")![0][0] as string;
  expect(freshBack).toBe(back);
  const fx = new FakeExcel();
  await new OfficeWorkbook({ run: fx.run }).writeSheets([{ name: "T", rows: [[long]] }]);
  expect((fx.grid("T")[0][0] as string).length).toBe(32767);
});

describe("a report carrying _xFFFE_ / _xFFFF_ escapes", () => {
  let dir: string;
  let poisoned: string;
  let other: string;
  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), "cchc-xml-"));
    const wb = XlsxWorkbook.create();
    await wb.writeSheets(filledReport("STP", Q2));
    // Straight into ExcelJS, past the product's writer: stored as the escapes themselves.
    wb.exceljs.getWorksheet("Nhiệm vụ")!.getCell("H2").value = "Minh chứng _xFFFE_ và _xFFFF_";
    poisoned = path.join(dir, "STP.xlsx");
    await fsp.writeFile(poisoned, await wb.toBuffer());
    const w2 = XlsxWorkbook.create();
    await w2.writeSheets(filledReport("SNV", Q2));
    other = path.join(dir, "SNV.xlsx");
    await w2.saveAtomic(other);
  });

  it("is flagged at the cell (warning), consolidates, and the rollup stays mergeable", async () => {
    const v = await runCli("validate", "--plan", EXAMPLE_PLAN_XLSX, "--json", poisoned);
    const doc = JSON.parse(v.stdout) as {
      files: { problems: { code: string; cell: string; severity: string }[] }[];
    };
    expect(doc.files[0].problems).toContainEqual(
      expect.objectContaining({ code: "TEXT_INVALID_CHARACTER", cell: "H2", severity: "warning" }),
    );
    const out = path.join(dir, "tong-hop.xlsx");
    expect((await runCli("consolidate", "--plan", EXAMPLE_PLAN_XLSX, poisoned, "-o", out)).code).toBe(0);
    const again = await runCli("consolidate", "--plan", EXAMPLE_PLAN_XLSX, other, "-o", out);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    const grids = await (await XlsxWorkbook.open(out)).readSheets(["Dữ liệu nhiệm vụ"]);
    const texts = [...grids.values()][0].flat().filter((x): x is string => typeof x === "string");
    expect(texts).toContain(`Minh chứng ${REPLACEMENT_CHAR} và ${REPLACEMENT_CHAR}`);
  });
});

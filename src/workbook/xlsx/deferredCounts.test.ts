// The reader counts the limits of the sheets and shared strings it reads (scan.ts DeferredCounts):
// whatever it counted, a file is refused exactly when the limits pass, counting on its own, refuses
// it, and with the same message (which limit, which sheet). Generated sheets near the limits, in the
// shape a report has and in shapes the pass reads differently from the reader (prefixed `r`
// attributes, single quotes, ">" in a value, lower-case or long references, tags outside the rows).
import ExcelJS from "exceljs";
import fc from "fast-check";
import { WorkbookReadError } from "./errors";
import { scanXlsxParts } from "./scan";
import { assertXlsxBytes, DEFAULT_LIMITS, type ReadLimits } from "./sniff";
import { XlsxReader } from "./xlsxReader";
import { storedParts, writeZip } from "./zipWrite";

// Inflated in one go (native zlib) or chunk by chunk (a large package, the browser build): both ways.
let mockOneGo = true;
jest.mock("./zipWrite", () => {
  const actual = jest.requireActual<typeof import("./zipWrite")>("./zipWrite");
  return { ...actual, nativeZip: () => mockOneGo && actual.nativeZip() };
});

let base: { name: string; data: Uint8Array }[];

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("S").getCell("A1").value = "x";
  wb.addWorksheet("T").getCell("A1").value = "y";
  const buf = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  base = storedParts(Buffer.from(buf as ArrayBuffer));
});

function workbook(sheets: readonly string[], sst: string, deflate: boolean): Buffer {
  const parts = base.map((p) => {
    const k = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"].indexOf(p.name);
    if (k >= 0) return { name: p.name, data: Buffer.from(sheets[k], "utf8") };
    if (p.name === "xl/sharedStrings.xml") return { name: p.name, data: Buffer.from(sst, "utf8") };
    return p;
  });
  return deflate ? writeZip(parts, { level: 1 }) : writeZip(parts);
}

type Outcome = { refused: string; en: string } | "read";

async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
    return "read";
  } catch (e) {
    if (e instanceof WorkbookReadError) return { refused: e.code, en: e.message_en };
    throw e;
  }
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

// Mostly the plain shape the reader counts itself, with now and then one thing the pass reads its own
// way: each such thing must send the count back to the pass.
const often = <T>(plain: fc.Arbitrary<T>, odd: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: plain, weight: 150 }, { arbitrary: odd, weight: 1 });
const ref = often(
  fc.tuple(fc.constantFrom("A", "B", "C", "H"), fc.integer({ min: 1, max: 12 })).map(([c, n]) => `${c}${n}`),
  fc.constantFrom("A0", "$A$1", "", "b5", "ABCDE3", "XFD2"),
);
const cellXml = fc
  .record({
    r: fc.option(ref, { nil: undefined, freq: 4 }),
    extra: often(
      fc.constantFrom("", ' t="s"', ' s="1"'),
      fc.constantFrom(' x:r="Z9"', " a-r='C7'", ' foo="a>b"', ' r="D4"', " t='n'"),
    ),
    before: fc.boolean(),
  })
  .map(({ r, extra, before }) => {
    const at = r === undefined ? "" : ` r="${r}"`;
    return `<c${before ? extra + at : at + extra}><v>1</v></c>`;
  });
const rowXml = fc
  .record({
    r: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined, freq: 4 }),
    extra: often(
      fc.constantFrom("", ' spans="1:3"', ' x14ac:dyDescent="0.25"'),
      fc.constantFrom(' x:r="30"', " ht='20'", ' r="12"', ' a=">"', ' r=""'),
    ),
    before: fc.boolean(),
    cells: fc.array(cellXml, { maxLength: 5 }),
  })
  .map(({ r, extra, before, cells }) => {
    const at = r === undefined ? "" : ` r="${r}"`;
    return `<row${before ? extra + at : at + extra}>${cells.join("")}</row>`;
  });
const sheetXml = fc
  .record({
    rows: fc.array(rowXml, { maxLength: 8 }),
    dimension: often(
      fc.constantFrom("", '<dimension ref="A1:C3"/>'),
      fc.constantFrom('<dimension ref="A1:Z40"/>', '<x:dimension ref="H30"/>'),
    ),
    tail: often(
      fc.constantFrom("", '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>'),
      fc.constantFrom("<!-- <c r='XFD1'/> -->", "<x:row r='50'/>"),
    ),
  })
  .map(
    ({ rows, dimension, tail }) =>
      `${HEAD}${dimension}<sheetData>${rows.join("")}</sheetData>${tail}</worksheet>`,
  );
const sstXml = fc
  .record({
    n: fc.integer({ min: 0, max: 12 }),
    // Items the pass counts outside the table's run of plain items (a stray one before the root
    // even reads as well-formed here).
    head: fc.constantFrom("", "", "<x:si></x:si>", "<x:si></x:si><x:si ></x:si>"),
    tail: fc.constantFrom("", "", "<!-- <si> -->", "<extLst><x:si></x:si></extLst>"),
  })
  .map(
    ({ n, head, tail }) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n${head}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${"<si><t>a</t></si>".repeat(n)}${tail}</sst>`,
  );
// Around what the generated sheets hold in the plain shape: rows to 12, columns to 8 (and one past
// for each cell without a reference), a used range to about 150 cells, up to 80 cells and 14 strings;
// the odd shapes reach row 50 and column 26 or further.
const limits = fc.record({
  maxRows: fc.integer({ min: 10, max: 14 }),
  maxColumns: fc.integer({ min: 7, max: 12 }),
  maxCells: fc.integer({ min: 40, max: 200 }),
});

describe.each([
  ["in one go", true],
  ["chunk by chunk", false],
])("inflated %s", (_how, oneGo) => {
  beforeAll(() => {
    mockOneGo = oneGo;
  });
  afterAll(() => {
    mockOneGo = true;
  });

  it("refuses exactly what the limits pass refuses, with its message", async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(sheetXml, sheetXml),
        sstXml,
        limits,
        fc.boolean(),
        async (sheets, sst, lim, deflate) => {
          const bytes = workbook(sheets, sst, deflate);
          const all: ReadLimits = { ...DEFAULT_LIMITS, ...lim };
          const pass = await outcome(() => scanXlsxParts(bytes, assertXlsxBytes(bytes, all), all));
          const reader = await outcome(() => XlsxReader.fromBuffer(bytes, lim));
          if (pass !== "read") {
            refused += 1;
            expect(reader).toEqual(pass);
          } else if (reader !== "read") {
            // Refused by the reader's own check only: the used range of the values it read.
            expect(reader.en).toMatch(/the used range of sheet/);
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(refused).toBeGreaterThan(30);
  });

  it("refuses exactly the shared-string tables the limits pass refuses", async () => {
    const empty = `${HEAD}<sheetData></sheetData></worksheet>`;
    await fc.assert(
      fc.asyncProperty(sstXml, fc.integer({ min: 1, max: 16 }), async (sst, maxCells) => {
        const bytes = workbook([empty, empty], sst, false);
        const all: ReadLimits = { ...DEFAULT_LIMITS, maxCells };
        const pass = await outcome(() => scanXlsxParts(bytes, assertXlsxBytes(bytes, all), all));
        expect(await outcome(() => XlsxReader.fromBuffer(bytes, { maxCells }))).toEqual(pass);
      }),
      { numRuns: 200 },
    );
  });
});

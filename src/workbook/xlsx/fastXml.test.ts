// The fast lane (fastXml.ts) reads what the ordinary way reads, or gives up: generated sheets and
// shared-string tables, plain and not (prefixes, formulas, inline and rich strings, entities,
// comments, odd spacing, missing references, damaged markup), read with the lane on and off.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { isNfcStableUnit } from "../../domain/text/plainText";
import { WorkbookReadError } from "./errors";
import { NOT_PLAIN } from "./fastXml";
import { SheetCounter } from "./scan";
import { DEFAULT_LIMITS } from "./sniff";
import { readerLanes, XlsxReader } from "./xlsxReader";
import { storedParts, writeZip } from "./zipWrite";

let base: { name: string; data: Uint8Array }[];

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("A1").value = "x";
  ws.getCell("B2").value = 1;
  ws.getCell("C3").value = new Date(Date.UTC(2023, 0, 2));
  const buf = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  base = storedParts(Buffer.from(buf as ArrayBuffer));
});

function workbook(sheet: string, sst: string): Buffer {
  return writeZip(
    base.map((p) =>
      p.name === "xl/worksheets/sheet1.xml"
        ? { name: p.name, data: Buffer.from(sheet, "utf8") }
        : p.name === "xl/sharedStrings.xml"
          ? { name: p.name, data: Buffer.from(sst, "utf8") }
          : p,
    ),
  );
}

async function read(bytes: Buffer, fast: boolean): Promise<unknown> {
  readerLanes.fast = fast;
  try {
    const r = await XlsxReader.fromBuffer(bytes);
    return { grid: (await r.readSheets(["S"])).get("S"), merges: (await r.mergedRanges(["S"])).get("S") };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { refused: e.code, message: e.message_en };
    throw e;
  } finally {
    readerLanes.fast = true;
  }
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/>';

const text = fc.constantFrom(
  "a",
  "Kỳ báo cáo",
  " lead",
  "x &amp; y",
  "&#x41;",
  "_x000D_",
  "a\r\nb",
  "&bad;",
  "",
  "Ke\u0301 hoa\u0323ch", // decomposed: NFC changes it
  "\u2126", // OHM SIGN: NFC makes it U+03A9
  "a_b",
  "1 > 0",
);
const ref = fc.oneof(
  fc
    .tuple(fc.constantFrom("A", "B", "C", "AA", "b"), fc.integer({ min: 1, max: 12 }))
    .map(([c, r]) => `${c}${r}`),
  fc.constantFrom("$A$1", "A0", "1A", "", "A1:B2"),
);
const cellXml = fc
  .record({
    r: fc.option(ref, { nil: undefined }),
    s: fc.option(fc.constantFrom("0", "1", "04", "x", ""), { nil: undefined }),
    t: fc.option(fc.constantFrom("s", "n", "b", "e", "str", "inlineStr", "d"), { nil: undefined }),
    body: fc.constantFrom(
      "",
      "<v>0</v>",
      "<v>1</v>",
      "<v>007</v>",
      "<v>123456789012345</v>",
      "<v>1234567890123456789</v>",
      "<v>44927</v>",
      "<v>44927.5</v>",
      "<v/>",
      "<v></v>",
      "<v>2023-01-02T00:00:00</v>",
      "<v>#N/A</v>",
      "<f>1+1</f><v>2</v>",
      "<is><t>inline</t></is>",
      "<v>1 &lt; 2</v>",
      "<!-- c --><v>3</v>",
      "<x:v>1</x:v>",
      " <v>5</v> ",
      "<v>1</v",
    ),
    quote: fc.constantFrom('"', "'"),
    order: fc.boolean(),
    self: fc.boolean(),
  })
  .map(({ r, s, t, body, quote: q, order, self }) => {
    const attrs = [
      r === undefined ? "" : ` r=${q}${r}${q}`,
      s === undefined ? "" : ` s=${q}${s}${q}`,
      t === undefined ? "" : ` t=${q}${t}${q}`,
    ];
    const a = (order ? attrs : attrs.reverse()).join("");
    return self && body === "" ? `<c${a}/>` : `<c${a}>${body}</c>`;
  });
const rowXml = fc
  .record({
    r: fc.option(fc.constantFrom("1", "2", "3", "5", "x"), { nil: undefined }),
    cells: fc.array(cellXml, { maxLength: 4 }),
    extra: fc.constantFrom("", ' spans="1:3"', ' x14ac:dyDescent="0.25"', " ht='20'", ' r="9"'),
  })
  .map(({ r, cells, extra }) => {
    const a = (r === undefined ? "" : ` r="${r}"`) + extra;
    return cells.length === 0 ? `<row${a}/>` : `<row${a}>${cells.join("")}</row>`;
  });
const sheetXml = fc
  .record({
    rows: fc.array(rowXml, { maxLength: 5 }),
    sep: fc.constantFrom("", "\n", "  "),
    tail: fc.constantFrom(
      "",
      '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
      "<!-- end -->",
      "<c/>",
    ),
    head: fc.constantFrom("", "<!-- <sheetData> -->", "<sheetFormatPr defaultRowHeight='15'/>"),
  })
  .map(
    ({ rows, sep, tail, head }) =>
      `${HEAD}${head}<sheetData>${rows.join(sep)}</sheetData>${tail}</worksheet>`,
  );
const sstXml = fc
  .array(
    fc.oneof(
      text.map((t) => `<si><t>${t}</t></si>`),
      text.map((t) => `<si><t xml:space="preserve">${t}</t></si>`),
      fc.constant("<si><t/></si>"),
      fc.constant("<si><r><t>a</t></r><r><t>b</t></r></si>"),
      fc.constant("<si><t>a</t><rPh><t>x</t></rPh></si>"),
      fc.constant("<si></si>"),
      fc.constant("<si><t>a</t>"),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map(
    (items) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}">${items.join("")}</sst>`,
  );

it("reads generated sheets and string tables exactly as the ordinary way does", async () => {
  await fc.assert(
    fc.asyncProperty(sheetXml, sstXml, async (sheet, sst) => {
      const bytes = workbook(sheet, sst);
      expect(await read(bytes, true)).toEqual(await read(bytes, false));
    }),
    { numRuns: 400 },
  );
});

it("takes the plain shape (a report's) and reads its values", async () => {
  const sheet = `${HEAD}<sheetData><row r="1" spans="1:2"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="b"><v>1</v></c></row><row r="2"><c r="A2"><v>2.5</v></c></row></sheetData></worksheet>`;
  const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Kỳ</t></si></sst>`;
  expect(await read(workbook(sheet, sst), true)).toEqual({
    grid: [
      ["Kỳ", true],
      [2.5, null],
    ],
    merges: [],
  });
});

it("counts a whole sheet's bytes as the chunked count does", () => {
  const cell = fc.oneof(
    fc.constantFrom('<c r="A1"/>', "<c/>", '<x:c r="ZZ9"/>', '<c r="AAAAA1"/>', "<cols/>", '<c xr="B2"/>'),
    fc
      .tuple(fc.constantFrom("A", "bc", "XFD"), fc.integer({ min: 1, max: 300_000 }))
      .map(([c, r]) => `<c r="${c}${r}" s="1"><v>1</v></c>`),
  );
  const row = fc
    .tuple(
      fc.option(fc.integer({ min: 1, max: 300_000 }), { nil: undefined }),
      fc.array(cell, { maxLength: 6 }),
    )
    .map(([r, cells]) => `<row${r === undefined ? "" : ` r="${r}"`}>${cells.join("")}</row>`);
  const pad = fc.constantFrom("", " ".repeat(70_000), '<dimension ref="A1:C3"/>');
  fc.assert(
    fc.property(fc.array(fc.oneof(row, pad), { maxLength: 30 }), (parts) => {
      const buf = Buffer.from(`<sheetData>${parts.join("")}</sheetData>`, "latin1");
      const run = (whole: boolean): unknown => {
        let cells = 0;
        const c = new SheetCounter("S", DEFAULT_LIMITS, () => (cells += 1));
        try {
          if (whole) c.feedWhole(buf);
          else for (let at = 0; at < buf.length; at += 64 * 1024) c.feed(buf.subarray(at, at + 64 * 1024));
          return { rows: c.rows, columns: c.columns, cells: c.cells, seen: cells };
        } catch (e) {
          return { threw: (e as Error).message, rows: c.rows, columns: c.columns, cells: c.cells };
        }
      };
      expect(run(true)).toEqual(run(false));
    }),
    { numRuns: 200 },
  );
});

it("takes a shared string as it is only when nothing in it would change it", () => {
  const plain = (s: string): boolean => {
    return !NOT_PLAIN.test(s);
  };
  for (let c = 0; c <= 0xffff; c++) {
    const expected = c !== 0x26 && c !== 0x0d && isNfcStableUnit(c);
    if (plain(String.fromCharCode(c)) !== expected) throw new Error(`U+${c.toString(16)}`);
  }
  expect([plain("_x000D_"), plain("a_x"), plain("MA_01"), plain("x_"), plain("_X")]).toEqual([
    false,
    false,
    true,
    true,
    true,
  ]);
});

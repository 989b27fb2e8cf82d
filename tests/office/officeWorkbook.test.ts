// The Office.js adapter against a fake request context: syncs per operation, chunking under the
// web's request limit, text kept as text, presentation, charts, and the staging swap.
import type { A1 } from "../../src/domain/cell";
import type { SheetSpec } from "../../src/domain/sheetSpec";
import { OfficeWorkbook, STAGING_PREFIX, BACKUP_PREFIX } from "../../src/workbook/office";
import { FakeExcel, WEB_LIMIT } from "./fakeExcel";

const wbOver = (fx: FakeExcel, chunkBytes?: number) =>
  new OfficeWorkbook({ run: fx.run, chunkBytes, apiSupport: fx.supportsApi });

/** A figures-table shaped sheet: code, name, count, rate, date, with a header row. */
function figuresSheet(name: string, rows: number): SheetSpec {
  const grid: SheetSpec["rows"] = [["Mã", "Tên", "Số lượng", "Tỷ lệ", "Ngày"]];
  for (let i = 0; i < rows; i++)
    grid.push([`A${i}`, `Don vi ${i % 97}`, i * 7, (i % 100) / 100, 45000 + (i % 365)]);
  return {
    name,
    rows: grid,
    headerRows: 1,
    columns: [
      { width: 10 },
      { width: 30, wrap: true },
      { format: "count" },
      { format: "percent" },
      { format: "date" },
    ],
    highlightRows: [1, 2, 3, 10],
  };
}

/** A long-table shaped sheet (13 columns, a SHA-256 per row): about 150 bytes a row. */
function longSheet(name: string, rows: number): SheetSpec {
  const grid: SheetSpec["rows"] = [
    [
      "agency",
      "name",
      "period",
      "indicator",
      "unit",
      "value",
      "file",
      "hash",
      "v",
      "sheet",
      "cell",
      "via",
      "x",
    ],
  ];
  const hash = "ab".repeat(32);
  for (let i = 0; i < rows; i++)
    grid.push([
      "SNV",
      "So Noi vu",
      "2023-Q2",
      "HS_DA_GIAI_QUYET",
      "ho so",
      i,
      `f${i}.xlsx`,
      hash,
      1,
      "Số liệu",
      `D${i}`,
      "",
      null,
    ]);
  return { name, rows: grid, headerRows: 1 };
}

const syncCount = async (rows: number, make = figuresSheet) => {
  const fx = new FakeExcel(["Sheet1"]);
  await wbOver(fx).writeSheets([make("Số liệu tổng hợp", rows), { name: "Tổng hợp", rows: [["info"]] }]);
  return { syncs: fx.syncs.length, maxBytes: Math.max(...fx.syncs.map((s) => s.bytes)), fx };
};

describe("reading", () => {
  test("all requested sheets' used ranges in one load and one sync, placed from A1", async () => {
    const fx = new FakeExcel(["Info", "Tasks", "Empty"]);
    fx.setGrid("Info", [
      ["a", 1],
      [true, null],
    ]);
    fx.setGrid("Tasks", [["x", "y"]], { row: 2, col: 1 }); // used range starts at B3
    const grids = await wbOver(fx).readSheets(["Info", "Tasks", "Empty", "Missing"]);
    expect(fx.syncs).toHaveLength(1);
    expect(grids.get("Info")).toEqual([
      ["a", 1],
      [true, null],
    ]);
    expect(grids.get("Tasks")).toEqual([[], [], [null, "x", "y"]]);
    expect(grids.get("Empty")).toEqual([]);
    expect(grids.has("Missing")).toBe(false);
  });

  test("a response over the web's limit falls back to bands of rows", async () => {
    const fx = new FakeExcel(["Big"]);
    fx.setGrid(
      "Big",
      Array.from({ length: 300 }, (_, r) => [r, `row ${r}`]),
    );
    fx.responseLimit = 2000; // small, so the one-shot read is refused
    const grids = await new OfficeWorkbook({ run: fx.run, readCellsPerSync: 40 }).readSheets(["Big"]);
    expect(grids.get("Big")).toHaveLength(300);
    expect(grids.get("Big")![299]).toEqual([299, "row 299"]);
  });

  test("sheet list with visibility and merged ranges of several sheets in one sync each", async () => {
    const fx = new FakeExcel(["A", "B"]);
    fx.sheet("B")!.visibility = "Hidden";
    fx.sheet("A")!.merged = ["A1:C1"];
    const wb = wbOver(fx);
    expect(await wb.listSheets()).toEqual([
      { name: "A", visibility: "visible" },
      { name: "B", visibility: "hidden" },
    ]);
    const merged = await wb.mergedRanges(["A", "B"]);
    expect(merged.get("A")).toEqual(["A1:C1"]);
    expect(merged.get("B")).toEqual([]);
    expect(fx.syncs).toHaveLength(2);
  });

  test("selecting a cell activates its sheet and selects it in one sync", async () => {
    const fx = new FakeExcel(["Nhiệm vụ"]);
    await wbOver(fx).selectCell("Nhiệm vụ", "F12" as A1);
    expect(fx.sheet("Nhiệm vụ")!.selected).toBe("F12:F12");
    expect(fx.syncs).toHaveLength(1);
  });
});

describe("writing: a fixed number of syncs", () => {
  test("1,000 and 50,000 rows take the same number of syncs (3) when the data fits one request", async () => {
    const small = await syncCount(1_000);
    const large = await syncCount(50_000);
    expect(small.syncs).toBe(3); // inspect; structure + cells; charts, protection and swap
    expect(large.syncs).toBe(small.syncs);
    expect(large.maxBytes).toBeLessThan(WEB_LIMIT);
    expect(large.fx.grid("Số liệu tổng hợp")).toHaveLength(50_001);
  });

  test("more data than one request holds is cut into bands, each under 5 MB: one sync per band", async () => {
    const { syncs, maxBytes, fx } = await syncCount(50_000, longSheet);
    const dataBytes = fx.syncs.reduce((n, s) => n + s.bytes, 0);
    const bands = Math.ceil(dataBytes / (4 * 1024 * 1024));
    expect(maxBytes).toBeLessThan(WEB_LIMIT);
    expect(syncs).toBe(2 + bands);
    expect(syncs).toBeGreaterThan(3);
    expect(fx.grid("Số liệu tổng hợp")[50_000][5]).toBe(49_999);
  });

  test("the fake refuses a request over 5 MB, as Excel on the web does (so the chunking is real)", async () => {
    const fx = new FakeExcel(["Sheet1"]);
    await expect(wbOver(fx, 64 * 1024 * 1024).writeSheets([longSheet("L", 50_000)])).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    expect(fx.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("calculation and screen updating are suspended for every data sync", async () => {
    const { fx } = await syncCount(1_000);
    expect(fx.calls.suspendCalc).toBe(1);
    expect(fx.calls.suspendScreen).toBe(2);
    expect(fx.calls.calculate).toBe(1);
  });
});

describe("writing: values and presentation", () => {
  test("formula-looking and number-looking text stays text; numbers and booleans stay values", async () => {
    const fx = new FakeExcel();
    const rows = [
      ["=1+1", "+84 90", "-5 ngày", "1.704", "99,79%", "'quoted", "#REF!", "TRUE", "plain", 12.5, true, null],
      ["01/02/2023", "(5)", " 7", "1,5", null, null, null, null, null, null, null, null],
    ];
    await wbOver(fx).writeSheets([{ name: "T", rows }]);
    expect(fx.grid("T")[0]).toEqual([
      "=1+1",
      "+84 90",
      "-5 ngày",
      "1.704",
      "99,79%",
      "'quoted",
      "#REF!",
      "TRUE",
      "plain",
      12.5,
      true,
    ]);
    // Typed into a vi-VN Excel these would be a date and numbers; written by the add-in they stay text.
    expect(fx.grid("T")[1].slice(0, 4)).toEqual(["01/02/2023", "(5)", " 7", "1,5"]);
  });

  test("headers bold, filled and frozen; widths, wraps, number formats, highlights and a dropdown", async () => {
    const fx = new FakeExcel();
    const spec: SheetSpec = {
      name: "Nhiệm vụ",
      rows: [
        ["Mã", "Tình trạng", "Tỷ lệ"],
        ["I.1", null, 0.5],
        ["I.2", null, 0.25],
      ],
      headerRows: 1,
      columns: [{ width: 10 }, { width: 20, list: ["Hoàn thành", "Đang thực hiện"] }, { format: "percent" }],
      cellFormats: [{ row: 2, col: 0, format: "text" }],
      highlightRows: [2],
    };
    await wbOver(fx).writeSheets([spec]);
    const s = fx.sheet("Nhiệm vụ")!;
    expect(s.frozenRows).toBe(1);
    expect(s.formats).toEqual(
      expect.arrayContaining([
        { address: "A1:C1", key: "font.bold", value: true },
        { address: "A1:C1", key: "fill.color", value: "#DDEBF7" },
        { address: "A3:C3", key: "fill.color", value: "#FCE4D6" },
        { address: "A1:A1048576", key: "columnWidth", value: 56.25 },
      ]),
    );
    expect(s.numberFormats.get("1,2")).toBe("0.00%");
    expect(s.numberFormats.get("0,2")).toBeUndefined(); // the header row keeps General
    expect(s.numberFormats.get("201,2")).toBe("0.00%"); // spare rows keep the column's format
    expect(s.numberFormats.get("2,0")).toBe("@");
    expect(s.validations).toContainEqual({
      address: "B2:B203",
      key: "rule",
      value: { list: { inCellDropDown: true, source: "Hoàn thành,Đang thực hiện" } },
    });
    expect(s.visibility).toBe("Visible");
  });

  test("protected headers: data columns unlocked, headers locked, sheet protected last", async () => {
    const fx = new FakeExcel();
    await wbOver(fx).writeSheets([
      {
        name: "P",
        rows: [
          ["h1", "h2"],
          [1, 2],
        ],
        headerRows: 1,
        protectHeaders: true,
      },
    ]);
    const s = fx.sheet("P")!;
    expect(s.protected).toBe(true);
    expect(s.formats).toEqual(
      expect.arrayContaining([
        { address: "A1:B1048576", key: "protection.locked", value: false },
        { address: "A1:B1", key: "protection.locked", value: true },
      ]),
    );
    expect(fx.grid("P")).toEqual([
      ["h1", "h2"],
      [1, 2],
    ]);
  });

  test("a dropdown list too long to be inline goes to the hidden lists sheet", async () => {
    const fx = new FakeExcel();
    const items = Array.from({ length: 40 }, (_, i) => `Cơ quan số ${i}, tỉnh`);
    await wbOver(fx).writeSheets([{ name: "L", rows: [["h"]], headerRows: 1, columns: [{ list: items }] }]);
    const lists = fx.sheet("_lists")!;
    expect(lists.visibility).toBe("Hidden");
    expect(fx.grid("_lists").map((r) => r[0])).toEqual(items);
    expect(fx.sheet("L")!.validations[0].value).toEqual({
      list: { inCellDropDown: true, source: "='_lists'!$A$1:$A$40" },
    });
  });

  test("charts and conditional highlights are added to the written sheets", async () => {
    const fx = new FakeExcel();
    const rows = [
      ["Lĩnh vực", "Tỷ lệ"],
      ["I", 0.5],
      ["II", 0.75],
    ];
    await wbOver(fx).writeSheets([{ name: "Biểu đồ", rows, headerRows: 1 }], {
      charts: [
        {
          sheet: "Biểu đồ",
          title: "Tỷ lệ hoàn thành theo lĩnh vực",
          type: "ColumnClustered",
          categories: "A2:A3",
          series: [{ name: "Tỷ lệ", values: "B2:B3" }],
          from: "D2",
          to: "K18",
          percent: true,
        },
      ],
      highlights: new Map([["Biểu đồ", [{ range: "A2:B3", contains: "Quá hạn", fill: "#F8CBAD" }]]]),
    });
    const s = fx.sheet("Biểu đồ")!;
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0].props).toMatchObject({
      "title.text": "Tỷ lệ hoàn thành theo lĩnh vực",
      "axes.valueAxis.numberFormat": "0%",
    });
    expect(s.charts[0].calls).toEqual(
      expect.arrayContaining(["source B2:B3", "series0.setXAxisValues A2:A3", "setPosition D2"]),
    );
    expect(s.conditionalFormats[0]).toMatchObject({ type: "ContainsText", address: "A2:B3" });
    expect(s.conditionalFormats[0].props["textComparison.rule"]).toEqual({
      operator: "Contains",
      text: "Quá hạn",
    });
  });
});

describe("writing: staging sheets and the swap", () => {
  const oldRollup = () => {
    const fx = new FakeExcel(["Dữ liệu", "Tổng hợp", "Số liệu tổng hợp", "Ghi chép"]);
    fx.setGrid("Tổng hợp", [["old info"]]);
    fx.setGrid("Số liệu tổng hợp", [["old figures"], [1]]);
    return fx;
  };
  const newRollup = (rows: number) => [
    { name: "Tổng hợp", rows: [["new info"]] },
    figuresSheet("Số liệu tổng hợp", rows),
    { name: "Tỷ lệ hoàn thành", rows: [["new sheet"]] },
  ];

  test("success: new sheets take the old ones' places, new ones go last, nothing temporary is left", async () => {
    const fx = oldRollup();
    await wbOver(fx).writeSheets(newRollup(10));
    expect(fx.sheets.map((s) => s.name)).toEqual([
      "Dữ liệu",
      "Tổng hợp",
      "Số liệu tổng hợp",
      "Ghi chép",
      "Tỷ lệ hoàn thành",
    ]);
    expect(fx.grid("Tổng hợp")).toEqual([["new info"]]);
    expect(fx.sheets.every((s) => s.visibility === "Visible")).toBe(true);
  });

  test("a write that throws midway (second band of cells) leaves the old rollup sheets untouched", async () => {
    const fx = oldRollup();
    let values = 0;
    fx.failWhen = (op) => op.kind === "values" && ++values === 3;
    await expect(wbOver(fx, 200_000).writeSheets(newRollup(20_000))).rejects.toMatchObject({
      code: "OFFICE_FAILED",
    });
    expect(fx.sheets.map((s) => s.name)).toEqual(["Dữ liệu", "Tổng hợp", "Số liệu tổng hợp", "Ghi chép"]);
    expect(fx.grid("Tổng hợp")).toEqual([["old info"]]);
    expect(fx.grid("Số liệu tổng hợp")).toEqual([["old figures"], [1]]);
  });

  test("a failure inside the swap itself (after the old sheets were renamed aside) puts them back", async () => {
    const fx = oldRollup();
    let failed = false;
    fx.failWhen = (op) => op.kind === "delete" && !failed && (failed = true);
    await expect(wbOver(fx).writeSheets(newRollup(10))).rejects.toBeDefined();
    const names = fx.sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith(STAGING_PREFIX) || n.startsWith(BACKUP_PREFIX))).toEqual([]);
    expect(fx.grid("Tổng hợp")).toEqual([["old info"]]);
    expect(fx.grid("Số liệu tổng hợp")).toEqual([["old figures"], [1]]);
    expect(names).not.toContain("Tỷ lệ hoàn thành");
  });

  test("staging sheets left by an interrupted earlier run are cleared", async () => {
    const fx = oldRollup();
    fx.addSheet(`${STAGING_PREFIX}1`).visibility = "Hidden";
    await wbOver(fx).writeSheets(newRollup(3));
    expect(fx.sheets.map((s) => s.name).filter((n) => n.startsWith("~cchc~"))).toEqual([]);
  });
});

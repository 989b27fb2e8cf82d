// Issue 13 against the strict fake (tests/office/fakeExcel.ts): the fake is held to Office.js's
// documented behaviour first, then the adapter is checked on what broke for real users —
// rollup re-runs keeping references (part 4), byte-sized read bands (part 7), requirement-set guards
// (part 6) and Excel's cell-edit mode.
import type { A1 } from "../../src/domain/cell";
import type { SheetSpec } from "../../src/domain/sheetSpec";
import { BACKUP_PREFIX, OfficeWorkbook, STAGING_PREFIX } from "../../src/workbook/office";
import { createOfficeOps } from "../../src/taskpane/officeOps";
import { FakeExcel, MAX_CELL_CHARS, WEB_LIMIT, bytesOf, store } from "./fakeExcel";

const wbOver = (fx: FakeExcel, opts: { chunkBytes?: number } = {}) =>
  new OfficeWorkbook({ run: fx.run, apiSupport: fx.supportsApi, ...opts });

/** A batch straight against the fake's context (to test the fake itself). */
const batch = <T>(fx: FakeExcel, f: (ctx: Excel.RequestContext) => Promise<T>) => fx.run(f);

describe("the fake is as strict as Office.js", () => {
  test("load() honours the properties asked for: reading another throws PropertyNotLoaded", async () => {
    const fx = new FakeExcel(["A"]);
    fx.setGrid("A", [[1, 2]]);
    await batch(fx, async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("A").getRange("A1:B1");
      used.load("values");
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      expect(used.values).toEqual([[1, 2]]);
      expect(() => used.rowIndex).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(sheets.items[0].name).toBe("A");
      expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    // A collection's load names its items' properties with or without "items/".
    await batch(fx, async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("name");
      const ws = ctx.workbook.worksheets.getItem("A");
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["A"]);
      expect(() => sheets.items[0].visibility).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" }),
      );
      expect(() => ws.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" })); // never loaded
    });
  });

  test("5 MB per request and per whole response, counted in UTF-8 bytes", async () => {
    const fx = new FakeExcel(["A", "B"]);
    const text = "Đẩy mạnh cải cách hành chính ".repeat(100); // ~2,900 chars, ~3,900 UTF-8 bytes
    expect(bytesOf(text)).toBeGreaterThan(text.length * 1.3);
    const grid = Array.from({ length: 800 }, () => [text]); // ~3.1 MB a sheet
    fx.setGrid("A", grid);
    fx.setGrid("B", grid);
    const both = batch(fx, async (ctx) => {
      for (const n of ["A", "B"]) ctx.workbook.worksheets.getItem(n).getRange("A1:A800").load("values");
      await ctx.sync();
    });
    await expect(both).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    await batch(fx, async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("A1:A800").load("values");
      await ctx.sync(); // one sheet alone fits
    });
    const write = batch(fx, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("A");
      ws.getRange("A1:A1600").values = [...grid, ...grid];
      await ctx.sync();
    });
    await expect(write).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  test("null leaves a cell unchanged, an empty string clears it", async () => {
    const fx = new FakeExcel(["A"]);
    fx.setGrid("A", [["keep", "clear", "old"]]);
    await batch(fx, async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("A1:C1").values = [[null, "", "new"]];
      await ctx.sync();
    });
    expect(fx.values("A")).toEqual([["keep", "", "new"]]);
  });

  test("typed text is parsed as a vi-VN Excel would; an apostrophe keeps it text", () => {
    expect(store("1.704")).toBe(1704);
    expect(store("1.652,5")).toBe(1652.5);
    expect(store("99,79%")).toBeCloseTo(0.9979, 10);
    expect(store("01/02/2023")).toBe(44958); // 1 February 2023
    expect(store("TRUE")).toBe(true);
    expect(store("#REF!")).toEqual({ error: "#REF!" });
    expect(store("=1+1")).toEqual({ formula: "=1+1" });
    expect(store("'1.704")).toBe("1.704");
    expect(store("Quý IV năm 2022")).toBe("Quý IV năm 2022");
  });

  test("formula cells read back their computed values", async () => {
    const fx = new FakeExcel(["A", "Báo cáo"]);
    fx.setGrid("A", [[5, "=1+1"]]);
    fx.setGrid("Báo cáo", [["='A'!A1"]]);
    expect(fx.values("A")).toEqual([[5, 2]]);
    expect(fx.values("Báo cáo")).toEqual([[5]]);
    const grids = await wbOver(fx).readSheets(["A"]);
    expect(grids.get("A")).toEqual([[5, 2]]);
  });

  test("activating a hidden sheet throws; the adapter shows the sheet first to select a cell on it", async () => {
    const fx = new FakeExcel(["A", "B"]);
    fx.sheet("B")!.visibility = "Hidden";
    const activate = batch(fx, async (ctx) => {
      ctx.workbook.worksheets.getItem("B").activate();
      await ctx.sync();
    });
    await expect(activate).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(fx.active).toBeUndefined();
    await wbOver(fx).selectCell("B", "C7" as A1);
    expect([fx.active?.name, fx.sheet("B")!.visibility, fx.sheet("B")!.selected]).toEqual([
      "B",
      "Visible",
      "C7:C7",
    ]);
    await wbOver(fx).selectCell("A", "A1" as A1);
    expect([fx.active?.name, fx.sheet("A")!.visibility]).toEqual(["A", "Visible"]);
  });

  test("sheet names over 31 characters and cells over 32,767 characters are refused", async () => {
    const fx = new FakeExcel(["A"]);
    const long = batch(fx, async (ctx) => {
      ctx.workbook.worksheets.add("x".repeat(32));
      await ctx.sync();
    });
    await expect(long).rejects.toMatchObject({ code: "InvalidArgument" });
    const big = batch(fx, async (ctx) => {
      ctx.workbook.worksheets.getItem("A").getRange("A1").values = [["y".repeat(MAX_CELL_CHARS + 1)]];
      await ctx.sync();
    });
    await expect(big).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("the adapter cuts text over 32,767 characters instead of failing the whole write", async () => {
    const fx = new FakeExcel(["A"]);
    await wbOver(fx).writeSheets([{ name: "Ghi chú", rows: [["ồ".repeat(40_000)]] }]);
    const cell = fx.grid("Ghi chú")[0][0] as string;
    expect(cell.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cell).toMatch(/truncated\]$/);
  });

  test("in cell-edit mode every call fails; the adapter says to leave edit mode (vi and en)", async () => {
    const fx = new FakeExcel(["A"]);
    fx.editMode = true;
    const err = await wbOver(fx)
      .readSheets(["A"])
      .catch((e) => e);
    expect(err).toMatchObject({ code: "CELL_EDIT_MODE" });
    expect(err.message_vi).toBe("Hãy thoát chế độ sửa ô rồi thử lại");
    expect(err.message_en).toMatch(/cell editing/);
    await expect(wbOver(fx).writeSheets([{ name: "T", rows: [["x"]] }])).rejects.toMatchObject({
      code: "CELL_EDIT_MODE",
    });
    // Every operation, whichever runner it is given (the pane reads the sheet list first).
    await expect(wbOver(fx).listSheets()).rejects.toMatchObject({ code: "CELL_EDIT_MODE" });
    await expect(wbOver(fx).selectCell("A", "A1" as A1)).rejects.toMatchObject({ code: "CELL_EDIT_MODE" });
    await expect(createOfficeOps(wbOver(fx)).readOpenWorkbook()).rejects.toMatchObject({
      message_vi: "Hãy thoát chế độ sửa ô rồi thử lại",
    });
  });
});

describe("part 4: a re-run updates the rollup in place, so references to it survive", () => {
  const rollup = (n: number): SheetSpec[] => [
    {
      name: "Số liệu tổng hợp",
      rows: [["Mã", "Giá trị"], ...Array.from({ length: n }, (_, i) => [`CQ${i}`, (i + 1) * 10])],
      headerRows: 1,
      columns: [{ width: 12 }, { format: "count", width: 14 }],
      protectHeaders: true,
    },
    { name: "Tổng hợp", rows: [[`${n} cơ quan`]] },
  ];
  const chart = {
    sheet: "Số liệu tổng hợp",
    title: "Giá trị",
    type: "ColumnClustered" as const,
    categories: "A2:A3",
    series: [{ name: "Giá trị", values: "B2:B3" }],
    from: "D2",
    to: "J12",
  };

  async function rerun() {
    const fx = new FakeExcel(["Dữ liệu"]);
    const wb = wbOver(fx);
    await wb.writeSheets(rollup(5), { charts: [chart] });
    // The consolidator's own report page, pointing at the rollup.
    fx.addSheet("Báo cáo của tôi");
    fx.setGrid("Báo cáo của tôi", [["='Số liệu tổng hợp'!B2", "='Tổng hợp'!A1"]]);
    const ids = fx.sheets.map((s) => [s.name, s.id]);
    expect(fx.values("Báo cáo của tôi")).toEqual([[10, "5 cơ quan"]]);
    return { fx, wb, ids };
  }

  test("same sheets (identity, name, position); formulas elsewhere read the new figures", async () => {
    const { fx, wb, ids } = await rerun();
    const next = rollup(2).map((s) =>
      s.name === "Số liệu tổng hợp" ? { ...s, rows: [s.rows[0], ["CQ0", 77], ["CQ1", 88]] } : s,
    );
    await wb.writeSheets(next, { charts: [chart] });
    expect(fx.sheets.map((s) => [s.name, s.id])).toEqual(ids);
    expect(fx.values("Báo cáo của tôi")).toEqual([[77, "2 cơ quan"]]);
    // Rows of the bigger previous rollup are gone; headers, widths, frozen row, protection are back.
    expect(fx.values("Số liệu tổng hợp")).toEqual([
      ["Mã", "Giá trị"],
      ["CQ0", 77],
      ["CQ1", 88],
    ]);
    const s = fx.sheet("Số liệu tổng hợp")!;
    expect(s.protected).toBe(true);
    expect(s.frozenRows).toBe(1);
    expect(s.numberFormats.get("1,1")).toBe("#,##0");
    expect(s.formats).toContainEqual({
      address: "B1:B1048576",
      key: "columnWidth",
      value: expect.any(Number),
    });
    expect(fx.sheets.filter((x) => x.name.startsWith("~cchc~"))).toEqual([]);
  });

  test("the add-in's own chart is redrawn once; a chart the user added stays", async () => {
    const { fx, wb } = await rerun();
    fx.sheet("Số liệu tổng hợp")!.charts.push({ type: "Pie", props: { name: "Biểu đồ của tôi" }, calls: [] });
    await wb.writeSheets(rollup(3), { charts: [chart] });
    expect(fx.sheet("Số liệu tổng hợp")!.charts.map((c) => c.props.name)).toEqual([
      "Biểu đồ của tôi",
      "CCHC_1",
    ]);
  });

  test("the old way (rename aside, delete) would have broken them: the fake turns them into #REF!", async () => {
    const { fx } = await rerun();
    await batch(fx, async (ctx) => {
      ctx.workbook.worksheets.getItem("Tổng hợp").delete();
      await ctx.sync();
    });
    expect(fx.values("Báo cáo của tôi")[0][1]).toBe("#REF!");
  });

  test("a failure while staging leaves the previous rollup untouched", async () => {
    const { fx, wb, ids } = await rerun();
    const before = fx.values("Số liệu tổng hợp");
    let n = 0;
    fx.failWhen = (op) => op.kind === "values" && ++n === 2;
    await expect(wb.writeSheets(rollup(9))).rejects.toBeDefined();
    expect(fx.values("Số liệu tổng hợp")).toEqual(before);
    expect(fx.sheets.map((s) => [s.name, s.id])).toEqual(ids);
  });

  test("a sheet protected with a password: refused before anything visible changes, nothing left over", async () => {
    const { fx, wb, ids } = await rerun();
    const before = [fx.values("Số liệu tổng hợp"), fx.values("Tổng hợp")];
    const summary = fx.sheet("Tổng hợp")!;
    summary.protected = true;
    summary.password = "bí mật";
    await expect(wb.writeSheets(rollup(9))).rejects.toMatchObject({ code: "PROTECTED" });
    expect([fx.values("Số liệu tổng hợp"), fx.values("Tổng hợp")]).toEqual(before);
    expect(fx.sheets.map((s) => [s.name, s.id])).toEqual(ids);
    // Our own (password-less) protection on the other sheet is back.
    expect(fx.sheet("Số liệu tổng hợp")!.protected).toBe(true);
    expect(summary.protected).toBe(true);
  });

  test("a failure inside the commit batch restores every replaced sheet from its backup", async () => {
    const { fx, wb, ids } = await rerun();
    const before = [fx.values("Số liệu tổng hợp"), fx.values("Tổng hợp")];
    let copies = 0;
    // The first sheet has been cleared and refilled when the second one's copy fails.
    fx.failWhen = (op) =>
      op.kind === "copyFrom" && fx.sheets.some((s) => s.name.startsWith(BACKUP_PREFIX)) && ++copies === 4;
    await expect(wb.writeSheets(rollup(9))).rejects.toMatchObject({ code: "OFFICE_FAILED" });
    fx.failWhen = undefined;
    expect([fx.values("Số liệu tổng hợp"), fx.values("Tổng hợp")]).toEqual(before);
    expect(fx.sheets.map((s) => [s.name, s.id])).toEqual(ids);
    expect(fx.values("Báo cáo của tôi")).toEqual([[10, "5 cơ quan"]]);
    expect(
      fx.sheets.filter((s) => s.name.startsWith(STAGING_PREFIX) || s.name.startsWith(BACKUP_PREFIX)),
    ).toEqual([]);
  });
});

describe("part 7: large reads in bands sized by UTF-8 bytes", () => {
  const longText = (i: number) =>
    `Nhiệm vụ ${i}: đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong giải quyết thủ tục hành chính; `.repeat(
      12,
    );

  test("long Vietnamese text: every band's response stays under 5 MB and the sheet reads whole", async () => {
    const fx = new FakeExcel(["Nhiệm vụ"]);
    const grid = Array.from({ length: 3_000 }, (_, i) => [i, longText(i), longText(i + 1), "Đang thực hiện"]);
    fx.setGrid("Nhiệm vụ", grid);
    const total = bytesOf(fx.values("Nhiệm vụ"));
    expect(total).toBeGreaterThan(1.5 * WEB_LIMIT); // 100,000 cells (~40 B each) would be the whole sheet
    const grids = await wbOver(fx).readSheets(["Nhiệm vụ"]);
    expect(grids.get("Nhiệm vụ")).toEqual(grid);
    // The fake refuses every response over 5 MB: the one-shot read and the first guessed band (and
    // its halves while too big); once a band has been read, the next ones are sized from its bytes
    // and are never refused again.
    const refused = fx.syncs.map((s, i) => (s.response > WEB_LIMIT ? i : -1)).filter((i) => i >= 0);
    expect(refused.length).toBeLessThanOrEqual(4);
    const firstRead = fx.syncs.findIndex((s, i) => i > 1 && s.response > 0 && s.response <= WEB_LIMIT);
    expect(refused.every((i) => i < firstRead)).toBe(true);
    expect(fx.syncs.length - firstRead).toBeLessThanOrEqual(Math.ceil(total / (4 * 1024 * 1024)) + 1);
  });

  /** Syncs refused for their response, and whether any came after the first band was read. */
  function refusals(fx: FakeExcel) {
    const refused = fx.syncs.map((s, i) => (s.response > fx.responseLimit ? i : -1)).filter((i) => i >= 0);
    const firstBand = fx.syncs.findIndex((s, i) => i > 1 && s.response > 0 && s.response <= fx.responseLimit);
    return { refused, afterFirstBand: refused.filter((i) => i > firstBand), firstBand };
  }

  test("text of 3-byte characters: bands are sized in UTF-8 bytes, not characters", async () => {
    // Every character here is 3 bytes in UTF-8: counted in characters (UTF-16 units) a band would be
    // three times too big, refused, halved, and the next one refused again.
    const dense = (i: number) => `${i} ${"ữệấầậặẫẵổộ".repeat(90)}`;
    const fx = new FakeExcel(["Ghi chú"]);
    const grid = Array.from({ length: 2_500 }, (_, i) => [dense(i), dense(i + 1)]);
    fx.setGrid("Ghi chú", grid);
    const grids = await wbOver(fx).readSheets(["Ghi chú"]);
    expect(grids.get("Ghi chú")).toEqual(grid);
    const r = refusals(fx);
    expect(r.firstBand).toBeGreaterThan(1);
    expect(r.afterFirstBand).toEqual([]);
    const read = fx.syncs.slice(r.firstBand).filter((s) => s.response <= fx.responseLimit);
    // Bands use the budget (~4 MB), not a fraction of it.
    expect(read.slice(0, -1).every((s) => s.response > 3 * 1024 * 1024)).toBe(true);
  });

  test("when Excel counts more than the estimate, the budget shrinks (at most twice), not a refusal per band", async () => {
    const fx = new FakeExcel(["Nhiệm vụ"]);
    fx.responseLimit = 2 * 1024 * 1024; // the adapter aims at 4 MB a band: every band would be refused
    const grid = Array.from({ length: 3_000 }, (_, i) => [i, longText(i), longText(i + 1)]);
    fx.setGrid("Nhiệm vụ", grid);
    const grids = await wbOver(fx).readSheets(["Nhiệm vụ"]);
    expect(grids.get("Nhiệm vụ")).toEqual(grid);
    expect(refusals(fx).afterFirstBand.length).toBeLessThanOrEqual(2); // halved at most twice
  });

  test("several sheets that fit one by one but not together are read in bands", async () => {
    const fx = new FakeExcel(["A", "B"]);
    const grid = Array.from({ length: 700 }, (_, i) => [longText(i).repeat(3)]);
    fx.setGrid("A", grid);
    fx.setGrid("B", grid);
    const grids = await wbOver(fx).readSheets(["A", "B"]);
    expect(grids.get("B")).toEqual(grid);
    expect(fx.syncs.filter((s) => s.response > WEB_LIMIT)).toHaveLength(1); // only the one-shot read
  });
});

describe("part 6: calls newer than the declared ExcelApi minimum ask first", () => {
  test("merged areas (ExcelApi 1.13) are not requested from an Excel without it", async () => {
    const fx = new FakeExcel(["A"]);
    fx.sheet("A")!.merged = ["A1:B1"];
    fx.apiVersion = "1.12";
    await expect(wbOver(fx).mergedRanges(["A"])).rejects.toMatchObject({ code: "API_UNSUPPORTED" });
    expect(fx.syncs).toHaveLength(0);
    const ops = createOfficeOps(wbOver(fx));
    const snap = await ops.readOpenWorkbook();
    expect(snap.merged.size).toBe(0);
    expect(snap.grids.has("A")).toBe(true);
    fx.apiVersion = "1.13";
    expect((await createOfficeOps(wbOver(fx)).readOpenWorkbook()).merged.get("A")).toEqual(["A1:B1"]);
  });
});

// A failed save must leave the previous file byte-identical and no temp files behind.
import { promises as fsp } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { nodeAtomicFs, type AtomicFs } from "../../src/workbook/xlsx/atomicWrite";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

async function workbookWith(text: string): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create();
  await wb.writeSheets([{ name: "Tổng hợp", rows: [["Nội dung"], [text]], headerRows: 1 }]);
  return wb;
}

describe("saveAtomic", () => {
  let dir: string;
  let target: string;
  let before: Buffer;
  beforeEach(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), "xlsx-save-"));
    target = path.join(dir, "tong_hop.xlsx");
    await (await workbookWith("bản cũ")).saveAtomic(target);
    before = await fsp.readFile(target);
  });
  afterEach(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it("replaces the file with the new workbook and leaves no temp file", async () => {
    await (await workbookWith("bản mới")).saveAtomic(target);
    const back = await XlsxWorkbook.open(target);
    expect((await back.readSheets(["Tổng hợp"])).get("Tổng hợp")).toEqual([["Nội dung"], ["bản mới"]]);
    expect(await fsp.readdir(dir)).toEqual(["tong_hop.xlsx"]);
  });

  it("keeps the old file when the write fails midway", async () => {
    const failing: AtomicFs = {
      ...nodeAtomicFs,
      write: async (handle, data) => {
        await handle.write(data.subarray(0, data.length >> 1));
        throw new Error("ENOSPC: no space left on device");
      },
    };
    const wb = await workbookWith("bản mới");
    await expect(wb.saveAtomic(target, { fs: failing })).rejects.toThrow("ENOSPC");
    expect((await fsp.readFile(target)).equals(before)).toBe(true);
    expect(await fsp.readdir(dir)).toEqual(["tong_hop.xlsx"]);
  });

  it("keeps the old file when the rename fails", async () => {
    const failing: AtomicFs = {
      ...nodeAtomicFs,
      rename: async () => {
        throw new Error("EXDEV");
      },
    };
    await expect((await workbookWith("bản mới")).saveAtomic(target, { fs: failing })).rejects.toThrow(
      "EXDEV",
    );
    expect((await fsp.readFile(target)).equals(before)).toBe(true);
    expect(await fsp.readdir(dir)).toEqual(["tong_hop.xlsx"]);
  });

  it("keeps the old file when generating the workbook bytes throws", async () => {
    const wb = await workbookWith("bản mới");
    jest.spyOn(wb, "toBuffer").mockRejectedValue(new Error("ExcelJS failed"));
    await expect(wb.saveAtomic(target)).rejects.toThrow("ExcelJS failed");
    expect((await fsp.readFile(target)).equals(before)).toBe(true);
    expect(await fsp.readdir(dir)).toEqual(["tong_hop.xlsx"]);
  });

  it("creates the file when none exists", async () => {
    const fresh = path.join(dir, "moi.xlsx");
    await (await workbookWith("x")).saveAtomic(fresh);
    expect((await XlsxWorkbook.open(fresh)).name).toBe(fresh);
  });
});

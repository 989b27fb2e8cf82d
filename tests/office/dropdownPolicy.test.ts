// Both adapters take the same dropdown decision (workbook/presentation.ts): a list whose text — the
// items, stored as NFC, joined by commas — is at most 255 characters is inline, a longer one or one
// with a comma in an item goes to the hidden lists sheet; Vietnamese letters count as Excel counts them.
import ExcelJS from "exceljs";
import type { SheetSpec } from "../../src/domain/sheetSpec";
import { OfficeWorkbook } from "../../src/workbook/office";
import { MAX_INLINE_LIST } from "../../src/workbook/presentation";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { FakeExcel } from "./fakeExcel";

/** Vietnamese items ("Hoàn thành quá hạn …") whose joined text is exactly `length` characters. */
function listOf(length: number): string[] {
  const items: string[] = [];
  let used = -1;
  for (let i = 0; used + 1 + 20 <= length; i++) {
    const item = `Hoàn thành quá hạn ${String(i % 10)}`; // 20 characters in NFC
    items.push(item);
    used += 1 + item.length;
  }
  const rest = length - (used + 1);
  if (rest > 0) items.push("ệ".repeat(rest));
  return items;
}

const sheet = (list: string[]): SheetSpec => ({
  name: "L",
  rows: [["h"]],
  headerRows: 1,
  columns: [{ list }],
});

/** "inline" or "lists sheet", as the .xlsx adapter wrote it (read back from the saved file). */
async function viaXlsx(list: string[]): Promise<string> {
  const wb = XlsxWorkbook.create();
  await wb.writeSheets([sheet(list)]);
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load((await wb.toBuffer()) as unknown as ExcelJS.Buffer);
  const formula = saved.getWorksheet("L")!.getCell("A2").dataValidation?.formulae?.[0] as string;
  return formula.startsWith('"') ? "inline" : "lists sheet";
}

/** The same, as the Office.js adapter wrote it. */
async function viaOffice(list: string[]): Promise<string> {
  const fx = new FakeExcel();
  await new OfficeWorkbook({ run: fx.run, apiSupport: fx.supportsApi }).writeSheets([sheet(list)]);
  const rule = fx.sheet("L")!.validations[0].value as { list: { source: string } };
  return rule.list.source.startsWith("=") ? "lists sheet" : "inline";
}

describe("the inline-list boundary is the same in both adapters", () => {
  const cases: [string, string[], string][] = [
    ["255 characters of Vietnamese text", listOf(MAX_INLINE_LIST), "inline"],
    ["256 characters", listOf(MAX_INLINE_LIST + 1), "lists sheet"],
    [
      "255 characters typed decomposed (NFD, longer before NFC)",
      listOf(MAX_INLINE_LIST).map((s) => s.normalize("NFD")),
      "inline",
    ],
    ["a short list with a comma in an item", ["Sở Nội vụ", "Ban Dân tộc, Tôn giáo"], "lists sheet"],
    [
      "255 characters with a quote in an item (doubled only in the file)",
      [...listOf(MAX_INLINE_LIST - 4), 'a"b'],
      "inline",
    ],
  ];

  it.each(cases)("%s", async (_, list, expected) => {
    expect(list.join(",").normalize("NFC").length).toBeGreaterThan(0);
    expect(await viaXlsx(list)).toBe(expected);
    expect(await viaOffice(list)).toBe(expected);
  });

  it("the lists are what they claim", () => {
    expect(listOf(255).join(",").length).toBe(255);
    expect(listOf(256).join(",").length).toBe(256);
    expect(
      listOf(255)
        .map((s) => s.normalize("NFD"))
        .join(",").length,
    ).toBeGreaterThan(255);
    expect([...listOf(251), 'a"b'].join(",").length).toBe(255);
  });
});

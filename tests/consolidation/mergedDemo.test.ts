// The demo's merged-province cycle (issue 17): 2025 with old units to 30/6 and new ones from 1/7,
// the 2026 yearly rollup of the new province, year-on-year by successor mapping, the 2027 plan.
import { mkdtempSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runMergedDemo, type MergedDemoResult } from "../../src/cli/demo/merged";
import { agencyByCode } from "../../src/domain/agencies";
import { ROLLUP_SHEETS } from "../../src/domain/consolidation/layout";
import { COMPARISON_SHEET } from "../../src/domain/consolidation/sheets";
import { isoDate } from "../../src/domain/civilDate";
import { readPlanWorkbook } from "../../src/domain/planWorkbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

let demo: MergedDemoResult;
beforeAll(async () => {
  demo = await runMergedDemo(mkdtempSync(path.join(os.tmpdir(), "cchc-merged-")));
}, 180_000);

describe("the merged province's 2026 yearly rollup", () => {
  it("covers the new province's departments and 124 communes", () => {
    const r = demo.outcome.rollup;
    const kinds = [...r.expected].map((c) => agencyByCode(r.registry, c)!.kind);
    expect(kinds.filter((k) => k === "commune")).toHaveLength(124);
    // NQ 1687/NQ-UBTVQH15: 105 xã + 19 phường from 1/7/2025, under their real names and codes.
    const communes = [...r.expected]
      .map((c) => agencyByCode(r.registry, c)!)
      .filter((a) => a.kind === "commune");
    expect(communes.filter((a) => a.name.startsWith("UBND xã "))).toHaveLength(105);
    expect(communes.filter((a) => a.name.startsWith("UBND phường "))).toHaveLength(19);
    const names = communes.map((a) => a.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "UBND phường Long Châu", // khoản 103: Phường 1, Phường 9, phường Trường An
        "UBND phường Thanh Đức", // khoản 102
        "UBND xã Cái Nhum", // khoản 1
        "UBND xã Cái Ngang", // khoản 24
        "UBND phường Phú Khương", // khoản 117 (Bến Tre cũ)
        "UBND xã Ngũ Lạc", // khoản 58 (Trà Vinh cũ)
        "UBND xã Hòa Minh", // khoản 121: giữ nguyên
      ]),
    );
    expect(communes.every((a) => a.confidence === "confirmed" && !/chưa xác minh/.test(a.name))).toBe(true);
    expect(agencyByCode(r.registry, "X25_CAINHUM")!.source).toMatch(/khoản 1; mã ĐVHC 29641/);
    expect(kinds.filter((k) => k === "department")).toHaveLength(13);
    expect(r.counts).toMatchObject({ expected: 140, accepted: 140, missing: 0, rejected: 0 });
    expect(r.counts.onTime + r.counts.late).toBe(140);
    expect(r.counts.late).toBeGreaterThan(0); // sent after the agency deadline (16/12), before the Ministry's
  });

  it("states its data window and both deadlines, and judges 'on time' by the agency deadline", async () => {
    const s = demo.outcome.rollup.schedule!;
    expect([s.dataWindow.start, s.dataWindow.end, s.agencyDue, s.ministryDue].map(isoDate)).toEqual([
      "2025-12-15",
      "2026-12-14",
      "2026-12-16",
      "2026-12-20",
    ]);
    expect(isoDate(demo.outcome.rollup.reportingDeadline)).toBe("2026-12-16");
    const wb = await XlsxWorkbook.open(demo.rollupFile);
    const grids = await wb.readSheets([ROLLUP_SHEETS.info, ROLLUP_SHEETS.notes, COMPARISON_SHEET]);
    const info = new Map(grids.get(ROLLUP_SHEETS.info)!.map((row) => [row[0], row[1]]));
    expect(info.get("Kỳ dữ liệu (theo kỳ báo cáo)")).toBe("15/12/2025 – 14/12/2026");
    expect(info.get("Hạn cơ quan gửi Sở Nội vụ")).toBe("16/12/2026");
    expect(info.get("Hạn tỉnh gửi Bộ Nội vụ")).toBe("20/12/2026");
    const notes = grids.get(ROLLUP_SHEETS.notes)!.map((row) => String(row[0]));
    expect(notes.some((n) => n.includes("danh mục kế thừa"))).toBe(true);
    expect(notes.some((n) => n.includes("Văn bản 581/BNV-CCHC"))).toBe(true);
    expect(notes.some((n) => n.startsWith("Cách tính: TL_HS_TRUC_TUYEN_TOAN_TRINH"))).toBe(true);
    // The merged province's predecessors come from the registry's successor links, not from the code.
    expect(notes.find((n) => n.startsWith("So với cùng kỳ (toàn tỉnh)"))).toContain(
      "với Ủy ban nhân dân tỉnh Vĩnh Long từ 01/07/2025 là tổng của đơn vị này cùng các đơn vị tiền thân (Ủy ban nhân dân tỉnh Bến Tre, Ủy ban nhân dân tỉnh Trà Vinh).",
    );
    const comparison = grids.get(COMPARISON_SHEET)!;
    expect(comparison.length).toBeGreaterThan(100);
    // Each indicator named as users know it beside its code.
    const [code, name] = ["Mã chỉ tiêu", "Chỉ tiêu"].map((h) => comparison[0].indexOf(h));
    const tiepNhan = comparison.find((row) => row[code] === "HS_TIEP_NHAN")!;
    expect(tiepNhan[name]).toBe("Tổng số hồ sơ tiếp nhận (gồm kỳ trước chuyển qua) (hồ sơ)");
  });

  it("compares with 2025 by successor mapping: Sở Nội vụ with its Bến Tre and Trà Vinh predecessors", () => {
    const r = demo.outcome.rollup;
    const snv = r.comparison!.find((g) => g.current.includes("SNV"))!;
    expect(snv.method).toBe("successors");
    expect(snv.previous).toEqual(["SNV", "BT_SNV", "TV_SNV"]);
    const prev = demo.previous.figureRows.filter(
      (f) => f.kind === "agency" && snv.previous.includes(f.agency),
    );
    const sum = prev.reduce((s, f) => s + (f.values.get("HS_TIEP_NHAN") ?? 0), 0);
    expect(snv.yoy.find((y) => y.code === "HS_TIEP_NHAN")!.previous).toBe(sum);
    // A new commune is compared, together with the communes formed on the same old district, with
    // that district's first half and their own second half of 2025.
    const commune = r.comparison!.find((g) => g.current.includes("P25_LONGCHAU"))!;
    expect(commune.previous).toEqual(expect.arrayContaining(["H_TPVL", "P25_LONGCHAU"]));
    // The province's total is compared with the 2025 total of all predecessors.
    const total = r.yoy!.find((y) => y.code === "HS_TIEP_NHAN")!;
    expect(total.previous).toBe(demo.previous.totals.get("HS_TIEP_NHAN"));
  });

  it("writes the 2027 plan, readable with 0 problems", async () => {
    const wb = await XlsxWorkbook.open(demo.planFile);
    const pw = readPlanWorkbook(await wb.readSheets((await wb.listSheets()).map((s) => s.name)));
    expect(pw.problems).toEqual([]);
    expect(pw.plan!.year).toBe(2027);
  });
});

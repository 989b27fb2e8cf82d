// The merged province (issue 17): the 2025 registry with successors, the 581/BNV-CCHC schedule and
// the 2027 plan carried forward — all data in the plan workbook.
import registryJson from "../examples/data/agencies-2025.json";
import periodsJson from "../examples/data/periods.json";
import { mergedPlanInput } from "../src/cli/exampleData";
import { childrenAt, loadRegistry, successorsAt, type AgencyRegistry } from "../src/domain/agencies";
import { civil, isoDate } from "../src/domain/civilDate";
import { makePeriod } from "../src/domain/period";
import { planWorkbookSheets, readPlanWorkbook } from "../src/domain/planWorkbook";
import { DEFAULT_SCHEDULE, loadSchedule, scheduleFor } from "../src/domain/reportSchedule";
import { gridsOf } from "./helpers/fixtures";

const reg = (() => {
  const r = loadRegistry(registryJson);
  if (!r.ok) throw new Error(r.issues.join("\n"));
  return r.registry;
})();
const at = (y: number, m: number, d: number) => civil(y, m, d);

describe("the registry after 1/7/2025", () => {
  const under = (day: ReturnType<typeof civil>) =>
    childrenAt(reg, "UBND_TINH", day).map((c) => reg.agencies.find((a) => a.code === c)!);

  it("has 124 communes (105 xã + 19 phường) and their one-stop centres from 1/7/2025, no districts", () => {
    const communes = under(at(2026, 12, 14)).filter((a) => a.kind === "commune");
    expect(communes).toHaveLength(124);
    expect(communes.filter((a) => a.name.startsWith("UBND phường"))).toHaveLength(19);
    expect(communes.filter((a) => a.name.startsWith("UBND xã"))).toHaveLength(105);
    expect(under(at(2026, 1, 1)).filter((a) => a.kind === "district")).toEqual([]);
    // The same 124 on the day they began (NQ 1687/NQ-UBTVQH15, communes operating from 1/7/2025).
    expect(
      under(at(2025, 7, 1))
        .filter((a) => a.kind === "commune")
        .map((a) => a.code),
    ).toEqual(communes.map((a) => a.code));
    for (const c of communes) expect(childrenAt(reg, c.code, at(2026, 1, 1))).toEqual([`TTPV_${c.code}`]);
    // Every name, kind and code from NQ 1687/NQ-UBTVQH15 (none generated any more), with its source.
    expect(
      communes.every(
        (a) =>
          a.confidence === "confirmed" &&
          /NQ 1687\/NQ-UBTVQH15 Điều 1 khoản \d+; mã ĐVHC \d{5}/.test(a.source ?? ""),
      ),
    ).toBe(true);
    expect(communes.some((a) => /chưa xác minh/.test(a.name))).toBe(false);
  });

  it("maps every old commune to its successor(s) as NQ 1687 says, parts of split ones to each", () => {
    const old = reg.agencies.filter((a) => a.kind === "commune" && a.validTo === "2025-06-30");
    expect(old).toHaveLength(350);
    expect(old.every((a) => (a.successors ?? []).length > 0)).toBe(true);
    const succ = (code: string) => successorsAt(reg, code, at(2025, 7, 1));
    expect(succ("X_TPVL_P1")).toEqual(["P25_LONGCHAU"]); // khoản 103
    expect(succ("X_TO_TRAON")).toEqual(["X25_TRAON", "X25_NGAITU"]); // khoản 16 and 22
    expect(succ("X_BM_CAIVON")).toEqual(["P25_BINHMINH", "P25_CAIVON"]); // khoản 107 and 108
    expect(succ("TV_X_CAUNGANG_THANHHOASON")).toEqual(["X25_NGULAC"]); // khoản 58
    // A district's successors are its communes' successors.
    expect(succ("BT_H_CHOLACH")).toEqual([
      "X25_PHUPHUNG",
      "X25_CHOLACH",
      "X25_VINHTHANH",
      "X25_HUNGKHANHTRUNG",
    ]);
  });

  it("keeps the old province until 30/6/2025 and Bến Tre, Trà Vinh in the history, with successors", () => {
    const before = under(at(2025, 6, 30));
    expect(before.filter((a) => a.kind === "district")).toHaveLength(8);
    expect(before.filter((a) => a.kind === "commune")).toEqual([]);
    expect(childrenAt(reg, "H_LONGHO", at(2025, 6, 30))).toHaveLength(14);
    expect(successorsAt(reg, "UBND_BENTRE", at(2025, 7, 1))).toEqual(["UBND_TINH"]);
    expect(successorsAt(reg, "BT_SNV", at(2025, 7, 1))).toEqual(["SNV"]);
    expect(successorsAt(reg, "X_LH_ANBINH", at(2026, 1, 1))).toHaveLength(1);
    // Through two ends: Ban Dân tộc (to 28/2/2025) → Sở Dân tộc và Tôn giáo.
    expect(successorsAt(reg, "BDT", at(2026, 1, 1))).toEqual(["SDTTG"]);
  });

  it("carries renamed bodies under both names, with dates", () => {
    const tax = reg.agencies.find((a) => a.code === "CTHUE")!;
    expect(tax.name).toBe("Thuế tỉnh Vĩnh Long");
    expect(tax.formerNames).toEqual(expect.arrayContaining([{ name: "Cục Thuế tỉnh", to: "2025-06-30" }]));
  });
});

describe("registry problems are reported with their cells", () => {
  const input = mergedPlanInput(2027);
  const withAgencies = (edit: (agencies: Record<string, unknown>[]) => void) => {
    const registry = structuredClone(input.registry) as unknown as AgencyRegistry;
    edit(registry.agencies as unknown as Record<string, unknown>[]);
    return readPlanWorkbook(gridsOf(planWorkbookSheets({ ...input, registry })));
  };

  it("a duplicate code, an ended unit without successor, a successor cycle", () => {
    const pw = withAgencies((agencies) => {
      agencies.push({ ...agencies[1] }); // VPUBND again
      delete agencies.find((a) => a.code === "H_LONGHO")!.successors;
      agencies.find((a) => a.code === "SKHDT")!.successors = ["STC"];
      const stc = agencies.find((a) => a.code === "STC")!;
      stc.validTo = "2025-02-28";
      stc.validFrom = "2025-03-01";
      stc.successors = ["SKHDT"];
    });
    const found = pw.problems.map((p) => [p.code, p.sheet, p.cell]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["REGISTRY_DUPLICATE_CODE", "Cơ quan", expect.stringMatching(/^A\d+$/)],
        ["REGISTRY_NO_SUCCESSOR", "Cơ quan", expect.stringMatching(/^[A-Z]+\d+$/)],
        ["REGISTRY_CYCLE", "Cơ quan", expect.stringMatching(/^[A-Z]+\d+$/)],
      ]),
    );
    const dup = pw.problems.find((p) => p.code === "REGISTRY_DUPLICATE_CODE")!;
    expect(dup.cell).toBe(`A${input.registry.agencies.length + 2}`);
  });

  it("catalogue, registry and schedule faults: at their cell, worded in Vietnamese and English", () => {
    const registry = structuredClone(input.registry) as unknown as { agencies: Record<string, unknown>[] };
    registry.agencies[2].kind = "bộ";
    const catalogue = structuredClone(input.catalogue) as unknown as {
      indicators: Record<string, unknown>[];
      sums: Record<string, unknown>[];
    };
    catalogue.indicators[0].kind = "số";
    catalogue.sums.push({ whole: "HS_TIEP_NHAN", parts: ["HS_KY_TRUOC", "X_KHONG_CO"] });
    const schedule = structuredClone(input.schedule!) as unknown as { rows: Record<string, unknown>[] };
    schedule.rows[1].quarter = 9;
    const pw = readPlanWorkbook(
      gridsOf(
        planWorkbookSheets({
          ...input,
          registry: registry as unknown as typeof input.registry,
          catalogue: catalogue as unknown as typeof input.catalogue,
          schedule: schedule as unknown as NonNullable<typeof input.schedule>,
        }),
      ),
    );
    const shown = pw.problems
      .filter((p) => p.code !== "PLAN_PREDATES_2025")
      .map((p) => [p.code, p.sheet, p.cell, p.message_vi]);
    const at = (fields: Record<string, unknown>[], key: string) =>
      String.fromCharCode(65 + [...new Set(fields.flatMap((r) => Object.keys(r)))].indexOf(key));
    expect(shown).toEqual(
      expect.arrayContaining([
        [
          "PLAN_DATA_INVALID",
          "Cơ quan",
          `${at(registry.agencies, "kind")}4`,
          expect.stringMatching(
            /^Dữ liệu danh mục không hợp lệ: cơ quan \S+, cột kind: phải là một trong: province, /,
          ),
        ],
        [
          "PLAN_DATA_INVALID",
          "Chỉ tiêu",
          `${at(catalogue.indicators, "kind")}2`,
          "Dữ liệu danh mục không hợp lệ: chỉ tiêu HS_TIEP_NHAN, cột kind: phải là một trong: count, amount, rate. Hãy sửa ô này trong tệp kế hoạch.",
        ],
        [
          "SCHEDULE_INVALID",
          "Kỳ báo cáo",
          `${at(schedule.rows, "quarter")}3`,
          expect.stringMatching(
            /^Kỳ báo cáo không hợp lệ: kỳ báo cáo \S+, cột quarter: không được lớn hơn 4\./,
          ),
        ],
      ]),
    );
    // The schema library's English never reaches a Vietnamese message.
    expect(shown.map((s) => s[3]).join(" ")).not.toMatch(/expected|invalid option|Too big|Invalid/);
  });

  it("a rule's fault points at its row on the rules sheet", () => {
    const catalogue = structuredClone(input.catalogue) as unknown as { sums: Record<string, unknown>[] };
    catalogue.sums.push({ whole: "HS_TIEP_NHAN", parts: ["HS_KY_TRUOC", "X_KHONG_CO"] });
    const pw = readPlanWorkbook(
      gridsOf(planWorkbookSheets({ ...input, catalogue: catalogue as unknown as typeof input.catalogue })),
    );
    const p = pw.problems.find((x) => x.code === "PLAN_DATA_INVALID")!;
    expect(p.sheet).toBe("Quy tắc chỉ tiêu");
    expect(p.cell).toMatch(new RegExp(`^[A-Z]${catalogue.sums.length + 1}$`));
    expect(p.message_vi).toBe(
      'Dữ liệu danh mục không hợp lệ: quy tắc tổng HS_TIEP_NHAN, cột parts: không có chỉ tiêu "X_KHONG_CO". Hãy sửa ô này trong tệp kế hoạch.',
    );
    expect(p.message_en).toBe(
      'Invalid registry or catalogue data: sum rule HS_TIEP_NHAN, column parts: unknown indicator "X_KHONG_CO". Correct this cell in the plan workbook.',
    );
  });
});

describe("the report schedule (581/BNV-CCHC)", () => {
  it("is data: the bundled periods.json is the default, and loads", () => {
    expect(periodsJson).toEqual(DEFAULT_SCHEDULE);
    expect(loadSchedule(periodsJson).ok).toBe(true);
  });

  it.each([
    ["quarter", 1, "2025-12-15", "2026-03-14", "2026-03-16", "2026-03-20"],
    ["half", undefined, "2025-12-15", "2026-06-14", "2026-06-16", "2026-06-20"],
    ["quarter", 3, "2026-06-15", "2026-09-14", "2026-09-16", "2026-09-20"],
    ["year", undefined, "2025-12-15", "2026-12-14", "2026-12-16", "2026-12-20"],
  ] as const)(
    "%s %s 2026: window %s–%s, agencies by %s, Ministry by %s",
    (kind, q, from, to, agency, ministry) => {
      const s = scheduleFor(DEFAULT_SCHEDULE, makePeriod(kind, 2026, q))!;
      expect([s.dataWindow.start, s.dataWindow.end, s.agencyDue, s.ministryDue].map(isoDate)).toEqual([
        from,
        to,
        agency,
        ministry,
      ]);
    },
  );

  it("has no Quý II or Quý IV report, and other kinds can be added", () => {
    expect(scheduleFor(DEFAULT_SCHEDULE, makePeriod("quarter", 2026, 2))).toBeUndefined();
    const nine = {
      ...DEFAULT_SCHEDULE.rows[3],
      code: "M9",
      name_vi: "9 tháng",
      name_en: "9 months",
      kind: "nine" as const,
      endMonth: 9,
    };
    const r = loadSchedule({ ...DEFAULT_SCHEDULE, rows: [...DEFAULT_SCHEDULE.rows, nine] });
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(isoDate(scheduleFor(r.schedule, makePeriod("nine", 2026))!.dataWindow.end)).toBe("2026-09-14");
    const dup = loadSchedule({
      ...DEFAULT_SCHEDULE,
      rows: [...DEFAULT_SCHEDULE.rows, DEFAULT_SCHEDULE.rows[0]],
    });
    expect(dup.ok).toBe(false);
  });
});

describe("the 2027 plan carried forward from 2023", () => {
  it("shifts year-bound deadlines, keeps recurring ones, replaces ended agencies, flags for review", () => {
    const rows = mergedPlanInput(2027).plan.rows.filter((r) => r.kind === "task");
    const byTask = (start: string) => rows.find((r) => r.task.startsWith(start))!;
    expect(byTask("Xây dựng Quyết định ban hành Kế hoạch CCHC")).toMatchObject({
      task: "Xây dựng Quyết định ban hành Kế hoạch CCHC của tỉnh năm 2027.",
      deadline: "Quý IV năm 2026",
    });
    const recurring = rows.filter((r) => r.deadline === "Thường xuyên");
    expect(recurring.length).toBe(9);
    expect(rows.filter((r) => r.review).length).toBeGreaterThan(20);
    expect(rows.some((r) => /UBND cấp huyện/.test(r.lead + r.coordinators))).toBe(false);
  });
});

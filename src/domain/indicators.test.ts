import catalogueJson from "../../examples/data/indicators.json";
import {
  applySettings,
  impliedLimits,
  indicatorByCode,
  loadCatalogue,
  indicatorRoles,
  INDICATOR_ROLES,
  ON_TIME_BASES,
  type Catalogue,
} from "./indicators";
import { dataIssueText } from "./problemCatalogue";

const load = (json: unknown): Catalogue => {
  const r = loadCatalogue(json);
  if (!r.ok) throw new Error(r.issues.map((i) => dataIssueText(i).en).join("\n"));
  return r.catalogue;
};
const cat = load(catalogueJson);
type Raw = {
  indicators: Record<string, unknown>[];
  sums: { whole: string; parts: string[] }[];
  limits: unknown[];
  ceilings?: unknown[];
} & Record<string, unknown>;
const clone = (): Raw => JSON.parse(JSON.stringify(catalogueJson));
const issuesOf = (json: unknown): string[] => {
  const r = loadCatalogue(json);
  return r.ok ? [] : r.issues.map((i) => dataIssueText(i).en);
};

// Figures stated in the seeds (004 Sóc Trăng 2023, 002 Vĩnh Phúc 2017, 000 Vĩnh Long 2021).
const SEED_FIGURES: Record<string, number> = {
  HS_DA_GIAI_QUYET: 596864,
  HS_DUNG_HAN: 595634,
  HS_TRE_HAN: 1230,
  DVC_TONG: 1358, // 1.778 listed − 420 information-only (not online public services)
  DVC_TOAN_TRINH: 1015,
  DVC_MOT_PHAN: 343,
  DVC_THONG_TIN: 420,
  DVC_TICH_HOP_QG: 956,
  TTHC_MOT_CUA: 1652,
  TTHC_MOT_CUA_TINH: 1236,
  TTHC_MOT_CUA_HUYEN: 288,
  TTHC_MOT_CUA_XA: 128,
  TTHC_CONG_BO: 1551,
  TTHC_CONG_BO_MOI: 370,
  TTHC_SUA_DOI: 683,
  TTHC_BAI_BO: 498,
  // Seed 003: 43 decisions approving internal workflows for 45 + 137 procedures, all provincial.
  QUY_TRINH_NOI_BO: 182,
  QUY_TRINH_NOI_BO_TINH: 182,
  QUY_TRINH_NOI_BO_XA: 0,
};

describe("the example catalogue", () => {
  it("loads without issues", () => {
    expect(loadCatalogue(catalogueJson)).toMatchObject({ ok: true });
  });

  it("covers every figure SPEC §2 lists", () => {
    const required = [
      ...[
        "HS_TIEP_NHAN",
        "HS_KY_TRUOC",
        "HS_DA_GIAI_QUYET",
        "HS_DUNG_HAN",
        "HS_TRE_HAN",
        "HS_DANG_GIAI_QUYET",
      ],
      ...[
        "TL_DUNG_HAN",
        "TTHC_DANG_AP_DUNG",
        "TTHC_CONG_BO_MOI",
        "TTHC_SUA_DOI",
        "TTHC_BAI_BO",
        "TTHC_MOT_CUA",
      ],
      ...[
        "TL_MOT_CUA",
        "TTHC_MOT_CUA_TINH",
        "TTHC_MOT_CUA_HUYEN",
        "TTHC_MOT_CUA_XA",
        "DVC_TONG",
        "DVC_TOAN_TRINH",
      ],
      ...[
        "DVC_MOT_PHAN",
        "DVC_THONG_TIN",
        "DVC_TICH_HOP_QG",
        "HS_TRUC_TUYEN_TOAN_TRINH",
        "HS_THANH_TOAN_TRUC_TUYEN",
      ],
      ...["VB_QPPL_BAN_HANH", "VB_QPPL_DA_RA_SOAT", "VB_QPPL_THAM_DINH", "PHONG_CAT_GIAM", "DVSN_CAT_GIAM"],
      ...["CBCCVC_DAO_TAO", "CBCCVC_TUYEN_DUNG", "DVSNCL_TU_CHU", "TL_AP_DUNG_ISO", "VB_XU_LY_TREN_MANG"],
    ];
    expect(required.filter((c) => !indicatorByCode(cat, c))).toEqual([]);
  });

  it("gives every rate a numerator and a denominator, and figures neither", () => {
    for (const i of cat.indicators) {
      if (i.kind === "rate") {
        expect(indicatorByCode(cat, i.numerator!)?.kind).not.toBe("rate");
        expect(indicatorByCode(cat, i.denominator!)?.kind).not.toBe("rate");
        // A share is in %; an average (share: false) is in its own unit (days per dossier).
        expect(i.unit === "%").toBe(i.share !== false);
      } else expect([i.numerator, i.denominator]).toEqual([undefined, undefined]);
    }
  });

  it("the seeds' figures satisfy its sums", () => {
    let checked = 0;
    for (const s of cat.sums) {
      const codes = [s.whole, ...s.parts];
      if (s.other && SEED_FIGURES[s.other] !== undefined) codes.push(s.other);
      if (!codes.every((c) => c in SEED_FIGURES)) continue;
      const total = [...s.parts, ...(s.other ? [s.other] : [])].reduce(
        (acc, p) => acc + (SEED_FIGURES[p] ?? 0),
        0,
      );
      expect({ whole: s.whole, value: SEED_FIGURES[s.whole] }).toEqual({ whole: s.whole, value: total });
      checked++;
    }
    // 595.634 + 1.230 = 596.864; 1.015 + 343 = 1.358 (the 420 information-only services apart);
    // 1.236 + 288 + 128 = 1.652; 370 + 683 + 498 = 1.551; seed 003's 182 internal workflows
    expect(checked).toBe(5);
  });

  it("computes the seeds' rates from its numerators and denominators", () => {
    const figures: Record<string, number> = {
      ...SEED_FIGURES,
      TTHC_DANG_AP_DUNG: 1724,
      CBCCVC_SAU_DAI_HOC: 1776,
      CBCCVC_TONG: 26362,
    };
    const pct = (code: string, digits: number): number => {
      const r = indicatorByCode(cat, code)!;
      return Number(((figures[r.numerator!] / figures[r.denominator!]) * 100).toFixed(digits));
    };
    expect(pct("TL_DUNG_HAN", 2)).toBe(99.79);
    expect(pct("TL_MOT_CUA", 1)).toBe(95.8);
    expect(pct("TL_CBCCVC_SAU_DAI_HOC", 2)).toBe(6.74);
    // Sóc Trăng's 956/1.778 = 53,77% counts information-only services in the base; over the 1.358
    // online public services (catalogue 2) the same 956 are 70,40%.
    expect(pct("TL_DVC_TICH_HOP_QG", 2)).toBe(70.4);
  });

  it("gives every count and amount a plausible ceiling (issue 16), below 2^53", () => {
    const ceilings = new Map((cat.ceilings ?? []).map((c) => [c.indicator, c.max]));
    const without = cat.indicators
      .filter((i) => i.kind !== "rate" && !ceilings.has(i.code))
      .map((i) => i.code);
    expect(without).toEqual([]);
    for (const max of ceilings.values()) expect(max).toBeLessThan(Number.MAX_SAFE_INTEGER);
    // Scores and ranks are bounded by what they measure, not by a count's size.
    expect(ceilings.get("PAR_INDEX_DIEM")).toBe(100);
    expect(ceilings.get("SIPAS_XEP_HANG")).toBe(100);
  });

  it("holds true identities only: resolved + pending = received (incl. carried over)", () => {
    expect(cat.sums).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          whole: "HS_TIEP_NHAN",
          parts: ["HS_DA_GIAI_QUYET", "HS_DANG_GIAI_QUYET"],
          other: "HS_TRA_LAI_RUT",
          severity: "error",
        }),
        expect.objectContaining({
          whole: "HS_TIEP_NHAN",
          parts: ["HS_KY_TRUOC", "HS_MOI_TIEP_NHAN"],
          severity: "error",
        }),
        // Real exports break resolved = early/on time + overdue (Thừa Thiên Huế): a warning, with "other".
        expect.objectContaining({
          whole: "HS_DA_GIAI_QUYET",
          parts: ["HS_DUNG_HAN", "HS_TRE_HAN"],
          other: "HS_TRA_LAI_RUT",
          severity: "warning",
        }),
      ]),
    );
  });
});

describe("applySettings", () => {
  it.each([
    ["resolved", "HS_DA_GIAI_QUYET"],
    ["due", "HS_DEN_HAN"],
    ["to_process", "HS_TIEP_NHAN"],
  ] as const)("onTimeBase %s → denominator %s", (onTimeBase, denominator) => {
    const applied = applySettings(cat, { onTimeBase });
    expect(indicatorByCode(applied, "TL_DUNG_HAN")?.denominator).toBe(denominator);
    expect(indicatorByCode(applied, "TL_MOT_CUA")).toBe(indicatorByCode(cat, "TL_MOT_CUA"));
    expect(loadCatalogue(applied).ok).toBe(true);
  });

  it("defaults to resolved dossiers and leaves the input alone", () => {
    expect(ON_TIME_BASES).toEqual(["resolved", "due", "to_process"]);
    expect(indicatorByCode(cat, "TL_DUNG_HAN")?.denominator).toBe("HS_DA_GIAI_QUYET");
    applySettings(cat, { onTimeBase: "due" });
    expect(indicatorByCode(cat, "TL_DUNG_HAN")?.denominator).toBe("HS_DA_GIAI_QUYET");
  });
});

describe("impliedLimits", () => {
  it("adds sum parts and rate numerators to the explicit limits, once each", () => {
    const limits = impliedLimits(cat);
    expect(limits).toEqual(
      expect.arrayContaining([
        { part: "HS_TRE_HAN", whole: "HS_DA_GIAI_QUYET" },
        { part: "TTHC_MOT_CUA_XA", whole: "TTHC_MOT_CUA" },
        { part: "DVSNCL_TU_CHU", whole: "DVSNCL_TONG" },
        { part: "HS_DUNG_HAN", whole: "HS_DA_GIAI_QUYET" },
      ]),
    );
    const keys = limits.map((l) => `${l.part}≤${l.whole}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("loadCatalogue reports referential integrity failures", () => {
  it("schema errors with their path", () => {
    const bad = clone();
    bad.indicators[0].kind = "ratio";
    bad.schemaVersion = 3;
    expect(issuesOf(bad)).toEqual([
      "schemaVersion: must be one of: 1, 2",
      "indicator HS_TIEP_NHAN, column kind: must be one of: count, amount, rate",
    ]);
  });

  it("unknown numerators and parts, rates used as figures, duplicates", () => {
    const bad = clone();
    const rate = bad.indicators.find((i) => i.code === "TL_MOT_CUA")!;
    rate.numerator = "TTHC_KHONG_CO";
    bad.sums.push({ whole: "DVC_TONG", parts: ["DVC_TOAN_TRINH", "TL_MOT_CUA"] });
    bad.indicators.push({ ...bad.indicators.find((i) => i.code === "HS_TIEP_NHAN")! });
    bad.indicators.find((i) => i.code === "HS_KY_TRUOC")!.numerator = "HS_TIEP_NHAN";
    expect(issuesOf(bad)).toEqual([
      "indicator HS_TIEP_NHAN, column code: duplicate code",
      "indicator HS_KY_TRUOC, column numerator: only a rate has a numerator or denominator",
      'indicator TL_MOT_CUA, column numerator: unknown indicator "TTHC_KHONG_CO"',
      "sum rule DVC_TONG, column parts: TL_MOT_CUA is a rate, not a figure",
    ]);
  });

  it("a rate without a denominator, a setting whose default disagrees", () => {
    const bad = clone();
    delete bad.indicators.find((i) => i.code === "TL_AP_DUNG_ISO")!.denominator;
    bad.indicators.find((i) => i.code === "TL_DUNG_HAN")!.denominator = "HS_TRE_HAN";
    expect(issuesOf(bad)).toEqual([
      "indicator TL_DUNG_HAN, column denominator: the denominator is none of the setting's options",
      "indicator TL_AP_DUNG_ISO, column denominator: a rate needs a numerator and a denominator",
    ]);
  });

  it("sum cycles, parts listed twice, mixed units, unknown limits", () => {
    const bad = clone();
    bad.sums.push({ whole: "HS_DUNG_HAN", parts: ["HS_DA_GIAI_QUYET", "HS_TRE_HAN"] });
    bad.sums.push({ whole: "DVC_TONG", parts: ["DVC_MOT_PHAN", "DVC_MOT_PHAN", "HS_TRE_HAN"] });
    (bad.limits as unknown[]).push({ part: "X_KHONG_CO", whole: "DVC_TONG" });

    expect(issuesOf(bad)).toEqual([
      "sum rule DVC_TONG, column parts: a part is listed twice",
      "sum rule DVC_TONG, column parts: HS_TRE_HAN is in hồ sơ, the whole in dịch vụ",
      "sum rule: a figure is (indirectly) a part of itself",
      'limit rule X_KHONG_CO ≤ DVC_TONG, column part: unknown indicator "X_KHONG_CO"',
    ]);
  });

  it("ceilings: an unknown indicator, a rate, a second ceiling, one past 2^53", () => {
    const bad = clone();
    bad.ceilings = [
      ...(bad.ceilings ?? []),
      { indicator: "X_KHONG_CO", max: 10 },
      { indicator: "TL_DUNG_HAN", max: 10 },
      { indicator: "HS_TRE_HAN", max: 2 ** 60 },
    ];
    expect(issuesOf(bad)).toEqual([
      'ceiling X_KHONG_CO, column indicator: unknown indicator "X_KHONG_CO"',
      "ceiling TL_DUNG_HAN, column indicator: TL_DUNG_HAN is a rate, not a figure",
      "ceiling HS_TRE_HAN, column indicator: a second ceiling for the same indicator",
      "ceiling HS_TRE_HAN, column max: above 2^53, where figures stop being exact",
    ]);
  });
});

describe("indicatorRoles: figures by what they are, not by code", () => {
  it("the bundled catalogue gives every role to one indicator", () => {
    const roles = indicatorRoles(cat);
    expect(Object.keys(roles).sort()).toEqual(Object.keys(INDICATOR_ROLES).sort());
    expect(roles).toMatchObject({
      on_time_rate: "TL_DUNG_HAN",
      dossiers_on_time: "HS_DUNG_HAN",
      dossiers_resolved: "HS_DA_GIAI_QUYET",
      dossiers_received: "HS_TIEP_NHAN",
      dossiers_carried_over: "HS_KY_TRUOC",
      online_services: "DVC_TONG",
    });
  });

  it("finds them in another body's catalogue under other codes", () => {
    const renamed = JSON.parse(
      JSON.stringify(catalogueJson)
        .replace(/"TL_DUNG_HAN"/g, '"TYLE_HS_DUNGHAN"')
        .replace(/"HS_KY_TRUOC"/g, '"HOSO_TON"')
        .replace(/"HS_TIEP_NHAN"/g, '"HOSO_TIEPNHAN"'),
    );
    expect(indicatorRoles(load(renamed))).toMatchObject({
      on_time_rate: "TYLE_HS_DUNGHAN",
      dossiers_carried_over: "HOSO_TON",
      dossiers_received: "HOSO_TIEPNHAN",
    });
  });

  it("without a role column, the on-time rate and its figures by structure; without that, none", () => {
    const bare = clone();
    for (const i of bare.indicators) delete i.role;
    const roles = indicatorRoles(load(bare));
    expect(roles).toEqual({
      on_time_rate: "TL_DUNG_HAN",
      dossiers_on_time: "HS_DUNG_HAN",
      dossiers_resolved: "HS_DA_GIAI_QUYET",
      dossiers_received: "HS_TIEP_NHAN",
    });
    const noRate = load(bare);
    const without = { ...noRate, indicators: noRate.indicators.filter((i) => i.code !== "TL_DUNG_HAN") };
    expect(indicatorRoles(without)).toEqual({});
  });

  it("a role is given once, to an indicator of its kind", () => {
    const bad = clone();
    bad.indicators.find((i) => i.code === "HS_DA_GIAI_QUYET")!.role = "dossiers_received";
    bad.indicators.find((i) => i.code === "TL_MOT_CUA")!.role = "online_services";
    expect(issuesOf(bad)).toEqual([
      "indicator HS_DA_GIAI_QUYET, column role: role dossiers_received is already HS_TIEP_NHAN's",
      "indicator TL_MOT_CUA, column role: role online_services needs a figure",
      "indicator DVC_TONG, column role: role online_services is already TL_MOT_CUA's",
    ]);
    const unknown = clone();
    unknown.indicators[0].role = "dossiers";
    expect(issuesOf(unknown)).toHaveLength(1);
  });
});

import fc from "fast-check";
import registryJson from "../../examples/data/agencies.json";
import planJson from "../../examples/data/plan-2023.json";
import {
  agencyByCode,
  childrenAt,
  expandGroup,
  loadRegistry,
  parentAt,
  parseAgencyCell,
  resolveAgency,
  type AgencyRegistry,
} from "./agencies";
import { civil } from "./civilDate";
import { dataIssueText } from "./problemCatalogue";

const load = (json: unknown): AgencyRegistry => {
  const r = loadRegistry(json);
  if (!r.ok) throw new Error(r.issues.map((i) => dataIssueText(i).en).join("\n"));
  return r.registry;
};
const reg = load(registryJson);
const Y2023 = civil(2023, 6, 30);
const BEFORE = civil(2025, 6, 30);
const AFTER = civil(2025, 7, 1);

const clone = (): { agencies: Record<string, unknown>[]; groups: Record<string, unknown>[] } & Record<
  string,
  unknown
> => JSON.parse(JSON.stringify(registryJson));

type PlanRow = { kind: string; lead?: string; coordinators?: string };
const planCells = (planJson.rows as PlanRow[]).flatMap((r) =>
  r.kind === "task" ? [r.lead ?? "", r.coordinators ?? ""] : [],
);

describe("the example registry", () => {
  it("loads without issues", () => {
    expect(loadRegistry(registryJson)).toMatchObject({ ok: true });
  });

  it("has the 8 districts before 1/7/2025 and about 40 communes under them", () => {
    const districts = reg.agencies.filter((a) => a.kind === "district");
    expect(districts.map((d) => d.code)).toHaveLength(8);
    expect(districts.every((d) => d.validTo === "2025-06-30")).toBe(true);
    const communes = reg.agencies.filter((a) => a.kind === "commune");
    expect(communes.length).toBeGreaterThanOrEqual(40);
    for (const d of districts) expect(childrenAt(reg, d.code, Y2023).length).toBeGreaterThanOrEqual(4);
  });

  it("resolves every lead and coordinator cell of the 2023 plan with nothing left over", () => {
    expect(planCells.length).toBeGreaterThan(100);
    for (const text of planCells) {
      for (const asOf of [undefined, civil(2023, 1, 1)]) {
        const cell = parseAgencyCell(reg, text, asOf);
        expect({ text, unresolved: cell.unresolved }).toEqual({ text, unresolved: [] });
        if (text) expect(cell.agencies.length + cell.groups.length).toBeGreaterThan(0);
      }
    }
  });

  it("reads the seed's two typos as the groups they mean", () => {
    expect(parseAgencyCell(reg, "Các cơ quan, đơn vị có liên").groups).toEqual([
      expect.objectContaining({ phrase: "Các cơ quan, đơn vị có liên quan", related: true }),
    ]);
    expect(parseAgencyCell(reg, "Các cơ quan, đơn vị, đại phương").groups).toEqual([
      expect.objectContaining({ phrase: "Các cơ quan, đơn vị, địa phương", related: false }),
    ]);
  });
});

describe("resolveAgency", () => {
  it.each([
    ["SNV", "SNV"],
    ["Sở Nội vụ", "SNV"],
    ["sở nội vụ", "SNV"],
    ["Sở Nội Vụ tỉnh", "SNV"],
    ["Sở Nội vụ tỉnh Vĩnh Long", "SNV"],
    ["So Noi vu", "SNV"],
    ["VP UBND tỉnh", "VPUBND"],
    ["VP.UBND tỉnh", "VPUBND"],
    ["Văn phòng UBND tỉnh", "VPUBND"],
    ["Văn phòng Ủy ban nhân dân tỉnh", "VPUBND"],
    ["Sở TT&TT", "STTTT"],
    ["Sở Thông tin và Truyền thông", "STTTT"],
    ["Sở KH&ĐT", "SKHDT"],
    ["Trung tâm PVHCC tỉnh", "TTPVHCC"],
    ["Đài PT-TH", "DPTTH"],
    ["Báo Vĩnh Long", "BAOVL"],
    ["Công an tỉnh", "CAT"],
    ["UBND tỉnh", "UBND_TINH"],
    ["Ủy ban nhân dân tỉnh Vĩnh Long", "UBND_TINH"],
    ["Ủy ban nhân dân huyện Long Hồ", "H_LONGHO"],
    ["UBND TP Vĩnh Long", "H_TPVL"],
    ["UBND thành phố Vĩnh Long", "H_TPVL"],
    ["Thị xã Bình Minh", "H_BINHMINH"],
    ["Xã An Bình", "X_LH_ANBINH"],
    ["TT Long Hồ", "X_LH_LONGHO"],
    ["Ủy ban nhân dân thị trấn Long Hồ", "X_LH_LONGHO"],
    ["Phường 1", "X_TPVL_P1"],
  ])("%s → %s", (text, code) => {
    expect(resolveAgency(reg, text)?.code).toBe(code);
  });

  it("is blind to NFC/NFD and spacing", () => {
    const nfd = "Văn  phòng\nỦy ban nhân dân tỉnh".normalize("NFD");
    expect(nfd).not.toBe(nfd.normalize("NFC"));
    expect(resolveAgency(reg, nfd)?.code).toBe("VPUBND");
    expect(parseAgencyCell(reg, "Các cơ quan, đơn vị, địa phương".normalize("NFD")).groups[0]?.phrase).toBe(
      "Các cơ quan, đơn vị, địa phương",
    );
  });

  it("does not guess", () => {
    expect(resolveAgency(reg, "Sở Ngoại vụ")).toBeUndefined();
    expect(resolveAgency(reg, "")).toBeUndefined();
    expect(resolveAgency(reg, "Sở")).toBeUndefined();
  });

  it("respects when an agency existed", () => {
    expect(resolveAgency(reg, "Sở TT&TT", civil(2023, 1, 1))?.code).toBe("STTTT");
    expect(resolveAgency(reg, "Sở TT&TT", civil(2025, 3, 1))).toBeUndefined();
    expect(resolveAgency(reg, "Sở Nông nghiệp và Môi trường", civil(2023, 1, 1))).toBeUndefined();
    expect(resolveAgency(reg, "Sở Nông nghiệp và Môi trường", civil(2025, 3, 1))?.code).toBe("SNNMT");
    expect(resolveAgency(reg, "UBND huyện Long Hồ", AFTER)).toBeUndefined();
  });

  it("finds any agency from its name however it is cased, spaced or composed", () => {
    const variant = fc.record({
      index: fc.nat({ max: reg.agencies.length - 1 }),
      upper: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      nfd: fc.boolean(),
      pad: fc.constantFrom("", " ", "  ", "\n", "\u00a0"),
    });
    fc.assert(
      fc.property(variant, ({ index, upper, nfd, pad }) => {
        const a = reg.agencies[index];
        let text = [...a.name].map((ch, i) => (upper[i % 64] ? ch.toUpperCase() : ch.toLowerCase())).join("");
        text = pad + text.replace(/ /g, ` ${pad}`) + pad;
        if (nfd) text = text.normalize("NFD");
        const asOf = a.validTo ? civil(2023, 1, 1) : civil(2025, 12, 31);
        expect(resolveAgency(reg, text, asOf)?.code).toBe(a.code);
      }),
      { seed: 20231213, numRuns: 500 },
    );
  });
});

describe("parseAgencyCell", () => {
  it("splits lists on , ; / and line breaks, and on 'và' only between agencies", () => {
    const cell = parseAgencyCell(
      reg,
      "Sở Kế hoạch và Đầu tư, Sở Tài chính và Sở Nội vụ;\nSở Tư pháp / Sở Y tế",
    );
    expect(cell).toEqual({ agencies: ["SKHDT", "STC", "SNV", "STP", "SYT"], groups: [], unresolved: [] });
  });

  it("keeps names with commas whole", () => {
    expect(parseAgencyCell(reg, "Sở Văn hóa, Thể thao và Du lịch, Sở Y tế").agencies).toEqual([
      "SVHTTDL",
      "SYT",
    ]);
  });

  it("recognises group phrases with commas inside a list", () => {
    const cell = parseAgencyCell(reg, "Sở Nội vụ; UBND các huyện, thị xã, thành phố, Sở Tư pháp", Y2023);
    expect(cell.agencies).toEqual(["SNV", "STP"]);
    expect(cell.groups.map((g) => [g.phrase, g.members.length, g.related])).toEqual([
      ["UBND cấp huyện", 8, false],
    ]);
    expect(cell.unresolved).toEqual([]);
  });

  it("marks '… có liên quan' as related and expands it like its base", () => {
    const cell = parseAgencyCell(reg, "Các sở, ban, ngành có liên quan", Y2023);
    expect(cell.groups).toHaveLength(1);
    expect(cell.groups[0].related).toBe(true);
    expect(cell.groups[0].members).toEqual(expandGroup(reg, "Các sở, ban, ngành", Y2023));
  });

  it("reports what it cannot read, and an empty cell is empty", () => {
    expect(parseAgencyCell(reg, "Sở Nội vụ, Sở Ngoại vụ").unresolved).toEqual(["Sở Ngoại vụ"]);
    expect(parseAgencyCell(reg, "  ")).toEqual({ agencies: [], groups: [], unresolved: [] });
  });

  it("names each agency once", () => {
    expect(parseAgencyCell(reg, "Sở Nội vụ; SNV; sở nội vụ").agencies).toEqual(["SNV"]);
  });
});

describe("groups", () => {
  it("all expand to non-empty sets in 2023", () => {
    for (const g of reg.groups) {
      expect({ phrase: g.phrase, empty: expandGroup(reg, g.phrase, Y2023)!.length === 0 }).toEqual({
        phrase: g.phrase,
        empty: false,
      });
    }
  });

  it("distinguish provincial bodies from localities", () => {
    const bodies = expandGroup(reg, "Các cơ quan, đơn vị", Y2023)!;
    const withLocal = expandGroup(reg, "Các cơ quan, đơn vị, địa phương", Y2023)!;
    expect(bodies).toContain("SNV");
    expect(bodies).not.toContain("H_LONGHO");
    expect(bodies).not.toContain("CAT"); // a central agency's branch is named explicitly
    expect(withLocal).toEqual(expect.arrayContaining([...bodies, "H_LONGHO", "X_LH_ANBINH"]));
    expect(expandGroup(reg, "UBND các xã, phường, thị trấn", Y2023)).toHaveLength(40);
  });

  it("follow the reorganisations", () => {
    expect(expandGroup(reg, "Các cơ quan, đơn vị", Y2023)).not.toContain("SNNMT");
    expect(expandGroup(reg, "Các cơ quan, đơn vị", AFTER)).toContain("SNNMT");
    expect(expandGroup(reg, "Các cơ quan, đơn vị", AFTER)).not.toContain("STTTT");
    expect(expandGroup(reg, "UBND cấp huyện", AFTER)).toEqual([]);
    expect(expandGroup(reg, "Các cơ quan, đơn vị, địa phương", AFTER)).toContain("X_LH_ANBINH");
  });

  it("are unknown when not in the registry", () => {
    expect(expandGroup(reg, "Các tổ chức hội")).toBeUndefined();
  });
});

describe("hierarchy over time", () => {
  it("puts a commune under its district until 30/6/2025 and under the province from 1/7/2025", () => {
    expect(parentAt(reg, "X_LH_ANBINH", civil(2023, 1, 1))).toBe("H_LONGHO");
    expect(parentAt(reg, "X_LH_ANBINH", BEFORE)).toBe("H_LONGHO");
    expect(parentAt(reg, "X_LH_ANBINH", AFTER)).toBe("UBND_TINH");
    expect(agencyByCode(reg, "X_LH_ANBINH")?.parent).toBe("H_LONGHO");
  });

  it("has no districts after the reform", () => {
    expect(parentAt(reg, "H_LONGHO", AFTER)).toBeNull();
    expect(childrenAt(reg, "H_LONGHO", AFTER)).toEqual([]);
    const top = childrenAt(reg, "UBND_TINH", AFTER);
    expect(top).toContain("X_LH_ANBINH");
    expect(top).not.toContain("H_LONGHO");
    expect(childrenAt(reg, "UBND_TINH", BEFORE)).toContain("H_LONGHO");
    expect(childrenAt(reg, "UBND_TINH", BEFORE)).not.toContain("X_LH_ANBINH");
  });

  it("keeps units under their agency", () => {
    expect(parentAt(reg, "TTPVHCC", Y2023)).toBe("VPUBND");
    expect(parentAt(reg, "NO_SUCH", Y2023)).toBeNull();
  });
});

describe("loadRegistry reports broken registries", () => {
  const texts = (r: ReturnType<typeof loadRegistry>) => (r.ok ? [] : r.issues.map((i) => dataIssueText(i)));

  it("schema errors as data: table, record, field and fault, worded in both languages", () => {
    const bad = clone();
    delete bad.agencies[1].name;
    bad.agencies[2].kind = "ministry";
    const r = loadRegistry(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toEqual([
        expect.objectContaining({
          table: "agencies",
          index: 1,
          record: "VPUBND",
          field: "name",
          fault: { kind: "schema", detail: { code: "missing" } },
        }),
        expect.objectContaining({ table: "agencies", index: 2, field: "kind" }),
      ]);
      expect(texts(r)[0]).toEqual({
        vi: "cơ quan VPUBND, cột name: thiếu giá trị bắt buộc",
        en: "agency VPUBND, column name: a required value is missing",
      });
      expect(texts(r)[1].vi).toMatch(/^cơ quan \S+, cột kind: phải là một trong: province, department, /);
      // No English from the schema library in the Vietnamese text.
      expect(
        texts(r)
          .map((t) => t.vi)
          .join(" "),
      ).not.toMatch(/expected|invalid|option/i);
    }
  });

  it("dangling references, duplicates, ambiguity and inconsistent history", () => {
    const bad = clone();
    bad.agencies[1].parent = "NOWHERE";
    bad.agencies.push({ ...bad.agencies[2] });
    bad.agencies[3].aliases = ["Sở Nội vụ"];
    const commune = bad.agencies.find((a) => a.code === "X_LH_ANBINH")!;
    commune.parent = "H_TRAON";
    bad.groups[0].members = { codes: ["GHOST"] };
    bad.groups.push(
      { phrase: "Vòng A", members: { groups: ["Vòng B"] } },
      { phrase: "Vòng B", members: { groups: ["Vòng A"] } },
    );
    const r = loadRegistry(bad);
    expect(r.ok).toBe(false);
    const en = texts(r).map((t) => t.en);
    expect(en).toEqual(
      expect.arrayContaining([
        "agency SNV, column code: duplicate code",
        'agency VPUBND, column parent: unknown agency "NOWHERE"',
        "agency X_LH_ANBINH, column parentHistory: differs from the first entry's parent",
        'group "Các cơ quan, đơn vị", column members: unknown agency "GHOST"',
        'agency STP, column name: name "so noi vu" is shared with SNV',
      ]),
    );
    expect(texts(r).map((t) => t.vi)).toContain('cơ quan VPUBND, cột parent: không có cơ quan "NOWHERE"');
  });

  it("group cycles once references are sound", () => {
    const bad = clone();
    bad.groups.push(
      { phrase: "Vòng A", members: { groups: ["Vòng B"] } },
      { phrase: "Vòng B", members: { groups: ["Vòng A"] } },
    );
    expect(texts(loadRegistry(bad)).map((t) => t.en)).toEqual([
      'group "Vòng A", column members: the chain leads back to itself',
      'group "Vòng B", column members: the chain leads back to itself',
    ]);
  });

  it("a group phrase that is also an agency name", () => {
    const bad = clone();
    bad.groups.push({ phrase: "Sở Nội vụ", members: { kinds: ["department"] } });
    expect(texts(loadRegistry(bad))).toEqual([
      {
        vi: 'nhóm "Sở Nội vụ", cột phrase: cụm từ "Sở Nội vụ" cũng là tên một cơ quan',
        en: 'group "Sở Nội vụ", column phrase: phrase "Sở Nội vụ" is also an agency name',
      },
    ]);
  });
});

describe("the province comes from the registry, not the code", () => {
  // The same registry as another province's: its name drops off agency names as Vĩnh Long's does here.
  const canTho = (): AgencyRegistry => {
    const json = clone();
    json.province = "Cần Thơ";
    return load(json);
  };

  it("drops the registry's province from a name: 'tỉnh …', 'thành phố …' or the bare name", () => {
    const other = canTho();
    expect(resolveAgency(other, "Sở Nội vụ thành phố Cần Thơ")?.code).toBe("SNV");
    expect(resolveAgency(other, "Sở Tư pháp tỉnh Cần Thơ")?.code).toBe("STP");
    expect(resolveAgency(other, "Sở Nội vụ Cần Thơ")?.code).toBe("SNV");
    expect(resolveAgency(reg, "Sở Nội vụ Cần Thơ")).toBeUndefined();
  });

  it("does not drop another province's name", () => {
    expect(resolveAgency(canTho(), "Sở Nội vụ tỉnh Vĩnh Long")).toBeUndefined();
    expect(resolveAgency(reg, "Sở Nội vụ tỉnh Vĩnh Long")?.code).toBe("SNV");
  });
});

// Apply NQ 1687/NQ-UBTVQH15 (the communes of the merged Vĩnh Long) to examples/data/agencies-2025.json:
// the 124 communes formed on 1/7/2025 with their names, kinds and statistical codes, their one-stop
// centres, every old xã/phường/thị trấn of Vĩnh Long, Bến Tre and Trà Vinh ending on 30/6/2025 with its
// successor(s), and each old district's successors as the union of its communes'. The transcription of
// the resolution (with sources) is scripts/data/nq1687-vinh-long.json; this script documents how the
// registry was made from it and can be re-run (it replaces what it wrote before).
//
//   npx tsx scripts/apply-nq1687.ts
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { format, resolveConfig } from "prettier";

const REPO = resolve(__dirname, "..");
const REGISTRY = join(REPO, "examples", "data", "agencies-2025.json");
const TRANSCRIPTION = join(REPO, "scripts", "data", "nq1687-vinh-long.json");

type Kind = "xã" | "phường";
type Unit = [clause: number, kind: Kind, name: string, nso: string, district: string, from: string[]];
interface Transcription {
  sources: { resolution: string; codes: string; upgrade2026: string };
  units: Unit[];
}
type Agency = Record<string, unknown> & { code: string; kind: string; name: string };

const NQ = "NQ 1687/NQ-UBTVQH15";
const TTPV_SOURCE = "QĐ 2682/QĐ-UBND (20/11/2025): TTPVHCC ở mọi xã, phường; NĐ 118/2025/NĐ-CP";
/** The 16 xã a secondary source says became phường on 09/06/2026 (not confirmed; see sources). */
const UPGRADE_2026 = new Set([
  "Long Hồ",
  "Tam Bình",
  "Trà Ôn",
  "Tân Quới",
  "Trung Thành",
  "Càng Long",
  "Tiểu Cần",
  "Tân Hòa",
  "Hùng Hòa",
  "Tập Ngãi",
  "Ba Tri",
  "Bình Đại",
  "Mỏ Cày",
  "Phú Túc",
  "Tiên Thủy",
  "Tân Thủy",
]);
/** Where a source names the old district of a commune merged across a district line. */
const DISTRICT_SOURCES: Record<string, string> = {
  "H_LONGHO|xã|Thanh Đức":
    'plo.vn 16/04/2025, dự thảo Đề án sắp xếp ĐVHC cấp xã tỉnh Vĩnh Long: "xã Thanh Đức, huyện Long Hồ"',
};
/** Code prefixes of the old Vĩnh Long districts' communes (kept from registry 2's first version). */
const VL_PREFIX: Record<string, string> = {
  H_TPVL: "X_TPVL",
  H_BINHMINH: "X_BM",
  H_LONGHO: "X_LH",
  H_MANGTHIT: "X_MT",
  H_VUNGLIEM: "X_VL",
  H_TAMBINH: "X_TB",
  H_TRAON: "X_TO",
  H_BINHTAN: "X_BT",
};

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const region = (district: string) =>
  district.startsWith("BT_") ? "Bến Tre cũ" : district.startsWith("TV_") ? "Trà Vinh cũ" : "Vĩnh Long cũ";
const englishKind: Record<string, string> = { xã: "Commune", phường: "Ward", "thị trấn": "Township" };

/** "phường Phường 5" → kind phường, name "Phường 5", shown "phường 5"; "~H_X:xã A" → part of xã A of H_X. */
interface OldRef {
  district: string;
  kind: string;
  name: string;
  part: boolean;
  districtGiven: boolean;
}
function parseRef(ref: string, defaultDistrict: string): OldRef {
  let s = ref;
  const part = s.startsWith("~");
  if (part) s = s.slice(1);
  const m = /^([A-Z_]+):(.*)$/.exec(s);
  const district = m ? m[1] : defaultDistrict;
  if (m) s = m[2];
  const k = /^(xã|phường|thị trấn) (.*)$/.exec(s);
  if (!k) throw new Error(`bad reference ${ref}`);
  return { district, kind: k[1], name: k[2], part, districtGiven: Boolean(m) };
}
const shown = (kind: string, name: string) =>
  /^Phường \d+$/.test(name) ? name.toLowerCase() : `${kind} ${name}`;

async function main() {
  const t = JSON.parse(readFileSync(TRANSCRIPTION, "utf8")) as Transcription;
  const reg = JSON.parse(readFileSync(REGISTRY, "utf8")) as {
    agencies: Agency[];
    groups: Record<string, unknown>[];
  };
  const byCode = new Map(reg.agencies.map((a) => [a.code, a]));
  const districtLabel = (code: string) =>
    String(byCode.get(code)?.name ?? code)
      .replace(/^UBND /, "")
      .replace(/ \((Bến Tre|Trà Vinh)\)$/, ", $1");

  // The new communes and their one-stop centres.
  const newCode = (u: Unit) => `${u[1] === "phường" ? "P25" : "X25"}_${fold(u[2])}`;
  const communes: Agency[] = [];
  const centres: Agency[] = [];
  for (const u of t.units) {
    const [clause, kind, name, nso, district, from] = u;
    const code = newCode(u);
    const formed = from.length
      ? `Hình thành từ ${from.map((r) => describe(parseRef(r, district))).join(", ")} (${NQ} Điều 1 khoản ${clause}).`
      : `Giữ nguyên, không sắp xếp (${NQ} Điều 1 khoản 121).`;
    const upgrade = UPGRADE_2026.has(name)
      ? ` Một nguồn thứ cấp cho biết lên phường từ 09/06/2026${name === "Trung Thành" ? " với tên phường Vũng Liêm" : ""}; danh mục ĐVHC ngày 07/8/2026 vẫn ghi xã: chưa xác minh, chưa áp dụng.`
      : "";
    communes.push({
      code,
      name: `UBND ${kind} ${name}`,
      nameEn: `${name} ${englishKind[kind]} People's Committee`,
      aliases: [`${cap(kind)} ${name}`],
      kind: "commune",
      parent: "UBND_TINH",
      validFrom: "2025-07-01",
      validTo: null,
      confidence: "confirmed",
      source: `${NQ} Điều 1 khoản ${clause}; mã ĐVHC ${nso}. Nguồn: ${t.sources.resolution}; mã: ${t.sources.codes}`,
      note: `${formed} Địa bàn: ${region(district)}.${upgrade}`,
    });
    centres.push({
      code: `TTPV_${code}`,
      name: `Trung tâm Phục vụ hành chính công ${kind} ${name}`,
      nameEn: `Public Administration Service Centre, ${name} ${englishKind[kind]}`,
      aliases: [],
      kind: "unit",
      parent: code,
      validFrom: "2025-07-01",
      validTo: null,
      confidence: "confirmed",
      source: TTPV_SOURCE,
    });
  }

  // The old communes, keyed by district + kind + name, with their successors in clause order.
  interface Old {
    ref: OldRef;
    successors: string[];
    parts: string[];
    clauses: number[];
  }
  const olds = new Map<string, Old>();
  for (const u of t.units) {
    for (const r of u[5]) {
      const ref = parseRef(r, u[4]);
      const key = `${ref.district}|${ref.kind}|${ref.name}`;
      const o = olds.get(key) ?? { ref, successors: [], parts: [], clauses: [] };
      // Unsure only when every clause places it outside the new unit's district.
      o.ref.districtGiven &&= ref.districtGiven;
      o.successors.push(newCode(u));
      if (ref.part) o.parts.push(newCode(u));
      o.clauses.push(u[0]);
      olds.set(key, o);
    }
  }
  // Names are matched without diacritics: "Tân Thành" and "Tân Thanh" are the same key.
  const nameKey = (o: Old) => fold(shown(o.ref.kind, o.ref.name));
  const byKey = new Map<string, Old[]>();
  for (const o of olds.values()) byKey.set(nameKey(o), [...(byKey.get(nameKey(o)) ?? []), o]);
  const nameOf = new Map(communes.map((c) => [c.code, String(c.name).replace(/^UBND /, "")]));
  const oldAgencies = new Map<string, Agency[]>(); // by district
  const usedCodes = new Set<string>();
  for (const o of olds.values()) {
    const { district, kind, name } = o.ref;
    const prefix = VL_PREFIX[district] ?? district.replace(/_H_/, "_X_");
    const base = /^Phường (\d+)$/.exec(name) ? `P${/\d+/.exec(name)![0]}` : fold(name);
    let code = `${prefix}_${base}`;
    if (usedCodes.has(code))
      code = `${prefix}_${kind === "thị trấn" ? "TT" : kind === "phường" ? "P" : "X"}${base}`;
    if (usedCodes.has(code)) throw new Error(`duplicate code ${code}`);
    usedCodes.add(code);
    const same = byKey.get(nameKey(o))!;
    const ambiguous = same.length > 1;
    // Two of one district differing only by a tone mark (xã Đông Thành, xã Đông Thạnh) say which.
    const twin = same.find((x) => x !== o && x.ref.district === district);
    const qualifier = [ambiguous ? districtLabel(district) : "", twin ? toneOf(name, twin.ref.name) : ""]
      .filter(Boolean)
      .join("; ");
    const label = shown(kind, name) + (qualifier ? ` (${qualifier})` : "");
    const into = [...new Set(o.successors)].map((c) => nameOf.get(c)!);
    const partNote = o.parts.length ? " (chia cho nhiều đơn vị: một phần vào mỗi đơn vị)" : "";
    const districtSource = DISTRICT_SOURCES[`${district}|${kind}|${name}`];
    const districtNote = !o.ref.districtGiven
      ? ""
      : districtSource
        ? ` Huyện trước 1/7/2025 (khác huyện của đơn vị mới) theo ${districtSource}.`
        : " Huyện trước 1/7/2025 khác huyện của đơn vị mới: theo hiểu biết về địa giới, chưa đối chiếu danh mục ĐVHC 30/6/2025 (chưa xác minh).";
    const agency: Agency = {
      code,
      name: `UBND ${label}`,
      nameEn: `${name} ${englishKind[kind]} People's Committee${qualifier ? ` (${qualifier})` : ""}`,
      aliases: [cap(label)],
      kind: "commune",
      parent: district,
      validFrom: null,
      validTo: "2025-06-30",
      successors: [...new Set(o.successors)],
      confidence: "confirmed",
      source: `${NQ} Điều 1 khoản ${[...new Set(o.clauses)].join(", ")}`,
      note: `Sắp xếp vào ${into.join(", ")} từ 01/7/2025${partNote}.${districtNote}`,
    };
    const list = oldAgencies.get(district) ?? [];
    list.push(agency);
    oldAgencies.set(district, list);
  }

  // Rebuild the agency list: drop what the first version generated, put the new parts in its place.
  const isNewCommune = (a: Agency) => a.kind === "commune" && a.validFrom === "2025-07-01";
  const isCentre = (a: Agency) => a.kind === "unit" && a.code.startsWith("TTPV_") && a.parent !== "UBND_TINH";
  const isOldCommune = (a: Agency) => a.kind === "commune" && a.validTo === "2025-06-30";
  const out: Agency[] = [];
  let communesPlaced = false;
  let centresPlaced = false;
  for (const a of reg.agencies) {
    if (isNewCommune(a)) {
      if (!communesPlaced) out.push(...communes);
      communesPlaced = true;
      continue;
    }
    if (isCentre(a)) {
      if (!centresPlaced) out.push(...centres);
      centresPlaced = true;
      continue;
    }
    if (isOldCommune(a)) continue;
    if (a.kind === "district") {
      const mine = oldAgencies.get(a.code) ?? [];
      const succ = [...new Set(mine.flatMap((m) => m.successors as string[]))];
      const order = new Map(communes.map((c, i) => [c.code, i]));
      succ.sort((x, y) => order.get(x)! - order.get(y)!);
      out.push({
        ...a,
        successors: succ,
        confidence: "confirmed",
        source: `Luật 72/2025/QH15 (cấp huyện kết thúc 30/6/2025); ${NQ}`,
        note: `Cấp huyện kết thúc 30/6/2025. Đơn vị kế thừa: các xã, phường mới hình thành từ xã, phường, thị trấn của huyện (${NQ}); ${mine.length} đơn vị cấp xã của huyện trong danh mục.`,
      });
      out.push(...mine);
      oldAgencies.delete(a.code);
      continue;
    }
    out.push(a);
  }
  if (!communesPlaced || !centresPlaced || oldAgencies.size)
    throw new Error(`not placed: ${[...oldAgencies.keys()].join(", ")}`);
  reg.agencies = out;
  for (const g of reg.groups) {
    const members = g.members as { codes?: string[] };
    if (members.codes?.some((c) => c.startsWith("TTPV_P25_") || c.startsWith("TTPV_X25_")))
      members.codes = centres.map((c) => c.code);
  }
  const text = JSON.stringify(reg, null, 2) + "\n";
  const options = await resolveConfig(REGISTRY);
  writeFileSync(REGISTRY, await format(text, { ...options, filepath: REGISTRY }));
  const oldCount = out.filter(isOldCommune).length;
  console.log(`${communes.length} communes, ${centres.length} centres, ${oldCount} old communes`);
}

const TONES: Record<string, string> = {
  "\u0300": "huyền",
  "\u0301": "sắc",
  "\u0303": "ngã",
  "\u0309": "hỏi",
  "\u0323": "nặng",
};
/** "chữ Thạnh dấu nặng": the first word of `name` that differs from `other`, and its tone mark. */
function toneOf(name: string, other: string): string {
  const a = name.split(" ");
  const b = other.split(" ");
  const word = a.find((w, i) => w !== b[i]) ?? name;
  const mark = [...word.normalize("NFD")].find((c) => TONES[c]);
  return `chữ ${word} ${mark ? `dấu ${TONES[mark]}` : "không dấu"}`;
}

function describe(r: OldRef): string {
  return `${r.part ? "một phần " : ""}${shown(r.kind, r.name)}`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

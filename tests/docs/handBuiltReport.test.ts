// docs/FORMAT.md is enough to build a report by hand: this test builds every agency's yearly report
// from the documented rules alone — the plan workbook and the registry read as plain data, task codes,
// agency cells, groups and roles derived as FORMAT.md "Which tasks the sheet lists" says — writes it
// with a plain ExcelJS writer (no template code, no product sheet definitions), and validates it.
import ExcelJS from "exceljs";
import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { makePeriod } from "../../src/domain/period";
import type { Problem } from "../../src/domain/problem";
import { readPlanWorkbook } from "../../src/domain/planWorkbook";
import { validateReport } from "../../src/domain/validation/validateReport";
import { readWholeWorkbook } from "../../src/workbook/wholeWorkbook";
import { XlsxReader } from "../../src/workbook/xlsx/xlsxReader";

const PLAN = path.join(__dirname, "../../examples/plan-2023.xlsx");
const OUT = path.join(tmpdir(), `cchc-hand-built-${process.pid}`);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

type Row = (string | number | boolean | null)[];

/** A sheet as rows of plain values (strings, numbers, booleans), as any library would give them. */
function rows(ws: ExcelJS.Worksheet): Row[] {
  const out: Row[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = (row.values as unknown[]).slice(1);
    out[n - 1] = values.map((v) =>
      v === undefined || v === null
        ? null
        : typeof v === "object"
          ? String((v as { text?: unknown }).text ?? "")
          : (v as string),
    );
  });
  return out.map((r) => r ?? []);
}

/** A `Cơ quan`-style sheet as records; JSON text cells parsed (FORMAT.md: lists as JSON text). */
function records(grid: Row[]): Record<string, unknown>[] {
  const [head, ...body] = grid;
  return body
    .filter((r) => r.some((v) => v !== null && v !== ""))
    .map((r) =>
      Object.fromEntries(
        head.map((h, i) => {
          const v = r[i] ?? null;
          const json = typeof v === "string" && /^[[{]/.test(v.trim());
          return [String(h), json ? JSON.parse(v as string) : v];
        }),
      ),
    );
}

// ---- matching as documented: case, diacritics, punctuation ignored; contractions; province suffix ----
const fold = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\buy ban nhan dan\b/g, "ubnd")
    .replace(/\bvan phong\b/g, "vp")
    .replace(/\bthanh pho\b/g, "tp")
    .replace(/\bthi xa\b/g, "tx")
    .replace(/\bthi tran\b/g, "tt");

interface Agency {
  code: string;
  name: string;
  aliases?: string[];
  formerNames?: { name: string }[];
  kind: string;
  parent: string | null;
  parentHistory?: { parent: string | null; from?: string; to?: string }[];
  validFrom: string | null;
  validTo: string | null;
}
interface Group {
  phrase: string;
  aliases: string[];
  members: { kinds?: string[]; codes?: string[]; groups?: string[]; exclude?: string[]; under?: string };
}

function registryRules(agencies: Agency[], groups: Group[], day: string, province: string) {
  const exists = (a: Agency) => (!a.validFrom || a.validFrom <= day) && (!a.validTo || day <= a.validTo);
  const live = agencies.filter(exists);
  const variants = (key: string): string[] => {
    const keys = [key];
    for (const suffix of [` tinh ${fold(province)}`, ` ${fold(province)}`, " tinh"])
      if (key.endsWith(suffix) && key.length > suffix.length) keys.push(key.slice(0, -suffix.length));
    return keys.flatMap((k) => [k, k.startsWith("ubnd ") ? k.slice(5) : `ubnd ${k}`]);
  };
  const agencyNamed = (text: string): Agency | undefined => {
    const wanted = new Set(variants(fold(text)));
    return live.find((a) =>
      [a.code, a.name, ...(a.aliases ?? []), ...(a.formerNames ?? []).map((f) => f.name)].some((n) =>
        wanted.has(fold(n)),
      ),
    );
  };
  const groupNamed = (text: string): Group | undefined => {
    const find = (k: string) => groups.find((g) => [g.phrase, ...g.aliases].some((p) => fold(p) === k));
    const k = fold(text);
    return find(k) ?? find(k.replace(/ (co )?lien quan$/, ""));
  };
  const parentOn = (a: Agency): string | null =>
    a.parentHistory?.find((p) => (!p.from || p.from <= day) && (!p.to || day <= p.to))?.parent ?? a.parent;
  const below = (a: Agency, unit: string): boolean => {
    for (let p = parentOn(a), n = 0; p && n < 10; n++) {
      if (p === unit) return true;
      const next = live.find((x) => x.code === p);
      p = next ? parentOn(next) : null;
    }
    return false;
  };
  const members = (g: Group): Set<string> => {
    const m = g.members;
    const out = new Set(
      live
        .filter((a) => (m.kinds ?? []).includes(a.kind) || (m.codes ?? []).includes(a.code))
        .filter((a) => !m.under || below(a, m.under))
        .map((a) => a.code),
    );
    for (const sub of m.groups ?? []) for (const c of members(groupNamed(sub)!)) out.add(c);
    for (const c of m.exclude ?? []) out.delete(c);
    return out;
  };
  /** The agencies an agency cell names: split at the separators, the longest run that names something wins. */
  const cellNames = (text: string): Set<string> => {
    const parts = text.replace(/\r\n?/g, "\n").split(/(\n|;|,|\/|\s+và\s+|\s+\+\s+)/);
    const pieces = parts.filter((_, i) => i % 2 === 0).map((p) => p.trim().replace(/^[-+•*–]\s*/, ""));
    const seps = parts.filter((_, i) => i % 2 === 1);
    const out = new Set<string>();
    for (let i = 0; i < pieces.length;) {
      let j = pieces.length;
      for (; j > i; j--) {
        const run = pieces
          .slice(i, j)
          .reduce((acc, p, n) => (n === 0 ? p : `${acc}${seps[i + n - 1]}${p}`), "");
        const g = groupNamed(run);
        if (g) {
          members(g).forEach((c) => out.add(c));
          break;
        }
        const a = agencyNamed(run);
        if (a) {
          out.add(a.code);
          break;
        }
      }
      i = j > i ? j : i + 1;
    }
    return out;
  };
  return { live, cellNames };
}

interface PlanTask {
  code: string;
  lead: string;
  coordinators: string;
}

/** Task codes from the `Kế hoạch` sheet, as FORMAT.md rule 1 says. */
function planTasks(grid: Row[]): PlanTask[] {
  const head = grid.findIndex((r) => r.map((v) => fold(String(v ?? ""))).includes("stt"));
  const col = (name: string) => grid[head].findIndex((v) => fold(String(v ?? "")) === fold(name));
  const [stt, lead, coord, deadline] = [
    "STT",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian hoàn thành",
  ].map(col);
  const tasks: PlanTask[] = [];
  let section = "";
  let number = "";
  let under = 0;
  for (const r of grid.slice(head + 1)) {
    const s = String(r[stt] ?? "").trim();
    const text = (c: number) => String(r[c] ?? "").trim();
    if (/^(I|II|III|IV|V|VI|VII|VIII)$/.test(s)) {
      section = s;
      number = "";
      continue;
    }
    if (/^\d+[.)]?$/.test(s)) {
      number = s.replace(/[.)]$/, "");
      under = 1;
      if (!text(lead) && !text(deadline)) continue; // a heading: its a), b) rows are the tasks
      tasks.push({ code: `${section}.${number}`, lead: text(lead), coordinators: text(coord) });
    } else if (/^[a-zđ][.)]$/i.test(s)) {
      tasks.push({
        code: `${section}.${number}.${s[0].toLowerCase()}`,
        lead: text(lead),
        coordinators: text(coord),
      });
    } else if (!s && number && (text(lead) || text(deadline))) {
      under++;
      tasks.push({ code: `${section}.${number}.${under}`, lead: text(lead), coordinators: text(coord) });
    }
  }
  return tasks;
}

/** A report for one agency, laid out from FORMAT.md: labels and headers typed without diacritics where
 * the documentation says they are ignored, only the columns it says are read. */
function reportSheets(
  agency: Agency,
  tasks: { code: string; role: string }[],
  indicators: Record<string, unknown>[],
) {
  const info: Row[] = [
    ["THONG TIN", "Gia tri"],
    ["Loai bieu mau", "Báo cáo CCHC của cơ quan"],
    ["Phien ban bieu mau", 1],
    ["Ma co quan", agency.code],
    ["Ten co quan", agency.name],
    ["Ky bao cao", "Năm 2023"],
    ["Nam ke hoach", 2023],
    ["Nguoi lap", "Nguyễn Văn A"],
    ["Dien thoai, email", "+84 270 3823 456"],
    ["Lan gui", 1],
  ];
  const taskRows: Row[] = [
    ["Mã nhiệm vụ", "Tình trạng", "Ngày hoàn thành", "Văn bản, minh chứng"],
    // Done before the period started: accepted (FORMAT.md, Ngày hoàn thành).
    ...tasks.map((t) => [t.code, "Hoàn thành", "01/12/2022", "2621/QĐ-UBND ngày 13/12/2022"]),
  ];
  const typed: Record<string, string | number> = {
    CQ_THUOC_DIEN_ISO: 107,
    CQ_AP_DUNG_ISO: 98,
    TL_AP_DUNG_ISO: 0.9159, // a rate typed as a number: 2 percentage decimals, 98/107 rounded
    VB_QPPL_BAN_HANH: "1.236", // Vietnamese number text: the dot groups thousands
  };
  const figureRows: Row[] = [
    ["Mã chỉ tiêu", "Số liệu"],
    ...indicators.map((i) => {
      const code = String(i.code);
      // Rates and computed figures may be left blank; every count and amount is filled.
      const blank = i.kind === "rate" || i.computed;
      return [code, typed[code] ?? (blank ? null : 0)];
    }),
  ];
  return { "Thông tin": info, "Nhiệm vụ": taskRows, "Số liệu": figureRows };
}

describe("a report built by hand from docs/FORMAT.md", () => {
  it("validates with no error and no task problem for every agency of the 2023 plan", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(PLAN);
    const sheet = (n: string) => rows(wb.getWorksheet(n)!);
    const info = Object.fromEntries(sheet("Thông tin kế hoạch").map((r) => [String(r[0]), r[1]]));
    const agencies = records(sheet("Cơ quan")) as unknown as Agency[];
    const groups = (records(sheet("Nhóm cơ quan")) as unknown as Group[]).map((g) => ({
      ...g,
      aliases: g.aliases ?? [],
    }));
    const indicators = records(sheet("Chỉ tiêu"));
    const tasks = planTasks(sheet("Kế hoạch"));
    expect(tasks.length).toBeGreaterThan(50);
    // Rule 3: groups on 1 January of the plan year.
    const { live, cellNames } = registryRules(agencies, groups, "2023-01-01", String(info["Tỉnh"]));

    // Read as any host reads a workbook: the .xlsx adapter behind the port, every sheet at once.
    const pw = readPlanWorkbook((await readWholeWorkbook(await XlsxReader.open(PLAN))).grids);
    const bundle = {
      plan: pw.plan!,
      registry: pw.registry!,
      catalogue: pw.catalogue!,
      schedule: pw.schedule,
    };
    mkdirSync(OUT, { recursive: true });
    const byAgency = new Map<string, Problem[]>();
    const roles = { lead: 0, coordinator: 0, both: 0 };
    for (const agency of live) {
      // Rule 4: led tasks (Chủ trì), then the other tasks it coordinates; leading wins.
      const mine: { code: string; role: string }[] = [];
      for (const t of tasks) {
        const leads = cellNames(t.lead).has(agency.code);
        const coordinates = cellNames(t.coordinators).has(agency.code);
        if (leads && coordinates) roles.both++;
        if (leads || coordinates) mine.push({ code: t.code, role: leads ? "Chủ trì" : "Phối hợp" });
        if (leads) roles.lead++;
        else if (coordinates) roles.coordinator++;
      }
      const out = new ExcelJS.Workbook();
      for (const [name, grid] of Object.entries(reportSheets(agency, mine, indicators)))
        out.addWorksheet(name).addRows(grid);
      const file = path.join(OUT, `${agency.code}.xlsx`);
      await out.xlsx.writeFile(file);
      const read = await readWholeWorkbook(await XlsxReader.open(file));
      const v = validateReport(read, { ...bundle, expectedPeriod: makePeriod("year", 2023) });
      byAgency.set(agency.code, v.problems);
    }
    expect(byAgency.size).toBeGreaterThan(40);
    expect(roles.lead).toBeGreaterThan(0);
    expect(roles.coordinator).toBeGreaterThan(0);
    expect(roles.both).toBeGreaterThan(0); // the documented tie-break was exercised
    const bad = [...byAgency].flatMap(([a, ps]) =>
      ps
        .filter((p) => p.severity === "error" || p.code.startsWith("TASK_"))
        .map((p) => `${a} ${p.code} ${p.cell ?? ""}: ${p.message_en}`),
    );
    expect(bad).toEqual([]);
    // Not even a warning: only the note that "1.236" was typed as text (and read as 1236, as documented).
    const all = [...byAgency].flatMap(([a, ps]) => ps.map((p) => ({ a, p })));
    expect(
      all.filter(({ p }) => p.code !== "NUMBER_TEXT").map(({ a, p }) => `${a} ${p.code}: ${p.message_en}`),
    ).toEqual([]);
    expect(all.map(({ p }) => `${p.severity} ${p.value}`)).toEqual(Array(byAgency.size).fill("info 1.236"));
  });
});

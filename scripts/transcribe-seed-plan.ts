// Transcribe the 2023 plan appendix (PHỤ LỤC) of seed 001 into examples/data/plan-2023.json.
// The JSON is the data the repository keeps; this script documents how it was made.
//
//   npx tsx scripts/transcribe-seed-plan.ts
//
// The seed flattens the table to text: cells are separated by lines holding only "|", a cell may
// wrap over several lines. Row shapes found in the appendix:
//   section       one cell "I. CÔNG\nTÁC CHỈ ĐẠO ĐIỀU HÀNH", or two cells "VIII" | "ĐÁNH GIÁ …"
//   numbered task  6 cells: STT ("1" or "1.") | task | lead | coordinators | product | deadline
//   further row    5 cells without STT: another row under the previous number
//   sub-item       6 cells with STT "a)", "b)"
//   group header   2 cells: STT | task, followed directly by its sub-items (V.2)
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { format, resolveConfig } from "prettier";

const REPO = resolve(__dirname, "..");
const SEEDS = resolve(REPO, "..", "shared", "seeds");
const OUT = join(REPO, "examples", "data", "plan-2023.json");

type Row =
  | { kind: "section"; stt: string; title: string }
  | {
      kind: "task";
      stt: string;
      task: string;
      lead: string;
      coordinators: string;
      product: string;
      deadline: string;
    };

const ROMAN = "(?:VIII|VII|VI|IV|V|III|II|I)";
const SECTION_ONE_CELL = new RegExp(`^(${ROMAN})\\.\\s+(.+)$`);
const SECTION_STT = new RegExp(`^${ROMAN}$`);
const NUMBER_STT = /^\d{1,2}\.?$/;
const LETTER_STT = /^[a-zđ]\)$/;

const isStt = (cell: string): boolean => NUMBER_STT.test(cell) || LETTER_STT.test(cell);
const isSectionStart = (cell: string): boolean => SECTION_ONE_CELL.test(cell) || SECTION_STT.test(cell);

/** Join a wrapped cell into one line and undo the seed's hyphen artefacts ("NĐ- CP" → "NĐ-CP"). */
function cleanCell(lines: string[]): string {
  return (
    lines
      .map((l) => l.trim())
      .filter((l) => l.length > 0)
      .join(" ")
      .normalize("NFC")
      // A hyphen glued to a code on its left and followed by a space and an upper-case code
      // ("NĐ- CP", "QĐ- UBND", "19- NQ/TU") is a line-wrap artefact; "kinh tế - xã hội" is not.
      .replace(/(?<=[A-ZĐ0-9])- (?=[A-ZĐ]{2,})/g, "-")
      .replace(/\s+/g, " ")
  );
}

/** Cells of the appendix table, in order, header row included. */
function appendixCells(seed: string): string[] {
  const lines = seed.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === "PHỤ LỤC");
  if (start < 0) throw new Error("PHỤ LỤC not found in the seed");
  const headerAt = lines.findIndex((l, i) => i > start && l.trim() === "STT");
  if (headerAt < 0) throw new Error("table header (STT) not found after PHỤ LỤC");
  const cells: string[] = [];
  let current: string[] = [];
  for (const line of lines.slice(headerAt)) {
    if (line.trim() === "|") {
      cells.push(cleanCell(current));
      current = [];
    } else current.push(line);
  }
  if (current.some((l) => l.trim())) cells.push(cleanCell(current));
  // The flattened table ends with a run of empty cells.
  while (cells.length && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

function parseRows(cells: string[]): Row[] {
  const header = cells.slice(0, 6);
  const expected = [
    "STT",
    "Nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Sản phẩm",
    "Thời gian hoàn thành",
  ];
  if (header.join("|") !== expected.join("|")) throw new Error(`unexpected header: ${header.join(" | ")}`);
  const rows: Row[] = [];
  let i = 6;
  const take = (n: number): string[] => {
    const out = cells.slice(i, i + n);
    if (out.length < n) throw new Error(`row at cell ${i} is cut short: ${JSON.stringify(out)}`);
    i += n;
    return out;
  };
  while (i < cells.length) {
    const cell = cells[i];
    const one = SECTION_ONE_CELL.exec(cell);
    if (one) {
      rows.push({ kind: "section", stt: one[1], title: one[2] });
      i += 1;
    } else if (SECTION_STT.test(cell)) {
      const [stt, title] = take(2);
      rows.push({ kind: "section", stt, title });
    } else if (isStt(cell)) {
      const next = cells[i + 2];
      if (next !== undefined && (isStt(next) || isSectionStart(next))) {
        // A number whose row only states the task: its sub-items follow (V.2 → a), b)).
        const [stt, task] = take(2);
        rows.push({ kind: "task", stt, task, lead: "", coordinators: "", product: "", deadline: "" });
      } else {
        const [stt, task, lead, coordinators, product, deadline] = take(6);
        rows.push({ kind: "task", stt, task, lead, coordinators, product, deadline });
      }
    } else {
      const [task, lead, coordinators, product, deadline] = take(5);
      rows.push({ kind: "task", stt: "", task, lead, coordinators, product, deadline });
    }
  }
  return rows;
}

/** Every task row that is not a group header must have all six cells filled. */
function check(rows: Row[]): void {
  let sections = 0;
  for (const [n, r] of rows.entries()) {
    if (r.kind === "section") {
      sections++;
      continue;
    }
    const groupHeader =
      !r.lead && !r.deadline && rows[n + 1]?.kind === "task" && LETTER_STT.test(rows[n + 1].stt);
    if (groupHeader) continue;
    for (const [k, v] of Object.entries(r)) {
      if (k !== "stt" && !v) throw new Error(`row ${n} (${r.stt}) has an empty ${k}`);
    }
    for (const v of [r.lead, r.coordinators, r.deadline]) {
      if (isStt(v) || isSectionStart(v))
        throw new Error(`row ${n}: cells look shifted: ${JSON.stringify(r)}`);
    }
  }
  if (sections !== 8) throw new Error(`expected 8 sections, found ${sections}`);
}

async function main(): Promise<void> {
  const file = readdirSync(SEEDS).find((f) => /^001_.*\.txt$/.test(f));
  if (!file) throw new Error(`seed 001_*.txt not found in ${SEEDS}`);
  const cells = appendixCells(readFileSync(join(SEEDS, file), "utf8"));
  const rows = parseRows(cells);
  check(rows);
  const plan = {
    schemaVersion: 1,
    title: "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2023",
    year: 2023,
    source: "Quyết định số 2621/QĐ-UBND ngày 13/12/2022 của Chủ tịch UBND tỉnh Vĩnh Long",
    rows,
  };
  // Written as the repository's formatter would, so `prettier --check` stays green.
  const options = { ...(await resolveConfig(OUT)), filepath: OUT };
  writeFileSync(OUT, await format(JSON.stringify(plan, null, 2), options), "utf8");

  // Counts per section, to compare with the seed by eye.
  let section = "";
  const counts = new Map<string, { rows: number; numbered: number; further: number; lettered: number }>();
  for (const r of rows) {
    if (r.kind === "section") {
      section = r.stt;
      counts.set(section, { rows: 0, numbered: 0, further: 0, lettered: 0 });
      continue;
    }
    const c = counts.get(section)!;
    c.rows++;
    if (!r.stt) c.further++;
    else if (LETTER_STT.test(r.stt)) c.lettered++;
    else c.numbered++;
  }
  console.log(`${file}: ${cells.length} cells (6 header), ${rows.length} rows → ${OUT}`);
  for (const [s, c] of counts) {
    console.log(
      `  ${s.padEnd(5)} ${c.rows} task rows: ${c.numbered} numbered, ${c.further} further, ${c.lettered} lettered`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});

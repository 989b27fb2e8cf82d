// The demo's deterministic generator: ~30 agency report workbooks for 2023 from the bundled plan,
// filled like real ones — most tasks done on time, some late or overdue, a few invalid workbooks,
// one revised resubmission, one agency missing.
import { FIGURE_TABLE, TASK_TABLE } from "../../domain/report/layout";
import { tableColumn } from "../../domain/sheetTable";
import { agencyByCode, childrenAt } from "../../domain/agencies";
import { assignedAgencies, assignmentsByCode } from "../../domain/assignment";
import type { CellValue } from "../../domain/cell";
import { addDays, civil, civilToSerial, compareCivil, type CivilDate } from "../../domain/civilDate";
import { finalDueDate } from "../../domain/deadline";
import { makePeriod, periodRange, type Period } from "../../domain/period";
import { buildReportTemplate } from "../../domain/report/template";
import type { SheetSpec } from "../../domain/sheetSpec";
import { taskStatusLabel, type TaskStatus } from "../../domain/taskStatus";
import { formatVnDate } from "../../domain/text/vnDate";
import type { PlanBundle } from "../../domain/consolidation/intake";
import { agencyFigures, intIn, rng } from "./figures";

export interface DemoFile {
  name: string;
  /** Workbook sheets, or raw bytes-to-be (a damaged file) as `damaged`. */
  sheets: SheetSpec[];
  damaged?: boolean;
  /** Which batch: the revision arrives in a second run, merged into the existing rollup. */
  batch: 1 | 2;
  /** What it demonstrates. */
  note: string;
}

export const DEMO_PERIOD: Period = makePeriod("year", 2023);
export const DEMO_MISSING = "BDT";

/** How to fill one generated report (the bench reuses it for its workloads). */
export interface Fill {
  version: number;
  submittedAt: CivilDate;
  statusFor?: (code: string) => string | undefined;
  figures: Record<string, number>;
  period?: string;
  doneShare?: number;
}

/** Every demo file, deterministic for a seed. */
export function demoFiles(bundle: PlanBundle, seed = 20231213): DemoFile[] {
  const { plan, registry } = bundle;
  const period = DEMO_PERIOD;
  const end = periodRange(period, CUTOFF_DECREE).end;
  const assigned = assignedAgencies(plan);
  const expected = childrenAt(registry, "UBND_TINH", civil(2023, 12, 31)).filter((c) => assigned.has(c));
  const files: DemoFile[] = [];
  for (const [i, code] of expected.entries()) {
    if (code === DEMO_MISSING) continue;
    const agency = agencyByCode(registry, code)!;
    const r = rng(seed + i * 7919);
    const figures = agencyFigures(agency.kind, r);
    const day = intIn(r, 5, 24); // some send after the 20th: late
    const base: Fill = {
      version: 1,
      submittedAt: civil(2023, 12, day),
      figures,
      doneShare: 0.8 + r() * 0.18,
    };
    const fill = (f: Fill, note: string, name = `${code}-2023.xlsx`, batch: 1 | 2 = 1) =>
      files.push({ name, sheets: fillReport(bundle, code, period, end, f, rng(seed + i)), batch, note });

    if (code === "SNV") {
      fill({ ...base, doneShare: 0.7 }, "lần gửi 1", `${code}-2023-lan1.xlsx`);
      const revised: Record<string, number> = {
        ...figures,
        HS_MOI_TIEP_NHAN: figures.HS_MOI_TIEP_NHAN + 120,
      };
      revised.HS_TIEP_NHAN += 120;
      revised.HS_DA_GIAI_QUYET += 120;
      revised.HS_DUNG_HAN += 120;
      revised.HS_DEN_HAN += 120;
      revised.HS_GQ_DUNG_HAN += 120;
      revised.HS_TIEP_NHAN_TRUC_TUYEN += 120;
      fill(
        { ...base, version: 2, submittedAt: civil(2023, 12, 19), figures: revised, doneShare: 0.95 },
        "lần gửi 2 (bổ sung)",
        `${code}-2023-lan2.xlsx`,
        2,
      );
    } else if (code === "SXD") {
      const wrong = { ...figures, HS_DA_GIAI_QUYET: figures.HS_DA_GIAI_QUYET + 7 };
      fill({ ...base, figures: wrong }, "lỗi: tổng không khớp thành phần");
    } else if (code === "SYT") {
      fill(
        { ...base, statusFor: (t) => (t === "I.2" ? "Xong rồi" : undefined) },
        "lỗi: tình trạng không hợp lệ",
      );
    } else if (code === "STP") {
      fill(base, "hợp lệ");
      fill({ ...base, period: "2023-Q3" }, "lỗi: sai kỳ báo cáo", `${code}-2023-Q3-gui-nham.xlsx`);
    } else if (code === "H_TRAON") {
      fill(base, "hợp lệ");
      files.push({
        name: `${code}-2023-ban-sao-hong.xlsx`,
        sheets: [],
        damaged: true,
        batch: 1,
        note: "tệp hỏng (tải về chưa hết)",
      });
    } else fill(base, "hợp lệ");
  }
  return files;
}

export const CUTOFF_DECREE = { kind: "decree09" } as const;

/** One agency's report sheets for a period, filled from `f` (deterministic for `r`). */
export function fillReport(
  bundle: PlanBundle,
  code: string,
  period: Period,
  cutoff: CivilDate,
  f: Fill,
  r: () => number,
): SheetSpec[] {
  const agency = agencyByCode(bundle.registry, code)!;
  const sheets = buildReportTemplate({ plan: bundle.plan, agency, period, catalogue: bundle.catalogue });
  const [info, tasks, figs] = sheets;
  const infoValues: Record<string, CellValue> = {
    "Người lập": `Nguyễn Văn ${String.fromCharCode(65 + (code.length % 20))}`,
    "Điện thoại, email": "0270 3822 xxx",
    "Lần gửi": f.version,
    "Ngày gửi": formatVnDate(f.submittedAt),
  };
  if (f.period) infoValues["Kỳ báo cáo"] = f.period;
  info.rows = info.rows.map((row) =>
    infoValues[String(row[0])] !== undefined ? [row[0], infoValues[String(row[0])], row[2]] : row,
  );

  const byCode = assignmentsByCode(bundle.plan, code);
  tasks.rows = tasks.rows.map((row, i) => {
    if (i === 0) return row;
    const task = byCode.get(String(row[0]))?.task;
    if (!task) return row;
    const due = task.deadline ? finalDueDate(task.deadline) : null;
    const { status, date } = pickStatus(due, cutoff, f.doneShare ?? 0.85, r);
    const typed = f.statusFor?.(task.code) ?? taskStatusLabel(status);
    const evidence = date
      ? `${intIn(r, 10, 3000)}/QĐ-${code.replace(/_/g, "")} ngày ${formatVnDate(date)}`
      : null;
    const out = [...row];
    out[tableColumn(TASK_TABLE, "status")] = typed;
    out[tableColumn(TASK_TABLE, "doneDate")] = date ? civilToSerial(date) : null;
    out[tableColumn(TASK_TABLE, "evidence")] = evidence;
    return out;
  });
  figs.rows = figs.rows.map((row, i) =>
    i === 0 || f.figures[String(row[0])] === undefined
      ? row
      : row.map((v, c) => (c === tableColumn(FIGURE_TABLE, "value") ? f.figures[String(row[0])] : v)),
  );
  return sheets;
}

/** Mostly done on time; some done late; the rest in progress (overdue when past due). */
function pickStatus(
  due: CivilDate | null,
  cutoff: CivilDate,
  doneShare: number,
  r: () => number,
): { status: TaskStatus; date: CivilDate | null } {
  const x = r();
  if (x > doneShare)
    return { status: x > doneShare + (1 - doneShare) / 2 ? "not_started" : "in_progress", date: null };
  const anchor = due && compareCivil(due, cutoff) < 0 ? due : cutoff;
  const late = due !== null && compareCivil(due, cutoff) < 0 && r() < 0.12;
  const date = late ? addDays(anchor, intIn(r, 3, 40)) : addDays(anchor, -intIn(r, 0, 20));
  const clamped = compareCivil(date, cutoff) > 0 ? cutoff : date;
  return { status: late && compareCivil(clamped, due!) > 0 ? "done_late" : "done", date: clamped };
}

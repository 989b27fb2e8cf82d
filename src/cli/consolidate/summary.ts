// What `cchc consolidate` and `cchc demo` print: a table per agency and the key totals, or JSON.
import { MERGE_OUTCOME_LABELS } from "../../domain/consolidation/mergeRules";
import { SUBMISSION_STATE_LABELS, type Rollup, type SubmissionState } from "../../domain/consolidation/model";
import { narrative } from "../../domain/consolidation/narrative";
import { INDICATOR_ROLES, indicatorRoles, type IndicatorRole } from "../../domain/indicators";
import { periodCode, periodLabelEn, periodLabelVi } from "../../domain/period";
import { formatVnNumber } from "../../domain/text/vnNumber";
import { formatVnDate } from "../../domain/text/vnDate";
import type { SkippedFile } from "./discover";

const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + "…" : s.padEnd(n));

/** Per-file outcomes of this run (what --dry-run reports), in Vietnamese or English (`--lang en`). */
export function outcomeTable(r: Rollup, lang: "vi" | "en" = "vi"): string {
  const head =
    lang === "en" ? ["Agency", "Ver.", "Outcome", "File"] : ["Mã cơ quan", "Lần", "Kết quả", "Tệp"];
  const lines = [`${pad(head[0], 14)} ${pad(head[1], 4)} ${pad(head[2], 34)} ${head[3]}`];
  for (const o of r.merge.outcomes) {
    const s = o.submission;
    lines.push(
      `${pad(s.agency ?? "?", 14)} ${pad(s.version === null ? "" : String(s.version), 4)} ${pad(MERGE_OUTCOME_LABELS[o.outcome][lang], 34)} ${s.via ? `${s.via} › ` : ""}${s.file}`.trimEnd(),
    );
    for (const p of o.reasons.slice(0, 3))
      lines.push(`${" ".repeat(20)}[${p.code}] ${lang === "en" ? p.message_en : p.message_vi}`);
    if (o.reasons.length > 3) lines.push(`${" ".repeat(20)}… (+${o.reasons.length - 3})`);
  }
  return lines.join("\n");
}

/** Files found in folders and not taken, each with why. */
export function skippedText(skipped: readonly SkippedFile[], lang: "vi" | "en" = "vi"): string {
  const head =
    lang === "en"
      ? `Not taken (${skipped.length} file(s) found in the folders):`
      : `Không lấy (${skipped.length} tệp tìm thấy trong thư mục):`;
  return [head, ...skipped.map((s) => `  ${s.file}: ${lang === "en" ? s.en : s.vi}`)].join("\n");
}

/** English names of the submission states (the workbook's labels, SUBMISSION_STATE_LABELS, are Vietnamese). */
const STATE_EN: Record<SubmissionState, string> = {
  accepted: "Accepted",
  returned: "Returned",
  rejected: "Rejected",
  conflict: "Conflict",
  missing: "Missing",
};

type NumberFormat = { percent?: boolean; digits?: number };

/** Numbers as English readers write them: 451,408 and 99.79%. */
function formatEnNumber(value: number, opts: NumberFormat = {}): string {
  const digits = opts.digits ?? (opts.percent ? 2 : 0);
  const f = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return opts.percent ? `${(value * 100).toLocaleString("en-US", f)}%` : value.toLocaleString("en-US", f);
}

/** The words of the summary, in Vietnamese or English (`--lang en`). */
const WORDS = {
  vi: {
    head: (r: Rollup) => `Tổng hợp ${periodLabelVi(r.period)} — ${r.unit.name}`,
    columns: ["Mã cơ quan", "Tình trạng", "Lần", "Ngày gửi", "Hạn", "Hoàn thành NV", "Ghi chú"],
    state: (s: SubmissionState) => SUBMISSION_STATE_LABELS[s],
    num: formatVnNumber,
    onTime: "đúng hạn",
    late: "quá hạn",
    counts: (c: Rollup["counts"]) =>
      `Phải báo cáo ${c.expected} · đã gửi ${c.received} · tiếp nhận ${c.accepted} · trả lại ${c.returned} · từ chối ${c.rejected} · xung đột ${c.conflict} · chưa nộp ${c.missing} · đúng hạn ${c.onTime} · quá hạn ${c.late}`,
    tasks: (done: string, total: string, rate: string, late: number, overdue: number) =>
      `Nhiệm vụ: hoàn thành ${done}/${total} lượt (${rate}), hoàn thành quá hạn ${late}, quá hạn chưa xong ${overdue}`,
    files: (t: (role: IndicatorRole) => string) =>
      `Hồ sơ: tiếp nhận ${t("dossiers_received")}, đã giải quyết ${t("dossiers_resolved")}, đúng hạn ${t("dossiers_on_time")} (${t("on_time_rate")}), quá hạn ${t("dossiers_late")}`,
    schedule: (s: NonNullable<Rollup["schedule"]>) =>
      `Kỳ ${s.row.name_vi} ${s.period.year}: số liệu ${formatVnDate(s.dataWindow.start)} – ${formatVnDate(s.dataWindow.end)}; hạn cơ quan gửi Sở Nội vụ ${formatVnDate(s.agencyDue)}; hạn tỉnh gửi Bộ Nội vụ ${formatVnDate(s.ministryDue)}`,
    comparison: (groups: number, same: number, successors: number, fresh: number) =>
      `So với cùng kỳ theo đơn vị kế thừa: ${groups} nhóm (${same} cùng đơn vị, ${successors} cộng theo đơn vị tiền thân, ${fresh} không có số liệu cùng kỳ)`,
    note: (s: Rollup["status"][number]) => (s.note ? pad(s.note, 60) : s.file),
    narrative: "",
  },
  en: {
    head: (r: Rollup) => `Rollup ${periodLabelEn(r.period)} — ${r.unit.name}`,
    columns: ["Agency", "Status", "Ver.", "Submitted", "Deadline", "Tasks done", "Note"],
    state: (s: SubmissionState) => STATE_EN[s],
    num: formatEnNumber,
    onTime: "on time",
    late: "late",
    counts: (c: Rollup["counts"]) =>
      `Expected ${c.expected} · received ${c.received} · accepted ${c.accepted} · returned ${c.returned} · rejected ${c.rejected} · conflicts ${c.conflict} · missing ${c.missing} · on time ${c.onTime} · late ${c.late}`,
    tasks: (done: string, total: string, rate: string, late: number, overdue: number) =>
      `Tasks: ${done}/${total} assignments done (${rate}), ${late} done late, ${overdue} overdue and not done`,
    files: (t: (role: IndicatorRole) => string) =>
      `Applications (hồ sơ): received ${t("dossiers_received")}, resolved ${t("dossiers_resolved")}, on time ${t("dossiers_on_time")} (${t("on_time_rate")}), late ${t("dossiers_late")}`,
    schedule: (s: NonNullable<Rollup["schedule"]>) =>
      `${s.row.name_en} ${s.period.year}: data ${formatVnDate(s.dataWindow.start)} – ${formatVnDate(s.dataWindow.end)}; agencies due at the Department of Home Affairs ${formatVnDate(s.agencyDue)}; province due at the Ministry of Home Affairs ${formatVnDate(s.ministryDue)}`,
    comparison: (groups: number, same: number, successors: number, fresh: number) =>
      `Year-on-year by successor unit: ${groups} groups (${same} same unit, ${successors} summed over predecessor units, ${fresh} without last year's figures)`,
    // The stored note is the workbook's Vietnamese text; the English reasons are listed per file above.
    note: (s: Rollup["status"][number]) =>
      s.errors || s.warnings ? `${s.errors} error(s), ${s.warnings} warning(s) — ${s.file}` : s.file,
    narrative: "Draft paragraph for the report (Vietnamese):\n",
  },
} as const;

/** Submission status per agency plus the key totals, in Vietnamese or English (`--lang en`). */
export function summaryText(r: Rollup, lang: "vi" | "en" = "vi"): string {
  const w = WORDS[lang];
  const c = r.counts;
  const lines: string[] = [];
  lines.push(w.head(r));
  const [agency, state, version, submitted, deadline, done, note] = w.columns;
  lines.push(
    `${pad(agency, 14)} ${pad(state, 14)} ${pad(version, 4)} ${pad(submitted, 11)} ${pad(deadline, 9)} ${pad(done, 14)} ${note}`.trimEnd(),
  );
  for (const s of r.status) {
    const comp = s.agency ? r.completionByAgency.get(s.agency) : undefined;
    const rate = comp && comp.rate !== null ? w.num(comp.rate, { percent: true, digits: 1 }) : "";
    lines.push(
      `${pad(s.agency ?? "?", 14)} ${pad(w.state(s.state), 14)} ${pad(s.version === null ? "" : String(s.version), 4)} ${pad(s.submittedAt ? formatVnDate(s.submittedAt) : "", 11)} ${pad(s.onTime === null ? "" : s.onTime ? w.onTime : w.late, 9)} ${pad(rate, 14)} ${w.note(s)}`.trimEnd(),
    );
  }
  lines.push("");
  lines.push(w.counts(c));
  const comp = r.completion;
  if (comp.rate !== null)
    lines.push(
      w.tasks(
        w.num(comp.done),
        w.num(comp.total),
        w.num(comp.rate, { percent: true, digits: 2 }),
        comp.doneLate,
        comp.overdue,
      ),
    );
  // Figures by their role in the catalogue, not by code (another body codes them its own way).
  const roles = indicatorRoles(r.catalogue);
  const t = (role: IndicatorRole) => {
    const code = roles[role];
    const v = code === undefined ? undefined : r.totals.get(code);
    const pct = INDICATOR_ROLES[role].kind === "rate";
    return v === null || v === undefined ? "—" : w.num(v, pct ? { percent: true, digits: 2 } : {});
  };
  lines.push(w.files(t));
  if (r.schedule) lines.push(w.schedule(r.schedule));
  if (r.comparison) {
    const by = (m: string) => r.comparison!.filter((g) => g.method === m).length;
    lines.push(w.comparison(r.comparison.length, by("same"), by("successors"), by("new")));
  }
  lines.push("");
  lines.push(
    ...narrative(r)
      .slice(0, 1)
      .map((p) => w.narrative + p),
  );
  return lines.join("\n");
}

/** The machine-readable result. */
export function summaryJson(r: Rollup, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    period: periodCode(r.period),
    unit: r.unit.code,
    ...extra,
    counts: r.counts,
    completion: r.completion,
    outcomes: r.merge.outcomes.map((o) => ({
      file: o.submission.file,
      via: o.submission.via ?? null,
      hash: o.submission.hash,
      agency: o.submission.agency,
      version: o.submission.version,
      outcome: o.outcome,
      reasons: o.reasons,
    })),
    conflicts: r.conflicts,
    status: r.status.map((s) => ({ ...s, submittedAt: s.submittedAt ? formatVnDate(s.submittedAt) : null })),
    totals: Object.fromEntries(r.totals),
    schedule: r.schedule
      ? {
          code: r.schedule.row.code,
          window: [formatVnDate(r.schedule.dataWindow.start), formatVnDate(r.schedule.dataWindow.end)],
          agencyDue: formatVnDate(r.schedule.agencyDue),
          ministryDue: formatVnDate(r.schedule.ministryDue),
        }
      : null,
  };
}

/** Exit status: problems (1) when anything was rejected, conflicting or for the wrong period. */
export function hasMergeProblems(r: Rollup): boolean {
  return r.merge.outcomes.some((o) => ["rejected", "conflict", "wrong_period"].includes(o.outcome));
}

// What `cchc consolidate` and `cchc demo` print: a table per agency and the key totals, or JSON.
import { MERGE_OUTCOME_LABELS } from "../../domain/consolidation/mergeRules";
import { SUBMISSION_STATE_LABELS, type Rollup } from "../../domain/consolidation/model";
import { narrative } from "../../domain/consolidation/narrative";
import { periodCode, periodLabelVi } from "../../domain/period";
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
      `${pad(s.agency ?? "?", 14)} ${pad(s.version === null ? "" : String(s.version), 4)} ${pad(MERGE_OUTCOME_LABELS[o.outcome][lang], 34)} ${s.via ? `${s.via} › ` : ""}${s.file}`,
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

/** Submission status per agency plus the key totals. */
export function summaryText(r: Rollup): string {
  const c = r.counts;
  const lines: string[] = [];
  lines.push(`Tổng hợp ${periodLabelVi(r.period)} — ${r.unit.name}`);
  lines.push(
    `${pad("Mã cơ quan", 14)} ${pad("Tình trạng", 14)} ${pad("Lần", 4)} ${pad("Ngày gửi", 11)} ${pad("Hạn", 9)} ${pad("Hoàn thành NV", 14)} Ghi chú`,
  );
  for (const s of r.status) {
    const comp = s.agency ? r.completionByAgency.get(s.agency) : undefined;
    const rate = comp && comp.rate !== null ? formatVnNumber(comp.rate, { percent: true, digits: 1 }) : "";
    lines.push(
      `${pad(s.agency ?? "?", 14)} ${pad(SUBMISSION_STATE_LABELS[s.state], 14)} ${pad(s.version === null ? "" : String(s.version), 4)} ${pad(s.submittedAt ? formatVnDate(s.submittedAt) : "", 11)} ${pad(s.onTime === null ? "" : s.onTime ? "đúng hạn" : "trễ hạn", 9)} ${pad(rate, 14)} ${pad(s.note || s.file, 60)}`,
    );
  }
  lines.push("");
  lines.push(
    `Phải báo cáo ${c.expected} · đã gửi ${c.received} · tiếp nhận ${c.accepted} · trả lại ${c.returned} · từ chối ${c.rejected} · xung đột ${c.conflict} · chưa nộp ${c.missing} · đúng hạn ${c.onTime} · trễ hạn ${c.late}`,
  );
  const comp = r.completion;
  if (comp.rate !== null)
    lines.push(
      `Nhiệm vụ: hoàn thành ${formatVnNumber(comp.done)}/${formatVnNumber(comp.total)} lượt (${formatVnNumber(comp.rate, { percent: true, digits: 2 })}), trễ hạn ${comp.doneLate}, quá hạn chưa xong ${comp.overdue}`,
    );
  const t = (code: string, pct = false) => {
    const v = r.totals.get(code);
    return v === null || v === undefined ? "—" : formatVnNumber(v, pct ? { percent: true, digits: 2 } : {});
  };
  lines.push(
    `Hồ sơ: tiếp nhận ${t("HS_TIEP_NHAN")}, đã giải quyết ${t("HS_DA_GIAI_QUYET")}, đúng hạn ${t("HS_DUNG_HAN")} (${t("TL_DUNG_HAN", true)}), trễ hạn ${t("HS_TRE_HAN")}`,
  );
  lines.push("");
  lines.push(...narrative(r).slice(0, 1));
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
  };
}

/** Exit status: problems (1) when anything was rejected, conflicting or for the wrong period. */
export function hasMergeProblems(r: Rollup): boolean {
  return r.merge.outcomes.some((o) => ["rejected", "conflict", "wrong_period"].includes(o.outcome));
}

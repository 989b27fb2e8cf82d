// How the CLI shows problems: Vietnamese first, English on request; JSON for machines.
import { countBySeverity, type Problem, type Severity } from "../domain/problem";

export type Lang = "vi" | "en";

const LABELS: Record<Severity, Record<Lang, string>> = {
  error: { vi: "LỖI", en: "ERROR" },
  warning: { vi: "CẢNH BÁO", en: "WARNING" },
  info: { vi: "THÔNG TIN", en: "INFO" },
};

export function where(p: Problem): string {
  if (p.sheet && p.cell) return `${p.sheet}!${p.cell}`;
  return p.sheet ?? "";
}

export function summaryLine(problems: readonly Problem[], lang: Lang): string {
  const c = countBySeverity(problems);
  return lang === "vi"
    ? `${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} thông tin`
    : `${c.error} errors, ${c.warning} warnings, ${c.info} notes`;
}

export function formatProblems(problems: readonly Problem[], lang: Lang, limit = Infinity): string {
  const lines = problems.slice(0, limit).map((p) => {
    const loc = where(p);
    const msg = lang === "vi" ? p.message_vi : p.message_en;
    return `  ${LABELS[p.severity][lang].padEnd(9)} ${loc ? loc + "  " : ""}[${p.code}] ${msg}`;
  });
  if (problems.length > limit)
    lines.push(`  … (${problems.length - limit} more / còn ${problems.length - limit})`);
  return lines.join("\n");
}

export function printJson(doc: unknown): void {
  process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
}

// Figure checks (số liệu): numbers as numbers, counts whole and non-negative, and the catalogue's rules —
// parts sum to wholes, a part never exceeds its whole, a stated rate agrees with its parts at its
// printed precision (rounded or truncated). A blank rate is fine: it is computed.
import type { A1 } from "../cell";
import { impliedLimits, type Catalogue, type Indicator } from "../indicators";
import { problem, type Problem } from "../problem";
import { checkStatedRate, statedRate } from "../rate";
import type { ReportFigure, ReportModel } from "../report/read";
import { formatVnNumber } from "../text/vnNumber";

export function checkFigures(report: ReportModel, catalogue: Catalogue): Problem[] {
  const sheet = report.sheets.figures;
  if (!sheet || !report.figureTable) return [];
  const problems: Problem[] = [];
  const byCode = new Map<string, ReportFigure>();
  const indicators = new Map<string, Indicator>(catalogue.indicators.map((i) => [i.code.toUpperCase(), i]));
  const fmt = (n: number) => formatVnNumber(n);

  for (const f of report.figures) {
    const key = f.code.toUpperCase();
    const ind = indicators.get(key);
    if (!ind) {
      problems.push(
        problem({
          code: "FIGURE_UNKNOWN",
          severity: "warning",
          sheet,
          cell: f.cell,
          vi: `Mã chỉ tiêu "${f.code}" không có trong danh mục chỉ tiêu; số liệu này sẽ không được tổng hợp.`,
          en: `Indicator code "${f.code}" is not in the catalogue; this figure will not be consolidated.`,
          value: f.code,
        }),
      );
      continue;
    }
    if (byCode.has(key)) {
      problems.push(
        problem({
          code: "FIGURE_DUPLICATE",
          severity: "error",
          sheet,
          cell: f.cell,
          vi: `Chỉ tiêu ${ind.code} xuất hiện hai lần (dòng ${byCode.get(key)!.row + 1} và ${f.row + 1}).`,
          en: `Indicator ${ind.code} appears twice (rows ${byCode.get(key)!.row + 1} and ${f.row + 1}).`,
          value: f.code,
        }),
      );
      continue;
    }
    byCode.set(key, f);
    problems.push(...checkValue(f, ind, sheet));
  }

  for (const ind of catalogue.indicators) {
    if (!byCode.has(ind.code.toUpperCase()))
      problems.push(
        problem({
          code: "FIGURE_MISSING",
          severity: "warning",
          sheet,
          vi: `Thiếu dòng chỉ tiêu ${ind.code} (${ind.name_vi}).`,
          en: `Indicator row ${ind.code} (${ind.name_en}) is missing.`,
          value: ind.code,
        }),
      );
  }

  const val = (code: string) => {
    const f = byCode.get(code.toUpperCase());
    return f && f.value !== null ? f : null;
  };

  for (const rule of catalogue.sums) {
    const whole = val(rule.whole);
    const parts = rule.parts.map(val);
    if (!whole || parts.some((p) => !p)) continue;
    const sum = parts.reduce((s, p) => s + p!.value!, 0);
    if (Math.abs(sum - whole.value!) > 1e-9 * Math.max(1, Math.abs(sum))) {
      problems.push(
        problem({
          code: "SUM_MISMATCH",
          severity: "error",
          sheet,
          cell: whole.cell,
          vi: `${rule.whole} = ${fmt(whole.value!)} nhưng tổng các thành phần ${rule.parts.join(" + ")} = ${fmt(sum)}.`,
          en: `${rule.whole} is ${fmt(whole.value!)} but its parts ${rule.parts.join(" + ")} add up to ${fmt(sum)}.`,
          value: whole.raw,
        }),
      );
    }
  }

  for (const { part, whole } of impliedLimits(catalogue)) {
    const p = val(part);
    const w = val(whole);
    if (!p || !w || p.value! <= w.value!) continue;
    problems.push(
      problem({
        code: "PART_EXCEEDS_WHOLE",
        severity: "error",
        sheet,
        cell: p.cell,
        vi: `${part} = ${fmt(p.value!)} lớn hơn ${whole} = ${fmt(w.value!)}.`,
        en: `${part} (${fmt(p.value!)}) exceeds ${whole} (${fmt(w.value!)}).`,
        value: p.raw,
      }),
    );
  }

  for (const ind of catalogue.indicators) {
    if (ind.kind !== "rate" || !ind.numerator || !ind.denominator) continue;
    const stated = val(ind.code);
    const num = val(ind.numerator);
    const den = val(ind.denominator);
    if (!stated || !num || !den || stated.value! > 1 || stated.value! < 0) continue;
    const read = statedRate(stated.raw);
    if (!read.ok) continue;
    const decimals = read.percentDecimals;
    const check = checkStatedRate(read.fraction, decimals, num.value!, den.value!);
    if (check.ok) continue;
    const exact = check.exact;
    problems.push(
      problem({
        code: "RATE_MISMATCH",
        severity: "error",
        sheet,
        cell: stated.cell,
        vi:
          exact === null
            ? `Tỷ lệ ${ind.code} được ghi nhưng mẫu số ${ind.denominator} bằng 0.`
            : `Tỷ lệ ${ind.code} ghi ${formatVnNumber(stated.value!, { percent: true, digits: decimals })} không khớp ${ind.numerator}/${ind.denominator} = ${fmt(num.value!)}/${fmt(den.value!)} = ${formatVnNumber(exact, { percent: true, digits: decimals + 2 })}.`,
        en:
          exact === null
            ? `Rate ${ind.code} is stated but its denominator ${ind.denominator} is 0.`
            : `Rate ${ind.code} stated as ${(stated.value! * 100).toFixed(decimals)}% disagrees with ${ind.numerator}/${ind.denominator} = ${num.value}/${den.value} = ${(exact * 100).toFixed(decimals + 2)}%.`,
        value: stated.raw,
      }),
    );
  }
  return problems;
}

function checkValue(f: ReportFigure, ind: Indicator, sheet: string): Problem[] {
  const at = (code: string, severity: "error" | "warning" | "info", vi: string, en: string) =>
    problem({ code, severity, sheet, cell: f.cell as A1, vi, en, value: f.raw });
  if (f.value === null) {
    if (f.raw !== null && f.raw !== "") return []; // unreadable: reported by the reader
    if (ind.kind === "rate") return [];
    return [
      at(
        "FIGURE_NOT_FILLED",
        "warning",
        `Chưa nhập số liệu ${ind.code} (${ind.name_vi}); nếu không phát sinh, nhập 0.`,
        `Figure ${ind.code} (${ind.name_en}) is not filled; enter 0 if there is none.`,
      ),
    ];
  }
  const out: Problem[] = [];
  if (typeof f.raw === "string")
    out.push(
      at(
        "NUMBER_TEXT",
        "info",
        `Số liệu ${ind.code} nhập dạng chữ "${f.raw}", đã đọc là ${formatVnNumber(f.value, { digits: f.decimals ?? 0, percent: false })}${f.raw.includes("%") ? " (tỷ lệ)" : ""}.`,
        `Figure ${ind.code} was typed as text "${f.raw}" and read as ${f.value}.`,
      ),
    );
  if (ind.kind === "rate") {
    if (f.value < 0 || f.value > 1)
      out.push(
        at(
          "RATE_OUT_OF_RANGE",
          "error",
          `Tỷ lệ ${ind.code} phải từ 0% đến 100% (nhập 99,79% hoặc 0,9979).`,
          `Rate ${ind.code} must be between 0% and 100% (type 99.79% or 0.9979).`,
        ),
      );
    return out;
  }
  if (f.value < 0)
    out.push(
      at(
        "COUNT_NEGATIVE",
        "error",
        `Số liệu ${ind.code} không được âm.`,
        `Figure ${ind.code} cannot be negative.`,
      ),
    );
  if (ind.kind === "count" && !Number.isInteger(f.value)) {
    // "605,859" typed the English way reads as 605,859 in Vietnamese: say so, never guess.
    const comma = typeof f.raw === "string" && /^\s*\d{1,3},\d{3}\s*$/.test(f.raw);
    const digits = comma ? String(f.raw).replace(/\D/g, "") : "";
    out.push(
      at(
        "COUNT_FRACTIONAL",
        "error",
        `Số liệu ${ind.code} phải là số nguyên (đếm ${ind.unit}).` +
          (comma
            ? ` Dấu phẩy là dấu thập phân: nếu là ${digits} ${ind.unit}, hãy ghi ${formatVnNumber(Number(digits))} hoặc ${digits}.`
            : ""),
        `Figure ${ind.code} must be a whole number (a count of ${ind.unit}).` +
          (comma
            ? ` The comma is the decimal mark in Vietnamese: for ${digits}, type ${formatVnNumber(Number(digits))} or ${digits}.`
            : ""),
      ),
    );
  }
  return out;
}

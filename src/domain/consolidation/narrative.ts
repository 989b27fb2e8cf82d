// A draft narrative paragraph (dự thảo báo cáo) in the style of the provincial reports:
// "Năm 2023, toàn tỉnh đã tiếp nhận 605.859 hồ sơ …, đạt tỷ lệ 99,79%, giảm 0,13% so với năm 2022".
// Only sentences whose figures exist are written; the officer edits the draft.
import { indicatorRoles, type IndicatorRole } from "../indicators";
import { periodLabelVi, previousYearPeriod } from "../period";
import type { SheetSpec } from "../sheetSpec";
import { formatVnNumber } from "../text/vnNumber";
import { ROLLUP_SHEETS } from "./layout";
import type { Rollup } from "./model";

const n = (v: number) => formatVnNumber(v);
const pct = (v: number) => formatVnNumber(v, { percent: true, digits: 2 });

/** The draft paragraphs, in Vietnamese. */
export function narrative(r: Rollup): string[] {
  const where = r.unit.kind === "province" ? "toàn tỉnh" : `toàn ${r.unit.name}`;
  const lead = periodLabelVi(r.period);
  const out: string[] = [];

  // Figures by their role in the catalogue (indicatorRoles), never by code: another body's catalogue
  // names them its own way, and a sentence whose figures have no role is left out.
  const role = indicatorRoles(r.catalogue);
  const t = (k: IndicatorRole): number | null => {
    const code = role[k];
    return code === undefined ? null : (r.totals.get(code) ?? null);
  };
  const yoy = (k: IndicatorRole): string => {
    const y = r.yoy?.find((x) => x.code === role[k]);
    return y && y.text_vi
      ? `, ${y.text_vi} so với ${periodLabelVi(previousYearPeriod(r.period)).replace(/^Năm/, "năm")}`
      : "";
  };

  const received = t("dossiers_received");
  const resolved = t("dossiers_resolved");
  if (received !== null && resolved !== null) {
    let s = `${lead}, ${where} đã tiếp nhận ${n(received)} hồ sơ${yoy("dossiers_received")}`;
    const carried = t("dossiers_carried_over");
    const fresh = t("dossiers_new");
    if (carried !== null && fresh !== null)
      s += ` (${n(carried)} hồ sơ kỳ trước chuyển qua, ${n(fresh)} hồ sơ mới tiếp nhận)`;
    s += `; đã giải quyết ${n(resolved)} hồ sơ`;
    const onTime = t("dossiers_on_time");
    const rate = t("on_time_rate");
    if (onTime !== null && rate !== null)
      s += `, trong đó giải quyết trước hạn và đúng hạn ${n(onTime)} hồ sơ, đạt tỷ lệ ${pct(rate)}${yoy("on_time_rate")}`;
    const late = t("dossiers_late");
    if (late !== null) s += `; quá hạn ${n(late)} hồ sơ`;
    const pending = t("dossiers_pending");
    if (pending !== null) s += `; đang giải quyết ${n(pending)} hồ sơ`;
    out.push(`${s}.`);
  }

  const dvc = t("online_services");
  if (dvc !== null) {
    let s = `Toàn ${r.unit.kind === "province" ? "tỉnh" : "đơn vị"} cung cấp ${n(dvc)} dịch vụ công trực tuyến`;
    const parts = [
      [t("online_services_full"), "toàn trình"],
      [t("online_services_partial"), "một phần"],
      [t("information_services"), "cung cấp thông tin"],
    ].filter((p): p is [number, string] => p[0] !== null);
    if (parts.length) s += `, trong đó ${parts.map(([v, l]) => `${n(v)} dịch vụ ${l}`).join(", ")}`;
    const national = t("national_portal_services");
    const share = t("national_portal_rate");
    if (national !== null)
      s += `; ${n(national)} dịch vụ được tích hợp trên Cổng Dịch vụ công quốc gia${share !== null ? ` (đạt ${pct(share)})` : ""}`;
    out.push(`${s}.`);
  }

  const c = r.completion;
  if (c.total > 0 && c.rate !== null) {
    let s = `Về thực hiện nhiệm vụ cải cách hành chính, các cơ quan, đơn vị đã hoàn thành ${n(c.done)}/${n(c.total)} lượt nhiệm vụ được giao, đạt tỷ lệ ${pct(c.rate)}`;
    if (c.doneLate) s += `, trong đó ${n(c.doneLate)} lượt hoàn thành quá hạn`;
    if (c.overdue) s += `; còn ${n(c.overdue)} lượt nhiệm vụ quá hạn chưa hoàn thành`;
    out.push(`${s}.`);
  }

  const k = r.counts;
  let s = `Đơn vị tổng hợp đã nhận báo cáo của ${n(k.received)}/${n(k.expected)} cơ quan, đơn vị phải báo cáo; tiếp nhận ${n(k.accepted)} báo cáo`;
  if (k.returned) s += `, trả lại ${n(k.returned)}`;
  if (k.rejected) s += `, từ chối ${n(k.rejected)} báo cáo có lỗi`;
  const missing = r.status.filter((x) => x.state === "missing").map((x) => x.name);
  if (missing.length) s += `; còn ${n(missing.length)} cơ quan chưa gửi báo cáo (${missing.join(", ")})`;
  out.push(`${s}.`);
  return out;
}

export function narrativeSheet(r: Rollup): SheetSpec {
  const paragraphs = narrative(r);
  return {
    name: ROLLUP_SHEETS.narrative,
    rows: [
      ["Dự thảo nội dung báo cáo (tự động tạo từ số liệu tổng hợp, cần rà soát trước khi sử dụng)"],
      ...paragraphs.map((p) => [p]),
    ],
    headerRows: 1,
    columns: [{ width: 140, wrap: true }],
  };
}

// What the add-in adds to the rollup sheets in Excel: a "Biểu đồ" sheet with the numbers behind
// three native charts (completion by section, completion by agency, on-time rate of dossiers by
// agency), and conditional highlights of late and missing items on the matrix and status sheets.
import { columnLetters, type Grid } from "../../domain/cell";
import { ROLLUP_SHEETS } from "../../domain/consolidation/layout";
import {
  SUBMISSION_STATE_ATTENTION,
  SUBMISSION_STATE_LABELS,
  TASK_STATE_ATTENTION,
  TASK_STATE_LABELS,
  type Attention,
  type Rollup,
} from "../../domain/consolidation/model";
import { indicatorRoles } from "../../domain/indicators";
import type { SheetSpec } from "../../domain/sheetSpec";
import { foldKey } from "../../domain/text/normalize";
import type { ChartSpec } from "../../workbook/office/charts";
import type { TextHighlight } from "../../workbook/office/sheetWrite";

export const CHART_SHEET = "Biểu đồ";

/** The catalogue's on-time rate of dossiers: its role (indicatorRoles), or (a version-1 catalogue,
 * without roles or settings) the rate named "… đúng hạn". */
export function onTimeIndicator(r: Rollup): string | null {
  const byRole = indicatorRoles(r.catalogue).on_time_rate;
  const rates = r.catalogue.indicators.filter((i) => i.kind === "rate");
  return byRole ?? rates.find((i) => foldKey(i.name_vi).includes("dung han"))?.code ?? null;
}

/** The chart data as rows: sections (A–C) and agencies (E–H), side by side under one header row. */
export function chartData(r: Rollup) {
  const sections = [...r.completionBySection].map(([code, c]) => ({
    code,
    title: r.sectionTitles.get(code) ?? code,
    rate: c.rate,
  }));
  const onTime = onTimeIndicator(r);
  const agencyRows = r.figureRows.filter((f) => f.kind === "agency");
  const agencies = r.agencies.map((code) => ({
    code,
    name: r.registry.agencies.find((a) => a.code === code)?.name ?? code,
    completion: r.completionByAgency.get(code)?.rate ?? null,
    onTime: onTime ? (agencyRows.find((f) => f.agency === code)?.values.get(onTime) ?? null) : null,
  }));
  return { sections, agencies };
}

/** The "Biểu đồ" sheet and its three charts. */
export function chartSheet(r: Rollup): { spec: SheetSpec; charts: ChartSpec[] } {
  const { sections, agencies } = chartData(r);
  const rows: Grid = [
    [
      "Lĩnh vực",
      "Tên lĩnh vực",
      "Tỷ lệ hoàn thành",
      null,
      "Mã cơ quan",
      "Cơ quan",
      "Tỷ lệ hoàn thành NV",
      "Tỷ lệ hồ sơ đúng hạn",
    ],
  ];
  const n = Math.max(sections.length, agencies.length);
  for (let i = 0; i < n; i++) {
    const s = sections[i];
    const a = agencies[i];
    rows.push([
      s?.code ?? null,
      s?.title ?? null,
      s?.rate ?? null,
      null,
      a?.code ?? null,
      a?.name ?? null,
      a?.completion ?? null,
      a?.onTime ?? null,
    ]);
  }
  const spec: SheetSpec = {
    name: CHART_SHEET,
    rows,
    headerRows: 1,
    columns: [
      { width: 9 },
      { width: 34, wrap: true },
      { width: 14, format: "percent" },
      { width: 3 },
      { width: 12 },
      { width: 34 },
      { width: 14, format: "percent" },
      { width: 14, format: "percent" },
    ],
  };
  const charts: ChartSpec[] = [];
  const lastS = sections.length + 1;
  const lastA = agencies.length + 1;
  if (sections.length > 0)
    charts.push({
      sheet: CHART_SHEET,
      title: "Tỷ lệ hoàn thành nhiệm vụ theo lĩnh vực",
      type: "ColumnClustered",
      categories: `A2:A${lastS}`,
      series: [{ name: "Tỷ lệ hoàn thành", values: `C2:C${lastS}` }],
      from: "J2",
      to: "R18",
      percent: true,
    });
  if (agencies.length > 0) {
    const tall = Math.max(18, Math.ceil(agencies.length * 0.8));
    charts.push({
      sheet: CHART_SHEET,
      title: "Tỷ lệ hoàn thành nhiệm vụ theo cơ quan",
      type: "BarClustered",
      categories: `E2:E${lastA}`,
      series: [{ name: "Tỷ lệ hoàn thành", values: `G2:G${lastA}` }],
      from: "J20",
      to: `R${20 + tall}`,
      percent: true,
    });
    charts.push({
      sheet: CHART_SHEET,
      title: "Tỷ lệ hồ sơ giải quyết đúng hạn theo cơ quan",
      type: "BarClustered",
      categories: `E2:E${lastA}`,
      series: [{ name: "Tỷ lệ đúng hạn", values: `H2:H${lastA}` }],
      from: `J${22 + tall}`,
      to: `R${22 + 2 * tall}`,
      percent: true,
    });
  }
  return { spec, charts };
}

/** The fill of each kind of attention the domain asks for. */
const FILLS: Record<Attention, string> = { alert: "#F8CBAD", caution: "#FFE699" };

/** Conditional highlights over a written sheet's whole area: each state needing attention, by its
 * label, with its attention's fill (the states and their labels are the domain's, see model.ts). */
function over<S extends string>(
  spec: SheetSpec | undefined,
  attention: Partial<Record<S, Attention>>,
  labels: Record<S, string>,
): TextHighlight[] {
  if (!spec || spec.rows.length === 0) return [];
  const width = Math.max(1, ...spec.rows.map((r) => r.length));
  const range = `A1:${columnLetters(width - 1)}${spec.rows.length}`;
  return (Object.entries(attention) as [S, Attention][])
    .filter(([state]) => labels[state])
    .map(([state, a]) => ({ range, contains: labels[state], fill: FILLS[a] }));
}

/** Late and missing items stand out on the matrix and the submission status sheets. */
export function rollupHighlights(specs: readonly SheetSpec[]): Map<string, TextHighlight[]> {
  const find = (name: string) => specs.find((s) => s.name === name);
  return new Map([
    [ROLLUP_SHEETS.matrix, over(find(ROLLUP_SHEETS.matrix), TASK_STATE_ATTENTION, TASK_STATE_LABELS)],
    [
      ROLLUP_SHEETS.status,
      over(find(ROLLUP_SHEETS.status), SUBMISSION_STATE_ATTENTION, SUBMISSION_STATE_LABELS),
    ],
  ]);
}

/// <reference types="office-js" />
// Native Excel charts on rollup sheets (where people would rather look than read). A chart reads
// ranges of the sheet it sits on, so it is drawn on the
// final sheet in the commit batch (a chart does not travel with copied cells).

/** A chart the domain-side shell asks for; ranges are A1 ranges on `sheet`. */
export interface ChartSpec {
  /** The (final) name of the sheet the chart sits on and reads from. */
  sheet: string;
  title: string;
  type: "ColumnClustered" | "BarClustered";
  /** Category labels, e.g. "A2:A9". */
  categories: string;
  series: readonly { name: string; values: string }[];
  /** Where the chart sits: top-left and bottom-right cells. */
  from: string;
  to: string;
  /** Show the value axis as a percentage. */
  percent?: boolean;
}

/** Names of the charts the add-in draws: a re-run deletes these (and only these) before redrawing. */
export const CHART_PREFIX = "CCHC_";

/** Queue one chart onto its worksheet (ExcelApi 1.7+ for series, 1.8 for the axis format). */
export function queueChart(ws: Excel.Worksheet, spec: ChartSpec, index = 0): void {
  const [first, ...rest] = spec.series;
  if (!first) return;
  const categories = ws.getRange(spec.categories);
  const chart = ws.charts.add(spec.type, ws.getRange(first.values), "Columns");
  chart.name = `${CHART_PREFIX}${index + 1}`;
  chart.title.text = spec.title;
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(categories);
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(ws.getRange(s.values));
    series.setXAxisValues(categories);
  }
  chart.legend.visible = spec.series.length > 1;
  if (spec.percent) chart.axes.valueAxis.numberFormat = "0%";
  chart.setPosition(spec.from, spec.to);
}

// The rollup at a glance: headline shares, the unit's totals and three bar charts drawn as SVG
// (completion by section, completion by agency, on-time dossiers by agency) — the same numbers as
// the "Biểu đồ" sheet, so the web page shows what Excel's native charts show.
import { Body1, Subtitle1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Rollup } from "../../domain/consolidation/model";
import { periodLabelVi } from "../../domain/period";
import { useLang, useT } from "../i18n";
import { chartData } from "../logic/rollupCharts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", marginTop: "8px" },
  facts: { display: "flex", gap: "16px", flexWrap: "wrap" },
  fact: { display: "flex", flexDirection: "column" },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", padding: "2px 6px", borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  td: { padding: "2px 6px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  figure: { margin: 0 },
});

/** A share as Vietnamese or English percent text; "—" when unknown. */
export function percentText(rate: number | null, lang: "vi" | "en"): string {
  if (rate === null || !Number.isFinite(rate)) return "—";
  return `${(rate * 100).toLocaleString(lang === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 1 })}%`;
}

interface Bar {
  label: string;
  rate: number | null;
}

const ROW = 18;
const LABEL_W = 150;
const BAR_W = 170;

/** A horizontal bar chart of shares (0–100%), labelled for screen readers. */
export function BarChart({ title, bars, id }: { title: string; bars: readonly Bar[]; id: string }) {
  const styles = useStyles();
  const lang = useLang();
  const height = bars.length * ROW + 8;
  const width = LABEL_W + BAR_W + 50;
  const clip = (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s);
  return (
    <figure className={styles.figure} aria-labelledby={`${id}-cap`}>
      <Subtitle2 as="h3" id={`${id}-cap`} block>
        {title}
      </Subtitle2>
      <svg
        role="img"
        aria-labelledby={`${id}-cap`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width * 1.6, display: "block" }}
        data-chart={id}
      >
        <line x1={LABEL_W} x2={LABEL_W} y1={0} y2={height} stroke="#605e5c" />
        {bars.map((b, i) => {
          const y = 4 + i * ROW;
          const w = Math.max(0, Math.min(1, b.rate ?? 0)) * BAR_W;
          return (
            <g key={`${b.label}-${i}`}>
              <title>{`${b.label}: ${percentText(b.rate, lang)}`}</title>
              <text x={LABEL_W - 4} y={y + 12} fontSize="10" textAnchor="end" fill="#323130">
                {clip(b.label)}
              </text>
              <rect x={LABEL_W} y={y + 2} width={w} height={ROW - 6} fill="#0f6cbd" />
              <text x={LABEL_W + w + 3} y={y + 12} fontSize="10" fill="#323130">
                {percentText(b.rate, lang)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function RollupView({ rollup }: { rollup: Rollup }) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  const { sections, agencies } = chartData(rollup);
  const c = rollup.counts;
  const number = (v: number) => v.toLocaleString(lang === "vi" ? "vi-VN" : "en-US");
  const totals = rollup.catalogue.indicators.filter((i) => rollup.totals.get(i.code) != null);
  return (
    <section className={styles.root} aria-labelledby="rollup-title" data-testid="rollup-view">
      <Subtitle1 as="h2" id="rollup-title">
        {t("rollupTitle", { p: periodLabelVi(rollup.period) })}
      </Subtitle1>
      <div className={styles.facts}>
        <div className={styles.fact}>
          <span className={styles.big}>{percentText(rollup.completion.rate, lang)}</span>
          <Body1>{t("rollupCompletion")}</Body1>
        </div>
        <div className={styles.fact}>
          <span className={styles.big}>{`${c.accepted}/${c.expected}`}</span>
          <Body1>{t("rollupReceived")}</Body1>
        </div>
        <div className={styles.fact}>
          <span className={styles.big}>{`${c.onTime}/${c.onTime + c.late}`}</span>
          <Body1>{t("rollupOnTime")}</Body1>
        </div>
      </div>
      {totals.length > 0 && (
        <table className={styles.table} aria-label={t("rollupFigures")}>
          <caption style={{ textAlign: "left", fontWeight: 600 }}>{t("rollupFigures")}</caption>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                {t("rollupIndicator")}
              </th>
              <th className={styles.th} scope="col" style={{ textAlign: "right" }}>
                {t("rollupTotal")}
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.map((i) => {
              const v = rollup.totals.get(i.code)!;
              return (
                <tr key={i.code} data-indicator={i.code}>
                  <td className={styles.td}>{`${i.name_vi} (${i.unit})`}</td>
                  <td className={`${styles.td} ${styles.num}`}>
                    {i.kind === "rate" ? percentText(v, lang) : number(v)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <BarChart
        id="chart-sections"
        title={t("chartBySection")}
        bars={sections.map((s) => ({ label: `${s.code}. ${s.title}`, rate: s.rate }))}
      />
      <BarChart
        id="chart-agencies"
        title={t("chartByAgency")}
        bars={agencies.map((a) => ({ label: a.name, rate: a.completion }))}
      />
      <BarChart
        id="chart-ontime"
        title={t("chartOnTime")}
        bars={agencies.map((a) => ({ label: a.name, rate: a.onTime }))}
      />
    </section>
  );
}

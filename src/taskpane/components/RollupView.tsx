// The rollup at a glance: headline shares, the unit's totals and three bar charts (completion by
// section, completion by agency, on-time dossiers by agency) — the same numbers as the "Biểu đồ"
// sheet, so the web page shows what Excel's native charts show.
import { Body1, Caption1, Subtitle1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Rollup } from "../../domain/consolidation/model";
import { periodLabelVi } from "../../domain/period";
import { useLang, useT } from "../i18n";
import { chartData } from "../logic/rollupCharts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", marginTop: "8px", minWidth: 0 },
  facts: { display: "flex", gap: "16px", flexWrap: "wrap" },
  fact: { display: "flex", flexDirection: "column" },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  th: {
    textAlign: "left",
    padding: "2px 6px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: "nowrap",
    overflowWrap: "normal",
  },
  td: {
    padding: "2px 6px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  num: {
    textAlign: "right",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
    overflowWrap: "normal",
  },
  figure: { margin: 0, minWidth: 0 },
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

const useChartStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "6px",
  },
  label: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere", lineHeight: 1.3 },
  track: { display: "flex", alignItems: "center", gap: "6px" },
  bar: { height: "10px", backgroundColor: "#0f6cbd", borderRadius: "2px", flexShrink: 0 },
  none: { height: "10px", width: "2px", backgroundColor: tokens.colorNeutralStroke1 },
  value: { fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  note: { color: tokens.colorNeutralForeground3 },
});

/** A bar chart of shares (0–100%) as HTML: full labels that wrap (readable at 350 px), one list item
 * per bar (a screen reader reads "label: 45%"), and the same data as a table on demand. */
export function BarChart({ title, bars, id }: { title: string; bars: readonly Bar[]; id: string }) {
  const styles = useStyles();
  const c = useChartStyles();
  const lang = useLang();
  const t = useT();
  const unknown = bars.some((b) => b.rate === null || !Number.isFinite(b.rate));
  return (
    <figure className={styles.figure} aria-labelledby={`${id}-cap`} data-chart={id}>
      <Subtitle2 as="h3" id={`${id}-cap`} block style={{ marginBottom: 6 }}>
        {title}
      </Subtitle2>
      <ul className={c.list} aria-labelledby={`${id}-cap`}>
        {bars.map((b, i) => {
          const share = Math.max(0, Math.min(1, b.rate ?? 0));
          const text = percentText(b.rate, lang);
          return (
            <li key={`${b.label}-${i}`} title={`${b.label}: ${text}`} data-bar>
              <div className={c.label}>{b.label}</div>
              <div className={c.track} aria-hidden>
                {b.rate === null ? (
                  <span className={c.none} />
                ) : (
                  <span
                    className={c.bar}
                    style={{ width: `calc(${(share * 100).toFixed(1)}% - ${share * 48}px)` }}
                  />
                )}
                <span className={c.value}>{text}</span>
              </div>
              <span
                style={{
                  position: "absolute",
                  width: 1,
                  height: 1,
                  overflow: "hidden",
                  clipPath: "inset(50%)",
                }}
              >
                {text === "—" ? t("chartNoData") : text}
              </span>
            </li>
          );
        })}
      </ul>
      {unknown && <Caption1 className={c.note}>{t("chartDashNote")}</Caption1>}
      <details>
        <summary style={{ cursor: "pointer" }}>{t("chartAsTable")}</summary>
        <table className={styles.table}>
          <caption style={{ textAlign: "left" }}>{title}</caption>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                {t("chartItem")}
              </th>
              <th className={styles.th} scope="col" style={{ textAlign: "right" }}>
                {t("chartShare")}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b, i) => (
              <tr key={`${b.label}-${i}`}>
                <td className={styles.td}>{b.label}</td>
                <td className={`${styles.td} ${styles.num}`}>
                  {b.rate === null ? t("chartNoData") : percentText(b.rate, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
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

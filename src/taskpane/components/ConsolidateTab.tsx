// Tổng hợp: pick agency workbooks (several picks add up), run, and see the result first: a summary
// with the counts, the headline figures and the primary action (download or write the rollup), the
// merge target as an explicit choice, then one card per file, problems first. Progress shows while
// reading and folds away after; a run can be cancelled. State lives in App (useConsolidation).
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef } from "react";
import { periodLabelEn, periodLabelVi } from "../../domain/period";
import { useLang, useT } from "../i18n";
import type { ConsolidationState } from "../hooks/useConsolidation";
import type { PlanBundle } from "../../domain/consolidation/intake";
import { intakeRows, outcomeRows } from "../logic/outcomeRows";
import { FilePicker } from "./FilePicker";
import { OutcomeList } from "./OutcomeList";
import { percentText, RollupView } from "./RollupView";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0 },
  summary: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "10px",
    border: `1px solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    minWidth: 0,
  },
  counts: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(70px, 1fr))", gap: "6px" },
  count: { display: "flex", flexDirection: "column" },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: 1.2 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  target: {
    padding: "8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  fileBar: { overflowWrap: "anywhere" },
});

export interface ConsolidateTabProps {
  state: ConsolidationState;
  bundle: PlanBundle | null;
  /** "browser": the rollup is downloaded instead of written into the open workbook. */
  host: "excel" | "browser";
}

export function ConsolidateTab({ state, bundle, host }: ConsolidateTabProps) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  const web = host === "browser";
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const result = state.result;
  const rollup = result?.ok ? result.rollup : null;
  const target = state.targets.find((x) => x.id === state.targetId) ?? null;

  // Results first: when a run finishes, focus (and scroll) moves to the summary.
  const seen = useRef(state.finishedRuns);
  useEffect(() => {
    if (state.finishedRuns !== seen.current) {
      seen.current = state.finishedRuns;
      summaryRef.current?.scrollIntoView?.({ block: "start" });
      summaryRef.current?.focus({ preventScroll: true });
    }
  }, [state.finishedRuns]);

  const rows = useMemo(() => {
    if (!state.intakes) return [];
    return rollup ? outcomeRows(rollup, state.intakes, target?.file ?? null) : intakeRows(state.intakes);
  }, [rollup, state.intakes, target]);
  const rejectedFiles = new Set(rows.filter((r) => r.group === "rejected").map((r) => r.file));

  const done = state.fileStates.filter((s) => s === "done").length;
  const total = state.files.length;
  const current = state.files[state.fileStates.indexOf("reading")]?.name;
  const period = (p: Parameters<typeof periodLabelVi>[0]) =>
    lang === "vi" ? periodLabelVi(p) : periodLabelEn(p);

  return (
    <div className={styles.root}>
      {!bundle && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("planNone")}</MessageBarBody>
        </MessageBar>
      )}
      <FilePicker
        label={t("consPick")}
        multiple
        files={state.files}
        onFiles={state.addFiles}
        onRemove={state.removeFile}
        onClear={state.clearFiles}
        disabled={state.running}
      />
      <Field label={t("consPeriod")}>
        <Input
          value={state.periodText}
          onChange={(_, d) => state.setPeriodText(d.value)}
          placeholder="2023-Q2"
          disabled={state.running}
        />
      </Field>
      <div className={styles.row}>
        <Button
          appearance={state.intakes ? "secondary" : "primary"}
          onClick={() => void state.run()}
          disabled={!bundle || state.running || total === 0}
        >
          {state.intakes ? t("consRerun") : t("consRun")}
        </Button>
        {state.running && <Button onClick={state.cancel}>{t("consCancelRun")}</Button>}
      </div>

      {state.running && (
        <div role="status" aria-live="polite">
          <Field label={t("consReading", { d: done, n: total })}>
            <ProgressBar value={total ? done / total : 0} aria-label={t("consOverall")} />
          </Field>
          {current && <Body1 className={styles.fileBar}>{current}</Body1>}
        </div>
      )}

      {state.note && (
        <MessageBar intent={state.note.intent}>
          <MessageBarBody>{state.note.text[lang]}</MessageBarBody>
        </MessageBar>
      )}

      {state.intakes && (
        <section className={styles.summary} aria-labelledby="cons-summary">
          <h2 id="cons-summary" ref={summaryRef} tabIndex={-1} style={{ fontSize: 16, margin: 0 }}>
            {rollup ? t("consSummaryTitle", { p: period(rollup.period) }) : t("consNoMerge")}
          </h2>
          {result && !result.ok && (
            <Body1>{result.problem[lang === "vi" ? "message_vi" : "message_en"]}</Body1>
          )}
          {rollup && (
            <>
              <div className={styles.counts} data-testid="summary-counts">
                {(
                  [
                    ["sumAccepted", rollup.counts.accepted, false],
                    ["sumRejected", rollup.counts.rejected, true],
                    ["sumMissing", rollup.counts.missing, true],
                    ["sumConflict", rollup.counts.conflict, true],
                  ] as const
                ).map(([k, n, alarm]) => (
                  <div key={k} className={styles.count}>
                    <span className={`${styles.big} ${alarm && n > 0 ? styles.bad : ""}`}>{n}</span>
                    <span>{t(k)}</span>
                  </div>
                ))}
              </div>
              <Body1>
                {t("sumHeadline", {
                  c: percentText(rollup.completion.rate, lang),
                  a: rollup.counts.accepted,
                  e: rollup.counts.expected,
                })}
              </Body1>
            </>
          )}
          {state.targets.length > 0 && (
            <div className={styles.target}>
              <RadioGroup
                aria-label={t("targetLabel")}
                value={state.targetId ?? "new"}
                onChange={(_, d) => state.setTargetId(d.value === "new" ? null : d.value)}
              >
                <Radio value="new" label={t("targetNew")} />
                {state.targets.map((x) => (
                  <Radio
                    key={x.id}
                    value={x.id}
                    label={t("targetMerge", {
                      f: x.file ?? t("targetWorkbook"),
                      p: period(x.stored.period),
                      n: x.stored.prior.contributions.length,
                    })}
                  />
                ))}
              </RadioGroup>
            </div>
          )}
          {rollup && (
            <div className={styles.row}>
              <Button appearance="primary" onClick={() => void state.write()} disabled={state.writing}>
                {web ? t("consWriteDownload") : t("consWrite")}
              </Button>
            </div>
          )}
        </section>
      )}

      {state.intakes && rows.length > 0 && <OutcomeList rows={rows} onReturn={state.returnAgency} />}

      {state.intakes && state.fileStates.length > 0 && (
        <details>
          <summary style={{ cursor: "pointer" }}>
            {t("consProgressDetails", { n: state.fileStates.length })}
          </summary>
          <div
            style={{ maxHeight: 300, overflowY: "auto" }}
            tabIndex={0}
            aria-label={t("consProgressDetails", { n: state.fileStates.length })}
          >
            {state.files.slice(0, state.fileStates.length).map((f, i) => (
              <Field key={`${f.name}-${i}`} label={f.name} size="small" className={styles.fileBar}>
                <ProgressBar
                  value={state.fileStates[i] === "done" ? 1 : 0}
                  color={rejectedFiles.has(f.name) ? "error" : "brand"}
                  thickness="medium"
                />
              </Field>
            ))}
          </div>
        </details>
      )}

      {rollup && <RollupView rollup={rollup} />}
    </div>
  );
}

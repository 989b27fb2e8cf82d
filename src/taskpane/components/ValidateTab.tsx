// Kiểm tra: validate the open workbook (or, on the web page, a picked one) against the plan and a
// period (the report due now by the plan's schedule, or the one picked). A period mismatch comes
// first, said once with what it causes folded under it; then the workbook's agency and period, a
// blank report said as such, then the problems by sheet (click one to jump to its cell). State
// lives in App.
import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { periodCode, periodLabelEn, periodLabelVi, type Period } from "../../domain/period";
import { countBySeverity } from "../../domain/problem";
import { useLang, useT } from "../i18n";
import type { ValidationState } from "../hooks/useValidation";
import { validationView } from "../logic/problemView";
import type { PlanBundle } from "../../domain/consolidation/intake";
import type { TaskpaneOps } from "../ops";
import type { A1 } from "../../domain/cell";
import { FilePicker } from "./FilePicker";
import { ProblemGroup, ProblemList, SeverityCounts } from "./ProblemList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px", minWidth: 0 },
  identity: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: "8px",
    rowGap: "2px",
    padding: "8px",
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  label: { color: tokens.colorNeutralForeground3 },
  period: { maxWidth: "320px" },
});

export interface ValidateTabProps {
  state: ValidationState;
  ops: Pick<TaskpaneOps, "selectCell"> & Partial<Pick<TaskpaneOps, "openFile">>;
  bundle: PlanBundle | null;
  onSelect(sheet: string, cell: A1): void;
}

export function ValidateTab({ state, ops, bundle, onSelect }: ValidateTabProps) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  const r = state.result;
  const view = r ? validationView(r, state.expected) : null;
  const label = (p: Period) => (lang === "vi" ? periodLabelVi(p) : periodLabelEn(p));
  const counts = r ? countBySeverity(r.problems) : null;
  return (
    <div className={styles.root}>
      {!bundle && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("planNone")}</MessageBarBody>
        </MessageBar>
      )}
      {state.periods.length > 0 && state.expected && (
        <Field label={t("validateExpected")} className={styles.period}>
          <Select
            value={periodCode(state.expected)}
            onChange={(_, d) => state.setExpected(d.value)}
            disabled={state.busy}
          >
            {state.periods.map((p) => (
              <option key={periodCode(p)} value={periodCode(p)}>
                {label(p)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {ops.openFile && (
        <FilePicker label={t("openPick")} onFiles={(f) => void state.openAndRun(f)} disabled={state.busy} />
      )}
      {!ops.openFile && (
        <div>
          <Button appearance="primary" onClick={() => void state.run()} disabled={!bundle || state.busy}>
            {r ? t("validateRerun") : t("validateRun")}
          </Button>
        </div>
      )}
      {state.busy && <Spinner size="tiny" label={t("working")} />}
      {state.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            {state.fileName ? `${state.fileName}: ` : ""}
            {state.error[lang]}
          </MessageBarBody>
        </MessageBar>
      )}
      {r && view && counts && (
        <section aria-labelledby="validate-title" style={{ minWidth: 0 }}>
          <h2 id="validate-title" style={{ fontSize: 16, margin: "0 0 6px" }}>
            {state.fileName ? t("validateOf", { f: state.fileName }) : t("validateResult")}
          </h2>
          {view.periodMismatch && (
            <MessageBar
              intent="error"
              layout="multiline"
              style={{ marginBottom: 8 }}
              data-testid="period-mismatch"
            >
              <MessageBarBody>
                <strong>
                  {t("periodMismatch", {
                    r: label(view.periodMismatch.reported),
                    e: label(view.periodMismatch.expected),
                  })}
                </strong>{" "}
                {t("periodMismatchTodo")}
                {view.periodMismatch.consequences.length > 0 ? (
                  <div style={{ marginTop: 4 }}>
                    {t("periodMismatchSo")}
                    <ProblemGroup problems={view.periodMismatch.consequences} onSelect={onSelect} />
                  </div>
                ) : null}
              </MessageBarBody>
            </MessageBar>
          )}
          <dl className={styles.identity} style={{ margin: 0 }}>
            <dt className={styles.label}>{t("consAgency")}</dt>
            <dd style={{ margin: 0 }}>{r.agency ? `${r.agency.name} (${r.agency.code})` : t("unknown")}</dd>
            <dt className={styles.label}>{t("reportPeriod")}</dt>
            <dd style={{ margin: 0 }}>
              {r.period ? (lang === "vi" ? periodLabelVi(r.period) : periodLabelEn(r.period)) : t("unknown")}
            </dd>
          </dl>
          {view.blank ? (
            <>
              <MessageBar intent="warning" style={{ marginTop: 8 }}>
                <MessageBarBody>
                  <strong>{t("blankReport")}</strong>{" "}
                  {t("blankReportHint", { n: r.report?.tasks.length ?? 0, f: r.report?.figures.length ?? 0 })}
                </MessageBarBody>
              </MessageBar>
              <details style={{ marginTop: 8 }}>
                <summary style={{ cursor: "pointer" }}>{t("blankShowAll", { n: r.problems.length })}</summary>
                <ProblemList problems={view.problems} onSelect={onSelect} />
              </details>
            </>
          ) : (
            <>
              <div style={{ marginTop: 8 }}>
                <SeverityCounts problems={r.problems} />
              </div>
              <Body1 block style={{ marginTop: 6 }}>
                {r.problems.length === 0
                  ? t("validateNone")
                  : counts.error === 0
                    ? t("validateNoErrors")
                    : ops.openFile
                      ? t("validateHintWeb")
                      : t("validateHint")}
              </Body1>
              <ProblemList problems={view.problems} onSelect={onSelect} />
            </>
          )}
        </section>
      )}
    </div>
  );
}

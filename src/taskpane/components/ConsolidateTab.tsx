// Tổng hợp: pick many agency workbooks, watch per-file and overall progress, see accepted /
// rejected / conflicting files with reasons (a dry run), return a submission with a reason, and
// write the rollup (with charts) into this workbook.
import {
  Badge,
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { useState } from "react";
import {
  MERGE_OUTCOME_LABELS,
  type MergeOutcome as FileOutcomeKind,
  type ReturnMark,
} from "../../domain/consolidation/mergeRules";
import type { StoredRollup } from "../../domain/consolidation/readRollup";
import { rollupSheets } from "../../domain/consolidation/sheets";
import type { Problem } from "../../domain/problem";
import { parsePeriod, periodLabelVi, periodCode, type Period } from "../../domain/period";
import { useLang, useT } from "../i18n";
import {
  intakeAll,
  mergeIntakes,
  priorFromGrids,
  PRIOR_SHEETS,
  type MergeOutcome,
  type PlanBundle,
} from "../logic/consolidate";
import type { Intake } from "../logic/intake";
import { chartSheet, rollupHighlights } from "../logic/rollupCharts";
import type { PickedFile, TaskpaneOps } from "../ops";
import { FilePicker } from "./FilePicker";
import { RollupView } from "./RollupView";
import { messageOf } from "./ValidateTab";

export interface ConsolidateTabProps {
  ops: Pick<TaskpaneOps, "readSheets" | "writeRollup" | "now"> & Partial<Pick<TaskpaneOps, "host">>;
  bundle: PlanBundle | null;
}

const OUTCOME_COLOR: Record<FileOutcomeKind | "returned", "success" | "danger" | "warning" | "informative"> =
  {
    added: "success",
    replaced: "success",
    unchanged: "informative",
    duplicate: "informative",
    superseded: "informative",
    conflict: "warning",
    rejected: "danger",
    wrong_period: "danger",
    returned: "warning",
  };
const COUNTING: readonly FileOutcomeKind[] = ["added", "replaced", "unchanged"];

export function ConsolidateTab({ ops, bundle }: ConsolidateTabProps) {
  const t = useT();
  const lang = useLang();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [progress, setProgress] = useState<number[]>([]);
  const [periodText, setPeriodText] = useState("");
  const [intakes, setIntakes] = useState<Intake[] | null>(null);
  const [prior, setPrior] = useState<StoredRollup | null>(null);
  const [returns, setReturns] = useState<ReturnMark[]>([]);
  const [result, setResult] = useState<MergeOutcome | null>(null);
  const [returning, setReturning] = useState<{ agency: string; reason: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ intent: "error" | "success"; text: string } | null>(null);

  const period = (): Period | undefined | "bad" => {
    if (!periodText.trim()) return undefined;
    const p = parsePeriod(periodText.trim());
    return p.ok ? p.period : "bad";
  };

  const merge = (list: Intake[], marks: ReturnMark[], stored: StoredRollup | null) => {
    if (!bundle) return;
    const p = period();
    setResult(
      mergeIntakes(bundle, list, {
        period: p === "bad" ? undefined : p,
        prior: stored,
        returns: marks,
        now: ops.now(),
      }),
    );
  };

  const preview = async () => {
    const p = period();
    if (!bundle || p === "bad") {
      if (p === "bad") setNote({ intent: "error", text: t("badPeriod") });
      return;
    }
    setBusy(true);
    setNote(null);
    setResult(null);
    try {
      const stored = priorFromGrids(await ops.readSheets(PRIOR_SHEETS).catch(() => new Map()));
      setPrior(stored);
      setProgress(files.map(() => 0));
      const list = await intakeAll(files, bundle, p, ({ index, state }) =>
        setProgress((old) => old.map((v, i) => (i === index ? (state === "done" ? 1 : 0.5) : v))),
      );
      setIntakes(list);
      merge(list, returns, stored);
    } catch (e) {
      setNote({ intent: "error", text: messageOf(e, lang) });
    } finally {
      setBusy(false);
    }
  };

  const confirmReturn = () => {
    if (!returning || !intakes || !returning.reason.trim()) return;
    const marks = [
      ...returns.filter((r) => r.agency !== returning.agency),
      { agency: returning.agency, reason: returning.reason.trim() },
    ];
    setReturns(marks);
    setReturning(null);
    merge(intakes, marks, prior);
  };

  const write = async () => {
    if (!result?.ok) return;
    setBusy(true);
    setNote(null);
    try {
      const specs = rollupSheets(result.rollup);
      const charts = chartSheet(result.rollup);
      await ops.writeRollup([...specs, charts.spec], {
        charts: charts.charts,
        highlights: rollupHighlights(specs),
      });
      setNote({ intent: "success", text: t(web ? "consDownloaded" : "consWritten") });
    } catch (e) {
      setNote({ intent: "error", text: messageOf(e, lang) });
    } finally {
      setBusy(false);
    }
  };

  // On the web page the rollup goes to a downloaded workbook instead of the open one.
  const web = ops.host === "browser";
  const overall = progress.length ? progress.reduce((a, b) => a + b, 0) / progress.length : 0;
  const rollup = result?.ok ? result.rollup : null;
  const outcomeLabel = (k: FileOutcomeKind | "returned") => MERGE_OUTCOME_LABELS[k][lang];

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 10 }}>
      <Field label={t("consPick")}>
        <FilePicker
          label={t("consPick")}
          multiple
          onFiles={(picked: PickedFile[]) => {
            setFiles(picked);
            setProgress(picked.map(() => 0));
            setIntakes(null);
            setResult(null);
          }}
        />
      </Field>
      <Field label={t("consPeriod")}>
        <Input value={periodText} onChange={(_, d) => setPeriodText(d.value)} placeholder="2023-Q2" />
      </Field>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" onClick={preview} disabled={!bundle || busy || files.length === 0}>
          {t("consPreview")}
        </Button>
        <Button onClick={write} disabled={!rollup || busy}>
          {t(web ? "consWriteDownload" : "consWrite")}
        </Button>
      </div>
      {files.length > 0 && (
        <Field label={`${t("consOverall")} (${progress.filter((v) => v === 1).length}/${files.length})`}>
          <ProgressBar value={overall} aria-label={t("consOverall")} />
        </Field>
      )}
      {files.length > 0 && files.length <= 50 && (
        <div aria-label="files">
          {files.map((f, i) => (
            <Field key={f.name + i} label={f.name} size="small">
              <ProgressBar value={progress[i] ?? 0} thickness="medium" />
            </Field>
          ))}
        </div>
      )}
      {prior && <Body1>{t("consPrior", { p: periodLabelVi(prior.period) })}</Body1>}
      {note && (
        <MessageBar intent={note.intent}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      {result && !result.ok && (
        <MessageBar intent="warning">
          <MessageBarBody>{lang === "vi" ? result.reason_vi : result.reason_en}</MessageBarBody>
        </MessageBar>
      )}
      {rollup && (
        <>
          <Body1>
            {`${periodCode(rollup.period)} — `}
            {t("consSummary", {
              a: rollup.counts.accepted,
              r: rollup.counts.rejected,
              c: rollup.counts.conflict,
              m: rollup.counts.missing,
            })}
          </Body1>
          <Table size="small" aria-label={t("consOutcome")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: "30%" }}>{t("consFile")}</TableHeaderCell>
                <TableHeaderCell style={{ width: "18%" }}>{t("consAgency")}</TableHeaderCell>
                <TableHeaderCell style={{ width: "20%" }}>{t("consOutcome")}</TableHeaderCell>
                <TableHeaderCell>{t("consReasons")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rollup.merge.outcomes.map((o, i) => {
                const agency = o.submission.agency;
                const returned =
                  agency !== null && rollup.merge.returned.has(agency) && COUNTING.includes(o.outcome);
                const kind = returned ? "returned" : o.outcome;
                return (
                  <TableRow key={`${o.submission.file}-${i}`}>
                    <TableCell style={{ wordBreak: "break-word" }}>{o.submission.file}</TableCell>
                    <TableCell style={{ wordBreak: "break-word" }}>{agency ?? "—"}</TableCell>
                    <TableCell>
                      {/* Grows to two lines in a narrow taskpane instead of spilling out. */}
                      <Badge
                        appearance="tint"
                        color={OUTCOME_COLOR[kind]}
                        style={{ height: "auto", minHeight: 20 }}
                      >
                        {outcomeLabel(kind)}
                      </Badge>
                    </TableCell>
                    <TableCell style={{ wordBreak: "break-word" }}>
                      {(returned
                        ? [rollup.merge.returned.get(agency!)!.reason]
                        : o.reasons.slice(0, 3).map((p) => problemText(p, lang))
                      ).join("; ")}
                      {agency && COUNTING.includes(o.outcome) && !returned && (
                        <Button
                          size="small"
                          appearance="subtle"
                          onClick={() => setReturning({ agency, reason: "" })}
                        >
                          {t("consReturn")}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {returning && (
            <div style={{ display: "flex", gap: 6, alignItems: "flex-end" }}>
              <Field label={`${t("consReturnReason")} (${returning.agency})`} style={{ flex: 1 }}>
                <Input
                  value={returning.reason}
                  onChange={(_, d) => setReturning({ ...returning, reason: d.value })}
                />
              </Field>
              <Button appearance="primary" onClick={confirmReturn} disabled={!returning.reason.trim()}>
                {t("consReturnConfirm")}
              </Button>
              <Button onClick={() => setReturning(null)}>{t("consCancel")}</Button>
            </div>
          )}
          <RollupView rollup={rollup} />
        </>
      )}
    </div>
  );
}

/** A problem as one line, its cell first as Sheet!A1 (the files are not open to click into). */
export function problemText(p: Problem, lang: "vi" | "en"): string {
  const at = p.sheet && p.cell ? `${p.sheet}!${p.cell}: ` : p.sheet ? `${p.sheet}: ` : "";
  return at + (lang === "vi" ? p.message_vi : p.message_en);
}

// Kiểm tra: validate the open workbook against the plan; problems by sheet; click to jump; re-run.
import { Body1, Button, Field, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { A1 } from "../../domain/cell";
import type { Problem } from "../../domain/problem";
import { validateReport } from "../../domain/validation/validateReport";
import { useLang, useT } from "../i18n";
import type { PlanBundle } from "../logic/consolidate";
import type { PickedFile, TaskpaneOps } from "../ops";
import { FilePicker } from "./FilePicker";
import { ProblemList, SeverityCounts } from "./ProblemList";

export interface ValidateTabProps {
  /** `openFile` (the web page) adds a picker for the workbook to validate. */
  ops: Pick<TaskpaneOps, "readOpenWorkbook" | "selectCell"> & Partial<Pick<TaskpaneOps, "openFile">>;
  bundle: PlanBundle | null;
  /** Validate whenever this number changes (the ribbon's Kiểm tra, through the app). */
  runRequest?: number;
}

export function ValidateTab({ ops, bundle, runRequest = 0 }: ValidateTabProps) {
  const t = useT();
  const lang = useLang();
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [openName, setOpenName] = useState<string | null>(null);

  const run = async () => {
    if (!bundle) return;
    setBusy(true);
    setError(null);
    try {
      const wb = await ops.readOpenWorkbook();
      setProblems(validateReport(wb, bundle).problems);
    } catch (e) {
      setError(messageOf(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const runRef = useRef(run);
  runRef.current = run;
  // A run asked for by the app (the ribbon button); a remount does not repeat the last one.
  const lastRequest = useRef(runRequest);
  useEffect(() => {
    if (runRequest === lastRequest.current) return;
    lastRequest.current = runRequest;
    void runRef.current();
  }, [runRequest]);

  const openAndRun = async (files: PickedFile[]) => {
    if (!ops.openFile || files.length === 0) return;
    setError(null);
    try {
      await ops.openFile(files[0]);
      setOpenName(files[0].name);
      setProblems(null);
    } catch (e) {
      setError(messageOf(e, lang));
      return;
    }
    await runRef.current();
  };

  const select = (sheet: string, cell: A1) => {
    ops.selectCell(sheet, cell).catch((e) => setError(messageOf(e, lang)));
  };

  return (
    <div>
      {!bundle && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("planNone")}</MessageBarBody>
        </MessageBar>
      )}
      {ops.openFile && (
        <div style={{ marginBottom: 10 }}>
          <Field label={t("openPick")}>
            <FilePicker label={t("openPick")} onFiles={(f) => void openAndRun(f)} />
          </Field>
          {openName && <Body1 block>{t("openNamed", { f: openName })}</Body1>}
        </div>
      )}
      <Button appearance="primary" onClick={run} disabled={!bundle || busy}>
        {problems ? t("validateRerun") : t("validateRun")}
      </Button>
      {busy && <Spinner size="tiny" label={t("working")} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {problems && (
        <div style={{ marginTop: 12 }}>
          <SeverityCounts problems={problems} />
          <Body1 block style={{ marginTop: 6 }}>
            {problems.length === 0 ? t("validateNone") : t("validateHint")}
          </Body1>
          <ProblemList problems={problems} onSelect={select} />
        </div>
      )}
    </div>
  );
}

/** A bilingual error's message in the current language. */
export function messageOf(e: unknown, lang: "vi" | "en"): string {
  if (e && typeof e === "object" && "message_vi" in e && "message_en" in e)
    return String(
      lang === "vi" ? (e as { message_vi: unknown }).message_vi : (e as { message_en: unknown }).message_en,
    );
  return e instanceof Error ? e.message : String(e);
}

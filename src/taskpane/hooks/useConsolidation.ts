// Tổng hợp's state, held above the tabs so a finished or running consolidation survives a visit to
// another tab: the picked files (added to, removed, cleared), the run with its progress and a cancel,
// the intakes, the merge target the user chose, returns, and the write. Merging is cheap, so a
// return or another target re-merges the kept intakes without reading the files again.
import { useCallback, useMemo, useRef, useState } from "react";
import type { ReturnMark } from "../../domain/consolidation/mergeRules";
import type { StoredRollup } from "../../domain/consolidation/readRollup";
import { rollupSheets } from "../../domain/consolidation/sheets";
import { parsePeriod, type Period } from "../../domain/period";
import {
  intakeAll,
  mergeIntakes,
  priorFromGrids,
  PRIOR_SHEETS,
  type MergeOutcome,
} from "../logic/consolidate";
import type { Intake, PlanBundle } from "../../domain/consolidation/intake";
import { chartSheet, rollupHighlights } from "../logic/rollupCharts";
import type { PickedFile, TaskpaneOps } from "../ops";
import { said, type Said } from "../said";
import { problem } from "../../domain/problem";

/** An earlier rollup the run can merge into: the open workbook's, or a rollup file among the picks. */
export interface MergeTarget {
  id: string;
  /** The rollup's file name; null for the open workbook (inside Excel). */
  file: string | null;
  stored: StoredRollup;
}

export type FileState = "waiting" | "reading" | "done";

export interface Note {
  intent: "error" | "success" | "warning";
  text: Said;
}

export interface ConsolidationState {
  files: readonly PickedFile[];
  addFiles(files: readonly PickedFile[]): void;
  removeFile(index: number): void;
  clearFiles(): void;
  periodText: string;
  setPeriodText(text: string): void;
  running: boolean;
  /** Per picked file, while and after a run. */
  fileStates: readonly FileState[];
  cancel(): void;
  run(): Promise<void>;
  /** Bumped when a run finishes, so the view can move focus to the summary. */
  finishedRuns: number;
  intakes: readonly Intake[] | null;
  targets: readonly MergeTarget[];
  targetId: string | null;
  setTargetId(id: string | null): void;
  returns: readonly ReturnMark[];
  returnAgency(agency: string, reason: string): void;
  result: MergeOutcome | null;
  writing: boolean;
  write(): Promise<void>;
  note: Note | null;
}

type Ops = Pick<TaskpaneOps, "readSheets" | "writeRollup" | "now"> & Partial<Pick<TaskpaneOps, "host">>;

const sameFile = (a: PickedFile, b: PickedFile) =>
  a.name === b.name && a.bytes.length === b.bytes.length && a.lastModified === b.lastModified;

export function useConsolidation(ops: Ops, bundle: PlanBundle | null): ConsolidationState {
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [periodText, setPeriodText] = useState("");
  const [running, setRunning] = useState(false);
  const [fileStates, setFileStates] = useState<FileState[]>([]);
  const [intakes, setIntakes] = useState<Intake[] | null>(null);
  const [runPeriod, setRunPeriod] = useState<Period | undefined>(undefined);
  const [workbookPrior, setWorkbookPrior] = useState<StoredRollup | null>(null);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [returns, setReturns] = useState<ReturnMark[]>([]);
  const [writing, setWriting] = useState(false);
  const [note, setNote] = useState<Note | null>(null);
  const [finishedRuns, setFinishedRuns] = useState(0);
  const stopRef = useRef(false);

  const forget = () => {
    setIntakes(null);
    setReturns([]);
    setFileStates([]);
    setNote(null);
  };
  const addFiles = useCallback((picked: readonly PickedFile[]) => {
    setFiles((old) => [...old, ...picked.filter((p) => !old.some((o) => sameFile(o, p)))]);
    forget();
  }, []);
  const removeFile = useCallback((index: number) => {
    setFiles((old) => old.filter((_, i) => i !== index));
    forget();
  }, []);
  const clearFiles = useCallback(() => {
    setFiles([]);
    forget();
  }, []);

  const targets = useMemo<MergeTarget[]>(() => {
    const out: MergeTarget[] = [];
    if (workbookPrior) out.push({ id: "workbook", file: null, stored: workbookPrior });
    for (const i of intakes ?? [])
      if (i.kind === "rollup" && i.rollup) out.push({ id: `file:${i.file}`, file: i.file, stored: i.rollup });
    return out;
  }, [workbookPrior, intakes]);

  const run = useCallback(async () => {
    if (!bundle) return;
    let period: Period | undefined;
    if (periodText.trim()) {
      const p = parsePeriod(periodText.trim());
      if (!p.ok) {
        setNote({
          intent: "error",
          text: said(problem("PERIOD_INVALID", { text: p.text, reason: p.reason })),
        });
        return;
      }
      period = p.period;
    }
    stopRef.current = false;
    setRunning(true);
    setNote(null);
    setIntakes(null);
    setReturns([]);
    setFileStates(files.map(() => "waiting"));
    try {
      // Inside Excel the open workbook's rollup is where the result is written: it is offered (and
      // chosen) as the merge target, visibly. On the web page nothing is merged into unless chosen.
      const stored = priorFromGrids(await ops.readSheets(PRIOR_SHEETS).catch(() => new Map()));
      setWorkbookPrior(stored);
      setTargetId(stored && ops.host !== "browser" ? "workbook" : null);
      const list = await intakeAll(
        files,
        bundle,
        period,
        ({ index, state }) =>
          setFileStates((old) =>
            old.map((v, i) => (i === index ? (state === "done" ? "done" : "reading") : v)),
          ),
        () => stopRef.current,
      );
      if (stopRef.current) {
        setFileStates([]);
        setNote({
          intent: "warning",
          text: {
            vi: `Đã hủy sau ${list.length}/${files.length} tệp. Chưa có gì được ghi.`,
            en: `Cancelled after ${list.length}/${files.length} files. Nothing was written.`,
          },
        });
        return;
      }
      setRunPeriod(period);
      setIntakes(list);
      setFinishedRuns((n) => n + 1);
    } catch (e) {
      setNote({ intent: "error", text: said(e) });
    } finally {
      setRunning(false);
    }
  }, [bundle, files, ops, periodText]);

  const target = targets.find((t) => t.id === targetId) ?? null;
  const result = useMemo<MergeOutcome | null>(
    () =>
      bundle && intakes
        ? mergeIntakes(bundle, intakes, {
            period: runPeriod,
            prior: target?.stored ?? null,
            returns,
            now: ops.now(),
          })
        : null,
    [bundle, intakes, runPeriod, target, returns, ops],
  );

  const returnAgency = useCallback((agency: string, reason: string) => {
    if (!reason.trim()) return;
    setReturns((old) => [...old.filter((r) => r.agency !== agency), { agency, reason: reason.trim() }]);
  }, []);

  const write = useCallback(async () => {
    if (!result?.ok) return;
    setWriting(true);
    setNote(null);
    try {
      const specs = rollupSheets(result.rollup);
      const charts = chartSheet(result.rollup);
      await ops.writeRollup([...specs, charts.spec], {
        charts: charts.charts,
        highlights: rollupHighlights(specs),
      });
      setNote({
        intent: "success",
        text:
          ops.host === "browser"
            ? { vi: "Đã tạo và tải về bảng tổng hợp.", en: "Rollup created and downloaded." }
            : { vi: "Đã ghi bảng tổng hợp vào workbook này.", en: "Rollup written into this workbook." },
      });
    } catch (e) {
      setNote({ intent: "error", text: said(e) });
    } finally {
      setWriting(false);
    }
  }, [ops, result]);

  return {
    files,
    addFiles,
    removeFile,
    clearFiles,
    periodText,
    setPeriodText,
    running,
    fileStates,
    cancel: () => {
      stopRef.current = true;
    },
    run,
    finishedRuns,
    intakes,
    targets,
    targetId: target ? target.id : null,
    setTargetId,
    returns,
    returnAgency,
    result,
    writing,
    write,
    note,
  };
}

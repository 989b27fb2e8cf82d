// Kiểm tra's state, held above the tabs: the workbook being validated, the period it is checked
// against, its result and any failure. A file that fails to open clears the previous file's result,
// so nothing is shown under a wrong name. The expected period is the report due now by the plan's
// schedule unless the user picks another; picking one re-checks the workbook.
import { useCallback, useMemo, useRef, useState } from "react";
import { civilOfLocal } from "../../domain/civilDate";
import { periodCode, type Period } from "../../domain/period";
import { validateReport, type ValidationResult } from "../../domain/validation/validateReport";
import type { PlanBundle } from "../../domain/consolidation/intake";
import { defaultPeriod, yearPeriods } from "../logic/periods";
import type { PickedFile, TaskpaneOps } from "../ops";
import { said, type Said } from "../said";

export interface ValidationState {
  /** The picked file's name (the web page); null inside Excel, where the open workbook is validated. */
  fileName: string | null;
  result: ValidationResult | null;
  error: Said | null;
  busy: boolean;
  /** The periods the plan's year reports (its schedule), in the order they fall due. */
  periods: readonly Period[];
  /** The period the report is checked against. */
  expected: Period | null;
  /** Check against another period (a code of `periods`); re-checks the workbook already checked. */
  setExpected(code: string): void;
  /** Validate the open workbook against the plan. */
  run(): Promise<void>;
  /** Open a picked workbook (the web page) and validate it. */
  openAndRun(files: readonly PickedFile[]): Promise<void>;
}

type Ops = Pick<TaskpaneOps, "readOpenWorkbook" | "now"> & Partial<Pick<TaskpaneOps, "openFile">>;

export function useValidation(ops: Ops, bundle: PlanBundle | null): ValidationState {
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<ValidationResult | null>(null);
  const [error, setError] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const bundleRef = useRef(bundle);
  bundleRef.current = bundle;

  const year = bundle?.plan.year ?? null;
  const schedule = bundle?.schedule;
  const periods = useMemo(
    () => (year === null ? [] : yearPeriods(schedule, year).map((p) => p.period)),
    [schedule, year],
  );
  const fallback = useMemo(() => {
    if (year === null) return null;
    const now = ops.now();
    return defaultPeriod(schedule, year, civilOfLocal(now));
  }, [ops, schedule, year]);
  const expected = periods.find((p) => periodCode(p) === chosen) ?? fallback;
  const expectedRef = useRef(expected);
  expectedRef.current = expected;

  const run = useCallback(async () => {
    const b = bundleRef.current;
    if (!b) return;
    setBusy(true);
    setError(null);
    try {
      const wb = await ops.readOpenWorkbook();
      setResult(validateReport(wb, { ...b, expectedPeriod: expectedRef.current ?? undefined }));
    } catch (e) {
      setResult(null);
      setError(said(e));
    } finally {
      setBusy(false);
    }
  }, [ops]);

  const openAndRun = useCallback(
    async (files: readonly PickedFile[]) => {
      if (!ops.openFile || files.length === 0) return;
      setError(null);
      setResult(null);
      setFileName(files[0].name);
      setBusy(true);
      try {
        await ops.openFile(files[0]);
      } catch (e) {
        setError(said(e));
        setBusy(false);
        return;
      }
      await run();
    },
    [ops, run],
  );

  const hasResult = result !== null;
  const setExpected = useCallback(
    (code: string) => {
      setChosen(code);
      expectedRef.current = periods.find((p) => periodCode(p) === code) ?? expectedRef.current;
      if (hasResult) void run();
    },
    [hasResult, periods, run],
  );

  return { fileName, result, error, busy, periods, expected, setExpected, run, openAndRun };
}

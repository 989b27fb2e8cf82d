// Kiểm tra's state, held above the tabs: the workbook being validated, its result and any failure.
// A file that fails to open clears the previous file's result, so nothing is shown under a wrong name.
import { useCallback, useRef, useState } from "react";
import { validateReport, type ValidationResult } from "../../domain/validation/validateReport";
import type { PlanBundle } from "../logic/consolidate";
import type { PickedFile, TaskpaneOps } from "../ops";
import { said, type Said } from "../said";

export interface ValidationState {
  /** The picked file's name (the web page); null inside Excel, where the open workbook is validated. */
  fileName: string | null;
  result: ValidationResult | null;
  error: Said | null;
  busy: boolean;
  /** Validate the open workbook against the plan. */
  run(): Promise<void>;
  /** Open a picked workbook (the web page) and validate it. */
  openAndRun(files: readonly PickedFile[]): Promise<void>;
}

type Ops = Pick<TaskpaneOps, "readOpenWorkbook"> & Partial<Pick<TaskpaneOps, "openFile">>;

export function useValidation(ops: Ops, bundle: PlanBundle | null): ValidationState {
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<ValidationResult | null>(null);
  const [error, setError] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const bundleRef = useRef(bundle);
  bundleRef.current = bundle;

  const run = useCallback(async () => {
    const b = bundleRef.current;
    if (!b) return;
    setBusy(true);
    setError(null);
    try {
      const wb = await ops.readOpenWorkbook();
      setResult(validateReport(wb, b));
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

  return { fileName, result, error, busy, run, openAndRun };
}

// The plan the taskpane works against, and how to change it. On start: this workbook's plan sheets
// when it has them, else the bundled example, so validation works out of the box. A load that finds
// no usable plan never replaces the plan in use: it is kept, and the failure is said with its reasons.
import { useCallback, useEffect, useState } from "react";
import { PLAN_WORKBOOK_SHEETS, readPlanWorkbook } from "../../domain/planWorkbook";
import type { Problem } from "../../domain/problem";
import type { PickedFile, TaskpaneOps } from "../ops";
import type { PlanBundle } from "../../domain/consolidation/intake";
import { examplePlan, planFromFile, type LoadedPlan } from "../logic/planSources";
import { said, type Said } from "../said";

/** A load that gave no usable plan: what was tried, and why it failed. */
export interface PlanLoadFailure {
  /** The file name, or null for "this workbook". */
  from: string | null;
  reason: Said;
  problems: readonly Problem[];
}

export interface PlanState {
  loaded: LoadedPlan | null;
  /** Plan, registry and catalogue when all three are usable. */
  bundle: PlanBundle | null;
  busy: boolean;
  /** The last load that failed (the plan in use was kept); cleared by the next success. */
  failure: PlanLoadFailure | null;
  fromWorkbook(): Promise<void>;
  fromFile(file: PickedFile): Promise<void>;
  useExample(): void;
}

const bundleOf = (p: LoadedPlan | null): PlanBundle | null =>
  p?.plan && p.registry && p.catalogue
    ? { plan: p.plan, registry: p.registry, catalogue: p.catalogue, schedule: p.schedule }
    : null;

const NO_PLAN_SHEETS: Said = {
  vi: "Workbook này không có trang kế hoạch (Kế hoạch, Cơ quan, Chỉ tiêu).",
  en: "This workbook has no plan sheets (Kế hoạch, Cơ quan, Chỉ tiêu).",
};
const NOT_A_PLAN: Said = {
  vi: "Tệp này không phải là tệp kế hoạch dùng được.",
  en: "This file is not a usable plan workbook.",
};

export function usePlan(ops: TaskpaneOps, initial?: LoadedPlan): PlanState {
  const [loaded, setLoaded] = useState<LoadedPlan | null>(initial ?? null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<PlanLoadFailure | null>(null);

  const readWorkbookPlan = useCallback(async (): Promise<LoadedPlan> => {
    const grids = await ops.readSheets(PLAN_WORKBOOK_SHEETS);
    return { ...readPlanWorkbook(grids), source: "workbook" };
  }, [ops]);

  useEffect(() => {
    if (initial) return;
    let live = true;
    readWorkbookPlan()
      .catch(() => null)
      .then((p) => live && setLoaded(bundleOf(p) ? p : examplePlan()));
    return () => {
      live = false;
    };
  }, [initial, readWorkbookPlan]);

  const load = async (from: string | null, job: () => Promise<LoadedPlan>) => {
    setBusy(true);
    try {
      const next = await job();
      if (bundleOf(next)) {
        setLoaded(next);
        setFailure(null);
        return;
      }
      const empty = from === null && next.problems.length === 0;
      setFailure({
        from,
        reason: from === null ? NO_PLAN_SHEETS : NOT_A_PLAN,
        problems: empty ? [] : next.problems,
      });
    } catch (e) {
      setFailure({ from, reason: said(e), problems: [] });
    } finally {
      setBusy(false);
    }
  };
  return {
    loaded,
    bundle: bundleOf(loaded),
    busy,
    failure,
    fromWorkbook: () => load(null, readWorkbookPlan),
    fromFile: (file) => load(file.name, () => planFromFile(file)),
    useExample: () => {
      setLoaded(examplePlan());
      setFailure(null);
    },
  };
}

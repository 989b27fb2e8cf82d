// The plan the taskpane works against, and how to change it. On start: this workbook's plan sheets
// when it has them, else the bundled example, so validation works out of the box.
import { useCallback, useEffect, useState } from "react";
import { PLAN_WORKBOOK_SHEETS, readPlanWorkbook } from "../../domain/planWorkbook";
import type { PickedFile, TaskpaneOps } from "../ops";
import type { PlanBundle } from "../logic/consolidate";
import { examplePlan, planFromFile, type LoadedPlan } from "../logic/planSources";

export interface PlanState {
  loaded: LoadedPlan | null;
  /** Plan, registry and catalogue when all three are usable. */
  bundle: PlanBundle | null;
  busy: boolean;
  fromWorkbook(): Promise<void>;
  fromFile(file: PickedFile): Promise<void>;
  useExample(): void;
}

const bundleOf = (p: LoadedPlan | null): PlanBundle | null =>
  p?.plan && p.registry && p.catalogue
    ? { plan: p.plan, registry: p.registry, catalogue: p.catalogue }
    : null;

export function usePlan(ops: TaskpaneOps, initial?: LoadedPlan): PlanState {
  const [loaded, setLoaded] = useState<LoadedPlan | null>(initial ?? null);
  const [busy, setBusy] = useState(false);

  const readWorkbookPlan = useCallback(async (): Promise<LoadedPlan> => {
    const grids = await ops.readSheets(PLAN_WORKBOOK_SHEETS);
    return { ...readPlanWorkbook(grids), source: "workbook" };
  }, [ops]);

  useEffect(() => {
    if (initial) return;
    let live = true;
    readWorkbookPlan()
      .catch(() => null)
      .then((p) => live && setLoaded(p?.plan ? p : examplePlan()));
    return () => {
      live = false;
    };
  }, [initial, readWorkbookPlan]);

  const wrap = (job: () => Promise<LoadedPlan>) => async () => {
    setBusy(true);
    try {
      setLoaded(await job());
    } finally {
      setBusy(false);
    }
  };
  return {
    loaded,
    bundle: bundleOf(loaded),
    busy,
    fromWorkbook: wrap(readWorkbookPlan),
    fromFile: (file) => wrap(() => planFromFile(file))(),
    useExample: () => setLoaded(examplePlan()),
  };
}

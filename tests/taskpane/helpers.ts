// Test doubles for the taskpane: operations over in-memory grids, recording what the UI asks for.
import { webcrypto } from "node:crypto";
import type { A1, Grid } from "../../src/domain/cell";
import { parsePeriod } from "../../src/domain/period";
import { buildReportTemplate } from "../../src/domain/report/template";
import type { SheetSpec } from "../../src/domain/sheetSpec";
import { examplePlan } from "../../src/taskpane/logic/planSources";
import type { TaskpaneOps } from "../../src/taskpane/ops";
import type { WriteExtras } from "../../src/workbook/office/officeWorkbook";

export function fakeOps(grids: Map<string, Grid> = new Map()) {
  const calls = {
    selected: [] as [string, A1][],
    written: [] as { specs: readonly SheetSpec[]; extras: WriteExtras }[],
    downloads: [] as { name: string; bytes: Uint8Array }[],
  };
  const ops: TaskpaneOps = {
    host: "excel",
    readOpenWorkbook: async () => ({ grids, merged: new Map() }),
    readSheets: async (names) => new Map([...grids].filter(([n]) => names.includes(n))),
    selectCell: async (sheet, cell) => void calls.selected.push([sheet, cell]),
    writeRollup: async (specs, extras) => void calls.written.push({ specs, extras }),
    download: (name, bytes) => void calls.downloads.push({ name, bytes }),
    now: () => new Date("2023-07-01T08:00:00Z"),
  };
  return { ops, calls };
}

/** Web Crypto for jsdom (hashing picked files). */
export function installWebCrypto(): void {
  if (!globalThis.crypto?.subtle)
    Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
}

/** Fluent's MessageBar measures itself; jsdom has no ResizeObserver. */
export function installResizeObserver(): void {
  if (typeof globalThis.ResizeObserver === "undefined")
    globalThis.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
}

/** Sở Nội vụ's report template for Quý II/2023 from the example plan: the pane's usual test report. */
export function snvReportSpecs(): SheetSpec[] {
  const plan = examplePlan();
  const period = parsePeriod("2023-Q2");
  if (!period.ok || !plan.plan || !plan.catalogue || !plan.registry) throw new Error("example plan");
  const agency = plan.registry.agencies.find((a) => a.code === "SNV")!;
  return buildReportTemplate({ plan: plan.plan, agency, period: period.period, catalogue: plan.catalogue });
}

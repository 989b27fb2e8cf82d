/** @jest-environment jsdom */
// Issue 13 part 1: the ribbon's "Kiểm tra" works from any state — pressed before the pane renders,
// while the plan is still loading, from another tab, or with no plan (then it says so).
import { act, render, screen, waitFor } from "@testing-library/react";
import { registerCommands, ValidateRequests, type CommandHost } from "../../src/commands/commands";
import type { Grid } from "../../src/domain/cell";
import { App } from "../../src/taskpane/components/App";
import { examplePlan } from "../../src/taskpane/logic/planSources";
import { fakeOps, installResizeObserver, snvReportSpecs } from "./helpers";
import { T } from "../helpers/columns";

installResizeObserver();

const plan = examplePlan();

function reportGrids(): Map<string, Grid> {
  const specs = snvReportSpecs();
  const grids = new Map(specs.map((s) => [s.name, s.rows.map((r) => [...r])]));
  grids.get(specs[1].name)![1][T.status] = "Xong rồi"; // not a status
  return grids;
}

/** Ops whose plan read waits until `release()` (a workbook that has just opened). */
function slowPlanOps() {
  const { ops, calls } = fakeOps(reportGrids());
  let release = () => undefined as void;
  const gate = new Promise<void>((done) => (release = done));
  let reads = 0;
  const readOpenWorkbook = ops.readOpenWorkbook;
  ops.readSheets = async () => {
    await gate;
    return new Map(); // no plan sheets: the bundled example is used
  };
  ops.readOpenWorkbook = async () => {
    reads++;
    return readOpenWorkbook();
  };
  return { ops, calls, release: () => release(), reads: () => reads };
}

/** The ribbon button, wired as in the add-in, with a fake Office host. */
function ribbon() {
  const requests = new ValidateRequests();
  const handlers = new Map<string, (e: { completed(): void }) => unknown>();
  let shown = 0;
  let completed = 0;
  const host: CommandHost = {
    associate: (name, h) => void handlers.set(name, h as never),
    showAsTaskpane: async () => void shown++,
  };
  registerCommands(requests, host);
  const press = () =>
    act(async () => {
      await handlers.get("validateWorkbook")!({ completed: () => void completed++ });
    });
  return { requests, press, shown: () => shown, completed: () => completed };
}

describe("the ribbon's Kiểm tra", () => {
  test("pressed before the pane renders and while the plan loads: it waits, then validates", async () => {
    const r = ribbon();
    await r.press(); // the pane is not rendered yet
    expect(r.shown()).toBe(1);
    expect(r.completed()).toBe(1);
    const slow = slowPlanOps();
    render(<App ops={slow.ops} initialTab="templates" ribbon={r.requests} />);
    expect(screen.getByRole("tab", { name: "Kiểm tra", selected: true })).toBeTruthy();
    expect(screen.getByText("Đang tải kế hoạch để kiểm tra…")).toBeTruthy();
    expect(slow.reads()).toBe(0);
    await act(async () => slow.release());
    expect((await screen.findAllByText(/Xong rồi/, undefined, { timeout: 5000 })).length).toBeGreaterThan(0);
    expect(slow.reads()).toBe(1);
    expect(screen.queryByText("Đang tải kế hoạch để kiểm tra…")).toBeNull();
  });

  test("pressed while another tab is open: it switches to Kiểm tra and validates", async () => {
    const r = ribbon();
    const { ops } = fakeOps(reportGrids());
    let reads = 0;
    const read = ops.readOpenWorkbook;
    ops.readOpenWorkbook = () => (reads++, read());
    const { rerender } = render(<App ops={ops} initialPlan={plan} initialTab="plan" ribbon={r.requests} />);
    expect(screen.getByRole("tab", { name: "Kế hoạch", selected: true })).toBeTruthy();
    await r.press();
    expect(screen.getByRole("tab", { name: "Kiểm tra", selected: true })).toBeTruthy();
    expect((await screen.findAllByText(/Xong rồi/, undefined, { timeout: 5000 })).length).toBeGreaterThan(0);
    expect(reads).toBe(1);
    // Again from another tab: a second run, not a repeat of the first on remount.
    act(() => screen.getByRole("tab", { name: "Biểu mẫu" }).click());
    rerender(<App ops={ops} initialPlan={plan} initialTab="plan" ribbon={r.requests} />);
    await r.press();
    await waitFor(() => expect(reads).toBe(2));
  });

  test("with no plan it says so instead of doing nothing", async () => {
    const r = ribbon();
    const { ops } = fakeOps(reportGrids());
    let reads = 0;
    ops.readOpenWorkbook = async () => (reads++, { grids: new Map(), merged: new Map() });
    render(
      <App
        ops={ops}
        initialPlan={{ ...plan, plan: null } as never}
        initialTab="templates"
        ribbon={r.requests}
      />,
    );
    await r.press();
    expect(await screen.findByText(/Chưa thể kiểm tra: chưa có kế hoạch/)).toBeTruthy();
    expect(reads).toBe(0);
  });

  test("the pane not showing (a client without the shared runtime) still completes the command", async () => {
    const requests = new ValidateRequests();
    let handler: ((e: { completed(): void }) => unknown) | undefined;
    let completed = 0;
    registerCommands(requests, {
      associate: (_n, h) => void (handler = h as never),
      showAsTaskpane: () => Promise.reject(new Error("not supported")),
    });
    await handler!({ completed: () => void completed++ });
    expect(completed).toBe(1);
    expect(requests.take()).toBe(true); // kept for when the pane opens
  });
});

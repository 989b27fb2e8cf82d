// Issue 13 part 5: the shared runtime's page starts the taskpane (React, the plan read through
// Excel.run) only when the pane is shown, not when Excel loads the page just for the functions.
import { whenPaneShown, type PaneEnvironment } from "../../src/taskpane/paneShown";

function env(visibility: "visible" | "hidden") {
  const listeners: (() => void)[] = [];
  let modeHandler: ((a: { visibilityMode: string }) => void) | undefined;
  const e: PaneEnvironment & { doc: { visibilityState: string } } = {
    doc: {
      visibilityState: visibility,
      addEventListener: ((_: string, l: () => void) => void listeners.push(l)) as never,
    } as never,
    addin: { onVisibilityModeChanged: (h) => void (modeHandler = h) },
  };
  return {
    e,
    show: () => {
      (e.doc as { visibilityState: string }).visibilityState = "visible";
      listeners.forEach((l) => l());
    },
    mode: (m: string) => modeHandler?.({ visibilityMode: m }),
  };
}

test("a visible pane starts at once", () => {
  let started = 0;
  whenPaneShown(() => void started++, env("visible").e);
  expect(started).toBe(1);
});

test("a hidden page (functions only) does not start until the pane is shown, then once", () => {
  let started = 0;
  const x = env("hidden");
  whenPaneShown(() => void started++, x.e);
  expect(started).toBe(0);
  x.mode("Hidden");
  expect(started).toBe(0);
  x.mode("Taskpane");
  x.show();
  expect(started).toBe(1);
});

test("the page becoming visible starts it too (no shared-runtime API)", () => {
  let started = 0;
  const x = env("hidden");
  delete x.e.addin;
  whenPaneShown(() => void started++, x.e);
  x.show();
  expect(started).toBe(1);
});

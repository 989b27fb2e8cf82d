/// <reference types="office-js" />
// When to start the taskpane. The shared runtime's page also runs hidden, only for the custom
// functions; starting the pane there would load React and read the workbook for nothing. So start at
// once when the page is visible, else when it becomes visible (the page's visibilitychange, or
// Office's onVisibilityModeChanged reporting "Taskpane", SharedRuntime 1.1).

export interface PaneEnvironment {
  doc: Pick<Document, "visibilityState" | "addEventListener">;
  addin?: {
    onVisibilityModeChanged?(handler: (args: { visibilityMode: string }) => void): unknown;
  };
}

const defaultEnvironment = (): PaneEnvironment => ({
  doc: document,
  addin: (globalThis as { Office?: { addin?: PaneEnvironment["addin"] } }).Office?.addin,
});

/** Call `start` once, as soon as the pane is shown. */
export function whenPaneShown(start: () => void, env: PaneEnvironment = defaultEnvironment()): void {
  let started = false;
  const go = () => {
    if (started) return;
    started = true;
    start();
  };
  if (env.doc.visibilityState !== "hidden") return go();
  env.doc.addEventListener("visibilitychange", () => {
    if (env.doc.visibilityState !== "hidden") go();
  });
  try {
    void env.addin?.onVisibilityModeChanged?.((args) => {
      if (args.visibilityMode === "Taskpane") go();
    });
  } catch {
    // Without the shared runtime API the page's own visibility still starts the pane.
  }
}

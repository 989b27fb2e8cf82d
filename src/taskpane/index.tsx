/// <reference types="office-js" />
// Entry of taskpane.html: the shared runtime's page, which Excel also loads (hidden) when a workbook
// uses CCHC.* functions. functions.js, before this script, registers the functions; this entry stays
// tiny: it registers the ribbon commands and loads the taskpane (React, Fluent UI, the plan read
// through Excel.run) only once the pane is shown — never when Excel needs only the functions.
// ExcelJS, the consolidation tab and its charts load later still, on demand.
import { registerCommands } from "../commands/commands";
import { whenPaneShown } from "./paneShown";

Office.onReady(() => {
  registerCommands();
  whenPaneShown(() => void import("./boot").then((m) => m.boot()));
});

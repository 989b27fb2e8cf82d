/// <reference types="office-js" />
// Entry of taskpane.html: the shared runtime's page. It renders the taskpane over the Office.js
// adapter and registers the ribbon commands (they run in this same runtime).
import { createRoot } from "react-dom/client";
import { registerCommands } from "../commands/commands";
import { App } from "./components/App";
import { createOfficeOps } from "./officeOps";

Office.onReady(() => {
  const ops = createOfficeOps();
  registerCommands();
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App ops={ops} />);
});

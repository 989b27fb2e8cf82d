// Entry of the web page (dist-preview/index.html): the taskpane's App over browser operations —
// picked and dropped .xlsx files through the .xlsx adapter instead of Office.js.
import { createRoot } from "react-dom/client";
import { createBrowserOps } from "./browserOps";
import { PreviewShell } from "./PreviewShell";

const root = document.getElementById("root");
if (root) createRoot(root).render(<PreviewShell ops={createBrowserOps()} />);

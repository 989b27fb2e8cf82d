// The taskpane proper, loaded on demand by index.tsx once the pane is shown.
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { createOfficeOps } from "./officeOps";

export function boot(): void {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App ops={createOfficeOps()} />);
}

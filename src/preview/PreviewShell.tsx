// The web page around the taskpane: says where the files go (nowhere), which workbook is open and
// the cell a problem pointed at — the page's stand-in for Excel moving the selection.
import { useEffect, useState } from "react";
import { App } from "../taskpane/components/App";
import type { BrowserOps, BrowserState } from "./browserOps";

const bar: React.CSSProperties = {
  background: "#f3f2f1",
  borderBottom: "1px solid #d1d1d1",
  padding: "6px 12px",
  fontFamily: "'Segoe UI', system-ui, sans-serif",
  fontSize: 13,
  color: "#242424",
};

export function PreviewShell({ ops }: { ops: BrowserOps }) {
  const [state, setState] = useState<BrowserState>(ops.state());
  useEffect(() => ops.subscribe(setState), [ops]);
  const sel = state.selected;
  return (
    <div style={{ maxWidth: 880, margin: "0 auto" }}>
      <header style={bar} role="banner">
        <strong>Bản web</strong> — dùng khi không có Excel hỗ trợ add-in. Các tệp được đọc và tạo ngay trong
        trình duyệt, không gửi đi đâu. <span lang="en">(Web version: files never leave this browser.)</span>
      </header>
      <main>
        <App ops={ops} />
      </main>
      {/* Sticky: the cell a clicked problem points at stays in sight, as Excel's selection would. */}
      <div
        role="status"
        aria-live="polite"
        style={{ ...bar, position: "sticky", bottom: 0, borderTop: bar.borderBottom, borderBottom: "none" }}
      >
        {state.openName ? `Workbook: ${state.openName}` : "Chưa mở workbook nào."}
        {sel && ` · Ô ${sel.sheet}!${sel.cell}: «${sel.value === null ? "" : String(sel.value)}»`}
      </div>
    </div>
  );
}

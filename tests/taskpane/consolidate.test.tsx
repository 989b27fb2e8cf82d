/** @jest-environment jsdom */
// The Tổng hợp tab: real .xlsx files picked, progress, the outcome table, a return, and the write.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { parsePeriod } from "../../src/domain/period";
import { buildReportTemplate } from "../../src/domain/report/template";
import { ConsolidateTab } from "../../src/taskpane/components/ConsolidateTab";
import { examplePlan } from "../../src/taskpane/logic/planSources";
import { CHART_SHEET } from "../../src/taskpane/logic/rollupCharts";
import { ROLLUP_SHEETS } from "../../src/domain/consolidation/layout";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { fakeOps, installResizeObserver, installWebCrypto } from "./helpers";

installResizeObserver();
installWebCrypto();

const loaded = examplePlan();
const bundle = { plan: loaded.plan!, registry: loaded.registry!, catalogue: loaded.catalogue! };

async function reportFile(code: string): Promise<File> {
  const p = parsePeriod("2023-Q2");
  if (!p.ok) throw new Error("period");
  const agency = bundle.registry.agencies.find((a) => a.code === code)!;
  const specs = buildReportTemplate({ ...bundle, agency, period: p.period });
  // Filled in: every task "Không phát sinh" (needs no date or evidence), a preparer.
  for (const row of specs[1].rows.slice(1)) row[5] = "Không phát sinh";
  for (const row of specs[0].rows) if (row[0] === "Người lập") row[1] = "Nguyễn Văn A";
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(specs);
  const bytes = await wb.toBuffer();
  return new File([new Uint8Array(bytes)], `${code}-2023-Q2.xlsx`);
}

test("picks files, previews accepted and rejected ones, returns one with a reason, writes the rollup", async () => {
  const { ops, calls } = fakeOps();
  render(<ConsolidateTab ops={ops} bundle={bundle} />);
  const files = [
    await reportFile("SNV"),
    await reportFile("STP"),
    new File([new Uint8Array([1, 2, 3])], "hong.xlsx"),
  ];
  fireEvent.change(screen.getByLabelText("Chọn các tệp báo cáo (.xlsx)…"), { target: { files } });
  const preview = await screen.findByRole("button", { name: "Xem trước (chưa ghi)" });
  await waitFor(() => expect((preview as HTMLButtonElement).disabled).toBe(false));
  fireEvent.change(screen.getByPlaceholderText("2023-Q2"), { target: { value: "2023-Q2" } });
  fireEvent.click(preview);

  const table = await screen.findByRole("table", { name: "Kết quả" }, { timeout: 20_000 });
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows).toHaveLength(3);
  const byFile = (name: string) => rows.find((r) => r.textContent?.includes(name))!;
  expect(byFile("hong.xlsx").textContent).toContain("Bị từ chối");
  expect(byFile("SNV-2023-Q2.xlsx").textContent).toContain("Thêm mới");
  const bars = screen.getAllByRole("progressbar");
  expect(bars).toHaveLength(4); // overall + one per file
  expect(bars.map((b) => b.getAttribute("aria-valuenow"))).toEqual(["1", "1", "1", "1"]);

  fireEvent.click(within(byFile("STP-2023-Q2.xlsx")).getByRole("button", { name: "Trả lại" }));
  fireEvent.change(screen.getByLabelText(/Lý do trả lại/), { target: { value: "Thiếu số liệu" } });
  fireEvent.click(screen.getByRole("button", { name: "Xác nhận trả lại" }));
  await waitFor(() => expect(byFileNow("STP-2023-Q2.xlsx").textContent).toContain("Thiếu số liệu"));

  fireEvent.click(screen.getByRole("button", { name: "Ghi bảng tổng hợp vào workbook này" }));
  await screen.findByText("Đã ghi bảng tổng hợp.");
  const names = calls.written[0].specs.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining([ROLLUP_SHEETS.info, ROLLUP_SHEETS.figures, CHART_SHEET]));
  expect(calls.written[0].extras.charts?.length).toBe(3);

  function byFileNow(name: string) {
    const t = screen.getByRole("table", { name: "Kết quả" });
    return within(t)
      .getAllByRole("row")
      .find((r) => r.textContent?.includes(name))!;
  }
}, 60_000);

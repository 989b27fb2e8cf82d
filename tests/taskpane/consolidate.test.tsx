/** @jest-environment jsdom */
// The Tổng hợp tab: real .xlsx files picked, progress, the outcome table, a return, and the write.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { parsePeriod } from "../../src/domain/period";
import { buildReportTemplate } from "../../src/domain/report/template";
import { App } from "../../src/taskpane/components/App";
import { examplePlan } from "../../src/taskpane/logic/planSources";
import { CHART_SHEET } from "../../src/taskpane/logic/rollupCharts";
import { ROLLUP_SHEETS } from "../../src/domain/consolidation/layout";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { fakeOps, installResizeObserver, installWebCrypto } from "./helpers";
import { I, T } from "../helpers/columns";

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
  for (const row of specs[1].rows.slice(1)) row[T.status] = "Không phát sinh";
  for (const row of specs[0].rows) if (row[I.label] === "Người lập") row[I.value] = "Nguyễn Văn A";
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(specs);
  const bytes = await wb.toBuffer();
  return new File([new Uint8Array(bytes)], `${code}-2023-Q2.xlsx`);
}

const card = (name: string) =>
  within(screen.getByRole("list", { name: "Kết quả" }))
    .getAllByRole("listitem")
    .find((r) => r.getAttribute("data-file") === name)!;

test("picks files, shows the summary first, returns one with a reason, writes the rollup; tabs keep it", async () => {
  const { ops, calls } = fakeOps();
  render(<App ops={ops} initialPlan={loaded} initialTab="consolidate" />);
  const input = await screen.findByLabelText("Chọn các tệp báo cáo (.xlsx)…", {}, { timeout: 20_000 }); // the tab loads on demand
  // Two picks add up (files from two folders), and one can be removed again.
  fireEvent.change(input, { target: { files: [await reportFile("SNV"), await reportFile("SXD")] } });
  await screen.findByText("Đã chọn 2 tệp");
  fireEvent.change(input, {
    target: { files: [await reportFile("STP"), new File([new Uint8Array([1, 2, 3])], "hong.xlsx")] },
  });
  await screen.findByText("Đã chọn 4 tệp");
  fireEvent.click(screen.getByRole("button", { name: "Bỏ tệp SXD-2023-Q2.xlsx" }));
  await screen.findByText("Đã chọn 3 tệp");
  fireEvent.change(screen.getByPlaceholderText("2023-Q2"), { target: { value: "2023-Q2" } });
  const run = screen.getByRole("button", { name: "Kiểm tra và tổng hợp" });
  await waitFor(() => expect((run as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(run);

  const summary = await screen.findByRole("heading", { name: "Tổng hợp Quý II/2023" }, { timeout: 20_000 });
  await waitFor(() => expect(document.activeElement).toBe(summary));
  const cards = within(screen.getByRole("list", { name: "Kết quả" })).getAllByRole("listitem");
  // Problems first.
  expect(cards[0].getAttribute("data-file")).toBe("hong.xlsx");
  expect(card("hong.xlsx").textContent).toContain("Bị từ chối");
  expect(card("SNV-2023-Q2.xlsx").textContent).toContain("Thêm mới");
  // The primary action is in the summary.
  const write = screen.getByRole("button", { name: "Ghi bảng tổng hợp vào workbook này" });
  expect(write.closest("section")).toBe(summary.closest("section"));

  fireEvent.click(within(card("STP-2023-Q2.xlsx")).getByRole("button", { name: "Trả lại" }));
  const reason = screen.getByLabelText(/Lý do trả lại/);
  fireEvent.change(reason, { target: { value: "Thiếu số liệu" } });
  fireEvent.submit(reason.closest("form")!); // Enter in the field confirms
  await waitFor(() => expect(card("STP-2023-Q2.xlsx").textContent).toContain("Thiếu số liệu"));

  // Another tab and back: the result is still there.
  fireEvent.click(screen.getByRole("tab", { name: "Biểu mẫu" }));
  expect(screen.queryByRole("list", { name: "Kết quả" })).toBeNull();
  fireEvent.click(screen.getByRole("tab", { name: "Tổng hợp" }));
  expect(card("STP-2023-Q2.xlsx").textContent).toContain("Thiếu số liệu");

  fireEvent.click(screen.getByRole("button", { name: "Ghi bảng tổng hợp vào workbook này" }));
  await screen.findByText("Đã ghi bảng tổng hợp vào workbook này.");
  const names = calls.written[0].specs.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining([ROLLUP_SHEETS.info, ROLLUP_SHEETS.figures, CHART_SHEET]));
  expect(calls.written[0].extras.charts?.length).toBe(3);
}, 60_000);

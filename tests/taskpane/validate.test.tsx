/** @jest-environment jsdom */
// The taskpane's Kiểm tra tab and the app shell, with operations over in-memory grids.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { Problem, ProblemCode, Severity } from "../../src/domain/problem";

/** A hand-made problem record (the list shows any code and message it is given). */
const problem = (p: {
  code: string;
  severity: Severity;
  sheet?: string;
  cell?: A1;
  vi: string;
  en: string;
  value?: string | number;
}): Problem => ({
  code: p.code as ProblemCode,
  severity: p.severity,
  sheet: p.sheet ?? null,
  cell: p.cell ?? null,
  message_vi: p.vi,
  message_en: p.en,
  value: p.value ?? null,
});
import type { A1 } from "../../src/domain/cell";
import { buildReportTemplate } from "../../src/domain/report/template";
import { parsePeriod } from "../../src/domain/period";
import { App } from "../../src/taskpane/components/App";
import { ProblemList } from "../../src/taskpane/components/ProblemList";
import { LangContext } from "../../src/taskpane/i18n";
import { examplePlan } from "../../src/taskpane/logic/planSources";
import { fakeOps, installResizeObserver, snvReportSpecs } from "./helpers";
import { T } from "../helpers/columns";

installResizeObserver();

const plan = examplePlan();

/** A generated report for Sở Nội vụ with one bad status typed in. */
function reportGrids() {
  const specs = snvReportSpecs();
  const grids = new Map(specs.map((s) => [s.name, s.rows.map((r) => [...r])]));
  const tasks = grids.get(specs[1].name)!;
  tasks[1][T.status] = "Xong rồi"; // not a status
  return { grids, taskSheet: specs[1].name };
}

describe("ProblemList", () => {
  const problems = [
    problem({
      code: "A",
      severity: "error",
      sheet: "Nhiệm vụ",
      cell: "F2" as A1,
      vi: "Lỗi một",
      en: "Error one",
      value: "x",
    }),
    problem({
      code: "B",
      severity: "warning",
      sheet: "Nhiệm vụ",
      cell: "G3" as A1,
      vi: "Cảnh báo",
      en: "Warning",
    }),
    problem({ code: "C", severity: "info", sheet: "Số liệu", cell: "D4" as A1, vi: "Ghi chú", en: "Note" }),
    problem({ code: "D", severity: "error", vi: "Cả tệp", en: "Whole file" }),
  ];

  test("groups by sheet with counts and selects a problem's cell on click", () => {
    const selected: string[] = [];
    render(<ProblemList problems={problems} onSelect={(s, c) => selected.push(`${s}!${c}`)} />);
    const nv = screen.getByRole("region", { name: "Nhiệm vụ" });
    expect(nv.textContent).toContain("1 lỗi");
    expect(nv.textContent).toContain("1 cảnh báo");
    expect(screen.getByRole("region", { name: "Toàn tệp" })).toBeTruthy();
    fireEvent.click(screen.getByText("Cảnh báo"));
    expect(selected).toEqual(["Nhiệm vụ!G3"]);
    // A problem without a cell is readable text reachable by keyboard, not a greyed-out button.
    const whole = screen.getByText("Cả tệp").closest("[tabindex]") as HTMLElement;
    expect(whole.tagName).not.toBe("BUTTON");
    expect(whole.tabIndex).toBe(0);
  });

  test("speaks English when asked", () => {
    render(
      <LangContext.Provider value="en">
        <ProblemList problems={problems} />
      </LangContext.Provider>,
    );
    expect(screen.getByText("Error one")).toBeTruthy();
    expect(screen.getByRole("region", { name: "Whole file" })).toBeTruthy();
  });
});

describe("ProblemList groups repeats", () => {
  test("three or more of one code become one expandable group with the count", () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      problem({
        code: "TASK_DONE_AFTER_CUTOFF",
        severity: "warning",
        sheet: "Nhiệm vụ",
        cell: `G${i + 2}` as A1,
        vi: `Nhiệm vụ ${i}: ngày hoàn thành sau ngày chốt số liệu`,
        en: `Task ${i}: done after the cut-off`,
        value: 45269,
      }),
    );
    const { container } = render(<ProblemList problems={many} onSelect={() => undefined} />);
    const group = container.querySelector("[data-group=TASK_DONE_AFTER_CUTOFF]")!;
    // The catalogue words the kind: "5 nhiệm vụ: …", not the first item's message.
    expect(group.querySelector("summary")!.textContent).toMatch(
      /5 nhiệm vụ: ngày hoàn thành sau ngày chốt số liệu của kỳ/,
    );
    expect(group.querySelector("summary")!.textContent).not.toContain("Nhiệm vụ 0");
    // A date value shows as dd/mm/yyyy, never as the Excel serial.
    expect(group.textContent).toContain("«09/12/2023»");
    expect(group.textContent).not.toContain("45269");
  });

  test("a kind the catalogue does not word: the count and the first one's message", () => {
    const many = Array.from({ length: 3 }, (_, i) =>
      problem({ code: "X_UNWORDED", severity: "error", sheet: "Số liệu", vi: `Lỗi ${i}`, en: `Error ${i}` }),
    );
    const { container } = render(<ProblemList problems={many} />);
    expect(container.querySelector("summary")!.textContent).toMatch(/3 mục:.*Lỗi 0.*và 2 mục tương tự/);
  });
});

describe("App and the Kiểm tra tab", () => {
  test("validates the open workbook, lists its problems and jumps to a cell", async () => {
    const { grids, taskSheet } = reportGrids();
    const { ops, calls } = fakeOps(grids);
    render(<App ops={ops} initialPlan={plan} />);
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra workbook đang mở" }));
    const section = await screen.findByRole("region", { name: taskSheet });
    const item = Array.from(section.querySelectorAll("button")).find((b) =>
      b.textContent?.includes("Xong rồi"),
    );
    expect(item).toBeTruthy();
    fireEvent.click(item!);
    expect(calls.selected[0][0]).toBe(taskSheet);
    expect(calls.selected[0][1]).toBe("F2");
    expect(screen.getByRole("button", { name: "Kiểm tra lại" })).toBeTruthy();
  });

  test("tabs in Vietnamese; the English switch relabels them", async () => {
    const { ops } = fakeOps();
    render(<App ops={ops} initialPlan={plan} />);
    expect(screen.getByRole("tab", { name: "Tổng hợp" })).toBeTruthy();
    fireEvent.click(screen.getByRole("switch"));
    await waitFor(() => expect(screen.getByRole("tab", { name: "Consolidate" })).toBeTruthy());
    fireEvent.click(screen.getByRole("tab", { name: "Plan" }));
    expect(await screen.findByRole("table", { name: "Sections" })).toBeTruthy();
  });

  test("shows the workbook's agency and period first; a blank report is said as such", async () => {
    const period = parsePeriod("2023-Q2");
    if (!period.ok) throw new Error("period");
    const agency = plan.registry!.agencies.find((a) => a.code === "SNV")!;
    const specs = buildReportTemplate({
      plan: plan.plan!,
      agency,
      period: period.period,
      catalogue: plan.catalogue!,
    });
    const { ops } = fakeOps(new Map(specs.map((s) => [s.name, s.rows.map((r) => [...r])])));
    render(<App ops={ops} initialPlan={plan} />);
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra workbook đang mở" }));
    await screen.findByText("Báo cáo chưa được điền.");
    expect(screen.getByText(`${agency.name} (SNV)`)).toBeTruthy();
    expect(screen.getByText("Quý II/2023")).toBeTruthy();
    // Not a wall of red items: the details are folded away.
    const details = screen.getByRole("region", { name: specs[1].name }).closest("details");
    expect(details?.open).toBe(false);
  });

  test("checks against the period due now; a report for another period is said once, first", async () => {
    // The fake clock says 1/7/2023: the report due next by the 581/BNV-CCHC schedule is Quý III.
    const { grids } = reportGrids(); // a Quý II report
    const { ops } = fakeOps(grids);
    render(<App ops={ops} initialPlan={plan} />);
    const picker = screen.getByLabelText("Kỳ đang kiểm tra") as HTMLSelectElement;
    expect(picker.value).toBe("2023-Q3");
    expect(Array.from(picker.options).map((o) => o.textContent)).toEqual([
      "Quý I/2023",
      "6 tháng đầu năm 2023",
      "Quý III/2023",
      "Năm 2023",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra workbook đang mở" }));
    const banner = await screen.findByTestId("period-mismatch");
    expect(banner.textContent).toContain(
      "Báo cáo này là Quý II/2023, không phải kỳ đang kiểm tra (Quý III/2023).",
    );
    // Once: not again in the list below, and before the workbook's identity.
    expect(screen.queryAllByText(/đang tổng hợp kỳ|không phải kỳ đang kiểm tra/)).toHaveLength(1);
    const identity = screen.getByText("Quý II/2023");
    expect(banner.compareDocumentPosition(identity) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Another period re-checks the workbook against it.
    fireEvent.change(picker, { target: { value: "2023" } });
    await waitFor(() =>
      expect(screen.getByTestId("period-mismatch").textContent).toContain("kỳ đang kiểm tra (Năm 2023)"),
    );
  });

  test("Biểu mẫu offers the same period first: the report due next (1/7/2023: Quý III)", async () => {
    const { ops } = fakeOps();
    render(<App ops={ops} initialPlan={plan} initialTab="templates" />);
    const field = (await screen.findByLabelText(/Kỳ báo cáo/)) as HTMLInputElement;
    expect(field.value).toBe("2023-Q3");
  });

  test("a failed plan load keeps the plan in use and says why", async () => {
    const { ops } = fakeOps();
    render(<App ops={ops} initialPlan={plan} initialTab="plan" />);
    fireEvent.click(screen.getByRole("button", { name: "Đọc từ workbook này" }));
    await screen.findByText("Không đọc được kế hoạch từ workbook này.");
    expect(screen.getByText(/Vẫn dùng kế hoạch đang có/)).toBeTruthy();
    expect(screen.getByRole("table", { name: "Lĩnh vực" })).toBeTruthy();
    expect(screen.queryByText(/Chưa có kế hoạch/)).toBeNull();
    // A wrong file as the plan: the same.
    const bad = new File([new Uint8Array([1, 2, 3])], "khong-phai-ke-hoach.xlsx");
    fireEvent.change(screen.getByLabelText("Chọn tệp kế hoạch…"), { target: { files: [bad] } });
    await screen.findByText("Không dùng được khong-phai-ke-hoach.xlsx làm kế hoạch.");
    expect(screen.getByRole("table", { name: "Lĩnh vực" })).toBeTruthy();
  });

  test("without a plan in the workbook, the bundled example plan is used", async () => {
    const { ops } = fakeOps();
    render(<App ops={ops} />);
    await waitFor(() => expect(screen.getByText(/Kế hoạch: .*2023/)).toBeTruthy());
  });
});

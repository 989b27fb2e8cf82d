/** @jest-environment jsdom */
// The taskpane over the real Office.js adapter and the strict fake Excel (tests/office/fakeExcel.ts),
// not over in-memory operations: what a person sees when Excel refuses (issue 13).
import { fireEvent, render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { examplePlan } from "../../src/taskpane/logic/planSources";
import { createOfficeOps } from "../../src/taskpane/officeOps";
import { OfficeWorkbook } from "../../src/workbook/office";
import { FakeExcel } from "../office/fakeExcel";
import { installResizeObserver, snvReportSpecs } from "./helpers";

installResizeObserver();

const plan = examplePlan();

/** An Excel holding Sở Nội vụ's report with one bad status typed in. */
function excelWithReport(): FakeExcel {
  const specs = snvReportSpecs();
  const fx = new FakeExcel([]);
  for (const s of specs) {
    const rows = s.rows.map((r) => r.map((v) => (typeof v === "string" ? `'${v}` : v)));
    fx.setGrid(s.name, rows);
  }
  fx.sheet(specs[1].name)!.cells.set("1,5", "Xong rồi"); // F2: not a status
  return fx;
}

describe("Kiểm tra inside Excel", () => {
  test("while a cell is being edited it says to leave edit mode; afterwards it validates", async () => {
    const fx = excelWithReport();
    const ops = createOfficeOps(new OfficeWorkbook({ run: fx.run, apiSupport: fx.supportsApi }));
    render(<App ops={ops} initialPlan={plan} />);
    fx.editMode = true;
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra workbook đang mở" }));
    expect(await screen.findByText(/Hãy thoát chế độ sửa ô rồi thử lại/)).toBeTruthy();
    expect(screen.queryAllByText(/Xong rồi/)).toEqual([]);
    fx.editMode = false;
    fireEvent.click(screen.getByRole("button", { name: /Kiểm tra/ }));
    expect((await screen.findAllByText(/Xong rồi/, undefined, { timeout: 5000 })).length).toBeGreaterThan(0);
    expect(screen.queryByText(/Hãy thoát chế độ sửa ô rồi thử lại/)).toBeNull();
  });
});

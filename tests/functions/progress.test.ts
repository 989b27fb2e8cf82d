import { progress, statusLabel } from "../../src/functions/progress";
import { cell, col, expectError, only } from "./helpers";

describe("CCHC.PROGRESS", () => {
  it("counts done and done-late tasks over applicable ones", () => {
    const statuses = col(
      "Hoàn thành",
      "Hoàn thành trễ hạn",
      "Đang thực hiện",
      "Chưa thực hiện",
      "Không phát sinh",
    );
    expect(progress(statuses)).toBe(0.5);
  });

  it("skips blank cells and reads labels without diacritics or in English", () => {
    expect(
      progress([
        ["hoan thanh", null, ""],
        ["Done", "In progress", "  "],
      ]),
    ).toBe(2 / 3);
  });

  it("gives 100% and 0% at the ends", () => {
    expect(progress(col("Hoàn thành", "Done late"))).toBe(1);
    expect(progress(col("Chưa thực hiện"))).toBe(0);
  });

  it("is #N/A for an empty range and #DIV/0! when nothing applies", () => {
    expectError(progress(col(null, "")), "#N/A", /Chưa có tình trạng/);
    expectError(progress(col("Không phát sinh")), "#DIV/0!");
  });

  it("rejects unknown statuses, numbers and error values, naming the cell's value", () => {
    expectError(progress(col("Hoàn thành", "Xong rồi")), "#VALUE!", /"Xong rồi".*"Hoàn thành"/);
    expectError(progress(col("Hoàn thành", 1)), "#VALUE!", /Tình trạng không hợp lệ: 1/);
    expectError(progress(col("Hoàn thành", "#REF!")), "#VALUE!", /#REF!/);
    expectError(progress(col("Hoàn thành", { code: "#DIV/0!" })), "#DIV/0!");
  });

  it("takes a single cell too", () => {
    expect(progress(cell("Hoàn thành"))).toBe(1);
  });
});

describe("CCHC.STATUS", () => {
  it("gives the canonical label, Vietnamese by default", () => {
    expect(statusLabel(col("hoan thanh tre han", "DONE", "Đang triển khai"))).toEqual([
      ["Hoàn thành quá hạn"],
      ["Hoàn thành"],
      ["Đang thực hiện"],
    ]);
    expect(only(statusLabel(cell("Không phát sinh"), true))).toBe("Not applicable");
    expect(only(statusLabel(cell("Không phát sinh"), null))).toBe("Không phát sinh");
  });

  it("is an error for blanks, unknown text and bad flags", () => {
    expectError(only(statusLabel(cell(null))), "#N/A");
    expectError(only(statusLabel(cell("???"))), "#VALUE!", /Tình trạng không hợp lệ/);
    expectError(only(statusLabel(cell("Done"), "maybe")), "#VALUE!", /TRUE hoặc FALSE/);
  });
});

import { vnNum, vnText } from "../../src/functions/vnText";
import { cell, col, expectError, only } from "./helpers";

describe("CCHC.VNNUM", () => {
  it("reads the seeds' figures", () => {
    expect(only(vnNum(cell("605.859")))).toBe(605859);
    expect(only(vnNum(cell("99,79%")))).toBe(0.9979);
    expect(only(vnNum(cell("1.652")))).toBe(1652);
    expect(only(vnNum(cell("6,74%")))).toBe(0.0674);
    expect(only(vnNum(cell("4.141.711.500")))).toBe(4141711500);
  });

  it("passes numbers through", () => {
    expect(only(vnNum(cell(1236)))).toBe(1236);
  });

  it("spills a mixed column", () => {
    const out = vnNum(col("605.859", 288, null, "abc", "#DIV/0!", true));
    expect(out[0][0]).toBe(605859);
    expect(out[1][0]).toBe(288);
    expectError(out[2][0], "#N/A", /Ô trống/);
    expectError(out[3][0], "#VALUE!", /"abc"/);
    expectError(out[4][0], "#DIV/0!");
    expectError(out[5][0], "#VALUE!", /TRUE/);
  });
});

describe("CCHC.VNTEXT", () => {
  it("writes numbers the Vietnamese way", () => {
    expect(only(vnText(cell(605859)))).toBe("605.859");
    expect(only(vnText(cell(1652.5)))).toBe("1.652,5");
    expect(only(vnText(cell(-1230)))).toBe("-1.230");
    expect(only(vnText(cell(1 / 3)))).toBe("0,333333");
  });

  it("writes percentages: the seed's 99,79%", () => {
    expect(only(vnText(cell(0.9979), null, true))).toBe("99,79%");
    expect(only(vnText(cell(595634 / 596864), 2, true))).toBe("99,79%");
    expect(only(vnText(cell(1652 / 1724), 1, true))).toBe("95,8%");
  });

  it("rounds by default and truncates on request: 98/107 → 91,59% or 91,58%", () => {
    expect(only(vnText(cell(98 / 107), 2, true))).toBe("91,59%");
    expect(only(vnText(cell(98 / 107), 2, true, true))).toBe("91,58%");
  });

  it("treats null optionals as omitted", () => {
    expect(only(vnText(cell(605859), null, null, null))).toBe("605.859");
  });

  it("re-writes Vietnamese text in its own style unless told otherwise", () => {
    expect(only(vnText(cell("99,79%")))).toBe("99,79%");
    expect(only(vnText(cell("605859")))).toBe("605.859");
    expect(only(vnText(cell("0,9979"), 2, true))).toBe("99,79%");
  });

  it("spills and reports bad cells and arguments", () => {
    const out = vnText(col(605859, null, "abc", "#N/A"));
    expect(out[0][0]).toBe("605.859");
    expectError(out[1][0], "#N/A");
    expectError(out[2][0], "#VALUE!", /"abc"/);
    expectError(out[3][0], "#N/A");
    expectError(only(vnText(cell(1), 16)), "#VALUE!", /0 đến 15/);
    expectError(only(vnText(cell(1), null, "có lẽ")), "#VALUE!", /phần trăm/);
    expect(only(vnText(cell(0.5), 0, "có"))).toBe("50%");
  });
});

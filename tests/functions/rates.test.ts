import { checkRate, onTimeRate, rate, yoy } from "../../src/functions/rates";
import { inferPercentDecimals } from "../../src/domain/rate";
import { formatVnNumber } from "../../src/domain/text/vnNumber";
import { cell, col, expectError, only } from "./helpers";

const pct = (v: unknown): string => formatVnNumber(v as number, { percent: true, digits: 2 });

describe("CCHC.ONTIME", () => {
  it("gives the seed's on-time share: 595.634 of 596.864 resolved is 99,79%", () => {
    const v = onTimeRate(cell(595634), cell(596864));
    expect(v).toBeCloseTo(595634 / 596864, 15);
    expect(pct(v)).toBe("99,79%");
  });

  it("accepts plain numbers and Vietnamese text alike", () => {
    expect(onTimeRate(cell("595.634"), cell("596.864"))).toBe(onTimeRate(cell(595634), cell(596864)));
    expect(onTimeRate(595634 as unknown as unknown[][], 596864 as unknown as unknown[][])).toBeCloseTo(
      0.99794,
      5,
    );
  });

  it("sums ranges before dividing, so totals are recomputed from parts", () => {
    // Two agencies: 90/100 and 10/100 → 100/200, not the mean of 90% and 10% weighted wrongly.
    expect(onTimeRate(col(90, 10), col(100, 100))).toBe(0.5);
    expect(onTimeRate(col(595634, null, ""), col(596864))).toBeCloseTo(0.99794, 5);
  });

  it("is #N/A with a message when a figure is blank (no data is not 0%)", () => {
    expectError(onTimeRate(cell(null), cell(596864)), "#N/A", /Số hồ sơ đúng hạn: ô trống/);
    expectError(onTimeRate(cell(595634), col(null, "  ")), "#N/A", /đã giải quyết/);
  });

  it("is #DIV/0! when nothing was resolved", () => {
    expectError(onTimeRate(cell(0), cell(0)), "#DIV/0!");
  });

  it("rejects text that is not a number, percentages, negative and fractional counts", () => {
    expectError(onTimeRate(cell("nhiều"), cell(10)), "#VALUE!", /không phải là số: "nhiều"/);
    expectError(onTimeRate(cell("50%"), cell(10)), "#VALUE!", /số đếm/);
    expectError(onTimeRate(cell(-1), cell(10)), "#VALUE!", /số nguyên không âm/);
    expectError(onTimeRate(cell(1.5), cell(10)), "#VALUE!", /số nguyên không âm: 1,5/);
    expectError(onTimeRate(cell(true), cell(10)), "#VALUE!", /TRUE/);
  });

  it("rejects more on time than resolved instead of a share above 100%", () => {
    expectError(onTimeRate(cell(596864), cell(595634)), "#VALUE!", /lớn hơn/);
  });

  it("passes error values on: #DIV/0! as is, #REF! as #VALUE! naming it", () => {
    expectError(onTimeRate(col(1, "#DIV/0!"), cell(10)), "#DIV/0!");
    expectError(onTimeRate(cell(1), col(10, "#REF!")), "#VALUE!", /#REF!/);
    expectError(onTimeRate(cell({ code: "#N/A" }), cell(10)), "#N/A", /#N\/A/);
  });
});

describe("CCHC.RATE", () => {
  it("gives the seed's one-stop share: 1.652 / 1.724 → 95,8% at 3 digits", () => {
    expect(rate(cell(1652), cell(1724), 3)).toBe(0.958);
    expect(rate(cell(1652), cell(1724), null)).toBeCloseTo(0.95824, 5);
  });

  it("sums the parts of a range: 1.236 + 288 + 128 of 1.724", () => {
    expect(rate(col(1236, 288, 128), cell("1.724"), 3)).toBe(0.958);
  });

  it("rounds like ROUND: staff 1.776 / 26.362 → 6,74%", () => {
    expect(rate(cell(1776), cell(26362), 4)).toBe(0.0674);
    expect(rate(cell(98), cell(107), 4)).toBe(0.9159);
  });

  it("treats an omitted (null) digits as no rounding", () => {
    expect(rate(cell(1), cell(3), null)).toBe(1 / 3);
    expect(rate(cell(1), cell(3))).toBe(1 / 3);
    expect(rate(cell(1), cell(3), cell(""))).toBe(1 / 3);
  });

  it("allows shares above 100% and negative figures (a safe share, not a count check)", () => {
    expect(rate(cell(120), cell(100))).toBe(1.2);
    expect(rate(cell(-5), cell(10))).toBe(-0.5);
  });

  it("is #DIV/0! for a zero whole and #N/A for a blank one", () => {
    expectError(rate(cell(1), cell(0)), "#DIV/0!");
    expectError(rate(cell(1), cell(null)), "#N/A", /Mẫu số/);
  });

  it("rejects bad digits and non-numbers with a reason", () => {
    expectError(rate(cell(1), cell(3), 16), "#VALUE!", /0 đến 15/);
    expectError(rate(cell(1), cell(3), 1.5), "#VALUE!", /Số chữ số/);
    expectError(rate(cell(1), cell(3), "hai"), "#VALUE!", /"hai"/);
    expectError(rate(cell("x"), cell(3)), "#VALUE!", /Tử số không phải là số/);
    expectError(rate(col(1, "#NUM!"), cell(3)), "#NUM!");
  });
});

describe("CCHC.YOY", () => {
  it("gives the change implied by the seed: 605.859 received, down 32,27% on 2022", () => {
    expect(pct(only(yoy(cell(605859), cell(894521))))).toBe("-32,27%");
  });

  it("reads text and spills over ranges", () => {
    expect(yoy(col("110", 50), col(100, "100"))).toEqual([[0.1], [-0.5]]);
  });

  it("is #DIV/0! after a zero, #N/A after a blank, #VALUE! for text", () => {
    expectError(only(yoy(cell(5), cell(0))), "#DIV/0!");
    expectError(only(yoy(cell(5), cell(null))), "#N/A", /kỳ trước/);
    expectError(only(yoy(cell("năm"), cell(4))), "#VALUE!", /"năm"/);
    expectError(only(yoy(cell("#VALUE!"), cell(4))), "#VALUE!", /#VALUE!/);
  });
});

describe("CCHC.CHECKRATE", () => {
  it("accepts the seeds' stated rates that agree with their parts", () => {
    expect(only(checkRate(cell("99,79%"), cell(595634), cell(596864)))).toBe(true);
    expect(only(checkRate(cell("95,8%"), cell("1.652"), cell("1.724")))).toBe(true);
    expect(only(checkRate(cell("6,74%"), cell(1776), cell(26362)))).toBe(true);
  });

  it("accepts both the rounded and the truncated figure: 98/107 is 91,59% or 91,58%", () => {
    expect(only(checkRate(cell("91,58%"), cell(98), cell(107)))).toBe(true);
    expect(only(checkRate(cell("91,59%"), cell(98), cell(107)))).toBe(true);
    expect(only(checkRate(cell("91,60%"), cell(98), cell(107)))).toBe(false);
    expect(only(checkRate(cell("91,5%"), cell(98), cell(107)))).toBe(true); // truncated at 1 digit
  });

  it("catches the seeds' inconsistent figures", () => {
    // 000: "15/17 văn bản (đạt 82.3%)" — 15/17 is 88,24%.
    expect(only(checkRate(cell("82.3%"), cell(15), cell(17)))).toBe(false);
    // 004: "41/103 đơn vị … (đạt 26,21%)" — 41/103 is 39,81%.
    expect(only(checkRate(cell("26,21%"), cell(41), cell(103)))).toBe(false);
  });

  it("infers the printed precision of a number cell from the number itself", () => {
    expect(only(checkRate(cell(0.9158), cell(98), cell(107)))).toBe(true);
    expect(only(checkRate(cell(0.958), cell(1652), cell(1724)))).toBe(true);
    expect(only(checkRate(cell(0.96), cell(1652), cell(1724)))).toBe(true);
    expect(only(checkRate(cell(0.9), cell(1652), cell(1724)))).toBe(false);
    expect(only(checkRate(cell(595634 / 596864), cell(595634), cell(596864)))).toBe(true);
  });

  it("reads a fraction written as text: '0,9158' is 91,58%", () => {
    expect(only(checkRate(cell("0,9158"), cell(98), cell(107)))).toBe(true);
  });

  it("spills over ranges of rows", () => {
    expect(checkRate(col("99,79%", "82.3%"), col(595634, 15), col(596864, 17))).toEqual([[true], [false]]);
  });

  it("returns errors, not FALSE, when it cannot judge", () => {
    expectError(only(checkRate(cell("50%"), cell(0), cell(0))), "#DIV/0!");
    expectError(only(checkRate(cell(null), cell(1), cell(2))), "#N/A", /Tỷ lệ đã ghi/);
    expectError(only(checkRate(cell("cao"), cell(1), cell(2))), "#VALUE!", /"cao"/);
    expectError(only(checkRate(cell("50%"), cell("#REF!"), cell(2))), "#VALUE!", /#REF!/);
    expectError(only(checkRate(cell("50%"), cell(1), cell(null))), "#N/A", /Mẫu số/);
  });
});

describe("inferPercentDecimals", () => {
  it("finds the fewest percentage decimals that reproduce a fraction", () => {
    expect(inferPercentDecimals(0.9158)).toBe(2);
    expect(inferPercentDecimals(0.958)).toBe(1);
    expect(inferPercentDecimals(0.5)).toBe(0);
    expect(inferPercentDecimals(1)).toBe(0);
    expect(inferPercentDecimals(1 / 3)).toBe(8);
  });
});

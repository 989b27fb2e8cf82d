import { asMatrix, readCell, readScalar } from "../../src/functions/cellInput";
import { ErrorCode, excelError, isFunctionError, propagateError } from "../../src/functions/excelError";
import { lift } from "../../src/functions/lift";
import { FUNCTION_FAILURES, functionError } from "../../src/functions/messages";
import { readDeadline, readPeriod } from "../../src/functions/dateArgs";
import { deadlineReason, periodReason } from "../../src/domain/problemCatalogue";
import { expectError } from "./helpers";

describe("excelError", () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  it("returns a plain { code, message } double without Excel", () => {
    expect(excelError(ErrorCode.invalidValue, "Sai")).toEqual({ code: "#VALUE!", message: "Sai" });
  });

  it("drops the message for codes Excel shows none for", () => {
    expect(excelError(ErrorCode.divisionByZero, "chia cho 0")).toEqual({ code: "#DIV/0!" });
  });

  it("makes a real CustomFunctions.Error inside Excel", () => {
    class FakeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: FakeError };
    const e = excelError(ErrorCode.notAvailable, "Thiếu");
    expect(e).toBeInstanceOf(FakeError);
    expect(e).toEqual(expect.objectContaining({ code: "#N/A", message: "Thiếu" }));
    expect(isFunctionError(e)).toBe(true);
  });

  it("propagates input errors Excel can return, and names the others under #VALUE!", () => {
    expect(propagateError("#NUM!")).toEqual({ code: "#NUM!" });
    expectError(propagateError("#N/A"), "#N/A", /#N\/A/);
    expectError(propagateError("#REF!"), "#VALUE!", /#REF!/);
    expectError(propagateError("#SPILL!"), "#VALUE!", /#SPILL!/);
  });

  it("recognises only error results", () => {
    expect(isFunctionError({ code: "#VALUE!" })).toBe(true);
    expect(isFunctionError({ code: "#REF!" })).toBe(false);
    expect(isFunctionError(0)).toBe(false);
    expect(isFunctionError(null)).toBe(false);
  });
});

describe("cell input", () => {
  it("shapes any argument as a 2-D array", () => {
    expect(asMatrix(5)).toEqual([[5]]);
    expect(asMatrix([1, 2])).toEqual([[1, 2]]);
    expect(asMatrix([])).toEqual([[null]]);
    expect(asMatrix([[1], [2]])).toEqual([[1], [2]]);
  });

  it("maps Excel's values to CellValues", () => {
    expect(readCell(undefined)).toBeNull();
    expect(readCell(NaN)).toBe("#NUM!");
    expect(readCell({ code: "#DIV/0!" })).toBe("#DIV/0!");
    expect(readCell({ type: "Error", basicValue: "#REF!", errorType: "Ref" })).toBe("#REF!");
    expect(readCell({ type: "Double", basicValue: 3 })).toBe(3);
    expect(readCell({ type: "Entity", text: "x" })).toBe("#VALUE!");
    expect(readCell(Symbol("x"))).toBe("#VALUE!");
    expect(readScalar([[7]])).toBe(7);
  });
});

describe("lift", () => {
  const add = (a: unknown, b: unknown): number => (a as number) + (b as number);

  it("maps cell by cell", () => {
    expect(lift([[[1, 2]], [[10, 20]]], add)).toEqual([[11, 22]]);
  });

  it("repeats a single row down and a single column across", () => {
    expect(lift([[[1], [2]], [[10, 20]]], add)).toEqual([
      [11, 21],
      [12, 22],
    ]);
    expect(lift([5, [[1], [2]]], add)).toEqual([[6], [7]]);
  });

  it("fills cells past a smaller argument's edge with #N/A", () => {
    const out = lift(
      [
        [[1], [2], [3]],
        [[1], [2]],
      ],
      add,
    );
    expect(out.slice(0, 2)).toEqual([[2], [4]]);
    expectError(out[2][0], "#N/A");
  });
});

describe("function failures: one table of codes and messages", () => {
  it("every failure's message is a Vietnamese sentence with its value", () => {
    const params = {
      what: "Số hồ sơ",
      value: "nhiều",
      min: 2,
      max: 28,
      part: "Số hồ sơ đúng hạn",
      partValue: 5,
      whole: "Số hồ sơ đã giải quyết",
      wholeValue: 3,
      reason: { kind: "empty" },
      event: null,
      text: "Thường xuyên",
    };
    for (const kind of Object.keys(FUNCTION_FAILURES) as (keyof typeof FUNCTION_FAILURES)[]) {
      const e = functionError(kind, params as never);
      expect(e.code).toBe(FUNCTION_FAILURES[kind].code);
      expect(e.message).toMatch(/^[A-ZÀ-Ỹ]/u);
      expect(e.message).not.toMatch(/\b(expected|invalid|must|not a)\b/i);
    }
  });

  it("period and deadline reasons are the problem catalogue's words", () => {
    expect(readPeriod("Quý V/2023")).toEqual({
      code: "#VALUE!",
      message: expect.stringContaining(periodReason({ kind: "unknown" }).vi.slice(1)),
    });
    expect(readPeriod("")).toEqual({ code: "#N/A", message: "Kỳ báo cáo để trống" });
    expect(readDeadline("", 2023)).toEqual({
      code: "#N/A",
      message: `T${deadlineReason({ kind: "empty" }).vi.slice(1)}`,
    });
  });
});

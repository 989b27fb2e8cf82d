import fc from "fast-check";
import { a1, columnLetters, parseA1 } from "./cell";

describe("a1", () => {
  it("names any cell, inside the remembered rows and columns or past them, and reads back", () => {
    const index = fc.oneof(fc.nat(70), fc.nat(5000), fc.nat(2_000_000));
    fc.assert(
      fc.property(index, fc.oneof(fc.nat(70), fc.nat(16_383)), (row, col) => {
        const address = a1(row, col);
        expect(address).toBe(`${columnLetters(col)}${row + 1}`);
        expect(a1(row, col)).toBe(address);
        if (row < 9_999_999 && col < 18_278) expect(parseA1(address)).toEqual({ row, col });
      }),
      { numRuns: 3000 },
    );
    expect([a1(0, 0), a1(4095, 63), a1(4096, 64), a1(10, 26), a1(0, 701)]).toEqual([
      "A1",
      "BL4096",
      "BM4097",
      "AA11",
      "ZZ1",
    ]);
  });
});

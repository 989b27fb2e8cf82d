import fc from "fast-check";
import { isFormulaLike, startsPlainly } from "./text";

const FORMULA_FIRST = "=+@-";
// First characters that matter: formula starts, every kind of space trimming removes (and U+0085,
// which it does not), Vietnamese letters, digits.
const firsts = fc.constantFrom(
  ..."=+@-#$%'(\"",
  ..." \t\n\r\u000b\u000c\u00a0\u0085\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff",
  ..."aZĐđƯỹ09",
);
const texts = fc.tuple(
  fc.array(firsts, { maxLength: 3 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(..."0123456789 .,%()+-=SUMA"), maxLength: 12 }),
);

describe("startsPlainly (issue 15)", () => {
  it("a text that starts plainly is never formula-like, whatever follows", () => {
    fc.assert(
      fc.property(texts, ([head, a, b]) => {
        const s = head.join("") + a + b;
        if (s.length > 0 && startsPlainly(s)) expect(isFormulaLike(s.trim())).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it("every first character it calls plain survives trimming and starts no formula", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (startsPlainly(`${ch}x`)) expect([ch.trim(), FORMULA_FIRST.includes(ch)]).toEqual([ch, false]);
    }
    expect(startsPlainly("Sở Nội vụ")).toBe(true);
    expect(startsPlainly("Đã xong")).toBe(true);
    expect(startsPlainly("2023")).toBe(true);
    expect(startsPlainly("=SUM(A1)")).toBe(false);
    expect(startsPlainly("\u00a0=1+1")).toBe(false);
    expect(isFormulaLike("\u00a0=1+1".trim())).toBe(true);
  });
});

import fc from "fast-check";
import {
  convertLegacyToUnicode,
  detectLegacyEncoding,
  unicodeToLegacy,
  type LegacyEncoding,
} from "./legacyEncoding";

const SEED = { seed: 20231213, numRuns: 500 };
const ENCODINGS: LegacyEncoding[] = ["tcvn3", "vni"];

// Legacy forms written out by hand from the font tables (TCVN3 bytes checked against glibc iconv).
const EXAMPLES: { unicode: string; tcvn3: string; vni: string }[] = [
  { unicode: "Sở Nội vụ", tcvn3: "Së Néi vô", vni: "Sôû Noäi vuï" },
  { unicode: "Văn phòng UBND tỉnh", tcvn3: "V¨n phßng UBND tØnh", vni: "Vaên phoøng UBND tænh" },
  { unicode: "Thủ tục hành chính", tcvn3: "Thñ tôc hµnh chÝnh", vni: "Thuû tuïc haønh chính" },
  { unicode: "Quyết định", tcvn3: "QuyÕt ®Þnh", vni: "Quyeát ñònh" },
  { unicode: "Cải cách hành chính", tcvn3: "C¶i c¸ch hµnh chÝnh", vni: "Caûi caùch haønh chính" },
  {
    unicode: "Người dân được phục vụ",
    tcvn3: "Ng\u00adêi d©n ®\u00adîc phôc vô",
    vni: "Ngöôøi daân ñöôïc phuïc vuï",
  },
  { unicode: "Đơn vị 2621/QĐ-UBND", tcvn3: "§¬n vÞ 2621/Q§-UBND", vni: "Ñôn vò 2621/QÑ-UBND" },
];

describe("legacy encodings: fixed examples", () => {
  test.each(EXAMPLES)("$unicode", ({ unicode, tcvn3, vni }) => {
    expect(unicodeToLegacy(unicode, "tcvn3")).toBe(tcvn3);
    expect(unicodeToLegacy(unicode, "vni")).toBe(vni);
    expect(convertLegacyToUnicode(tcvn3, "tcvn3")).toBe(unicode);
    expect(convertLegacyToUnicode(vni, "vni")).toBe(unicode);
    expect(detectLegacyEncoding(tcvn3)).toBe("tcvn3");
    expect(detectLegacyEncoding(vni)).toBe("vni");
    expect(detectLegacyEncoding(unicode)).toBeNull();
  });

  test("every TCVN3 tone byte of one vowel row: a á à ả ã ạ", () => {
    expect(convertLegacyToUnicode("a¸µ¶·¹", "tcvn3")).toBe("aáàảãạ");
  });

  test("VNI capitals keep their case", () => {
    expect(convertLegacyToUnicode("SÔÛ NOÄI VUÏ", "vni")).toBe("SỞ NỘI VỤ");
    expect(convertLegacyToUnicode("UÛy ban", "vni")).toBe("Ủy ban");
  });

  test("TCVN3 capitals typed with a capitals font: words in capitals come back in capitals", () => {
    // .VnTimeH holds "NỘI" as the lower-case bytes; two or more capital ASCII letters mark the word.
    expect(convertLegacyToUnicode("NéI Vô", "tcvn3")).toBe("NỘI Vụ");
  });

  test("output is NFC even when the legacy text went through NFD", () => {
    const out = convertLegacyToUnicode("Sôû Noäi vuï".normalize("NFD"), "vni");
    expect(out).toBe("Sở Nội vụ");
    expect(out).toBe(out.normalize("NFC"));
    expect(detectLegacyEncoding("Sôû Noäi vuï".normalize("NFD"))).toBe("vni");
  });

  test("characters outside the table pass through", () => {
    expect(convertLegacyToUnicode("25°C ± 2", "tcvn3")).toBe("25°C ± 2");
    expect(convertLegacyToUnicode("ü", "vni")).toBe("ü");
  });
});

describe("detectLegacyEncoding is conservative", () => {
  test.each([
    "",
    "UBND",
    "Hello world",
    "Kế hoạch cải cách hành chính năm 2023",
    "Sở Thông tin và Truyền thông",
    "các bà", // Unicode Vietnamese written entirely in Latin-1 letters
    "hoà",
    "café au lait à Paris",
    "Müller Straße",
    "São Paulo",
    "año nuevo",
    "résumé",
    "25°C ± 2",
    "Tỷ lệ 99,79%",
  ])("%j → null", (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  test("ASCII and arbitrary Unicode never throw; ASCII is never flagged", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(detectLegacyEncoding(s)).toBeNull();
      }),
      SEED,
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const enc = detectLegacyEncoding(s);
        if (enc) expect(typeof convertLegacyToUnicode(s, enc)).toBe("string");
      }),
      SEED,
    );
  });

  test("text with any letter beyond Latin-1 Vietnamese (ạ, ư, đ …) is Unicode", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.constantFrom("ạ", "ư", "đ", "ỹ", "Ở"), (s, v) => {
        expect(detectLegacyEncoding(s + v)).toBeNull();
      }),
      SEED,
    );
  });
});

// Vietnamese letters: every toned vowel, đ, and plain ASCII.
const LOWER = [
  ..."aáàảãạăắằẳẵặâấầẩẫậeéèẻẽẹêếềểễệiíìỉĩịoóòỏõọôốồổỗộơớờởỡợuúùủũụưứừửữựyýỳỷỹỵđbcdghklmnpqrstvx",
];
const word = fc.array(fc.constantFrom(...LOWER), { minLength: 1, maxLength: 7 }).map((cs) => cs.join(""));
const TCVN3_CAPITALS = [..."ABCDEGHIKLMNOPQRSTUVXYĂÂÊÔƠƯĐ"];

describe("legacy round trips", () => {
  test("VNI: any Vietnamese words, any case, survive Unicode → VNI → Unicode", () => {
    const cased = fc
      .tuple(word, fc.constantFrom("lower", "title", "upper"))
      .map(([w, c]) =>
        c === "upper" ? w.toUpperCase() : c === "title" ? w[0].toUpperCase() + w.slice(1) : w,
      );
    fc.assert(
      fc.property(fc.array(cased, { minLength: 1, maxLength: 8 }), (words) => {
        const text = words.join(" ");
        expect(convertLegacyToUnicode(unicodeToLegacy(text, "vni"), "vni")).toBe(text);
      }),
      SEED,
    );
  });

  test("TCVN3: Vietnamese words with the capitals TCVN3 has survive Unicode → TCVN3 → Unicode", () => {
    const cased = fc
      .tuple(word, fc.option(fc.constantFrom(...TCVN3_CAPITALS)))
      .map(([w, cap]) => (cap ? cap + w : w));
    fc.assert(
      fc.property(fc.array(cased, { minLength: 1, maxLength: 8 }), (words) => {
        const text = words.join(" ");
        expect(convertLegacyToUnicode(unicodeToLegacy(text, "tcvn3"), "tcvn3")).toBe(text);
      }),
      SEED,
    );
  });

  // Short phrases can be truly ambiguous ("Thuû" is VNI "Thủ" and TCVN3 "Thuỷ"): detection may then
  // say null, but never the other encoding; from five words on it must find the encoding.
  const VOCABULARY = [
    ...["Sở", "Nội", "tỉnh", "Quyết", "định", "thủ", "tục", "cải", "cách", "hành", "chính", "người", "được"],
    ...["kết", "quả", "hiện", "Văn", "phòng", "Tổng", "hợp", "báo", "cáo", "nhiệm", "vụ", "công", "khai"],
    ...["trên", "cổng", "dịch", "trực", "tuyến", "giải", "hồ", "sơ", "đúng", "hạn", "trễ", "tiếp", "nhận"],
    ...["các", "cơ", "quan", "đơn", "vị", "xã", "phường", "Ủy", "ban", "nhân", "dân"],
  ];

  test("real phrases in legacy form: never the wrong encoding; found from five words on", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 10 }), (words) => {
        const text = words.join(" ");
        expect(detectLegacyEncoding(text)).toBeNull();
        for (const enc of ENCODINGS) {
          const found = detectLegacyEncoding(unicodeToLegacy(text, enc));
          if (words.length >= 5) expect(found).toBe(enc);
          else expect([enc, null]).toContain(found);
        }
      }),
      { ...SEED, numRuns: 2000 },
    );
  });
});

describe("bounded work on huge text (issue 16)", () => {
  it("a 4 MB run of legacy letters neither overflows the stack nor is taken as a word", () => {
    const huge = "Kết quả ú " + "kÕt".repeat(1_300_000);
    expect(() => detectLegacyEncoding(huge)).not.toThrow();
    expect(detectLegacyEncoding(huge)).toBeNull();
    expect(() => convertLegacyToUnicode(huge, "tcvn3")).not.toThrow();
  });

  it("long text of real legacy words is still detected", () => {
    const text = unicodeToLegacy("Đã hoàn thành kết quả cải cách ", "tcvn3").repeat(1000);
    expect(detectLegacyEncoding(text)).toBe("tcvn3");
  });
});

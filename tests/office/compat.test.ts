// Old clients (issue 13 part 6): the ES5 bootstrap that runs before the ES2020 bundles, and the
// requirement sets. Office on Windows without WebView2 runs add-ins in Internet Explorer 11; there
// compat.js must parse and must replace the blank pane with what to install.
import { parse } from "acorn";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { EXCEL_API_MIN, OPTIONAL_FEATURES, supports } from "../../src/workbook/office/apiSets";

const ROOT = join(__dirname, "../..");
const COMPAT = readFileSync(join(ROOT, "src/compat/compat.js"), "utf8");
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";
const EDGE =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0";

/** Run compat.js in a page with this user agent; `oldSyntax` makes `new Function` refuse ES2020. */
function runCompat(userAgent: string, oldSyntax = false) {
  const root = { innerHTML: "" };
  const window: Record<string, unknown> = {};
  const context = {
    navigator: { userAgent },
    window,
    document: {
      readyState: "complete",
      getElementById: (id: string) => (id === "root" ? root : null),
      body: root,
      addEventListener: () => undefined,
    },
    Function: oldSyntax
      ? function () {
          throw new SyntaxError("Expected identifier");
        }
      : Function,
  };
  runInNewContext(COMPAT, context);
  return { html: root.innerHTML, unsupported: window.CCHC_UNSUPPORTED_BROWSER };
}

describe("compat.js, the ES5 bootstrap", () => {
  test("is ES5: it parses as ECMAScript 5 (what Internet Explorer 11 accepts)", () => {
    expect(() => parse(COMPAT, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });

  test("the bundles are not ES5, so without it IE11 would show a blank pane", () => {
    const sample = "const o = { a: 1 }; export const b = o?.a ?? 0;";
    expect(() => parse(sample, { ecmaVersion: 5, sourceType: "script" })).toThrow();
  });

  test("in Internet Explorer 11 it shows a Vietnamese message naming what to install", () => {
    const { html, unsupported } = runCompat(IE11);
    expect(unsupported).toBe(true);
    expect(html).toContain("Microsoft Edge WebView2 Runtime");
    expect(html).toContain("Internet Explorer 11");
    expect(html).toMatch(/Cách khắc phục/);
    expect(html).toMatch(/Excel trên web/);
  });

  test("an engine that cannot parse ES2020 gets the message too, whatever its user agent", () => {
    expect(runCompat(EDGE, true).unsupported).toBe(true);
  });

  test("in a current webview it does nothing", () => {
    expect(runCompat(EDGE)).toEqual({ html: "", unsupported: false });
  });

  test("taskpane.html and commands.html load it (after office.js, before the bundles run)", () => {
    for (const page of ["src/taskpane/taskpane.html", "src/commands/commands.html"]) {
      const html = readFileSync(join(ROOT, page), "utf8");
      expect(html.indexOf('src="compat.js"')).toBeGreaterThan(html.indexOf("office.js"));
    }
    expect(readFileSync(join(ROOT, "webpack.config.js"), "utf8")).toContain('to: "compat.js"');
  });
});

describe("requirement sets", () => {
  const officeSources = () =>
    ["src/workbook/office", "src/taskpane"].flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true })
        .map(String)
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), "utf8") })),
    );
  // Calls newer than the declared minimum, with the feature that guards each.
  const NEWER: [call: string, feature: keyof typeof OPTIONAL_FEATURES][] = [
    ["getMergedAreasOrNullObject(", "mergedAreas"],
    ["insertWorksheetsFromBase64(", "insertWorksheets"],
  ];

  test("optional features are newer than the declared minimum", () => {
    const num = (v: string) => Number(v.split(".")[1]);
    for (const v of Object.values(OPTIONAL_FEATURES)) expect(num(v)).toBeGreaterThan(num(EXCEL_API_MIN));
  });

  test.each(NEWER)("every file calling %s asks isSetSupported for %s first", (call, feature) => {
    const callers = officeSources().filter((s) => s.text.includes(call));
    for (const { file, text } of callers)
      expect({ file, guarded: text.includes(`supports("${feature}"`) }).toEqual({ file, guarded: true });
  });

  test("supports() asks for the feature's version", () => {
    const asked: string[] = [];
    expect(supports("mergedAreas", (v) => (asked.push(v), false))).toBe(false);
    expect(asked).toEqual(["1.13"]);
    expect(supports("mergedAreas")).toBe(false); // outside Office: no Office global
  });
});

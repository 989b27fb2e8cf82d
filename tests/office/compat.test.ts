// Old clients (issue 13 part 6): the ES5 bootstrap that runs before the ES2020 bundles, and the
// requirement sets. Office on Windows without WebView2 runs add-ins in Internet Explorer 11; there
// compat.js must parse and must replace the blank pane with what to install.
import { parse } from "acorn";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { EXCEL_API_MIN, OPTIONAL_FEATURES, supports } from "../../src/workbook/office/apiSets";
import { excelApiSetIndex, newerThan } from "./apiSetIndex";

const ROOT = join(__dirname, "../..");
const COMPAT = readFileSync(join(ROOT, "src/compat/compat.js"), "utf8");
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";
const EDGE =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0";

/** Run compat.js in a page with this user agent; `oldSyntax` makes `new Function` refuse ES2020. */
function runCompat(userAgent: string, oldSyntax = false) {
  const root = { innerHTML: "" };
  const window: Record<string, unknown> = {};
  const commands = new Map<string, (event: { completed(): void }) => void>();
  const office = {
    shown: 0,
    onReady: (f: () => void) => f(),
    actions: {
      associate: (name: string, f: (event: { completed(): void }) => void) => commands.set(name, f),
    },
    addin: { showAsTaskpane: () => void office.shown++ },
  };
  const context = {
    Office: office,
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
  return { html: root.innerHTML, unsupported: window.CCHC_UNSUPPORTED_BROWSER, commands, office };
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

  test("there the ribbon's Kiểm tra still answers: it opens the pane (with the message) and completes", () => {
    const { commands, office } = runCompat(IE11);
    let completed = 0;
    commands.get("validateWorkbook")!({ completed: () => void completed++ });
    expect([office.shown, completed]).toEqual([1, 1]);
    // The manifest's button names that function.
    expect(readFileSync(join(ROOT, "manifest.xml"), "utf8")).toContain("<FunctionName>validateWorkbook<");
  });

  test("an engine that cannot parse ES2020 gets the message too, whatever its user agent", () => {
    expect(runCompat(EDGE, true).unsupported).toBe(true);
  });

  test("in a current webview it does nothing (the bundles register the commands)", () => {
    const run = runCompat(EDGE);
    expect([run.html, run.unsupported, run.commands.size]).toEqual(["", false, 0]);
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
  const index = excelApiSetIndex();
  const minor = (v: string) => Number(v.split(".")[1]);
  /** Every file that may talk to Excel: the adapter (all Excel.run calls) and the ribbon commands. */
  const excelSources = () =>
    ["src/workbook/office", "src/commands"].flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true })
        .map(String)
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), "utf8") })),
    );

  test("the index reads Microsoft's requirement sets from @types/office-js", () => {
    expect(index.get("getMergedAreasOrNullObject")).toBe(13);
    expect(index.get("copyFrom")).toBe(9);
    expect(index.get("suspendScreenUpdatingUntilNextSync")).toBe(9);
    expect(index.get("suspendApiCalculationUntilNextSync")).toBe(6);
    expect(index.get("getRangeByIndexes")).toBe(7);
    expect(index.get("createWorkbook")).toBe(8);
    expect(index.get("getItemOrNullObject")).toBe(4);
    expect(newerThan("ws.getRange().getMergedAreasOrNullObject(); // copyFrom", 9, index)).toEqual([
      { member: "getMergedAreasOrNullObject", version: "1.13" },
    ]);
  });

  test("the declared minimum is what the add-in calls unguarded: nothing newer, and 1.9 is needed", () => {
    const uses = excelSources().flatMap(({ file, text }) =>
      newerThan(text, minor(EXCEL_API_MIN), index).map((u) => ({ file, ...u })),
    );
    // Each newer call sits in a file that asks for that version (supports("feature") of apiSets.ts).
    for (const u of uses) {
      const text = readFileSync(join(ROOT, u.file), "utf8");
      const asked = Object.entries(OPTIONAL_FEATURES)
        .filter(([, v]) => v === u.version)
        .some(([feature]) => text.includes(`supports("${feature}"`));
      expect({ ...u, guarded: asked }).toEqual({ ...u, guarded: true });
    }
    expect(uses.map((u) => u.member)).toEqual(["getMergedAreasOrNullObject"]);
    // And a lower minimum would be wrong: 1.9 calls are made unguarded.
    const at18 = excelSources().flatMap(({ text }) => newerThan(text, 8, index).map((u) => u.member));
    expect(at18).toEqual(expect.arrayContaining(["copyFrom", "suspendScreenUpdatingUntilNextSync"]));
  });

  test("the taskpane never calls Excel itself (so checking the adapter covers it)", () => {
    const dir = "src/taskpane";
    for (const f of readdirSync(join(ROOT, dir), { recursive: true }).map(String)) {
      if (!/\.tsx?$/.test(f)) continue;
      const code = readFileSync(join(ROOT, dir, f), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      expect({ file: f, excel: /\bExcel\.|\.workbook\b|\bctx\./.test(code) }).toEqual({
        file: f,
        excel: false,
      });
    }
  });

  test("optional features are newer than the declared minimum", () => {
    for (const v of Object.values(OPTIONAL_FEATURES)) expect(minor(v)).toBeGreaterThan(minor(EXCEL_API_MIN));
  });

  test("supports() asks for the feature's version", () => {
    const asked: string[] = [];
    expect(supports("mergedAreas", (v) => (asked.push(v), false))).toBe(false);
    expect(asked).toEqual(["1.13"]);
    expect(supports("mergedAreas")).toBe(false); // outside Office: no Office global
  });
});

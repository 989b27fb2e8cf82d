// Builds the add-in's functions bundle with the project's webpack config (into a temp folder) and
// loads it the way Excel's runtime would: functions.json must name exactly the functions that
// functions.js associates, and the associated functions must compute.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { parse } from "acorn";
import webpack from "webpack";
import { GOAL_BYTES, measure } from "../../scripts/benchAddin";

const ROOT = resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(join(ROOT, "webpack.config.js")) as (
  env: Record<string, string>,
  argv: { mode: string },
) => webpack.Configuration;

function build(mode: "production" | "development", env: Record<string, string> = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `cchc-dist-${mode}-`));
  const config = makeConfig(env, { mode });
  config.output = { ...config.output, path: outDir };
  return new Promise((done, fail) => {
    webpack(config, (err, stats) => {
      if (err) return fail(err);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      done(outDir);
    });
  });
}

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

function load(outDir: string): Map<string, (...args: unknown[]) => unknown> {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const CustomFunctions = {
    Error: FakeError,
    associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
  };
  const context: Record<string, unknown> = { CustomFunctions, console };
  context.self = context;
  context.window = context;
  runInNewContext(readFileSync(join(outDir, "functions.js"), "utf8"), context);
  return associated;
}

describe("webpack build of the custom functions", () => {
  let prod: string;
  let dev: string;
  beforeAll(async () => {
    [prod, dev] = await Promise.all([
      build("production"),
      build("development", { docsUrl: "https://docs.example.org/FUNCTIONS.md" }),
    ]);
  }, 240_000); // two webpack builds: well over jest's default 60 s on a loaded machine

  it("emits functions.js and functions.json", () => {
    expect(existsSync(join(prod, "functions.js"))).toBe(true);
    expect(existsSync(join(prod, "functions.json"))).toBe(true);
  });

  it("associates exactly the functions functions.json declares", () => {
    const ids = JSON.parse(readFileSync(join(prod, "functions.json"), "utf8")).functions.map(
      (f: { id: string }) => f.id,
    );
    expect([...load(prod).keys()].sort()).toEqual([...ids].sort());
    expect(ids).toContain("ONTIME");
  });

  it("computes inside the bundle and returns real CustomFunctions.Error objects", () => {
    const fns = load(prod);
    expect(fns.get("ONTIME")?.([[595634]], [[596864]])).toBeCloseTo(0.99794, 5);
    expect(fns.get("VNTEXT")?.([[0.9979]], null, true, null)).toEqual([["99,79%"]]);
    const [[date], [recurring]] = fns.get("DUE")?.(
      [["Quý IV năm 2022"], ["Thường xuyên"]],
      null,
    ) as unknown[][];
    expect(date).toBe(44926);
    expect(recurring).toBeInstanceOf(FakeError);
    expect(recurring).toEqual(expect.objectContaining({ code: "#N/A" }));
  });

  it("rewrites the help links when given the published docs address", () => {
    const json = readFileSync(join(dev, "functions.json"), "utf8");
    expect(json).toContain("https://docs.example.org/FUNCTIONS.md#ontime");
    expect(json).not.toContain("cchc.example.invalid");
    expect(load(dev).size).toBeGreaterThan(10);
  });

  it("by default links each function to its section of the help page shipped in dist/", () => {
    const fns = JSON.parse(readFileSync(join(prod, "functions.json"), "utf8")).functions as {
      helpUrl: string;
    }[];
    const page = readFileSync(join(prod, "functions-help.html"), "utf8");
    for (const { helpUrl } of fns) {
      const [base, anchor] = helpUrl.split("#");
      expect(base).toBe("https://localhost:3000/functions-help.html");
      expect(page).toContain(`id="${anchor}"`);
    }
  });

  it("lets error cells reach the functions (allowErrorForDataTypeAny) and names them in #VALUE!", () => {
    const meta = JSON.parse(readFileSync(join(prod, "functions.json"), "utf8")) as {
      allowErrorForDataTypeAny?: boolean;
      functions: { id: string; parameters: { type?: string }[] }[];
    };
    // The flag covers parameters of type any: every parameter must be one.
    expect(meta.allowErrorForDataTypeAny).toBe(true);
    expect(meta.functions.flatMap((f) => f.parameters.filter((p) => p.type !== "any"))).toEqual([]);
    // What Excel passes for an error cell once the flag is set: an error cell value.
    const ref = { type: "Error", basicValue: "#REF!", errorType: "Ref" };
    const div = { type: "Error", basicValue: "#DIV/0!", errorType: "Div0" };
    const flat = (v: unknown): unknown[] => (Array.isArray(v) ? v.flat(2) : [v]);
    const fns = load(prod);
    for (const f of meta.functions) {
      const fn = fns.get(f.id)!;
      const rest = f.parameters.slice(1).map(() => null);
      const refOut = flat(fn([[ref]], ...rest));
      expect({ id: f.id, out: refOut }).toEqual({
        id: f.id,
        out: [expect.objectContaining({ code: "#VALUE!", message: expect.stringContaining("#REF!") })],
      });
      expect({ id: f.id, out: flat(fn([[div]], ...rest)) }).toEqual({
        id: f.id,
        out: [expect.objectContaining({ code: "#DIV/0!" })],
      });
    }
  });

  it("ships compat.js as ES5, first of the page's own scripts (it must parse in Internet Explorer 11)", () => {
    const shipped = readFileSync(join(prod, "compat.js"), "utf8");
    expect(() => parse(shipped, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect(shipped).toBe(readFileSync(join(ROOT, "src/compat/compat.js"), "utf8")); // not minified
    const html = readFileSync(join(prod, "taskpane.html"), "utf8");
    const order = ["office.js", "compat.js", "functions.js", "taskpane.js"].map((f) => html.indexOf(f));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    // The bundles themselves are ES2020: without compat.js IE11 would show a blank pane.
    expect(() => parse(readFileSync(join(prod, "functions.js"), "utf8"), { ecmaVersion: 5 })).toThrow();
  });

  it("registers the functions before anything heavy loads: the page's own scripts are ≤ 150 KB", () => {
    const m = measure(prod);
    expect(m.beforeAssociate.map((b) => b.file)).toEqual(["compat.js", "functions.js", "taskpane.js"]);
    expect(m.totalBefore).toBeLessThanOrEqual(GOAL_BYTES);
    // ExcelJS, React and the consolidation UI are chunks loaded on demand.
    expect(m.onDemand.map((b) => b.file)).toContain("exceljs.js");
    expect(m.onDemand[0].bytes).toBeGreaterThan(GOAL_BYTES);
    const page = readFileSync(join(prod, "taskpane.js"), "utf8");
    expect(page).not.toMatch(/ExcelJS|createRoot/);
  });
});

// Runs the real metadata generator (custom-functions-metadata, the same code the webpack plugin uses)
// over the function sources. Its CLI exits 0 even when it finds errors, so the output is read.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import sources from "../../src/functions/metadataSources.json";

const ROOT = resolve(__dirname, "../..");
const CLI = join(ROOT, "node_modules/custom-functions-metadata/lib/cli.js");
const HELP_BASE = "https://cchc.example.invalid/docs/FUNCTIONS.md";
const REQUIRED = [
  "ONTIME",
  "RATE",
  "DUE",
  "OVERDUE",
  "PERIODSTART",
  "PERIODEND",
  "YOY",
  "CHECKRATE",
  "PROGRESS",
  "VNNUM",
  "VNTEXT",
];

interface ParamMeta {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParamMeta[];
  result: { dimensionality?: string };
}

function runCli(files: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, "generate", files.join(",")], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("custom functions metadata", () => {
  const files = sources.map((f) => join(ROOT, f));
  const cli = runCli(files);
  const functions: FunctionMeta[] = JSON.parse(cli.stdout).functions;
  const byId = new Map(functions.map((f) => [f.id, f]));

  it("lists every source file that declares custom functions", () => {
    const dir = join(ROOT, "src/functions");
    const declaring = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .filter((f) => /^\s*\* @customfunction\b/m.test(readFileSync(join(dir, f), "utf8")))
      .map((f) => `src/functions/${f}`)
      .sort();
    expect([...sources].sort()).toEqual(declaring);
  });

  it("generates without errors (read from the CLI's output: it exits 0 on errors)", () => {
    expect(cli.status).toBe(0);
    expect(cli.stderr).not.toMatch(/error/i);
    expect(cli.stdout).not.toMatch(/Errors found/i);
    expect(functions.length).toBeGreaterThanOrEqual(REQUIRED.length);
  });

  it("would notice generator errors: a broken function makes the CLI print them, still exiting 0", () => {
    const dir = mkdtempSync(join(tmpdir(), "cchc-cf-"));
    const bad = join(dir, "bad.ts");
    writeFileSync(
      bad,
      "/**\n * Bad.\n * @customfunction BAD-NAME\n * @param d A date.\n */\nexport function bad(d: Date): number { return 0; }\n",
    );
    const r = runCli([bad]);
    expect(r.status).toBe(0);
    expect(r.stderr + r.stdout).toMatch(/Errors found/);
  });

  it("agrees with the generator's API, which the webpack plugin calls", async () => {
    const result = await generateCustomFunctionsMetadata(files);
    expect(result.errors).toEqual([]);
    expect(JSON.parse(result.metadataJson).functions).toEqual(functions);
    expect(result.associate.map((a) => a.id).sort()).toEqual(functions.map((f) => f.id).sort());
  });

  it("ships with allowErrorForDataTypeAny, set by the build step that finishes functions.json", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { finishFunctionsMetadata } = require(join(ROOT, "webpack.config.js")) as {
      finishFunctionsMetadata: (text: string, helpBase: string) => string;
    };
    expect(JSON.parse(cli.stdout).allowErrorForDataTypeAny).toBeUndefined(); // the generator omits it
    const shipped = JSON.parse(finishFunctionsMetadata(cli.stdout, "https://docs.example.org/F.md"));
    expect(shipped.allowErrorForDataTypeAny).toBe(true);
    expect(shipped.functions.map((f: FunctionMeta) => f.id)).toEqual(functions.map((f) => f.id));
    expect(shipped.functions[0].helpUrl).toMatch(/^https:\/\/docs\.example\.org\/F\.md#/);
  });

  it.each(REQUIRED)("declares %s", (id) => {
    expect(byId.get(id)?.name).toBe(id);
  });

  it("describes every function in Vietnamese first, then English", () => {
    for (const f of functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9.]*$/);
      expect(f.name).toBe(f.id);
      const [vi, en] = (f.description ?? "").split(" — ");
      expect(vi.normalize("NFD")).toMatch(/[\u0300-\u036f]|đ/i); // Vietnamese diacritics
      expect(en).toMatch(/\b(the|of|a|an|or|from|when|for)\b/i);
    }
  });

  it("describes every parameter", () => {
    const undescribed = functions.flatMap((f) =>
      f.parameters.filter((p) => (p.description ?? "").length < 10).map((p) => `${f.id}(${p.name})`),
    );
    expect(undescribed).toEqual([]);
    expect(functions.every((f) => f.parameters.length > 0)).toBe(true);
  });

  it("links every function to its section of docs/FUNCTIONS.md", () => {
    const docs = readFileSync(join(ROOT, "docs/FUNCTIONS.md"), "utf8");
    for (const f of functions) {
      expect(f.helpUrl).toBe(`${HELP_BASE}#${f.id.toLowerCase()}`);
      expect(docs).toMatch(new RegExp(`^## ${f.id}$`, "m"));
    }
  });

  it("marks optional arguments optional, ranges as matrices, spilling results as matrices", () => {
    const param = (id: string, name: string): ParamMeta | undefined =>
      byId.get(id)?.parameters.find((p) => p.name === name);
    expect(param("RATE", "digits")?.optional).toBe(true);
    expect(param("DUE", "planYear")?.optional).toBe(true);
    expect(param("VNTEXT", "percent")?.optional).toBe(true);
    expect(param("RATE", "whole")?.optional).toBeUndefined();
    expect(param("PROGRESS", "statuses")?.dimensionality).toBe("matrix");
    expect(param("ONTIME", "onTime")?.dimensionality).toBe("matrix");
    expect(byId.get("DUE")?.result.dimensionality).toBe("matrix");
    expect(byId.get("ONTIME")?.result.dimensionality).toBeUndefined();
  });
});

// `cchc consolidate` through the real entry point: exit codes, --dry-run and --json.
import { existsSync } from "node:fs";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import type { DemoResult } from "../../src/cli/demo/run";
import { demoFixture } from "./demoFixture";

let demo: DemoResult;
const plan = path.join(__dirname, "..", "..", "examples", "plan-2023.xlsx");
beforeAll(async () => {
  ({ demo } = await demoFixture());
}, 120_000);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  const l = jest.spyOn(console, "log").mockImplementation((...a) => void (out += a.join(" ") + "\n"));
  try {
    const code = await main(["node", "cchc", ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    l.mockRestore();
  }
}

const havePlan = existsSync(plan);
(havePlan ? describe : describe.skip)("cchc consolidate", () => {
  it("--dry-run --json reports per file what would happen, writes nothing and exits 1 when files are rejected", async () => {
    const target = path.join(demo.dir, "chua-co.xlsx");
    const res = await cli([
      "consolidate",
      "--plan",
      plan,
      path.join(demo.dir, "bao-cao"),
      "-o",
      target,
      "--dry-run",
      "--json",
    ]);
    expect(res.code).toBe(1);
    expect(existsSync(target)).toBe(false);
    const doc = JSON.parse(res.out);
    const outcomes = new Map<string, string>(
      doc.outcomes.map((o: { file: string; outcome: string }) => [path.basename(o.file), o.outcome]),
    );
    expect(outcomes.get("SNV-2023-lan1.xlsx")).toBe("added");
    expect(outcomes.get("SXD-2023.xlsx")).toBe("rejected");
    expect(outcomes.get("STP-2023-Q3-gui-nham.xlsx")).toBe("wrong_period");
  });

  it("exits 2 without a stack trace on usage errors", async () => {
    const noOut = await cli(["consolidate", "--plan", plan, demo.dir]);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain("-o");
    expect(noOut.err).not.toMatch(/\n\s+at /);
    const badPlan = await cli([
      "consolidate",
      "--plan",
      path.join(demo.dir, "khong-co.xlsx"),
      demo.dir,
      "--dry-run",
    ]);
    expect(badPlan.code).toBe(2);
  });
});

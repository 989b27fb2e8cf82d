// The demo's output, generated once per test file into a temp folder.
import { mkdtempSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadExampleBundle } from "../../src/cli/demo/bundle";
import { runDemo, type DemoResult } from "../../src/cli/demo/run";
import type { PlanBundle } from "../../src/domain/consolidation/intake";

export async function demoFixture(): Promise<{ bundle: PlanBundle; demo: DemoResult }> {
  const bundle = await loadExampleBundle();
  const dir = mkdtempSync(path.join(os.tmpdir(), "cchc-demo-"));
  const demo = await runDemo(bundle, dir);
  return { bundle, demo };
}

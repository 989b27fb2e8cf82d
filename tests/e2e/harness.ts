// Shared set-up of the end-to-end tests: Debian's Chromium driven by playwright-core (never a
// downloaded browser), the web page built if missing or older than its sources, served on
// 127.0.0.1, and the demo's agency workbooks generated into a temp folder.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { loadExampleBundle } from "../../src/cli/demo/bundle";
import { runDemo, type DemoResult } from "../../src/cli/demo/run";
import { PREVIEW_DIR } from "../../scripts/preview";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ROOT = path.resolve(__dirname, "..", "..");
export const RESULTS_DIR = path.join(ROOT, "test-results");

/** What the e2e suite needs from Debian (tests/helpers/requiredPrograms.ts skips or fails without it). */
export const CHROMIUM_REQUIREMENT = {
  what: CHROMIUM,
  install: "apt-get install chromium",
  present: existsSync(CHROMIUM),
};

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

function newestMtime(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const e of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** Build dist-preview/ when it is missing or older than the sources (a fresh CI machine has none). */
export function ensurePreviewBuilt(): void {
  const bundle = path.join(PREVIEW_DIR, "preview.js");
  const sources = Math.max(
    newestMtime(path.join(ROOT, "src")),
    newestMtime(path.join(ROOT, "webpack.config.js")),
    newestMtime(path.join(ROOT, "webpack.preview.config.js")),
  );
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  execFileSync(process.execPath, [cli, "--config", "webpack.preview.config.js", "--mode", "production"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export interface Demo extends DemoResult {
  /** The first batch of agency workbooks (what the CLI's first round consolidated). */
  batch1: string[];
}

/** The demo's workbooks and the CLI's own consolidation of them, in a temp folder. */
export async function makeDemo(): Promise<Demo> {
  const dir = mkdtempSync(path.join(tmpdir(), "cchc-e2e-"));
  const demo = await runDemo(await loadExampleBundle(), dir);
  const reportsDir = path.join(dir, "bao-cao");
  const batch1 = readdirSync(reportsDir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(reportsDir, f));
  return { ...demo, batch1 };
}

/** Every request the page makes, to prove it talks to nothing but its own server. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

// Add-in start-up benchmark (issue 13 part 5): what the shared-runtime page (taskpane.html) makes
// the browser download and parse before the custom functions register, from a production build.
//
//   npm run bench:addin               # builds into a temp folder, prints a table
//   npm run bench:addin -- --dist dist   # measure an existing build instead
//
// "Before CustomFunctions.associate" counts, conservatively, every script taskpane.html itself loads
// (compat.js, functions.js, the small taskpane entry): the browser may parse all of a page's deferred
// scripts before running the first. Not office.js from Microsoft's CDN (listed apart: the same for
// every add-in, cached by Office). Everything else loads on demand. The goal is ≤ 150 KB.
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import webpack from "webpack";

const ROOT = resolve(__dirname, "..");
export const GOAL_BYTES = 150 * 1024;

/** The page's script sources in document order. */
export function pageScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
}

export interface StartupBytes {
  /** The page's own scripts (one of them calls CustomFunctions.associate). */
  beforeAssociate: { file: string; bytes: number; gzip: number }[];
  totalBefore: number;
  gzipBefore: number;
  /** Every other .js file of the build (loaded on demand), by size. */
  onDemand: { file: string; bytes: number }[];
  /** Scripts from other hosts (office.js). */
  external: string[];
}

/** Measure a built dist/ folder. */
export function measure(dist: string): StartupBytes {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const scripts = pageScripts(html);
  const external = scripts.filter((s) => /^https?:/.test(s));
  const local = scripts.filter((s) => !/^https?:/.test(s)).map((s) => s.replace(/^\.?\//, ""));
  const beforeAssociate: StartupBytes["beforeAssociate"] = [];
  let associates = false;
  for (const file of local) {
    const body = readFileSync(join(dist, file));
    beforeAssociate.push({ file, bytes: body.length, gzip: gzipSync(body).length });
    associates ||= body.includes("CustomFunctions.associate");
  }
  if (!associates) throw new Error("no script of taskpane.html calls CustomFunctions.associate");
  const seen = new Set(beforeAssociate.map((b) => b.file));
  const onDemand = readdirSync(dist)
    .filter((f) => f.endsWith(".js") && !seen.has(f))
    .map((file) => ({ file, bytes: statSync(join(dist, file)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  return {
    beforeAssociate,
    totalBefore: beforeAssociate.reduce((n, b) => n + b.bytes, 0),
    gzipBefore: beforeAssociate.reduce((n, b) => n + b.gzip, 0),
    onDemand,
    external,
  };
}

/** A production build into a temp folder (the project's webpack config). */
export function buildProduction(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(ROOT, "webpack.config.js")) as (
    env: Record<string, string>,
    argv: { mode: string },
  ) => webpack.Configuration;
  const outDir = mkdtempSync(join(tmpdir(), "cchc-addin-"));
  const config = makeConfig({}, { mode: "production" });
  config.output = { ...config.output, path: outDir };
  config.devtool = false;
  return new Promise((done, fail) =>
    webpack(config, (err, stats) => {
      if (err) return fail(err);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      done(outDir);
    }),
  );
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function report(m: StartupBytes): string {
  const lines = [
    "| script of taskpane.html, in order (functions.js calls CustomFunctions.associate) | bytes | gzip |",
    "| --- | ---: | ---: |",
    ...m.beforeAssociate.map((b) => `| ${b.file} | ${kb(b.bytes)} | ${kb(b.gzip)} |`),
    `| **parsed before the functions register** | **${kb(m.totalBefore)}** | ${kb(m.gzipBefore)} |`,
    "",
    `Goal ≤ ${kb(GOAL_BYTES)}: ${m.totalBefore <= GOAL_BYTES ? "met" : "NOT met"}. ` +
      `Also loaded first, from Microsoft's CDN: ${m.external.join(", ") || "nothing"}.`,
    "",
    "| loaded on demand (after the functions register) | bytes |",
    "| --- | ---: |",
    ...m.onDemand.map((b) => `| ${b.file} | ${kb(b.bytes)} |`),
  ];
  return lines.join("\n");
}

async function main(): Promise<void> {
  const i = process.argv.indexOf("--dist");
  const dist = i > 0 ? resolve(process.argv[i + 1]) : await buildProduction();
  const m = measure(dist);
  process.stdout.write(`${report(m)}\n`);
  if (m.totalBefore > GOAL_BYTES) process.exitCode = 1;
}

if (require.main === module)
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });

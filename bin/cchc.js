#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled from src/cli by `npm run build:cli` (run by `prepare` on npm ci).
// A closed pipe (`cchc plan … | head`) is a normal end, not a crash.
process.stdout.on("error", (err) => {
  if (err && err.code === "EPIPE") process.exit(0);
  throw err;
});
require("../build/cli/main.js")
  .main(process.argv)
  .then(
    (code) => {
      process.exitCode = code; // not process.exit(): let piped output drain
    },
    (err) => {
      process.stderr.write(`cchc: lỗi nội bộ / internal error: ${err && err.message ? err.message : err}\n`);
      process.exitCode = 3;
    },
  );

#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled from src/cli by `npm run build:cli` (run by `prepare` on npm ci).
require("../build/cli/main.js")
  .main(process.argv)
  .then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`cchc: lỗi nội bộ / internal error: ${err && err.message ? err.message : err}\n`);
      process.exit(3);
    },
  );

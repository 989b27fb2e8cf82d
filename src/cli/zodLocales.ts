// zod's core requires all of its 60-odd message locales (zod/v4/locales) when it loads: ~25 ms of CPU
// at the start of every command that validates input. The product words its own messages and sets
// no zod locale; zod keeps English, which it requires from en.cjs itself. So the command line puts an
// English-only stand-in for that one module in Node's module cache before zod loads. Where zod is laid
// out otherwise (another version), nothing is done and zod loads as published.
import Module, { createRequire } from "node:module";

export function zodEnglishOnly(): void {
  try {
    const req = createRequire(__filename);
    const index = req.resolve("zod/v4/locales");
    if (req.cache[index]) return; // zod is loaded already
    // en.cjs exports its function as the module itself (or, in other builds, as `default`).
    const loaded = req("zod/v4/locales/en.cjs") as unknown;
    const en = typeof loaded === "function" ? loaded : (loaded as { default?: unknown } | null)?.default;
    if (typeof en !== "function") return;
    const stub = new Module(index);
    stub.filename = index;
    stub.loaded = true;
    stub.exports = { __esModule: true, en };
    req.cache[index] = stub;
  } catch {
    // zod as published
  }
}

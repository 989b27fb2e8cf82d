// The command line loads zod with its English messages only (src/cli/zodLocales.ts): checked in a
// fresh Node process, where the module cache is Node's own (jest keeps a registry of its own).
import { inFreshNode } from "../helpers/freshNode";

describe("zod in the command line", () => {
  it("loads no locale but English, and still validates with English messages", () => {
    const out = inFreshNode(`
      require("./src/cli/zodLocales").zodEnglishOnly();
      const { z } = require("zod");
      const issue = z.strictObject({ code: z.string() }).safeParse({ code: 1 }).error.issues[0];
      const locales = Object.keys(require.cache).filter((f) => /zod[\\\\/]v4[\\\\/]locales[\\\\/]/.test(f));
      console.log(JSON.stringify({ message: issue.message, locales: locales.map((f) => require("path").basename(f)).sort() }));
    `);
    expect(JSON.parse(out)).toEqual({
      message: "Invalid input: expected string, received number",
      locales: ["en.cjs", "index.cjs"],
    });
  });

  it("is not loaded at all by `cchc --help`, and only in English by a command", () => {
    const zodFiles = (args: string): { zod: number; locales: number } => {
      const out = inFreshNode(
        `
        require("./src/cli/main").main(["node", "cchc", ${args}]).then(() => {
          const files = Object.keys(require.cache);
          const count = (re) => files.filter((f) => re.test(f)).length;
          console.log(JSON.stringify({ zod: count(/[\\\\/]zod[\\\\/]/), locales: count(/zod[\\\\/]v4[\\\\/]locales[\\\\/]/) }));
        });
      `,
        ["--import", "tsx"],
      ); // the commands' modules are loaded with import()
      return JSON.parse(out.trim().split("\n").pop()!) as { zod: number; locales: number };
    };
    expect(zodFiles(`"--help"`)).toEqual({ zod: 0, locales: 0 });
    // A command whose action runs loads zod, through the English-only stand-in (en.cjs and the index).
    const validate = zodFiles(`"validate", "--plan", "thieu-ke-hoach.xlsx", "thieu-bao-cao.xlsx"`);
    expect(validate.zod).toBeGreaterThan(2);
    expect(validate.locales).toBe(2);
  });

  it("loads every locale without it, as published (the stand-in is what saves them)", () => {
    const out = inFreshNode(`
      require("zod");
      console.log(Object.keys(require.cache).filter((f) => /zod[\\\\/]v4[\\\\/]locales[\\\\/]/.test(f)).length);
    `);
    expect(Number(out)).toBeGreaterThan(10);
  });
});

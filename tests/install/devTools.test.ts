import { execFileSync } from "node:child_process";

/**
 * `npm start` (sideloading with office-addin-debugging) must still work with the install that needs no
 * native build (.npmrc: peers are not auto-installed). Loading its modules in plain Node proves every
 * package it requires is present, including the ones its dependencies require without declaring.
 */
describe("office-addin-debugging after npm ci", () => {
  it.each([
    "office-addin-debugging",
    "office-addin-dev-settings",
    "office-addin-dev-certs",
    "office-addin-manifest",
  ])("%s loads in Node", (name) => {
    const out = execFileSync(
      process.execPath,
      ["-e", `console.log(Object.keys(require(${JSON.stringify(name)})).length)`],
      {
        encoding: "utf8",
      },
    );
    expect(Number(out.trim())).toBeGreaterThan(0);
  });

  it("no package that builds a native addon against system headers is installed", () => {
    expect(() => require.resolve("keytar")).toThrow();
  });
});

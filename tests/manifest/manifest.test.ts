// The add-in manifest, checked here because `office-addin-manifest validate` needs a remote
// service: well-formed XML, every resid defined, URLs on one host, the shared runtime wired to the
// taskpane page for both the taskpane and the custom functions, minimal permission, icons present,
// and the production copy free of localhost.
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { EXCEL_API_MIN } from "../../src/workbook/office/apiSets";

const ROOT = join(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestFor, DEV_URL } = require(join(ROOT, "webpack.config.js")) as {
  manifestFor: (xml: string, url: string) => string;
  DEV_URL: string;
};
const SOURCE = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function parse(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== "warning") errors.push(msg);
    },
  }).parseFromString(xml, "text/xml");
  expect(errors).toEqual([]);
  return doc;
}

const all = (doc: Document, tag: string): Element[] =>
  Array.from(doc.getElementsByTagName(tag) as unknown as Element[]);
const attr = (e: Element, name: string) => e.getAttribute(name) ?? "";

function resources(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const tag of ["bt:Image", "bt:Url", "bt:String"])
    for (const e of all(doc, tag)) if (attr(e, "id")) out.set(attr(e, "id"), attr(e, "DefaultValue"));
  return out;
}

describe("manifest.xml", () => {
  const doc = parse(SOURCE);
  const res = resources(doc);

  test("is an Excel (Workbook) task pane add-in with only ReadWriteDocument permission", () => {
    expect(doc.documentElement!.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(all(doc, "Host").map((h) => attr(h, "Name") || attr(h, "xsi:type"))).toEqual([
      "Workbook",
      "Workbook",
    ]);
    expect(all(doc, "Permissions").map((p) => p.textContent)).toEqual(["ReadWriteDocument"]);
  });

  test("every resid is defined in Resources", () => {
    const used = [...SOURCE.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((id) => !res.has(id))).toEqual([]);
  });

  test("all URLs are https on the dev server, and the taskpane URL is the default source", () => {
    const urls = [...SOURCE.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((u) => !u.startsWith(DEV_URL))).toEqual([]);
    const source = all(doc, "SourceLocation").find((e) => attr(e, "DefaultValue"));
    expect(attr(source!, "DefaultValue")).toBe(res.get("Taskpane.Url"));
  });

  test("taskpane and custom functions share one runtime: the taskpane page", () => {
    expect(all(doc, "Set").map((s) => [attr(s, "Name"), attr(s, "MinVersion")])).toContainEqual([
      "SharedRuntime",
      "1.1",
    ]);
    const runtime = all(doc, "Runtime");
    expect(runtime.map((r) => [attr(r, "resid"), attr(r, "lifetime")])).toEqual([["Taskpane.Url", "long"]]);
    const cf = all(doc, "ExtensionPoint").find((e) => attr(e, "xsi:type") === "CustomFunctions")!;
    const loc = (parent: string) =>
      attr(
        Array.from(cf.getElementsByTagName(parent) as unknown as Element[])[0].getElementsByTagName(
          "SourceLocation",
        )[0] as Element,
        "resid",
      );
    expect(loc("Page")).toBe("Taskpane.Url");
    expect(res.get(loc("Script"))).toBe(`${DEV_URL}functions.js`);
    expect(res.get(loc("Metadata"))).toBe(`${DEV_URL}functions.json`);
    expect(res.get(attr(all(doc, "Namespace")[0], "resid"))).toBe("CCHC");
    expect(attr(all(doc, "FunctionFile")[0], "resid")).toBe("Taskpane.Url");
    const show = all(doc, "Action").find((a) => attr(a, "xsi:type") === "ShowTaskpane")!;
    expect(attr(show.getElementsByTagName("SourceLocation")[0] as Element, "resid")).toBe("Taskpane.Url");
    expect(res.get("Taskpane.Url")).toBe(`${DEV_URL}taskpane.html`);
  });

  test("declares the ExcelApi minimum the adapter relies on (the one named in apiSets.ts)", () => {
    expect(all(doc, "Set").map((s) => [attr(s, "Name"), attr(s, "MinVersion")])).toContainEqual([
      "ExcelApi",
      EXCEL_API_MIN,
    ]);
  });

  test("a ribbon group with a button that opens the taskpane; Vietnamese names with English overrides", () => {
    expect(all(doc, "OfficeTab").map((t) => attr(t, "id"))).toEqual(["TabHome"]);
    expect(all(doc, "Control").length).toBeGreaterThanOrEqual(1);
    expect(attr(all(doc, "DisplayName")[0], "DefaultValue")).toBe("Báo cáo CCHC");
    expect(
      all(doc, "Override").some(
        (o) => attr(o, "Locale") === "en-US" && attr(o, "Value") === "CCHC Reporting",
      ),
    ).toBe(true);
  });

  test("every icon it names exists in assets/ as a PNG of the stated size", () => {
    const icons = [...SOURCE.matchAll(/assets\/icon-(\d+)\.png/g)].map((m) => Number(m[1]));
    expect(new Set(icons)).toEqual(new Set([16, 32, 64, 80]));
    for (const size of [16, 32, 64, 80, 128]) {
      const png = readFileSync(join(ROOT, "assets", `icon-${size}.png`));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  test("the production copy replaces every dev URL (not only the first) and stays well-formed", () => {
    const prod = manifestFor(SOURCE, "https://cchc.example.gov.vn/addin");
    expect(prod).not.toMatch(/localhost/);
    const pdoc = parse(prod);
    const pres = resources(pdoc);
    expect(pres.get("Taskpane.Url")).toBe("https://cchc.example.gov.vn/addin/taskpane.html");
    expect(pres.get("Functions.Metadata.Url")).toBe("https://cchc.example.gov.vn/addin/functions.json");
    expect(all(pdoc, "AppDomain").map((d) => d.textContent)).toEqual(["https://cchc.example.gov.vn"]);
    expect(manifestFor(SOURCE, "")).toBe(SOURCE);
  });
});

// Check a written .xlsx against the ECMA-376 transitional schemas in ../shared/ooxml-schemas (see its
// PROVENANCE.md): every XML part, after Markup Compatibility processing (ECMA-376 Part 3) as a consumer
// that knows only the ECMA namespaces, must validate with `xmllint --schema package.xsd`, and its root
// element must be the one its content type requires. Microsoft-only parts and VML have no ECMA schema
// and are reported as not checked.
import { DOMParser, XMLSerializer, type Element, type Node } from "@xmldom/xmldom";
import JSZip from "jszip";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const SCHEMAS_DIR = path.resolve(__dirname, "..", "..", "..", "shared", "ooxml-schemas");
export const DRIVER_XSD = path.join(SCHEMAS_DIR, "package.xsd");

const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const DML = "http://schemas.openxmlformats.org/drawingml/2006/main";
const OD = "http://schemas.openxmlformats.org/officeDocument/2006";
const PKG = "http://schemas.openxmlformats.org/package/2006";

/** Namespaces an ECMA-only consumer understands: what the schemas define, and XML's own. */
const UNDERSTOOD = new Set([
  MC,
  SML,
  DML,
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  "http://schemas.openxmlformats.org/drawingml/2006/chart",
  "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing",
  "http://schemas.openxmlformats.org/drawingml/2006/picture",
  `${OD}/relationships`,
  `${OD}/extended-properties`,
  `${OD}/custom-properties`,
  `${OD}/docPropsVTypes`,
  `${OD}/sharedTypes`,
  `${PKG}/content-types`,
  `${PKG}/relationships`,
  `${PKG}/metadata/core-properties`,
  "http://purl.org/dc/elements/1.1/",
  "http://purl.org/dc/terms/",
  "http://purl.org/dc/dcmitype/",
  "http://www.w3.org/2001/XMLSchema-instance",
  "http://www.w3.org/XML/1998/namespace",
  "http://www.w3.org/2000/xmlns/",
]);

/** Root element (namespace, local name) each content type requires. */
const ROOTS: Record<string, [string, string]> = {
  "application/vnd.openxmlformats-package.relationships+xml": [`${PKG}/relationships`, "Relationships"],
  "application/vnd.openxmlformats-package.core-properties+xml": [
    `${PKG}/metadata/core-properties`,
    "coreProperties",
  ],
  "application/vnd.openxmlformats-officedocument.extended-properties+xml": [
    `${OD}/extended-properties`,
    "Properties",
  ],
  "application/vnd.openxmlformats-officedocument.custom-properties+xml": [
    `${OD}/custom-properties`,
    "Properties",
  ],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": [SML, "workbook"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": [SML, "workbook"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml": [SML, "worksheet"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml": [SML, "chartsheet"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml": [SML, "styleSheet"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml": [SML, "sst"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml": [SML, "calcChain"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml": [SML, "table"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml": [SML, "comments"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml": [SML, "externalLink"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml": [SML, "pivotTableDefinition"],
  "application/vnd.openxmlformats-officedocument.theme+xml": [DML, "theme"],
  "application/vnd.openxmlformats-officedocument.drawing+xml": [
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "wsDr",
  ],
  "application/vnd.openxmlformats-officedocument.drawingml.chart+xml": [
    "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "chartSpace",
  ],
};
const CONTENT_TYPES_PART = "[Content_Types].xml";

export interface PackagePart {
  name: string;
  contentType: string;
  xml: string;
}

export interface PackageReport {
  /** XML parts validated (schema + root element). */
  checked: string[];
  /** Parts that failed, with xmllint's (or the root check's) messages. */
  invalid: { part: string; errors: string[] }[];
  /** Parts with no ECMA schema (Microsoft-only content types, VML), or not XML. */
  notChecked: string[];
}

/** Whether this machine can run the check: the schemas folder and Debian's xmllint. */
export function schemasPresent(): boolean {
  return existsSync(DRIVER_XSD);
}

/** The XML parts of a package with their content types ([Content_Types].xml's Override, else Default). */
export async function packageParts(bytes: Uint8Array): Promise<{ xml: PackagePart[]; other: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const typesXml = await zip.file(CONTENT_TYPES_PART)?.async("string");
  if (typesXml === undefined) throw new Error("no [Content_Types].xml");
  const types = new DOMParser().parseFromString(typesXml, "application/xml");
  const byExt = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const d of Array.from(types.getElementsByTagNameNS(`${PKG}/content-types`, "Default")))
    byExt.set((d.getAttribute("Extension") ?? "").toLowerCase(), d.getAttribute("ContentType") ?? "");
  for (const o of Array.from(types.getElementsByTagNameNS(`${PKG}/content-types`, "Override")))
    byName.set((o.getAttribute("PartName") ?? "").toLowerCase(), o.getAttribute("ContentType") ?? "");
  const xml: PackagePart[] = [];
  const other: string[] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    if (f.name === CONTENT_TYPES_PART) {
      xml.push({ name: f.name, contentType: "[content types]", xml: typesXml });
      continue;
    }
    const ext = f.name.slice(f.name.lastIndexOf(".") + 1).toLowerCase();
    const contentType = byName.get(`/${f.name}`.toLowerCase()) ?? byExt.get(ext) ?? "";
    if (/\+xml$|^application\/xml$/.test(contentType))
      xml.push({ name: f.name, contentType, xml: await f.async("string") });
    else other.push(`${f.name} (${contentType || "no content type"})`);
  }
  return { xml, other };
}

/** Prefixes listed in an mc attribute (Ignorable, Requires …), as namespace URIs in `el`'s scope. */
function namespacesOf(el: Element, list: string): string[] {
  return list
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => el.lookupNamespaceURI(p) ?? `unbound:${p}`);
}

const ELEMENT_NODE = 1;

/**
 * Markup Compatibility as an ECMA-only consumer: elements and attributes of ignorable namespaces are
 * dropped, mc:AlternateContent becomes its first Choice whose Requires are all understood (else its
 * Fallback, else nothing), mc:* attributes go. A non-ignorable unknown namespace is left in place, so
 * the schema reports it. Returns the processed document.
 */
export function applyMarkupCompatibility(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const visit = (el: Element, inherited: Set<string>): void => {
    const ignorable = new Set(inherited);
    const ign = el.getAttributeNS(MC, "Ignorable");
    if (ign) for (const ns of namespacesOf(el, ign)) if (!UNDERSTOOD.has(ns)) ignorable.add(ns);
    for (const a of Array.from(el.attributes)) {
      const ns = a.namespaceURI;
      if (ns === MC || (ns && ignorable.has(ns))) el.removeAttributeNode(a);
    }
    for (const child of Array.from(el.childNodes) as Node[]) {
      if (child.nodeType !== ELEMENT_NODE) continue;
      const c = child as Element;
      if (c.namespaceURI === MC && c.localName === "AlternateContent") {
        const choices = Array.from(c.childNodes).filter((n) => n.nodeType === ELEMENT_NODE) as Element[];
        const pick =
          choices.find(
            (ch) =>
              ch.localName === "Choice" &&
              namespacesOf(ch, ch.getAttribute("Requires") ?? "").every((ns) => UNDERSTOOD.has(ns)),
          ) ?? choices.find((ch) => ch.localName === "Fallback");
        for (const n of pick ? Array.from(pick.childNodes) : []) {
          el.insertBefore(n, c);
          if (n.nodeType === ELEMENT_NODE) visit(n as Element, ignorable);
        }
        el.removeChild(c);
      } else if (c.namespaceURI && ignorable.has(c.namespaceURI)) {
        el.removeChild(c);
      } else {
        visit(c, ignorable);
      }
    }
  };
  if (doc.documentElement) visit(doc.documentElement, new Set());
  return new XMLSerializer().serializeToString(doc);
}

/** The root-element check: the element the part's content type requires. */
function rootProblem(part: PackagePart, xml: string): string | null {
  const root = new DOMParser().parseFromString(xml, "application/xml").documentElement;
  const want: [string, string] | undefined =
    part.contentType === "[content types]" ? [`${PKG}/content-types`, "Types"] : ROOTS[part.contentType];
  if (!want) return `no ECMA root element known for ${part.contentType}`;
  if (root?.namespaceURI !== want[0] || root.localName !== want[1])
    return `root is {${root?.namespaceURI}}${root?.localName}, ${part.contentType} needs {${want[0]}}${want[1]}`;
  return null;
}

/** Whether a content type has an ECMA schema (Microsoft-only parts and VML do not). */
const hasSchema = (contentType: string): boolean =>
  contentType === "[content types]" ||
  (!contentType.startsWith("application/vnd.ms-") && !/vmlDrawing/.test(contentType));

/**
 * Validate several packages at once (one xmllint run compiles the schemas once for all of them).
 * `packages` maps a label to its .xlsx bytes.
 */
export async function validatePackages(
  packages: ReadonlyMap<string, Uint8Array>,
): Promise<Map<string, PackageReport>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cchc-ooxml-"));
  const reports = new Map<string, PackageReport>();
  const files: { label: string; part: string; file: string }[] = [];
  try {
    let n = 0;
    for (const [label, bytes] of packages) {
      const report: PackageReport = { checked: [], invalid: [], notChecked: [] };
      reports.set(label, report);
      const { xml, other } = await packageParts(bytes);
      report.notChecked.push(...other);
      for (const part of xml) {
        if (!hasSchema(part.contentType)) {
          report.notChecked.push(`${part.name} (${part.contentType})`);
          continue;
        }
        const processed = applyMarkupCompatibility(part.xml);
        const root = rootProblem(part, processed);
        if (root) report.invalid.push({ part: part.name, errors: [root] });
        const file = path.join(dir, `${n++}.xml`);
        writeFileSync(file, processed);
        files.push({ label, part: part.name, file });
      }
    }
    const byFile = new Map(files.map((f) => [f.file, f]));
    const errors = new Map<string, string[]>();
    const failed = new Set<string>();
    // xmllint prints "<file> validates" / "<file> fails to validate" and error lines "<file>:<line>: …".
    for (let i = 0; i < files.length; i += 200) {
      const batch = files.slice(i, i + 200).map((f) => f.file);
      const r = spawnSync("xmllint", ["--noout", "--nonet", "--schema", DRIVER_XSD, ...batch], {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      });
      if (r.error) throw r.error;
      for (const line of r.stderr.split("\n")) {
        const fail = /^(\S+) fails to validate$/.exec(line);
        if (fail) failed.add(fail[1]);
        const at = /^(\S+?\.xml):/.exec(line);
        if (at && byFile.has(at[1])) {
          const list = errors.get(at[1]) ?? [];
          if (list.length < 5) list.push(line.slice(at[1].length + 1));
          errors.set(at[1], list);
        }
        const comp = /^(WXS schema .* failed to compile|Schemas parser error)/.exec(line);
        if (comp) throw new Error(`xmllint could not compile ${DRIVER_XSD}: ${line}`);
      }
    }
    for (const f of files) {
      const report = reports.get(f.label)!;
      const bad = report.invalid.find((b) => b.part === f.part);
      if (failed.has(f.file) || errors.has(f.file)) {
        const found = errors.get(f.file) ?? ["fails to validate"];
        if (bad) bad.errors.push(...found);
        else report.invalid.push({ part: f.part, errors: found });
      } else if (!bad) report.checked.push(f.part);
    }
    return reports;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

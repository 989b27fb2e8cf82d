// The demo's rollup must open in LibreOffice (many offices use it): convert every sheet to CSV with
// `soffice --headless` and check that the totals read back equal the domain's.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { ROLLUP_SHEETS } from "../../src/domain/consolidation/layout";
import type { DemoResult } from "../../src/cli/demo/run";
import { demoFixture } from "./demoFixture";
import { describeIfInstalled, runs } from "../helpers/requiredPrograms";

const run = describeIfInstalled("LibreOffice", [
  { what: "soffice", install: "apt-get install libreoffice-calc", present: runs("soffice", ["--version"]) },
]);

/** A CSV line parser for LibreOffice's output (comma, double quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\n") {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== "\r") cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** A raw value as LibreOffice exports it: "451528", "5426.78", "99.7940945323903%". */
function numberOf(text: string): number | null {
  if (text === "") return null;
  return text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
}

run("the demo rollup in LibreOffice", () => {
  let demo: DemoResult;
  let csvDir: string;
  beforeAll(async () => {
    ({ demo } = await demoFixture());
    csvDir = mkdtempSync(path.join(os.tmpdir(), "cchc-lo-"));
    const profile = pathToFileURL(mkdtempSync(path.join(os.tmpdir(), "cchc-lo-profile-"))).href;
    const res = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        csvDir,
        demo.rollupFile,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    if (res.status !== 0) throw new Error(`soffice failed: ${res.stderr || res.stdout}`);
  }, 180_000);

  const sheetCsv = (sheet: string): string[][] => {
    const file = readdirSync(csvDir).find((f) => f.normalize("NFC").endsWith(`-${sheet}.csv`));
    if (!file) throw new Error(`no CSV for sheet ${sheet} in ${readdirSync(csvDir).join(", ")}`);
    return parseCsv(readFileSync(path.join(csvDir, file), "utf8"));
  };

  it("exports every rollup sheet", () => {
    for (const name of Object.values(ROLLUP_SHEETS)) expect(() => sheetCsv(name)).not.toThrow();
  });

  it("reads back the province totals the domain computed: counts exactly, rates to 1e-12", () => {
    const rows = sheetCsv(ROLLUP_SHEETS.figures);
    const codes = rows[0];
    const total = rows.find((r) => r[2] === "TOÀN TỈNH");
    expect(total).toBeDefined();
    const domain = demo.round2.rollup.totals;
    let compared = 0;
    for (let c = 4; c < codes.length; c++) {
      if (!codes[c]) continue;
      const expected = domain.get(codes[c]);
      const got = numberOf(total![c]);
      if (expected === null || expected === undefined) {
        expect(got).toBeNull();
        continue;
      }
      if (Number.isInteger(expected)) expect(got).toBe(expected);
      else expect(Math.abs(got! - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
      compared++;
    }
    // Every indicator but the province's own scores (PAR INDEX, SIPAS), which no agency reports.
    const agencyReported = demo.round2.rollup.catalogue.indicators.filter(
      (i) => !/^(PAR_INDEX|SIPAS)_/.test(i.code),
    );
    expect(compared).toBe(agencyReported.length);
  });

  it("reads back the submission counts and task completion", () => {
    const info = new Map(sheetCsv(ROLLUP_SHEETS.info).map((r) => [r[0], r[1]]));
    const r = demo.round2.rollup;
    expect(Number(info.get("Chưa nộp"))).toBe(r.counts.missing);
    expect(Number(info.get("Đã tiếp nhận"))).toBe(r.counts.accepted);
    expect(numberOf(info.get("Tỷ lệ hoàn thành nhiệm vụ")!)).toBeCloseTo(r.completion.rate!, 12);
  });
});

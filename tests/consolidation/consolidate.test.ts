// The consolidation job end to end on the demo's generated workbooks: provenance, rejections,
// missing agencies, re-merge, dry run, and a failure injected mid-write.
import { createHash } from "node:crypto";
import { promises as fsp, readdirSync, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import type { PlanBundle } from "../../src/domain/consolidation/intake";
import { runConsolidation } from "../../src/cli/consolidate/run";
import { ROLLUP_SHEETS } from "../../src/domain/consolidation/layout";
import { readRollup, ROLLUP_STORED_SHEETS } from "../../src/domain/consolidation/readRollup";
import type { DemoResult } from "../../src/cli/demo/run";
import { DEMO_MISSING, DEMO_PERIOD } from "../../src/cli/demo/generate";
import { nodeAtomicFs, type AtomicFs } from "../../src/workbook/xlsx/atomicWrite";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { demoFixture } from "./demoFixture";
import { narrative } from "../../src/domain/consolidation/narrative";

let bundle: PlanBundle;
let demo: DemoResult;
beforeAll(async () => {
  ({ bundle, demo } = await demoFixture());
}, 120_000);

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
async function sheet(file: string, name: string) {
  const wb = await XlsxWorkbook.open(file);
  return (await wb.readSheets([name])).get(name)!;
}

describe("consolidation of the demo workbooks", () => {
  it("lists every input file with its SHA-256 in the provenance log", async () => {
    const grid = await sheet(demo.rollupFile, ROLLUP_SHEETS.provenance);
    const header = grid[0];
    const fileCol = header.indexOf("Tệp");
    const hashCol = header.indexOf("Mã băm SHA-256");
    const logged = new Map(grid.slice(1).map((r) => [String(r[fileCol]), String(r[hashCol])]));
    expect(demo.reports.length).toBeGreaterThanOrEqual(30);
    for (const f of demo.reports) expect(logged.get(f)).toBe(sha(f));
  });

  it("shows rejected files with their reasons and the missing agency as missing", async () => {
    const r = demo.round2.rollup;
    const byAgency = new Map(r.status.map((s) => [s.agency, s]));
    expect(byAgency.get(DEMO_MISSING)!.state).toBe("missing");
    expect(byAgency.get("SXD")!.state).toBe("rejected");
    expect(byAgency.get("SXD")!.note).toContain("SUM_MISMATCH");
    expect(byAgency.get("SYT")!.note).toContain("TASK_STATUS_INVALID");
    expect(byAgency.get("SNV")!.version).toBe(2);
    const prov = r.provenance;
    expect(prov.find((p) => p.file.endsWith("SXD-2023.xlsx"))!.reasons).toContain("SUM_MISMATCH");
    expect(prov.find((p) => p.file.endsWith("STP-2023-Q3-gui-nham.xlsx"))!.outcome).toBe("wrong_period");
    expect(prov.find((p) => p.file.endsWith("ban-sao-hong.xlsx"))!.reasons).toContain("TRUNCATED");
    expect(prov.find((p) => p.file.endsWith("SNV-2023-lan2.xlsx"))!.outcome).toBe("replaced");
    const grid = await sheet(demo.rollupFile, ROLLUP_SHEETS.status);
    const stateCol = grid[0].indexOf("Tình trạng");
    const row = grid.find((x) => x[1] === DEMO_MISSING)!;
    expect(row[stateCol]).toBe("Chưa nộp");
  });

  it("stores contributions so that reading the rollup back rebuilds them exactly", async () => {
    const wb = await XlsxWorkbook.open(demo.rollupFile);
    const read = readRollup(await wb.readSheets([...ROLLUP_STORED_SHEETS]));
    if (!read.ok) throw new Error(read.problems[0].message_en);
    const stored = new Map(read.rollup.prior.contributions.map((c) => [c.agency, c]));
    for (const [agency, c] of demo.round2.rollup.merge.contributions) {
      const s = stored.get(agency)!;
      expect({ hash: s.hash, version: s.version, file: s.file }).toEqual({
        hash: c.hash,
        version: c.version,
        file: c.file,
      });
      expect(s.figures).toEqual(c.figures);
      expect(s.tasks).toEqual(c.tasks);
    }
  });

  it("re-merging the same files changes nothing; a dry run writes nothing", async () => {
    const before = readFileSync(demo.rollupFile);
    const dry = await runConsolidation({
      bundle,
      inputs: [path.join(demo.dir, "bao-cao")],
      output: demo.rollupFile,
      period: DEMO_PERIOD,
      dryRun: true,
    });
    expect(readFileSync(demo.rollupFile).equals(before)).toBe(true);
    const outcomes = new Set(dry.rollup.merge.outcomes.map((o) => o.outcome));
    expect(outcomes.has("added")).toBe(false);
    expect(outcomes.has("unchanged")).toBe(true);
    // SNV v1 is older than the merged v2.
    expect(
      dry.rollup.merge.outcomes.find((o) => o.submission.file.endsWith("SNV-2023-lan1.xlsx"))!.outcome,
    ).toBe("superseded");
    expect(Object.fromEntries(dry.rollup.totals)).toEqual(Object.fromEntries(demo.round2.rollup.totals));
  });

  it("leaves the previous rollup byte-identical when the write fails midway", async () => {
    const before = readFileSync(demo.rollupFile);
    const failing: AtomicFs = {
      ...nodeAtomicFs,
      write: async (handle, data) => {
        await handle.write(data.subarray(0, Math.floor(data.length / 2)));
        throw new Error("disk full (injected)");
      },
    };
    await expect(
      runConsolidation({
        bundle,
        inputs: [path.join(demo.dir, "bao-cao-bo-sung")],
        output: demo.rollupFile,
        period: DEMO_PERIOD,
        fs: failing,
        returns: [{ agency: "STP", reason: "thử" }],
      }),
    ).rejects.toThrow("injected");
    expect(readFileSync(demo.rollupFile).equals(before)).toBe(true);
    expect(readdirSync(demo.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("returns a submission with a reason: it stays on record, stops counting, and the return survives a re-run", async () => {
    const out = path.join(demo.dir, "tra-lai.xlsx");
    await fsp.copyFile(demo.rollupFile, out);
    const first = await runConsolidation({
      bundle,
      inputs: [],
      output: out,
      period: DEMO_PERIOD,
      returns: [{ agency: "STP", reason: "Thiếu minh chứng" }],
    });
    const stp = first.rollup.status.find((s) => s.agency === "STP")!;
    expect(stp.state).toBe("returned");
    expect(stp.note).toBe("Thiếu minh chứng");
    expect(first.rollup.long.some((l) => l.agency === "STP")).toBe(false);
    const again = await runConsolidation({
      bundle,
      inputs: [path.join(demo.dir, "bao-cao-bo-sung")],
      output: out,
      period: DEMO_PERIOD,
    });
    expect(again.rollup.status.find((s) => s.agency === "STP")!.state).toBe("returned");
    expect(again.rollup.provenance.filter((p) => p.outcome === "returned")).toHaveLength(1);
  });

  it("computes year-on-year change from last year's rollup and drafts the narrative", () => {
    const r = demo.round2.rollup;
    expect(r.yoy).not.toBeNull();
    expect(r.yoy!.find((y) => y.code === "HS_TIEP_NHAN")!.text_vi).toMatch(/^(tăng|giảm) \d+,\d\d%$/);
    // Overdue is "quá hạn", as Biểu 06/VPCP/KSTT names it, never "trễ hạn".
    const text = narrative(r).join("\n");
    expect(text).toMatch(/; quá hạn [\d.]+ hồ sơ/);
    expect(text).not.toMatch(/trễ hạn/i);
    expect(text).toMatch(/hồ sơ kỳ trước chuyển qua/);
    expect(text).toMatch(/dịch vụ công trực tuyến, trong đó [\d.]+ dịch vụ toàn trình/);
  });

  it("drafts the narrative by the catalogue's roles: other codes work, a plan without roles omits sentences", () => {
    const r = demo.round2.rollup;
    const full = narrative(r);
    // Another body's codes: the roles find the same figures.
    const recode = (c: string) => `X_${c}`;
    const renamed = {
      ...r,
      catalogue: {
        ...r.catalogue,
        indicators: r.catalogue.indicators.map((i) => ({ ...i, code: recode(i.code) })),
      },
      totals: new Map([...r.totals].map(([c, v]) => [recode(c), v])),
      yoy: r.yoy?.map((y) => ({ ...y, code: recode(y.code) })) ?? null,
    };
    expect(narrative(renamed)).toEqual(full);
    // No role column: the dossier sentence keeps what the on-time rate's structure gives; the
    // services sentence, whose figures only roles name, is left out.
    const bare = {
      ...r,
      catalogue: { ...r.catalogue, indicators: r.catalogue.indicators.map(({ role: _r, ...i }) => i) },
    };
    const text = narrative(bare).join("\n");
    expect(text).toMatch(/đã tiếp nhận [\d.]+ hồ sơ/);
    expect(text).not.toMatch(/kỳ trước chuyển qua|quá hạn [\d.]+ hồ sơ|dịch vụ công trực tuyến/);
    expect(narrative(bare)).toHaveLength(full.length - 1);
    // Nor the on-time structure: no dossier sentence, and still no crash.
    const none = {
      ...bare,
      catalogue: {
        ...bare.catalogue,
        indicators: bare.catalogue.indicators.map(({ denominatorBySetting: _d, ...i }) => i),
      },
    };
    expect(narrative(none).join("\n")).not.toMatch(/hồ sơ/);
    expect(narrative(none)).toHaveLength(full.length - 2);
  });
});

describe("merging into an existing rollup", () => {
  const application = async (file: string): Promise<string> =>
    (await (await JSZip.loadAsync(readFileSync(file))).file("docProps/app.xml")!.async("string")).replace(
      /^[\s\S]*<Application>([^<]*)<\/Application>[\s\S]*$/,
      "$1",
    );

  it("rewrites one that holds only its own sheets without ExcelJS, and keeps a sheet someone added", async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "cchc-remerge-"));
    const out = path.join(dir, "tong-hop.xlsx");
    const run = (inputs: string[]) => runConsolidation({ bundle, inputs, output: out, period: DEMO_PERIOD });
    const first = await run([path.join(demo.dir, "bao-cao")]);
    const again = await run([path.join(demo.dir, "bao-cao-bo-sung")]);
    // Written fresh both times (freshWorkbook.ts names itself; ExcelJS names "Microsoft Excel").
    expect(await application(out)).toBe("cchc-reporting");
    expect(again.mergedIntoExisting).toBe(true);
    const read = async () => {
      const wb = await XlsxWorkbook.open(out);
      const r = readRollup(await wb.readSheets([...ROLLUP_STORED_SHEETS]));
      if (!r.ok) throw new Error(r.problems[0].message_en);
      return { wb, stored: r.rollup };
    };
    const { stored } = await read();
    // What the first run merged is carried: its contributions and the second run's, none lost.
    const agencies = new Set(stored.prior.contributions.map((c) => c.agency));
    for (const c of first.rollup.merge.contributions.keys()) expect(agencies.has(c)).toBe(true);
    expect(Object.fromEntries(again.rollup.totals)).not.toEqual({});

    // Someone titles the rollup (document properties only): the next merge is still fresh and keeps it.
    const titled = await JSZip.loadAsync(readFileSync(out));
    const props = await titled.file("docProps/core.xml")!.async("string");
    titled.file(
      "docProps/core.xml",
      props.replace("<dc:creator>", "<dc:title>Tổng hợp CCHC quý</dc:title><dc:creator>"),
    );
    await fsp.writeFile(out, await titled.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    await run([path.join(demo.dir, "bao-cao-bo-sung")]);
    expect(await application(out)).toBe("cchc-reporting");
    const core = await (await JSZip.loadAsync(readFileSync(out))).file("docProps/core.xml")!.async("string");
    expect(core).toContain("<dc:title>Tổng hợp CCHC quý</dc:title>");

    // The consolidator adds a sheet of their own: the next merge keeps it (through ExcelJS).
    const { wb } = await read();
    await wb.writeSheets([{ name: "Ghi chú riêng", rows: [["của tôi", 42]] }]);
    await wb.saveAtomic(out);
    const third = await run([path.join(demo.dir, "bao-cao")]);
    const back = await read();
    expect((await back.wb.readSheets(["Ghi chú riêng"])).get("Ghi chú riêng")).toEqual([["của tôi", 42]]);
    expect(Object.fromEntries(back.stored.prior.contributions.map((c) => [c.agency, c.hash]))).toEqual(
      Object.fromEntries([...third.rollup.merge.contributions].map(([a, c]) => [a, c.hash])),
    );
    await fsp.rm(dir, { recursive: true, force: true });
  });
});

// The web page in a real browser (Debian's Chromium via playwright-core): the same taskpane over
// picked .xlsx files. Upload the demo's agency workbooks, read the outcome table, consolidate,
// download the rollup and check its totals against the CLI's consolidation of the same files; the
// main flow with the keyboard alone; axe-core; screenshots of the problem list and the rollup view.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import axe from "axe-core";
import JSZip from "jszip";
import type { Browser, Download, Page } from "playwright-core";
import { startPreviewServer, type PreviewServer } from "../../scripts/preview";
import { ROLLUP_SHEETS } from "../../src/domain/consolidation/layout";
import { readRollup, storedTotals } from "../../src/domain/consolidation/readRollup";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import {
  CHROMIUM_REQUIREMENT,
  RESULTS_DIR,
  ensurePreviewBuilt,
  launch,
  makeDemo,
  recordRequests,
  type Demo,
} from "./harness";
import { describeIfInstalled } from "../helpers/requiredPrograms";

// Building the page (~20 s on a cold machine) and reading 30 workbooks in the page take a while.
jest.setTimeout(180_000);

const PICK_REPORTS = "Chọn các tệp báo cáo (.xlsx)…";
const PREVIEW = "Xem trước (chưa ghi)";

const suite = describeIfInstalled("e2e", [CHROMIUM_REQUIREMENT]);

suite("the web page (bản web) in Chromium", () => {
  let browser: Browser;
  let server: PreviewServer;
  let demo: Demo;
  let page: Page;
  let requests: string[];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    ensurePreviewBuilt();
    [demo, server, browser] = await Promise.all([makeDemo(), startPreviewServer(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (demo) rmSync(demo.dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1000, height: 900 }, acceptDownloads: true });
    requests = recordRequests(page);
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    await page.getByRole("heading", { name: "Báo cáo CCHC" }).waitFor();
  });
  afterEach(async () => {
    await page.close();
    // Only the page's own server (and blob: URLs of downloads) — no Office.js, no CDN.
    expect(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("blob:"))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  const file = (name: string) => {
    const f = demo.batch1.find((p) => path.basename(p) === name);
    if (!f) throw new Error(`no demo file ${name}`);
    return f;
  };
  const outcomeRow = (name: string) =>
    page.getByRole("table", { name: "Kết quả" }).getByRole("row").filter({ hasText: name });

  async function bytesOf(download: Download): Promise<Buffer> {
    return readFileSync(await download.path());
  }

  async function checkRollup(bytes: Buffer): Promise<void> {
    const wb = await XlsxWorkbook.fromBuffer(bytes);
    const grids = await wb.readSheets((await wb.listSheets()).map((s) => s.name));
    expect([...grids.keys()]).toEqual(expect.arrayContaining([ROLLUP_SHEETS.figures, "Biểu đồ"]));
    const read = readRollup(grids);
    if (!read.ok) throw new Error(read.problems.map((p) => p.message_en).join("; "));
    const cli = demo.round1.rollup;
    expect(read.rollup.prior.contributions.map((c) => c.agency).sort()).toEqual(
      [...cli.merge.contributions.keys()].sort(),
    );
    // The page's totals equal the CLI's for the same files, and the stored tables add up to them.
    // (Amounts with decimals may differ in the last bit: the sums run in another order.)
    const got = storedTotals(read.rollup, cli.catalogue);
    expect([...got.keys()].sort()).toEqual([...cli.totals.keys()].sort());
    for (const [code, want] of cli.totals) {
      if (want === null) expect([code, got.get(code)]).toEqual([code, null]);
      else expect([code, got.get(code)! - want]).toEqual([code, expect.closeTo(0, 6)]);
    }
    expect(cli.totals.get("HS_TIEP_NHAN")).toBeGreaterThan(0);
  }

  test("loads the taskpane without Office.js: four tabs, the example plan", async () => {
    for (const name of ["Kiểm tra", "Tổng hợp", "Biểu mẫu", "Kế hoạch"])
      await expect(page.getByRole("tab", { name }).count()).resolves.toBe(1);
    await page.getByText("Kế hoạch: ").first().waitFor();
    expect(await page.evaluate(() => "Office" in window)).toBe(false);
  });

  test("Kiểm tra: a picked report's problems, cells as Sheet!A1; a click shows the cell", async () => {
    await page.getByLabel("Chọn workbook báo cáo cần kiểm tra (.xlsx)…").setInputFiles(file("SXD-2023.xlsx"));
    const items = page.getByRole("region", { name: "Số liệu" }).getByRole("listitem");
    await items.first().waitFor();
    const item = items.filter({ hasText: "Số liệu!D2" });
    await expect(item.innerText()).resolves.toMatch(
      /"Tổng số hồ sơ tiếp nhận \(gồm kỳ trước chuyển qua\)" \(hồ sơ\) = 10\.703 nhưng tổng các thành phần/,
    );
    await item.getByRole("button").click();
    await expect(page.getByRole("status").innerText()).resolves.toContain("Ô Số liệu!D2: «10703»");
    await page.screenshot({ path: path.join(RESULTS_DIR, "validation-list.png"), fullPage: true });
  });

  test("Tổng hợp: upload, outcome table, consolidate, rollup view, download and check totals", async () => {
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByLabel(PICK_REPORTS).setInputFiles(demo.batch1);
    await page.getByPlaceholder("2023-Q2").fill("2023");
    await page.getByRole("button", { name: PREVIEW }).click();
    await page.getByRole("table", { name: "Kết quả" }).waitFor();

    const rows = page.getByRole("table", { name: "Kết quả" }).getByRole("row");
    await expect(rows.count()).resolves.toBe(demo.batch1.length + 1);
    await expect(outcomeRow("SNV-2023-lan1.xlsx").innerText()).resolves.toContain("Thêm mới");
    await expect(outcomeRow("H_TRAON-2023-ban-sao-hong.xlsx").innerText()).resolves.toMatch(
      /Bị từ chối[\s\S]*bị hỏng hoặc chưa tải về hết/,
    );
    await expect(outcomeRow("SYT-2023.xlsx").innerText()).resolves.toMatch(
      /Bị từ chối[\s\S]*Nhiệm vụ!F4: Nhiệm vụ I\.2 "[^"]*": tình trạng "Xong rồi" không hợp lệ/,
    );
    await expect(outcomeRow("STP-2023-Q3-gui-nham.xlsx").innerText()).resolves.toContain("Sai kỳ báo cáo");
    const cli = demo.round1.rollup;
    await expect(page.getByText(/^2023 — Tiếp nhận/).innerText()).resolves.toContain(
      `Tiếp nhận ${cli.counts.accepted}, từ chối ${cli.counts.rejected}`,
    );
    // Every progress bar full.
    const bars = await page
      .getByRole("progressbar")
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-valuenow")));
    expect(bars).toHaveLength(demo.batch1.length + 1);
    expect(new Set(bars)).toEqual(new Set(["1"]));

    const view = page.getByTestId("rollup-view");
    await expect(view.locator("tr[data-indicator=HS_TIEP_NHAN]").innerText()).resolves.toContain(
      cli.totals.get("HS_TIEP_NHAN")!.toLocaleString("vi-VN"),
    );
    await expect(view.locator("svg[data-chart] rect").count()).resolves.toBeGreaterThan(20);
    await view.screenshot({ path: path.join(RESULTS_DIR, "rollup-view.png") });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Tải về bảng tổng hợp/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("tong-hop-2023.xlsx");
    await checkRollup(await bytesOf(download));
    await page.getByText("Đã tạo và tải về bảng tổng hợp.").waitFor();
  });

  test("the main flow with the keyboard alone", async () => {
    /** Press Tab until the focused element has this accessible name (or give up). */
    async function tabTo(name: string | RegExp, max = 60): Promise<void> {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        const label = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el ? el.getAttribute("aria-label") || el.innerText || "" : "";
        });
        if (typeof name === "string" ? label.trim() === name : name.test(label)) return;
      }
      throw new Error(`Tab never reached ${String(name)}`);
    }
    await tabTo("Kiểm tra");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByLabel(PICK_REPORTS).waitFor();
    await tabTo(PICK_REPORTS);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
    await chooser.setFiles(demo.batch1);
    await tabTo(PREVIEW);
    await page.keyboard.press("Enter");
    await page.getByRole("table", { name: "Kết quả" }).waitFor();
    await page.getByTestId("rollup-view").waitFor();
    await tabTo(/Tải về bảng tổng hợp/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    await checkRollup(await bytesOf(download));
  });

  test("Biểu mẫu: templates for every agency as one .zip", async () => {
    await page.getByRole("tab", { name: "Biểu mẫu" }).click();
    await page.getByLabel(/Kỳ báo cáo/).fill("2023-Q2");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Tải về" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("bieu-mau-2023-Q2.zip");
    const zip = await JSZip.loadAsync(await bytesOf(download));
    const names = Object.keys(zip.files).filter((n) => n.endsWith(".xlsx"));
    expect(names.length).toBeGreaterThan(20);
    const one = await XlsxWorkbook.fromBuffer(await zip.files[names[0]].async("uint8array"));
    expect((await one.listSheets()).length).toBeGreaterThanOrEqual(3);
  });

  test("axe-core: no serious or critical violations, before and after consolidating", async () => {
    const audit = async (where: string) => {
      await page.addScriptTag({ content: axe.source });
      // Fluent's focus manager (tabster) brackets focus zones with <i aria-hidden tabindex=0
      // data-tabster-dummy> sentinels that hand focus straight on; axe flags them, a reader never stops there.
      const result = await page.evaluate(() =>
        (window as unknown as { axe: typeof axe }).axe.run(
          { exclude: [["[data-tabster-dummy]"]] },
          { resultTypes: ["violations"] },
        ),
      );
      const bad = result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(bad).toEqual([]);
    };
    await page.getByLabel("Chọn workbook báo cáo cần kiểm tra (.xlsx)…").setInputFiles(file("SYT-2023.xlsx"));
    await page.getByRole("listitem").first().waitFor();
    await audit("Kiểm tra");
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByLabel(PICK_REPORTS).setInputFiles(demo.batch1);
    await page.getByRole("button", { name: PREVIEW }).click();
    await page.getByTestId("rollup-view").waitFor();
    await audit("Tổng hợp");
  });
});

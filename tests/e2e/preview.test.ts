// The web page (the taskpane over picked .xlsx files) in a real browser — Debian's Chromium via
// playwright-core — at a taskpane's width (350×800) and on a desktop (1280×800). Every flow asserts
// what the user sees, that nothing scrolls sideways, and axe-core finds no serious or critical
// violation. Screenshots at 350 px go to test-results/screens (DOCS_SCREENSHOTS=1 also copies them
// into docs/img, see `npm run docs:screenshots`); timings and the longest UI freeze of each flow go
// to test-results/timings-<width>.json (CCHC_TIMINGS=1 adds the 300-file run).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import axe from "axe-core";
import JSZip from "jszip";
import type { Browser, Download, FileChooser, Page } from "playwright-core";
import { startPreviewServer, type PreviewServer } from "../../scripts/preview";
import { ROLLUP_SHEETS } from "../../src/domain/consolidation/layout";
import { readRollup, storedTotals } from "../../src/domain/consolidation/readRollup";
import { parsePeriod } from "../../src/domain/period";
import { readPlanWorkbook } from "../../src/domain/planWorkbook";
import { buildReportTemplate } from "../../src/domain/report/template";
import { examplePlan } from "../../src/taskpane/logic/planSources";
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
jest.setTimeout(300_000);

const PICK_REPORTS = "Chọn các tệp báo cáo (.xlsx)…";
const PICK_ONE = "Chọn tệp báo cáo cần kiểm tra (.xlsx)…";
const RUN = "Kiểm tra và tổng hợp";
const DOCS_IMG = path.resolve(__dirname, "..", "..", "docs", "img");
const TIMINGS = !!process.env.CCHC_TIMINGS;

const suite = describeIfInstalled("e2e", [CHROMIUM_REQUIREMENT]);

/** Long tasks (main thread busy ≥ 50 ms) seen by the page: the UI freezes people feel. */
const FREEZE_PROBE = `
  window.__freeze = { longest: 0, total: 0 };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__freeze.longest = Math.max(window.__freeze.longest, e.duration);
        window.__freeze.total += e.duration;
      }
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
`;

suite("the web page (bản web) in Chromium", () => {
  let browser: Browser;
  let server: PreviewServer;
  let demo: Demo;
  let blankFile: string;

  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    ensurePreviewBuilt();
    [demo, server, browser] = await Promise.all([makeDemo(), startPreviewServer(), launch()]);
    // An untouched template, as an officer would validate it before filling it in.
    const loaded = examplePlan();
    const p = parsePeriod("2023");
    if (!p.ok) throw new Error("period");
    const agency = loaded.registry!.agencies.find((a) => a.code === "SNV")!;
    const wb = XlsxWorkbook.create();
    await wb.writeSheets(
      buildReportTemplate({ plan: loaded.plan!, agency, period: p.period, catalogue: loaded.catalogue! }),
    );
    blankFile = path.join(demo.dir, "SNV-2023-chua-dien.xlsx");
    writeFileSync(blankFile, await wb.toBuffer());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (demo) rmSync(demo.dir, { recursive: true, force: true });
  });

  // 320 px: the narrowest Office taskpane (and a phone); 350 px: the default taskpane; 1280 px: a desktop.
  for (const [width, height] of [
    [320, 800],
    [350, 800],
    [1280, 800],
  ] as const) {
    describe(`the web page at ${width}×${height}`, () => {
      let page: Page;
      let requests: string[];
      let pageErrors: string[];
      const timings: Record<string, { ms: number; longestFreezeMs: number }> = {};

      beforeEach(async () => {
        page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
        await page.addInitScript(FREEZE_PROBE);
        requests = recordRequests(page);
        pageErrors = [];
        page.on("pageerror", (e) => pageErrors.push(e.message));
        const t0 = Date.now();
        await page.goto(server.url);
        await page.getByRole("heading", { name: "Báo cáo CCHC" }).waitFor();
        await page.getByText("Kế hoạch: ").first().waitFor();
        timings["page ready"] ??= { ms: Date.now() - t0, longestFreezeMs: await freeze() };
      });
      afterEach(async () => {
        await page.close();
        // Only the page's own server (and blob: URLs of downloads) — no Office.js, no CDN.
        expect(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("blob:"))).toEqual([]);
        expect(pageErrors).toEqual([]);
      });
      afterAll(() => {
        writeFileSync(path.join(RESULTS_DIR, `timings-${width}.json`), JSON.stringify(timings, null, 2));
      });

      /** The longest long task since the last call, in ms (and reset). */
      async function freeze(): Promise<number> {
        return page.evaluate(() => {
          const w = window as unknown as { __freeze: { longest: number; total: number } };
          const v = Math.round(w.__freeze.longest);
          w.__freeze = { longest: 0, total: 0 };
          return v;
        });
      }
      async function timed<T>(name: string, job: () => Promise<T>): Promise<T> {
        await freeze();
        const t0 = Date.now();
        const out = await job();
        timings[name] = { ms: Date.now() - t0, longestFreezeMs: await freeze() };
        return out;
      }

      const file = (name: string) => {
        const f = demo.batch1.find((p) => path.basename(p) === name);
        if (!f) throw new Error(`no demo file ${name}`);
        return f;
      };

      /** No sideways scrolling, and axe-core finds nothing serious or critical. */
      async function check(where: string): Promise<void> {
        const overflow = await page.evaluate(() => {
          const inner = window.innerWidth;
          // What sticks out, to say where the sideways scrolling comes from.
          const wide = [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > inner + 0.5)
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent ?? "").slice(0, 40)}"`);
          return { fits: document.documentElement.scrollWidth <= inner, wide };
        });
        expect([where, overflow.fits, overflow.fits ? [] : overflow.wide]).toEqual([where, true, []]);
        // Colours are judged once they have settled: a button re-enabled a moment ago is still fading
        // from its disabled colours (Fluent's ~100 ms transition), and axe would measure the midpoint.
        await page.evaluate(() =>
          Promise.all(
            document
              .getAnimations()
              .filter((a) => a.effect?.getTiming().iterations !== Infinity)
              .map((a) => a.finished.catch(() => undefined)),
          ),
        );
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
      }

      /** A screenshot of what is in view; at 350 px these illustrate docs/PREVIEW.md. */
      async function shot(name: string): Promise<void> {
        const dir = path.join(RESULTS_DIR, "screens", String(width));
        mkdirSync(dir, { recursive: true });
        const out = path.join(dir, `${name}.png`);
        await page.screenshot({ path: out });
        if (process.env.DOCS_SCREENSHOTS && width === 350) {
          mkdirSync(DOCS_IMG, { recursive: true });
          copyFileSync(out, path.join(DOCS_IMG, `${name}.png`));
        }
      }

      async function bytesOf(download: Download): Promise<Buffer> {
        return readFileSync(await download.path());
      }

      const card = (name: string) => page.locator(`li[data-file="${name}"]`);
      const summary = () => page.getByRole("heading", { name: /^Tổng hợp Năm 2023$/ });

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
        // The page's totals equal the CLI's for the same files (decimals may differ in the last bit).
        const got = storedTotals(read.rollup, cli.catalogue);
        expect([...got.keys()].sort()).toEqual([...cli.totals.keys()].sort());
        // Plan-task figures (NV_KH_*) are computed from the task sheets when consolidating, not stored
        // with the contributions, so totals read back from stored tables leave them out.
        const isComputed = (code?: string) =>
          cli.catalogue.indicators.some((i) => i.code === code && i.computed);
        const computed = new Set(
          cli.catalogue.indicators
            .filter((i) => i.computed || isComputed(i.numerator) || isComputed(i.denominator))
            .map((i) => i.code),
        );
        for (const [code, want] of cli.totals) {
          if (computed.has(code)) continue;
          if (want === null) expect([code, got.get(code)]).toEqual([code, null]);
          else expect([code, got.get(code)! - want]).toEqual([code, expect.closeTo(0, 6)]);
        }
      }

      test("loads without Office.js: four tabs, the example plan", async () => {
        for (const name of ["Kiểm tra", "Tổng hợp", "Biểu mẫu", "Kế hoạch"])
          await expect(page.getByRole("tab", { name }).count()).resolves.toBe(1);
        expect(await page.evaluate(() => "Office" in window)).toBe(false);
        await check("start");
        await shot("01-start");
      });

      test("Kế hoạch: a wrong file keeps the plan in use and says why; the plan file loads", async () => {
        await page.getByRole("tab", { name: "Kế hoạch" }).click();
        // No open workbook on the web page: "read from this workbook" is not offered.
        await expect(page.getByRole("button", { name: "Đọc từ workbook này" }).count()).resolves.toBe(0);
        await page.getByLabel("Chọn tệp kế hoạch…").setInputFiles(file("H_TRAON-2023-ban-sao-hong.xlsx"));
        await page.getByText("Không dùng được H_TRAON-2023-ban-sao-hong.xlsx làm kế hoạch.").waitFor();
        await page.getByText(/Vẫn dùng kế hoạch đang có/).waitFor();
        await expect(page.getByRole("table", { name: "Lĩnh vực" }).getByRole("row").count()).resolves.toBe(8);
        await check("plan failure");
        await shot("02-plan-failure");
        await page.getByLabel("Chọn tệp kế hoạch…").setInputFiles(path.resolve("examples/plan-2023.xlsx"));
        await page.getByText(/từ tệp plan-2023\.xlsx/).waitFor();
        await expect(page.getByText(/làm kế hoạch\./).count()).resolves.toBe(0);
        await expect(page.getByRole("table", { name: "Lĩnh vực" }).getByRole("row").count()).resolves.toBe(8);
        // Next year's plan from the plan in use (issue 17, as `cchc plan new`): downloaded, 0 problems.
        await page.getByLabel("Năm kế hoạch mới").fill("2027");
        const [next] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("button", { name: "Tạo kế hoạch năm 2027" }).click(),
        ]);
        expect(next.suggestedFilename()).toBe("ke-hoach-2027.xlsx");
        const wb = await XlsxWorkbook.fromBuffer(await bytesOf(next));
        const read = readPlanWorkbook(await wb.readSheets((await wb.listSheets()).map((s) => s.name)));
        expect(read.problems).toEqual([]);
        expect(read.plan!.year).toBe(2027);
        await page.getByText(/^Đã tải về ke-hoach-2027\.xlsx: kế hoạch năm 2027/).waitFor();
        await check("plan next year");
      });

      test("Kiểm tra: bad, damaged, wrong-period, blank and good reports", async () => {
        // The period being checked: the plan's year report (the demo's reports are for Năm 2023).
        await page.getByLabel("Kỳ đang kiểm tra").selectOption("2023");
        const pick = page.getByLabel(PICK_ONE);
        await timed("validate one file", async () => {
          await pick.setInputFiles(file("SXD-2023.xlsx"));
          await page.getByRole("heading", { name: "Kết quả kiểm tra: SXD-2023.xlsx" }).waitFor();
        });
        // Agency and period first.
        await page.getByText("Sở Xây dựng (SXD)").waitFor();
        // Two sums do not add up (catalogue 2: resolved = early/on time + overdue is only a warning,
        // SUM_GAP, since real exports break it): too few to group, each listed; click the first.
        const item = page
          .getByRole("region", { name: "Số liệu" })
          .getByRole("button")
          .filter({ hasText: "Số liệu!D2" });
        await item.click();
        await expect(page.getByRole("status").last().innerText()).resolves.toContain("Ô Số liệu!D2: «10703»");
        await check("validate bad");
        await shot("03-validate-bad");

        // A damaged file clears the previous file's results.
        await pick.setInputFiles(file("H_TRAON-2023-ban-sao-hong.xlsx"));
        await page.getByText(/H_TRAON-2023-ban-sao-hong\.xlsx: .*hỏng/).waitFor();
        await expect(page.getByRole("heading", { name: /Kết quả kiểm tra/ }).count()).resolves.toBe(0);
        await expect(page.getByRole("region", { name: "Số liệu" }).count()).resolves.toBe(0);
        await check("validate damaged");
        await shot("04-validate-damaged");

        // A report for another period says so once, first, with what it causes grouped under it.
        await pick.setInputFiles(file("STP-2023-Q3-gui-nham.xlsx"));
        await page.getByRole("heading", { name: "Kết quả kiểm tra: STP-2023-Q3-gui-nham.xlsx" }).waitFor();
        const mismatch = page.getByTestId("period-mismatch");
        await expect(mismatch.innerText()).resolves.toContain(
          "Báo cáo này là Quý III/2023, không phải kỳ đang kiểm tra (Năm 2023).",
        );
        await expect(page.getByText(/không phải kỳ đang kiểm tra|đang tổng hợp kỳ/).count()).resolves.toBe(1);
        // First: above the workbook's identity and every problem.
        const above = await page.evaluate(() => {
          const b = document.querySelector("[data-testid=period-mismatch]")!;
          const dl = document.querySelector("section[aria-labelledby=validate-title] dl")!;
          return !!(b.compareDocumentPosition(dl) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        expect(above).toBe(true);
        const head = await mismatch.locator("summary").innerText();
        const n = Number(/(\d+) nhiệm vụ: ngày hoàn thành sau ngày chốt số liệu của kỳ/.exec(head)?.[1]);
        expect(n).toBeGreaterThanOrEqual(30);
        // Not repeated below the banner; opened with a click, one line per task.
        await expect(page.locator("[data-group=TASK_DONE_AFTER_CUTOFF]").count()).resolves.toBe(0);
        await check("validate wrong period");
        await shot("05-validate-wrong-period");
        await mismatch.locator("summary").click();
        await expect(mismatch.locator("li").count()).resolves.toBe(n);

        // A blank template: one sentence, not a hundred red items.
        await pick.setInputFiles(blankFile);
        await page.getByText("Báo cáo chưa được điền.").waitFor();
        await expect(page.getByRole("region", { name: "Nhiệm vụ" }).isVisible()).resolves.toBe(false);
        await check("validate blank");
        await shot("06-validate-blank");

        // A good one: no errors, zero counts neutral.
        await pick.setInputFiles(file("SNV-2023-lan1.xlsx"));
        await page.getByRole("heading", { name: "Kết quả kiểm tra: SNV-2023-lan1.xlsx" }).waitFor();
        await page
          .getByText(/^0 lỗi$/)
          .first()
          .waitFor();
        await page.getByText(/^Không có lỗi|^Không phát hiện vấn đề/).waitFor();
        await check("validate good");
      });

      test("Tổng hợp: 30 files with a rollup among them; the merge target is an explicit choice", async () => {
        await page.getByRole("tab", { name: "Tổng hợp" }).click();
        await page.getByLabel(PICK_REPORTS).setInputFiles(demo.batch1);
        // A second pick adds to the list (as from another folder).
        await page.getByLabel(PICK_REPORTS).setInputFiles([demo.rollupFile]);
        await page.getByText(`Đã chọn ${demo.batch1.length + 1} tệp`).waitFor();
        await shot("07-consolidate-picked");
        await timed("consolidate 30 files", async () => {
          await page.getByRole("button", { name: RUN }).click();
          await summary().waitFor();
        });
        // Results first: the summary has focus, the primary action is in it.
        await expect(summary().evaluate((h) => h === document.activeElement)).resolves.toBe(true);
        const counts = page.getByTestId("summary-counts");
        const cli = demo.round1.rollup.counts;
        await expect(counts.innerText()).resolves.toMatch(
          new RegExp(
            `${cli.accepted}\\s*tiếp nhận[\\s\\S]*${cli.rejected}\\s*bị từ chối[\\s\\S]*${cli.missing}\\s*chưa nộp`,
          ),
        );
        // The rollup picked among the inputs is not absorbed: its own row says so.
        await expect(card("tong-hop-nam-2023.xlsx").getAttribute("data-kind")).resolves.toBe("rollup_unused");
        await expect(card("H_TRAON-2023-ban-sao-hong.xlsx").innerText()).resolves.toMatch(
          /Bị từ chối[\s\S]*hỏng/,
        );
        await expect(card("STP-2023-Q3-gui-nham.xlsx").innerText()).resolves.toContain("Sai kỳ báo cáo");
        // Problems first.
        const kinds = await page
          .locator("li[data-kind]")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
        expect(kinds.indexOf("added")).toBeGreaterThan(kinds.lastIndexOf("rejected"));
        await check("consolidate summary");
        await shot("08-consolidate-summary");

        // Choosing to merge into it is explicit and visible.
        await page
          .getByRole("radio", { name: /Cộng dồn vào bảng tổng hợp đã có: tong-hop-nam-2023\.xlsx/ })
          .check();
        await expect(card("tong-hop-nam-2023.xlsx").getAttribute("data-kind")).resolves.toBe("rollup_target");
        await page.getByRole("radio", { name: "Tạo bảng tổng hợp mới" }).check();
        await expect(card("tong-hop-nam-2023.xlsx").getAttribute("data-kind")).resolves.toBe("rollup_unused");

        // The filter.
        await page.getByRole("button", { name: /^Bị từ chối \(\d+\)$/ }).click();
        const shown = await page
          .locator("ul[aria-label='Kết quả'] > li")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")));
        expect(shown.length).toBeGreaterThanOrEqual(cli.rejected);
        expect(new Set(shown)).toEqual(new Set(["rejected", "wrong_period"]));
        await shot("09-consolidate-filter");
        await page.getByRole("button", { name: /^Tất cả \(\d+\)$/ }).click();

        // Charts: full labels, and the data as a table.
        const view = page.getByTestId("rollup-view");
        await view.locator("[data-chart]").first().waitFor();
        await expect(view.locator("[data-chart] li[data-bar]").count()).resolves.toBeGreaterThan(20);
        await view.getByText("Xem dạng bảng").first().click();
        await view.getByRole("table").nth(1).waitFor();
        await view.locator("[data-chart]").first().scrollIntoViewIfNeeded();
        await check("rollup view");
        await shot("10-rollup-charts");

        await summary().scrollIntoViewIfNeeded();
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("button", { name: "Tải về bảng tổng hợp (.xlsx)" }).click(),
        ]);
        expect(download.suggestedFilename()).toBe("tong-hop-nam-2023.xlsx");
        await checkRollup(await bytesOf(download));
        await page.getByText("Đã tạo và tải về bảng tổng hợp.").waitFor();
      });

      test("Tổng hợp: switching tabs mid-run and after keeps the work; the return form", async () => {
        await page.getByRole("tab", { name: "Tổng hợp" }).click();
        await page.getByLabel(PICK_REPORTS).setInputFiles(demo.batch1);
        await page.getByRole("button", { name: RUN }).click();
        await page.getByRole("button", { name: "Dừng" }).waitFor();
        await page.getByRole("tab", { name: "Biểu mẫu" }).click();
        await page.getByRole("tab", { name: /Tổng hợp/ }).click();
        await summary().waitFor();
        await page.getByRole("tab", { name: "Kế hoạch" }).click();
        await page.getByRole("tab", { name: "Tổng hợp" }).click();
        await summary().waitFor();
        await expect(card("SNV-2023-lan1.xlsx").innerText()).resolves.toContain("Thêm mới");

        // Return a submission: the form fits the pane, Enter confirms. (Long lists come a page at a time.)
        while (!(await card("SNV-2023-lan1.xlsx").count()))
          await page
            .getByRole("button", { name: /^Xem thêm/ })
            .first()
            .click();
        await card("SNV-2023-lan1.xlsx").getByRole("button", { name: "Trả lại" }).click();
        const reason = page.getByLabel(/Lý do trả lại/);
        await reason.fill("Thiếu minh chứng nhiệm vụ III.2");
        for (const name of ["Xác nhận trả lại", "Hủy"]) {
          const box = await card("SNV-2023-lan1.xlsx").getByRole("button", { name }).boundingBox();
          expect(box!.x + box!.width).toBeLessThanOrEqual(width);
        }
        await check("return form");
        await shot("11-return-form");
        await reason.press("Enter");
        await expect(card("SNV-2023-lan1.xlsx").getAttribute("data-kind")).resolves.toBe("returned");
        await expect(card("SNV-2023-lan1.xlsx").innerText()).resolves.toContain(
          "Thiếu minh chứng nhiệm vụ III.2",
        );
      });

      test("Tổng hợp: the run can be stopped", async () => {
        await page.getByRole("tab", { name: "Tổng hợp" }).click();
        await page.getByLabel(PICK_REPORTS).setInputFiles(demo.batch1);
        // The demo's few files are read in well under a click's time (issue 15's reader): the page's
        // CPU is slowed while the run is stopped, so the button is still there to be clicked.
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 50 });
        try {
          await page.getByRole("button", { name: RUN }).click();
          await page.getByRole("button", { name: "Dừng" }).click();
        } finally {
          await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
          await cdp.detach();
        }
        await page.getByText(new RegExp(`Đã hủy sau \\d+/${demo.batch1.length} tệp`)).waitFor();
        await expect(summary().count()).resolves.toBe(0);
      });

      test("Biểu mẫu: one agency through the dropdown (the page stays visible), then the zip for all", async () => {
        await page.getByRole("tab", { name: "Biểu mẫu" }).click();
        await page.getByLabel(/Kỳ báo cáo/).fill("2023-Q2");
        await page.getByRole("combobox", { name: "Cơ quan" }).click();
        const option = page.getByRole("option", { name: /Sở Nội vụ/ });
        await option.waitFor();
        // The popup does not blank the page: the title is still what is drawn at its place.
        const covered = await page.evaluate(() => {
          const h = document.querySelector("h1")!.getBoundingClientRect();
          const top = document.elementFromPoint(h.left + 5, h.top + h.height / 2);
          return !!top && !!top.closest("h1");
        });
        expect(covered).toBe(true);
        await check("dropdown open");
        await shot("12-templates-dropdown");
        await option.click();
        await expect(page.getByRole("combobox", { name: "Cơ quan" }).innerText()).resolves.toContain(
          "Sở Nội vụ",
        );
        const [one] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("button", { name: "Tải về" }).click(),
        ]);
        expect(one.suggestedFilename()).toBe("SNV-2023-Q2.xlsx");
        // Escape closes a reopened popup and the page is usable.
        await page.getByRole("combobox", { name: "Cơ quan" }).click();
        await page.getByRole("option", { name: "Tất cả cơ quan có nhiệm vụ" }).click();
        const [zip] = await timed("zip of all templates", () =>
          Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải về" }).click()]),
        );
        expect(zip.suggestedFilename()).toBe("bieu-mau-quy-II-2023.zip");
        const files = await JSZip.loadAsync(await bytesOf(zip));
        const names = Object.keys(files.files).filter((n) => n.endsWith(".xlsx"));
        expect(names.length).toBeGreaterThan(20);
        await page.getByText(/Đã tạo \d+ biểu mẫu\./).waitFor();
        await check("templates done");
      });

      test("the main flow with the keyboard alone", async () => {
        /** Press Tab until the focused element has this accessible name (or give up). */
        async function tabTo(name: string | RegExp, max = 80): Promise<void> {
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
        // Wait for states, not time: the tab's code loads on first use, the picked files are read
        // into memory before the run button is enabled (under load either can take a while).
        await page.getByRole("button", { name: PICK_REPORTS, exact: true }).first().waitFor();
        // Space on the focused button opens the file chooser. In one full CI run in five (1 Dec) the chooser
        // never came, for a cause not found: the keyboard path is tried again from the top, at most three
        // times in all, before the test fails.
        const chooseByKeyboard = async (): Promise<FileChooser> => {
          for (let attempt = 1; ; attempt++) {
            await tabTo(PICK_REPORTS);
            const opened = page.waitForEvent("filechooser", { timeout: attempt < 3 ? 10_000 : 30_000 });
            await page.keyboard.press("Space");
            try {
              return await opened;
            } catch (e) {
              if (attempt >= 3) throw e;
              await page.locator("body").focus();
            }
          }
        };
        const chooser = await chooseByKeyboard();
        await chooser.setFiles(demo.batch1);
        await page.getByText(`Đã chọn ${demo.batch1.length} tệp`).waitFor();
        await expect(page.getByRole("button", { name: RUN }).isEnabled()).resolves.toBe(true);
        await tabTo(RUN);
        await page.keyboard.press("Enter");
        await summary().waitFor();
        await tabTo(/Tải về bảng tổng hợp/);
        const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
        await checkRollup(await bytesOf(download));
      });

      (TIMINGS ? test : test.skip)("timings: 300 files (30 demo files ten times over)", async () => {
        const dir = path.join(demo.dir, "x300");
        mkdirSync(dir, { recursive: true });
        const many: string[] = [];
        for (let k = 0; k < 10; k++)
          for (const f of demo.batch1) {
            const to = path.join(dir, `${k}-${path.basename(f)}`);
            copyFileSync(f, to);
            many.push(to);
          }
        await page.getByRole("tab", { name: "Tổng hợp" }).click();
        await page.getByLabel(PICK_REPORTS).setInputFiles(many);
        await timed("consolidate 300 files", async () => {
          await page.getByRole("button", { name: RUN }).click();
          await summary().waitFor({ timeout: 280_000 });
        });
        await page.getByText(/tệp trùng hoặc bản cũ hơn/).waitFor();
        await check("300 files");
        await shot("13-consolidate-300");
      });
    });
  }
});

/** @jest-environment jsdom */
// Issue 13 part 3: template downloads inside Excel. One agency opens as a new workbook
// (Excel.createWorkbook); several go as one .zip where the pane can download (Windows, the web),
// else as ONE new workbook — never one createWorkbook per agency (the web blocks the second popup).
import { fireEvent, render, screen } from "@testing-library/react";
import ExcelJS from "exceljs";
import { parsePeriod } from "../../src/domain/period";
import { TemplatesTab } from "../../src/taskpane/components/TemplatesTab";
import { createOfficeOps, paneCanDownload } from "../../src/taskpane/officeOps";
import { examplePlan } from "../../src/taskpane/logic/planSources";
import {
  agenciesWithTasks,
  combinedTemplateSpecs,
  deliverTemplates,
  workbookBytes,
} from "../../src/taskpane/logic/templates";
import type { TaskpaneOps } from "../../src/taskpane/ops";
import { OfficeWorkbook } from "../../src/workbook/office";
import { FakeExcel } from "../office/fakeExcel";
import { installResizeObserver } from "./helpers";

installResizeObserver();

const loaded = examplePlan();
const bundle = { plan: loaded.plan!, registry: loaded.registry!, catalogue: loaded.catalogue! };
const period = (() => {
  const p = parsePeriod("2023-Q2");
  if (!p.ok) throw new Error("period");
  return p.period;
})();

/** Office-side ops whose Excel.createWorkbook is recorded, on a given platform. */
function excelOps(platform: string) {
  const created: string[] = [];
  const downloads: string[] = [];
  const fx = new FakeExcel();
  const ops = createOfficeOps(new OfficeWorkbook({ run: fx.run, apiSupport: fx.supportsApi }), {
    create: async (b64) => void created.push(b64),
    support: fx.supportsApi,
    platform,
  });
  ops.download = (name) => void downloads.push(name);
  return { ops, created, downloads };
}

const files = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `A${i}.xlsx`, bytes: new Uint8Array([80, 75, i]) }));
const combined = async () => new Uint8Array([1, 2, 3]);

describe("deliverTemplates", () => {
  test("inside Excel one agency opens as a new workbook, whichever button", async () => {
    for (const target of ["download", "workbook"] as const) {
      const x = excelOps("PC");
      expect(await deliverTemplates(x.ops, files(1), "b.zip", target, combined)).toBe("opened");
      expect(x.created).toEqual([Buffer.from([80, 75, 0]).toString("base64")]);
      expect(x.downloads).toEqual([]);
    }
  });

  test("several, in Excel on Windows or the web: one .zip download, no new windows", async () => {
    for (const platform of ["PC", "OfficeOnline"]) {
      const x = excelOps(platform);
      expect(await deliverTemplates(x.ops, files(5), "bieu-mau.zip", "download", combined)).toBe(
        "downloaded",
      );
      expect(x.downloads).toEqual(["bieu-mau.zip"]);
      expect(x.created).toEqual([]);
    }
  });

  test("several, in Excel for Mac (no downloads) or 'open': ONE new workbook, not one per agency", async () => {
    const mac = excelOps("Mac");
    expect(await deliverTemplates(mac.ops, files(5), "b.zip", "download", combined)).toBe("openedCombined");
    expect(mac.created).toHaveLength(1);
    expect(mac.downloads).toEqual([]);
    const pc = excelOps("PC");
    expect(await deliverTemplates(pc.ops, files(5), "b.zip", "workbook", combined)).toBe("openedCombined");
    expect(pc.created).toHaveLength(1);
  });

  test("the web page (no Excel) downloads: .xlsx for one, .zip for several", async () => {
    const got: string[] = [];
    const ops: Pick<TaskpaneOps, "download"> = { download: (n) => void got.push(n) };
    await deliverTemplates(ops, files(1), "b.zip", "download", combined);
    await deliverTemplates(ops, files(3), "b.zip", "download", combined);
    expect(got).toEqual(["A0.xlsx", "b.zip"]);
  });

  test("which clients download: not Excel for Mac or iPad", () => {
    expect(["PC", "OfficeOnline", "Mac", "iOS", undefined].map((p) => paneCanDownload(p))).toEqual([
      true,
      true,
      false,
      false,
      true,
    ]);
  });

  test("an Excel without ExcelApi 1.8 gets a clear message instead of a new workbook", async () => {
    const fx = new FakeExcel();
    fx.apiVersion = "1.7";
    const ops = createOfficeOps(new OfficeWorkbook({ run: fx.run }), {
      create: async () => undefined,
      support: fx.supportsApi,
    });
    await expect(ops.openAsNewWorkbook!("a.xlsx", new Uint8Array([1]))).rejects.toMatchObject({
      code: "API_UNSUPPORTED",
      message_vi: expect.stringMatching(/cập nhật Office/),
    });
  });
});

describe("the combined workbook", () => {
  test("holds every agency's sheets under names Excel accepts, after a contents sheet", async () => {
    const agencies = agenciesWithTasks(bundle).slice(0, 4);
    const specs = combinedTemplateSpecs(bundle, agencies, period);
    expect(specs[0].name).toBe("Danh sách");
    expect(specs[0].rows.slice(1).map((r) => r[0])).toEqual(agencies.map((a) => a.code));
    const names = specs.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names.every((n) => n.length <= 31 && !/[:\\/?*[\]]/.test(n))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBytes(specs)).buffer as ArrayBuffer);
    expect(wb.worksheets.length).toBe(specs.length);
  });
});

describe("TemplatesTab in Excel for Mac", () => {
  test("'Tải về' for all agencies opens one workbook and says why there was no download", async () => {
    const x = excelOps("Mac");
    render(<TemplatesTab ops={x.ops} bundle={bundle} />);
    fireEvent.click(screen.getByRole("button", { name: "Tải về" }));
    expect(await screen.findByText(/không tải tệp về được/, undefined, { timeout: 15000 })).toBeTruthy();
    expect(x.created).toHaveLength(1);
    expect(x.downloads).toEqual([]);
  }, 30000);
});

describe("TemplatesTab in Excel on Windows", () => {
  test("'Tải về' for all agencies downloads one .zip and says where it went and what else works", async () => {
    const x = excelOps("PC");
    render(<TemplatesTab ops={x.ops} bundle={bundle} />);
    fireEvent.click(screen.getByRole("button", { name: "Tải về" }));
    const note = await screen.findByText(/nếu không thấy, bấm Mở trong workbook mới/, undefined, {
      timeout: 15000,
    });
    expect(x.downloads).toHaveLength(1);
    expect(note.textContent).toContain(x.downloads[0]);
    expect(x.created).toEqual([]);
  }, 30000);
});

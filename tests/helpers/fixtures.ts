// Shared test fixtures, generated from the bundled example data (never hand-edited binaries).
import { examplePlanInput } from "../../src/cli/exampleData";

export { examplePlanInput };
import type { Agency, AgencyRegistry } from "../../src/domain/agencies";
import type { CellValue, Grid } from "../../src/domain/cell";
import { civilToSerial, compareCivil } from "../../src/domain/civilDate";
import { finalDueDate } from "../../src/domain/deadline";
import type { Catalogue } from "../../src/domain/indicators";
import { periodRange, type Period } from "../../src/domain/period";
import { findTask, type Plan } from "../../src/domain/plan";
import { planWorkbookSheets, readPlanWorkbook } from "../../src/domain/planWorkbook";
import { buildReportTemplate } from "../../src/domain/report/template";
import type { SheetSpec } from "../../src/domain/sheetSpec";
import { F, I, T } from "./columns";

export interface ExamplePlan {
  plan: Plan;
  registry: AgencyRegistry;
  catalogue: Catalogue;
}

let cached: ExamplePlan | null = null;

/** The example plan, registry and catalogue, read through the same path as a plan workbook. */
export function examplePlan(): ExamplePlan {
  if (cached) return cached;
  const sheets = planWorkbookSheets(examplePlanInput());
  const pw = readPlanWorkbook(gridsOf(sheets));
  if (!pw.plan || !pw.registry || !pw.catalogue)
    throw new Error(`example plan unreadable: ${JSON.stringify(pw.problems[0])}`);
  cached = { plan: pw.plan, registry: pw.registry, catalogue: pw.catalogue };
  return cached;
}

export const gridsOf = (specs: readonly SheetSpec[]): Map<string, Grid> =>
  new Map(specs.map((s) => [s.name, s.rows.map((r) => [...r])]));

/** Figures consistent with the seeds (Sóc Trăng 2023, Vĩnh Phúc 2017, Vĩnh Long 2021). */
export const SEED_FIGURES: Record<string, CellValue> = {
  HS_TIEP_NHAN: 605859,
  HS_KY_TRUOC: 4859,
  HS_MOI_TIEP_NHAN: 601000,
  // The receipt channel is not in the seed: an illustrative split of its 601.000 new dossiers.
  HS_TIEP_NHAN_TRUC_TUYEN: 250000,
  HS_TIEP_NHAN_TRUC_TIEP: 351000,
  HS_DA_GIAI_QUYET: 596864,
  HS_DUNG_HAN: 595634,
  // The early / on-time split is not in the seed: an illustrative split of its 595.634.
  HS_GQ_TRUOC_HAN: 480000,
  HS_GQ_DUNG_HAN: 115634,
  HS_TRE_HAN: 1230,
  HS_DANG_GIAI_QUYET: 8995,
  HS_DANG_GQ_TRONG_HAN: 8900,
  HS_DANG_GQ_QUA_HAN: 95,
  HS_DEN_HAN: 596959,
  TL_DUNG_HAN: "99,79%",
  TTHC_DANG_AP_DUNG: 1724,
  // Vĩnh Phúc gives 1.724 procedures but splits only its 1.652 one-stop ones; this level split is illustrative.
  TTHC_DANG_AP_DUNG_TINH: 1290,
  TTHC_DANG_AP_DUNG_HUYEN: 300,
  TTHC_DANG_AP_DUNG_XA: 134,
  QD_CONG_BO_TTHC: 12,
  TTHC_CONG_BO: 60,
  TTHC_CONG_BO_MOI: 20,
  TTHC_SUA_DOI: 30,
  TTHC_BAI_BO: 10,
  TTHC_MOT_CUA: 1652,
  TTHC_MOT_CUA_TINH: 1236,
  TTHC_MOT_CUA_HUYEN: 288,
  TTHC_MOT_CUA_XA: 128,
  TL_MOT_CUA: "95,8%",
  TTHC_THANH_TOAN_TRUC_TUYEN: 900,
  CHI_PHI_TIET_KIEM: 1250000000,
  VB_QPPL_BAN_HANH: 40,
  VB_QPPL_PHAI_RA_SOAT: 17,
  VB_QPPL_DA_RA_SOAT: 15,
  TL_RA_SOAT_VB_QPPL: null,
  VB_QPPL_THAM_DINH: 35,
  PHONG_CAT_GIAM: 3,
  DVSN_CAT_GIAM: 2,
  BIEN_CHE_TINH_GIAN: 45,
  CBCCVC_TONG: 26362,
  CBCCVC_DAO_TAO: 1776,
  CBCCVC_TUYEN_DUNG: 310,
  CBCCVC_SAU_DAI_HOC: 1776,
  TL_CBCCVC_SAU_DAI_HOC: "6,74%",
  DVSNCL_TONG: 476,
  DVSNCL_TU_CHU: 475,
  TL_DVSNCL_TU_CHU: null,
  // Sóc Trăng lists 1.778 services = 1.015 full + 343 partial + 420 information-only; only the first two
  // are online public services (catalogue 2), so DVC_TONG is 1.358 and the 420 are kept apart.
  DVC_TONG: 1358,
  DVC_TOAN_TRINH: 1015,
  DVC_MOT_PHAN: 343,
  DVC_THONG_TIN: 420,
  DVC_TICH_HOP_QG: 956,
  TL_DVC_TICH_HOP_QG: null,
  HS_TRUC_TUYEN_TOAN_TRINH: 120000,
  TL_HS_TRUC_TUYEN_TOAN_TRINH: null,
  HS_NGHIA_VU_TAI_CHINH: 50000,
  HS_THANH_TOAN_TRUC_TUYEN: 20000,
  TL_THANH_TOAN_TRUC_TUYEN: 0.4,
  VB_XU_LY_TREN_MANG: 90000,
  VB_TONG: 100000,
  TL_XU_LY_TREN_MANG: null,
  CQ_THUOC_DIEN_ISO: 107,
  CQ_AP_DUNG_ISO: 98,
  TL_AP_DUNG_ISO: "91,58%",
  // Seed 003 (6 tháng 2022): inspections of 05 units; 43 decisions approving internal workflows for
  // 45 inter-agency + 137 other procedures (182 in all).
  KT_CQ_DUOC_KIEM_TRA: 5,
  QD_QUY_TRINH_NOI_BO: 43,
  QUY_TRINH_NOI_BO: 182,
  QUY_TRINH_NOI_BO_TINH: 182,
  QUY_TRINH_NOI_BO_XA: 0,
  // Vĩnh Phúc 2017 (seed 002): PAR INDEX rank 8 in 2016.
  PAR_INDEX_XEP_HANG: 8,
};

/** A template for an agency and period, filled in correctly: every task with a status consistent with
 * its deadline, dates inside the period, evidence; every figure from SEED_FIGURES; the preparer named. */
export function filledReport(agencyCode: string, period: Period): SheetSpec[] {
  const { plan, registry, catalogue } = examplePlan();
  const agency = registry.agencies.find((a: Agency) => a.code === agencyCode)!;
  const specs = buildReportTemplate({ plan, agency, period, catalogue }).map((s) => ({
    ...s,
    rows: s.rows.map((r) => [...r]),
  }));
  const [info, tasks, figures] = specs;
  for (const row of info.rows) if (row[I.label] === "Người lập") row[I.value] = "Nguyễn Văn A";
  const end = periodRange(period).end;
  for (const row of tasks.rows.slice(1)) {
    const task = findTask(plan, String(row[T.code]))!;
    const due = task.deadline ? finalDueDate(task.deadline) : null;
    if (due && compareCivil(due, end) > 0) {
      row[T.status] = "Đang thực hiện";
    } else {
      row[T.status] = "Hoàn thành";
      const done = due ?? end;
      row[T.doneDate] = civilToSerial(compareCivil(done, end) > 0 ? end : done);
      row[T.evidence] = "2621/QĐ-UBND ngày 13/12/2022";
    }
  }
  for (const row of figures.rows.slice(1)) {
    const v = SEED_FIGURES[String(row[F.code])];
    // Rates and computed figures are left blank (the note column says so); other figures 0.
    row[F.value] = v === undefined ? (row[F.note] ? null : 0) : v;
  }
  return specs;
}

export { F, I, T } from "./columns";

/** Find the row of a grid whose first cell is `key`, for editing fixtures. */
export function rowOf(grid: Grid, key: string): CellValue[] {
  // The key is in the first column: a figure's code, an info row's label.
  const row = grid.find((r) => r[0] === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
}

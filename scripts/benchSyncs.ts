// Bench part (f): `context.sync()` calls per Office.js operation at 1,000 and 50,000 rows, counted
// with the fake request context the adapter's tests use (tests/office/fakeExcel.ts).
import type { SheetSpec } from "../src/domain/sheetSpec";
import { OfficeWorkbook } from "../src/workbook/office";
import { FakeExcel } from "../tests/office/fakeExcel";

export interface SyncRow {
  operation: string;
  syncs: Record<number, number>;
}

export const SYNC_SIZES = [1_000, 50_000] as const;

/** A report's task sheet with `rows` tasks (code, task, role, lead, deadline, status, date, evidence). */
function taskGrid(rows: number): unknown[][] {
  const grid: unknown[][] = [
    [
      "Mã NV",
      "Nhiệm vụ",
      "Vai trò",
      "Cơ quan chủ trì",
      "Thời hạn",
      "Tình trạng",
      "Ngày hoàn thành",
      "Minh chứng",
    ],
  ];
  for (let i = 0; i < rows; i++) {
    grid.push([
      `I.${i}`,
      `Nhiệm vụ ${i}`,
      "Chủ trì",
      "Sở Nội vụ",
      "Quý IV",
      "Hoàn thành",
      45200,
      `${i}/QĐ-SNV`,
    ]);
  }
  return grid;
}

/** The rollup's figures-per-agency sheet shape: code, name, count, rate. */
function figuresSheet(rows: number): SheetSpec {
  const grid: SheetSpec["rows"] = [["Mã", "Cơ quan", "Hồ sơ tiếp nhận", "Tỷ lệ đúng hạn"]];
  for (let i = 0; i < rows; i++) grid.push([`X_${i}`, `UBND xã ${i}`, 1000 + i, 0.9 + (i % 10) / 100]);
  return {
    name: "Số liệu tổng hợp",
    rows: grid,
    headerRows: 1,
    columns: [{ width: 12 }, { width: 30 }, { format: "count" }, { format: "percent" }],
  };
}

/** The long-format table's shape (agency, period, indicator, value). */
function longSheet(rows: number): SheetSpec {
  const grid: SheetSpec["rows"] = [["Mã cơ quan", "Kỳ", "Chỉ tiêu", "Giá trị"]];
  for (let i = 0; i < rows; i++) grid.push([`X_${i % 170}`, "2023", `HS_${i % 30}`, i]);
  return { name: "Dữ liệu dài", rows: grid, headerRows: 1 };
}

/** The long table as the rollup writes it, with file and content hash on every row. */
function provenanceSheet(rows: number): SheetSpec {
  const grid: SheetSpec["rows"] = [
    [
      "Mã cơ quan",
      "Cơ quan",
      "Kỳ",
      "Mã chỉ tiêu",
      "Chỉ tiêu",
      "Đơn vị",
      "Giá trị",
      "Tệp",
      "SHA-256",
      "Lần gửi",
    ],
  ];
  const hash = "ab".repeat(32);
  for (let i = 0; i < rows; i++) {
    grid.push([
      `X_${i % 170}`,
      `UBND xã ${i % 170}`,
      "2023",
      `HS_${i % 30}`,
      "Hồ sơ",
      "hồ sơ",
      i,
      `f${i}.xlsx`,
      hash,
      1,
    ]);
  }
  return { name: "Dữ liệu dài", rows: grid, headerRows: 1 };
}

async function count(
  op: (wb: OfficeWorkbook, fx: FakeExcel) => Promise<unknown>,
  setup?: (fx: FakeExcel) => void,
) {
  const fx = new FakeExcel(["Sheet1"]);
  setup?.(fx);
  await op(new OfficeWorkbook({ run: fx.run }), fx);
  return fx.syncs.length;
}

/** Syncs per operation at each size. */
export async function measureSyncs(): Promise<SyncRow[]> {
  const ops: { operation: string; run: (rows: number) => Promise<number> }[] = [
    {
      operation: "validate a report: read its sheets (one batch)",
      run: (rows) =>
        count(
          (wb) => wb.readSheets(["Thông tin", "Nhiệm vụ", "Số liệu"]),
          (fx) => {
            fx.setGrid("Thông tin", [
              ["Thông tin", "Giá trị"],
              ["Mã cơ quan", "SNV"],
            ]);
            fx.setGrid("Nhiệm vụ", taskGrid(rows));
            fx.setGrid("Số liệu", [
              ["Mã chỉ tiêu", "Giá trị"],
              ["HS_TIEP_NHAN", 1],
            ]);
          },
        ),
    },
    {
      operation: "write the figures rollup sheet",
      run: (rows) => count((wb) => wb.writeSheets([figuresSheet(rows)])),
    },
    {
      operation: "write the long-format rollup sheet (agency, period, indicator, value)",
      run: (rows) => count((wb) => wb.writeSheets([longSheet(rows)])),
    },
    {
      operation: "write the long-format sheet with provenance columns (file, SHA-256: ~150 B a row)",
      run: (rows) => count((wb) => wb.writeSheets([provenanceSheet(rows)])),
    },
  ];
  const out: SyncRow[] = [];
  for (const o of ops) {
    const syncs: Record<number, number> = {};
    for (const n of SYNC_SIZES) syncs[n] = await o.run(n);
    out.push({ operation: o.operation, syncs });
  }
  return out;
}

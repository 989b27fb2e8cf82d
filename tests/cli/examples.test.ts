// The committed example workbook is exactly what scripts/build-examples.ts makes from examples/data.
import {
  EXAMPLE_PLAN_2027_XLSX,
  EXAMPLE_PLAN_XLSX,
  examplePlanInput,
  mergedPlanInput,
} from "../../src/cli/exampleData";
import { planWorkbookSheets } from "../../src/domain/planWorkbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

it.each([
  ["examples/plan-2023.xlsx", EXAMPLE_PLAN_XLSX, examplePlanInput],
  ["examples/plan-2027.xlsx", EXAMPLE_PLAN_2027_XLSX, () => mergedPlanInput(2027)],
] as const)(
  "%s matches its data files (run `npm run examples` after editing them)",
  async (_n, file, input) => {
    const specs = planWorkbookSheets(input());
    const wb = await XlsxWorkbook.open(file);
    const grids = await wb.readSheets(specs.map((s) => s.name));
    for (const spec of specs) {
      const width = Math.max(...spec.rows.map((r) => r.length));
      const expected = spec.rows.map((r) =>
        Array.from({ length: width }, (_, c) => (r[c] === "" ? null : (r[c] ?? null))),
      );
      // Trailing blank rows and columns are trimmed on read.
      expect(grids.get(spec.name)).toEqual(trimGrid(expected));
    }
  },
);

function trimGrid(g: (string | number | boolean | null)[][]) {
  const rows = g.slice(0, g.map((r) => r.some((v) => v !== null)).lastIndexOf(true) + 1);
  const width = Math.max(0, ...rows.map((r) => r.map((v) => v !== null).lastIndexOf(true) + 1));
  return rows.map((r) => r.slice(0, width));
}

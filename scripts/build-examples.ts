// Build examples/plan-2023.xlsx (the 2023-format workbook) and examples/plan-2027.xlsx (the merged
// province's plan carried forward from it) from the data files in examples/data/.
// Run: npm run examples. tests/cli/examples.test.ts checks the committed workbooks match this script.
import {
  EXAMPLE_PLAN_2027_XLSX,
  EXAMPLE_PLAN_XLSX,
  examplePlanInput,
  mergedPlanInput,
} from "../src/cli/exampleData";
import { planWorkbookSheets } from "../src/domain/planWorkbook";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsxWorkbook";

async function main() {
  for (const [file, input] of [
    [EXAMPLE_PLAN_XLSX, examplePlanInput()],
    [EXAMPLE_PLAN_2027_XLSX, mergedPlanInput(2027)],
  ] as const) {
    const wb = XlsxWorkbook.create();
    await wb.writeSheets(planWorkbookSheets(input));
    await wb.saveAtomic(file);
    console.log(`wrote ${file}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

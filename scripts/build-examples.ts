// Build examples/plan-2023.xlsx from the transcribed data files in examples/data/.
// Run: npm run examples. tests/cli/examples.test.ts checks the committed workbook matches this script.
import { EXAMPLE_PLAN_XLSX, examplePlanInput } from "../src/cli/exampleData";
import { planWorkbookSheets } from "../src/domain/planWorkbook";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsxWorkbook";

async function main() {
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(planWorkbookSheets(examplePlanInput()));
  await wb.saveAtomic(EXAMPLE_PLAN_XLSX);
  console.log(`wrote ${EXAMPLE_PLAN_XLSX}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

import { rollupFileName, templatesZipName } from "./fileNames";
import { makePeriod } from "./period";

test("file names are ASCII without spaces and name the period as people say it", () => {
  expect(rollupFileName(makePeriod("year", 2023))).toBe("tong-hop-nam-2023.xlsx");
  expect(rollupFileName(makePeriod("quarter", 2023, 2))).toBe("tong-hop-quy-II-2023.xlsx");
  expect(templatesZipName(makePeriod("half", 2024))).toBe("bieu-mau-6-thang-2024.zip");
  expect(templatesZipName(makePeriod("nine", 2024))).toBe("bieu-mau-9-thang-2024.zip");
  for (const q of [1, 2, 3, 4] as const)
    expect(rollupFileName(makePeriod("quarter", 2025, q))).toMatch(/^[A-Za-z0-9.-]+$/);
});

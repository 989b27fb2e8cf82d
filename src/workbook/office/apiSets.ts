/// <reference types="office-js" />
// Which ExcelApi requirement sets the add-in relies on. The manifest declares EXCEL_API_MIN (Office
// does not offer the add-in where it is missing); anything newer is used only after asking
// `isSetSupported`, with a clear fallback. Versions are from Microsoft's API reference.

/** Declared in manifest.xml: the newest set the add-in calls without asking first.
 * 1.9: Application.suspendScreenUpdatingUntilNextSync (every write), Range.copyFrom (a re-run updates
 * rollup sheets in place). Below it, all used unguarded:
 * 1.8 Excel.createWorkbook, dataValidation, chart axis formats; 1.7 freezePanes, chart series,
 * getRangeByIndexes; 1.6 conditional formats, suspendApiCalculationUntilNextSync;
 * 1.4 getItemOrNullObject, getUsedRangeOrNullObject; 1.2 sheet protection. */
export const EXCEL_API_MIN = "1.9";

/** Newer calls, each guarded (tests/office/compat.test.ts finds every call newer than EXCEL_API_MIN,
 * by Microsoft's requirement-set remarks in @types/office-js, and checks that its file asks first). */
export const OPTIONAL_FEATURES = {
  /** Range.getMergedAreasOrNullObject (validation's merged-cell check; skipped without it). */
  mergedAreas: "1.13",
} as const;
export type OptionalFeature = keyof typeof OPTIONAL_FEATURES;

/** Asks the host whether an ExcelApi version is supported (tests pass their own). */
export type ApiSupport = (version: string) => boolean;

/** `Office.context.requirements.isSetSupported("ExcelApi", v)`; false outside Office. */
export const officeApiSupport: ApiSupport = (version) => {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return !!office?.context?.requirements?.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
};

/** Whether this Excel offers an optional feature. */
export function supports(feature: OptionalFeature, support: ApiSupport = officeApiSupport): boolean {
  return support(OPTIONAL_FEATURES[feature]);
}

/// <reference types="office-js" />
// Ribbon commands. With the shared runtime they run in the taskpane's page: "Kiểm tra" opens the
// taskpane and asks it to validate, through a DOM event the taskpane listens for.

/** The event the taskpane listens for to run validation. */
export const VALIDATE_EVENT = "cchc:validate";

/** Ask the taskpane (same runtime) to validate. */
export function requestValidation(target: EventTarget = globalThis as unknown as EventTarget): void {
  target.dispatchEvent(new Event(VALIDATE_EVENT));
}

/** Associate the manifest's FunctionName values with their handlers. */
export function registerCommands(): void {
  Office.actions.associate("validateWorkbook", async (event: Office.AddinCommands.Event) => {
    try {
      await Office.addin.showAsTaskpane();
      requestValidation();
    } finally {
      event.completed();
    }
  });
}

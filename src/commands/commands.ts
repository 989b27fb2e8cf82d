/// <reference types="office-js" />
// Ribbon commands. With the shared runtime they run in the taskpane's page. "Kiểm tra" must work from
// any state: right after the workbook opens (plan still loading), with the pane closed or on another
// tab. So the command only records a request and shows the pane; the app (components/App.tsx) takes
// the request whenever it is rendered, switches to Kiểm tra, waits for the plan and validates — or
// says there is no plan yet.

/** Ribbon requests to validate, kept until the taskpane takes them. */
export class ValidateRequests {
  private pending = 0;
  private readonly listeners = new Set<() => void>();

  /** Ask for a validation (the ribbon button). */
  request(): void {
    this.pending++;
    for (const l of [...this.listeners]) l();
  }

  /** Take the pending requests: true when there was at least one. */
  take(): boolean {
    const had = this.pending > 0;
    this.pending = 0;
    return had;
  }

  /** Be told of new requests; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

/** The runtime's one queue of ribbon requests (the page is shared by ribbon and taskpane). */
export const validateRequests = new ValidateRequests();

/** What the commands need from Office (tests pass their own). */
export interface CommandHost {
  associate(name: string, handler: (event: Office.AddinCommands.Event) => unknown): void;
  showAsTaskpane(): Promise<void>;
}

const officeHost = (): CommandHost => ({
  associate: (name, handler) => Office.actions.associate(name, handler),
  showAsTaskpane: () => Office.addin.showAsTaskpane(),
});

/** Associate the manifest's FunctionName values with their handlers. */
export function registerCommands(
  requests: ValidateRequests = validateRequests,
  host: CommandHost = officeHost(),
): void {
  host.associate("validateWorkbook", async (event: Office.AddinCommands.Event) => {
    try {
      requests.request(); // first: it waits for the pane even if the pane is not rendered yet
      await host.showAsTaskpane();
    } catch {
      // The pane could not be shown (e.g. a client without the shared runtime): the request stays
      // queued and runs when the user opens the pane.
    } finally {
      event.completed();
    }
  });
}

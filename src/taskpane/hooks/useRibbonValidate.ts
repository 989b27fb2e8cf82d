// The ribbon's "Kiểm tra" as an app-level action: take the requests the command queued (also those
// made before the pane was rendered), show the Kiểm tra tab at once, and once the plan has loaded
// either validate or say there is no plan.
import { useEffect, useState } from "react";
import type { ValidateRequests } from "../../commands/commands";

export interface RibbonValidateHandlers {
  /** A request arrived: show the Kiểm tra tab. */
  onAsk(): void;
  /** The plan is loaded: validate when there is a plan, else say there is none. */
  onReady(hasPlan: boolean): void;
}

/** Returns true while a request waits for the plan. */
export function useRibbonValidate(
  requests: ValidateRequests,
  planLoaded: boolean,
  hasPlan: boolean,
  handlers: RibbonValidateHandlers,
): boolean {
  const [waiting, setWaiting] = useState(false);
  const { onAsk, onReady } = handlers;
  useEffect(() => {
    const check = () => {
      if (!requests.take()) return;
      onAsk();
      setWaiting(true);
    };
    check();
    return requests.subscribe(check);
  }, [requests, onAsk]);
  useEffect(() => {
    if (!waiting || !planLoaded) return;
    setWaiting(false);
    onReady(hasPlan);
  }, [waiting, planLoaded, hasPlan, onReady]);
  return waiting;
}

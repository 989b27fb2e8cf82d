// What a report is validated against.
import type { AgencyRegistry } from "../agencies";
import type { Catalogue } from "../indicators";
import type { CutoffRule, Period } from "../period";
import type { Plan } from "../plan";

export interface ValidationContext {
  plan: Plan;
  registry: AgencyRegistry;
  catalogue: Catalogue;
  /** The period the consolidator expects; when absent, the report's own period is used. */
  expectedPeriod?: Period;
  /** Data cut-off rule (Decree 09/2019 by default). */
  cutoff?: CutoffRule;
}

// What a report is validated against.
import type { AgencyRegistry } from "../agencies";
import type { CivilDate } from "../civilDate";
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
  /** Today, as the shell's clock says: a submission date after it is a warning. No clock, no check. */
  today?: CivilDate;
  /** Accepted submission numbers (Lần gửi); default {@link DEFAULT_VERSIONS}. */
  versions?: VersionPolicy;
}

/** Submission numbers are small positive integers: 1 to `max` (an error past it, so 20231215 cannot
 * beat every later resubmission), with a warning past `warnAbove` (so many resubmissions is odd). */
export interface VersionPolicy {
  readonly max: number;
  readonly warnAbove: number;
}

export const DEFAULT_VERSIONS: VersionPolicy = { max: 99, warnAbove: 20 };

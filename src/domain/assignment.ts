// Which plan tasks an agency must report on, and in which role (chủ trì / phối hợp).
import type { AgencyCell } from "./agencies";
import { planTasks, type Plan, type PlanTask } from "./plan";

export type Role = "lead" | "coordinator";

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  lead: { vi: "Chủ trì", en: "Lead" },
  coordinator: { vi: "Phối hợp", en: "Coordinating" },
};

export interface Assignment {
  readonly task: PlanTask;
  readonly role: Role;
}

/** Does an agency cell name this agency, directly or through a group phrase? */
export function cellNames(cell: AgencyCell, agencyCode: string): boolean {
  return cell.agencies.includes(agencyCode) || cell.groups.some((g) => g.members.includes(agencyCode));
}

/** The tasks an agency leads or coordinates, in plan order; leading wins over coordinating. */
export function assignmentsFor(plan: Plan, agencyCode: string): Assignment[] {
  const out: Assignment[] = [];
  for (const task of planTasks(plan)) {
    if (cellNames(task.lead, agencyCode)) out.push({ task, role: "lead" });
    else if (cellNames(task.coordinators, agencyCode)) out.push({ task, role: "coordinator" });
  }
  return out;
}

/** Every agency code a plan assigns at least one task to. */
export function assignedAgencies(plan: Plan): Set<string> {
  const codes = new Set<string>();
  for (const t of planTasks(plan)) {
    for (const cell of [t.lead, t.coordinators]) {
      cell.agencies.forEach((c) => codes.add(c));
      cell.groups.forEach((g) => g.members.forEach((c) => codes.add(c)));
    }
  }
  return codes;
}

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

/** Assignments by agency code, built once per plan in one pass over its tasks: a consolidation asks
 * for every report's agency, and scanning every task's group member lists each time added up. */
const assignmentIndex = new WeakMap<Plan, Map<string, Assignment[]>>();

function buildAssignmentIndex(plan: Plan): Map<string, Assignment[]> {
  const index = new Map<string, Assignment[]>();
  const add = (code: string, assignment: Assignment): void => {
    const list = index.get(code);
    if (list === undefined) index.set(code, [assignment]);
    else if (list[list.length - 1] !== assignment) list.push(assignment); // named twice in one cell
  };
  for (const task of planTasks(plan)) {
    const lead: Assignment = { task, role: "lead" };
    const coordinator: Assignment = { task, role: "coordinator" };
    const leads = new Set<string>();
    for (const c of task.lead.agencies) leads.add(c);
    for (const g of task.lead.groups) for (const c of g.members) leads.add(c);
    for (const c of leads) add(c, lead);
    // Leading wins over coordinating.
    for (const c of task.coordinators.agencies) if (!leads.has(c)) add(c, coordinator);
    for (const g of task.coordinators.groups)
      for (const c of g.members) if (!leads.has(c)) add(c, coordinator);
  }
  return index;
}

/** The tasks an agency leads or coordinates, in plan order; leading wins over coordinating. */
export function assignmentsFor(plan: Plan, agencyCode: string): Assignment[] {
  let index = assignmentIndex.get(plan);
  if (index === undefined) {
    index = buildAssignmentIndex(plan);
    assignmentIndex.set(plan, index);
  }
  // A copy: callers may keep or change their list.
  return [...(index.get(agencyCode) ?? [])];
}

/** An agency's assignments by task code, in plan order: built once per plan and agency (every report
 * of an agency is checked against the same), so not to be changed. */
const byCodeIndex = new WeakMap<Plan, Map<string, ReadonlyMap<string, Assignment>>>();

export function assignmentsByCode(plan: Plan, agencyCode: string): ReadonlyMap<string, Assignment> {
  let perAgency = byCodeIndex.get(plan);
  if (perAgency === undefined) {
    perAgency = new Map();
    byCodeIndex.set(plan, perAgency);
  }
  let byCode = perAgency.get(agencyCode);
  if (byCode === undefined) {
    byCode = new Map(assignmentsFor(plan, agencyCode).map((a) => [a.task.code, a]));
    perAgency.set(agencyCode, byCode);
  }
  return byCode;
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

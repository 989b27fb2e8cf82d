import fc from "fast-check";
import { examplePlan } from "../../tests/helpers/fixtures";
import type { AgencyCell } from "./agencies";
import { assignedAgencies, assignmentsFor, cellNames, type Assignment } from "./assignment";
import type { Plan, PlanTask } from "./plan";

/** The rule as stated: each task in plan order, leading wins over coordinating. */
function direct(plan: Plan, code: string): Assignment[] {
  const out: Assignment[] = [];
  for (const task of plan.sections.flatMap((s) => s.tasks)) {
    if (cellNames(task.lead, code)) out.push({ task, role: "lead" });
    else if (cellNames(task.coordinators, code)) out.push({ task, role: "coordinator" });
  }
  return out;
}

const plain = (xs: Assignment[]): [string, string][] => xs.map((a) => [a.task.code, a.role]);

const CODES = ["A", "B", "C", "D", "E"];
const arbCell: fc.Arbitrary<AgencyCell> = fc.record({
  agencies: fc.array(fc.constantFrom(...CODES), { maxLength: 4 }),
  groups: fc.array(
    fc.record({
      phrase: fc.constant("nhóm"),
      members: fc.array(fc.constantFrom(...CODES), { maxLength: 4 }),
      related: fc.boolean(),
    }),
    { maxLength: 2 },
  ),
  unresolved: fc.constant([]),
});

describe("assignmentsFor (indexed once per plan)", () => {
  it("gives what the rule gives for every agency of the example plan", () => {
    const { plan } = examplePlan();
    const codes = [...assignedAgencies(plan), "NOT-AN-AGENCY"];
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(plain(assignmentsFor(plan, code))).toEqual(plain(direct(plan, code)));
  });

  it("agrees with the rule on generated plans: repeats, groups, an agency both leading and coordinating", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(arbCell, arbCell), { maxLength: 8 }), (cells) => {
        const tasks = cells.map(
          ([lead, coordinators], i) => ({ code: `I.${i + 1}`, lead, coordinators }) as unknown as PlanTask,
        );
        const plan: Plan = { year: 2023, title: "", sheet: "", sections: [{ tasks } as never] };
        for (const code of [...CODES, "Z"])
          expect(plain(assignmentsFor(plan, code))).toEqual(plain(direct(plan, code)));
      }),
    );
  });

  it("hands each caller its own list", () => {
    const { plan } = examplePlan();
    const code = [...assignedAgencies(plan)][0];
    const first = assignmentsFor(plan, code);
    first.length = 0;
    expect(assignmentsFor(plan, code).length).toBeGreaterThan(0);
  });
});

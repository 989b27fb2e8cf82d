// Year-on-year across the 2025 reorganisation: this period's units compared with last year's units
// they succeeded, summed by the registry's successor links. Units linked through successors form one
// comparison group (a commune formed from several old ones; the communes that shared an old
// district, whose figures cannot be split); a unit that did not change is compared with itself.
import { agencyByCode, successorsAt, type AgencyRegistry } from "../agencies";
import type { CivilDate } from "../civilDate";
import type { Catalogue } from "../indicators";
import { sumFigures, yearOnYear, type FigureValues, type YearOnYear } from "./totals";

export type ComparisonMethod = "same" | "successors" | "new";

export interface ComparisonGroup {
  /** This period's units, in registry order. */
  readonly current: readonly string[];
  /** Last year's units summed for the comparison (the current ones themselves when unchanged). */
  readonly previous: readonly string[];
  readonly method: ComparisonMethod;
  readonly yoy: readonly YearOnYear[];
}

export const COMPARISON_METHOD_LABELS: Record<ComparisonMethod, string> = {
  same: "Cùng đơn vị",
  successors: "Cộng các đơn vị tiền thân theo danh mục kế thừa",
  new: "Đơn vị mới, không có số liệu cùng kỳ",
};

/** Comparison groups for the units reporting now against those that reported a year earlier. */
export function successorComparison(
  registry: AgencyRegistry,
  catalogue: Catalogue,
  current: ReadonlyMap<string, FigureValues>,
  previous: ReadonlyMap<string, FigureValues>,
  day: CivilDate,
): ComparisonGroup[] {
  // Union-find over agency codes: a previous unit joins the units it became on `day`.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const c of current.keys()) find(c);
  const heirs = new Map<string, string[]>();
  for (const p of previous.keys()) {
    const next = successorsAt(registry, p, day).filter((c) => current.has(c));
    heirs.set(p, next);
    find(p);
    for (const c of next) union(c, p);
  }
  const rank = new Map(registry.agencies.map((a, i) => [a.code, i]));
  const byRank = (a: string, b: string) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9) || a.localeCompare(b);
  const groups = new Map<string, { current: string[]; previous: string[] }>();
  const groupOf = (x: string) => {
    const root = find(x);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { current: [], previous: [] }));
    return g;
  };
  for (const c of current.keys()) groupOf(c).current.push(c);
  for (const p of previous.keys()) if ((heirs.get(p) ?? []).length) groupOf(p).previous.push(p);
  const out: ComparisonGroup[] = [];
  for (const g of groups.values()) {
    if (g.current.length === 0) continue;
    g.current.sort(byRank);
    g.previous.sort(byRank);
    const method: ComparisonMethod =
      g.previous.length === 0
        ? "new"
        : g.previous.length === 1 && g.current.length === 1 && g.previous[0] === g.current[0]
          ? "same"
          : "successors";
    const now = sumFigures(
      catalogue,
      g.current.map((c) => current.get(c)!),
    );
    const before = sumFigures(
      catalogue,
      g.previous.map((p) => previous.get(p)!),
    );
    out.push({ current: g.current, previous: g.previous, method, yoy: yearOnYear(catalogue, now, before) });
  }
  return out.sort((a, b) => byRank(a.current[0], b.current[0]));
}

/** Names for a list of codes, as the registry spells them. */
export function namesOf(registry: AgencyRegistry, codes: readonly string[]): string {
  return codes.map((c) => agencyByCode(registry, c)?.name ?? c).join("; ");
}

import fc from "fast-check";
import { makePeriod } from "../period";
import { problem } from "../problem";
import { mergeSubmissions, type ConflictClaim, type MergeResult } from "./mergeRules";
import type { AcceptedSubmission, Submission } from "./submission";

const PERIOD = makePeriod("year", 2023);

function sub(agency: string, version: number, hash: string, extra: Partial<Submission> = {}): Submission {
  return {
    file: `${agency}-v${version}-${hash}.xlsx`,
    hash,
    agency,
    period: PERIOD,
    version,
    submittedAt: null,
    receivedAt: null,
    problems: [],
    errorCount: 0,
    warningCount: 0,
    figures: [{ code: "HS_TIEP_NHAN", value: version * 100, sheet: "Số liệu", cell: "D2" }],
    tasks: [],
    ...extra,
  };
}

const contributionHashes = (r: MergeResult) =>
  Object.fromEntries([...r.contributions].map(([a, c]) => [a, c.hash]).sort());
const outcomeList = (r: MergeResult) => r.outcomes.map((o) => `${o.submission.file}:${o.outcome}`);

const arbSubmission = fc
  .record({
    agency: fc.constantFrom("SNV", "STP", "SYT", "H_TRAON"),
    version: fc.integer({ min: 1, max: 3 }),
    content: fc.integer({ min: 0, max: 2 }),
    errors: fc.constantFrom(0, 0, 0, 1),
    copy: fc.constantFrom("", "", "ban-sao-"),
  })
  .map(({ agency, version, content, errors, copy }) => {
    // The hash stands for the content: same agency, version and content → same bytes.
    const hash = `${agency}.${version}.${content}.${errors}`;
    const s = sub(agency, version, hash, { errorCount: errors });
    return { ...s, file: `${copy}${s.file}` };
  });

describe("merge rules", () => {
  it("is order-independent: any permutation of the inputs gives the same rollup and outcomes", () => {
    fc.assert(
      fc.property(fc.array(arbSubmission, { maxLength: 12 }), fc.infiniteStream(fc.nat()), (subs, seeds) => {
        const keys = subs.map(() => seeds.next().value as number);
        const shuffled = subs
          .map((s, i) => ({ s, k: keys[i] }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.s);
        const a = mergeSubmissions({ period: PERIOD, prior: [], incoming: subs });
        const b = mergeSubmissions({ period: PERIOD, prior: [], incoming: shuffled });
        expect(contributionHashes(b)).toEqual(contributionHashes(a));
        expect(outcomeList(b)).toEqual(outcomeList(a));
        expect(b.conflicts).toEqual(a.conflicts);
      }),
      { seed: 20231213, numRuns: 500 },
    );
  });

  it("is order-independent across runs: any split of the inputs into successive runs gives the one-run rollup", () => {
    // Issue 16: A-then-B and B-then-A (same agency and version, different content) used to keep
    // whichever came first. Each run merges into what the previous left: its contributions, and the
    // conflicting claims its provenance logged.
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbSubmission, fc.integer({ min: 0, max: 2 })), { maxLength: 12 }),
        (tagged) => {
          const all = tagged.map(([s]) => s);
          const once = mergeSubmissions({ period: PERIOD, prior: [], incoming: all });
          let prior: AcceptedSubmission[] = [];
          let claims: ConflictClaim[] = [];
          let last: MergeResult | null = null;
          for (const run of [0, 1, 2]) {
            const incoming = tagged.filter(([, r]) => r === run).map(([s]) => s);
            last = mergeSubmissions({ period: PERIOD, prior, priorConflicts: claims, incoming });
            prior = [...last.contributions.values()];
            claims = [
              ...claims,
              ...last.outcomes
                .filter((o) => o.outcome === "conflict")
                .map((o) => ({
                  agency: o.submission.agency!,
                  version: o.submission.version!,
                  hash: o.submission.hash,
                  file: o.submission.file,
                })),
            ];
          }
          expect(contributionHashes(last!)).toEqual(contributionHashes(once));
          expect(last!.conflicts.map((c) => [c.agency, c.version])).toEqual(
            once.conflicts.map((c) => [c.agency, c.version]),
          );
        },
      ),
      { seed: 20231130, numRuns: 1000 },
    );
  });

  it("a second different file with the version already accepted is a conflict in a later run too", () => {
    const a = sub("SNV", 1, "ha") as AcceptedSubmission;
    const b = sub("SNV", 1, "hb");
    const run2 = mergeSubmissions({ period: PERIOD, prior: [a], incoming: [b] });
    expect(run2.contributions.get("SNV")).toBeUndefined();
    expect(outcomeList(run2)).toEqual([`${a.file}:conflict`, `${b.file}:conflict`]);
    // Remembered: the first file sent again does not win back its place.
    const claims = run2.outcomes.map((o) => ({
      agency: "SNV",
      version: 1,
      hash: o.submission.hash,
      file: o.submission.file,
    }));
    const run3 = mergeSubmissions({ period: PERIOD, prior: [], priorConflicts: claims, incoming: [a] });
    expect(run3.contributions.get("SNV")).toBeUndefined();
    expect(run3.conflicts).toHaveLength(1);
    // A higher version resolves it.
    const v2 = sub("SNV", 2, "h2");
    const run4 = mergeSubmissions({ period: PERIOD, prior: [], priorConflicts: claims, incoming: [v2] });
    expect(run4.contributions.get("SNV")?.hash).toBe("h2");
    expect(run4.conflicts).toEqual([]);
  });

  it("merging a newer version of an agency equals merging only that version", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 5 }), (v, step) => {
        const older = sub("SNV", v, `old${v}`);
        const newer = sub("SNV", v + step, `new${v + step}`);
        const both = mergeSubmissions({ period: PERIOD, prior: [], incoming: [older, newer] });
        const only = mergeSubmissions({ period: PERIOD, prior: [], incoming: [newer] });
        expect(both.contributions.get("SNV")).toBe(newer);
        expect(contributionHashes(both)).toEqual(contributionHashes(only));
        // Also when the older one is already in the rollup: the newer replaces it.
        const later = mergeSubmissions({
          period: PERIOD,
          prior: [older as AcceptedSubmission],
          incoming: [newer],
        });
        expect(later.contributions.get("SNV")).toBe(newer);
        expect(later.outcomes[0].outcome).toBe("replaced");
      }),
      { seed: 20231213, numRuns: 200 },
    );
  });

  it("changes nothing when the same file is merged again, or twice in one batch", () => {
    const a = sub("SNV", 1, "h1") as AcceptedSubmission;
    const again = mergeSubmissions({
      period: PERIOD,
      prior: [a],
      incoming: [a, { ...a, file: "copy.xlsx" }],
    });
    expect(again.contributions.get("SNV")).toBe(a);
    expect(again.outcomes.map((o) => o.outcome)).toEqual(["unchanged", "unchanged"]);
    const twice = mergeSubmissions({
      period: PERIOD,
      prior: [],
      incoming: [a, { ...a, file: "b-copy.xlsx" }],
    });
    expect(twice.outcomes.map((o) => `${o.submission.file}:${o.outcome}`)).toEqual([
      "SNV-v1-h1.xlsx:added",
      "b-copy.xlsx:duplicate",
    ]);
  });

  it("reports two different files with the same agency, period and version as a conflict, picking neither", () => {
    const prior = sub("SNV", 1, "h0") as AcceptedSubmission;
    const x = sub("SNV", 2, "hx");
    const y = sub("SNV", 2, "hy");
    const r = mergeSubmissions({ period: PERIOD, prior: [prior], incoming: [y, x] });
    // As when all three arrive in one run: the newest version is in conflict, so nothing counts.
    expect(r.contributions.get("SNV")).toBeUndefined();
    expect(r.conflicts).toEqual([{ agency: "SNV", version: 2, files: [x.file, y.file] }]);
    expect(r.outcomes.map((o) => `${o.submission.hash}:${o.outcome}`)).toEqual([
      "h0:superseded",
      "hx:conflict",
      "hy:conflict",
    ]);
    expect(r.outcomes[1].reasons[0].code).toBe("SUBMISSION_CONFLICT");
    const once = mergeSubmissions({ period: PERIOD, prior: [], incoming: [prior, y, x] });
    expect(contributionHashes(once)).toEqual(contributionHashes(r));
  });

  it("rejects workbooks with errors with their reasons, accepts those with warnings only, and rejects another period", () => {
    const err = problem("COUNT_NEGATIVE", {
      indicator: { code: "HS_TRE_HAN", name: "Số hồ sơ quá hạn", unit: "hồ sơ" },
    });
    const warn = problem("FIGURE_NOT_FILLED", {
      indicator: { code: "HS_TRE_HAN", name: "Số hồ sơ quá hạn", unit: "hồ sơ" },
    });
    const bad = sub("SXD", 1, "e", { problems: [err], errorCount: 1 });
    const ok = sub("STP", 1, "w", { problems: [warn], warningCount: 1 });
    const q3 = sub("SYT", 1, "q", { period: makePeriod("quarter", 2023, 3) });
    const r = mergeSubmissions({ period: PERIOD, prior: [], incoming: [bad, ok, q3] });
    expect([...r.contributions.keys()]).toEqual(["STP"]);
    const by = new Map(r.outcomes.map((o) => [o.submission.agency, o]));
    expect(by.get("SXD")!.outcome).toBe("rejected");
    expect(by.get("SXD")!.reasons).toEqual([err]);
    expect(by.get("SYT")!.outcome).toBe("wrong_period");
    expect(by.get("SYT")!.reasons[0].code).toBe("PERIOD_MISMATCH");
  });

  it("keeps a returned submission on record without counting it, until a newer version arrives", () => {
    const v1 = sub("SNV", 1, "h1") as AcceptedSubmission;
    const r = mergeSubmissions({
      period: PERIOD,
      prior: [v1],
      incoming: [],
      returns: [{ agency: "SNV", reason: "Thiếu minh chứng" }],
    });
    expect(r.returned.get("SNV")).toEqual({ agency: "SNV", version: 1, reason: "Thiếu minh chứng" });
    const v2 = sub("SNV", 2, "h2");
    const after = mergeSubmissions({
      period: PERIOD,
      prior: [v1],
      incoming: [v2],
      returns: [...r.returned.values()],
    });
    expect(after.returned.size).toBe(0);
    expect(after.contributions.get("SNV")).toBe(v2);
  });
});

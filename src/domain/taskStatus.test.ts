import fc from "fast-check";
import { foldKey } from "./text/normalize";
import {
  isApplicable,
  isDone,
  parseTaskStatus,
  TASK_STATUSES,
  taskStatusLabel,
  type TaskStatus,
} from "./taskStatus";

describe("parseTaskStatus", () => {
  it.each<[string, TaskStatus]>([
    ["Hoàn thành", "done"],
    ["Hoàn thành quá hạn", "done_late"],
    ["Hoàn thành trễ hạn", "done_late"], // the older wording, still read
    ["Đang thực hiện", "in_progress"],
    ["Chưa thực hiện", "not_started"],
    ["Không phát sinh", "not_applicable"],
    ["Done", "done"],
    ["Done late", "done_late"],
    ["In progress", "in_progress"],
    ["Not started", "not_started"],
    ["Not applicable", "not_applicable"],
  ])("reads the label %p", (text, status) => {
    expect(parseTaskStatus(text)).toBe(status);
  });

  it("ignores diacritics, case, spacing and NFC/NFD form", () => {
    expect(parseTaskStatus("hoan thanh tre han")).toBe("done_late");
    expect(parseTaskStatus("  HOÀN   THÀNH ")).toBe("done");
    expect(parseTaskStatus("Đang thực hiện".normalize("NFD"))).toBe("in_progress");
    expect(parseTaskStatus("dang thuc hien.")).toBe("in_progress");
  });

  it("reads common aliases", () => {
    expect(parseTaskStatus("Đã hoàn thành")).toBe("done");
    expect(parseTaskStatus("Hoàn thành chậm")).toBe("done_late");
    expect(parseTaskStatus("Đang triển khai")).toBe("in_progress");
    expect(parseTaskStatus("N/A")).toBe("not_applicable");
  });

  it("names nothing for other text", () => {
    expect(parseTaskStatus("")).toBeUndefined();
    expect(parseTaskStatus("Hoàn")).toBeUndefined();
    expect(parseTaskStatus("Hoàn thành 80%")).toBeUndefined();
    expect(parseTaskStatus("x")).toBeUndefined();
  });

  it("round-trips every label in both languages", () => {
    for (const s of TASK_STATUSES) {
      expect(parseTaskStatus(taskStatusLabel(s.status, "vi"))).toBe(s.status);
      expect(parseTaskStatus(taskStatusLabel(s.status, "en"))).toBe(s.status);
    }
  });

  it("never throws on arbitrary text", () => {
    const codes = new Set(TASK_STATUSES.map((s) => s.status));
    fc.assert(
      fc.property(fc.string(), (text) => {
        const s = parseTaskStatus(text);
        return s === undefined || codes.has(s);
      }),
      { seed: 20231213, numRuns: 500 },
    );
  });
});

describe("status classes", () => {
  it("counts done and done late as done, nothing else", () => {
    expect(TASK_STATUSES.filter((s) => isDone(s.status)).map((s) => s.status)).toEqual(["done", "done_late"]);
  });

  it("leaves only 'Không phát sinh' out of completion shares", () => {
    expect(TASK_STATUSES.filter((s) => !isApplicable(s.status)).map((s) => s.vi)).toEqual([
      "Không phát sinh",
    ]);
  });

  it("labels statuses in Vietnamese by default", () => {
    // "quá hạn" as on the official forms (Biểu 06/VPCP/KSTT), not "trễ hạn".
    expect(taskStatusLabel("done_late")).toBe("Hoàn thành quá hạn");
    expect(taskStatusLabel("not_started", "en")).toBe("Not started");
  });

  it("has no alias shared by two statuses", () => {
    const seen = new Map<string, TaskStatus>();
    for (const s of TASK_STATUSES) {
      for (const label of [s.vi, s.en, ...s.aliases]) {
        const key = foldKey(label);
        expect(seen.get(key) ?? s.status).toBe(s.status);
        seen.set(key, s.status);
      }
    }
  });
});

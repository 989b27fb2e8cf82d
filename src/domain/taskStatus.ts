// Task progress statuses (tình trạng thực hiện nhiệm vụ) as agencies type them in report sheets.
// Matching is diacritics-insensitive (foldKey), so "Hoan thanh", "HOÀN THÀNH" and NFD text all count.
// Whether a completion was on time is computed from the deadline elsewhere; "Hoàn thành quá hạn" (the
// official forms say "quá hạn"; "trễ hạn" is still read) is accepted because people type it, and it
// still counts as done.
import { foldKey } from "./text/normalize";

/** Stable status codes: the data model; labels are for people. */
export type TaskStatus = "done" | "done_late" | "in_progress" | "not_started" | "not_applicable";

export interface TaskStatusInfo {
  readonly status: TaskStatus;
  /** Vietnamese label, as offered in report dropdowns. */
  readonly vi: string;
  /** English label. */
  readonly en: string;
  /** Other spellings people use, matched diacritics-insensitively. */
  readonly aliases: readonly string[];
}

/** The status set, in dropdown order. */
export const TASK_STATUSES: readonly TaskStatusInfo[] = [
  {
    status: "done",
    vi: "Hoàn thành",
    en: "Done",
    aliases: ["Đã hoàn thành", "Hoàn thành đúng hạn", "Completed", "Complete"],
  },
  {
    status: "done_late",
    vi: "Hoàn thành quá hạn",
    en: "Done late",
    aliases: ["Hoàn thành trễ hạn", "Hoàn thành chậm", "Hoàn thành muộn", "Completed late"],
  },
  {
    status: "in_progress",
    vi: "Đang thực hiện",
    en: "In progress",
    aliases: ["Đang triển khai", "Đang triển khai thực hiện"],
  },
  {
    status: "not_started",
    vi: "Chưa thực hiện",
    en: "Not started",
    aliases: ["Chưa triển khai", "Chưa triển khai thực hiện"],
  },
  {
    status: "not_applicable",
    vi: "Không phát sinh",
    en: "Not applicable",
    aliases: ["Không áp dụng", "N/A"],
  },
];

// Folded key → status, built once: parsing sits on the custom functions' hot path.
const BY_KEY: ReadonlyMap<string, TaskStatus> = new Map(
  TASK_STATUSES.flatMap((s) =>
    [s.vi, s.en, ...s.aliases].map((label) => [foldKey(label), s.status] as const),
  ),
);

// Labels exactly as listed: most cells hold one, found without folding.
const BY_LABEL: ReadonlyMap<string, TaskStatus> = new Map(
  TASK_STATUSES.flatMap((s) => [s.vi, s.en, ...s.aliases].map((label) => [label, s.status] as const)),
);

const INFO: ReadonlyMap<TaskStatus, TaskStatusInfo> = new Map(TASK_STATUSES.map((s) => [s.status, s]));

/** The status a cell's text names ("Hoàn thành", "hoan thanh", "Done late" …); undefined when it names none. */
export function parseTaskStatus(text: string): TaskStatus | undefined {
  return BY_LABEL.get(text) ?? BY_KEY.get(foldKey(text));
}

/** Label of a status in Vietnamese (default) or English. */
export function taskStatusLabel(status: TaskStatus, lang: "vi" | "en" = "vi"): string {
  const info = INFO.get(status);
  if (!info) throw new Error(`Unknown task status: ${String(status)}`); // a bug, not user data
  return lang === "vi" ? info.vi : info.en;
}

/** Completed, on time or late. */
export function isDone(status: TaskStatus): boolean {
  return status === "done" || status === "done_late";
}

/** Whether the task counts in a completion share: "Không phát sinh" (nothing to do this period) does not. */
export function isApplicable(status: TaskStatus): boolean {
  return status !== "not_applicable";
}

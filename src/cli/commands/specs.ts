// The commands `cchc` knows: name, one-line description, and where the rest lives. main.ts lists them
// all in `cchc --help` from here, and loads only the module of the command being run (its options,
// help text and action), so start-up reads a handful of small files.
import type { Command } from "commander";

export interface CommandSpec {
  name: string;
  description: string;
  /** The module that adds the command's options, help and action to `cmd`. */
  load: () => Promise<{ register(cmd: Command, program: Command): void }>;
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "plan",
    description: "Đọc kế hoạch CCHC và báo lỗi / Read a CCHC plan workbook and report its problems",
    load: () => import("./plan"),
  },
  {
    name: "template",
    description:
      "Tạo biểu mẫu báo cáo cho một cơ quan, một kỳ / Generate an agency's report workbook for a period",
    load: () => import("./template"),
  },
  {
    name: "validate",
    description:
      "Kiểm tra báo cáo của cơ quan theo kế hoạch / Validate agency report workbooks against the plan",
    load: () => import("./validate"),
  },
  {
    name: "consolidate",
    description:
      "Tổng hợp báo cáo của các cơ quan thành bảng tổng hợp / Consolidate agency reports into the rollup",
    load: () => import("./consolidate"),
  },
  {
    name: "demo",
    description: "Chạy thử tổng hợp trên dữ liệu mẫu / Run the consolidation end to end on generated reports",
    load: () => import("./demo"),
  },
];

// The problem-code table of docs/FORMAT.md, generated from the catalogue (the other generated tables
// are in docTables.ts; tests/docs/format.test.ts checks both; `UPDATE_DOCS=1 npx jest tests/docs`
// rewrites them).
import { PROBLEMS, PROBLEM_CODES, type ProblemTopic } from "./problemCatalogue";

const TOPIC_ORDER: readonly ProblemTopic[] = [
  "file",
  "structure",
  "info",
  "identity",
  "tasks",
  "figures",
  "text",
  "rollup",
  "plan",
];

/** Markdown rows (without alignment padding): code, severity, area, meaning, what to do. */
export function problemCodeRows(): string[][] {
  const codes = [...PROBLEM_CODES].sort(
    (a, b) => TOPIC_ORDER.indexOf(PROBLEMS[a].topic) - TOPIC_ORDER.indexOf(PROBLEMS[b].topic),
  );
  return codes.map((code) => {
    const e = PROBLEMS[code] as {
      severity: string;
      also?: readonly string[];
      topic: string;
      meaning: string;
      todo_en: unknown;
    };
    const severity = [e.severity, ...(e.also ?? [])].join(" / ");
    const todo = typeof e.todo_en === "string" ? e.todo_en : "(depends on the value)";
    return [`\`${code}\``, severity, e.topic, e.meaning, todo.replace(/\|/g, "\\|")];
  });
}

export const PROBLEM_TABLE_HEADER = ["Code", "Severity", "Area", "Meaning", "What to do"];

/** The table as Markdown (prettier may re-pad it; tests compare cell by cell). */
export function problemCodeTable(): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(PROBLEM_TABLE_HEADER),
    line(PROBLEM_TABLE_HEADER.map(() => "---")),
    ...problemCodeRows().map(line),
  ].join("\n");
}

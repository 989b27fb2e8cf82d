// The generated tables of docs/FORMAT.md beyond the problem codes: every one comes from a definition
// (a sheet table, the info fields, the indicator catalogue, the report schedule, the registry schema)
// or the bundled data, so the documentation cannot drift from the code. tests/docs/format.test.ts
// compares each table cell by cell; `UPDATE_DOCS=1 npx jest tests/docs` rewrites them.
import { fieldLabels, tableKeys, type FieldTable, type TableDef } from "./sheetTable";

/** A table for the docs: its header cells and its rows (Markdown inline text, `|` escaped). */
export interface DocTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const esc = (s: string): string => s.replace(/\|/g, "\\|");
export const code = (s: string): string => `\`${s}\``;

/** The table as Markdown (prettier may re-pad it; the test compares cell by cell). */
export function markdownTable(t: DocTable): string {
  const line = (cells: readonly string[]) => `| ${cells.map(esc).join(" | ")} |`;
  return [line(t.header), line(t.header.map(() => "---")), ...t.rows.map(line)].join("\n");
}

/** A sheet table's columns: header (aliases), who fills it, whether the reader requires it, content. */
export function sheetTableDoc(t: TableDef<string>): DocTable {
  return {
    header: ["Header (alternatives)", "Filled by", "Required", "Content"],
    rows: tableKeys(t).map((k) => {
      const c = t[k];
      const aliases = (c.aliases ?? []).map(code).join(", ");
      return [
        `${code(c.header)}${aliases ? ` (${aliases})` : ""}`,
        c.filledBy,
        c.required ? "yes" : "no",
        c.description,
      ];
    }),
  };
}

/** A label/value sheet's rows: label (alternatives), whether it is required, what the value holds. */
export function fieldTableDoc(t: FieldTable<string>): DocTable {
  return {
    header: ["Label (alternatives)", "Required", "Value"],
    rows: Object.values(t).map((f) => {
      const [label, ...aliases] = fieldLabels(f);
      return [
        `${code(label)}${aliases.length ? ` (${aliases.map(code).join(", ")})` : ""}`,
        f.required === "warning" ? "yes (warning if blank)" : f.required ? "yes" : "no",
        f.description,
      ];
    }),
  };
}

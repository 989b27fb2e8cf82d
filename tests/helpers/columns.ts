// Column indexes of the report's sheets by key, from their table definitions (INFO_TABLE, TASK_TABLE,
// FIGURE_TABLE): tests edit fixtures through these, never by position. No other imports, so the
// taskpane's jsdom tests can use it too.
import { FIGURE_TABLE, INFO_TABLE, TASK_TABLE } from "../../src/domain/report/layout";
import { tableColumn } from "../../src/domain/sheetTable";

export const I = {
  label: tableColumn(INFO_TABLE, "label"),
  value: tableColumn(INFO_TABLE, "value"),
};
export const T = {
  code: tableColumn(TASK_TABLE, "code"),
  status: tableColumn(TASK_TABLE, "status"),
  doneDate: tableColumn(TASK_TABLE, "doneDate"),
  evidence: tableColumn(TASK_TABLE, "evidence"),
};
export const F = {
  code: tableColumn(FIGURE_TABLE, "code"),
  value: tableColumn(FIGURE_TABLE, "value"),
  note: tableColumn(FIGURE_TABLE, "note"),
};

// The CLI (files on disk, node:crypto) and the taskpane (picked bytes, Web Crypto) take files in through
// one pipeline: the same bytes give the same intake, whichever shell reads them.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { intakeFile } from "../../src/cli/consolidate/intake";
import { parsePeriod, type Period } from "../../src/domain/period";
import { intakePicked } from "../../src/taskpane/logic/intake";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { examplePlan, filledReport } from "../helpers/fixtures";

const Q2 = (parsePeriod("2023-Q2") as { ok: true; period: Period }).period;

async function both(file: string) {
  const ctx = { ...examplePlan(), expectedPeriod: Q2 };
  const cli = await intakeFile(file, ctx);
  const pane = await intakePicked(
    { name: file, bytes: new Uint8Array(readFileSync(file)), lastModified: statSync(file).mtimeMs },
    ctx,
  );
  return { cli, pane };
}

describe("one intake for both shells", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "cchc-intake-"));

  it("a report: same hash, kind and submission", async () => {
    const wb = XlsxWorkbook.create();
    await wb.writeSheets(filledReport("STP", Q2));
    const file = path.join(dir, "stp.xlsx");
    writeFileSync(file, await wb.toBuffer());
    const { cli, pane } = await both(file);
    expect(cli.kind).toBe("report");
    expect(cli.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(cli.submissions[0].agency).toBe("STP");
    expect({ file: pane.file, hash: pane.hash, kind: pane.kind, submissions: pane.submissions }).toEqual(cli);
  });

  it("a file that is not a workbook: the same rejection", async () => {
    const file = path.join(dir, "not.xlsx");
    writeFileSync(file, "hello");
    const { cli, pane } = await both(file);
    expect(cli.kind).toBe("unreadable");
    expect(pane.submissions[0].problems.map((p) => p.code)).toEqual(
      cli.submissions[0].problems.map((p) => p.code),
    );
    expect(pane.hash).toBe(cli.hash);
  });
});

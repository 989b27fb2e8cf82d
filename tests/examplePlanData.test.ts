// The bundled 2023 plan (examples/data/plan-2023.json, transcribed from seed 001 by
// scripts/transcribe-seed-plan.ts) keeps every row of the appendix in order.
import planJson from "../examples/data/plan-2023.json";

type Row = { kind: string; stt: string; title?: string; task?: string; lead?: string; deadline?: string };
const rows = planJson.rows as Row[];

describe("examples/data/plan-2023.json", () => {
  it("states what it is", () => {
    expect(planJson).toMatchObject({
      schemaVersion: 1,
      year: 2023,
      title: "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2023",
    });
    expect(planJson.source).toContain("2621/QĐ-UBND");
  });

  it("has the eight sections I–VIII in order, with the seed's number of rows each", () => {
    const counts: Record<string, number> = {};
    let section = "";
    for (const r of rows) {
      if (r.kind === "section") counts[(section = r.stt)] = 0;
      else counts[section]++;
    }
    expect(counts).toEqual({ I: 11, II: 5, III: 10, IV: 5, V: 8, VI: 6, VII: 10, VIII: 4 });
  });

  it("uses only the row numbers the seed uses", () => {
    for (const r of rows.filter((x) => x.kind === "task")) expect(r.stt).toMatch(/^(\d{1,2}\.?|[a-z]\)|)$/);
    expect(rows.filter((r) => r.kind === "task" && r.stt === "").length).toBe(4);
    expect(rows.filter((r) => r.kind === "task" && /\)$/.test(r.stt)).map((r) => r.task)).toEqual([
      "Tuyển dụng công chức.",
      "Tuyển dụng viên chức.",
    ]);
  });

  it("fills lead and deadline on every task row except the one group header (V.2)", () => {
    const empty = rows.filter((r) => r.kind === "task" && (!r.lead || !r.deadline));
    expect(empty.map((r) => r.stt)).toEqual(["2"]);
    expect(rows[rows.indexOf(empty[0]) + 1].stt).toBe("a)");
  });

  it("joins wrapped lines and undoes the hyphen artefacts only", () => {
    const values = rows.flatMap((r) => Object.values(r));
    expect(values.filter((v) => /\s{2}|\n|^\s|\s$/.test(v))).toEqual([]);
    const text = values.join(" ");
    expect(text).not.toMatch(/NĐ- CP|QĐ- UBND/);
    expect(text).toContain("Nghị định số 09/2019/NĐ-CP");
    expect(text).toContain("kinh tế - xã hội");
  });
});

// Issue 16, "clear errors, not internal errors": every I/O failure on the output is exit 2 with a
// Vietnamese message naming the file and the fix (the old rollup intact, no temp file left); a file
// name in Latin-1 bytes is read; files a folder holds but that are not taken are listed with why.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, promises as fsp, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EXAMPLE_PLAN_XLSX } from "../../src/cli/exampleData";
import { parsePeriod, type Period } from "../../src/domain/period";
import { nodeAtomicFs } from "../../src/workbook/xlsx/atomicWrite";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { filledReport } from "../helpers/fixtures";
import { runCli } from "../helpers/runCli";

const Q2 = (parsePeriod("2023-Q2") as { ok: true; period: Period }).period;
const PLAN = EXAMPLE_PLAN_XLSX;
const sha = async (f: string) =>
  createHash("sha256")
    .update(await fsp.readFile(f))
    .digest("hex");
const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

let dir: string;
let stpBytes: Buffer;
let snv: string;

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "cchc-clear-"));
  const wb = XlsxWorkbook.create();
  await wb.writeSheets(filledReport("STP", Q2));
  stpBytes = await wb.toBuffer();
  const w2 = XlsxWorkbook.create();
  await w2.writeSheets(filledReport("SNV", Q2));
  snv = path.join(dir, "SNV.xlsx");
  await w2.saveAtomic(snv);
});

const consolidate = (...args: string[]) =>
  runCli("consolidate", "--plan", PLAN, "--period", "2023-Q2", ...args);

describe("an I/O failure writing the output: exit 2, the path and the fix, nothing lost", () => {
  it.each([
    ["ENOSPC", "write", "hết chỗ trống"],
    ["EDQUOT", "write", "hạn mức"],
    ["EROFS", "open", "chỉ cho đọc"],
    ["EACCES", "open", "không có quyền ghi"],
    ["EIO", "write", "lỗi đọc/ghi"],
  ] as const)("%s during %s", async (code, step, text) => {
    const out = path.join(dir, `out-${code}.xlsx`);
    const stp = path.join(dir, "STP.xlsx");
    await fsp.writeFile(stp, stpBytes);
    expect((await consolidate(stp, "-o", out)).code).toBe(0);
    const before = await sha(out);
    const spy = jest.spyOn(nodeAtomicFs, step).mockRejectedValue(errno(code));
    try {
      const res = await consolidate(snv, "-o", out);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain(`Không ghi được tệp kết quả ${out}`);
      expect(res.stderr).toContain(text);
      expect(res.stderr).toContain(code);
      expect(res.stderr).not.toMatch(/\n\s+at /);
    } finally {
      spy.mockRestore();
    }
    expect(await sha(out)).toBe(before);
    expect((await fsp.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(`${out}.lock`)).toBe(false);
  });

  // Siblings: the other commands that write files map the same failures the same way.
  it.each([
    ["plan new", (out: string) => ["plan", "new", "--year", "2027", "--from", PLAN, "-o", out]],
    [
      "template",
      (out: string) => ["template", "--plan", PLAN, "--agency", "STP", "--period", "2023-Q2", "-o", out],
    ],
  ] as const)(
    "cchc %s: disk full while writing is exit 2 naming the file, no temp file left",
    async (_c, args) => {
      const out = path.join(dir, `full-${_c.replace(" ", "-")}.xlsx`);
      const spy = jest.spyOn(nodeAtomicFs, "write").mockRejectedValue(errno("ENOSPC"));
      try {
        const res = await runCli(...args(out));
        expect(res.code).toBe(2);
        expect(res.stderr).toContain(`Không ghi được tệp kết quả ${out}`);
        expect(res.stderr).toContain("hết chỗ trống");
      } finally {
        spy.mockRestore();
      }
      expect(existsSync(out)).toBe(false);
      expect((await fsp.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    },
  );

  it("a lock file that cannot be filled (disk full) is removed, not left behind empty", async () => {
    const out = path.join(dir, "lock-full.xlsx");
    const { promises } = jest.requireActual<typeof import("node:fs")>("node:fs");
    const open = promises.open.bind(promises);
    const spy = jest.spyOn(promises, "open").mockImplementation(async (file, flags, mode) => {
      const h = await open(file, flags, mode);
      if (String(file).endsWith(".lock")) h.writeFile = () => Promise.reject(errno("ENOSPC"));
      return h;
    });
    try {
      const res = await consolidate(snv, "-o", out);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain("Không tạo được tệp khóa");
      expect(res.stderr).toContain("ENOSPC");
    } finally {
      spy.mockRestore();
    }
    expect(existsSync(`${out}.lock`)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it("cchc demo --out naming a file: exit 2 saying so, not an internal error", async () => {
    const file = path.join(dir, "demo-is-a-file");
    await fsp.writeFile(file, "x");
    const res = await runCli("demo", "--out", file);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("là một tệp, không phải thư mục");
    expect(await fsp.readFile(file, "utf8")).toBe("x");
  });

  it("an output that is not .xlsx: exit 2 before anything is read", async () => {
    const res = await consolidate(snv, "-o", path.join(dir, "tong-hop.xlsm"));
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("phải có đuôi .xlsx");
  });
});

describe("file names and what a folder holds", () => {
  it("a report whose name is Latin-1 bytes (not UTF-8) is read, shown with its letters", async () => {
    const folder = path.join(dir, "latin1");
    await fsp.mkdir(folder);
    writeFileSync(
      Buffer.concat([Buffer.from(`${folder}/`), Buffer.from("B\xe1o c\xe1o STP.xlsx", "latin1")]),
      stpBytes,
    );
    const res = await consolidate(folder, "--dry-run", "--json");
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout) as { outcomes: { file: string; outcome: string }[] };
    expect(doc.outcomes).toEqual([
      expect.objectContaining({ file: path.join(folder, "Báo cáo STP.xlsx"), outcome: "added" }),
    ]);
  });

  it("a Latin-1 name typed on the command line (Node sees U+FFFD) is found and read, for validate and consolidate", async () => {
    const folder = path.join(dir, "latin1-arg");
    await fsp.mkdir(folder);
    writeFileSync(
      Buffer.concat([Buffer.from(`${folder}/`), Buffer.from("B\xe1o c\xe1o STP.xlsx", "latin1")]),
      stpBytes,
    );
    // What Node makes of the bytes the shell passes: each invalid byte becomes U+FFFD.
    const typed = path.join(folder, "B\uFFFDo c\uFFFDo STP.xlsx");
    const v = await runCli("validate", "--plan", PLAN, "--period", "2023-Q2", typed);
    expect(v.code).toBe(0);
    expect(v.stdout).not.toContain("UNREADABLE");
    const res = await consolidate(typed, "--dry-run", "--json");
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout) as { outcomes: { file: string; outcome: string }[] };
    expect(doc.outcomes).toEqual([
      expect.objectContaining({ file: path.join(folder, "Báo cáo STP.xlsx"), outcome: "added" }),
    ]);
  });

  it("a symlinked report in a folder is read; a linked folder, a broken link and a pipe are listed, never read", async () => {
    const folder = path.join(dir, "links");
    await fsp.mkdir(folder);
    const real = path.join(dir, "STP-real.xlsx");
    await fsp.writeFile(real, stpBytes);
    await fsp.symlink(real, path.join(folder, "STP.xlsx"));
    await fsp.symlink(dir, path.join(folder, "thu-muc"));
    await fsp.symlink(path.join(dir, "khong-co.xlsx"), path.join(folder, "gay.xlsx"));
    spawnSync("mkfifo", [path.join(folder, "ong.xlsx")]);
    const res = await consolidate(folder, "--dry-run", "--json");
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout) as {
      outcomes: { file: string; outcome: string }[];
      skipped: { file: string; vi: string }[];
    };
    expect(doc.outcomes).toEqual([
      expect.objectContaining({ file: path.join(folder, "STP.xlsx"), outcome: "added" }),
    ]);
    expect(doc.skipped.map((s) => [path.basename(s.file), s.vi.split(/[:;(]/)[0].trim()])).toEqual([
      ["gay.xlsx", "liên kết"],
      ["ong.xlsx", "không phải tệp thông thường"],
      ["thu-muc", "liên kết"],
    ]);
    // Named on the command line, a pipe is listed too (reading it would never end).
    const piped = await consolidate(path.join(folder, "ong.xlsx"), real, "--dry-run");
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain("không phải tệp thông thường");
  });

  it("an output under a path whose folder is a file: exit 2 saying so (not 'open in another program')", async () => {
    const res = await consolidate(snv, "-o", path.join(snv, "tong-hop.xlsx"));
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("một phần của đường dẫn là tệp, không phải thư mục");
  });

  it("files with no extension or a space after .xlsx are listed as not taken, with why", async () => {
    const folder = path.join(dir, "odd-names");
    await fsp.mkdir(folder);
    await fsp.writeFile(path.join(folder, "STP.xlsx"), stpBytes);
    await fsp.writeFile(path.join(folder, "SNV"), stpBytes);
    await fsp.writeFile(path.join(folder, "SYT.xlsx "), stpBytes);
    await fsp.writeFile(path.join(folder, "ghi-chu.txt"), "x");
    const res = await consolidate(folder, "--dry-run");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("Không lấy (2 tệp");
    expect(res.stdout).toContain(`${path.join(folder, "SNV")}: tệp không có phần mở rộng`);
    expect(res.stdout).toContain(
      `${path.join(folder, "SYT.xlsx ")}: tên tệp có dấu cách hoặc dấu chấm sau phần mở rộng`,
    );
    const json = await consolidate(folder, "--dry-run", "--json");
    const doc = JSON.parse(json.stdout) as { skipped: { file: string }[] };
    expect(doc.skipped.map((s) => path.basename(s.file))).toEqual(["SNV", "SYT.xlsx "]);
  });
});

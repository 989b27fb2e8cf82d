// A fake Excel request context for the Office.js adapter: commands are queued on proxy objects and
// applied in order at `sync()`, like Office.js. It counts syncs and can fail on demand, so tests can
// check batching, chunking and the commit without Excel. It is strict where Office.js is documented
// to be (so the adapter cannot lean on kindness Excel does not have):
// - `load()` honours the properties asked for; reading any other throws PropertyNotLoaded;
// - a whole request and a whole response are each limited to 5 MB, counted in UTF-8 bytes;
// - in a written array `null` leaves the cell unchanged and `""` clears it;
// - written text is parsed as typed in a vi-VN Excel ("1.704" → 1704, "1,5" → 1.5, "50%" → 0.5,
//   "01/02/2023" → a date, "TRUE" → true, "#REF!" → an error, "=…" → a formula) unless it starts
//   with an apostrophe; formula cells read back their computed value;
// - sheets keep their identity through renames; deleting a sheet turns formulas that point at it
//   into #REF! (as Excel does), renaming one rewrites them;
// - activating a hidden sheet, a sheet name over 31 characters (or with : \ / ? * [ ]), and a cell
//   over 32,767 characters are refused; with `editMode` set every sync fails with
//   InvalidOperationInCellEditMode, as Excel does while the user is typing in a cell.
/// <reference types="office-js" />
import { columnLetters } from "../../src/domain/cell";

export const WEB_LIMIT = 5 * 1024 * 1024;
const MAX_ROW = 1048575;
const MAX_COL = 16383;

export type Stored = string | number | boolean | { formula: string } | { error: string };
/** Excel's limits on a sheet name and on the text of one cell. */
export const MAX_SHEET_NAME = 31;
export const MAX_CELL_CHARS = 32_767;

export interface FakeSheet {
  id: number;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, Stored>;
  numberFormats: Map<string, string>;
  /** Format properties set, in order: { address, key: "fill.color", value }. */
  formats: { address: string; key: string; value: unknown }[];
  validations: { address: string; key: string; value: unknown }[];
  conditionalFormats: { address: string; type: string; props: Record<string, unknown> }[];
  charts: { type: string; props: Record<string, unknown>; calls: string[] }[];
  frozenRows: number;
  protected: boolean;
  /** Set by a test: the sheet is protected with a password the add-in does not know. */
  password?: string;
  protectOptions?: unknown;
  merged: string[];
  selected?: string;
}

export interface Op {
  kind: string;
  sheet?: string;
  detail?: string;
  bytes: number;
  run: () => void;
}

export interface SyncRecord {
  ops: number;
  /** Request bytes (UTF-8). */
  bytes: number;
  /** Response bytes (UTF-8) of what the sync's loads returned. */
  response: number;
  kinds: string[];
}

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const letters = columnLetters;

export function parseBox(address: string): Box {
  if (address === "") return { r0: 0, c0: 0, r1: MAX_ROW, c1: MAX_COL };
  const part = (p: string): { r?: number; c?: number } => {
    const m = /^\$?([A-Z]*)\$?(\d*)$/i.exec(p.trim());
    if (!m) throw new Error(`InvalidArgument: bad address ${address}`);
    return { c: m[1] ? colIndex(m[1]) : undefined, r: m[2] ? Number(m[2]) - 1 : undefined };
  };
  const [a, b = a] = address.split(":").map(part);
  return {
    r0: a.r ?? 0,
    c0: a.c ?? 0,
    r1: b.r ?? (a.r === undefined ? MAX_ROW : a.r),
    c1: b.c ?? (a.c === undefined ? MAX_COL : a.c),
  };
}

const inside = (a: Box, b: Box): boolean => a.r0 >= b.r0 && a.r1 <= b.r1 && a.c0 >= b.c0 && a.c1 <= b.c1;
const quoteSheet = (n: string): string =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`;
const boxAddress = (b: Box): string => `${letters(b.c0)}${b.r0 + 1}:${letters(b.c1)}${b.r1 + 1}`;
const key = (r: number, c: number): string => `${r},${c}`;
/** UTF-8 bytes of a value as JSON: how a request or response is measured. */
export const bytesOf = (v: unknown): number =>
  v === undefined ? 0 : Buffer.byteLength(JSON.stringify(v), "utf8");

const ERROR_TEXTS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"];

/** A vi-VN number as typed: "." groups thousands, "," is the decimal mark; "(5)" is -5; "x%" a share. */
function viNumber(t: string): number | undefined {
  const m = /^([+-]?)(\()?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(\))?(%)?$/.exec(t);
  if (!m || !!m[2] !== !!m[5]) return undefined;
  let n = Number(`${m[3].replace(/\./g, "")}.${m[4] ?? "0"}`);
  if (m[1] === "-" || m[2]) n = -n;
  return m[6] ? n / 100 : n;
}

/** A vi-VN date as typed (d/m/yyyy) as an Excel serial. */
function viDate(t: string): number | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return undefined;
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** How Excel stores a value written through `range.values`, as typed in a vi-VN Excel. */
export function store(v: unknown): Stored | undefined {
  if (v === "" || v === null || v === undefined) return undefined;
  if (typeof v !== "string") return v as Stored;
  if (v.startsWith("'")) return v.slice(1); // the quote prefix: the rest is text
  const t = v.trim();
  if (/^=/.test(t) && t.length > 1) return { formula: t };
  const n = viNumber(t);
  if (n !== undefined) return n;
  const d = viDate(t);
  if (d !== undefined) return d;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  if (ERROR_TEXTS.includes(t.toUpperCase())) return { error: t.toUpperCase() };
  if (/^[+-]/.test(t) && t.length > 1) return { formula: `=${t}` }; // "+84 90" typed is a formula
  return v;
}

function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** A workbook's state plus a factory of request contexts over it. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  /** While true, every sync fails as Excel does while a cell is being edited. */
  editMode = false;
  /** The newest ExcelApi version this fake Excel supports. */
  apiVersion = "1.13";
  syncs: SyncRecord[] = [];
  calls = { suspendCalc: 0, suspendScreen: 0, calculate: 0 };
  /** Throw (as Excel would) when this returns true for an op about to run. */
  failWhen?: (op: Op, syncIndex: number) => boolean;
  /** Refuse responses over the limit (for reading). */
  responseLimit = WEB_LIMIT;
  private nextId = 1;
  private queue: Op[] = [];

  constructor(names: string[] = ["Sheet1"]) {
    for (const n of names) this.addSheet(n);
  }

  addSheet(name: string): FakeSheet {
    const s: FakeSheet = {
      id: this.nextId++,
      name,
      visibility: "Visible",
      cells: new Map(),
      numberFormats: new Map(),
      formats: [],
      validations: [],
      conditionalFormats: [],
      charts: [],
      frozenRows: 0,
      protected: false,
      merged: [],
    };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Put a grid at A1 of a sheet (test setup; bypasses the queue). */
  setGrid(name: string, grid: unknown[][], at = { row: 0, col: 0 }): FakeSheet {
    const s = this.sheet(name) ?? this.addSheet(name);
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        const st = store(v);
        if (st !== undefined) s.cells.set(key(r + at.row, c + at.col), st);
      }),
    );
    return s;
  }

  /** A sheet's used range from A1 as a grid of stored values (null for empty). */
  grid(name: string): (Stored | null)[][] {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    const b = usedBox(s);
    if (!b) return [];
    const out: (Stored | null)[][] = [];
    for (let r = 0; r <= b.r1; r++) {
      const row: (Stored | null)[] = [];
      for (let c = 0; c <= b.c1; c++) row.push(s.cells.get(key(r, c)) ?? null);
      out.push(row);
    }
    return out;
  }

  /** Whether an ExcelApi version is supported (pass as the adapter's `apiSupport`). */
  supportsApi = (version: string): boolean =>
    Number(version.split(".")[1] ?? 0) <= Number(this.apiVersion.split(".")[1] ?? 0);

  /** A sheet's used range from A1 as Excel's `values` would show it (formulas computed). */
  values(name: string): unknown[][] {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    const b = usedBox(s);
    if (!b) return [];
    const out: unknown[][] = [];
    for (let r = 0; r <= b.r1; r++) {
      const row: unknown[] = [];
      for (let c = 0; c <= b.c1; c++) row.push(this.valueAt(s, r, c));
      out.push(row);
    }
    return out;
  }

  /** What `values` shows for one cell: "" when empty, a formula's computed value, an error's text. */
  valueAt(s: FakeSheet, r: number, c: number, depth = 0): unknown {
    const v = s.cells.get(key(r, c));
    if (v === undefined) return "";
    if (typeof v !== "object") return v;
    if ("error" in v) return v.error;
    return this.evaluate(v.formula, s, depth);
  }

  /** A small formula evaluator: a cell reference (on this or another sheet), or arithmetic. */
  private evaluate(formula: string, at: FakeSheet, depth: number): unknown {
    if (depth > 20) return "#REF!";
    const body = formula.replace(/^=/, "").trim();
    if (body.includes("#REF!")) return "#REF!";
    const ref = /^(?:'((?:[^']|'')+)'|([^'!:\s]+))?!?\$?([A-Z]+)\$?(\d+)$/i.exec(body);
    if (ref && (ref[1] || ref[2] || /^\$?[A-Z]+\$?\d+$/i.test(body))) {
      const sheetName = ref[1]?.replace(/''/g, "'") ?? ref[2];
      const target = sheetName ? this.sheet(sheetName) : at;
      if (!target) return "#REF!";
      const v = this.valueAt(target, Number(ref[4]) - 1, colIndex(ref[3]), depth + 1);
      return v === "" ? 0 : v;
    }
    if (/^[\d.+\-*/() ]+$/.test(body)) {
      const n = Number(new Function(`return (${body});`)());
      return Number.isFinite(n) ? n : "#DIV/0!";
    }
    return "#NAME?";
  }

  /** Formulas elsewhere follow a renamed sheet, as Excel rewrites them. */
  renameReferences(from: string, to: string): void {
    const quoted = (n: string) => `'${n.replace(/'/g, "''")}'`;
    for (const s of this.sheets)
      for (const [k, v] of s.cells)
        if (typeof v === "object" && "formula" in v && v.formula.includes(`${quoted(from)}!`))
          s.cells.set(k, { formula: v.formula.split(`${quoted(from)}!`).join(`${quoted(to)}!`) });
  }

  /** Formulas elsewhere pointing at a deleted sheet become #REF!, as in Excel. */
  breakReferences(name: string): void {
    const quoted = `'${name.replace(/'/g, "''")}'!`;
    for (const s of this.sheets)
      for (const [k, v] of s.cells)
        if (typeof v === "object" && "formula" in v && v.formula.includes(quoted))
          s.cells.set(k, { formula: v.formula.split(quoted).join("#REF!") });
  }

  /** The sheet last activated. */
  active?: FakeSheet;

  /** Run a batch as Excel.run would: a fresh context over this workbook. */
  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.queue = [];
    return batch(this.context() as unknown as Excel.RequestContext);
  };

  enqueue(op: Omit<Op, "bytes"> & { bytes?: number }): void {
    this.queue.push({ bytes: 40, ...op });
  }

  /** Bytes of the response being built by the current sync (loads add to it). */
  responseBytes = 0;

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const bytes = ops.reduce((n, o) => n + o.bytes, 0);
    const index = this.syncs.length;
    const record: SyncRecord = { ops: ops.length, bytes, response: 0, kinds: ops.map((o) => o.kind) };
    this.syncs.push(record);
    if (this.editMode) throw officeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    if (bytes > WEB_LIMIT)
      throw officeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
      );
    this.responseBytes = 0;
    for (const op of ops) {
      if (this.failWhen?.(op, index)) throw officeError("GeneralException", `injected failure at ${op.kind}`);
      op.run();
    }
    record.response = this.responseBytes;
    if (this.responseBytes > this.responseLimit)
      throw officeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit.",
      );
  }

  private context() {
    const fx = this; // eslint-disable-line @typescript-eslint/no-this-alias
    const application = {
      suspendApiCalculationUntilNextSync: () => void fx.calls.suspendCalc++,
      suspendScreenUpdatingUntilNextSync: () => void fx.calls.suspendScreen++,
      calculate: () => void fx.calls.calculate++,
    };
    const worksheets = new WorksheetCollectionProxy(fx);
    return { workbook: { worksheets, application }, sync: () => fx.sync() };
  }
}

/** The properties a load asked for: "a,b" → ["a", "b"]. For a collection (`prefix` "items/") both
 * "items/a" and "a" name the items' property, as in Office.js; an empty set means "all". */
function requested(props: string | undefined, prefix = ""): Set<string> {
  return new Set(
    (props ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "" && p !== "items")
      .map((p) => (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p)),
  );
}

/** Excel's rules for a sheet name. */
function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > MAX_SHEET_NAME || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name))
    throw officeError("InvalidArgument", `invalid sheet name "${name}"`);
}

function usedBox(s: FakeSheet): Box | undefined {
  let b: Box | undefined;
  for (const k of s.cells.keys()) {
    const [r, c] = k.split(",").map(Number);
    if (!b) b = { r0: r, c0: c, r1: r, c1: c };
    else {
      b.r0 = Math.min(b.r0, r);
      b.c0 = Math.min(b.c0, c);
      b.r1 = Math.max(b.r1, r);
      b.c1 = Math.max(b.c1, c);
    }
  }
  return b;
}

/** Sets on nested objects (range.format.fill.color = x) become queued ops. */
function recorder(onSet: (path: string, value: unknown) => void, path = ""): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get: (_t, prop) =>
      typeof prop === "string" ? recorder(onSet, path ? `${path}.${prop}` : prop) : undefined,
    set: (_t, prop, value) => {
      onSet(path ? `${path}.${String(prop)}` : String(prop), value);
      return true;
    },
  });
}

class Loadable {
  protected loaded: Record<string, unknown> = {};
  private nullResolved?: boolean;
  protected requireLoaded(prop: string): unknown {
    if (!(prop in this.loaded)) throw officeError("PropertyNotLoaded", `${prop} not loaded`);
    return this.loaded[prop];
  }
  get isNullObject(): boolean {
    if (this.nullResolved === undefined) throw officeError("PropertyNotLoaded", "isNullObject before sync");
    return this.nullResolved;
  }
  protected resolvedNull(v: boolean): void {
    this.nullResolved = v;
  }
}

class WorksheetCollectionProxy extends Loadable {
  constructor(private readonly fx: FakeExcel) {
    super();
  }
  get items(): WorksheetProxy[] {
    return this.requireLoaded("items") as WorksheetProxy[];
  }
  load(props?: string): this {
    const wanted = requested(props, "items/");
    this.fx.enqueue({
      kind: "load:worksheets",
      run: () => {
        this.loaded.items = this.fx.sheets.map((s, i) => {
          const p = new WorksheetProxy(this.fx, () => s);
          p.snapshot(s, i, wanted);
          this.fx.responseBytes += bytesOf(s.name) + 20;
          return p;
        });
      },
    });
    return this;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.fx, () => {
      const s = this.fx.sheet(name);
      if (!s) throw officeError("ItemNotFound", `no sheet ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    const p = new WorksheetProxy(this.fx, () => this.fx.sheet(name), true);
    this.fx.enqueue({ kind: "resolve:worksheet", run: () => p.resolveNow() });
    return p;
  }
  add(name: string): WorksheetProxy {
    let created: FakeSheet | undefined;
    this.fx.enqueue({
      kind: "add:worksheet",
      sheet: name,
      run: () => {
        checkSheetName(name);
        if (this.fx.sheet(name)) throw officeError("ItemAlreadyExists", `sheet ${name} exists`);
        created = this.fx.addSheet(name);
      },
    });
    return new WorksheetProxy(this.fx, () => created!);
  }
}

class WorksheetProxy extends Loadable {
  private bound?: FakeSheet | null;
  freezePanes: { freezeRows: (n: number) => void; unfreeze: () => void };
  protection: {
    protect: (opts?: unknown) => void;
    unprotect: () => void;
    load: (props?: string) => void;
    readonly protected: boolean;
  };
  charts: {
    add: (type: string, range: RangeProxy, by?: string) => Record<string, unknown>;
    load: (props?: string) => void;
    readonly items: { name: string; delete: () => void }[];
  };

  constructor(
    private readonly fx: FakeExcel,
    private readonly resolver: () => FakeSheet | undefined,
    private readonly nullable = false,
  ) {
    super();
    const self = this; // eslint-disable-line @typescript-eslint/no-this-alias
    this.freezePanes = {
      freezeRows: (n) => this.op("freezeRows", () => (this.sheet().frozenRows = n)),
      unfreeze: () => this.op("unfreeze", () => (this.sheet().frozenRows = 0)),
    };
    const protection = new (class extends Loadable {
      get protected(): boolean {
        return this.requireLoaded("protected") as boolean;
      }
      load(_props?: string) {
        fx.enqueue({ kind: "load:protection", run: () => (this.loaded.protected = self.sheet().protected) });
      }
    })();
    this.protection = Object.assign(protection, {
      protect: (opts?: unknown) =>
        this.op("protect", () => {
          const s = this.sheet();
          if (s.protected) throw officeError("InvalidOperation", "the sheet is already protected");
          s.protected = true;
          s.protectOptions = opts;
        }),
      unprotect: () =>
        this.op("unprotect", () => {
          const s = this.sheet();
          if (s.protected && s.password) throw officeError("AccessDenied", "The password is incorrect.");
          s.protected = false;
          s.protectOptions = undefined;
        }),
    });
    const charts = new (class extends Loadable {
      get items() {
        return this.requireLoaded("items") as { name: string; delete: () => void }[];
      }
      load(props?: string) {
        const wanted = requested(props, "items/");
        fx.enqueue({
          kind: "load:charts",
          run: () =>
            (this.loaded.items = self.sheet().charts.map((chart) => ({
              get name(): string {
                if (wanted.size > 0 && !wanted.has("name"))
                  throw officeError("PropertyNotLoaded", "name not loaded");
                return String(chart.props.name ?? "");
              },
              delete: () =>
                self.op("chart:delete", () => {
                  const s = self.sheet();
                  s.charts = s.charts.filter((c) => c !== chart);
                }),
            }))),
        });
      }
    })();
    this.charts = Object.assign(charts, {
      add: (type: string, range: RangeProxy, _by?: string) => this.addChart(type, range),
    });
  }

  /** The sheet this proxy refers to (bound on first use, like Office's object paths). */
  sheet(): FakeSheet {
    if (this.bound === undefined) this.bound = this.resolver() ?? null;
    if (!this.bound) throw officeError("ItemNotFound", "worksheet not found");
    return this.bound;
  }
  resolveNow(): void {
    this.bound = this.resolver() ?? null;
    this.resolvedNull(this.bound === null);
  }
  snapshot(s: FakeSheet, position: number, wanted?: Set<string>): void {
    this.bound = s;
    const all: Record<string, unknown> = {
      name: s.name,
      visibility: s.visibility,
      position,
      id: String(s.id),
    };
    this.loaded = {};
    for (const k of Object.keys(all))
      if (!wanted || wanted.size === 0 || wanted.has(k)) this.loaded[k] = all[k];
  }
  op(kind: string, run: () => void, bytes = 40, detail?: string): void {
    this.fx.enqueue({
      kind,
      detail,
      bytes,
      run: () => {
        const s = this.sheet();
        if (
          s.protected &&
          /^(values|numberFormat|format|validation|clear|copyFrom|conditionalFormat)/.test(kind)
        )
          throw officeError("AccessDenied", "The sheet is protected");
        run();
      },
    });
  }

  get name(): string {
    return this.requireLoaded("name") as string;
  }
  set name(v: string) {
    this.op("rename", () => {
      const s = this.sheet();
      checkSheetName(v);
      const clash = this.fx.sheet(v);
      if (clash && clash !== s) throw officeError("ItemAlreadyExists", `sheet ${v} exists`);
      this.fx.renameReferences(s.name, v);
      s.name = v;
    });
  }
  get visibility(): string {
    return this.requireLoaded("visibility") as string;
  }
  set visibility(v: string) {
    this.op("visibility", () => (this.sheet().visibility = v as FakeSheet["visibility"]));
  }
  get position(): number {
    return this.requireLoaded("position") as number;
  }
  set position(p: number) {
    this.op("position", () => {
      const s = this.sheet();
      const list = this.fx.sheets.filter((x) => x !== s);
      list.splice(Math.min(p, list.length), 0, s);
      this.fx.sheets = list;
    });
  }
  load(props?: string): this {
    this.fx.enqueue({
      kind: "load:worksheet",
      run: () => this.snapshot(this.sheet(), this.fx.sheets.indexOf(this.sheet()), requested(props)),
    });
    return this;
  }
  delete(): void {
    this.op("delete", () => {
      const s = this.sheet();
      const visible = this.fx.sheets.filter((x) => x.visibility === "Visible" && x !== s);
      if (visible.length === 0) throw officeError("InvalidOperation", "cannot delete the last visible sheet");
      this.fx.sheets = this.fx.sheets.filter((x) => x !== s);
      this.fx.breakReferences(s.name);
    });
  }
  activate(): void {
    this.op("activate", () => {
      if (this.sheet().visibility !== "Visible")
        throw officeError("InvalidOperation", "a hidden sheet cannot be activated");
      this.fx.active = this.sheet();
    });
  }
  getRange(address = ""): RangeProxy {
    return new RangeProxy(this.fx, this, () => parseBox(address));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.fx, this, () => ({
      r0: row,
      c0: col,
      r1: row + rows - 1,
      c1: col + cols - 1,
    }));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    const p = new RangeProxy(this.fx, this, () => {
      const s = this.nullable ? this.resolver() : this.sheet();
      return s ? usedBox(s) : undefined;
    });
    this.fx.enqueue({ kind: "resolve:usedRange", run: () => p.resolveNow() });
    return p;
  }
  queue(kind: string, run: () => void, bytes?: number, detail?: string): void {
    this.op(kind, run, bytes, detail);
  }

  private addChart(type: string, range: RangeProxy): Record<string, unknown> {
    const chart = { type, props: {} as Record<string, unknown>, calls: [] as string[] };
    this.op("chart:add", () => {
      chart.calls.push(`source ${boxAddress(range.box())}`);
      this.sheet().charts.push(chart);
    });
    const call = (name: string) => (arg?: unknown) =>
      this.op(`chart:${name}`, () =>
        chart.calls.push(`${name} ${arg instanceof RangeProxy ? boxAddress(arg.box()) : String(arg)}`),
      );
    const series = (label: string) => ({
      set name(v: string) {
        chart.calls.push(`${label}.name=${v}`);
      },
      setXAxisValues: call(`${label}.setXAxisValues`),
      setValues: call(`${label}.setValues`),
    });
    const props = (root: string) =>
      recorder((path, value) => this.op(`chart:${path}`, () => (chart.props[path] = value)), root);
    const op = (kind: string, run: () => void) => this.op(kind, run);
    return {
      set name(v: string) {
        op("chart:name", () => (chart.props.name = v));
      },
      title: props("title"),
      legend: props("legend"),
      axes: props("axes"),
      series: { getItemAt: (i: number) => series(`series${i}`), add: (n: string) => series(`series(${n})`) },
      setPosition: call("setPosition"),
    };
  }
}

class RangeProxy extends Loadable {
  private resolved?: Box | null;
  format: Record<string, unknown>;
  dataValidation: Record<string, unknown> & { clear: () => void };
  conditionalFormats: { add: (type: string) => Record<string, unknown>; clearAll: () => void };

  constructor(
    private readonly fx: FakeExcel,
    private readonly ws: WorksheetProxy,
    private readonly boxer: () => Box | undefined,
  ) {
    super();
    this.format = recorder((path, value) =>
      this.ws.queue(`format:${path}`, () =>
        this.ws.sheet().formats.push({ address: this.address1(), key: path, value }),
      ),
    );
    const validation = recorder((path, value) =>
      this.ws.queue(`validation:${path}`, () =>
        this.ws.sheet().validations.push({ address: this.address1(), key: path, value }),
      ),
    );
    const clearValidation = () =>
      this.ws.queue("validation:clear", () => {
        const s = this.ws.sheet();
        s.validations = s.validations.filter((v) => !inside(parseBox(v.address), this.box()));
      });
    this.dataValidation = new Proxy(validation, {
      get: (t, prop) => (prop === "clear" ? clearValidation : Reflect.get(t, prop)),
    }) as Record<string, unknown> & { clear: () => void };
    this.conditionalFormats = {
      add: (type) => {
        const entry = { address: "", type, props: {} as Record<string, unknown> };
        this.ws.queue("conditionalFormat:add", () => {
          entry.address = this.address1();
          this.ws.sheet().conditionalFormats.push(entry);
        });
        return recorder((path, value) =>
          this.ws.queue(`conditionalFormat:${path}`, () => (entry.props[path] = value)),
        );
      },
      clearAll: () =>
        this.ws.queue("conditionalFormat:clearAll", () => {
          const s = this.ws.sheet();
          s.conditionalFormats = s.conditionalFormats.filter((f) => !inside(parseBox(f.address), this.box()));
        }),
    };
  }

  box(): Box {
    if (this.resolved === undefined) this.resolved = this.boxer() ?? null;
    if (!this.resolved) throw officeError("ItemNotFound", "range is a null object");
    return this.resolved;
  }
  resolveNow(): void {
    try {
      this.resolved = this.boxer() ?? null;
    } catch {
      this.resolved = null;
    }
    this.resolvedNull(this.resolved === null);
  }
  private address1(): string {
    return boxAddress(this.box());
  }
  private checkShape(v: unknown[][], what: string, broadcast = false): void {
    if (broadcast && v.length === 1 && v[0].length === 1) return; // a 1×1 array applies to every cell
    const b = this.box();
    const rows = b.r1 - b.r0 + 1;
    const cols = b.c1 - b.c0 + 1;
    if (v.length !== rows || v.some((r) => r.length !== cols))
      throw officeError(
        "InvalidArgument",
        `${what}: ${v.length}x${v[0]?.length} does not fit ${boxAddress(b)}`,
      );
  }

  set values(v: unknown[][]) {
    this.ws.queue(
      "values",
      () => {
        this.checkShape(v, "values");
        const b = this.box();
        const cells = this.ws.sheet().cells;
        v.forEach((row, i) =>
          row.forEach((x, j) => {
            if (x === null) return; // null leaves the cell as it is
            // The quote prefix is not part of the cell's text.
            if (typeof x === "string" && x.replace(/^'/, "").length > MAX_CELL_CHARS)
              throw officeError("InvalidArgument", `a cell holds at most ${MAX_CELL_CHARS} characters`);
            const st = store(x);
            if (st === undefined) cells.delete(key(b.r0 + i, b.c0 + j));
            else cells.set(key(b.r0 + i, b.c0 + j), st);
          }),
        );
      },
      bytesOf(v),
    );
  }
  /** Clear contents and formats (not data validation or conditional formats: they have their own). */
  clear(applyTo = "All"): void {
    this.ws.queue(`clear:${applyTo}`, () => {
      const b = this.box();
      const s = this.ws.sheet();
      const drop = (m: Map<string, unknown>) => {
        for (const k of [...m.keys()]) {
          const [r, c] = k.split(",").map(Number);
          if (r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1) m.delete(k);
        }
      };
      if (applyTo === "All" || applyTo === "Contents") drop(s.cells);
      if (applyTo === "All" || applyTo === "Formats") {
        drop(s.numberFormats);
        s.formats = s.formats.filter((f) => !inside(parseBox(f.address), b) || f.key === "columnWidth");
      }
    });
  }
  /** Copy cells, number formats, formats, validations and conditional formats (ExcelApi 1.9); column
   * widths, frozen panes and charts do not travel with copied cells. */
  copyFrom(source: RangeProxy, copyType = "All"): void {
    this.ws.queue("copyFrom", () => {
      const from = source.box();
      const to = this.box();
      const src = source.ws.sheet();
      const dst = this.ws.sheet();
      const dr = to.r0 - from.r0;
      const dc = to.c0 - from.c0;
      const shift = (a: string): string => {
        const x = parseBox(a);
        return boxAddress({ r0: x.r0 + dr, c0: x.c0 + dc, r1: x.r1 + dr, c1: x.c1 + dc });
      };
      const within = (k: string) => {
        const [r, c] = k.split(",").map(Number);
        return r >= from.r0 && r <= from.r1 && c >= from.c0 && c <= from.c1 ? [r + dr, c + dc] : undefined;
      };
      if (copyType === "All" || copyType === "Values")
        for (const [k, v] of [...src.cells]) {
          const at = within(k);
          if (at) dst.cells.set(key(at[0], at[1]), v);
        }
      if (copyType === "All" || copyType === "Formats") {
        for (const [k, v] of [...src.numberFormats]) {
          const at = within(k);
          if (at) dst.numberFormats.set(key(at[0], at[1]), v);
        }
        for (const f of src.formats.filter((f) => inside(parseBox(f.address), from)))
          dst.formats.push({ ...f, address: shift(f.address) });
      }
      if (copyType === "All") {
        for (const v of src.validations.filter((v) => inside(parseBox(v.address), from)))
          dst.validations.push({ ...v, address: shift(v.address) });
        for (const f of src.conditionalFormats.filter((f) => inside(parseBox(f.address), from)))
          dst.conditionalFormats.push({ ...f, address: shift(f.address) });
      }
    });
  }
  get values(): unknown[][] {
    return this.requireLoaded("values") as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this.ws.queue(
      "numberFormat",
      () => {
        this.checkShape(v, "numberFormat", true);
        const b = this.box();
        const formats = this.ws.sheet().numberFormats;
        for (let r = b.r0; r <= b.r1; r++)
          for (let c = b.c0; c <= b.c1; c++) {
            const f = v.length === 1 && v[0].length === 1 ? v[0][0] : v[r - b.r0][c - b.c0];
            formats.set(key(r, c), String(f));
          }
      },
      bytesOf(v),
    );
  }
  get rowIndex(): number {
    return this.requireLoaded("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.requireLoaded("columnIndex") as number;
  }
  get rowCount(): number {
    return this.requireLoaded("rowCount") as number;
  }
  get columnCount(): number {
    return this.requireLoaded("columnCount") as number;
  }
  get address(): string {
    return this.requireLoaded("address") as string;
  }
  load(props = ""): this {
    const wanted = requested(props);
    this.fx.enqueue({
      kind: "load:range",
      run: () => {
        if (this.resolved === null) return;
        const b = this.box();
        const s = this.ws.sheet();
        const all: Record<string, () => unknown> = {
          rowIndex: () => b.r0,
          columnIndex: () => b.c0,
          rowCount: () => b.r1 - b.r0 + 1,
          columnCount: () => b.c1 - b.c0 + 1,
          address: () => `${quoteSheet(s.name)}!${boxAddress(b)}`,
          values: () => {
            const values: unknown[][] = [];
            for (let r = b.r0; r <= b.r1; r++) {
              const row: unknown[] = [];
              for (let c = b.c0; c <= b.c1; c++) row.push(this.fx.valueAt(s, r, c));
              values.push(row);
            }
            return values;
          },
        };
        this.loaded = {};
        for (const p of wanted) {
          if (!(p in all)) continue;
          this.loaded[p] = all[p]();
          this.fx.responseBytes += bytesOf(this.loaded[p]);
        }
      },
    });
    return this;
  }
  select(): void {
    this.ws.queue("select", () => (this.ws.sheet().selected = this.address1()));
  }
  getMergedAreasOrNullObject(): Record<string, unknown> {
    const self = this; // eslint-disable-line @typescript-eslint/no-this-alias
    const result = new (class extends Loadable {
      get areas() {
        return this.requireLoaded("areas");
      }
      load() {
        self.fx.enqueue({
          kind: "load:merged",
          run: () => {
            let sheet: FakeSheet | undefined;
            try {
              sheet = self.ws.sheet();
            } catch {
              sheet = undefined;
            }
            const merged = sheet?.merged ?? [];
            this.resolvedNull(merged.length === 0);
            this.loaded.areas = { items: merged.map((m) => ({ address: `'${sheet?.name}'!${m}` })) };
          },
        });
        return this;
      }
    })();
    return result as unknown as Record<string, unknown>;
  }
}

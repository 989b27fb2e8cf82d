// A fake Excel request context for the Office.js adapter: commands are queued on proxy objects and
// applied in order at `sync()`, like Office.js. It counts syncs, measures each request's payload
// (refusing requests over Excel on the web's 5 MB, as the web does), and can fail on demand, so
// tests can check batching, chunking and the staging swap without Excel.
/// <reference types="office-js" />
import { columnLetters } from "../../src/domain/cell";

export const WEB_LIMIT = 5 * 1024 * 1024;
const MAX_ROW = 1048575;
const MAX_COL = 16383;

export type Stored = string | number | boolean | { formula: string };

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
  bytes: number;
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

const boxAddress = (b: Box): string => `${letters(b.c0)}${b.r0 + 1}:${letters(b.c1)}${b.r1 + 1}`;
const key = (r: number, c: number): string => `${r},${c}`;
const bytesOf = (v: unknown): number => (v === undefined ? 0 : JSON.stringify(v).length);

/** How Excel stores a value written through `range.values` (the parts that matter here). */
function store(v: unknown): Stored | undefined {
  if (v === "" || v === null || v === undefined) return undefined;
  if (typeof v !== "string") return v as Stored;
  if (v.startsWith("'")) return v.slice(1);
  if (/^[=+-]/.test(v) && v.length > 1) return { formula: v };
  if (/^\d+([.,]\d+)?$/.test(v)) return Number(v.replace(",", "."));
  return v;
}

function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** A workbook's state plus a factory of request contexts over it. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
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

  /** Run a batch as Excel.run would: a fresh context over this workbook. */
  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.queue = [];
    return batch(this.context() as unknown as Excel.RequestContext);
  };

  enqueue(op: Omit<Op, "bytes"> & { bytes?: number }): void {
    this.queue.push({ bytes: 40, ...op });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const bytes = ops.reduce((n, o) => n + o.bytes, 0);
    const index = this.syncs.length;
    this.syncs.push({ ops: ops.length, bytes, kinds: ops.map((o) => o.kind) });
    if (bytes > WEB_LIMIT)
      throw officeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
      );
    for (const op of ops) {
      if (this.failWhen?.(op, index)) throw officeError("GeneralException", `injected failure at ${op.kind}`);
      op.run();
    }
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
  load(_props?: string): this {
    this.fx.enqueue({
      kind: "load:worksheets",
      run: () => {
        this.loaded.items = this.fx.sheets.map((s, i) => {
          const p = new WorksheetProxy(this.fx, () => s);
          p.snapshot(s, i);
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
        if (this.fx.sheet(name)) throw officeError("ItemAlreadyExists", `sheet ${name} exists`);
        created = this.fx.addSheet(name);
      },
    });
    return new WorksheetProxy(this.fx, () => created!);
  }
}

class WorksheetProxy extends Loadable {
  private bound?: FakeSheet | null;
  freezePanes: { freezeRows: (n: number) => void };
  protection: { protect: (opts?: unknown) => void };
  charts: { add: (type: string, range: RangeProxy, by?: string) => Record<string, unknown> };

  constructor(
    private readonly fx: FakeExcel,
    private readonly resolver: () => FakeSheet | undefined,
    private readonly nullable = false,
  ) {
    super();
    this.freezePanes = {
      freezeRows: (n) => this.op("freezeRows", () => (this.sheet().frozenRows = n)),
    };
    this.protection = {
      protect: (opts) =>
        this.op("protect", () => {
          const s = this.sheet();
          s.protected = true;
          s.protectOptions = opts;
        }),
    };
    this.charts = { add: (type, range, _by) => this.addChart(type, range) };
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
  snapshot(s: FakeSheet, position: number): void {
    this.bound = s;
    this.loaded = { name: s.name, visibility: s.visibility, position };
  }
  private op(kind: string, run: () => void, bytes = 40, detail?: string): void {
    this.fx.enqueue({
      kind,
      detail,
      bytes,
      run: () => {
        const s = this.sheet();
        if (s.protected && /^(values|numberFormat|format|validation)/.test(kind))
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
      const clash = this.fx.sheet(v);
      if (clash && clash !== s) throw officeError("ItemAlreadyExists", `sheet ${v} exists`);
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
  load(_props?: string): this {
    this.fx.enqueue({
      kind: "load:worksheet",
      run: () => this.snapshot(this.sheet(), this.fx.sheets.indexOf(this.sheet())),
    });
    return this;
  }
  delete(): void {
    this.op("delete", () => {
      const s = this.sheet();
      const visible = this.fx.sheets.filter((x) => x.visibility === "Visible" && x !== s);
      if (visible.length === 0) throw officeError("InvalidOperation", "cannot delete the last visible sheet");
      this.fx.sheets = this.fx.sheets.filter((x) => x !== s);
    });
  }
  activate(): void {
    this.op("activate", () => undefined);
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
    return {
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
  dataValidation: Record<string, unknown>;
  conditionalFormats: { add: (type: string) => Record<string, unknown> };

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
    this.dataValidation = recorder((path, value) =>
      this.ws.queue(`validation:${path}`, () =>
        this.ws.sheet().validations.push({ address: this.address1(), key: path, value }),
      ),
    );
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
            const st = store(x);
            if (st === undefined) cells.delete(key(b.r0 + i, b.c0 + j));
            else cells.set(key(b.r0 + i, b.c0 + j), st);
          }),
        );
      },
      bytesOf(v),
    );
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
    this.fx.enqueue({
      kind: "load:range",
      run: () => {
        if (this.resolved === null) return;
        const b = this.box();
        const s = this.ws.sheet();
        this.loaded = {
          rowIndex: b.r0,
          columnIndex: b.c0,
          rowCount: b.r1 - b.r0 + 1,
          columnCount: b.c1 - b.c0 + 1,
          address: `${s.name}!${boxAddress(b)}`,
        };
        if (props.includes("values")) {
          const values: unknown[][] = [];
          for (let r = b.r0; r <= b.r1; r++) {
            const row: unknown[] = [];
            for (let c = b.c0; c <= b.c1; c++) {
              const v = s.cells.get(key(r, c));
              row.push(v === undefined ? "" : typeof v === "object" ? "#FORMULA" : v);
            }
            values.push(row);
          }
          if (bytesOf(values) > this.fx.responseLimit)
            throw officeError(
              "ResponsePayloadSizeLimitExceeded",
              "The response payload size has exceeded the limit.",
            );
          this.loaded.values = values;
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

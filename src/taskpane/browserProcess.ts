// The `process` global of the browser bundles (webpack's ProvidePlugin): the `process` package, with
// `nextTick` as a microtask as in Node. The package's nextTick waits for a setTimeout, and the
// Node-stream stand-ins (browserify-zlib, readable-stream) take several ticks per chunk, so reading
// one workbook in the page waited ~50 ms on timers (clamped to 4 ms each) — most of a
// consolidation's time (issue 12: 300 files took ~50 s, mostly idle).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proc = require("process/browser") as {
  nextTick: (fn: (...a: unknown[]) => void, ...args: unknown[]) => void;
};

proc.nextTick = (fn, ...args) => queueMicrotask(() => fn(...args));

export default proc;

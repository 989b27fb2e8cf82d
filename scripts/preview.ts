// `npm run preview`: build the web page (dist-preview/, webpack.preview.config.js; `--build`), saying
// what it does while webpack works, then serve it on 127.0.0.1. PREVIEW_PORT picks the port (default
// 0: any free one); the address is printed.
// The end-to-end tests start the same server in-process with startPreviewServer().
import { createReadStream, promises as fsp } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";

export const PREVIEW_DIR = path.resolve(__dirname, "..", "dist-preview");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

export interface PreviewServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serve `dir` read-only on 127.0.0.1:`port` (0: any free port). */
export async function startPreviewServer(dir = PREVIEW_DIR, port = 0): Promise<PreviewServer> {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.resolve(root, "." + (pathname.endsWith("/") ? `${pathname}index.html` : pathname));
    // Nothing outside the folder, whatever the URL says.
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405).end();
    if (file !== root && !file.startsWith(root + path.sep)) return void res.writeHead(403).end();
    const stat = await fsp.stat(file).catch(() => null);
    if (!stat?.isFile()) return void res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Content-Length": stat.size,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") return void res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => done());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    server,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Build dist-preview/ with webpack's Node API, printing a line per tenth of the way. */
async function build(): Promise<void> {
  // Loaded only here: serving alone (and the e2e tests) need no webpack.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config and webpack's API
  const webpack = require("webpack") as typeof import("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFor = require("../webpack.preview.config.js") as (
    env: object,
    argv: { mode: string },
  ) => import("webpack").Configuration;
  const config = configFor({}, { mode: "production" });
  const started = Date.now();
  const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
  console.log(
    "Đang build bản web bằng webpack (1–2 phút lần đầu)… / Building the web page with webpack (1–2 minutes the first time)…",
  );
  let shown = -1;
  config.plugins = [
    ...(config.plugins ?? []),
    new webpack.ProgressPlugin((fraction, message) => {
      const tenth = Math.floor(fraction * 10);
      if (tenth <= shown) return;
      shown = tenth;
      console.log(`  ${String(tenth * 10).padStart(3)}%  ${message}  (${seconds()})`);
    }),
  ];
  await new Promise<void>((done, fail) => {
    webpack(config, (err, stats) => {
      if (err) return fail(err);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      done();
    });
  });
  console.log(`Đã build xong / Built in ${seconds()}: ${path.relative(process.cwd(), PREVIEW_DIR)}/`);
}

async function main(): Promise<void> {
  if (process.argv.includes("--build")) await build();
  const index = path.join(PREVIEW_DIR, "index.html");
  if (!(await fsp.stat(index).catch(() => null))) {
    console.error("Chưa có bản web: chạy `npm run preview` (tự build) hoặc");
    console.error("No web page built: run `npm run preview` (builds first) or");
    console.error("  npx webpack --config webpack.preview.config.js --mode production");
    process.exit(1);
  }
  const port = Number(process.env.PREVIEW_PORT ?? 0);
  const { url } = await startPreviewServer(PREVIEW_DIR, Number.isInteger(port) && port >= 0 ? port : 0);
  console.log(`Bản web CCHC / CCHC web page: ${url}  (Ctrl+C để dừng / to stop)`);
}

if (require.main === module)
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });

// Bundles for the Excel add-in, written to dist/: the custom functions (functions.js plus the
// functions.json metadata generated from their JSDoc), the React taskpane (taskpane.html, which also
// loads functions.js: taskpane and functions share one runtime), the commands page, the icons, a help
// page and manifest.xml.
//
//   npx webpack --mode production     # dist/
//   npx webpack --mode development    # unminified, inline source maps
//   npx webpack serve --mode development   # https://localhost:3000 with office-addin-dev-certs
//
// ADDIN_PUBLIC_URL (or --env publicUrl=…) is where dist/ will be hosted, e.g.
// https://cchc.example.gov.vn/addin/ : every https://localhost:3000/ in the copied manifest becomes it.
// Help links in functions.json point at HELP_URL_PLACEHOLDER; the build rewrites them (and sets
// allowErrorForDataTypeAny, so error cells reach the functions) to
// functions-help.html (docs/FUNCTIONS.md rendered into dist/, served with the add-in), or to
// CCHC_DOCS_URL (or --env docsUrl=…) when the docs are published elsewhere.
const path = require("node:path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
// webpack's own JS minimizer (what `optimization.minimizer` uses by default), to exclude one chunk.
const MinimizerPlugin = require("minimizer-webpack-plugin");
const { marked } = require("marked");
const functionSources = require("./src/functions/metadataSources.json");

const HELP_URL_PLACEHOLDER = "https://cchc.example.invalid/docs/FUNCTIONS.md";
const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

const withSlash = (url) => (url.endsWith("/") ? url : `${url}/`);

/** The manifest for a host: every occurrence of the dev URL replaced (not only the first). */
function manifestFor(xml, publicUrl) {
  if (!publicUrl) return xml;
  const base = withSlash(publicUrl);
  const origin = new URL(base).origin;
  return xml.split(DEV_URL).join(base).split(DEV_URL.replace(/\/$/, "")).join(origin);
}

const FUNCTIONS_HELP_PAGE = "functions-help.html";

/** docs/FUNCTIONS.md as a page; each "## NAME" heading gets the id its @helpurl anchor names. */
function functionsHelpHtml(markdown) {
  const renderer = new marked.Renderer();
  renderer.heading = function ({ tokens, depth }) {
    const text = this.parser.parseInline(tokens);
    const id = text
      .toLowerCase()
      .replace(/<[^>]+>/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    return `<h${depth} id="${id}">${text}</h${depth}>\n`;
  };
  const body = marked.parse(markdown, { renderer });
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Hàm CCHC / CCHC functions</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:52rem;margin:1rem auto;padding:0 1rem;line-height:1.5}
code{background:#f3f3f3;padding:0 .2em}pre{background:#f3f3f3;padding:.5rem;overflow:auto}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem}</style></head>
<body>${body}</body></html>
`;
}

/** One bundle per entry: dist/<name>.js. */
const entries = {
  functions: "./src/functions/index.ts",
  taskpane: "./src/taskpane/index.tsx",
  commands: "./src/commands/index.ts",
};

/**
 * functions.json as shipped: the generator's output with the help URL base replaced and
 * `allowErrorForDataTypeAny` set. Without that flag Excel never calls a function whose argument
 * holds an error (it answers the error itself), so the functions could not turn `#REF!` into
 * `#VALUE!` naming it as docs/FUNCTIONS.md promises; every parameter is of type `any`, which is
 * what the flag applies to. The generator has no JSDoc tag for it, hence this step.
 */
function finishFunctionsMetadata(text, helpBase) {
  const replaced = helpBase ? text.split(HELP_URL_PLACEHOLDER).join(helpBase) : text;
  const metadata = JSON.parse(replaced);
  return JSON.stringify({ allowErrorForDataTypeAny: true, ...metadata }, null, 4);
}

/** Finishes functions.json (see finishFunctionsMetadata). */
class FunctionsMetadataPlugin {
  constructor(helpBase) {
    this.helpBase = helpBase;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const text = finishFunctionsMetadata(asset.source.source().toString(), this.helpBase);
          compilation.updateAsset("functions.json", new sources.RawSource(text));
        },
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || (process.env.NODE_ENV === "production" ? "production" : "development");
  const dev = mode !== "production";
  const publicUrl = env.publicUrl || process.env.ADDIN_PUBLIC_URL || "";
  return {
    mode,
    entry: entries,
    // Office's add-in runtimes are evergreen browsers (WebView2, WKWebView, the browser itself).
    target: ["web", "es2020"],
    devtool: dev ? "inline-source-map" : "source-map",
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The .xlsx adapter (ExcelJS) reads picked files in the taskpane: browser stand-ins for the
      // Node modules it touches; file-system paths (open/saveAtomic) are never called there.
      fallback: {
        fs: false,
        path: false,
        crypto: false,
        os: false,
        zlib: require.resolve("browserify-zlib"),
        stream: require.resolve("stream-browserify"),
        buffer: require.resolve("buffer/"),
      },
      alias: { exceljs: require.resolve("exceljs/dist/exceljs.min.js") },
    },
    // ExcelJS's browser build is already minified: keep it in its own chunk, unparsed and not
    // minified again (that was most of the build time). compat.js ships as written: it must stay ES5
    // for Internet Explorer 11, and the minifier, told the target is ES2020, may emit newer syntax.
    optimization: {
      splitChunks: {
        cacheGroups: {
          exceljs: { test: /exceljs\.min\.js$/, name: "exceljs", chunks: "all", enforce: true },
        },
      },
      minimizer: [new MinimizerPlugin({ exclude: /^(exceljs|compat)\.js$/ })],
    },
    module: {
      noParse: /exceljs\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type-checking is `npm run typecheck`'s job; here the metadata plugin appends
            // `CustomFunctions.associate(...)` to the function modules, a global tsc does not know.
            options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: true } },
          },
        },
      ],
    },
    plugins: [
      // "node:fs" → "fs", so the fallbacks above apply.
      new webpack.NormalModuleReplacementPlugin(/^node:/, (r) => {
        r.request = r.request.replace(/^node:/, "");
      }),
      // `process` is the `process` package with a microtask nextTick (see the module's comment).
      new webpack.ProvidePlugin({
        Buffer: ["buffer", "Buffer"],
        process: [path.resolve(__dirname, "src/taskpane/browserProcess.ts"), "default"],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime: the custom functions load in the taskpane's page, first, so they
        // register before anything else runs (the taskpane entry is small; the rest loads on demand).
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/taskpane/help.html", chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // ES5, unbundled: it must parse in Internet Explorer 11 (see the file).
          { from: "src/compat/compat.js", to: "compat.js" },
          {
            from: "docs/FUNCTIONS.md",
            to: FUNCTIONS_HELP_PAGE,
            transform: (content) => functionsHelpHtml(content.toString()),
          },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => manifestFor(content.toString(), publicUrl),
          },
        ],
      }),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: functionSources.map((file) => path.resolve(__dirname, file)),
      }),
      new FunctionsMetadataPlugin(
        env.docsUrl ||
          process.env.CCHC_DOCS_URL ||
          `${publicUrl ? withSlash(publicUrl) : DEV_URL}${FUNCTIONS_HELP_PAGE}`,
      ),
    ],
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      // Office needs https on localhost: the trusted certificate from office-addin-dev-certs.
      server: { type: "https", options: env.WEBPACK_SERVE ? devHttpsOptions() : undefined },
      // Office on the web and desktop load https://localhost:3000 only with a trusted certificate.
    },
  };
};

/** The localhost certificate office-addin-dev-certs installs (`npx office-addin-dev-certs install`,
 * run by `npm run start` on first use), read synchronously so this config stays a plain function. */
function devHttpsOptions() {
  const fs = require("node:fs");
  const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
  const read = (f) => fs.readFileSync(path.join(dir, f));
  try {
    return { ca: read("ca.crt"), key: read("localhost.key"), cert: read("localhost.crt") };
  } catch {
    throw new Error("No dev certificate: run `npx office-addin-dev-certs install` first.");
  }
}

module.exports.HELP_URL_PLACEHOLDER = HELP_URL_PLACEHOLDER;
module.exports.manifestFor = manifestFor;
module.exports.finishFunctionsMetadata = finishFunctionsMetadata;
module.exports.DEV_URL = DEV_URL;

// Bundles for the Excel add-in, written to dist/. Today: the custom functions (functions.js plus the
// functions.json metadata generated from their JSDoc). The taskpane and commands bundles join by adding
// entries to `entries` (and, for pages, an HtmlWebpackPlugin per page in `plugins`).
//
//   npx webpack --mode production     # dist/functions.js, dist/functions.json
//   npx webpack --mode development    # unminified, inline source maps
//
// Help links in functions.json point at HELP_URL_PLACEHOLDER; set CCHC_DOCS_URL (or --env docsUrl=…)
// to the published docs/FUNCTIONS.md address and the build rewrites them.
const path = require("node:path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const functionSources = require("./src/functions/metadataSources.json");

const HELP_URL_PLACEHOLDER = "https://cchc.example.invalid/docs/FUNCTIONS.md";

/** One bundle per entry: dist/<name>.js. */
const entries = {
  functions: "./src/functions/index.ts",
};

/** Replaces the placeholder help URL base in functions.json. */
class HelpUrlPlugin {
  constructor(base) {
    this.base = base;
  }
  apply(compiler) {
    if (!this.base) return;
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("HelpUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "HelpUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const text = asset.source.source().toString().split(HELP_URL_PLACEHOLDER).join(this.base);
          compilation.updateAsset("functions.json", new sources.RawSource(text));
        },
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || (process.env.NODE_ENV === "production" ? "production" : "development");
  const dev = mode !== "production";
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
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
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
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: functionSources.map((file) => path.resolve(__dirname, file)),
      }),
      new HelpUrlPlugin(env.docsUrl || process.env.CCHC_DOCS_URL),
    ],
  };
};

module.exports.HELP_URL_PLACEHOLDER = HELP_URL_PLACEHOLDER;

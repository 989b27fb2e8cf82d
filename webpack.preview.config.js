// The web page (bản web): the same taskpane UI served outside Excel, over the .xlsx adapter in the
// browser. Only the entry differs from the add-in's build (webpack.config.js): it mounts the App with
// browser operations and loads no Office.js. Output: dist-preview/ (`npm run preview` serves it).
//
//   npx webpack --config webpack.preview.config.js --mode production
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const addin = require("./webpack.config.js");

module.exports = (env = {}, argv = {}) => {
  const base = addin(env, argv);
  const keep = (p) => ["NormalModuleReplacementPlugin", "ProvidePlugin"].includes(p.constructor.name);
  return {
    mode: base.mode,
    entry: { preview: "./src/preview/index.tsx" },
    target: base.target,
    // Source maps would double the bundle the end-to-end tests load; `--mode development` has them.
    devtool: base.mode === "production" ? false : "eval-cheap-source-map",
    output: { path: path.resolve(__dirname, "dist-preview"), filename: "[name].js", clean: true },
    resolve: base.resolve,
    optimization: base.optimization,
    module: base.module,
    plugins: [
      ...base.plugins.filter(keep),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/preview/preview.html" }),
    ],
    performance: { hints: false },
  };
};

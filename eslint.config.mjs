// Lint keeps the layers honest: src/domain is pure (no host, UI, file system or .xlsx library),
// src/workbook never reaches up into the shells.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const hostGlobals = [
  "Office",
  "Excel",
  "CustomFunctions",
  "window",
  "document",
  "fetch",
  "navigator",
  "setTimeout",
  "setInterval",
  "process",
  "Buffer",
].map((name) => ({ name, message: "src/domain is pure: pass host services in from a shell." }));

export default tseslint.config(
  {
    ignores: [
      "node_modules",
      "build",
      "dist",
      "out",
      "coverage",
      "**/*.js",
      "**/*.mjs",
      "tests/fixtures/generated",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-globals": ["error", ...hostGlobals],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/workbook/**", "**/cli/**", "**/functions/**", "**/taskpane/**"],
              message: "src/domain must not import outer layers.",
            },
            {
              group: ["react", "react-dom", "@fluentui/*", "exceljs", "xlsx", "office-*", "@microsoft/*"],
              message: "src/domain must not import UI, host or .xlsx libraries.",
            },
            {
              group: ["fs", "node:*", "path", "os", "child_process", "worker_threads", "crypto"],
              message: "src/domain must not touch the file system or Node APIs.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/cli/**", "**/functions/**", "**/taskpane/**"],
              message: "src/workbook must not import the shells.",
            },
          ],
        },
      ],
    },
  },
);

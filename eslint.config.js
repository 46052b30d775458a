import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

const hostGlobals = ["Excel", "Office", "CustomFunctions", "window", "document", "self", "navigator"].map(
  (name) => ({ name, message: "The pure engine folders touch no host global (see STYLE.md)" }),
);

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "screenshots/**",
      "test-results/**",
      "*.config.js",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["**/*.mjs"], ...tseslint.configs.disableTypeChecked },
  {
    files: ["src/model/**", "src/analysis/**", "src/figures/**"],
    rules: {
      "no-restricted-globals": ["error", ...hostGlobals],
      "no-restricted-properties": [
        "error",
        {
          object: "Math",
          property: "random",
          message: "Use the seeded counter-based generator in src/analysis",
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/functions/**",
                "**/workbook/**",
                "**/taskpane/**",
                "**/worker/**",
                "**/preview/**",
                "**/cli/**",
                "react",
                "react-dom",
                "@fluentui/*",
                "hyperformula",
                "exceljs",
                "node:*",
                "fs",
                "path",
              ],
              message: "Pure folders (model, analysis, figures) import nothing from adapters or hosts",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["tests/**", "scripts/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
);

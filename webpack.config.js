// ChipShift build: one TypeScript loader (ts-loader, transpile only: `npm run typecheck` checks types),
// three entries (taskpane + functions share one page, the shared runtime; preview is development-only),
// the manifest rewritten to the production origin, and an HTTPS dev server on port 3000.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";

const root = path.dirname(fileURLToPath(import.meta.url));
const devOrigin = "https://localhost:3000";
const certDir = path.join(os.homedir(), ".office-addin-dev-certs");

/**
 * The origin the manifest points at: ADDIN_ORIGIN when set (must be a bare https origin such as
 * "https://chipshift.example.com"), else the dev server's. Throws, failing the build, on anything else.
 * @param {string | undefined} value
 * @returns {string}
 */
export function addinOrigin(value) {
  if (value === undefined || value === "") return devOrigin;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `ADDIN_ORIGIN must be an https origin like https://chipshift.example.com, got "${value}"`,
    );
  }
  if (url.protocol !== "https:" || url.origin !== value.replace(/\/$/, "")) {
    throw new Error(
      `ADDIN_ORIGIN must be an https origin with no path, query or credentials, got "${value}"`,
    );
  }
  return url.origin;
}

/**
 * The origin of a build. A production build needs ADDIN_ORIGIN (a manifest quietly pointing at
 * https://localhost:3000 would install an add-in that cannot load anywhere else), unless the build opts in to
 * the dev server's origin explicitly with `--env localhost` (`npm run build:localhost`).
 * @param {"production" | "development"} mode
 * @param {string | undefined} value ADDIN_ORIGIN
 * @param {boolean} localhost the explicit opt-in
 * @returns {string}
 */
export function productionOrigin(mode, value, localhost) {
  if (mode === "production" && (value === undefined || value === "") && !localhost) {
    throw new Error(
      "npm run build needs ADDIN_ORIGIN, the https origin that will host the add-in " +
        "(ADDIN_ORIGIN=https://chipshift.example.com npm run build); " +
        "use npm run build:localhost to build for https://localhost:3000 on purpose",
    );
  }
  return addinOrigin(value);
}

const hyperFormulaPath = /[\\/]node_modules[\\/]hyperformula[\\/]/;

/** Fails a production compilation that resolves HyperFormula (GPL-3.0): it belongs to the preview only. */
class NoHyperFormulaPlugin {
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    compiler.hooks.compilation.tap("NoHyperFormulaPlugin", (compilation, { normalModuleFactory }) => {
      normalModuleFactory.hooks.afterResolve.tap("NoHyperFormulaPlugin", (data) => {
        const resource = data.createData.resource ?? "";
        const issuer = data.contextInfo.issuer || "(entry)";
        if (hyperFormulaPath.test(resource) && !hyperFormulaPath.test(issuer)) {
          compilation.errors.push(
            new compiler.webpack.WebpackError(
              `HyperFormula is GPL-3.0 and must not be in the production bundle (imported from ${issuer})`,
            ),
          );
        }
      });
    });
  }
}

/** Reads the office-addin-dev-certs files for the HTTPS dev server; `npm start` creates them when missing. */
function httpsOptions() {
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const missing = Object.values(files).filter((f) => !existsSync(path.join(certDir, f)));
  if (missing.length > 0) {
    throw new Error(
      `Dev certificates missing in ${certDir} (${missing.join(", ")}): run \`npm start\` ` +
        "or `npx office-addin-dev-certs install --days 30` first",
    );
  }
  return Object.fromEntries(
    Object.entries(files).map(([option, file]) => [option, readFileSync(path.join(certDir, file))]),
  );
}

/**
 * @param {Record<string, unknown>} env webpack-cli's env (WEBPACK_SERVE is set by `webpack serve`)
 * @param {{ mode?: string }} argv
 * @returns {import("webpack").Configuration}
 */
export default function config(env = {}, argv = {}) {
  const mode = argv.mode === "production" ? "production" : "development";
  const dev = mode !== "production";
  const origin = productionOrigin(mode, process.env.ADDIN_ORIGIN, env.localhost === true);
  const functionsEntry = path.join(root, "src/functions/functions.ts");

  /** @type {import("webpack").EntryObject} */
  const entry = {
    functions: functionsEntry,
    // One page hosts both (shared runtime): the pane depends on the functions chunk, so the modules they
    // share (engine, figures, last simulation) are bundled once and instantiated once.
    taskpane: { import: path.join(root, "src/taskpane/index.tsx"), dependOn: "functions" },
  };
  if (dev) entry.preview = path.join(root, "src/preview/index.tsx");

  const plugins = [
    new CustomFunctionsMetadataPlugin({ input: functionsEntry, output: "functions.json" }),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: path.join(root, "src/taskpane/taskpane.html"),
      chunks: ["functions", "taskpane"],
      chunksSortMode: "manual",
    }),
    new CopyWebpackPlugin({
      patterns: [
        {
          from: path.join(root, "manifest.xml"),
          to: "manifest.xml",
          transform: (content) => content.toString().replaceAll(devOrigin, origin),
        },
        { from: path.join(root, "assets"), to: "assets" },
      ],
    }),
  ];
  if (dev) {
    plugins.push(
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: path.join(root, "src/preview/preview.html"),
        chunks: ["preview"],
      }),
    );
  } else {
    plugins.push(new NoHyperFormulaPlugin());
  }

  return {
    mode,
    context: root,
    entry,
    devtool: dev ? "source-map" : false,
    // CHIPSHIFT_REACT_PRODUCTION=1 keeps the development entries (the preview) but runs React's production
    // build, so end-to-end timing (long tasks while simulating) measures what users get, not dev-mode checks.
    ...(dev && process.env.CHIPSHIFT_REACT_PRODUCTION === "1"
      ? { optimization: { nodeEnv: "production" } }
      : {}),
    output: {
      path: path.join(root, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.join(root, "tsconfig.json"),
              compilerOptions: { noEmit: false, sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins,
    performance: { hints: false },
    devServer: env.WEBPACK_SERVE
      ? {
          host: "localhost",
          port: 3000,
          server: { type: "https", options: httpsOptions() },
          headers: { "Access-Control-Allow-Origin": "*" },
          static: { directory: path.join(root, "dist"), watch: false },
          client: { overlay: { warnings: false, errors: true } },
        }
      : undefined,
  };
}

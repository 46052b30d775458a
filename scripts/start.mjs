// `npm start`: make sure the HTTPS dev certificates exist, then
//  - Windows/macOS: run the dev server and sideload manifest.xml into desktop Excel with office-addin-debugging;
//  - Linux (no desktop Excel): run the dev server and print the URLs and the Excel-on-the-web sideload steps.
// Keeps serving until Ctrl+C.
//
// office-addin-debugging is deliberately NOT a dependency: it pulls in keytar, whose install script downloads
// from GitHub and then compiles against libsecret, which breaks `npm ci` on Linux/CI. It is fetched with
// `npx --yes` only on the platforms where it can sideload.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import https from "node:https";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
const certFiles = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => path.join(certDir, f));
const paneUrl = "https://localhost:3000/taskpane.html";
const previewUrl = "https://localhost:3000/preview.html";
const isWindows = process.platform === "win32";
const npx = isWindows ? "npx.cmd" : "npx";

const certsPresent = () => certFiles.every((f) => existsSync(f));

/** Runs a command to completion with inherited output; resolves to its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      shell: isWindows,
    });
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function ensureCerts() {
  if (certsPresent()) return;
  console.log(`Creating development certificates in ${certDir} …`);
  if (process.platform === "linux") {
    // Trusting the CA needs sudo and a desktop trust store; generating the files is all the server needs.
    const { generateCertificates } = await import("office-addin-dev-certs");
    await generateCertificates(...certFiles, 30);
  } else {
    // Generates and trusts the CA (may prompt). It exits 0 even when trusting fails, so check the files.
    await run(npx, ["office-addin-dev-certs", "install", "--days", "30"]);
  }
  if (!certsPresent()) {
    console.error(`Could not create the certificates in ${certDir}; try: npx office-addin-dev-certs install`);
    process.exit(1);
  }
}

/** Polls url until it answers 200 (self-signed certificate accepted), or the server exits. */
async function waitFor(url, server, timeoutMs = 180_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.exitCode !== null) return false;
    const status = await new Promise((resolve) => {
      const req = https.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", () => resolve(0));
      req.on("timeout", () => req.destroy());
    });
    if (status === 200) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

const t0 = Date.now();
await ensureCerts();

// Run webpack-cli in this Node directly (not through npx) so that stopping it stops the server itself.
const webpackCli = createRequire(import.meta.url).resolve("webpack-cli/bin/cli.js");
const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
});
const stop = () => {
  if (server.exitCode === null) server.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code, signal) => process.exit(signal ? 0 : (code ?? 0)));

if (!(await waitFor(paneUrl, server))) {
  console.error(`The dev server did not answer ${paneUrl}; see the webpack output above.`);
  stop();
  process.exit(1);
}
const seconds = ((Date.now() - t0) / 1000).toFixed(1);

if (process.platform === "win32" || process.platform === "darwin") {
  console.log(`\nChipShift dev server is up (${seconds} s). Sideloading into desktop Excel …`);
  const code = await run(npx, ["--yes", "office-addin-debugging", "start", "manifest.xml", "desktop"]);
  if (code !== 0) console.error("Sideloading failed; you can still upload manifest.xml in Excel by hand.");
} else {
  console.log(`
ChipShift dev server is up (${seconds} s). Press Ctrl+C to stop.

  Preview (task pane + in-browser workbook, no Excel needed): ${previewUrl}
  Task pane page:                                          ${paneUrl}

The certificate is self-signed: open one URL once in your browser and accept it.

To run it in Excel on the web:
  1. Open a workbook at office.com.
  2. Insert → Add-ins → Upload My Add-in (or Home → Add-ins → More Add-ins → Upload My Add-in).
  3. Choose ${path.join(root, "manifest.xml")} and Upload.
  4. Home → ChipShift opens the pane; type =CHIPS. in a cell for the functions.
`);
}

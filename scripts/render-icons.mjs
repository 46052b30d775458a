// Renders assets/icon.svg to the PNG icons the manifest references (16, 32, 64, 80 px) and a 128 px logo.
// Re-runnable: `node scripts/render-icons.mjs`. Needs Debian's Chromium at /usr/bin/chromium (playwright-core
// never downloads a browser). The PNGs are committed, so the build does not need a browser.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const assets = path.join(root, "assets");
const outputs = [
  { size: 16, file: "icon-16.png" },
  { size: 32, file: "icon-32.png" },
  { size: 64, file: "icon-64.png" },
  { size: 80, file: "icon-80.png" },
  { size: 128, file: "logo-128.png" },
];

const svg = await readFile(path.join(assets, "icon.svg"), "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const page = await browser.newPage();
  for (const { size, file } of outputs) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace(/width="64" height="64"/, `width="${size}" height="${size}"`);
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`,
    );
    await page.locator("svg").screenshot({ path: path.join(assets, file), omitBackground: true });
    console.log(`assets/${file} ${size}x${size}`);
  }
} finally {
  await browser.close();
}

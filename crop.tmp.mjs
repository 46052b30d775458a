import { chromium } from "playwright-core";
import { writeFileSync } from "node:fs";
const [,, src, out, y, h] = process.argv;
writeFileSync("/tmp/crop.html", `<html><body style="margin:0"><img style="display:block" src="file://${src}"></body></html>`);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const p = await b.newPage({ viewport: { width: 351, height: 800 } });
await p.goto("file:///tmp/crop.html");
await p.screenshot({ path: out, fullPage: true, clip: { x: 0, y: Number(y), width: 351, height: Number(h) } });
await b.close();

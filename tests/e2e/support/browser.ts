/**
 * The e2e browser harness: Debian's Chromium driven by playwright-core, fully offline.
 *
 *   const browser = await launchBrowser();                 // once per file (beforeAll)
 *   const session = await openSession(browser, "preview.html");  // fresh context + page per test
 *   ... drive session.page ...
 *   await session.screenshot("preview-inserted");          // → screenshots/<name>.png (git-ignored)
 *   expect(session.errors()).toEqual([]);                  // console errors, page errors, blocked requests
 *   await session.close(); await browser.close();
 *
 * Office.js keeps its official CDN URL in the HTML; requests to it are answered from
 * node_modules/@microsoft/office-js/dist. Any other request that is not to localhost is aborted and reported,
 * except office.js's own telemetry frame (*.oaspapps.com), which it opens even outside Office: aborted silently.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page, Route } from "playwright-core";
import { inject } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.join(root, "node_modules/@microsoft/office-js/dist");
const OFFICE_TELEMETRY_HOST = /(^|\.)oaspapps\.com$/;
export const SCREENSHOT_DIR = path.join(root, "screenshots");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
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
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, uncaught page errors and blocked off-box requests seen so far. */
  errors(): string[];
  /** Saves a full-page PNG as screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface SessionOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Script run in the page before its own scripts (e.g. to inject a fake `window.Excel`). */
  readonly initScript?: string;
  /** Origin serving the build; default: the e2e globalSetup's server (vitest `inject`). The bench passes its own. */
  readonly baseUrl?: string;
}

/** A fresh browser context and page on `pagePath` of the e2e build (e.g. "preview.html"), loaded and idle. */
export async function openSession(
  browser: Browser,
  pagePath: string,
  options: SessionOptions = {},
): Promise<Session> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 860 } });
  const problems: string[] = [];
  await context.route("**/*", (route) => answer(route, problems));
  if (options.initScript !== undefined) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${options.baseUrl ?? inject("baseUrl")}/${pagePath}`, { waitUntil: "load" });
  return {
    context,
    page,
    errors: () => [...problems],
    screenshot: async (name) => {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: () => context.close(),
  };
}

async function answer(route: Route, problems: string[]): Promise<void> {
  const url = route.request().url();
  if (url.startsWith(OFFICE_CDN)) {
    const relative = decodeURIComponent(new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
    const file = path.resolve(OFFICE_DIST, relative);
    if (!file.startsWith(OFFICE_DIST + path.sep)) return route.abort("accessdenied");
    const body = await readFile(file).catch(() => undefined);
    if (body === undefined) {
      problems.push(`office.js file missing locally: ${relative}`);
      return route.fulfill({ status: 404, body: "" });
    }
    return route.fulfill({ status: 200, body, contentType: contentTypeOf(file) });
  }
  const { hostname } = new URL(url);
  if (url.startsWith("data:") || hostname === "127.0.0.1" || hostname === "localhost")
    return route.continue();
  if (OFFICE_TELEMETRY_HOST.test(hostname)) return route.abort("blockedbyclient");
  problems.push(`blocked off-box request: ${url}`);
  return route.abort("blockedbyclient");
}

function contentTypeOf(file: string): string {
  if (file.endsWith(".js")) return "text/javascript; charset=utf-8";
  if (file.endsWith(".json")) return "application/json; charset=utf-8";
  if (file.endsWith(".css")) return "text/css; charset=utf-8";
  if (file.endsWith(".html")) return "text/html; charset=utf-8";
  return "application/octet-stream";
}

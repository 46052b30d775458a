import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openSession } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe("taskpane.html outside Office", () => {
  it("taskpane.html renders the shell with its five tabs and the outside-Excel notice", async () => {
    const session = await openSession(browser, "taskpane.html", { viewport: { width: 420, height: 800 } });
    const { page } = session;
    await page.getByRole("tab", { name: "Figures" }).waitFor();
    for (const name of ["Scenario", "Simulate", "Sensitivity", "Figures", "Build"]) {
      expect(await page.getByRole("tab", { name }).isVisible()).toBe(true);
    }
    expect(await page.getByTestId("host-notice").textContent()).toMatch(/outside Excel/);
    await page.getByRole("tab", { name: "Figures" }).click();
    await page.getByRole("searchbox", { name: "Search figures" }).waitFor();
    await session.screenshot("taskpane-outside-office");
    expect(session.errors()).toEqual([]);
    await session.close();
  });
});

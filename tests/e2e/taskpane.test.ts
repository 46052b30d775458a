import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openSession } from "./support/browser";
import { sectionNames, showSection } from "./support/sections";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe("taskpane.html outside Office", () => {
  it("taskpane.html renders the shell with its six sections on one tab row and the outside-Excel notice", async () => {
    const session = await openSession(browser, "taskpane.html", { viewport: { width: 420, height: 800 } });
    const { page } = session;
    await page.getByRole("tab", { name: "Scenario" }).waitFor();
    // Every section has a tab on the one row (icon-only tabs are named by their aria-label).
    expect((await sectionNames(page)).sort()).toEqual(
      ["Scenario", "Simulate", "Sensitivity", "Evidence", "Figures", "Build"].sort(),
    );
    expect(await page.getByTestId("host-notice").textContent()).toMatch(/outside Excel/);
    await showSection(page, "Figures");
    await page.getByRole("searchbox", { name: "Search figures" }).waitFor();
    await session.screenshot("taskpane-outside-office");
    expect(session.errors()).toEqual([]);
    await session.close();
  });
});
